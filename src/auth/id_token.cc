#include "auth/id_token.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <array>

#include "auth/base64url.h"
#include "auth/strict_json.h"

namespace stafett::auth {
namespace {

namespace json = boost::json;
using std::chrono::seconds;
using std::chrono::sys_seconds;

// Header parameters that would let the token choose its own key or demand
// extensions we do not implement (RFC 8725 §3.10, RFC 7515 §4.1.11).
constexpr std::array<std::string_view, 5> kForbiddenHeaderParameters = {"jku", "x5u", "jwk", "x5c",
                                                                        "crit"};

// 9999-12-31T23:59:59Z: bounds NumericDate so seconds→milliseconds cannot overflow.
constexpr std::int64_t kLatestNumericDate = 253402300799;

const json::value* member(const json::object& object, std::string_view name) {
  return object.if_contains(json::string_view(name.data(), name.size()));
}

TokenResult<json::object> parse_part(std::string_view bytes) {
  auto parsed = parse_strict_json_object(bytes);
  if (parsed) return std::move(*parsed);
  return parsed.error() == JsonDefect::kDuplicateKey ? TokenDefect::kDuplicateJsonKey
                                                     : TokenDefect::kMalformedJson;
}

// nullopt when absent; kMalformedClaim when present but not a string.
TokenResult<std::optional<std::string>> string_claim(const json::object& claims,
                                                     std::string_view name) {
  const json::value* v = member(claims, name);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) return TokenDefect::kMalformedClaim;
  return std::optional<std::string>(std::string(v->get_string()));
}

// NumericDate as a JSON integer only: "1700000000", 1.7e9 and 1700000000.5
// are refused rather than rounded one way or another.
TokenResult<std::optional<sys_seconds>> time_claim(const json::object& claims,
                                                   std::string_view name) {
  const json::value* v = member(claims, name);
  if (v == nullptr) return std::optional<sys_seconds>();
  if (!v->is_int64()) return TokenDefect::kMalformedClaim;
  const std::int64_t value = v->get_int64();
  if (value < 0 || value > kLatestNumericDate) return TokenDefect::kMalformedClaim;
  return std::optional<sys_seconds>(sys_seconds(seconds(value)));
}

// `aud` is a string or a non-empty array of strings; always returned as a list.
TokenResult<std::vector<std::string>> audience_claim(const json::object& claims) {
  const json::value* v = member(claims, "aud");
  if (v == nullptr) return TokenDefect::kAudienceMismatch;
  if (v->is_string()) return std::vector<std::string>{std::string(v->get_string())};
  if (!v->is_array()) return TokenDefect::kMalformedClaim;
  std::vector<std::string> audience;
  for (const json::value& entry : v->get_array()) {
    if (!entry.is_string()) return TokenDefect::kMalformedClaim;
    audience.emplace_back(entry.get_string());
  }
  if (audience.empty()) return TokenDefect::kAudienceMismatch;
  return audience;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

// The nonce binds the token to this browser's login; a timing difference
// must not reveal how much of a guessed nonce was right.
bool nonce_matches(std::string_view received, std::string_view expected) {
  return received.size() == expected.size() &&
         CRYPTO_memcmp(received.data(), expected.data(), expected.size()) == 0;
}

struct TokenParts {
  std::string_view signing_input;  // "header.payload", exactly as signed
  std::string header;
  std::string payload;
  std::string signature;
};

TokenResult<TokenParts> split_and_decode(std::string_view token) {
  const std::size_t first_dot = token.find('.');
  if (first_dot == std::string_view::npos) return TokenDefect::kMalformedStructure;
  const std::size_t second_dot = token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos) return TokenDefect::kMalformedStructure;
  if (token.find('.', second_dot + 1) != std::string_view::npos)
    return TokenDefect::kMalformedStructure;
  auto header = base64url_decode(token.substr(0, first_dot));
  auto payload = base64url_decode(token.substr(first_dot + 1, second_dot - first_dot - 1));
  auto signature = base64url_decode(token.substr(second_dot + 1));
  if (!header || !payload || !signature) return TokenDefect::kMalformedBase64;
  return TokenParts{token.substr(0, second_dot), std::move(*header), std::move(*payload),
                    std::move(*signature)};
}

struct ChosenKey {
  const Jwk* key = nullptr;
  JwsAlgorithm algorithm = JwsAlgorithm::kRs256;
};

// The header decides which key and algorithm verify the signature, so
// everything in it is checked against our own configuration first.
TokenResult<ChosenKey> choose_key(const json::object& header, const Jwks& keys,
                                  const TokenExpectations& expect) {
  const json::value* alg = member(header, "alg");
  if (alg == nullptr || !alg->is_string()) return TokenDefect::kAlgorithmNotAllowed;
  const auto named = jws_algorithm_from_name(std::string_view(alg->get_string()));
  if (!named || std::find(expect.allowed_algorithms.begin(), expect.allowed_algorithms.end(),
                          *named) == expect.allowed_algorithms.end()) {
    return TokenDefect::kAlgorithmNotAllowed;
  }
  const JwsAlgorithm algorithm = *named;
  for (const std::string_view parameter : kForbiddenHeaderParameters) {
    if (member(header, parameter) != nullptr) return TokenDefect::kForbiddenHeader;
  }
  // An access token (typ "at+jwt") or a logout token must not pass as an id_token.
  if (const json::value* typ = member(header, "typ")) {
    if (!typ->is_string() ||
        !equals_ignoring_ascii_case(std::string_view(typ->get_string()), "JWT")) {
      return TokenDefect::kUnexpectedType;
    }
  }
  const json::value* kid = member(header, "kid");
  if (kid == nullptr || !kid->is_string() || kid->get_string().empty())
    return TokenDefect::kMissingKeyId;
  const Jwk* key = keys.find(std::string_view(kid->get_string()));
  if (key == nullptr) return TokenDefect::kUnknownKeyId;
  if (!key_fits_algorithm(*key, algorithm)) return TokenDefect::kKeyDoesNotFitAlgorithm;
  return ChosenKey{key, algorithm};
}

TokenResult<IdTokenClaims> check_claims(json::object payload, const TokenExpectations& expect,
                                        TimePoint now) {
  IdTokenClaims claims;

  auto issuer = string_claim(payload, "iss");
  if (!issuer) return issuer.error();
  if (!*issuer || **issuer != expect.issuer) return TokenDefect::kIssuerMismatch;
  claims.issuer = std::move(**issuer);

  auto audience = audience_claim(payload);
  if (!audience) return audience.error();
  if (std::find(audience->begin(), audience->end(), expect.client_id) == audience->end()) {
    return TokenDefect::kAudienceMismatch;
  }
  claims.audience = std::move(*audience);
  auto authorized_party = string_claim(payload, "azp");
  if (!authorized_party) return authorized_party.error();
  // OIDC Core §3.1.3.7 (4, 5): with several audiences the token must say which
  // one it was issued to; when it says so, that must be us.
  if (claims.audience.size() > 1 && !*authorized_party) return TokenDefect::kAuthorizedPartyMissing;
  if (*authorized_party && **authorized_party != expect.client_id)
    return TokenDefect::kAuthorizedPartyMismatch;
  claims.authorized_party = std::move(*authorized_party);

  const auto expires_at = time_claim(payload, "exp");
  if (!expires_at) return expires_at.error();
  if (!*expires_at) return TokenDefect::kExpiryMissing;
  if (!(now < **expires_at + expect.clock_skew)) return TokenDefect::kExpired;
  claims.expires_at = **expires_at;

  const auto issued_at = time_claim(payload, "iat");
  if (!issued_at) return issued_at.error();
  if (!*issued_at) return TokenDefect::kIssuedAtMissing;
  if (**issued_at > now + expect.clock_skew) return TokenDefect::kIssuedInFuture;
  claims.issued_at = **issued_at;

  const auto not_before = time_claim(payload, "nbf");
  if (!not_before) return not_before.error();
  if (*not_before && **not_before > now + expect.clock_skew) return TokenDefect::kNotYetValid;

  auto nonce = string_claim(payload, "nonce");
  if (!nonce) return nonce.error();
  if (!*nonce) return TokenDefect::kNonceMissing;
  if (!nonce_matches(**nonce, expect.nonce)) return TokenDefect::kNonceMismatch;
  claims.nonce = std::move(**nonce);

  auto acr = string_claim(payload, "acr");
  if (!acr) return acr.error();
  if (!expect.acceptable_acr.empty()) {
    if (!*acr) return TokenDefect::kAcrMissing;
    if (std::find(expect.acceptable_acr.begin(), expect.acceptable_acr.end(), **acr) ==
        expect.acceptable_acr.end()) {
      return TokenDefect::kAcrNotAccepted;
    }
  }
  claims.acr = std::move(*acr);

  auto subject = string_claim(payload, "sub");
  if (!subject) return subject.error();
  if (!*subject || (*subject)->empty()) return TokenDefect::kSubjectMissing;
  claims.subject = std::move(**subject);

  const auto auth_time = time_claim(payload, "auth_time");
  if (!auth_time) return auth_time.error();
  if (expect.authenticated_after) {
    if (!*auth_time) return TokenDefect::kAuthTimeMissing;
    if (**auth_time + expect.clock_skew < *expect.authenticated_after) return TokenDefect::kAuthenticationTooOld;
  }
  claims.auth_time = *auth_time;
  for (auto [name, field] :
       {std::pair{"sid", &claims.session_id}, std::pair{"pid", &claims.national_id},
        std::pair{"tid", &claims.tenant_id}, std::pair{"oid", &claims.object_id}}) {
    auto value = string_claim(payload, name);
    if (!value) return value.error();
    *field = std::move(*value);
  }
  claims.payload = std::move(payload);
  return claims;
}

}  // namespace

TokenExpectations TokenExpectations::for_idporten(std::string issuer, std::string client_id,
                                                  std::string nonce) {
  TokenExpectations expect;
  expect.issuer = std::move(issuer);
  expect.client_id = std::move(client_id);
  expect.nonce = std::move(nonce);
  expect.acceptable_acr = {std::string(kIdPortenLoaHigh)};
  return expect;
}

TokenExpectations TokenExpectations::for_entra_id(std::string issuer, std::string client_id,
                                                  std::string nonce) {
  TokenExpectations expect;
  expect.issuer = std::move(issuer);
  expect.client_id = std::move(client_id);
  expect.nonce = std::move(nonce);
  expect.acceptable_acr.clear();  // Entra ID v2 tokens carry no acr; MFA is the tenant's policy
  return expect;
}

TokenResult<IdTokenClaims> check_id_token(std::string_view token, const Jwks& keys,
                                          const TokenExpectations& expect, TimePoint now) {
  if (expect.issuer.empty() || expect.client_id.empty() || expect.nonce.empty() ||
      expect.clock_skew < seconds(0)) {
    return TokenDefect::kIncompleteExpectations;
  }
  if (token.size() > kMaxIdTokenBytes) return TokenDefect::kTooLarge;
  const auto parts = split_and_decode(token);
  if (!parts) return parts.error();
  const auto header = parse_part(parts->header);
  if (!header) return header.error();
  const auto chosen = choose_key(*header, keys, expect);
  if (!chosen) return chosen.error();
  if (const auto defect = verify_jws_signature(chosen->algorithm, *chosen->key,
                                               parts->signing_input, parts->signature)) {
    return *defect;
  }
  auto payload = parse_part(parts->payload);
  if (!payload) return payload.error();
  return check_claims(std::move(*payload), expect, now);
}

Result<IdTokenClaims> validate_id_token(std::string_view token, const Jwks& keys,
                                        const TokenExpectations& expect, TimePoint now) {
  auto checked = check_id_token(token, keys, expect, now);
  if (!checked) {
    return make_error(Errc::kForbidden,
                      "id_token refused: " + std::string(token_defect_name(checked.error())));
  }
  return std::move(*checked);
}

}  // namespace stafett::auth
