#pragma once
// Test support only (included by *_test.cc, never by the library): mints
// keys, JWKS documents and signed JWS tokens with OpenSSL, the way an
// identity provider (or an attacker) would, so the validator is tested
// against real signatures and no key or token is checked into the repository.
// Failures throw std::runtime_error, which fails the test that called.
// Thread-safety: pure functions.
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <boost/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "auth/base64url.h"
#include "auth/jws_signature.h"
#include "auth/openssl_handles.h"

namespace stafett::auth::testing {

using openssl::PkeyPtr;

inline void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test key material: ") + what);
}

inline PkeyPtr generate_rsa_key(std::size_t bits = 2048) {
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", bits));
  require(key != nullptr, "RSA keygen");
  return key;
}

inline PkeyPtr generate_p256_key() {
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  require(key != nullptr, "EC keygen");
  return key;
}

inline std::string bignum_param(const EVP_PKEY* key, const char* name, int pad_to = 0) {
  BIGNUM* raw = nullptr;
  require(EVP_PKEY_get_bn_param(key, name, &raw) == 1, name);
  openssl::BignumPtr bn(raw);
  std::string out(static_cast<std::size_t>(pad_to > 0 ? pad_to : BN_num_bytes(bn.get())), '\0');
  require(BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out.data()),
                       static_cast<int>(out.size())) > 0,
          "bn2bin");
  return out;
}

// The public half of `key` as a JWK object; `extra` members are added as given.
inline boost::json::object public_jwk(const EVP_PKEY* key, std::string_view kid,
                                      boost::json::object extra = {}) {
  boost::json::object jwk = std::move(extra);
  jwk["kid"] = kid;
  if (EVP_PKEY_is_a(key, "RSA")) {
    jwk["kty"] = "RSA";
    jwk["n"] = base64url_encode(bignum_param(key, OSSL_PKEY_PARAM_RSA_N));
    jwk["e"] = base64url_encode(bignum_param(key, OSSL_PKEY_PARAM_RSA_E));
  } else {
    jwk["kty"] = "EC";
    jwk["crv"] = "P-256";
    jwk["x"] = base64url_encode(bignum_param(key, OSSL_PKEY_PARAM_EC_PUB_X, 32));
    jwk["y"] = base64url_encode(bignum_param(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32));
  }
  return jwk;
}

inline std::string jwks_document(std::initializer_list<boost::json::object> jwks) {
  boost::json::array keys;
  for (const auto& jwk : jwks) keys.push_back(jwk);
  return boost::json::serialize(boost::json::object{{"keys", keys}});
}

// EVP_DigestSign with SHA-256 as OpenSSL returns it (DER for ECDSA).
inline std::string openssl_signature(EVP_PKEY* key, std::string_view input, bool pss = false) {
  openssl::DigestContextPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pkey_ctx = nullptr;
  require(ctx && EVP_DigestSignInit_ex(ctx.get(), &pkey_ctx, "SHA256", nullptr, nullptr, key,
                                       nullptr) == 1,
          "sign init");
  if (pss) {
    require(EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PSS_PADDING) == 1 &&
                EVP_PKEY_CTX_set_rsa_pss_saltlen(pkey_ctx, RSA_PSS_SALTLEN_DIGEST) == 1,
            "PSS");
  }
  const auto* data = reinterpret_cast<const unsigned char*>(input.data());
  std::size_t length = 0;
  require(EVP_DigestSign(ctx.get(), nullptr, &length, data, input.size()) == 1, "sign size");
  std::string signature(length, '\0');
  require(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                         data, input.size()) == 1,
          "sign");
  signature.resize(length);
  return signature;
}

// A JWS signature as it appears (decoded) in a token: for ES256 raw r||s.
inline std::string sign(JwsAlgorithm algorithm, EVP_PKEY* key, std::string_view input) {
  const std::string signature = openssl_signature(key, input, algorithm == JwsAlgorithm::kPs256);
  if (algorithm != JwsAlgorithm::kEs256) return signature;
  const auto* der = reinterpret_cast<const unsigned char*>(signature.data());
  openssl::EcdsaSignaturePtr ecdsa(
      d2i_ECDSA_SIG(nullptr, &der, static_cast<long>(signature.size())));
  require(ecdsa != nullptr, "DER signature");
  std::string raw(64, '\0');
  require(BN_bn2binpad(ECDSA_SIG_get0_r(ecdsa.get()), reinterpret_cast<unsigned char*>(raw.data()),
                       32) == 32 &&
              BN_bn2binpad(ECDSA_SIG_get0_s(ecdsa.get()),
                           reinterpret_cast<unsigned char*>(raw.data()) + 32, 32) == 32,
          "raw signature");
  return raw;
}

inline std::string hmac_sha256(std::string_view secret, std::string_view input) {
  unsigned char out[32];
  std::size_t length = 0;
  require(EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
                    reinterpret_cast<const unsigned char*>(input.data()), input.size(), out,
                    sizeof out, &length) != nullptr,
          "HMAC");
  return std::string(reinterpret_cast<const char*>(out), length);
}

// SubjectPublicKeyInfo as PEM text and as DER bytes: what an attacker would
// try as an HMAC secret.
inline std::string public_key_pem(EVP_PKEY* key) {
  std::unique_ptr<BIO, openssl::Deleter<BIO, BIO_free_all>> bio(BIO_new(BIO_s_mem()));
  require(bio && PEM_write_bio_PUBKEY(bio.get(), key) == 1, "PEM");
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

inline std::string public_key_der(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key, &der);
  require(length > 0, "DER");
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

// "b64(header).b64(payload)": the JWS signing input.
inline std::string signing_input(std::string_view header_json, std::string_view payload_json) {
  return base64url_encode(header_json) + "." + base64url_encode(payload_json);
}

// A compact JWS from exact JSON texts (so tests can write duplicate keys).
inline std::string mint_text(std::string_view header_json, std::string_view payload_json,
                             JwsAlgorithm algorithm, EVP_PKEY* key) {
  const std::string input = signing_input(header_json, payload_json);
  return input + "." + base64url_encode(sign(algorithm, key, input));
}

inline std::string mint(const boost::json::object& header, const boost::json::object& payload,
                        JwsAlgorithm algorithm, EVP_PKEY* key) {
  return mint_text(boost::json::serialize(header), boost::json::serialize(payload), algorithm, key);
}

}  // namespace stafett::auth::testing
