// The server's everyday behaviour over real HTTP, on both backends.
#include <boost/json/parse.hpp>

#include "server_fixture.h"

namespace stafett::testing {
namespace {

class HttpBasics : public ServerSuite<HttpBasics> {};

void expect_security_headers(const HttpResponse& r, const std::string& what) {
  const auto csp = r.header("content-security-policy");
  ASSERT_TRUE(csp) << what;
  EXPECT_EQ(csp->find("unsafe-inline"), std::string::npos) << what;
  EXPECT_NE(csp->find("frame-ancestors 'none'"), std::string::npos) << what;
  EXPECT_NE(csp->find("default-src 'self'"), std::string::npos) << what;
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << what;
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer") << what;
  EXPECT_TRUE(r.has_header("cache-control")) << what;
}

TEST_F(HttpBasics, StartPageShowsWhatStafettIsAndTheDemoMunicipality) {
  auto r = get(port(), "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<html lang=\"nb\""), std::string::npos);
  EXPECT_NE(r.body.find("Fjordvik kommune"), std::string::npos) << "the page must come from the database";
  EXPECT_NE(r.body.find("href=\"#main\""), std::string::npos) << "skip link";
  EXPECT_NE(r.body.find("116 111"), std::string::npos);
}

TEST_F(HttpBasics, EveryKindOfResponseCarriesTheSecurityHeaders) {
  expect_security_headers(get(port(), "/"), "start page");
  expect_security_headers(get(port(), "/finnes-ikke"), "404 page");
  expect_security_headers(get(port(), "/healthz"), "health");
  expect_security_headers(request(port(), "POST", "/"), "405");
  const std::string css = first_stylesheet(get(port(), "/").body, "css/app");
  ASSERT_FALSE(css.empty());
  expect_security_headers(get(port(), css), "static file");
  Connection c(port());
  c.send("BROKEN\r\n\r\n");
  auto bad = c.read_response();
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  expect_security_headers(*bad, "server-made 400");
}

TEST_F(HttpBasics, DynamicResponsesAreNeverStored) {
  for (const char* path : {"/", "/finnes-ikke", "/healthz", "/api/v1/municipalities"}) {
    EXPECT_EQ(get(port(), path).header("cache-control"), "no-store") << path;
  }
}

TEST_F(HttpBasics, HeadGivesTheHeadersOfGetWithoutABody) {
  Connection c(port());
  c.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  auto head = c.read_response(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_GT(std::stoul(*head->header("content-length")), 1000u);
  EXPECT_TRUE(head->has_header("content-security-policy"));
  auto next = c.read_response();  // would be garbage if HEAD had sent a body
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, R"({"status":"ok"})");
}

TEST_F(HttpBasics, KeepAliveServesManyRequestsOnOneConnection) {
  Connection c(port());
  for (int i = 0; i < 5; ++i) {
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    auto r = c.read_response();
    ASSERT_TRUE(r) << "request " << i;
    EXPECT_EQ(r->status, 200);
  }
}

TEST_F(HttpBasics, UnknownRouteIsAFriendlyHtmlPage) {
  auto r = get(port(), "/finnes-ikke");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("Fant ikke siden"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/\""), std::string::npos) << "a way back to the start page";
}

TEST_F(HttpBasics, UnknownRouteIsJsonWhenTheClientAsksForJson) {
  for (auto [path, headers] : std::vector<std::pair<std::string, Headers>>{
           {"/finnes-ikke", {{"Accept", "application/json"}}}, {"/api/v1/finnes-ikke", {}}}) {
    auto r = get(port(), path, headers);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.header("content-type"), "application/json") << path;
    auto json = boost::json::parse(r.body);
    EXPECT_EQ(json.at("error").at("code").as_string(), "not_found");
    EXPECT_EQ(json.at("error").at("status").as_int64(), 404);
  }
}

TEST_F(HttpBasics, WrongMethodGives405WithAllow) {
  auto r = request(port(), "POST", "/");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, HEAD");
  auto d = request(port(), "DELETE", "/healthz");
  EXPECT_EQ(d.status, 405);
}

TEST_F(HttpBasics, HealthAndReadinessAnswerJson) {
  auto h = get(port(), "/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.body, R"({"status":"ok"})");
  auto r = get(port(), "/readyz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ready"})");
}

TEST_F(HttpBasics, ApiListsTheMunicipalities) {
  auto r = get(port(), "/api/v1/municipalities");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json");
  auto json = boost::json::parse(r.body);
  const auto& list = json.at("municipalities").as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].at("name").as_string(), "Fjordvik kommune");
  EXPECT_EQ(list[0].at("kommunenummer").as_string(), "9901");
}

class Language : public ServerSuite<Language> {};

std::string html_lang(const HttpResponse& r) {
  std::smatch m;
  return std::regex_search(r.body, m, std::regex("<html lang=\"([a-z]+)\"")) ? m[1].str() : "";
}

TEST_F(Language, BokmalByDefault) { EXPECT_EQ(html_lang(get(port(), "/")), "nb"); }

TEST_F(Language, BrowserPreferenceIsFollowed) {
  auto nn = get(port(), "/", {{"Accept-Language", "nn-NO,nn;q=0.9,en;q=0.5"}});
  EXPECT_EQ(html_lang(nn), "nn");
  EXPECT_NE(nn.body.find("Gå til hovudinnhaldet"), std::string::npos);
  EXPECT_EQ(html_lang(get(port(), "/", {{"Accept-Language", "en-GB"}})), "en");
  EXPECT_EQ(html_lang(get(port(), "/", {{"Accept-Language", "de"}})), "nb");
}

TEST_F(Language, ExplicitChoiceBeatsTheBrowser) {
  auto r = get(port(), "/", {{"Accept-Language", "nn"}, {"Cookie", "other=1; sprak=en"}});
  EXPECT_EQ(html_lang(r), "en");
  EXPECT_NE(r.body.find("Skip to main content"), std::string::npos);
}

TEST_F(Language, ErrorPagesAreTranslatedToo) {
  auto r = get(port(), "/finnes-ikke", {{"Cookie", "sprak=en"}});
  EXPECT_NE(r.body.find("Page not found"), std::string::npos);
}

TEST_F(Language, LanguageLinkSetsACookieAndGoesBack) {
  auto r = get(port(), "/sprak/nn?tilbake=%2Fhealthz");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/healthz");
  const auto cookie = r.header("set-cookie");
  ASSERT_TRUE(cookie);
  EXPECT_TRUE(cookie->starts_with("sprak=nn;"));
  EXPECT_NE(cookie->find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie->find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie->find("Path=/"), std::string::npos);
}

TEST_F(Language, OpenRedirectAttemptsLandOnTheStartPage) {
  for (const char* back : {"%2F%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example",
                           "evil.example", "%2F..%2Fx"}) {
    auto r = get(port(), std::string("/sprak/en?tilbake=") + back);
    EXPECT_EQ(r.status, 303) << back;
    EXPECT_EQ(r.header("location"), "/") << back;
  }
}

TEST_F(Language, UnknownLanguageIsNotFound) {
  EXPECT_EQ(get(port(), "/sprak/klingon").status, 404);
}

}  // namespace
}  // namespace stafett::testing
