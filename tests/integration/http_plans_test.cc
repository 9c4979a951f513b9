// Plans and routines and the three-level overview over real HTTP, on both
// databases (issue 8, items 5, 6 and 7): the public reads what is marked
// public, the municipality's people the rest; its editors add and edit with
// versions in the history and see what has not been reviewed for 12 months;
// bad input (Markdown with script, a review date in the future) stores nothing.
#include "http/form_urlencode.h"
#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/http_client.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;
constexpr int kLiv = 8;     // Fjordvik's administrator
constexpr int kBjorn = 20;  // Fjordvik's BTI coordinator
constexpr int kGry = 21;    // Lauvåsen's BTI coordinator

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }
std::string enc(const std::string& s) { return http::form_urlencode({{"x", s}}).substr(2); }

std::string plan_form(const std::string& title, const std::string& body, const std::string& reviewed, bool pub) {
  return "title=" + enc(title) + "&level=service&kind=agreement&owner=" + enc("Leder PPT") + "&reviewed_on=" +
         reviewed + "&body=" + enc(body) + (pub ? "&is_public=ja" : "") + "&summary=" + enc("Ny avtale");
}

class PlansHttp : public ServerSuite<PlansHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static std::int64_t count(const std::string& what) { return scalar(database_url_, "SELECT COUNT(*) FROM " + what); }
};

TEST_F(PlansHttp, TheOverviewLinksTheModelOnItsThreeLevels) {
  auto page = get(port(), "/kommune/9901/samhandling");
  ASSERT_EQ(page.status, 200);
  for (const char* part : {"Kommunenivå", "Tjenestenivå", "Individnivå", "Plan for forebyggende arbeid",
                           "Ressursteam Fjordvik skole", "/kommune/9901/veileder", "/kommune/9901/tiltak",
                           "/kommune/9901/tjenester"}) {
    EXPECT_TRUE(has(page.body, part)) << part;
  }
  EXPECT_FALSE(has(page.body, "BTI-team Fjordvik")) << "an internal arena is not on the public overview";
  EXPECT_TRUE(has(demo_log_in(port(), kIngrid, "employee").get("/kommune/9901/samhandling").body, "BTI-team Fjordvik"));
  EXPECT_FALSE(has(demo_log_in(port(), kGry, "employee").get("/kommune/9901/samhandling").body, "BTI-team Fjordvik"));
  auto api = get(port(), "/api/v1/municipalities/9902/model");
  EXPECT_EQ(api.status, 200);
  EXPECT_TRUE(has(api.body, "\"municipality_level\""));
  EXPECT_TRUE(has(get(port(), "/").body, "href=\"/kommune/9901/samhandling\"")) << "the start page links it";
  EXPECT_EQ(get(port(), "/kommune/9999/samhandling").status, 404);
}

TEST_F(PlansHttp, EditorsKeepPlansWithHistoryAndSeeWhatIsDueForReview) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  auto list = bjorn.get("/kommune/9901/planer");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(has(list.body, "Ikke gjennomgått på 12 måneder"));
  EXPECT_TRUE(has(list.body, "Overgangsrutine barnehage–skole"));
  EXPECT_FALSE(has(get(port(), "/kommune/9901/planer").body, "Ikke gjennomgått på 12 måneder")) << "for editors";

  const auto good = plan_form("Samarbeidsavtale PPT og skolene", "Avtalen gjelder **alle** skoler.", "2026-11-01", false);
  for (auto person : {kIngrid, kGry}) {
    EXPECT_EQ(demo_log_in(port(), person, "employee").form("/kommune/9901/planer/ny", good).status, 403) << person;
  }
  ASSERT_EQ(bjorn.form("/kommune/9901/planer/ny", good).status, 303);
  const auto id = scalar(database_url_, "SELECT id FROM plan WHERE title = 'Samarbeidsavtale PPT og skolene'");
  const auto path = "/kommune/9901/planer/" + std::to_string(id);
  EXPECT_EQ(get(port(), path).status, 404) << "not public";
  EXPECT_TRUE(has(demo_log_in(port(), kIngrid, "employee").get(path).body, "<strong>alle</strong>"));
  EXPECT_EQ(demo_log_in(port(), kGry, "employee").get(path).status, 404);
  auto liv = demo_log_in(port(), kLiv, "employee");
  ASSERT_EQ(liv.form(path + "/rediger", plan_form("Samarbeidsavtale PPT og skolene", "Avtalen gjelder alle skoler.",
                                                   "2026-11-15", true))
                .status,
            303);
  EXPECT_EQ(get(port(), path).status, 200) << "now public";
  EXPECT_EQ(count("model_change WHERE kind = 'plan' AND item_id = " + std::to_string(id)), 2);

  const auto plans = count("plan"), changes = count("model_change");
  auto script = bjorn.form("/kommune/9901/planer/ny", plan_form("X", "<script>alert(1)</script>", "2026-11-01", true));
  EXPECT_EQ(script.status, 422);
  EXPECT_TRUE(has(script.body, "HTML er ikke tillatt her"));
  auto future = bjorn.form("/kommune/9901/planer/ny", plan_form("X", "Tekst", "2099-01-01", true));
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(has(future.body, "kan ikke være fram i tid"));
  EXPECT_EQ(bjorn.form("/kommune/9901/planer/ny", plan_form("X", "Tekst", "31.12.2025", true)).status, 422);
  EXPECT_EQ(bjorn.json("/api/v1/municipalities/9901/plans", R"({"title":1})").status, 400);
  EXPECT_EQ(bjorn.json("/api/v1/municipalities/9901/plans", R"({"title":"","level":"x"})").status, 422);
  EXPECT_EQ(count("plan"), plans);
  EXPECT_EQ(count("model_change"), changes);
}

}  // namespace
}  // namespace stafett::testing
