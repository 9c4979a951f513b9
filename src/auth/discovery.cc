#include "auth/discovery.h"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/url/parse.hpp>

#include "auth/strict_json.h"

namespace stafett::auth {
namespace {

namespace json = boost::json;

constexpr std::string_view kWellKnownPath = "/.well-known/openid-configuration";

Error refused(std::string detail) {
  return make_error(Errc::kInvalidInput, "provider metadata refused: " + std::move(detail));
}

// An absolute https URL with a host, without user info or fragment; the
// scheme is compared in lower case only, like the issuer.
bool is_https_url(std::string_view text, bool allow_query) {
  const auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) return false;
  const auto& u = *parsed;
  // Boost.URL 1.81 reads "https://host:x/" as port "" and path "x/"; RFC 3986 wants "/" after an
  // authority.
  const std::string_view path = u.encoded_path();
  if (!path.empty() && !path.starts_with('/')) return false;
  return u.scheme() == "https" && u.host_type() != boost::urls::host_type::none &&
         !u.encoded_host().empty() && !u.has_userinfo() && !u.has_fragment() &&
         (allow_query || !u.has_query());
}

const json::value* member(const json::object& object, std::string_view name) {
  return object.if_contains(json::string_view(name.data(), name.size()));
}

Result<std::optional<std::string>> optional_string(const json::object& object,
                                                   std::string_view name) {
  const json::value* value = member(object, name);
  if (value == nullptr) return std::optional<std::string>{};
  if (!value->is_string() || value->get_string().empty())
    return refused(std::string(name) + " is not a string");
  return std::optional<std::string>(std::string(value->get_string()));
}

Result<std::string> required_https_url(const json::object& object, std::string_view name) {
  auto text = optional_string(object, name);
  if (!text) return text.error();
  if (!*text) return refused(std::string(name) + " is missing");
  if (!is_https_url(**text, true)) return refused(std::string(name) + " is not an https URL");
  return std::move(**text);
}

Result<std::optional<std::vector<std::string>>> optional_strings(const json::object& object,
                                                                 std::string_view name) {
  const json::value* value = member(object, name);
  if (value == nullptr) return std::optional<std::vector<std::string>>{};
  if (!value->is_array()) return refused(std::string(name) + " is not an array");
  std::vector<std::string> strings;
  for (const json::value& item : value->get_array()) {
    if (!item.is_string())
      return refused(std::string(name) + " holds a value that is not a string");
    strings.emplace_back(item.get_string());
  }
  return std::optional<std::vector<std::string>>(std::move(strings));
}

Result<bool> optional_bool(const json::object& object, std::string_view name) {
  const json::value* value = member(object, name);
  if (value == nullptr) return false;
  if (!value->is_bool()) return refused(std::string(name) + " is not a boolean");
  return value->get_bool();
}

bool contains(const std::vector<std::string>& values, std::string_view wanted) {
  return std::find(values.begin(), values.end(), wanted) != values.end();
}

}  // namespace

std::string openid_configuration_url(std::string_view issuer) {
  if (issuer.ends_with('/')) issuer.remove_suffix(1);
  return std::string(issuer) + std::string(kWellKnownPath);
}

Result<ProviderMetadata> parse_provider_metadata(std::string_view document,
                                                 std::string_view issuer) {
  auto parsed = parse_strict_json_object(document);
  if (!parsed)
    return refused("not a JSON object (" + std::string(json_defect_name(parsed.error())) + ")");
  const json::object& object = *parsed;

  // Byte for byte (Discovery §4.3): no trimming, case folding or slash fixing.
  const json::value* stated_issuer = member(object, "issuer");
  if (stated_issuer == nullptr || !stated_issuer->is_string() ||
      std::string_view(stated_issuer->get_string()) != issuer) {
    return refused("issuer differs from the configured issuer");
  }

  ProviderMetadata metadata;
  metadata.issuer = std::string(issuer);
  for (auto [name, target] : {std::pair{"authorization_endpoint", &metadata.authorization_endpoint},
                              std::pair{"token_endpoint", &metadata.token_endpoint},
                              std::pair{"jwks_uri", &metadata.jwks_uri}}) {
    auto url = required_https_url(object, name);
    if (!url) return url.error();
    *target = std::move(*url);
  }
  auto end_session = optional_string(object, "end_session_endpoint");
  if (!end_session) return end_session.error();
  if (*end_session && !is_https_url(**end_session, true))
    return refused("end_session_endpoint is not an https URL");
  metadata.end_session_endpoint = std::move(*end_session);

  // We only speak the authorization code flow.
  auto response_types = optional_strings(object, "response_types_supported");
  if (!response_types) return response_types.error();
  if (!*response_types || !contains(**response_types, "code")) {
    return refused("response_types_supported does not include code");
  }
  metadata.response_types_supported = std::move(**response_types);

  // PKCE with S256 is what we send; a provider that lists methods without it would refuse us.
  auto challenge_methods = optional_strings(object, "code_challenge_methods_supported");
  if (!challenge_methods) return challenge_methods.error();
  if (*challenge_methods) {
    if (!contains(**challenge_methods, "S256"))
      return refused("code_challenge_methods_supported lacks S256");
    metadata.code_challenge_methods_supported = std::move(**challenge_methods);
  }

  auto auth_methods = optional_strings(object, "token_endpoint_auth_methods_supported");
  if (!auth_methods) return auth_methods.error();
  metadata.token_endpoint_auth_methods_supported =
      *auth_methods ? std::move(**auth_methods) : std::vector<std::string>{"client_secret_basic"};

  auto algorithms = optional_strings(object, "id_token_signing_alg_values_supported");
  if (!algorithms) return algorithms.error();
  if (*algorithms) metadata.id_token_signing_alg_values_supported = std::move(**algorithms);

  auto frontchannel = optional_bool(object, "frontchannel_logout_supported");
  if (!frontchannel) return frontchannel.error();
  metadata.frontchannel_logout_supported = *frontchannel;
  auto frontchannel_session = optional_bool(object, "frontchannel_logout_session_supported");
  if (!frontchannel_session) return frontchannel_session.error();
  metadata.frontchannel_logout_session_supported = *frontchannel_session;
  return metadata;
}

Result<ProviderMetadata> discover(const std::string& issuer, const HttpsGet& get) {
  // Discovery §2: the issuer is an https URL without query or fragment.
  if (!is_https_url(issuer, false)) {
    return make_error(Errc::kInvalidInput,
                      "the configured issuer is not an https URL without query or fragment");
  }
  const std::string url = openid_configuration_url(issuer);
  auto fetched = get(url);
  if (!fetched) return fetched.error();
  if (fetched->status != 200) {
    return make_error(Errc::kUnavailable,
                      url + " answered status " + std::to_string(fetched->status));
  }
  return parse_provider_metadata(fetched->body, issuer);
}

}  // namespace stafett::auth
