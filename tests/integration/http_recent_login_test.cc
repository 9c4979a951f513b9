// Acts that need a recent login (RouteOption::kRecentLogin): giving or
// withdrawing consent on someone else's behalf, adding a participant,
// exporting a whole log. A session whose last proof of identity is older than
// SessionLimits::recent_login is sent to renew it first, and nothing is
// written; after the renewal the session has a new id and the old one is
// useless. Here with demo sessions (serve --demo), which renew with a
// confirmation; OidcLogin covers the renewal at a real provider.
#include <boost/json/parse.hpp>

#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;
constexpr int kHanne = 9;
constexpr const char* kSessionCookie = "__Host-stafett_session";

class RecentLogin : public ServerSuite<RecentLogin> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  // Every live session proved who it was an hour ago (longer than the 15 minutes allowed).
  static void make_logins_old() {
    execute(database_url_, "UPDATE session SET authenticated_at_ms = authenticated_at_ms - 3600000");
  }
  static std::int64_t count(const std::string& table) {
    return scalar(database_url_, "SELECT COUNT(*) FROM " + table);
  }
};

TEST_F(RecentLogin, AFreshLoginGoesStraightThrough) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  EXPECT_EQ(hanne.get("/logger/1/samtykke").status, 200);
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  EXPECT_EQ(ingrid.get("/logger/1/utskrift").status, 200);
  EXPECT_EQ(ingrid.get("/logger/1/deltakere").body.find("/logg-inn/fornye"), std::string::npos);
}

TEST_F(RecentLogin, AnOldLoginIsSentToRenewItBeforeThePage) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  make_logins_old();
  for (const auto& [who, path] : std::vector<std::pair<const DemoSession*, std::string>>{
           {&hanne, "/logger/1/samtykke"},
           {&ingrid, "/logger/1/utskrift"},
           {&ingrid, "/logger/1/samtykker/papir"},
           {&ingrid, "/logger/ny"}}) {
    auto r = who->get(path);
    EXPECT_EQ(r.status, 303) << path;
    std::string encoded;
    for (char c : path) encoded += c == '/' ? std::string("%2F") : std::string(1, c);
    EXPECT_EQ(r.header("location").value_or(""), "/logg-inn/fornye?tilbake=" + encoded) << path;
  }
  // Reading the log and writing content do not need a recent login; the
  // participants page says before the form is filled in that adding does.
  EXPECT_EQ(ingrid.get("/logger/1").status, 200);
  auto participants = ingrid.get("/logger/1/deltakere");
  EXPECT_EQ(participants.status, 200);
  EXPECT_NE(participants.body.find("href=\"/logg-inn/fornye?tilbake=%2Flogger%2F1%2Fdeltakere\""), std::string::npos)
      << participants.body;
}

TEST_F(RecentLogin, AnOldLoginWritesNothingAndTheApiSaysHowToRenew) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  make_logins_old();
  const auto consents = count("consent"), participants = count("participant");
  const auto withdrawn = count("consent_withdrawal"), events = count("log_event");

  auto api = ingrid.json("/api/v1/logs/1/participants", R"({"unit_id":3,"person_id":3,"role":"reader"})");
  EXPECT_EQ(api.status, 401);
  const auto error = boost::json::parse(api.body).at("error");
  EXPECT_EQ(error.at("code").as_string(), "recent_login_required");
  EXPECT_EQ(error.at("renew_url").as_string(), "/logg-inn/fornye");
  EXPECT_EQ(hanne.json("/api/v1/logs/1/consents/1/withdraw", "{}").status, 401);

  // A form posted with an old login goes to renew, then back to the page it came from.
  auto form = hanne.form("/logger/1/samtykker/1/trekk-tilbake", "");
  EXPECT_EQ(form.status, 303);
  EXPECT_EQ(form.header("location").value_or(""), "/logg-inn/fornye?tilbake=%2Flogger%2F1");
  auto add = ingrid.form("/logger/1/deltakere", "candidate=3:3&role=reader");
  EXPECT_EQ(add.header("location").value_or(""), "/logg-inn/fornye?tilbake=%2Flogger%2F1%2Fdeltakere");

  EXPECT_EQ(count("consent"), consents);
  EXPECT_EQ(count("participant"), participants);
  EXPECT_EQ(count("consent_withdrawal"), withdrawn);
  EXPECT_EQ(count("log_event"), events);
}

TEST_F(RecentLogin, RenewingGivesANewSessionAndLeadsBack) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  make_logins_old();
  auto page = ingrid.get("/logg-inn/fornye?tilbake=%2Flogger%2F1%2Futskrift");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Bekreft at det er deg"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"tilbake\" value=\"/logger/1/utskrift\""), std::string::npos) << page.body;

  EXPECT_EQ(ingrid.form("/logg-inn/fornye", "").status, 303) << "no tilbake: to the list";
  // That renewal already replaced the session: the old cookie is now useless.
  EXPECT_EQ(ingrid.get("/logger").status, 303);

  auto again = demo_log_in(port(), kIngrid, "employee");
  make_logins_old();
  auto renewed = again.form("/logg-inn/fornye", "tilbake=%2Flogger%2F1%2Futskrift");
  ASSERT_EQ(renewed.status, 303);
  EXPECT_EQ(renewed.header("location").value_or(""), "/logger/1/utskrift");
  const std::string token = cookie_value(renewed, kSessionCookie);
  ASSERT_EQ(token.size(), 64u);
  EXPECT_NE(std::string(kSessionCookie) + "=" + token, again.cookie) << "a new session id";
  EXPECT_EQ(again.get("/logger").status, 303) << "the old session ended";
  DemoSession fresh = again;
  fresh.cookie = std::string(kSessionCookie) + "=" + token;
  auto me = fresh.get("/api/v1/session");
  ASSERT_EQ(me.status, 200);
  fresh.csrf = std::string(boost::json::parse(me.body).at("csrf_token").as_string());
  EXPECT_NE(fresh.csrf, again.csrf) << "a new CSRF token with the new session";
  EXPECT_EQ(fresh.get("/logger/1/utskrift").status, 200);
}

TEST_F(RecentLogin, RenewalNeedsTheCsrfTokenAndStaysOnTheSite) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  DemoSession no_csrf = ingrid;
  no_csrf.csrf = std::string(64, '0');
  EXPECT_EQ(no_csrf.form("/logg-inn/fornye", "tilbake=%2Flogger").status, 403);
  EXPECT_EQ(ingrid.get("/logger").status, 200) << "nothing happened";
  auto evil = ingrid.form("/logg-inn/fornye", "tilbake=%2F%2Fevil.example");
  EXPECT_EQ(evil.status, 303);
  EXPECT_EQ(evil.header("location").value_or(""), "/");
  // Anonymous visitors have nothing to renew.
  auto anonymous = get(port(), "/logg-inn/fornye");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.header("location").value_or(""), "/logg-inn");
}

}  // namespace
}  // namespace stafett::testing
