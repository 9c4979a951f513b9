#pragma once
// TokenDefect: why an id_token was refused, one reason per check.
// Why an enum: tests assert the exact reason, and logs name it without ever
// quoting the token or a claim value (tokens carry personal data such as the
// national identity number in `pid`).
// Thread-safety: plain values.
#include <boost/assert/source_location.hpp>
#include <string_view>

namespace stafett::auth {

enum class TokenDefect {
  kIncompleteExpectations,   // no issuer, client id or nonce, or a negative skew
  kTooLarge,                 // over kMaxIdTokenBytes
  kMalformedStructure,       // not exactly three dot-separated parts
  kMalformedBase64,          // a part is not canonical unpadded base64url
  kMalformedJson,            // header or payload is not a JSON object (or too deep)
  kDuplicateJsonKey,         // a key twice in one object of header or payload
  kAlgorithmNotAllowed,      // `alg` absent or not on the allow-list (none, HS*, ...)
  kForbiddenHeader,          // jku, x5u, jwk, x5c or crit present
  kUnexpectedType,           // `typ` present and not "JWT"
  kMissingKeyId,             // `kid` absent, empty or not a string
  kUnknownKeyId,             // `kid` names no key in the JWKS (refresh it, once)
  kKeyDoesNotFitAlgorithm,   // the key's kty or alg does not match `alg`
  kBadSignatureLength,       // ES256 signature not exactly 64 bytes (r||s)
  kBadSignature,             // the signature does not verify
  kMalformedClaim,           // a claim has the wrong JSON type (e.g. exp as a string)
  kIssuerMismatch,           // `iss` absent or not byte-for-byte the expected issuer
  kAudienceMismatch,         // `aud` absent, empty or without our client id
  kAuthorizedPartyMissing,   // several audiences and no `azp`
  kAuthorizedPartyMismatch,  // `azp` present and not our client id
  kExpiryMissing,            // no `exp`
  kExpired,                  // now >= exp + skew
  kIssuedAtMissing,          // no `iat`
  kIssuedInFuture,           // iat > now + skew
  kNotYetValid,              // `nbf` present and nbf > now + skew
  kNonceMissing,             // no `nonce`
  kNonceMismatch,            // `nonce` differs from the one we sent
  kAcrMissing,               // an acr level is required and `acr` is absent
  kAcrNotAccepted,           // `acr` is not one of the acceptable levels
  kSubjectMissing,           // `sub` absent or empty
  kAuthTimeMissing,          // a recent login was demanded and `auth_time` is absent
  kAuthenticationTooOld,     // auth_time before the demanded renewal (less the skew)
};

// A stable snake_case name for logs, e.g. "bad_signature".
std::string_view token_defect_name(TokenDefect defect);

// Found by ADL when TokenResult<T>::value() is called on a defect.
[[noreturn]] void throw_exception_from_error(const TokenDefect& defect,
                                             const boost::source_location& loc);

}  // namespace stafett::auth
