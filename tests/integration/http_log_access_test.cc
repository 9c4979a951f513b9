// Who sees and does what in the stafettlogg, over real HTTP, against the demo
// families (see src/app/demo_seed.cc): allowed paths and every denied one.
#include <boost/json/parse.hpp>

#include <algorithm>

#include "server_fixture.h"
#include "support/demo_session.h"

namespace stafett::testing {
namespace {

// Demo person ids in seeding order (src/app/demo_seed.cc, kPeople).
constexpr int kIngrid = 1;  // teacher, holder of Nora's log (1)
constexpr int kOle = 2;     // kindergarten, holder of Leo's log (2)
constexpr int kSara = 3;    // health nurse: holder of Sofie's log (3), contributor in Nora's
constexpr int kJonas = 4;   // PPT: in Leo's and Sofie's logs
constexpr int kTone = 7;    // employment ended
constexpr int kLiv = 8;     // municipal administrator
constexpr int kHanne = 9;   // Nora's mother
constexpr int kErik = 10;   // Nora's father
constexpr int kNora = 11;   // 9 years old
constexpr int kSofie = 16;  // 14 years old
constexpr const char* kHiddenName = "Krogvik";  // the hidden child-welfare participant in Nora's log

// A logged-in browser: the session cookie and the CSRF token of its pages.
struct Browser {
  std::uint16_t port = 0;
  std::string cookie;
  std::string csrf;

  HttpResponse get(const std::string& path) const { return testing::get(port, path, {{"Cookie", cookie}}); }
  HttpResponse post(const std::string& path, const std::string& body) const {
    return request(port, "POST", path,
                   {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, body);
  }
  HttpResponse post_with_csrf(const std::string& path, const std::string& extra = "") const {
    return post(path, "_csrf=" + csrf + extra);
  }
};

std::string find_csrf(const std::string& html) {
  std::smatch m;
  return std::regex_search(html, m, std::regex("name=\"_csrf\" value=\"([0-9a-f]+)\"")) ? m[1].str() : "";
}

// Logs in through the demo login form, as a person would.
Browser log_in(std::uint16_t port, int person, const std::string& kind) {
  auto page = get(port, "/logg-inn");
  const std::string login_csrf = cookie_value(page, "__Host-stafett_login");
  EXPECT_FALSE(login_csrf.empty()) << "login page set no CSRF cookie";
  auto r = request(port, "POST", "/demo/logg-inn",
                   {{"Cookie", "__Host-stafett_login=" + login_csrf},
                    {"Content-Type", "application/x-www-form-urlencoded"}},
                   "_csrf=" + login_csrf + "&person=" + std::to_string(person) + "&kind=" + kind);
  Browser b{port, "", ""};
  if (r.status != 303) return b;
  b.cookie = "__Host-stafett_session=" + cookie_value(r, "__Host-stafett_session");
  b.csrf = find_csrf(b.get("/logger").body);
  return b;
}

std::vector<std::int64_t> api_log_ids(const Browser& b) {
  auto r = b.get("/api/v1/logs");
  std::vector<std::int64_t> ids;
  if (r.status != 200) return ids;
  const auto parsed = boost::json::parse(r.body);  // keep it alive while iterating
  for (const auto& l : parsed.at("logs").as_array()) ids.push_back(l.at("id").as_int64());
  std::sort(ids.begin(), ids.end());
  return ids;
}

class LogAccess : public ServerSuite<LogAccess> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

TEST_F(LogAccess, EachPersonSeesExactlyTheLogsTheyHaveARightTo) {
  EXPECT_EQ(api_log_ids(log_in(port(), kIngrid, "employee")), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(api_log_ids(log_in(port(), kOle, "employee")), (std::vector<std::int64_t>{2}));
  EXPECT_EQ(api_log_ids(log_in(port(), kJonas, "employee")), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(api_log_ids(log_in(port(), kSara, "employee")), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(api_log_ids(log_in(port(), kHanne, "citizen")), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(api_log_ids(log_in(port(), kSofie, "citizen")), (std::vector<std::int64_t>{3}));
  EXPECT_TRUE(api_log_ids(log_in(port(), kLiv, "employee")).empty()) << "an administrator reads no logs";
}

TEST_F(LogAccess, ACorrectIdOfAnotherLogIsForbiddenAndRevealsNothing) {
  const Browser ingrid = log_in(port(), kIngrid, "employee");
  for (const char* path : {"/logger/2", "/api/v1/logs/2", "/logger/3", "/logger/999999"}) {
    auto r = ingrid.get(path);
    EXPECT_EQ(r.status, 403) << path;
    for (const char* secret : {"Bakkeli", "Lyngmo", "Leo", "Sofie"}) {
      EXPECT_EQ(r.body.find(secret), std::string::npos) << path << " leaks " << secret;
    }
  }
  EXPECT_EQ(ingrid.get("/logger/1").status, 200);
}

TEST_F(LogAccess, AHiddenParticipantNeverAppearsToOtherParticipants) {
  const Browser sara = log_in(port(), kSara, "employee");
  for (const char* path : {"/logger", "/logger/1", "/api/v1/logs", "/api/v1/logs/1"}) {
    auto r = sara.get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find(kHiddenName), std::string::npos) << path << " shows the hidden participant";
  }
  // The holder and the family may see who is involved.
  EXPECT_NE(log_in(port(), kIngrid, "employee").get("/logger/1").body.find(kHiddenName), std::string::npos);
  EXPECT_NE(log_in(port(), kHanne, "citizen").get("/logger/1").body.find(kHiddenName), std::string::npos);
}

TEST_F(LogAccess, AnEndedEmploymentGivesNoRights) {
  const Browser tone = log_in(port(), kTone, "employee");
  EXPECT_TRUE(tone.cookie.empty()) << "logged in without an employment";
}

TEST_F(LogAccess, AnAdministratorCannotReadLogContent) {
  const Browser liv = log_in(port(), kLiv, "employee");
  ASSERT_FALSE(liv.cookie.empty());
  EXPECT_EQ(liv.get("/logger/1").status, 403);
  EXPECT_EQ(liv.get("/api/v1/logs/1").status, 403);
}

TEST_F(LogAccess, TheChildSeesTheirOwnLogFromTheConfiguredAge) {
  EXPECT_EQ(log_in(port(), kSofie, "citizen").get("/logger/3").status, 200);
  EXPECT_EQ(log_in(port(), kNora, "citizen").get("/logger/1").status, 403) << "9 is below the view age 12";
}

TEST_F(LogAccess, AnonymousVisitorsAreSentToLogin) {
  auto page = get(port(), "/logger/1");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("location"), "/logg-inn");
  auto api = get(port(), "/api/v1/logs/1");
  EXPECT_EQ(api.status, 401);
  EXPECT_EQ(api.header("content-type"), "application/json");
  EXPECT_EQ(get(port(), "/logger/1", {{"Cookie", "__Host-stafett_session=" + std::string(64, 'a')}}).status, 303)
      << "a made-up session token is nobody";
}

TEST_F(LogAccess, StateChangesWithoutTheRightCsrfTokenAreRefusedAndWriteNothing) {
  const Browser hanne = log_in(port(), kHanne, "citizen");
  EXPECT_EQ(hanne.post("/logger/1/samtykker/1/trekk-tilbake", "_csrf=" + std::string(64, '0')).status, 403);
  EXPECT_EQ(hanne.post("/logger/1/samtykker/1/trekk-tilbake", "").status, 403);
  const Browser erik = log_in(port(), kErik, "citizen");
  EXPECT_EQ(hanne.post("/logger/1/samtykker/1/trekk-tilbake", "_csrf=" + erik.csrf).status, 403)
      << "another session's token";
  auto log = boost::json::parse(hanne.get("/api/v1/logs/1").body);
  EXPECT_TRUE(log.at("consent_active").as_bool());
  EXPECT_EQ(log.at("status").as_string(), "open");
}

TEST_F(LogAccess, BadIdsAndBadFormsAreClearErrors) {
  const Browser ingrid = log_in(port(), kIngrid, "employee");
  for (const char* path : {"/logger/abc", "/logger/0", "/logger/-1", "/logger/99999999999999999999", "/logger/1.0"}) {
    EXPECT_EQ(ingrid.get(path).status, 404) << path;
  }
  EXPECT_EQ(ingrid.post("/logger/1/lukk", "_csrf=" + ingrid.csrf + "&reason=%zz").status, 400);
  EXPECT_EQ(ingrid.post("/logger/1/lukk", "_csrf=" + ingrid.csrf + "&reason=%00").status, 400);
  auto log = boost::json::parse(ingrid.get("/api/v1/logs/1").body);
  EXPECT_EQ(log.at("status").as_string(), "open") << "a refused form must write nothing";
}

TEST_F(LogAccess, OnlyTheHolderClosesAndReopensAndAClosedLogIsReadOnly) {
  const Browser sara = log_in(port(), kSara, "employee");
  EXPECT_EQ(sara.post_with_csrf("/logger/1/lukk", "&reason=test").status, 403) << "a contributor is not the holder";
  const Browser hanne = log_in(port(), kHanne, "citizen");
  EXPECT_EQ(hanne.post_with_csrf("/logger/1/lukk", "&reason=test").status, 403) << "a guardian never manages";
  const Browser ingrid = log_in(port(), kIngrid, "employee");
  EXPECT_EQ(ingrid.post_with_csrf("/logger/1/lukk", "&reason=Målene+er+nådd").status, 303);
  EXPECT_EQ(boost::json::parse(sara.get("/api/v1/logs/1").body).at("status").as_string(), "closed");
  EXPECT_EQ(ingrid.post_with_csrf("/logger/1/lukk", "&reason=again").status, 403) << "already closed";
  EXPECT_EQ(ingrid.post_with_csrf("/logger/1/gjenapne", "&reason=Ny+bekymring").status, 303);
  EXPECT_EQ(boost::json::parse(sara.get("/api/v1/logs/1").body).at("status").as_string(), "open");
  auto page = ingrid.get("/logger/1");
  EXPECT_NE(page.body.find("Loggen ble avsluttet"), std::string::npos) << "the history keeps the closing";
}

TEST_F(LogAccess, LoggingOutMakesTheOldCookieUseless) {
  const Browser ole = log_in(port(), kOle, "employee");
  EXPECT_EQ(ole.get("/logger/2").status, 200);
  EXPECT_EQ(ole.post_with_csrf("/logg-ut").status, 303);
  EXPECT_EQ(ole.get("/logger/2").status, 303);
}

TEST_F(LogAccess, SessionCookiesAreHostOnlySecureHttpOnlyAndNewAtLogin) {
  // Every cookie that carries a session or a login token: the __Host- prefix
  // (so no Domain and Path=/, and the browser refuses it without Secure).
  auto check = [](const HttpResponse& r, const std::string& name, const std::string& same_site) {
    bool seen = false;
    for (const auto& [header, value] : r.headers) {
      if (header != "set-cookie" || value.rfind(name + "=", 0) != 0) continue;
      seen = true;
      for (const char* attribute : {"; Path=/", "; Secure", "; HttpOnly"}) {
        EXPECT_NE(value.find(attribute), std::string::npos) << name << " lacks " << attribute;
      }
      EXPECT_NE(value.find("; SameSite=" + same_site), std::string::npos) << name;
      EXPECT_EQ(value.find("Domain"), std::string::npos) << name;
    }
    EXPECT_TRUE(seen) << "no " << name << " cookie";
  };
  auto page = get(port(), "/logg-inn");
  check(page, "__Host-stafett_login", "Strict");
  const std::string login_csrf = cookie_value(page, "__Host-stafett_login");
  // A session id planted before login is not adopted: the login makes a new one.
  const std::string planted(64, 'b');
  auto r = request(port(), "POST", "/demo/logg-inn",
                   {{"Cookie", "__Host-stafett_login=" + login_csrf + "; __Host-stafett_session=" + planted},
                    {"Content-Type", "application/x-www-form-urlencoded"}},
                   "_csrf=" + login_csrf + "&person=" + std::to_string(kOle) + "&kind=employee");
  ASSERT_EQ(r.status, 303);
  check(r, "__Host-stafett_session", "Lax");
  const std::string issued = cookie_value(r, "__Host-stafett_session");
  EXPECT_NE(issued, planted);
  EXPECT_EQ(issued.size(), 64u) << "256 random bits, hex";
  EXPECT_EQ(get(port(), "/logger/2", {{"Cookie", "__Host-stafett_session=" + planted}}).status, 303);
  EXPECT_EQ(get(port(), "/logger/2", {{"Cookie", "__Host-stafett_session=" + issued}}).status, 200);
  // No session id in the page or in a redirect.
  EXPECT_EQ(get(port(), "/logger", {{"Cookie", "__Host-stafett_session=" + issued}}).body.find(issued), std::string::npos);
  EXPECT_EQ(r.header("location").value_or("").find(issued), std::string::npos);
  // Nor in the server's log (the access log names the route pattern, never cookies).
  const std::string log = server_->output();
  EXPECT_EQ(log.find(issued), std::string::npos) << "the session id reached the server log";
  EXPECT_EQ(log.find(login_csrf), std::string::npos) << "the login token reached the server log";
}

// Withdrawal changes the data for good, so it gets a server of its own.
class ConsentWithdrawal : public ServerSuite<ConsentWithdrawal> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

TEST_F(ConsentWithdrawal, TakesEffectOnTheVeryNextRequestAndClosesTheLog) {
  const Browser ingrid = log_in(port(), kIngrid, "employee");
  const Browser sara = log_in(port(), kSara, "employee");
  const Browser hanne = log_in(port(), kHanne, "citizen");
  const Browser erik = log_in(port(), kErik, "citizen");
  ASSERT_EQ(ingrid.get("/logger/1").status, 200);

  // Erik cannot withdraw Hanne's consent (id 1); only his own (id 2).
  EXPECT_EQ(erik.post_with_csrf("/logger/1/samtykker/1/trekk-tilbake").status, 403);
  // Someone outside the family cannot withdraw at all.
  EXPECT_EQ(ingrid.post_with_csrf("/logger/1/samtykker/1/trekk-tilbake").status, 403);

  EXPECT_EQ(hanne.post_with_csrf("/logger/1/samtykker/1/trekk-tilbake").status, 303);
  EXPECT_EQ(ingrid.get("/logger/1").status, 403) << "the holder still reads after withdrawal";
  EXPECT_EQ(sara.get("/api/v1/logs/1").status, 403);
  EXPECT_TRUE(api_log_ids(ingrid).empty());

  // The family still sees the log, now closed, with the withdrawal in its history.
  auto log = boost::json::parse(erik.get("/api/v1/logs/1").body);
  EXPECT_EQ(log.at("status").as_string(), "closed");
  EXPECT_FALSE(log.at("consent_active").as_bool());
  bool found_withdrawn = false;
  for (const auto& c : log.at("consents").as_array()) found_withdrawn |= c.at("withdrawn").as_bool();
  EXPECT_TRUE(found_withdrawn);
  // Withdrawing the same consent twice is refused.
  EXPECT_EQ(hanne.post_with_csrf("/logger/1/samtykker/1/trekk-tilbake").status, 409);
  // A closed log cannot be reopened without a new consent.
  EXPECT_EQ(ingrid.post_with_csrf("/logger/1/gjenapne", "&reason=x").status, 403);
}

class DemoLogin : public ServerSuite<DemoLogin> {};  // a server started WITHOUT --demo

TEST_F(DemoLogin, IsRefusedWhenTheServerIsNotInDemoMode) {
  auto page = get(port(), "/logg-inn");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Demo-innlogging er slått av"), std::string::npos);
  EXPECT_EQ(page.body.find("/demo/logg-inn"), std::string::npos);
  auto post = request(port(), "POST", "/demo/logg-inn",
                      {{"Cookie", "__Host-stafett_login=" + std::string(32, 'a')},
                       {"Content-Type", "application/x-www-form-urlencoded"}},
                      "_csrf=" + std::string(32, 'a') + "&person=1&kind=employee");
  EXPECT_EQ(post.status, 404) << "the demo login route must not exist";
  EXPECT_FALSE(post.has_header("set-cookie"));
}

}  // namespace
}  // namespace stafett::testing
