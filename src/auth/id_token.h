#pragma once
// validate_id_token(): the strict check of an OpenID Connect id_token (a
// signed JWT, RFC 7519) from ID-porten or Entra ID, before any of its claims
// is believed. Order: size, shape, base64url, strict JSON header, algorithm
// allow-list and forbidden header parameters, key by `kid`, signature, and
// only then the claims (iss, aud/azp, exp/iat/nbf with skew, nonce, acr, sub).
// Nothing here touches the network: the JWKS and the expected nonce come from
// the caller. Refusals carry a TokenDefect and never any token or claim text.
// Thread-safety: pure functions.
#include <boost/json/object.hpp>
#include <boost/system/result.hpp>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/jwks.h"
#include "auth/jws_signature.h"
#include "auth/token_defect.h"
#include "core/clock.h"
#include "core/result.h"

namespace stafett::auth {

// Larger tokens are refused before any decoding (ID-porten's are ~1-2 KB).
inline constexpr std::size_t kMaxIdTokenBytes = 16 * 1024;

// ID-porten's highest level of assurance (eIDAS high, e.g. BankID).
inline constexpr std::string_view kIdPortenLoaHigh = "idporten-loa-high";

struct TokenExpectations {
  std::string issuer;     // compared byte for byte: no trimming, case folding or slash fixing
  std::string client_id;  // must be in `aud`; must be `azp` when there are several audiences
  std::string nonce;      // the nonce we sent with this login; compared in constant time
  std::vector<JwsAlgorithm> allowed_algorithms = {JwsAlgorithm::kRs256, JwsAlgorithm::kPs256,
                                                  JwsAlgorithm::kEs256};
  // When non-empty, `acr` is required and must be one of these. Fails closed:
  // the default demands ID-porten's high level; a provider without acr (Entra
  // ID) must clear the list on purpose (see for_entra_id()).
  std::vector<std::string> acceptable_acr = {std::string(kIdPortenLoaHigh)};
  // Tolerated clock difference to the provider, both ways. REQUIRES: >= 0.
  std::chrono::seconds clock_skew{60};
  // Set when we asked the person to log in again (prompt=login, max_age=0):
  // `auth_time` is then required and must not be before this (less the skew),
  // so a provider that answers from an old single sign-on session is refused.
  std::optional<std::chrono::sys_seconds> authenticated_after;

  static TokenExpectations for_idporten(std::string issuer, std::string client_id,
                                        std::string nonce);
  static TokenExpectations for_entra_id(std::string issuer, std::string client_id,
                                        std::string nonce);
};

// What a valid id_token says. Holds personal data: never log it.
struct IdTokenClaims {
  std::string issuer;                           // iss
  std::string subject;                          // sub: the provider's pairwise id for the person
  std::vector<std::string> audience;            // aud, always as a list
  std::optional<std::string> authorized_party;  // azp
  std::string nonce;                            // nonce
  std::optional<std::string> acr;               // acr: level of assurance
  std::optional<std::chrono::sys_seconds> auth_time;  // auth_time
  std::chrono::sys_seconds expires_at;                // exp
  std::chrono::sys_seconds issued_at;                 // iat
  std::optional<std::string> session_id;              // sid: for front-/back-channel logout
  std::optional<std::string> national_id;             // pid (ID-porten): fødselsnummer or d-nummer
  std::optional<std::string> tenant_id;               // tid (Entra ID)
  std::optional<std::string> object_id;  // oid (Entra ID): the user's stable id in the tenant
  boost::json::object payload;           // every claim, for later slices
};

template <class T>
using TokenResult = boost::system::result<T, TokenDefect>;

// The claims, or the first defect found. Use this where the exact reason
// matters (tests; deciding to refresh the JWKS on kUnknownKeyId).
TokenResult<IdTokenClaims> check_id_token(std::string_view token, const Jwks& keys,
                                          const TokenExpectations& expect, TimePoint now);

// The same check at a module boundary: a refusal is Errc::kForbidden with the
// detail "id_token refused: <token_defect_name>".
Result<IdTokenClaims> validate_id_token(std::string_view token, const Jwks& keys,
                                        const TokenExpectations& expect, TimePoint now);

}  // namespace stafett::auth
