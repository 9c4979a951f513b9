#include "auth/relying_party.h"

#include <algorithm>
#include <boost/json.hpp>

#include "auth/strict_json.h"
#include "auth/validate_with_refresh.h"

namespace stafett::auth {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string with_query(const std::string& endpoint, const FormFields& fields) {
  std::string url = endpoint;
  char separator = endpoint.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : fields) {
    url += separator;
    url += percent_encode(name);
    url += '=';
    url += percent_encode(value);
    separator = '&';
  }
  return url;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ' ';
    out += item;
  }
  return out;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

}  // namespace

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
        u == '_' || u == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

RelyingParty::RelyingParty(ClientSettings settings, ProviderMetadata metadata, HttpsGet get, HttpsPostForm post,
                           const Clock& clock)
    : settings_(std::move(settings)),
      metadata_(std::move(metadata)),
      post_(std::move(post)),
      clock_(clock),
      jwks_(metadata_.jwks_uri, std::move(get), clock) {}

Result<std::unique_ptr<RelyingParty>> RelyingParty::discover(ClientSettings settings, HttpsGet get,
                                                              HttpsPostForm post, const Clock& clock) {
  auto metadata = auth::discover(settings.issuer, get);
  if (!metadata) return metadata.error();
  if (!contains(metadata->code_challenge_methods_supported, "S256")) {
    return make_error(Errc::kInvalidInput, settings.issuer + " does not advertise PKCE S256");
  }
  const std::string method = settings.signer ? "private_key_jwt" : "client_secret_post";
  if (!contains(metadata->token_endpoint_auth_methods_supported, method)) {
    return make_error(Errc::kInvalidInput, settings.issuer + " does not support " + method);
  }
  return std::make_unique<RelyingParty>(std::move(settings), std::move(*metadata), std::move(get), std::move(post),
                                        clock);
}

std::string RelyingParty::authorization_url(const AuthorizationRequest& request) const {
  FormFields fields = {{"response_type", "code"},
                       {"client_id", settings_.client_id},
                       {"redirect_uri", settings_.redirect_uri},
                       {"scope", "openid profile"},
                       {"state", request.state},
                       {"nonce", request.nonce},
                       {"code_challenge", request.code_challenge},
                       {"code_challenge_method", "S256"}};
  if (!settings_.acr_values.empty()) fields.emplace_back("acr_values", join(settings_.acr_values));
  if (!request.ui_locales.empty()) fields.emplace_back("ui_locales", request.ui_locales);
  if (request.fresh_login) {
    fields.emplace_back("prompt", "login");
    fields.emplace_back("max_age", "0");
  }
  return with_query(metadata_.authorization_endpoint, fields);
}

TokenExpectations RelyingParty::expectations(const std::string& nonce) const {
  if (settings_.acr_values.empty()) return TokenExpectations::for_entra_id(settings_.issuer, settings_.client_id, nonce);
  auto expect = TokenExpectations::for_idporten(settings_.issuer, settings_.client_id, nonce);
  expect.acceptable_acr = settings_.acr_values;
  return expect;
}

Result<VerifiedLogin> RelyingParty::redeem(const std::string& code, const std::string& code_verifier,
                                           const std::string& nonce,
                                           std::optional<std::chrono::sys_seconds> authenticated_after) {
  FormFields fields = {{"grant_type", "authorization_code"},
                       {"code", code},
                       {"redirect_uri", settings_.redirect_uri},
                       {"code_verifier", code_verifier}};
  if (settings_.signer) {
    auto assertion = settings_.signer->sign(settings_.client_id, settings_.issuer, clock_.now());
    if (!assertion) return assertion.error();
    fields.emplace_back("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    fields.emplace_back("client_assertion", std::move(*assertion));
  } else {
    fields.emplace_back("client_id", settings_.client_id);
    fields.emplace_back("client_secret", settings_.client_secret);
  }
  auto response = post_(metadata_.token_endpoint, fields);
  if (!response) return response.error();
  if (response->status != 200) {
    return make_error(Errc::kForbidden, "token endpoint answered " + std::to_string(response->status));
  }
  auto body = parse_strict_json_object(response->body);
  if (!body) return make_error(Errc::kForbidden, "token response: " + std::string(json_defect_name(body.error())));
  const auto* type = body->if_contains("token_type");
  const auto* id_token = body->if_contains("id_token");
  if (type == nullptr || !type->is_string() || !ascii_iequals(type->get_string(), "Bearer")) {
    return make_error(Errc::kForbidden, "token response: token_type is not Bearer");
  }
  if (id_token == nullptr || !id_token->is_string()) {
    return make_error(Errc::kForbidden, "token response: no id_token");
  }
  VerifiedLogin out;
  out.id_token = std::string(id_token->get_string());
  auto expect = expectations(nonce);
  expect.authenticated_after = authenticated_after;
  auto claims = validate_with_refresh(out.id_token, jwks_, expect, clock_.now());
  if (!claims) return claims.error();
  out.claims = std::move(*claims);
  return out;
}

std::optional<std::string> RelyingParty::logout_url(const std::string& id_token,
                                                    const std::string& post_logout_redirect_uri,
                                                    const std::string& state) const {
  if (!metadata_.end_session_endpoint) return std::nullopt;
  return with_query(*metadata_.end_session_endpoint, {{"id_token_hint", id_token},
                                                      {"post_logout_redirect_uri", post_logout_redirect_uri},
                                                      {"state", state}});
}

}  // namespace stafett::auth
