#pragma once
// Jwks: the identity provider's public signing keys (RFC 7517 JWK Set), as
// OpenSSL 3 keys ready for signature verification.
// Why skip instead of fail: a provider may publish keys we cannot or must not
// use (encryption keys, other key types); one such key must not lock every
// user out. Each skipped key is listed with a reason for the log.
// Only RSA (at least 2048 bits) and EC P-256 keys are taken.
// Thread-safety: immutable after parse_jwks(); the EVP_PKEYs are only read
// (OpenSSL 3 allows concurrent verification with one key), so a Jwks can be
// shared between threads.
#include <openssl/types.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace stafett::auth {

// Owns one OpenSSL key; copies share it.
using PublicKeyHandle = std::shared_ptr<EVP_PKEY>;

enum class KeyType { kRsa, kEcP256 };

struct Jwk {
  std::string key_id;            // "kid"
  KeyType type = KeyType::kRsa;  // "kty" (and "crv" for EC)
  std::optional<std::string>
      algorithm;                   // "alg": when present, the only algorithm this key may verify
  std::optional<std::string> use;  // "use": absent or "sig"
  PublicKeyHandle key;             // never null
};

struct SkippedJwk {
  std::string key_id;  // may be empty
  std::string reason;  // e.g. "use_not_sig", "unsupported_kty", "rsa_key_too_short"
};

struct Jwks {
  std::vector<Jwk> keys;
  std::vector<SkippedJwk> skipped;

  // The usable key named `key_id`, or nullptr.
  const Jwk* find(std::string_view key_id) const;
};

// kInvalidInput when the document is not a strict JSON object with a "keys"
// array (duplicate keys are refused here too). Keys that are unusable are
// skipped, not fatal; a set with no usable key is still returned (empty).
Result<Jwks> parse_jwks(std::string_view document);

}  // namespace stafett::auth
