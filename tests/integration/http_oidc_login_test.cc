// The real login (OpenID Connect authorization code flow) end to end: our
// server, the stand-in ID-porten and Entra ID (tests/idp/), and a test
// browser that follows the redirects and fills in the IdP's login form.
// One server and one IdP for the suite; every test uses fresh browsers.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <fstream>

#include "server_fixture.h"
#include "store/database.h"
#include "store/identity_repository.h"
#include "support/demo_session.h"
#include "support/idp_process.h"
#include "support/sql_probe.h"
#include "support/oidc_browser.h"

namespace stafett::testing {
namespace {

constexpr const char* kSessionCookie = "__Host-stafett_session";
constexpr const char* kPreLoginCookie = "__Host-stafett_prelogin";

std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("bind");
  socklen_t length = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string text_query(const std::string& url, const std::string& sql, const store::Params& params = {}) {
  auto db = store::open_database(url);
  if (!db) throw std::runtime_error(db.error().detail);
  auto v = store::transact_value<std::string>(**db, store::TxMode::kRead, [&](store::Transaction& tx) -> Result<std::string> {
    auto rows = tx.query(sql, params);
    if (!rows) return rows.error();
    if (rows->empty() || rows->front().is_null(0)) return std::string();
    const auto& value = rows->front();
    return value.size() > 0 ? std::string(value.text(0)) : std::string();
  });
  if (!v) throw std::runtime_error(v.error().detail);
  return *v;
}

std::string percent(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string query_param(const std::string& url, const std::string& name) {
  const auto q = url.find('?');
  if (q == std::string::npos) return "";
  std::string rest = url.substr(q + 1);
  std::size_t pos = 0;
  while (pos <= rest.size()) {
    auto end = rest.find('&', pos);
    if (end == std::string::npos) end = rest.size();
    const std::string pair = rest.substr(pos, end - pos);
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

class OidcLogin : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    const std::uint16_t port = free_port();
    base_ = "http://127.0.0.1:" + std::to_string(port);
    IdpOptions options;
    options.relying_party = {{base_ + "/innlogging/tilbake"}, {base_ + "/"}, base_ + "/innlogging/frontkanal"};
    idp_ = IdpProcess::start(options);
    const std::string dir = make_temp_dir();
    const std::string secret_file = dir + "/employee-secret";
    std::ofstream(secret_file) << idp_->employee_client_secret() << "\n";
    const std::string config = dir + "/stafett.conf";
    std::ofstream(config) << "public_base_url = " << base_ << "\n"
                          << "oidc_ca_file = " << idp_->ca_file() << "\n"
                          << "citizen_issuer = " << idp_->issuer() << "\n"
                          << "citizen_client_id = " << IdpProcess::kCitizenClientId << "\n"
                          << "citizen_client_key_file = " << idp_->citizen_client_key_file() << "\n"
                          << "citizen_client_key_id = " << idp_->citizen_client_key_id() << "\n"
                          << "employee_issuer = " << idp_->employee_issuer() << "\n"
                          << "employee_client_id = " << IdpProcess::kEmployeeClientId << "\n"
                          << "employee_client_secret_file = " << secret_file << "\n"
                          << "employee_allowed_tenants = " << idp_->employee_tenant_id() << "\n";
    database_url_ = fresh_database_url();
    server_ = ServerProcess::start(database_url_, {"--config", config}, "127.0.0.1:" + std::to_string(port));
    // The register knows the demo employees by this run's issuer (it has the IdP's port in it).
    auto db = store::open_database(database_url_);
    if (!db) throw std::runtime_error(db.error().detail);
    for (const auto& e : idp_->config().at("employees").as_array()) {
      const auto& user = e.as_object();
      const std::string key(user.at("key").as_string());
      const std::string tid(user.at("tid").as_string());
      const std::string oid(user.at("oid").as_string());
      if (key == "namesake") continue;  // another tenant: not in our register
      const std::string given = key == "ingrid" ? "Ingrid" : key == "sara" ? "Sara" : "Tone";
      auto r = (*db)->transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> Result<void> {
        auto rows = tx.query("SELECT id FROM person WHERE given_name = ?", {given});
        if (!rows) return rows.error();
        return store::insert_employee_identity(tx, idp_->employee_issuer(), tid + ":" + oid,
                                               domain::PersonId{rows->front().int64(0)}, TimePoint{});
      });
      if (!r) throw std::runtime_error(r.error().detail);
    }
  }
  static void TearDownTestSuite() {
    if (server_ && server_->running()) {
      EXPECT_EQ(server_->stop(), 0) << server_->output();
    }
    server_.reset();
    idp_.reset();
  }

 protected:
  OidcBrowser browser() const { return OidcBrowser(server_->port(), idp_->port(), idp_->ca_file()); }
  std::int64_t sessions() const { return scalar(database_url_, "SELECT COUNT(*) FROM session"); }

  // Remembered for the log check at the end.
  static void remember_secret(const std::string& s) {
    if (!s.empty()) secrets_.push_back(s);
  }

  static inline std::unique_ptr<IdpProcess> idp_;
  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::string database_url_;
  static inline std::string base_;
  static inline std::vector<std::string> secrets_;
};

TEST_F(OidcLogin, LoginPageOffersBothProviders) {
  auto b = browser();
  auto page = b.get("/logg-inn");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/logg-inn/innbygger\""), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("href=\"/logg-inn/ansatt\""), std::string::npos);
  EXPECT_EQ(page.body.find("/demo/logg-inn"), std::string::npos) << "no demo login without --demo";
  // POST /logg-ut ends in a redirect to the provider's logout page, which
  // form-action must allow (browsers check it on redirects after a POST).
  const auto csp = page.header("content-security-policy");
  ASSERT_TRUE(csp);
  EXPECT_NE(csp->find("form-action 'self' https://127.0.0.1:" + std::to_string(idp_->port())), std::string::npos)
      << *csp;
}

TEST_F(OidcLogin, StartSendsTheBrowserToIdPortenWithPkceStateNonceAndAcr) {
  auto b = browser();
  auto r = b.get("/logg-inn/innbygger");
  ASSERT_EQ(r.status, 303);
  const std::string location = *r.header("location");
  EXPECT_EQ(location.rfind(idp_->issuer() + "/auth?", 0), 0u) << location;
  EXPECT_EQ(query_param(location, "response_type"), "code");
  EXPECT_EQ(query_param(location, "client_id"), "stafett-citizen");
  EXPECT_EQ(query_param(location, "redirect_uri"), percent(base_ + "/innlogging/tilbake"));
  EXPECT_EQ(query_param(location, "code_challenge_method"), "S256");
  EXPECT_EQ(query_param(location, "code_challenge").size(), 43u);
  EXPECT_GE(query_param(location, "state").size(), 22u);
  EXPECT_GE(query_param(location, "nonce").size(), 22u);
  EXPECT_EQ(query_param(location, "acr_values"), "idporten-loa-high");
  EXPECT_EQ(query_param(location, "scope"), "openid%20profile");
  const auto set_cookie = cookie_value(r, kPreLoginCookie);
  EXPECT_FALSE(set_cookie.empty());
  bool attributes = false;
  for (const auto& [name, value] : r.headers) {
    if (name == "set-cookie" && value.rfind(kPreLoginCookie, 0) == 0) {
      attributes = value.find("Secure") != std::string::npos && value.find("HttpOnly") != std::string::npos &&
                   value.find("SameSite=Lax") != std::string::npos && value.find("Path=/") != std::string::npos;
    }
  }
  EXPECT_TRUE(attributes);
}

TEST_F(OidcLogin, GuardianLogsInWithIdPortenAndSeesHerChildsLog) {
  auto b = browser();
  auto back = b.log_in("/logg-inn/innbygger", "hanne");
  ASSERT_EQ(back.status, 303) << back.body << server_->output();
  EXPECT_EQ(*back.header("location"), "/logger");
  const std::string token = cookie_value(back, kSessionCookie);
  ASSERT_EQ(token.size(), 64u);
  remember_secret(token);
  EXPECT_EQ(b.cookies().count(kPreLoginCookie), 0u) << "the pre-login cookie is cleared";
  auto logs = b.get("/logger");
  EXPECT_EQ(logs.status, 200);
  EXPECT_NE(logs.body.find("Nora"), std::string::npos);
  EXPECT_EQ(logs.body.find(token), std::string::npos) << "the session id never appears in a page";
}

TEST_F(OidcLogin, ReturnPathsComeFromTheAllowList) {
  for (const auto& [asked, landed] : std::vector<std::pair<std::string, std::string>>{
           {"/oppgaver", "/oppgaver"},
           {"//evil.example", "/"},
           {"/%5Cevil.example", "/"},
           {"https%3A%2F%2Fevil.example", "/"}}) {
    auto b = browser();
    auto back = b.log_in("/logg-inn/innbygger?tilbake=" + asked, "erik");
    ASSERT_EQ(back.status, 303) << asked;
    EXPECT_EQ(*back.header("location"), landed) << asked;
  }
}

TEST_F(OidcLogin, StateMissingAlteredReusedOrFromAnotherBrowserIsRefused) {
  const auto before = sessions();
  // Missing.
  {
    auto b = browser();
    auto start = b.get("/logg-inn/innbygger");
    const std::string back = b.through_idp(*start.header("location"), "hanne");
    ASSERT_FALSE(back.empty());
    const std::string code = query_param(back, "code");
    auto r = b.get("/innlogging/tilbake?code=" + code);
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(cookie_value(r, kSessionCookie).empty());
  }
  // Altered.
  {
    auto b = browser();
    auto start = b.get("/logg-inn/innbygger");
    std::string back = b.through_idp(*start.header("location"), "hanne");
    const auto pos = back.find("state=") + 6;
    back[pos] = back[pos] == 'A' ? 'B' : 'A';
    auto r = b.get(back);
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(cookie_value(r, kSessionCookie).empty());
  }
  // Reused: the first use logs in, the second does nothing.
  {
    auto b = browser();
    auto start = b.get("/logg-inn/innbygger");
    const std::string back = b.through_idp(*start.header("location"), "hanne");
    const std::string prelogin = b.cookies().at(kPreLoginCookie);
    auto first = b.get(back);
    ASSERT_EQ(first.status, 303);
    remember_secret(cookie_value(first, kSessionCookie));
    auto replay = request(server_->port(), "GET", back, {{"Cookie", std::string(kPreLoginCookie) + "=" + prelogin}});
    EXPECT_EQ(replay.status, 400);
    EXPECT_TRUE(cookie_value(replay, kSessionCookie).empty());
  }
  // From another browser (its own pre-login cookie, or none).
  {
    auto victim = browser();
    auto start = victim.get("/logg-inn/innbygger");
    const std::string back = victim.through_idp(*start.header("location"), "hanne");
    auto attacker = browser();
    attacker.get("/logg-inn/innbygger");
    ASSERT_EQ(attacker.cookies().count(kPreLoginCookie), 1u);
    auto r = attacker.get(back);
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(cookie_value(r, kSessionCookie).empty());
    auto again = victim.get(back);
    EXPECT_EQ(again.status, 400) << "a state is tried once, also by the wrong browser";
    auto no_cookie = get(server_->port(), back);
    EXPECT_EQ(no_cookie.status, 400);
  }
  EXPECT_EQ(sessions(), before + 1) << "only the first use of the reused state made a session";
}

TEST_F(OidcLogin, TooLowLevelOfAssuranceIsRefused) {
  const auto before = sessions();
  auto b = browser();
  auto r = b.log_in("/logg-inn/innbygger", "thomas");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(cookie_value(r, kSessionCookie).empty());
  EXPECT_EQ(sessions(), before);
}

TEST_F(OidcLogin, CitizenWhoIsNotInTheRegisterGetsNothingToShow) {
  const auto before = sessions();
  auto b = browser();
  auto r = b.log_in("/logg-inn/innbygger", "vilde");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Ingenting å vise"), std::string::npos) << r.body;
  EXPECT_TRUE(cookie_value(r, kSessionCookie).empty());
  EXPECT_EQ(sessions(), before);
}

TEST_F(OidcLogin, EmployeeLogsInWithEntraIdAndSeesHerLogs) {
  auto b = browser();
  auto r = b.log_in("/logg-inn/ansatt", "ingrid");
  ASSERT_EQ(r.status, 303) << r.body << server_->output();
  remember_secret(cookie_value(r, kSessionCookie));
  auto logs = b.get("/logger");
  EXPECT_EQ(logs.status, 200);
  EXPECT_NE(logs.body.find("Nora"), std::string::npos);
}

TEST_F(OidcLogin, EmployeesWithoutEmploymentOrFromAnotherTenantAreRefused) {
  const auto before = sessions();
  for (const char* user : {"tone", "namesake"}) {
    auto b = browser();
    auto r = b.log_in("/logg-inn/ansatt", user);
    EXPECT_EQ(r.status, 403) << user;
    EXPECT_NE(r.body.find("Ingen tilgang som ansatt"), std::string::npos) << user;
    EXPECT_TRUE(cookie_value(r, kSessionCookie).empty()) << user;
  }
  EXPECT_EQ(sessions(), before);
}

TEST_F(OidcLogin, ProviderErrorGivesAFriendlyPage) {
  auto b = browser();
  auto start = b.get("/logg-inn/innbygger");
  const std::string state = query_param(*start.header("location"), "state");
  auto r = b.get("/innlogging/tilbake?error=access_denied&state=" + state);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Innloggingen ble ikke fullført"), std::string::npos);
}

TEST_F(OidcLogin, LogoutEndsOursFirstThenSendsTheBrowserToTheProvider) {
  auto b = browser();
  auto r = b.log_in("/logg-inn/innbygger", "hanne");
  ASSERT_EQ(r.status, 303);
  const std::string old_cookie = std::string(kSessionCookie) + "=" + b.cookies().at(kSessionCookie);
  remember_secret(b.cookies().at(kSessionCookie));
  auto me = b.get("/api/v1/session");
  const std::string csrf(boost::json::parse(me.body).at("csrf_token").as_string());
  auto out = b.post("/logg-ut", "_csrf=" + csrf);
  ASSERT_EQ(out.status, 303);
  const std::string location = *out.header("location");
  EXPECT_EQ(location.rfind(idp_->issuer() + "/session/end?", 0), 0u) << location;
  // The one URL an id_token appears in: a top-level GET to the provider (a
  // cross-site POST would not carry its SameSite=Lax session cookie). Never
  // stored by the browser's cache, never sent on as a Referer.
  EXPECT_FALSE(query_param(location, "id_token_hint").empty());
  EXPECT_EQ(out.header("cache-control"), "no-store");
  EXPECT_EQ(out.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(query_param(location, "post_logout_redirect_uri"), percent(base_ + "/"));
  EXPECT_FALSE(query_param(location, "state").empty());
  remember_secret(query_param(location, "id_token_hint"));
  auto after = get(server_->port(), "/logger", {{"Cookie", old_cookie}});
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(*after.header("location"), "/logg-inn") << "the old cookie is useless";
}

TEST_F(OidcLogin, FrontChannelLogoutEndsTheSessionsWithThatIssuerAndSid) {
  auto b = browser();
  auto r = b.log_in("/logg-inn/innbygger", "hanne");
  ASSERT_EQ(r.status, 303);
  const std::string token = cookie_value(r, kSessionCookie);
  remember_secret(token);
  const std::string sid = text_query(
      database_url_, "SELECT provider_sid FROM session WHERE ended_at_ms IS NULL ORDER BY id DESC LIMIT 1");
  ASSERT_FALSE(sid.empty());
  const std::string iss = percent(idp_->issuer());
  auto wrong_iss = get(server_->port(), "/innlogging/frontkanal?iss=" + percent(idp_->employee_issuer()) + "&sid=" + sid);
  EXPECT_EQ(wrong_iss.status, 200);
  auto unknown_sid = get(server_->port(), "/innlogging/frontkanal?iss=" + iss + "&sid=unknown-sid");
  EXPECT_EQ(unknown_sid.status, 200);
  EXPECT_EQ(b.get("/logger").status, 200) << "a wrong iss or an unknown sid does nothing";
  auto right = get(server_->port(), "/innlogging/frontkanal?iss=" + iss + "&sid=" + percent(sid));
  EXPECT_EQ(right.status, 200);
  EXPECT_EQ(right.header("cache-control"), "no-store");
  // Only the providers may frame it (the page is loaded in their iframe).
  const std::string idp_origin = idp_->issuer().substr(0, idp_->issuer().find('/', 8));
  EXPECT_NE(right.header("content-security-policy").value_or("").find("frame-ancestors " + idp_origin),
            std::string::npos);
  EXPECT_FALSE(right.has_header("x-frame-options"));
  EXPECT_EQ(get(server_->port(), "/logg-inn").header("x-frame-options"), "DENY") << "every other page: no framing";
  auto after = b.get("/logger");
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(*after.header("location"), "/logg-inn");
}

TEST_F(OidcLogin, RenewalAsksForANewLoginAndReplacesTheSession) {
  auto b = browser();
  ASSERT_EQ(b.log_in("/logg-inn/innbygger", "hanne").status, 303);
  const std::string old_token = b.cookies().at(kSessionCookie);
  remember_secret(old_token);
  EXPECT_EQ(b.get("/logger/1/samtykke").status, 200) << "a login just now is recent enough";
  // An hour later (as far as the session knows), consent needs a new login.
  execute(database_url_, "UPDATE session SET authenticated_at_ms = authenticated_at_ms - 3600000");
  auto stale = b.get("/logger/1/samtykke");
  ASSERT_EQ(stale.status, 303);
  ASSERT_EQ(*stale.header("location"), "/logg-inn/fornye?tilbake=%2Flogger%2F1%2Fsamtykke");
  auto start = b.get(*stale.header("location"));
  ASSERT_EQ(start.status, 303);
  const std::string location = *start.header("location");
  EXPECT_EQ(location.rfind(idp_->issuer() + "/auth?", 0), 0u) << location;
  EXPECT_EQ(query_param(location, "prompt"), "login");
  EXPECT_EQ(query_param(location, "max_age"), "0");
  const std::string callback = b.through_idp(location, "hanne");
  ASSERT_FALSE(callback.empty());
  auto back = b.get(callback);
  ASSERT_EQ(back.status, 303) << back.body << server_->output();
  EXPECT_EQ(*back.header("location"), "/logger/1/samtykke");
  const std::string token = cookie_value(back, kSessionCookie);
  ASSERT_EQ(token.size(), 64u);
  remember_secret(token);
  EXPECT_NE(token, old_token) << "a new session id";
  auto old = get(server_->port(), "/logger", {{"Cookie", std::string(kSessionCookie) + "=" + old_token}});
  EXPECT_EQ(old.status, 303) << "the old session ended";
  EXPECT_EQ(b.get("/logger/1/samtykke").status, 200);
  const auto fresh = scalar(database_url_,
                            "SELECT COUNT(*) FROM session WHERE ended_at_ms IS NULL AND authenticated_at_ms IS NOT NULL"
                            " AND provider_issuer IS NOT NULL AND person_id = 9 AND authenticated_at_ms > created_at_ms - 120000");
  EXPECT_GE(fresh, 1) << "the new session counts from the provider's new auth_time";
}

// Declared last: the tests above remembered every session id and token they saw.
TEST_F(OidcLogin, NoSessionIdOrTokenInTheServerLog) {
  const std::string log = server_->output();
  ASSERT_FALSE(secrets_.empty());
  for (const auto& secret : secrets_) EXPECT_EQ(log.find(secret), std::string::npos) << "secret in the log";
  EXPECT_EQ(log.find("eyJ"), std::string::npos) << "no JWT in the log";
}

}  // namespace
}  // namespace stafett::testing
