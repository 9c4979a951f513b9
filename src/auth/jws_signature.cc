#include "auth/jws_signature.h"

#include <openssl/err.h>
#include <openssl/rsa.h>

#include <string>

#include "auth/openssl_handles.h"

namespace stafett::auth {
namespace {

constexpr std::size_t kEs256CoordinateBytes = 32;

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// JWS carries ECDSA signatures as fixed-length r||s (RFC 7518 §3.4); OpenSSL
// verifies the DER encoding. Empty on failure.
std::string raw_ecdsa_to_der(std::string_view raw) {
  openssl::EcdsaSignaturePtr sig(ECDSA_SIG_new());
  if (!sig) return {};
  BIGNUM* r = BN_bin2bn(bytes_of(raw), static_cast<int>(kEs256CoordinateBytes), nullptr);
  BIGNUM* s = BN_bin2bn(bytes_of(raw) + kEs256CoordinateBytes,
                        static_cast<int>(kEs256CoordinateBytes), nullptr);
  if (r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return {};
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig.get(), &der);
  if (length <= 0) return {};
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

}  // namespace

std::string_view jws_algorithm_name(JwsAlgorithm algorithm) {
  switch (algorithm) {
    case JwsAlgorithm::kRs256: return "RS256";
    case JwsAlgorithm::kPs256: return "PS256";
    case JwsAlgorithm::kEs256: return "ES256";
  }
  return "";
}

std::optional<JwsAlgorithm> jws_algorithm_from_name(std::string_view name) {
  for (const auto algorithm : {JwsAlgorithm::kRs256, JwsAlgorithm::kPs256, JwsAlgorithm::kEs256}) {
    if (name == jws_algorithm_name(algorithm)) return algorithm;
  }
  return std::nullopt;
}

bool key_fits_algorithm(const Jwk& jwk, JwsAlgorithm algorithm) {
  const KeyType needed = algorithm == JwsAlgorithm::kEs256 ? KeyType::kEcP256 : KeyType::kRsa;
  if (jwk.type != needed) return false;
  return !jwk.algorithm || *jwk.algorithm == jws_algorithm_name(algorithm);
}

std::optional<TokenDefect> verify_jws_signature(JwsAlgorithm algorithm, const Jwk& jwk,
                                                std::string_view signing_input,
                                                std::string_view signature) {
  std::string der;
  if (algorithm == JwsAlgorithm::kEs256) {
    if (signature.size() != 2 * kEs256CoordinateBytes) return TokenDefect::kBadSignatureLength;
    der = raw_ecdsa_to_der(signature);
    if (der.empty()) return TokenDefect::kBadSignature;
    signature = der;
  }
  openssl::DigestContextPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pkey_ctx = nullptr;  // owned by ctx
  if (!ctx || EVP_DigestVerifyInit_ex(ctx.get(), &pkey_ctx, "SHA256", nullptr, nullptr,
                                      jwk.key.get(), nullptr) != 1) {
    return TokenDefect::kBadSignature;
  }
  // Padding is set explicitly for both RSA algorithms: PKCS#1 v1.5 is only
  // OpenSSL's default, and PS256 fixes the salt at the digest length.
  if (algorithm == JwsAlgorithm::kRs256 &&
      EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PADDING) != 1) {
    return TokenDefect::kBadSignature;
  }
  if (algorithm == JwsAlgorithm::kPs256 &&
      (EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PSS_PADDING) != 1 ||
       EVP_PKEY_CTX_set_rsa_pss_saltlen(pkey_ctx, RSA_PSS_SALTLEN_DIGEST) != 1 ||
       EVP_PKEY_CTX_set_rsa_mgf1_md_name(pkey_ctx, "SHA256", nullptr) != 1)) {
    return TokenDefect::kBadSignature;
  }
  const int verified = EVP_DigestVerify(ctx.get(), bytes_of(signature), signature.size(),
                                        bytes_of(signing_input), signing_input.size());
  if (verified != 1) {
    ERR_clear_error();  // a refused token must not leave errors behind for the next OpenSSL caller
    return TokenDefect::kBadSignature;
  }
  return std::nullopt;
}

}  // namespace stafett::auth
