// Each refusal starts from a document that is accepted (the positive control)
// and changes one thing, so removing that check makes its test fail.
#include "auth/discovery.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace stafett::auth {
namespace {

namespace json = boost::json;

constexpr std::string_view kIssuer = "https://idporten.no";

// A provider that answers every URL with the same document, and counts.
struct FakeProvider {
  int status = 200;
  std::string body;
  std::optional<Error> failure;
  std::vector<std::string> requested;

  HttpsGet getter() {
    return [this](const std::string& url) -> Result<FetchedDocument> {
      requested.push_back(url);
      if (failure) return *failure;
      return FetchedDocument{status, body};
    };
  }
};

// Shaped like ID-porten's metadata.
json::object valid_metadata(std::string_view issuer = kIssuer) {
  const std::string base(issuer);
  return json::object{
      {"issuer", issuer},
      {"authorization_endpoint", base + "/authorize"},
      {"token_endpoint", base + "/token"},
      {"jwks_uri", base + "/jwks.json"},
      {"end_session_endpoint", base + "/logout"},
      {"response_types_supported", json::array{"code"}},
      {"code_challenge_methods_supported", json::array{"S256"}},
      {"token_endpoint_auth_methods_supported",
       json::array{"client_secret_basic", "private_key_jwt"}},
      {"id_token_signing_alg_values_supported", json::array{"RS256"}},
      {"frontchannel_logout_supported", true},
      {"frontchannel_logout_session_supported", true},
      {"acr_values_supported", json::array{"idporten-loa-substantial", "idporten-loa-high"}}};
}

template <class T>
json::object with(json::object document, std::string_view name, T&& value) {
  document[name] = json::value_from(std::forward<T>(value));
  return document;
}

json::object without(json::object document, std::string_view name) {
  document.erase(name);
  return document;
}

Result<ProviderMetadata> discover_document(const json::object& document,
                                           std::string_view issuer = kIssuer) {
  FakeProvider provider;
  provider.body = json::serialize(document);
  return discover(std::string(issuer), provider.getter());
}

Errc error_of(const Result<ProviderMetadata>& result) {
  EXPECT_FALSE(result) << "metadata was accepted";
  return result ? Errc::kInternal : result.error().code;
}

TEST(Discovery, AcceptsIdPortenLikeMetadataAndReadsEveryField) {
  FakeProvider provider;
  provider.body = json::serialize(valid_metadata());
  const auto metadata = discover(std::string(kIssuer), provider.getter());
  ASSERT_TRUE(metadata) << metadata.error().detail;
  EXPECT_EQ(provider.requested,
            std::vector<std::string>{"https://idporten.no/.well-known/openid-configuration"});
  EXPECT_EQ(metadata->issuer, kIssuer);
  EXPECT_EQ(metadata->authorization_endpoint, "https://idporten.no/authorize");
  EXPECT_EQ(metadata->token_endpoint, "https://idporten.no/token");
  EXPECT_EQ(metadata->jwks_uri, "https://idporten.no/jwks.json");
  EXPECT_EQ(metadata->end_session_endpoint, "https://idporten.no/logout");
  EXPECT_EQ(metadata->response_types_supported, std::vector<std::string>{"code"});
  EXPECT_EQ(metadata->code_challenge_methods_supported, std::vector<std::string>{"S256"});
  EXPECT_EQ(metadata->token_endpoint_auth_methods_supported,
            (std::vector<std::string>{"client_secret_basic", "private_key_jwt"}));
  EXPECT_EQ(metadata->id_token_signing_alg_values_supported, std::vector<std::string>{"RS256"});
  EXPECT_TRUE(metadata->frontchannel_logout_supported);
  EXPECT_TRUE(metadata->frontchannel_logout_session_supported);
}

TEST(Discovery, AcceptsEntraIdStyleMetadataWithoutOptionalMembers) {
  const std::string issuer =
      "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";
  json::object document = valid_metadata(issuer);
  for (const auto* name :
       {"end_session_endpoint", "code_challenge_methods_supported",
        "token_endpoint_auth_methods_supported", "id_token_signing_alg_values_supported",
        "frontchannel_logout_supported", "frontchannel_logout_session_supported"}) {
    document.erase(name);
  }
  FakeProvider provider;
  provider.body = json::serialize(document);
  const auto metadata = discover(issuer, provider.getter());
  ASSERT_TRUE(metadata) << metadata.error().detail;
  EXPECT_EQ(provider.requested,
            std::vector<std::string>{issuer + "/.well-known/openid-configuration"});
  EXPECT_EQ(metadata->end_session_endpoint, std::nullopt);
  EXPECT_TRUE(metadata->code_challenge_methods_supported.empty());
  // OpenID Connect Discovery's default when the member is absent.
  EXPECT_EQ(metadata->token_endpoint_auth_methods_supported,
            std::vector<std::string>{"client_secret_basic"});
  EXPECT_TRUE(metadata->id_token_signing_alg_values_supported.empty());
  EXPECT_FALSE(metadata->frontchannel_logout_supported);
}

TEST(Discovery, RemovesOneTrailingSlashBeforeTheWellKnownPath) {
  EXPECT_EQ(openid_configuration_url("https://idporten.no"),
            "https://idporten.no/.well-known/openid-configuration");
  EXPECT_EQ(openid_configuration_url("https://idporten.no/"),
            "https://idporten.no/.well-known/openid-configuration");
  EXPECT_EQ(openid_configuration_url("https://example.com/tenant/"),
            "https://example.com/tenant/.well-known/openid-configuration");
  EXPECT_EQ(openid_configuration_url("https://example.com/tenant//"),
            "https://example.com/tenant//.well-known/openid-configuration");
}

TEST(Discovery, AcceptsAnIssuerWithATrailingSlashWhenTheDocumentStatesTheSame) {
  FakeProvider provider;
  provider.body = json::serialize(with(valid_metadata(), "issuer", "https://idporten.no/"));
  const auto metadata = discover("https://idporten.no/", provider.getter());
  ASSERT_TRUE(metadata) << metadata.error().detail;
  EXPECT_EQ(metadata->issuer, "https://idporten.no/");
  EXPECT_EQ(provider.requested,
            std::vector<std::string>{"https://idporten.no/.well-known/openid-configuration"});
}

TEST(Discovery, RefusesAnIssuerThatDiffersInAnyByte) {
  for (const auto* stated :
       {"https://idporten.no/", "https://IDPORTEN.no", "HTTPS://idporten.no", "https://Idporten.no",
        "https://idporten.no ", " https://idporten.no", "https://idporten.no:443",
        "https://test.idporten.no", "https://idporten.no.evil.example", "http://idporten.no",
        "https://idporten.no/.well-known/openid-configuration", ""}) {
    EXPECT_EQ(error_of(discover_document(with(valid_metadata(), "issuer", stated))),
              Errc::kInvalidInput)
        << stated;
  }
  // The configured issuer with a slash does not accept the document's issuer without one.
  EXPECT_EQ(error_of(discover_document(valid_metadata(), "https://idporten.no/")),
            Errc::kInvalidInput);
  EXPECT_EQ(error_of(discover_document(without(valid_metadata(), "issuer"))), Errc::kInvalidInput);
  EXPECT_EQ(error_of(discover_document(with(valid_metadata(), "issuer", 42))), Errc::kInvalidInput);
  EXPECT_EQ(error_of(discover_document(with(valid_metadata(), "issuer", json::array{kIssuer}))),
            Errc::kInvalidInput);
}

TEST(Discovery, RefusesEndpointsThatAreNotHttps) {
  for (const auto* name :
       {"authorization_endpoint", "token_endpoint", "jwks_uri", "end_session_endpoint"}) {
    for (const auto* url :
         {"http://idporten.no/x", "HTTP://idporten.no/x", "ftp://idporten.no/x", "https:///x",
          "https://user@idporten.no/x", "https://idporten.no/x#fragment", "https://idporten.no:x/",
          "/x", "idporten.no/x", "javascript:alert(1)"}) {
      EXPECT_EQ(error_of(discover_document(with(valid_metadata(), name, url))), Errc::kInvalidInput)
          << name << " = " << url;
    }
    EXPECT_EQ(error_of(discover_document(with(valid_metadata(), name, 1))), Errc::kInvalidInput)
        << name;
    EXPECT_EQ(error_of(discover_document(with(valid_metadata(), name, ""))), Errc::kInvalidInput)
        << name;
  }
  for (const auto* name : {"authorization_endpoint", "token_endpoint", "jwks_uri"}) {
    EXPECT_EQ(error_of(discover_document(without(valid_metadata(), name))), Errc::kInvalidInput)
        << name;
  }
}

TEST(Discovery, RefusesAConfiguredIssuerThatIsNotHttpsWithoutFetching) {
  for (const auto* issuer : {"http://idporten.no", "idporten.no", "https://idporten.no?x=1",
                             "https://idporten.no#f", "https://user@idporten.no", ""}) {
    FakeProvider provider;
    provider.body = json::serialize(valid_metadata(issuer));
    EXPECT_EQ(error_of(discover(issuer, provider.getter())), Errc::kInvalidInput) << issuer;
    EXPECT_TRUE(provider.requested.empty()) << issuer;
  }
}

TEST(Discovery, RefusesAnswersOtherThan200) {
  for (const int status : {201, 204, 301, 302, 304, 400, 404, 500, 503}) {
    FakeProvider provider;
    provider.status = status;
    provider.body = json::serialize(valid_metadata());
    EXPECT_EQ(error_of(discover(std::string(kIssuer), provider.getter())), Errc::kUnavailable)
        << status;
  }
}

TEST(Discovery, PassesAFailedFetchThrough) {
  FakeProvider provider;
  provider.failure = make_error(Errc::kUnavailable, "connect refused");
  const auto metadata = discover(std::string(kIssuer), provider.getter());
  ASSERT_FALSE(metadata);
  EXPECT_EQ(metadata.error().code, Errc::kUnavailable);
  EXPECT_EQ(metadata.error().detail, "connect refused");
}

TEST(Discovery, RefusesADocumentThatIsNotAStrictJsonObject) {
  const std::string valid = json::serialize(valid_metadata());
  const std::string duplicate_issuer =
      valid.substr(0, valid.size() - 1) + R"(,"issuer":"https://evil.example"})";
  for (const std::string& body : {std::string(), std::string("<html>login</html>"),
                                  std::string("[]"), std::string("\"https://idporten.no\""),
                                  valid + "x", valid.substr(0, 40), duplicate_issuer}) {
    FakeProvider provider;
    provider.body = body;
    EXPECT_EQ(error_of(discover(std::string(kIssuer), provider.getter())), Errc::kInvalidInput)
        << body;
  }
}

TEST(Discovery, RequiresTheCodeResponseType) {
  EXPECT_EQ(error_of(discover_document(without(valid_metadata(), "response_types_supported"))),
            Errc::kInvalidInput);
  EXPECT_EQ(error_of(discover_document(
                with(valid_metadata(), "response_types_supported", json::array{"id_token"}))),
            Errc::kInvalidInput);
  EXPECT_EQ(error_of(discover_document(with(valid_metadata(), "response_types_supported", "code"))),
            Errc::kInvalidInput);
  EXPECT_TRUE(discover_document(
      with(valid_metadata(), "response_types_supported", json::array{"id_token", "code"})));
}

TEST(Discovery, RequiresS256WhenChallengeMethodsAreListed) {
  EXPECT_EQ(error_of(discover_document(
                with(valid_metadata(), "code_challenge_methods_supported", json::array{"plain"}))),
            Errc::kInvalidInput);
  EXPECT_EQ(error_of(discover_document(
                with(valid_metadata(), "code_challenge_methods_supported", json::array{}))),
            Errc::kInvalidInput);
  EXPECT_EQ(error_of(discover_document(
                with(valid_metadata(), "code_challenge_methods_supported", json::array{"s256"}))),
            Errc::kInvalidInput);
  const auto both = discover_document(
      with(valid_metadata(), "code_challenge_methods_supported", json::array{"plain", "S256"}));
  ASSERT_TRUE(both);
  EXPECT_EQ(both->code_challenge_methods_supported, (std::vector<std::string>{"plain", "S256"}));
}

TEST(Discovery, RefusesMembersOfTheWrongType) {
  EXPECT_EQ(error_of(discover_document(
                with(valid_metadata(), "token_endpoint_auth_methods_supported", "x"))),
            Errc::kInvalidInput);
  EXPECT_EQ(
      error_of(discover_document(with(valid_metadata(), "id_token_signing_alg_values_supported",
                                      json::array{"RS256", 1}))),
      Errc::kInvalidInput);
  EXPECT_EQ(
      error_of(discover_document(with(valid_metadata(), "frontchannel_logout_supported", "true"))),
      Errc::kInvalidInput);
  EXPECT_EQ(error_of(discover_document(
                with(valid_metadata(), "frontchannel_logout_session_supported", 1))),
            Errc::kInvalidInput);
}

}  // namespace
}  // namespace stafett::auth
