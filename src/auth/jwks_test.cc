#include "auth/jwks.h"

#include <gtest/gtest.h>

#include "auth/jws_signature.h"
#include "auth/token_minter_for_tests.h"

namespace stafett::auth {
namespace {

namespace json = boost::json;
using testing::PkeyPtr;

struct TestKeys {
  PkeyPtr rsa = testing::generate_rsa_key();
  PkeyPtr ec = testing::generate_p256_key();
};

// RSA key generation takes a while; every test reads the same keys.
const TestKeys& test_keys() {
  static const TestKeys keys;
  return keys;
}

Jwks parsed(const std::string& document) {
  auto jwks = parse_jwks(document);
  EXPECT_TRUE(jwks) << (jwks ? "" : jwks.error().detail);
  return jwks ? std::move(*jwks) : Jwks{};
}

std::string only_skip_reason(const Jwks& jwks) {
  EXPECT_TRUE(jwks.keys.empty());
  EXPECT_EQ(jwks.skipped.size(), 1u);
  return jwks.skipped.empty() ? "" : jwks.skipped.front().reason;
}

TEST(Jwks, ParsesRsaAndEcKeysWithKidAlgAndUse) {
  const auto& k = test_keys();
  const Jwks jwks = parsed(testing::jwks_document(
      {testing::public_jwk(k.rsa.get(), "rsa-1", {{"use", "sig"}, {"alg", "RS256"}}),
       testing::public_jwk(k.ec.get(), "ec-1")}));
  ASSERT_EQ(jwks.keys.size(), 2u);
  EXPECT_TRUE(jwks.skipped.empty());
  const Jwk* rsa = jwks.find("rsa-1");
  ASSERT_NE(rsa, nullptr);
  EXPECT_EQ(rsa->type, KeyType::kRsa);
  EXPECT_EQ(rsa->algorithm, "RS256");
  EXPECT_EQ(rsa->use, "sig");
  EXPECT_EQ(EVP_PKEY_get_bits(rsa->key.get()), 2048);
  const Jwk* ec = jwks.find("ec-1");
  ASSERT_NE(ec, nullptr);
  EXPECT_EQ(ec->type, KeyType::kEcP256);
  EXPECT_EQ(ec->algorithm, std::nullopt);
  EXPECT_EQ(ec->use, std::nullopt);
  EXPECT_EQ(jwks.find("rsa-2"), nullptr);
  EXPECT_EQ(jwks.find(""), nullptr);
}

TEST(Jwks, ImportedKeysVerifySignaturesMadeWithTheOriginals) {
  const auto& k = test_keys();
  const Jwks jwks = parsed(testing::jwks_document(
      {testing::public_jwk(k.rsa.get(), "rsa-1"), testing::public_jwk(k.ec.get(), "ec-1")}));
  const std::string input = "eyJhbGciOiJSUzI1NiJ9.e30";
  for (const auto algorithm : {JwsAlgorithm::kRs256, JwsAlgorithm::kPs256}) {
    EXPECT_EQ(verify_jws_signature(algorithm, *jwks.find("rsa-1"), input,
                                   testing::sign(algorithm, k.rsa.get(), input)),
              std::nullopt);
  }
  EXPECT_EQ(verify_jws_signature(JwsAlgorithm::kEs256, *jwks.find("ec-1"), input,
                                 testing::sign(JwsAlgorithm::kEs256, k.ec.get(), input)),
            std::nullopt);
  // PS256 and RS256 are not interchangeable over the same key.
  EXPECT_EQ(verify_jws_signature(JwsAlgorithm::kPs256, *jwks.find("rsa-1"), input,
                                 testing::sign(JwsAlgorithm::kRs256, k.rsa.get(), input)),
            TokenDefect::kBadSignature);
}

TEST(Jwks, SkipsKeysNotMeantForSignaturesWithoutFailingTheSet) {
  const auto& k = test_keys();
  const Jwks jwks =
      parsed(testing::jwks_document({testing::public_jwk(k.rsa.get(), "enc-1", {{"use", "enc"}}),
                                     testing::public_jwk(k.ec.get(), "ec-1")}));
  ASSERT_EQ(jwks.keys.size(), 1u);
  EXPECT_EQ(jwks.keys.front().key_id, "ec-1");
  ASSERT_EQ(jwks.skipped.size(), 1u);
  EXPECT_EQ(jwks.skipped.front().key_id, "enc-1");
  EXPECT_EQ(jwks.skipped.front().reason, "use_not_sig");
}

TEST(Jwks, SkipsUnknownKeyTypesAndCurves) {
  const auto& k = test_keys();
  json::object p384 = testing::public_jwk(k.ec.get(), "p384");
  p384["crv"] = "P-384";
  const Jwks jwks = parsed(testing::jwks_document(
      {json::object{{"kty", "oct"}, {"kid", "hmac"}, {"k", "c2VjcmV0"}},
       json::object{{"kty", "OKP"},
                    {"kid", "ed"},
                    {"crv", "Ed25519"},
                    {"x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}},
       p384, json::object{{"kid", "no-kty"}}, testing::public_jwk(k.rsa.get(), "rsa-1")}));
  ASSERT_EQ(jwks.keys.size(), 1u);
  EXPECT_EQ(jwks.keys.front().key_id, "rsa-1");
  ASSERT_EQ(jwks.skipped.size(), 4u);
  EXPECT_EQ(jwks.skipped[0].reason, "unsupported_kty");
  EXPECT_EQ(jwks.skipped[1].reason, "unsupported_kty");
  EXPECT_EQ(jwks.skipped[2].reason, "unsupported_crv");
  EXPECT_EQ(jwks.skipped[3].reason, "unsupported_kty");
}

TEST(Jwks, SkipsRsaKeysShorterThan2048Bits) {
  const PkeyPtr weak = testing::generate_rsa_key(1024);
  EXPECT_EQ(
      only_skip_reason(parsed(testing::jwks_document({testing::public_jwk(weak.get(), "weak")}))),
      "rsa_key_too_short");
}

TEST(Jwks, SkipsRsaKeysWithABadExponent) {
  json::object jwk = testing::public_jwk(test_keys().rsa.get(), "rsa-1");
  jwk["e"] = base64url_encode(std::string("\x01\x00\x00", 3));  // even
  EXPECT_EQ(only_skip_reason(parsed(testing::jwks_document({jwk}))), "rsa_bad_exponent");
  jwk["e"] = "AQ";  // 1
  EXPECT_EQ(only_skip_reason(parsed(testing::jwks_document({jwk}))), "rsa_bad_exponent");
  jwk["e"] = "AQA=";  // padded base64
  EXPECT_EQ(only_skip_reason(parsed(testing::jwks_document({jwk}))), "rsa_malformed_n_or_e");
}

TEST(Jwks, SkipsEcPointsThatAreNotOnTheCurve) {
  json::object jwk = testing::public_jwk(test_keys().ec.get(), "ec-1");
  std::string y = *base64url_decode(jwk["y"].as_string());
  y.back() = static_cast<char>(y.back() ^ 1);
  jwk["y"] = base64url_encode(y);
  EXPECT_EQ(only_skip_reason(parsed(testing::jwks_document({jwk}))), "ec_point_rejected");
}

TEST(Jwks, SkipsEcCoordinatesThatAreNotFullLength) {
  json::object jwk = testing::public_jwk(test_keys().ec.get(), "ec-1");
  const std::string x = *base64url_decode(jwk["x"].as_string());
  jwk["x"] = base64url_encode(x.substr(1));
  EXPECT_EQ(only_skip_reason(parsed(testing::jwks_document({jwk}))), "ec_malformed_x_or_y");
}

TEST(Jwks, SkipsKeysWithoutKidAndRepeatedKids) {
  const auto& k = test_keys();
  json::object no_kid = testing::public_jwk(k.rsa.get(), "x");
  no_kid.erase("kid");
  const Jwks jwks = parsed(testing::jwks_document(
      {no_kid, testing::public_jwk(k.rsa.get(), "same"), testing::public_jwk(k.ec.get(), "same")}));
  ASSERT_EQ(jwks.keys.size(), 1u);
  EXPECT_EQ(jwks.keys.front().type, KeyType::kRsa) << "the first key with a name wins";
  ASSERT_EQ(jwks.skipped.size(), 2u);
  EXPECT_EQ(jwks.skipped[0].reason, "missing_kid");
  EXPECT_EQ(jwks.skipped[1].reason, "duplicate_kid");
}

TEST(Jwks, ReturnsAnEmptySetWhenNoKeyIsUsable) {
  const Jwks jwks = parsed(R"({"keys":[]})");
  EXPECT_TRUE(jwks.keys.empty());
  EXPECT_TRUE(jwks.skipped.empty());
}

TEST(Jwks, RefusesDocumentsThatAreNotAKeySet) {
  for (const std::string_view document :
       {"", "not json", "[]", R"({"keys":{}})", R"({"kty":"RSA"})", R"({"keys":[],"keys":[]})"}) {
    const auto jwks = parse_jwks(document);
    ASSERT_FALSE(jwks) << document;
    EXPECT_EQ(jwks.error().code, Errc::kInvalidInput);
  }
}

}  // namespace
}  // namespace stafett::auth
