#include "auth/jwks.h"

#include <openssl/core_names.h>
#include <openssl/err.h>

#include "auth/base64url.h"
#include "auth/openssl_handles.h"
#include "auth/strict_json.h"

namespace stafett::auth {
namespace {

namespace json = boost::json;

// Below 2048 bits RSA is no longer acceptable (NIST SP 800-131A); above 8192
// a published key would only make verification slow on purpose.
constexpr int kMinRsaModulusBits = 2048;
constexpr int kMaxRsaModulusBits = 8192;
constexpr std::size_t kP256CoordinateBytes = 32;

// A member that, when present, must be a string. nullopt = absent;
// "malformed" is reported through `ok`.
std::optional<std::string> optional_string(const json::object& object, std::string_view name,
                                           bool& ok) {
  const json::value* v = object.if_contains(json::string_view(name.data(), name.size()));
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    ok = false;
    return std::nullopt;
  }
  return std::string(v->get_string());
}

// A required base64url member, decoded; nullopt when absent, not a string or
// not canonical base64url.
std::optional<std::string> decoded_member(const json::object& object, std::string_view name) {
  bool ok = true;
  const auto text = optional_string(object, name, ok);
  if (!ok || !text) return std::nullopt;
  return base64url_decode(*text);
}

openssl::BignumPtr to_bignum(const std::string& big_endian) {
  return openssl::BignumPtr(BN_bin2bn(reinterpret_cast<const unsigned char*>(big_endian.data()),
                                      static_cast<int>(big_endian.size()), nullptr));
}

PublicKeyHandle key_from_params(const char* openssl_key_type, const OSSL_PARAM* params) {
  openssl::PkeyContextPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, openssl_key_type, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, const_cast<OSSL_PARAM*>(params)) !=
          1) {
    return nullptr;
  }
  return PublicKeyHandle(raw, EVP_PKEY_free);
}

// The key, or the reason it is skipped.
struct KeyOrReason {
  PublicKeyHandle key;
  std::string reason;
};

KeyOrReason rsa_key(const json::object& jwk) {
  const auto n_bytes = decoded_member(jwk, "n");
  const auto e_bytes = decoded_member(jwk, "e");
  if (!n_bytes || !e_bytes || n_bytes->empty() || e_bytes->empty())
    return {nullptr, "rsa_malformed_n_or_e"};
  const auto n = to_bignum(*n_bytes);
  const auto e = to_bignum(*e_bytes);
  if (!n || !e) return {nullptr, "internal"};
  const int bits = BN_num_bits(n.get());
  if (bits < kMinRsaModulusBits) return {nullptr, "rsa_key_too_short"};
  if (bits > kMaxRsaModulusBits) return {nullptr, "rsa_key_too_long"};
  // e = 1 or an even e makes no RSA key; OpenSSL caps e at 64 bits anyway.
  if (!BN_is_odd(e.get()) || BN_is_one(e.get()) || BN_num_bits(e.get()) > 64)
    return {nullptr, "rsa_bad_exponent"};

  openssl::ParamBuilderPtr builder(OSSL_PARAM_BLD_new());
  if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
    return {nullptr, "internal"};
  }
  openssl::ParamsPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
  if (!params) return {nullptr, "internal"};
  auto key = key_from_params("RSA", params.get());
  if (!key) return {nullptr, "rsa_rejected_by_openssl"};
  return {std::move(key), {}};
}

KeyOrReason ec_p256_key(const json::object& jwk) {
  bool ok = true;
  const auto crv = optional_string(jwk, "crv", ok);
  if (!ok || crv != "P-256") return {nullptr, "unsupported_crv"};
  const auto x = decoded_member(jwk, "x");
  const auto y = decoded_member(jwk, "y");
  // RFC 7518 §6.2.1.2: coordinates are always full length, never shortened.
  if (!x || !y || x->size() != kP256CoordinateBytes || y->size() != kP256CoordinateBytes) {
    return {nullptr, "ec_malformed_x_or_y"};
  }
  std::string point = "\x04" + *x + *y;  // SEC1 uncompressed point
  openssl::ParamBuilderPtr builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    return {nullptr, "internal"};
  }
  openssl::ParamsPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
  if (!params) return {nullptr, "internal"};
  auto key = key_from_params("EC", params.get());
  if (!key) return {nullptr, "ec_point_rejected"};
  // A point off the curve would open invalid-curve attacks; check explicitly.
  openssl::PkeyContextPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) return {nullptr, "ec_point_rejected"};
  return {std::move(key), {}};
}

}  // namespace

const Jwk* Jwks::find(std::string_view key_id) const {
  for (const Jwk& jwk : keys) {
    if (jwk.key_id == key_id) return &jwk;
  }
  return nullptr;
}

Result<Jwks> parse_jwks(std::string_view document) {
  auto parsed = parse_strict_json_object(document);
  if (!parsed) {
    return make_error(Errc::kInvalidInput,
                      "jwks: " + std::string(json_defect_name(parsed.error())));
  }
  const json::value* keys = parsed->if_contains("keys");
  if (keys == nullptr || !keys->is_array())
    return make_error(Errc::kInvalidInput, "jwks: no keys array");

  Jwks jwks;
  for (const json::value& entry : keys->get_array()) {
    if (!entry.is_object()) {
      jwks.skipped.push_back({{}, "not_an_object"});
      continue;
    }
    const json::object& jwk = entry.get_object();
    bool ok = true;
    const auto kid = optional_string(jwk, "kid", ok);
    if (!ok || !kid || kid->empty()) {
      // Our tokens must name their key, so a key without a name is never used.
      jwks.skipped.push_back({{}, "missing_kid"});
      continue;
    }
    const auto use = optional_string(jwk, "use", ok);
    if (!ok || (use && *use != "sig")) {
      jwks.skipped.push_back({*kid, "use_not_sig"});
      continue;
    }
    const auto alg = optional_string(jwk, "alg", ok);
    if (!ok) {
      jwks.skipped.push_back({*kid, "malformed_alg"});
      continue;
    }
    const auto kty = optional_string(jwk, "kty", ok);
    KeyOrReason made;
    KeyType type = KeyType::kRsa;
    if (ok && kty == "RSA") {
      made = rsa_key(jwk);
    } else if (ok && kty == "EC") {
      type = KeyType::kEcP256;
      made = ec_p256_key(jwk);
    } else {
      made.reason = "unsupported_kty";
    }
    if (!made.key) {
      jwks.skipped.push_back({*kid, made.reason});
      continue;
    }
    // Two keys with one name would make the choice of key depend on order.
    if (jwks.find(*kid) != nullptr) {
      jwks.skipped.push_back({*kid, "duplicate_kid"});
      continue;
    }
    jwks.keys.push_back(Jwk{*kid, type, alg, use, std::move(made.key)});
  }
  ERR_clear_error();  // refused keys leave OpenSSL errors; they are reported in `skipped`
  return jwks;
}

}  // namespace stafett::auth
