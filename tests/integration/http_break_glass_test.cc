// Break-glass (nødtilgang, issue 6, item 3) over real HTTP, on both
// databases: Mette (child welfare, designated for break-glass in Fjordvik)
// opens Sofie's log, which she takes no part in. The refusal offers her the
// form and nobody else; the form needs a reason and an explanation; the log
// page then carries a banner and every read is recorded with the basis
// break_glass; Sofie's mother sees who, when and why above her access list;
// Randi (the privacy officer) reviews it once. Bad input is a clear error.
// The window's end is tested with a controlled clock in suite BreakGlass.
#include <boost/json/parse.hpp>

#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;
constexpr int kOle = 2;
constexpr int kMette = 5;
constexpr int kLiv = 8;
constexpr int kHanne = 9;   // Nora's mother: nothing to do with Sofie
constexpr int kMaria = 14;  // Sofie's mother
constexpr int kRandi = 19;

const std::string kWhy = "Akutt melding til barnevernvakten om Sofie i kveld.";
// Sofie's synthetic demo number (src/app/demo_seed.cc: born 2012-03-03, the 16th person).
const std::string kSofiesNumber = "03831259298";
const std::string kIbensNumber = "15881950062";  // a child without a log

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

class BreakGlassHttp : public ServerSuite<BreakGlassHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

TEST_F(BreakGlassHttp, FromRefusalThroughReadingToTheFamilyAndTheReview) {
  auto mette = demo_log_in(port(), kMette, "employee");
  auto ole = demo_log_in(port(), kOle, "employee");

  // The refusal: an offer for her, a plain 403 for Ole.
  auto refused = mette.get("/logger/3");
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(has(refused.body, "/logger/3/nodtilgang")) << refused.body;
  EXPECT_FALSE(has(refused.body, "Sofie")) << "nothing of the child before it is opened";
  auto plain = ole.get("/logger/3");
  EXPECT_EQ(plain.status, 403);
  EXPECT_FALSE(has(plain.body, "nodtilgang"));
  EXPECT_EQ(ole.get("/logger/3/nodtilgang").status, 403);

  // The form names the log's number and the rules, never the child.
  auto form = mette.get("/logger/3/nodtilgang");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, "Nødtilgang til logg nr. 3"));
  EXPECT_TRUE(has(form.body, "Opplysningsplikt til barnevernet"));
  EXPECT_TRUE(has(form.body, "120 minutter"));
  EXPECT_FALSE(has(form.body, "Sofie"));

  // Without a reason: the form again with its errors, and nothing opened.
  auto bare = mette.form("/logger/3/nodtilgang", "reason=&explanation=");
  EXPECT_EQ(bare.status, 400);
  EXPECT_TRUE(has(bare.body, "Velg en grunn.")) << bare.body;
  EXPECT_TRUE(has(bare.body, "Skriv en begrunnelse på minst 10 tegn."));
  EXPECT_EQ(mette.get("/logger/3").status, 403);
  const auto records_before = scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE log_id = 3");

  auto opened = mette.form("/logger/3/nodtilgang",
                           "reason=child_welfare_duty&explanation=Akutt+melding+til+barnevernvakten+om+Sofie+i+kveld.");
  ASSERT_EQ(opened.status, 303) << opened.body;
  EXPECT_EQ(opened.header("location").value_or(""), "/logger/3");
  auto page = mette.get("/logger/3");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "id=\"break-glass-banner\""));
  EXPECT_TRUE(has(page.body, "Du leser denne loggen med nødtilgang"));
  EXPECT_TRUE(has(page.body, "Sofie"));
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE log_id = 3"), records_before + 1);
  auto record = newest_access_record(database_url_);
  EXPECT_EQ(record.at("basis").as_string(), "break_glass");
  EXPECT_EQ(record.at("break_glass").as_string(), "child_welfare_duty");
  EXPECT_EQ(record.at("person").as_int64(), kMette);
  // Reading only: a change is refused and writes nothing.
  EXPECT_EQ(mette.json("/api/v1/logs/3/goals", R"({"text":"Et mål"})").status, 403);

  // The family sees who, when and why, above the list; Hanne sees nothing of it.
  auto maria = demo_log_in(port(), kMaria, "citizen");
  auto innsyn = maria.get("/logger/3/innsyn");
  ASSERT_EQ(innsyn.status, 200);
  EXPECT_TRUE(has(innsyn.body, "id=\"break-glass\""));
  EXPECT_TRUE(has(innsyn.body, "Mette Krogvik"));
  EXPECT_TRUE(has(innsyn.body, kWhy));
  EXPECT_TRUE(has(innsyn.body, "Opplysningsplikt til barnevernet"));
  EXPECT_TRUE(has(innsyn.body, "Personvernombudet har ikke gått gjennom nødtilgangen ennå."));
  EXPECT_LT(innsyn.body.find("id=\"break-glass\""), innsyn.body.find("accesses-heading")) << "above the list";
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  EXPECT_EQ(hanne.get("/logger/3/innsyn").status, 403);

  // The privacy officer's queue; the administrator and Mette are refused.
  auto randi = demo_log_in(port(), kRandi, "employee");
  auto queue = randi.get("/personvern/gjennomgang");
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(has(queue.body, "Mette Krogvik"));
  EXPECT_TRUE(has(queue.body, kWhy));
  EXPECT_TRUE(has(queue.body, "Venter på gjennomgang (1)"));
  EXPECT_EQ(demo_log_in(port(), kLiv, "employee").get("/personvern/gjennomgang").status, 403);
  EXPECT_EQ(mette.get("/personvern/gjennomgang").status, 403);
  const auto id = scalar(database_url_, "SELECT MAX(id) FROM break_glass_access");

  auto unjustified_bare = randi.form("/personvern/gjennomgang/" + std::to_string(id), "outcome=not_justified&comment=");
  EXPECT_EQ(unjustified_bare.status, 400);
  EXPECT_TRUE(has(unjustified_bare.body, "Skriv en kommentar når nødtilgangen ikke var begrunnet."));
  auto reviewed = randi.form("/personvern/gjennomgang/" + std::to_string(id), "outcome=justified&comment=I+orden.");
  ASSERT_EQ(reviewed.status, 303);
  auto after = randi.get("/personvern/gjennomgang?lagret=1");
  EXPECT_TRUE(has(after.body, "Vurderingen er lagret."));
  EXPECT_TRUE(has(after.body, "Venter på gjennomgang (0)"));
  auto again = randi.json("/api/v1/privacy/break-glass/" + std::to_string(id) + "/review", R"({"outcome":"not_justified","comment":"Nei."})");
  EXPECT_EQ(again.status, 409) << "an outcome is never changed";
  EXPECT_TRUE(has(maria.get("/logger/3/innsyn").body, "Personvernombudet har vurdert at nødtilgangen var begrunnet."));
}

TEST_F(BreakGlassHttp, TheJsonApiOpensListsAndReviews) {
  auto mette = demo_log_in(port(), kMette, "employee");
  auto not_json = mette.json("/api/v1/logs/2/break-glass", "reason=emergency");
  EXPECT_EQ(not_json.status, 400);
  auto bad = mette.json("/api/v1/logs/2/break-glass", R"({"reason":"curiosity","explanation":"kort"})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  const auto errors = boost::json::parse(bad.body).at("errors").as_array();
  EXPECT_EQ(errors.size(), 2u);
  auto wrong_types = mette.json("/api/v1/logs/2/break-glass", R"({"reason":7,"explanation":["x"]})");
  EXPECT_EQ(wrong_types.status, 422);
  EXPECT_EQ(demo_log_in(port(), kIngrid, "employee")
                .json("/api/v1/logs/2/break-glass", R"({"reason":"emergency","explanation":"Lang nok forklaring."})")
                .status,
            403);
  EXPECT_EQ(mette.json("/api/v1/logs/999999/break-glass", R"({"reason":"emergency","explanation":"Lang nok forklaring."})")
                .status,
            403);

  auto opened = mette.json("/api/v1/logs/2/break-glass",
                           R"({"reason":"emergency","explanation":"Leo er savnet, politiet ber om opplysninger."})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const auto glass = boost::json::parse(opened.body).at("break_glass").as_object();
  EXPECT_EQ(glass.at("log").as_int64(), 2);
  EXPECT_EQ(glass.at("reason").as_string(), "emergency");
  EXPECT_EQ(glass.at("expires_at_ms").as_int64() - glass.at("started_at_ms").as_int64(), 120 * 60 * 1000);
  EXPECT_EQ(mette.get("/api/v1/logs/2").status, 200);

  auto randi = demo_log_in(port(), kRandi, "employee");
  auto queue = randi.get("/api/v1/privacy/break-glass");
  ASSERT_EQ(queue.status, 200);
  const auto q = boost::json::parse(queue.body).as_object();
  bool found = false;
  for (const auto& item : q.at("unreviewed").as_array()) {
    if (item.at("id") == glass.at("id")) {
      found = true;
      EXPECT_EQ(item.at("child_name").as_string(), "Leo Bakkeli");
      EXPECT_FALSE(item.as_object().contains("review"));
    }
  }
  EXPECT_TRUE(found) << queue.body;
  EXPECT_EQ(demo_log_in(port(), kIngrid, "employee").get("/api/v1/privacy/break-glass").status, 403);

  const std::string review = "/api/v1/privacy/break-glass/" + std::to_string(glass.at("id").as_int64()) + "/review";
  auto garbage = randi.json(review, R"({"outcome":"'; DROP TABLE log; --"})");
  EXPECT_EQ(garbage.status, 422);
  auto done = randi.json(review, R"({"outcome":"not_justified","comment":"Burde gått via leder. <script>x</script>"})");
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(boost::json::parse(done.body).at("break_glass").at("review").at("outcome").as_string(), "not_justified");
  auto page = randi.get("/personvern/gjennomgang");
  EXPECT_FALSE(has(page.body, "<script>x</script>")) << "escaped on the page";
}

TEST_F(BreakGlassHttp, BadInputIsAClearErrorNeverACrash) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  EXPECT_EQ(randi.form("/personvern/gjennomgang/99999999999999999999999", "outcome=justified").status, 404);
  EXPECT_EQ(randi.form("/personvern/gjennomgang/abc", "outcome=justified").status, 404);
  EXPECT_EQ(randi.form("/personvern/gjennomgang/987654", "outcome=justified").status, 403);
  auto mette = demo_log_in(port(), kMette, "employee");
  EXPECT_EQ(mette.get("/logger/99999999999999999999/nodtilgang").status, 404);
  std::string huge(3000, 'x');
  auto too_long = mette.form("/logger/1/nodtilgang", "reason=emergency&explanation=" + huge);
  // Mette takes part in Nora's log, but may still use break-glass on it; the text is too long.
  EXPECT_EQ(too_long.status, 400);
  EXPECT_TRUE(has(too_long.body, "Teksten kan ikke være lengre enn 2000 tegn."));
  auto control = mette.form("/logger/1/nodtilgang", "reason=emergency&explanation=Nok+tekst+her%00");
  EXPECT_EQ(control.status, 400);
  EXPECT_TRUE(randi.get("/healthz").status == 200);
}

TEST_F(BreakGlassHttp, SheFindsTheLogByTheChildsNumberAndTheFindingIsRecorded) {
  auto mette = demo_log_in(port(), kMette, "employee");
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  EXPECT_TRUE(has(mette.get("/logger").body, "href=\"/nodtilgang\"")) << "her list of logs links to it";
  EXPECT_FALSE(has(ingrid.get("/logger").body, "href=\"/nodtilgang\""));
  EXPECT_EQ(ingrid.get("/nodtilgang").status, 403);
  EXPECT_EQ(ingrid.form("/nodtilgang", "national_id=" + kSofiesNumber).status, 403);
  ASSERT_EQ(mette.get("/nodtilgang").status, 200);

  const auto finds = [&] {
    return scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE action = 'find' AND log_id = 3");
  };
  const auto before = finds();
  auto found = mette.form("/nodtilgang", "national_id=" + kSofiesNumber);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_TRUE(has(found.body, "href=\"/logger/3/nodtilgang\""));
  EXPECT_FALSE(has(found.body, "Sofie")) << "the log's number, not the child's name";
  EXPECT_EQ(finds(), before + 1);
  auto record = newest_access_record(database_url_);
  EXPECT_EQ(record.at("action").as_string(), "find");
  EXPECT_EQ(record.at("basis").as_string(), "break_glass");
  EXPECT_EQ(record.at("child").as_int64(), 16);

  // Sofie's mother sees that Mette found the log.
  auto maria = demo_log_in(port(), kMaria, "citizen");
  EXPECT_TRUE(has(maria.get("/logger/3/innsyn").body, "Funnet i søk"));

  // Nobody, or a child without a log: the same empty answer, and nothing recorded.
  const auto all = scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE action = 'find'");
  auto none = mette.form("/nodtilgang", "national_id=" + kIbensNumber);
  EXPECT_EQ(none.status, 200);
  EXPECT_TRUE(has(none.body, "Fant ingen stafettlogg for dette fødselsnummeret"));
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE action = 'find'"), all);

  // Bad numbers: a clear message beside the field.
  for (const std::string bad : {"03831259299", "abc", "", "0383125929800", "%27%3B+DROP+TABLE+log%3B--"}) {
    auto r = mette.form("/nodtilgang", "national_id=" + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_TRUE(has(r.body, "Skriv et gyldig fødselsnummer med 11 siffer.")) << bad;
  }
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE action = 'find'"), all);

  // The JSON twin.
  auto api = mette.json("/api/v1/break-glass/search", R"({"national_id":")" + kSofiesNumber + R"("})");
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_EQ(boost::json::parse(api.body).at("logs").at(0).at("log").as_int64(), 3);
  EXPECT_EQ(mette.json("/api/v1/break-glass/search", R"({"national_id":12})").status, 422);
  EXPECT_EQ(mette.json("/api/v1/break-glass/search", "x").status, 400);
  EXPECT_EQ(ingrid.json("/api/v1/break-glass/search", R"({"national_id":")" + kSofiesNumber + R"("})").status, 403);
}

}  // namespace
}  // namespace stafett::testing
