#include "auth/client_assertion.h"

#include <openssl/bio.h>
#include <openssl/pem.h>

#include <boost/json.hpp>
#include <cstdio>

#include "auth/base64url.h"
#include "auth/openssl_handles.h"
#include "auth/pkce.h"

namespace stafett::auth {

Result<ClientAssertionSigner> ClientAssertionSigner::load(const std::string& pem_file, std::string key_id) {
  if (key_id.empty()) return make_error(Errc::kInvalidInput, "client key id is empty");
  std::FILE* file = std::fopen(pem_file.c_str(), "rb");
  if (file == nullptr) return make_error(Errc::kInvalidInput, "cannot read client key file " + pem_file);
  EVP_PKEY* raw = PEM_read_PrivateKey(file, nullptr, nullptr, nullptr);
  std::fclose(file);
  if (raw == nullptr) return make_error(Errc::kInvalidInput, "no private key in " + pem_file);
  PublicKeyHandle key(raw, EVP_PKEY_free);
  if (!EVP_PKEY_is_a(raw, "RSA") || EVP_PKEY_get_bits(raw) < 2048) {
    return make_error(Errc::kInvalidInput, "client key in " + pem_file + " is not an RSA key of at least 2048 bits");
  }
  return ClientAssertionSigner(std::move(key), std::move(key_id));
}

Result<std::string> ClientAssertionSigner::sign(const std::string& client_id, const std::string& audience,
                                                TimePoint now, std::chrono::seconds lifetime) const {
  const auto iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const boost::json::object header{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", key_id_}};
  const boost::json::object payload{{"iss", client_id},   {"sub", client_id}, {"aud", audience},
                                    {"jti", random_token()}, {"iat", iat},       {"exp", iat + lifetime.count()}};
  const std::string input =
      base64url_encode(boost::json::serialize(header)) + "." + base64url_encode(boost::json::serialize(payload));
  openssl::DigestContextPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key_.get(), nullptr) != 1) {
    return make_error(Errc::kInternal, "client assertion: sign init failed");
  }
  const auto* data = reinterpret_cast<const unsigned char*>(input.data());
  std::size_t length = 0;
  if (EVP_DigestSign(ctx.get(), nullptr, &length, data, input.size()) != 1) {
    return make_error(Errc::kInternal, "client assertion: sign failed");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data, input.size()) != 1) {
    return make_error(Errc::kInternal, "client assertion: sign failed");
  }
  signature.resize(length);
  return input + "." + base64url_encode(signature);
}

}  // namespace stafett::auth
