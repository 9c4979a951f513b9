// Goals, measures and evaluations over real HTTP: the forms and the JSON API,
// allowed and denied for each role, bad input, escaping, and a canary that
// never reaches those who may not see it.
#include <boost/json/parse.hpp>

#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"
#include "store/database.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1, kOle = 2, kSara = 3, kMette = 5, kHanne = 9;

using Who = DemoSession;


class ContentHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = fresh_database_url();
    server_ = ServerProcess::start(url_, {"--demo"});
  }
  void TearDown() override { EXPECT_EQ(server_->stop(), 0); }
  std::uint16_t port() const { return server_->port(); }
  std::int64_t part(int person) {
    return scalar(url_, "SELECT id FROM participant WHERE log_id = 1 AND ended_at_ms IS NULL AND person_id = " +
                            std::to_string(person));
  }
  std::string url_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ContentHttp, TheHolderAddsGoalsAndMeasuresThatTheFamilySees) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  ASSERT_EQ(ingrid.form("/logger/1/mal", "text=Nora+trives+p%C3%A5+skolen").status, 303);
  const auto goal = scalar(url_, "SELECT MAX(id) FROM entry WHERE kind = 'goal'");
  auto measure = ingrid.form("/logger/1/tiltak", "title=Samtale+hver+uke&goal=" + std::to_string(goal) +
                                                    "&responsible=" + std::to_string(part(kSara)) +
                                                    "&unit=3&start_date=2026-11-01&evaluation_date=2027-01-15&status=active"
                                                    "&author_person_id=9&created_at_ms=0&log_id=2&category=health");
  ASSERT_EQ(measure.status, 303) << measure.body.substr(0, 300);
  // The stored entry belongs to this log, its author is the session's person, in its category.
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM entry WHERE kind = 'measure' AND log_id = 1 AND author_person_id = 1"
                         " AND category = 'goals_measures'"),
            1);
  for (const Who& who : {ingrid, demo_log_in(port(), kSara, "employee"), demo_log_in(port(), kHanne, "citizen")}) {
    auto page = who.get("/logger/1");
    EXPECT_NE(page.body.find("Samtale hver uke"), std::string::npos);
    EXPECT_NE(page.body.find("Nora trives på skolen"), std::string::npos);
  }
  auto api = boost::json::parse(demo_log_in(port(), kHanne, "citizen").get("/api/v1/logs/1").body);
  EXPECT_EQ(api.at("measures").as_array().size(), 1u);
  EXPECT_EQ(api.at("measures").as_array()[0].at("responsible").as_string(), "Sara Holmvik");
}

TEST_F(ContentHttp, ReadersGuardiansOutsidersAndAnonymousCannotWrite) {
  const auto before = scalar(url_, "SELECT COUNT(*) FROM entry");
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").form("/logger/1/mal", "text=x").status, 403) << "a reader";
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").form("/logger/1/mal", "text=x").status, 403) << "a guardian";
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").json("/api/v1/logs/1/measures", R"({"title":"x"})").status, 403);
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").form("/logger/1/mal", "text=x").status, 403) << "not in the log";
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").get("/logger/1/tiltak/ny").status, 403);
  EXPECT_EQ(request(port(), "POST", "/api/v1/logs/1/goals", {{"Content-Type", "application/json"}}, R"({"text":"x"})").status,
            403)
      << "anonymous without a token";
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM entry"), before);
}

TEST_F(ContentHttp, BadInputIsAClearErrorAndWritesNothing) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto before = scalar(url_, "SELECT COUNT(*) FROM entry");
  const std::string base = "responsible=" + std::to_string(part(kSara)) + "&unit=3&status=active";
  struct Case { std::string body; std::string message; };
  const Case cases[] = {
      {base + "&title=&start_date=2026-11-01&evaluation_date=2027-01-01", "Dette feltet må fylles ut."},
      {base + "&title=x&start_date=2026-11-10&evaluation_date=2026-11-01", "Evalueringen kan ikke være før startdatoen."},
      {base + "&title=x&start_date=2026-13-01&evaluation_date=2027-01-01", "Skriv en gyldig dato."},
      {"responsible=" + std::to_string(part(kSara)) + "&unit=3&status=stopped&title=x&start_date=2026-11-01"
                                                       "&evaluation_date=2027-01-01", "Skriv hvorfor tiltaket er avbrutt."},
      {"responsible=99999&unit=3&status=active&title=x&start_date=2026-11-01&evaluation_date=2027-01-01",
       "Den ansvarlige må være med i loggen."},
      {base + "&title=" + std::string(400, 'x') + "&start_date=2026-11-01&evaluation_date=2027-01-01", "Teksten er for lang."},
  };
  for (const auto& c : cases) {
    auto r = ingrid.form("/logger/1/tiltak", c.body);
    EXPECT_EQ(r.status, 422) << c.message;
    EXPECT_NE(r.body.find(c.message), std::string::npos) << "missing: " << c.message;
  }
  auto empty_goal = ingrid.form("/logger/1/mal", "text=+++");
  EXPECT_EQ(empty_goal.status, 422) << "a blank goal";
  EXPECT_NE(empty_goal.body.find("Dette feltet må fylles ut."), std::string::npos);
  EXPECT_EQ(ingrid.form("/logger/1/tiltak", base + "&title=+++&start_date=2026-11-01&evaluation_date=2027-01-01").status,
            422)
      << "a title of spaces only";
  EXPECT_EQ(ingrid.get("/logger/1/tiltak/999999/evaluering").status, 404);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/goals", R"({"text":""})").status, 422);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/goals", "[]").status, 400);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/measures", R"({"goal_ids":"nope"})").status, 422);
  EXPECT_EQ(ingrid.form("/logger/1/tiltak/999999/evaluering", "date=2026-11-20&observed=x&outcome=end").status, 404);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM entry"), before);
}

TEST_F(ContentHttp, ScriptInEveryTextFieldIsShownAsTextNeverAsMarkup) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const std::string evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cimg+src%3Dx+onerror%3Dalert(2)%3E";
  ASSERT_EQ(ingrid.form("/logger/1/mal", "text=" + evil).status, 303);
  ASSERT_EQ(ingrid.form("/logger/1/tiltak", "title=" + evil + "&description=" + evil + "&responsible=" +
                                                std::to_string(part(kIngrid)) +
                                                "&unit=2&start_date=2026-11-01&evaluation_date=2027-01-01&status=active")
                .status,
            303);
  for (const Who& who : {ingrid, demo_log_in(port(), kHanne, "citizen")}) {
    const auto page = who.get("/logger/1").body;
    EXPECT_EQ(page.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page.find("<img src=x"), std::string::npos);
    EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  }
}

TEST_F(ContentHttp, EvaluationsAndCorrectionsKeepTheHistory) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  ASSERT_EQ(ingrid.form("/logger/1/tiltak", "title=Leksehjelp&responsible=" + std::to_string(part(kIngrid)) +
                                                "&unit=2&start_date=2026-01-01&evaluation_date=2026-02-01&status=active")
                .status,
            303);
  const auto measure = std::to_string(scalar(url_, "SELECT MAX(id) FROM entry WHERE kind = 'measure'"));
  EXPECT_NE(ingrid.get("/logger/1").body.find("Evaluering forfalt"), std::string::npos) << "its date has passed";
  EXPECT_EQ(demo_log_in(port(), kSara, "employee")
                .form("/logger/1/tiltak/" + measure + "/rett", "version=1&reason=x&title=y&responsible=" +
                                                                     std::to_string(part(kIngrid)) +
                                                                     "&unit=2&start_date=2026-01-01"
                                                                     "&evaluation_date=2026-02-01&status=active")
                .status,
            403)
      << "only the author or the holder corrects";
  auto eval = ingrid.form("/logger/1/tiltak/" + measure + "/evaluering",
                          "date=2026-11-20&observed=Bedre+konsentrasjon&outcome=continue&next_evaluation_date=2030-01-01");
  ASSERT_EQ(eval.status, 303) << eval.body.substr(0, 300);
  EXPECT_EQ(ingrid.get("/logger/1").body.find("Evaluering forfalt"), std::string::npos);
  auto fixed = ingrid.form("/logger/1/tiltak/" + measure + "/rett",
                           "version=1&reason=Mer+presist&title=Leksehjelp+to+ganger+i+uka&responsible=" +
                               std::to_string(part(kIngrid)) +
                               "&unit=2&start_date=2026-01-01&evaluation_date=2026-02-01&status=active");
  ASSERT_EQ(fixed.status, 303) << fixed.body.substr(0, 300);
  auto page = demo_log_in(port(), kHanne, "citizen").get("/logger/1").body;
  EXPECT_NE(page.find("Leksehjelp to ganger i uka"), std::string::npos);
  EXPECT_NE(page.find("Tidligere versjoner"), std::string::npos);
  EXPECT_NE(page.find("Mer presist"), std::string::npos) << "the reason for the correction";
  auto stale = ingrid.form("/logger/1/tiltak/" + measure + "/rett",
                           "version=1&reason=igjen&title=z&responsible=" + std::to_string(part(kIngrid)) +
                               "&unit=2&start_date=2026-01-01&evaluation_date=2026-02-01&status=active");
  EXPECT_EQ(stale.status, 409) << "someone corrected it since";
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM entry_version WHERE entry_id = " + measure), 2);
}

TEST_F(ContentHttp, AMeasureIsPickedFromTheMunicipalitysOwnCatalogueOrWrittenFreely) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto fast_adult = scalar(url_, "SELECT id FROM catalogue_measure WHERE name = 'Fast voksen i friminuttene'");
  const auto elsewhere = scalar(url_, "SELECT c.id FROM catalogue_measure c JOIN municipality m ON m.id = c.municipality_id"
                                      " WHERE m.kommunenummer = '9902'");
  // Only those who may add a measure see the catalogue, and only their log's municipality's.
  auto listed = ingrid.get("/api/v1/logs/1/measure-catalogue");
  ASSERT_EQ(listed.status, 200);
  const auto measures = boost::json::parse(listed.body).at("measures").as_array();
  EXPECT_EQ(measures.size(), 5u);
  for (const auto& m : measures) EXPECT_NE(m.at("id").as_int64(), elsewhere) << "another municipality's measure";
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").get("/api/v1/logs/1/measure-catalogue").status, 403);
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").get("/api/v1/logs/1/measure-catalogue").status, 403) << "a reader";
  // Picking one starts the form with its text and carries its id.
  auto form = ingrid.get("/logger/1/tiltak/ny?katalog=" + std::to_string(fast_adult));
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"Fast voksen i friminuttene\""), std::string::npos);
  EXPECT_NE(form.body.find("name=\"catalogue\" value=\"" + std::to_string(fast_adult) + "\""), std::string::npos);
  EXPECT_EQ(ingrid.get("/logger/1/tiltak/ny?katalog=" + std::to_string(elsewhere)).status, 404);
  EXPECT_EQ(ingrid.get("/logger/1/tiltak/ny?katalog=abc").status, 404);
  const std::string rest = "&responsible=" + std::to_string(part(kIngrid)) +
                           "&unit=2&start_date=2026-11-01&evaluation_date=2027-01-15&status=active";
  const auto before = scalar(url_, "SELECT COUNT(*) FROM entry");
  auto foreign = ingrid.form("/logger/1/tiltak", "title=Aktivitetsgruppe&catalogue=" + std::to_string(elsewhere) + rest);
  EXPECT_EQ(foreign.status, 422);
  EXPECT_NE(foreign.body.find("Velg et tiltak fra kommunens egen tiltaksoversikt."), std::string::npos);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/measures", R"({"title":"x","catalogue_measure_id":"x","responsible_participant_id":)" +
                                                     std::to_string(part(kIngrid)) +
                                                     R"(,"unit_id":2,"start_date":"2026-11-01","evaluation_date":"2027-01-15"})")
                .status,
            422);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM entry"), before) << "nothing written";
  ASSERT_EQ(ingrid.form("/logger/1/tiltak", "title=Fast+voksen+i+friminuttene&catalogue=" + std::to_string(fast_adult) + rest)
                .status,
            303);
  ASSERT_EQ(ingrid.form("/logger/1/tiltak", "title=Egen+avtale+om+skoleveien" + rest).status, 303) << "or written freely";
  auto api = boost::json::parse(demo_log_in(port(), kHanne, "citizen").get("/api/v1/logs/1").body);
  int from_catalogue = 0;
  for (const auto& m : api.at("measures").as_array()) {
    if (!m.as_object().contains("catalogue_measure_id")) continue;
    ++from_catalogue;
    EXPECT_EQ(m.at("catalogue_measure_id").as_int64(), fast_adult);
    EXPECT_EQ(m.at("catalogue_measure").as_string(), "Fast voksen i friminuttene");
  }
  EXPECT_EQ(from_catalogue, 1);
  EXPECT_NE(ingrid.get("/logger/1").body.find("Fra tiltaksoversikten: Fast voksen i friminuttene"), std::string::npos);
}

}  // namespace
}  // namespace stafett::testing
