#pragma once
// OpenID Connect Discovery 1.0: what the identity provider says about itself
// (its endpoints and what it supports), fetched from the issuer's
// /.well-known/openid-configuration and checked before any of it is used.
// Why so strict: the metadata tells us where to send users and whose keys to
// trust. A document whose `issuer` is not byte for byte the configured issuer
// is refused (Discovery §4.3: it would let one provider impersonate another),
// and every endpoint we would call or send users to must be https.
// Errors: kInvalidInput for a configured issuer that is not an https URL and
// for a document we refuse; kUnavailable when the fetch fails or does not
// answer 200 (and the fetch's own errors pass through).
// Thread-safety: pure functions apart from the HttpsGet they are given.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/https_get.h"
#include "core/result.h"

namespace stafett::auth {

struct ProviderMetadata {
  std::string issuer;  // equals the configured issuer byte for byte
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::optional<std::string> end_session_endpoint;
  std::vector<std::string> response_types_supported;  // always includes "code"
  // Empty when not advertised; when advertised it includes "S256".
  std::vector<std::string> code_challenge_methods_supported;
  // As advertised; when absent the spec's default, {"client_secret_basic"}.
  std::vector<std::string> token_endpoint_auth_methods_supported;
  std::vector<std::string> id_token_signing_alg_values_supported;  // empty when not advertised
  bool frontchannel_logout_supported = false;
  bool frontchannel_logout_session_supported = false;
};

// The issuer with one trailing '/' removed, then "/.well-known/openid-configuration"
// (Discovery §4.1): "https://idporten.no/" and "https://idporten.no" ask the same URL,
// while the issuer each expects in the document still differs by that slash.
std::string openid_configuration_url(std::string_view issuer);

// Checks a fetched document against the configured issuer (see above).
Result<ProviderMetadata> parse_provider_metadata(std::string_view document,
                                                 std::string_view issuer);

// Fetches and checks the provider's metadata. REQUIRES: `get` is callable.
Result<ProviderMetadata> discover(const std::string& issuer, const HttpsGet& get);

}  // namespace stafett::auth
