// Each refusal test starts from a token that is accepted (see the positive
// controls) and changes exactly one thing, so it fails if that one check is
// removed: the expected defect would turn into acceptance or another defect.
#include "auth/id_token.h"

#include <gtest/gtest.h>

#include <limits>
#include <set>

#include "auth/token_minter_for_tests.h"

namespace stafett::auth {
namespace {

namespace json = boost::json;
using std::chrono::seconds;
using testing::PkeyPtr;

constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
const TimePoint kNowTime{seconds(kNow)};
constexpr std::string_view kIssuer = "https://idporten.no";
constexpr std::string_view kClientId = "stafett-test-client";
constexpr std::string_view kNonce = "bT1vQ2x4c0Z6dGZnS2lBYjQ";
constexpr std::string_view kSyntheticPid = "01819912345";  // format only; never a real number

struct TestKeys {
  PkeyPtr rsa = testing::generate_rsa_key();
  PkeyPtr ec = testing::generate_p256_key();
  PkeyPtr attacker_rsa = testing::generate_rsa_key();
  std::string jwks_json = testing::jwks_document(
      {testing::public_jwk(rsa.get(), "rsa-1", {{"use", "sig"}}),
       testing::public_jwk(ec.get(), "ec-1"),
       testing::public_jwk(rsa.get(), "rsa-rs256-only", {{"alg", "RS256"}})});
  Jwks jwks = *parse_jwks(jwks_json);
};

// RSA key generation takes a while; every test reads the same keys.
const TestKeys& test_keys() {
  static const TestKeys keys;
  return keys;
}

TokenExpectations expectations() {
  return TokenExpectations::for_idporten(std::string(kIssuer), std::string(kClientId),
                                         std::string(kNonce));
}

// The claims of a token ID-porten could issue, valid at kNow.
json::object valid_claims() {
  return json::object{
      {"iss", kIssuer},     {"sub", "pairwise-sub-1"}, {"aud", kClientId},
      {"exp", kNow + 120},  {"iat", kNow - 5},         {"auth_time", kNow - 30},
      {"nonce", kNonce},    {"acr", kIdPortenLoaHigh}, {"amr", json::array{"BankID"}},
      {"sid", "session-1"}, {"pid", kSyntheticPid},    {"locale", "nb"}};
}

json::object header(std::string_view alg = "RS256", std::string_view kid = "rsa-1") {
  return json::object{{"alg", alg}, {"kid", kid}, {"typ", "JWT"}};
}

std::string rs256(const json::object& claims) {
  return testing::mint(header(), claims, JwsAlgorithm::kRs256, test_keys().rsa.get());
}

std::string rs256_with_header(const json::object& token_header) {
  return testing::mint(token_header, valid_claims(), JwsAlgorithm::kRs256, test_keys().rsa.get());
}

TokenResult<IdTokenClaims> check(std::string_view token,
                                 const TokenExpectations& expect = expectations(),
                                 TimePoint now = kNowTime) {
  return check_id_token(token, test_keys().jwks, expect, now);
}

// The defect, or a failure naming that the token was accepted.
TokenDefect defect_of(std::string_view token, const TokenExpectations& expect = expectations(),
                      TimePoint now = kNowTime) {
  auto result = check(token, expect, now);
  EXPECT_FALSE(result) << "token was accepted";
  return result ? TokenDefect::kIncompleteExpectations : result.error();
}

TokenDefect claims_defect(const json::object& claims) { return defect_of(rs256(claims)); }

template <class T>
json::object with(json::object claims, std::string_view name, T&& value) {
  claims[name] = json::value_from(std::forward<T>(value));
  return claims;
}

json::object without(json::object claims, std::string_view name) {
  claims.erase(name);
  return claims;
}

std::string part(std::string_view token, int index) {
  std::size_t begin = 0;
  for (int i = 0; i < index; ++i) begin = token.find('.', begin) + 1;
  const std::size_t end = token.find('.', begin);
  return std::string(token.substr(begin, end == std::string_view::npos ? token.npos : end - begin));
}

std::string join(std::string_view a, std::string_view b, std::string_view c) {
  return std::string(a) + "." + std::string(b) + "." + std::string(c);
}

// --- positive controls ------------------------------------------------------

TEST(IdToken, AcceptsAValidRs256TokenAndReturnsItsClaims) {
  const auto claims = check(rs256(valid_claims()));
  ASSERT_TRUE(claims) << token_defect_name(claims.error());
  EXPECT_EQ(claims->issuer, kIssuer);
  EXPECT_EQ(claims->subject, "pairwise-sub-1");
  EXPECT_EQ(claims->audience, std::vector<std::string>{std::string(kClientId)});
  EXPECT_EQ(claims->authorized_party, std::nullopt);
  EXPECT_EQ(claims->nonce, kNonce);
  EXPECT_EQ(claims->acr, kIdPortenLoaHigh);
  EXPECT_EQ(claims->auth_time, std::chrono::sys_seconds(seconds(kNow - 30)));
  EXPECT_EQ(claims->expires_at, std::chrono::sys_seconds(seconds(kNow + 120)));
  EXPECT_EQ(claims->issued_at, std::chrono::sys_seconds(seconds(kNow - 5)));
  EXPECT_EQ(claims->session_id, "session-1");
  EXPECT_EQ(claims->national_id, kSyntheticPid);
  EXPECT_EQ(claims->tenant_id, std::nullopt);
  EXPECT_EQ(claims->object_id, std::nullopt);
  EXPECT_EQ(claims->payload.at("locale").as_string(), "nb");
}

TEST(IdToken, AcceptsAValidPs256Token) {
  const auto token =
      testing::mint(header("PS256"), valid_claims(), JwsAlgorithm::kPs256, test_keys().rsa.get());
  const auto claims = check(token);
  ASSERT_TRUE(claims) << token_defect_name(claims.error());
  EXPECT_EQ(claims->subject, "pairwise-sub-1");
}

TEST(IdToken, AcceptsAValidEs256Token) {
  const auto token = testing::mint(header("ES256", "ec-1"), valid_claims(), JwsAlgorithm::kEs256,
                                   test_keys().ec.get());
  const auto claims = check(token);
  ASSERT_TRUE(claims) << token_defect_name(claims.error());
  EXPECT_EQ(claims->subject, "pairwise-sub-1");
}

TEST(IdToken, AcceptsAnEntraIdTokenWithoutAcrAndReturnsTenantAndObjectId) {
  const std::string issuer =
      "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";
  json::object claims = without(valid_claims(), "acr");
  claims["iss"] = issuer;
  claims["tid"] = "9188040d-6c67-4c5b-b112-36a304b66dad";
  claims["oid"] = "00000000-0000-0000-66f3-3332eca7ea81";
  const auto expect =
      TokenExpectations::for_entra_id(issuer, std::string(kClientId), std::string(kNonce));
  const auto result = check(rs256(claims), expect);
  ASSERT_TRUE(result) << token_defect_name(result.error());
  EXPECT_EQ(result->tenant_id, "9188040d-6c67-4c5b-b112-36a304b66dad");
  EXPECT_EQ(result->object_id, "00000000-0000-0000-66f3-3332eca7ea81");
  EXPECT_EQ(result->acr, std::nullopt);
}

TEST(IdToken, ValidateIdTokenReportsOnlyTheDefectName) {
  const std::string good = rs256(valid_claims());
  EXPECT_TRUE(validate_id_token(good, test_keys().jwks, expectations(), kNowTime));
  const std::string altered =
      join(part(good, 0), base64url_encode(json::serialize(with(valid_claims(), "sub", "x"))),
           part(good, 2));
  const auto refused = validate_id_token(altered, test_keys().jwks, expectations(), kNowTime);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kForbidden);
  EXPECT_EQ(refused.error().detail, "id_token refused: bad_signature");
}

// --- signature and algorithm ------------------------------------------------

TEST(IdToken, RefusesAPayloadAlteredAfterSigning) {
  const std::string good = rs256(valid_claims());
  const std::string other_person =
      base64url_encode(json::serialize(with(valid_claims(), "pid", "01819912346")));
  EXPECT_EQ(defect_of(join(part(good, 0), other_person, part(good, 2))),
            TokenDefect::kBadSignature);
}

TEST(IdToken, RefusesASignatureByAnotherKeyWithTheSameKid) {
  const auto token =
      testing::mint(header(), valid_claims(), JwsAlgorithm::kRs256, test_keys().attacker_rsa.get());
  EXPECT_EQ(defect_of(token), TokenDefect::kBadSignature);
}

TEST(IdToken, RefusesAnEs256SignatureThatDoesNotVerify) {
  const std::string good = testing::mint(header("ES256", "ec-1"), valid_claims(),
                                         JwsAlgorithm::kEs256, test_keys().ec.get());
  std::string signature = *base64url_decode(part(good, 2));
  signature[40] = static_cast<char>(signature[40] ^ 1);
  EXPECT_EQ(defect_of(join(part(good, 0), part(good, 1), base64url_encode(signature))),
            TokenDefect::kBadSignature);
}

TEST(IdToken, RefusesAlgNoneWithAnEmptySignature) {
  for (const std::string_view none : {"none", "None", "NONE"}) {
    const std::string token =
        testing::signing_input(json::serialize(header(none)), json::serialize(valid_claims())) +
        ".";
    EXPECT_EQ(defect_of(token), TokenDefect::kAlgorithmNotAllowed) << none;
  }
}

TEST(IdToken, RefusesHs256SignedWithTheProvidersPublicKeyAsSecret) {
  EVP_PKEY* rsa = test_keys().rsa.get();
  for (const std::string& secret : {testing::public_key_pem(rsa), testing::public_key_der(rsa)}) {
    const std::string input =
        testing::signing_input(json::serialize(header("HS256")), json::serialize(valid_claims()));
    const std::string token = input + "." + base64url_encode(testing::hmac_sha256(secret, input));
    EXPECT_EQ(defect_of(token), TokenDefect::kAlgorithmNotAllowed);
  }
}

TEST(IdToken, RefusesAnAlgorithmLeftOffTheAllowList) {
  const auto token = testing::mint(header("ES256", "ec-1"), valid_claims(), JwsAlgorithm::kEs256,
                                   test_keys().ec.get());
  auto rsa_only = expectations();
  rsa_only.allowed_algorithms = {JwsAlgorithm::kRs256};
  EXPECT_EQ(defect_of(token, rsa_only), TokenDefect::kAlgorithmNotAllowed);
}

TEST(IdToken, RefusesAHeaderWithoutAlg) {
  EXPECT_EQ(defect_of(rs256_with_header(json::object{{"kid", "rsa-1"}})),
            TokenDefect::kAlgorithmNotAllowed);
  EXPECT_EQ(defect_of(rs256_with_header(json::object{{"alg", 256}, {"kid", "rsa-1"}})),
            TokenDefect::kAlgorithmNotAllowed);
  EXPECT_EQ(defect_of(rs256_with_header(json::object{{"alg", "rs256"}, {"kid", "rsa-1"}})),
            TokenDefect::kAlgorithmNotAllowed);
}

TEST(IdToken, RefusesAnEs256SignatureOfTheWrongLength) {
  EVP_PKEY* ec = test_keys().ec.get();
  const std::string input = testing::signing_input(json::serialize(header("ES256", "ec-1")),
                                                   json::serialize(valid_claims()));
  const std::string raw = testing::sign(JwsAlgorithm::kEs256, ec, input);
  // DER, as OpenSSL itself produces it, is valid ECDSA but not valid JWS.
  EXPECT_EQ(defect_of(input + "." + base64url_encode(testing::openssl_signature(ec, input))),
            TokenDefect::kBadSignatureLength);
  EXPECT_EQ(defect_of(input + "." + base64url_encode(raw.substr(1))),
            TokenDefect::kBadSignatureLength);
  EXPECT_EQ(defect_of(input + "." + base64url_encode(raw + std::string(1, '\0'))),
            TokenDefect::kBadSignatureLength);
  EXPECT_EQ(defect_of(input + "."), TokenDefect::kBadSignatureLength);
  EXPECT_TRUE(check(input + "." + base64url_encode(raw)));
}

// --- header parameters and keys -----------------------------------------------

TEST(IdToken, RefusesAnUnknownKid) {
  EXPECT_EQ(defect_of(rs256_with_header(header("RS256", "rsa-2"))), TokenDefect::kUnknownKeyId);
}

TEST(IdToken, RefusesAMissingKid) {
  EXPECT_EQ(defect_of(rs256_with_header(json::object{{"alg", "RS256"}})),
            TokenDefect::kMissingKeyId);
  EXPECT_EQ(defect_of(rs256_with_header(header("RS256", ""))), TokenDefect::kMissingKeyId);
  EXPECT_EQ(defect_of(rs256_with_header(json::object{{"alg", "RS256"}, {"kid", 1}})),
            TokenDefect::kMissingKeyId);
}

TEST(IdToken, RefusesAJkuHeader) {
  json::object h = header();
  h["jku"] = "https://attacker.example/jwks.json";
  EXPECT_EQ(defect_of(rs256_with_header(h)), TokenDefect::kForbiddenHeader);
}

TEST(IdToken, RefusesAnX5uHeader) {
  json::object h = header();
  h["x5u"] = "https://attacker.example/cert.pem";
  EXPECT_EQ(defect_of(rs256_with_header(h)), TokenDefect::kForbiddenHeader);
}

TEST(IdToken, RefusesAnEmbeddedJwkHeaderEvenWhenItIsOurOwnKey) {
  json::object h = header();
  h["jwk"] = testing::public_jwk(test_keys().rsa.get(), "rsa-1");
  EXPECT_EQ(defect_of(rs256_with_header(h)), TokenDefect::kForbiddenHeader);
}

TEST(IdToken, RefusesX5cAndCritHeaders) {
  json::object x5c = header();
  x5c["x5c"] = json::array{"MIIB"};
  EXPECT_EQ(defect_of(rs256_with_header(x5c)), TokenDefect::kForbiddenHeader);
  json::object crit = header();
  crit["crit"] = json::array{"exp"};
  EXPECT_EQ(defect_of(rs256_with_header(crit)), TokenDefect::kForbiddenHeader);
}

TEST(IdToken, RefusesATypeOtherThanJwt) {
  json::object access_token = header();
  access_token["typ"] = "at+jwt";
  EXPECT_EQ(defect_of(rs256_with_header(access_token)), TokenDefect::kUnexpectedType);
  json::object lower_case = header();
  lower_case["typ"] = "jwt";
  EXPECT_TRUE(check(rs256_with_header(lower_case)));
  EXPECT_TRUE(check(rs256_with_header(json::object{{"alg", "RS256"}, {"kid", "rsa-1"}})))
      << "typ is optional";
}

TEST(IdToken, RefusesAKeyThatDoesNotFitTheAlgorithm) {
  // ES256 naming an RSA key.
  const auto es256_on_rsa = testing::mint(header("ES256", "rsa-1"), valid_claims(),
                                          JwsAlgorithm::kEs256, test_keys().ec.get());
  EXPECT_EQ(defect_of(es256_on_rsa), TokenDefect::kKeyDoesNotFitAlgorithm);
  // PS256 naming a key the provider published for RS256 only.
  const auto ps256_on_rs256_key = testing::mint(header("PS256", "rsa-rs256-only"), valid_claims(),
                                                JwsAlgorithm::kPs256, test_keys().rsa.get());
  EXPECT_EQ(defect_of(ps256_on_rs256_key), TokenDefect::kKeyDoesNotFitAlgorithm);
  EXPECT_TRUE(check(rs256_with_header(header("RS256", "rsa-rs256-only"))));
}

// --- structure, encoding, JSON ------------------------------------------------

TEST(IdToken, RefusesATokenOver16Kilobytes) {
  json::object claims = valid_claims();
  claims["filler"] = "";
  const std::size_t base = rs256(claims).size();
  // Largest filler that keeps the token within the limit (base64 grows 4/3).
  std::size_t filler = (kMaxIdTokenBytes - base) * 3 / 4 + 3;
  std::string token;
  do {
    claims["filler"] = std::string(--filler, 'x');
    token = rs256(claims);
  } while (token.size() > kMaxIdTokenBytes);
  EXPECT_GE(token.size(), kMaxIdTokenBytes - 3);
  EXPECT_TRUE(check(token)) << "a token at the limit is accepted";
  claims["filler"] = std::string(filler + 3, 'x');
  const std::string oversized = rs256(claims);
  ASSERT_GT(oversized.size(), kMaxIdTokenBytes);
  EXPECT_EQ(defect_of(oversized), TokenDefect::kTooLarge);
}

TEST(IdToken, RefusesTwoOrFourParts) {
  const std::string good = rs256(valid_claims());
  EXPECT_EQ(defect_of(part(good, 0) + "." + part(good, 1)), TokenDefect::kMalformedStructure);
  EXPECT_EQ(defect_of(good + "." + part(good, 2)), TokenDefect::kMalformedStructure);
  EXPECT_EQ(defect_of(good + "."), TokenDefect::kMalformedStructure);
  EXPECT_EQ(defect_of(part(good, 0)), TokenDefect::kMalformedStructure);
  EXPECT_EQ(defect_of(""), TokenDefect::kMalformedStructure);
}

TEST(IdToken, RefusesMalformedBase64Url) {
  const std::string good = rs256(valid_claims());
  const std::string h = part(good, 0), p = part(good, 1), s = part(good, 2);
  EXPECT_EQ(defect_of(join(h + "=", p, s)), TokenDefect::kMalformedBase64);
  EXPECT_EQ(defect_of(join(h, p.substr(0, 10) + "+" + p.substr(11), s)),
            TokenDefect::kMalformedBase64);
  EXPECT_EQ(defect_of(join(h, p, s + "==")), TokenDefect::kMalformedBase64);
  EXPECT_EQ(defect_of(join(h, p, " " + s)), TokenDefect::kMalformedBase64);
}

TEST(IdToken, RefusesASignatureSpelledWithNonCanonicalBase64) {
  // A 256-byte signature leaves 4 unused bits in its last character; setting
  // one would decode to the same bytes in a lenient decoder and so verify.
  const std::string good = rs256(valid_claims());
  std::string s = part(good, 2);
  ASSERT_EQ(s.size(), 342u);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  s.back() = alphabet[alphabet.find(s.back()) | 1];
  EXPECT_EQ(defect_of(join(part(good, 0), part(good, 1), s)), TokenDefect::kMalformedBase64);
}

TEST(IdToken, RefusesAHeaderOrPayloadThatIsNotAJsonObject) {
  EVP_PKEY* rsa = test_keys().rsa.get();
  EXPECT_EQ(defect_of(testing::mint_text("[]", json::serialize(valid_claims()),
                                         JwsAlgorithm::kRs256, rsa)),
            TokenDefect::kMalformedJson);
  EXPECT_EQ(
      defect_of(testing::mint_text(json::serialize(header()), "[1]", JwsAlgorithm::kRs256, rsa)),
      TokenDefect::kMalformedJson);
  EXPECT_EQ(defect_of(testing::mint_text(json::serialize(header()),
                                         "{\"sub\":", JwsAlgorithm::kRs256, rsa)),
            TokenDefect::kMalformedJson);
}

TEST(IdToken, RefusesDuplicateKeysInThePayload) {
  EVP_PKEY* rsa = test_keys().rsa.get();
  const std::string h = json::serialize(header());
  std::string claims = json::serialize(valid_claims());
  ASSERT_EQ(claims.back(), '}');
  claims.pop_back();
  // The same value twice: only the duplicate itself is wrong.
  EXPECT_EQ(defect_of(testing::mint_text(h, claims + R"(,"sub":"pairwise-sub-1"})",
                                         JwsAlgorithm::kRs256, rsa)),
            TokenDefect::kDuplicateJsonKey);
  EXPECT_EQ(defect_of(testing::mint_text(h, claims + R"(,"iss":"https://idporten.no"})",
                                         JwsAlgorithm::kRs256, rsa)),
            TokenDefect::kDuplicateJsonKey);
  EXPECT_EQ(defect_of(testing::mint_text(h, claims + R"(,"sub":"someone-else"})",
                                         JwsAlgorithm::kRs256, rsa)),
            TokenDefect::kDuplicateJsonKey);
  EXPECT_EQ(defect_of(testing::mint_text(h, claims + R"(,"s\u0075b":"someone-else"})",
                                         JwsAlgorithm::kRs256, rsa)),
            TokenDefect::kDuplicateJsonKey);
  EXPECT_TRUE(check(testing::mint_text(h, claims + "}", JwsAlgorithm::kRs256, rsa)));
}

TEST(IdToken, RefusesDuplicateKeysInTheHeader) {
  const std::string payload = json::serialize(valid_claims());
  EXPECT_EQ(defect_of(testing::mint_text(R"({"alg":"RS256","alg":"RS256","kid":"rsa-1"})", payload,
                                         JwsAlgorithm::kRs256, test_keys().rsa.get())),
            TokenDefect::kDuplicateJsonKey);
  EXPECT_EQ(defect_of(testing::mint_text(R"({"alg":"none","alg":"RS256","kid":"rsa-1"})", payload,
                                         JwsAlgorithm::kRs256, test_keys().rsa.get())),
            TokenDefect::kDuplicateJsonKey);
}

// --- claims -------------------------------------------------------------------

TEST(IdToken, RefusesAnotherIssuerIncludingSlashAndCaseVariants) {
  for (const std::string_view issuer :
       {"https://idporten.no/", "HTTPS://IDPORTEN.NO", "https://IDPORTEN.NO",
        " https://idporten.no", "https://idporten.no ", "https://test.idporten.no",
        "https://idporten.no.attacker.example", ""}) {
    EXPECT_EQ(claims_defect(with(valid_claims(), "iss", issuer)), TokenDefect::kIssuerMismatch)
        << issuer;
  }
  EXPECT_EQ(claims_defect(without(valid_claims(), "iss")), TokenDefect::kIssuerMismatch);
  EXPECT_EQ(claims_defect(with(valid_claims(), "iss", json::array{kIssuer})),
            TokenDefect::kMalformedClaim);
}

TEST(IdToken, RefusesAnAudienceWithoutOurClientId) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "aud", "another-client")),
            TokenDefect::kAudienceMismatch);
  EXPECT_EQ(claims_defect(with(valid_claims(), "aud", "STAFETT-TEST-CLIENT")),
            TokenDefect::kAudienceMismatch);
  EXPECT_EQ(claims_defect(with(valid_claims(), "aud", json::array{"another-client"})),
            TokenDefect::kAudienceMismatch);
  EXPECT_EQ(claims_defect(with(valid_claims(), "aud", json::array{})),
            TokenDefect::kAudienceMismatch);
  EXPECT_EQ(claims_defect(without(valid_claims(), "aud")), TokenDefect::kAudienceMismatch);
  EXPECT_EQ(claims_defect(with(valid_claims(), "aud", json::array{kClientId, 7})),
            TokenDefect::kMalformedClaim);
  EXPECT_TRUE(check(rs256(with(valid_claims(), "aud", json::array{kClientId}))));
}

TEST(IdToken, RefusesSeveralAudiencesWithoutAzp) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "aud", json::array{"another-client", kClientId})),
            TokenDefect::kAuthorizedPartyMissing);
}

TEST(IdToken, RefusesSeveralAudiencesWithAnotherAzp) {
  json::object claims = with(valid_claims(), "aud", json::array{"another-client", kClientId});
  EXPECT_EQ(claims_defect(with(claims, "azp", "another-client")),
            TokenDefect::kAuthorizedPartyMismatch);
  const auto accepted = check(rs256(with(claims, "azp", kClientId)));
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->authorized_party, kClientId);
  EXPECT_EQ(accepted->audience.size(), 2u);
}

TEST(IdToken, RefusesAnAzpThatIsNotUsEvenWithOneAudience) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "azp", "another-client")),
            TokenDefect::kAuthorizedPartyMismatch);
}

TEST(IdToken, RefusesAnExpiredTokenBeyondTheSkew) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "exp", kNow - 61)), TokenDefect::kExpired);
  EXPECT_EQ(claims_defect(with(valid_claims(), "exp", kNow - 60)), TokenDefect::kExpired)
      << "now < exp + skew";
  EXPECT_EQ(claims_defect(without(valid_claims(), "exp")), TokenDefect::kExpiryMissing);
}

TEST(IdToken, AcceptsAnExpiryWithinTheSkew) {
  EXPECT_TRUE(check(rs256(with(valid_claims(), "exp", kNow - 59))));
  const std::string token = rs256(with(valid_claims(), "exp", kNow));
  EXPECT_TRUE(
      check(token, expectations(), kNowTime + seconds(59) + std::chrono::milliseconds(999)));
  EXPECT_EQ(defect_of(token, expectations(), kNowTime + seconds(60)), TokenDefect::kExpired);
  auto no_skew = expectations();
  no_skew.clock_skew = seconds(0);
  EXPECT_EQ(defect_of(token, no_skew), TokenDefect::kExpired);
}

TEST(IdToken, RefusesAnIatInTheFutureBeyondTheSkew) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "iat", kNow + 61)), TokenDefect::kIssuedInFuture);
  EXPECT_TRUE(check(rs256(with(valid_claims(), "iat", kNow + 60))));
  EXPECT_EQ(claims_defect(without(valid_claims(), "iat")), TokenDefect::kIssuedAtMissing);
}

TEST(IdToken, RefusesANotBeforeInTheFutureBeyondTheSkew) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "nbf", kNow + 61)), TokenDefect::kNotYetValid);
  EXPECT_TRUE(check(rs256(with(valid_claims(), "nbf", kNow + 60))));
}

TEST(IdToken, RefusesTimesThatAreNotJsonIntegers) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "exp", std::to_string(kNow + 120))),
            TokenDefect::kMalformedClaim);
  EXPECT_EQ(claims_defect(with(valid_claims(), "exp", static_cast<double>(kNow) + 120.5)),
            TokenDefect::kMalformedClaim);
  EXPECT_EQ(claims_defect(with(valid_claims(), "iat", static_cast<double>(kNow - 5))),
            TokenDefect::kMalformedClaim);
  EXPECT_EQ(claims_defect(with(valid_claims(), "exp", -1)), TokenDefect::kMalformedClaim);
  EXPECT_EQ(claims_defect(with(valid_claims(), "exp", std::numeric_limits<std::int64_t>::max())),
            TokenDefect::kMalformedClaim);
  EXPECT_EQ(claims_defect(with(valid_claims(), "exp", std::numeric_limits<std::uint64_t>::max())),
            TokenDefect::kMalformedClaim);
  EXPECT_EQ(claims_defect(with(valid_claims(), "auth_time", "yesterday")),
            TokenDefect::kMalformedClaim);
}

TEST(IdToken, RefusesAMissingNonce) {
  EXPECT_EQ(claims_defect(without(valid_claims(), "nonce")), TokenDefect::kNonceMissing);
}

TEST(IdToken, RefusesAWrongNonce) {
  std::string last_differs(kNonce);
  last_differs.back() = static_cast<char>(last_differs.back() ^ 1);
  EXPECT_EQ(claims_defect(with(valid_claims(), "nonce", last_differs)),
            TokenDefect::kNonceMismatch);
  EXPECT_EQ(claims_defect(with(valid_claims(), "nonce", kNonce.substr(1))),
            TokenDefect::kNonceMismatch);
  EXPECT_EQ(claims_defect(with(valid_claims(), "nonce", std::string(kNonce) + "x")),
            TokenDefect::kNonceMismatch);
  EXPECT_EQ(claims_defect(with(valid_claims(), "nonce", "")), TokenDefect::kNonceMismatch);
}

TEST(IdToken, RefusesAMissingAcrWhenALevelIsRequired) {
  EXPECT_EQ(claims_defect(without(valid_claims(), "acr")), TokenDefect::kAcrMissing);
}

TEST(IdToken, RefusesSubstantialWhenHighIsRequired) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "acr", "idporten-loa-substantial")),
            TokenDefect::kAcrNotAccepted);
  EXPECT_EQ(claims_defect(with(valid_claims(), "acr", "Level4")), TokenDefect::kAcrNotAccepted);
  auto either = expectations();
  either.acceptable_acr = {"idporten-loa-substantial", "idporten-loa-high"};
  EXPECT_TRUE(check(rs256(with(valid_claims(), "acr", "idporten-loa-substantial")), either));
}

TEST(IdToken, RequiresTheHighLevelByDefault) {
  TokenExpectations plain;
  plain.issuer = kIssuer;
  plain.client_id = kClientId;
  plain.nonce = kNonce;
  EXPECT_EQ(defect_of(rs256(with(valid_claims(), "acr", "idporten-loa-substantial")), plain),
            TokenDefect::kAcrNotAccepted);
}

TEST(IdToken, RefusesAMissingOrEmptySubject) {
  EXPECT_EQ(claims_defect(without(valid_claims(), "sub")), TokenDefect::kSubjectMissing);
  EXPECT_EQ(claims_defect(with(valid_claims(), "sub", "")), TokenDefect::kSubjectMissing);
}

TEST(IdToken, ARenewedLoginNeedsAFreshAuthTime) {
  // We asked at kNow - 60 s for a new login: auth_time 30 s ago is fresh.
  auto renewal = expectations();
  renewal.authenticated_after = std::chrono::sys_seconds(seconds(kNow - 60));
  EXPECT_TRUE(check(rs256(valid_claims()), renewal));
  // An answer from the provider's older single sign-on session is not.
  EXPECT_EQ(defect_of(rs256(with(valid_claims(), "auth_time", kNow - 60 - 61)), renewal),
            TokenDefect::kAuthenticationTooOld);
  // Within the clock skew it is.
  EXPECT_TRUE(check(rs256(with(valid_claims(), "auth_time", kNow - 60 - 59)), renewal));
  EXPECT_EQ(defect_of(rs256(without(valid_claims(), "auth_time")), renewal), TokenDefect::kAuthTimeMissing);
  // Without a demanded renewal, auth_time is optional.
  EXPECT_TRUE(check(rs256(without(valid_claims(), "auth_time"))));
}

TEST(IdToken, RefusesOptionalClaimsOfTheWrongType) {
  EXPECT_EQ(claims_defect(with(valid_claims(), "pid", 1819912345)), TokenDefect::kMalformedClaim);
  EXPECT_EQ(claims_defect(with(valid_claims(), "sid", json::array{"s"})),
            TokenDefect::kMalformedClaim);
}

TEST(IdToken, RefusesEverythingWhenExpectationsAreIncomplete) {
  const std::string good = rs256(valid_claims());
  for (auto blank :
       {&TokenExpectations::issuer, &TokenExpectations::client_id, &TokenExpectations::nonce}) {
    auto expect = expectations();
    expect.*blank = "";
    EXPECT_EQ(defect_of(good, expect), TokenDefect::kIncompleteExpectations);
  }
}

TEST(IdToken, NamesEveryDefectDistinctly) {
  std::set<std::string_view> names;
  for (int i = 0; i <= static_cast<int>(TokenDefect::kAuthenticationTooOld); ++i) {
    const auto name = token_defect_name(static_cast<TokenDefect>(i));
    EXPECT_NE(name, "unknown_defect") << i;
    EXPECT_TRUE(names.insert(name).second) << name;
  }
}

}  // namespace
}  // namespace stafett::auth
