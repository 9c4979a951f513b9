#pragma once
// JWS signature verification (RFC 7515/7518) for the three asymmetric
// algorithms identity providers use for id_tokens. Symmetric (HS*) and
// "none" have no enumerator, so they cannot be allowed by mistake: an HS256
// token "signed" with our copy of the provider's public key (the classic
// algorithm-confusion attack) has nothing to verify against.
// Thread-safety: pure functions; keys are only read.
#include <optional>
#include <string_view>

#include "auth/jwks.h"
#include "auth/token_defect.h"

namespace stafett::auth {

enum class JwsAlgorithm {
  kRs256,  // RSASSA-PKCS1-v1_5 with SHA-256
  kPs256,  // RSASSA-PSS with SHA-256, MGF1-SHA-256, salt length 32
  kEs256,  // ECDSA P-256 with SHA-256; signature is raw r||s (64 bytes)
};

// The JWS "alg" name, e.g. "RS256".
std::string_view jws_algorithm_name(JwsAlgorithm algorithm);
// The algorithm named exactly (case-sensitive) by `name`, or nullopt.
std::optional<JwsAlgorithm> jws_algorithm_from_name(std::string_view name);

// Whether `jwk` may verify `algorithm`: the key type fits and the key's own
// "alg", if it has one, is the same algorithm.
bool key_fits_algorithm(const Jwk& jwk, JwsAlgorithm algorithm);

// nullopt when `signature` is a valid signature of `signing_input` (the ASCII
// "header.payload" text) under `jwk`; otherwise kBadSignatureLength or
// kBadSignature. REQUIRES: key_fits_algorithm(jwk, algorithm).
std::optional<TokenDefect> verify_jws_signature(JwsAlgorithm algorithm, const Jwk& jwk,
                                                std::string_view signing_input,
                                                std::string_view signature);

}  // namespace stafett::auth
