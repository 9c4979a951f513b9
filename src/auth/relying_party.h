#pragma once
// RelyingParty: our side of the OpenID Connect authorization code flow with
// one identity provider (ID-porten for citizens, Entra ID for employees).
// It builds the authorization request (PKCE S256, state, nonce, acr_values),
// redeems the code at the token endpoint (private_key_jwt or
// client_secret_post) and validates the id_token with the provider's cached
// keys (one refresh on an unknown kid) before anything is believed.
// It decides nothing about people or sessions: that is app/ and web/.
// Why injected HTTPS functions: auth stays below http (see https_get.h); the
// composition root wires them to http::https_get / https_post_form with the
// configured CA file.
// Errors never contain a code, token, secret or claim value.
// Thread-safety: all const members and redeem() may run on many threads.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/client_assertion.h"
#include "auth/discovery.h"
#include "auth/https_get.h"
#include "auth/id_token.h"
#include "auth/jwks_cache.h"
#include "core/clock.h"
#include "core/result.h"

namespace stafett::auth {

using FormFields = std::vector<std::pair<std::string, std::string>>;
// POSTs `fields` form-encoded to `url` over verified TLS; any status is a document.
using HttpsPostForm = std::function<Result<FetchedDocument>(const std::string& url, const FormFields& fields)>;

struct ClientSettings {
  std::string issuer;        // as registered; discovery must state exactly this
  std::string client_id;
  std::string redirect_uri;  // exact, as registered
  // Requested as acr_values, and the returned `acr` must be one of them.
  // Empty: no acr is requested or checked (Entra ID).
  std::vector<std::string> acr_values;
  std::optional<ClientAssertionSigner> signer;  // set: private_key_jwt
  std::string client_secret;                    // otherwise: client_secret_post
};

struct AuthorizationRequest {
  std::string state;
  std::string nonce;
  std::string code_challenge;  // S256
  std::string ui_locales;      // e.g. "nb"; empty: not sent
  // The person must log in again even with a live session at the provider:
  // prompt=login and max_age=0 (which also makes auth_time mandatory).
  bool fresh_login = false;
};

// A validated id_token and its text (kept server-side for id_token_hint).
struct VerifiedLogin {
  IdTokenClaims claims;
  std::string id_token;
};

class RelyingParty {
 public:
  RelyingParty(ClientSettings settings, ProviderMetadata metadata, HttpsGet get, HttpsPostForm post,
               const Clock& clock);
  RelyingParty(const RelyingParty&) = delete;
  RelyingParty& operator=(const RelyingParty&) = delete;

  // Discovery from settings.issuer (refusing metadata for another issuer or
  // without S256 / the needed client authentication method).
  static Result<std::unique_ptr<RelyingParty>> discover(ClientSettings settings, HttpsGet get, HttpsPostForm post,
                                                        const Clock& clock);

  // The authorization endpoint with response_type=code, client_id,
  // redirect_uri, scope "openid profile", state, nonce, code_challenge,
  // code_challenge_method=S256, acr_values and ui_locales when set.
  std::string authorization_url(const AuthorizationRequest& request) const;

  // Exchanges `code` at the token endpoint and validates the id_token against
  // `nonce` (and, when set, demands auth_time >= `authenticated_after`, see
  // TokenExpectations). kForbidden when the provider refuses the code or the id_token is
  // refused; kUnavailable when the provider cannot be reached.
  Result<VerifiedLogin> redeem(const std::string& code, const std::string& code_verifier, const std::string& nonce,
                               std::optional<std::chrono::sys_seconds> authenticated_after = std::nullopt);

  // RP-initiated logout: end_session_endpoint with id_token_hint,
  // post_logout_redirect_uri and state; nullopt if the provider has none.
  // A GET (a redirect), not a POST: a cross-site POST would not carry the
  // provider's SameSite=Lax session cookie, so the provider could not tell
  // which session to end (see docs/decisions/0004).
  std::optional<std::string> logout_url(const std::string& id_token, const std::string& post_logout_redirect_uri,
                                        const std::string& state) const;

  const std::string& issuer() const { return settings_.issuer; }
  const ClientSettings& settings() const { return settings_; }
  const ProviderMetadata& metadata() const { return metadata_; }

 private:
  TokenExpectations expectations(const std::string& nonce) const;

  const ClientSettings settings_;
  const ProviderMetadata metadata_;
  const HttpsPostForm post_;
  const Clock& clock_;
  JwksCache jwks_;
};

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string percent_encode(std::string_view text);

}  // namespace stafett::auth
