#include "auth/relying_party.h"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "auth/base64url.h"
#include "auth/pkce.h"
#include "auth/strict_json.h"
#include "auth/token_minter_for_tests.h"

namespace stafett::auth {
namespace {

using openssl::PkeyPtr;

constexpr std::string_view kIssuer = "https://idp.example/idporten";
const TimePoint kNow = from_unix_ms(1'795'000'000'000);

std::string write_private_key(EVP_PKEY* key) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("stafett-client-key-" + std::to_string(::getpid()) + "-" + random_token().substr(0, 8) + ".pem");
  std::FILE* f = std::fopen(path.c_str(), "wb");
  PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(f);
  return path.string();
}

boost::json::object payload_of(const std::string& jwt) {
  const auto first = jwt.find('.');
  const auto second = jwt.find('.', first + 1);
  return *parse_strict_json_object(*base64url_decode(jwt.substr(first + 1, second - first - 1)));
}

ProviderMetadata metadata() {
  ProviderMetadata m;
  m.issuer = kIssuer;
  m.authorization_endpoint = std::string(kIssuer) + "/auth";
  m.token_endpoint = std::string(kIssuer) + "/token";
  m.jwks_uri = std::string(kIssuer) + "/jwks";
  m.end_session_endpoint = std::string(kIssuer) + "/session/end";
  m.response_types_supported = {"code"};
  m.code_challenge_methods_supported = {"S256"};
  m.token_endpoint_auth_methods_supported = {"private_key_jwt", "client_secret_post"};
  return m;
}

// The provider: its signing key, its JWKS, and the token endpoint's answer.
struct FakeProvider {
  PkeyPtr signing_key = testing::generate_rsa_key();
  std::string jwks = testing::jwks_document({testing::public_jwk(signing_key.get(), "idp-key")});
  FormFields last_form;
  int status = 200;
  std::string token_type = "Bearer";
  bool with_id_token = true;
  boost::json::object claims;

  std::string id_token() const {
    return testing::mint({{"alg", "RS256"}, {"kid", "idp-key"}}, claims, JwsAlgorithm::kRs256, signing_key.get());
  }
  HttpsGet get() {
    return [this](const std::string&) -> Result<FetchedDocument> { return FetchedDocument{200, jwks}; };
  }
  HttpsPostForm post() {
    return [this](const std::string& url, const FormFields& fields) -> Result<FetchedDocument> {
      EXPECT_EQ(url, std::string(kIssuer) + "/token");
      last_form = fields;
      boost::json::object body{{"token_type", token_type}, {"access_token", "opaque"}};
      if (with_id_token) body["id_token"] = id_token();
      return FetchedDocument{status, boost::json::serialize(body)};
    };
  }
  std::string field(std::string_view name) const {
    for (const auto& [k, v] : last_form) {
      if (k == name) return v;
    }
    return "";
  }
};

boost::json::object citizen_claims(std::string acr = "idporten-loa-high") {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(kNow.time_since_epoch()).count();
  return {{"iss", kIssuer}, {"aud", "stafett-citizen"}, {"sub", "subject"}, {"nonce", "the-nonce"},
          {"acr", acr},     {"iat", now},              {"exp", now + 600}, {"sid", "sid-1"},
          {"pid", "22838733305"}};
}

struct RelyingPartyTest : ::testing::Test {
  FixedClock clock{kNow};
  PkeyPtr client_key = testing::generate_rsa_key();
  std::string key_file = write_private_key(client_key.get());
  FakeProvider provider;
  ~RelyingPartyTest() override { std::filesystem::remove(key_file); }

  std::unique_ptr<RelyingParty> citizen() {
    auto signer = ClientAssertionSigner::load(key_file, "client-kid");
    EXPECT_TRUE(signer);
    ClientSettings s{std::string(kIssuer), "stafett-citizen", "https://stafett.example/innlogging/tilbake",
                     {"idporten-loa-high"}, std::move(*signer), {}};
    return std::make_unique<RelyingParty>(std::move(s), metadata(), provider.get(), provider.post(), clock);
  }
};

TEST(Pkce, VerifierAndS256Challenge) {
  const auto verifier = make_code_verifier();
  EXPECT_EQ(verifier.size(), 43u);
  EXPECT_NE(verifier, make_code_verifier());
  // Computed independently (Python hashlib + base64.urlsafe_b64encode).
  EXPECT_EQ(code_challenge_s256("dBjftJeZ4CVP-mJ92K1qUMNiXGsd5I0-O9VlrvnZWFM"),
            "d2KH1-sUw2Ul0P4vdP1_T-7CNpSb_2AI3PPN7LQqQ18");
  EXPECT_EQ(random_token().size(), 43u) << "256 bits";
}

TEST_F(RelyingPartyTest, AuthorizationUrlCarriesEveryParameterEncoded) {
  const auto url = citizen()->authorization_url({"st", "no", "ch", "nb"});
  EXPECT_EQ(url,
            std::string(kIssuer) +
                "/auth?response_type=code&client_id=stafett-citizen"
                "&redirect_uri=https%3A%2F%2Fstafett.example%2Finnlogging%2Ftilbake&scope=openid%20profile"
                "&state=st&nonce=no&code_challenge=ch&code_challenge_method=S256&acr_values=idporten-loa-high"
                "&ui_locales=nb");
}

TEST_F(RelyingPartyTest, RedeemsWithASignedClientAssertionAndValidatesTheIdToken) {
  provider.claims = citizen_claims();
  auto rp = citizen();
  auto login = rp->redeem("the-code", "the-verifier", "the-nonce");
  ASSERT_TRUE(login) << login.error().detail;
  EXPECT_EQ(login->claims.national_id, "22838733305");
  EXPECT_EQ(login->claims.session_id, "sid-1");
  EXPECT_EQ(provider.field("grant_type"), "authorization_code");
  EXPECT_EQ(provider.field("code"), "the-code");
  EXPECT_EQ(provider.field("code_verifier"), "the-verifier");
  EXPECT_EQ(provider.field("redirect_uri"), "https://stafett.example/innlogging/tilbake");
  EXPECT_EQ(provider.field("client_assertion_type"), "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  EXPECT_EQ(provider.field("client_secret"), "");
  // The assertion verifies with our public key and says who we are, to whom, for 60 s.
  const std::string assertion = provider.field("client_assertion");
  Jwks ours = *parse_jwks(testing::jwks_document({testing::public_jwk(client_key.get(), "client-kid")}));
  const auto last_dot = assertion.rfind('.');
  EXPECT_FALSE(verify_jws_signature(JwsAlgorithm::kRs256, ours.keys.at(0), assertion.substr(0, last_dot),
                                    *base64url_decode(assertion.substr(last_dot + 1))));
  const auto claims = payload_of(assertion);
  EXPECT_EQ(claims.at("iss").as_string(), "stafett-citizen");
  EXPECT_EQ(claims.at("sub").as_string(), "stafett-citizen");
  EXPECT_EQ(claims.at("aud").as_string(), kIssuer);
  EXPECT_EQ(claims.at("exp").as_int64() - claims.at("iat").as_int64(), 60);
  EXPECT_EQ(claims.at("jti").as_string().size(), 43u);
  rp->redeem("the-code", "the-verifier", "the-nonce");
  EXPECT_NE(payload_of(provider.field("client_assertion")).at("jti"), claims.at("jti")) << "a new jti every time";
}

TEST_F(RelyingPartyTest, RefusesWhatTheProviderShouldNotHaveSent) {
  auto rp = citizen();
  provider.claims = citizen_claims("idporten-loa-substantial");
  auto low = rp->redeem("c", "v", "the-nonce");
  ASSERT_FALSE(low);
  EXPECT_EQ(low.error().code, Errc::kForbidden);
  EXPECT_EQ(low.error().detail, "id_token refused: acr_not_accepted");
  provider.claims = citizen_claims();
  EXPECT_EQ(rp->redeem("c", "v", "another-nonce").error().detail, "id_token refused: nonce_mismatch");
  provider.token_type = "DPoP";
  EXPECT_FALSE(rp->redeem("c", "v", "the-nonce"));
  provider.token_type = "bearer";
  EXPECT_TRUE(rp->redeem("c", "v", "the-nonce")) << "token_type is case-insensitive";
  provider.with_id_token = false;
  EXPECT_FALSE(rp->redeem("c", "v", "the-nonce"));
  provider.with_id_token = true;
  provider.status = 400;
  auto refused = rp->redeem("c", "v", "the-nonce");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().detail, "token endpoint answered 400") << "never the body";
}

TEST_F(RelyingPartyTest, ClientSecretPostForTheEmployeeProvider) {
  ClientSettings s{std::string(kIssuer), "stafett-employee", "https://stafett.example/innlogging/tilbake", {},
                   std::nullopt, "s3cret"};
  RelyingParty rp(std::move(s), metadata(), provider.get(), provider.post(), clock);
  EXPECT_EQ(rp.authorization_url({"s", "n", "c", ""}).find("acr_values"), std::string::npos);
  auto claims = citizen_claims();
  claims.erase("acr");
  claims["aud"] = "stafett-employee";
  provider.claims = claims;
  ASSERT_TRUE(rp.redeem("c", "v", "the-nonce"));
  EXPECT_EQ(provider.field("client_id"), "stafett-employee");
  EXPECT_EQ(provider.field("client_secret"), "s3cret");
  EXPECT_EQ(provider.field("client_assertion"), "");
}

TEST_F(RelyingPartyTest, LogoutUrlWithIdTokenHint) {
  EXPECT_EQ(citizen()->logout_url("a.b.c", "https://stafett.example/", "xyz"),
            std::string(kIssuer) +
                "/session/end?id_token_hint=a.b.c&post_logout_redirect_uri=https%3A%2F%2Fstafett.example%2F&state=xyz");
}

TEST(ClientAssertionSigner, RefusesMissingFilesAndShortKeys) {
  EXPECT_FALSE(ClientAssertionSigner::load("/nonexistent/key.pem", "kid"));
  auto small = testing::generate_p256_key();
  const std::string file = write_private_key(small.get());
  auto r = ClientAssertionSigner::load(file, "kid");
  std::filesystem::remove(file);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kInvalidInput);
}

}  // namespace
}  // namespace stafett::auth
