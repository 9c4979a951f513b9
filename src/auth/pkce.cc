#include "auth/pkce.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>

#include "auth/base64url.h"

namespace stafett::auth {

std::string random_token() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("random generator failed");
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string make_code_verifier() { return random_token(); }

std::string code_challenge_s256(std::string_view verifier) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(verifier.data(), verifier.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace stafett::auth
