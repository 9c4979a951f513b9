#pragma once
// private_key_jwt client authentication (RFC 7523 §2.2, OpenID Connect Core
// §9): a short-lived RS256 JWT signed with our private key, sent to the token
// endpoint instead of a shared secret. ID-porten requires it.
// The private key is read once from a PEM file outside the database and
// never logged; errors name the file, never its content.
// Thread-safety: sign() is const and may run on many threads (OpenSSL 3
// allows concurrent signing with one key).
#include <chrono>
#include <memory>
#include <string>

#include "auth/jwks.h"
#include "core/clock.h"
#include "core/result.h"

namespace stafett::auth {

class ClientAssertionSigner {
 public:
  // An RSA private key (PKCS#8 or traditional PEM) of at least 2048 bits and
  // the kid it is registered under. kInvalidInput when the file cannot be
  // read or holds no such key.
  static Result<ClientAssertionSigner> load(const std::string& pem_file, std::string key_id);

  // iss = sub = client_id, aud = audience (the issuer), a random jti, iat = now,
  // exp = now + lifetime. kInternal if signing fails.
  Result<std::string> sign(const std::string& client_id, const std::string& audience, TimePoint now,
                           std::chrono::seconds lifetime = std::chrono::seconds(60)) const;

  const std::string& key_id() const { return key_id_; }
  // The public half, for tests that check the signature.
  const PublicKeyHandle& key() const { return key_; }

 private:
  ClientAssertionSigner(PublicKeyHandle key, std::string key_id) : key_(std::move(key)), key_id_(std::move(key_id)) {}
  PublicKeyHandle key_;  // holds the private key too
  std::string key_id_;
};

}  // namespace stafett::auth
