// The measures catalogue (tiltaksoversikt) over real HTTP, on both databases
// (issue 8, items 3, 7 and 9): each measure's description, target group,
// levels, providers, how to ask and evidence base; how many open logs use it,
// counted from the catalogue measure a log's measure names and never shown
// below 3; a total that cannot give a hidden count back by subtraction; only
// the municipality's coordinator and administrators edit, each save a version
// in the history; bad input stores nothing.
#include <boost/json/parse.hpp>

#include "http/form_urlencode.h"
#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/http_client.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;  // holder of log 1 (school)
constexpr int kOle = 2;     // holder of log 2 (kindergarten)
constexpr int kSara = 3;    // holder of log 3 (health station)
constexpr int kLiv = 8;     // Fjordvik's administrator
constexpr int kHanne = 9;
constexpr int kBjorn = 20;  // Fjordvik's BTI coordinator
constexpr int kGry = 21;    // Lauvåsen's BTI coordinator

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

std::string enc(const std::string& s) { return http::form_urlencode({{"x", s}}).substr(2); }

std::string measure_form(const std::string& name, const std::string& providers) {
  return "name=" + enc(name) + "&description=" + enc("Grupper for **foreldre**.") +
         "&target_group=" + enc("Foreldre til barn 0-6 år") + "&age_from=0&age_to=6&level_from=1&level_to=2" +
         providers + "&how_to_request=" + enc("Ring helsestasjonen.") + "&evidence=" +
         enc("Evaluert i flere kommuner") + "&evidence_url=" + enc("https://forskning.example/cos") +
         "&is_public=ja&summary=" + enc("Nytt tiltak");
}

class MeasuresHttp : public ServerSuite<MeasuresHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static std::int64_t count(const std::string& what) { return scalar(database_url_, "SELECT COUNT(*) FROM " + what); }
  static std::int64_t participant(int log, int person) {
    return scalar(database_url_, "SELECT id FROM participant WHERE ended_at_ms IS NULL AND log_id = " +
                                     std::to_string(log) + " AND person_id = " + std::to_string(person));
  }
  // The holder of `log` adds a measure picked from the catalogue.
  static void use_in_log(int log, int holder, int unit, std::int64_t measure) {
    auto s = demo_log_in(port(), holder, "employee");
    auto r = s.form("/logger/" + std::to_string(log) + "/tiltak",
                    "title=Fra+katalogen&catalogue=" + std::to_string(measure) +
                        "&responsible=" + std::to_string(participant(log, holder)) + "&unit=" + std::to_string(unit) +
                        "&start_date=2026-11-01&evaluation_date=2027-01-15&status=active");
    ASSERT_EQ(r.status, 303) << r.body;
  }
  static boost::json::object measure_json(std::int64_t id) {
    auto r = get(port(), "/api/v1/municipalities/9901/measures/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return boost::json::parse(r.body).as_object();
  }
};

TEST_F(MeasuresHttp, SmallCountsAreNeverShownAndTotalsGiveNothingBack) {
  const auto measure = scalar(database_url_, "SELECT id FROM catalogue_measure WHERE name = 'Samtaler med helsesykepleier'");
  EXPECT_EQ(measure_json(measure).at("open_logs"), "fewer_than_3") << "0 is a small count too";
  use_in_log(1, kIngrid, 2, measure);
  EXPECT_EQ(measure_json(measure).at("open_logs"), "fewer_than_3");
  auto page = get(port(), "/kommune/9901/tiltak");
  EXPECT_TRUE(has(page.body, "færre enn 3"));
  use_in_log(2, kOle, 1, measure);
  EXPECT_EQ(measure_json(measure).at("open_logs"), "fewer_than_3");
  use_in_log(1, kIngrid, 2, measure);  // the same log twice is one log
  EXPECT_EQ(measure_json(measure).at("open_logs"), "fewer_than_3");
  use_in_log(3, kSara, 3, measure);
  EXPECT_EQ(measure_json(measure).at("open_logs"), 3);
  // The subtraction attack: the total is the sum of the shown counts, so
  // subtracting them always leaves 0, whatever is hidden.
  auto list = boost::json::parse(get(port(), "/api/v1/municipalities/9901/measures").body).as_object();
  std::int64_t shown = 0;
  bool any_hidden = false;
  for (const auto& m : list.at("measures").as_array()) {
    const auto& c = m.at("open_logs");
    if (c.is_int64()) shown += c.as_int64();
    else any_hidden = true;
  }
  EXPECT_EQ(list.at("open_logs_total").at("value").as_int64(), shown);
  EXPECT_EQ(list.at("open_logs_total").at("lower_bound").as_bool(), any_hidden);
  page = get(port(), "/kommune/9901/tiltak");
  EXPECT_TRUE(has(page.body, "minst 3")) << "a total beside hidden counts is a lower bound";
  // Every use is recorded (four measures written, in three logs), none read from a log's text.
  EXPECT_EQ(count("measure_use"), 4);
}

TEST_F(MeasuresHttp, ThePublicSeesPublicMeasuresAndEmployeesTheRest) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  auto internal = measure_form("Internt kurs for ansatte", "&providers=7");
  internal.replace(internal.find("&is_public=ja"), 13, "");
  ASSERT_EQ(bjorn.form("/kommune/9901/tiltak/ny", internal).status, 303);
  const auto id = scalar(database_url_, "SELECT id FROM catalogue_measure WHERE name = 'Internt kurs for ansatte'");
  const auto path = "/kommune/9901/tiltak/" + std::to_string(id);
  EXPECT_EQ(get(port(), path).status, 404);
  EXPECT_FALSE(has(get(port(), "/kommune/9901/tiltak").body, "Internt kurs"));
  EXPECT_EQ(demo_log_in(port(), kIngrid, "employee").get(path).status, 200);
  EXPECT_EQ(demo_log_in(port(), kGry, "employee").get(path).status, 404) << "another municipality's employee";
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").get(path).status, 404);
  EXPECT_EQ(get(port(), "/kommune/9902/tiltak/" + std::to_string(id)).status, 404) << "not Lauvåsen's";
  auto page = get(port(), "/kommune/9901/tiltak");
  EXPECT_TRUE(has(page.body, "Fast voksen i friminuttene"));
  for (const char* canary : {"Nora", "Fjordstrand", "Sofie", "Leo", "Ingrid"}) EXPECT_FALSE(has(page.body, canary));
}

TEST_F(MeasuresHttp, OnlyTheMunicipalitysEditorsAddAndEditAndTheHistoryKeepsEveryVersion) {
  const auto form = measure_form("Foreldregruppe", "&providers=3&providers=1");
  for (auto [person, kind] : {std::pair{kIngrid, "employee"}, std::pair{kGry, "employee"},
                              std::pair{kHanne, "citizen"}}) {
    auto s = demo_log_in(port(), person, kind);
    EXPECT_EQ(s.get("/kommune/9901/tiltak/ny").status, 403) << person;
    EXPECT_EQ(s.form("/kommune/9901/tiltak/ny", form).status, 403) << person;
    EXPECT_EQ(s.form("/kommune/9901/tiltak/1/rediger", form).status, 403) << person;
  }
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  auto added = bjorn.form("/kommune/9901/tiltak/ny", form);
  ASSERT_EQ(added.status, 303) << added.body;
  const auto id = scalar(database_url_, "SELECT id FROM catalogue_measure WHERE name = 'Foreldregruppe'");
  auto shown = get(port(), "/kommune/9901/tiltak/" + std::to_string(id));
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(has(shown.body, "Fjordvik helsestasjon og skolehelsetjeneste, Solsikken barnehage") ||
              has(shown.body, "Solsikken barnehage, Fjordvik helsestasjon")) << shown.body;
  EXPECT_TRUE(has(shown.body, "https://forskning.example/cos"));
  auto liv = demo_log_in(port(), kLiv, "employee");
  ASSERT_EQ(liv.form("/kommune/9901/tiltak/" + std::to_string(id) + "/rediger",
                     measure_form("Foreldregruppe", "&providers=3"))
                .status,
            303);
  EXPECT_EQ(count("catalogue_measure_provider WHERE measure_id = " + std::to_string(id)), 1);
  EXPECT_EQ(count("model_change WHERE kind = 'measure' AND item_id = " + std::to_string(id)), 2);
  const auto second = scalar(database_url_, "SELECT id FROM model_change WHERE kind = 'measure' AND version = 2 AND"
                                            " item_id = " + std::to_string(id));
  auto diff = bjorn.get("/kommune/9901/samhandling/historikk/" + std::to_string(second));
  EXPECT_TRUE(has(diff.body, "Tilbys av")) << diff.body;
  EXPECT_TRUE(has(diff.body, "<del>− Fjordvik helsestasjon og skolehelsetjeneste, Solsikken barnehage</del>") ||
              has(diff.body, "<del>− Solsikken barnehage, Fjordvik helsestasjon og skolehelsetjeneste</del>"));
  // The measure is Fjordvik's: Lauvåsen's coordinator cannot edit it from there.
  EXPECT_EQ(demo_log_in(port(), kGry, "employee").form("/kommune/9902/tiltak/" + std::to_string(id) + "/rediger", form)
                .status,
            404);
}

TEST_F(MeasuresHttp, BadInputIsAnErrorBesideTheFieldAndStoresNothing) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  const auto measures = count("catalogue_measure"), changes = count("model_change");
  auto r = bjorn.form("/kommune/9901/tiltak/ny", measure_form("Uten enhet", ""));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "Velg minst én enhet som tilbyr tiltaket"));
  r = bjorn.form("/kommune/9901/tiltak/ny", measure_form("Annen kommunes enhet", "&providers=8"));
  EXPECT_EQ(r.status, 422) << "Lauvåsen skule does not serve Fjordvik";
  EXPECT_TRUE(has(r.body, "Velg enheter som betjener kommunen"));
  auto script = measure_form("Skript", "&providers=3");
  script.replace(script.find("Grupper"), 7, enc("<script>alert(1)</script>"));
  r = bjorn.form("/kommune/9901/tiltak/ny", script);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "HTML er ikke tillatt her"));
  EXPECT_FALSE(has(r.body, "<script>alert(1)"));
  auto levels = measure_form("Nivåer", "&providers=3");
  levels.replace(levels.find("level_from=1"), 12, "level_from=3");
  EXPECT_TRUE(has(bjorn.form("/kommune/9901/tiltak/ny", levels).body, "Nivået «til» kan ikke være lavere"));
  auto link = measure_form("Lenke", "&providers=3");
  link.replace(link.find(enc("https://forskning.example/cos")), enc("https://forskning.example/cos").size(),
               enc("javascript:alert(1)"));
  EXPECT_TRUE(has(bjorn.form("/kommune/9901/tiltak/ny", link).body, "Lenken må være en hel https-adresse"));
  auto api = bjorn.json("/api/v1/municipalities/9901/measures", R"({"name":"","providers":[3],"age_from":9,"age_to":2})");
  EXPECT_EQ(api.status, 422);
  EXPECT_TRUE(has(api.body, "\"field\":\"name\""));
  EXPECT_TRUE(has(api.body, "\"field\":\"age_to\""));
  EXPECT_EQ(bjorn.json("/api/v1/municipalities/9901/measures", R"({"providers":["3"]})").status, 400);
  EXPECT_EQ(count("catalogue_measure"), measures);
  EXPECT_EQ(count("model_change"), changes);
}

}  // namespace
}  // namespace stafett::testing
