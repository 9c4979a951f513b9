// Cooperation arenas (samhandlingsarenaer) over real HTTP, on both databases
// (issue 8, items 4, 7 and 9): the public reads the arenas marked public;
// only the municipality's editors define them, and an arena needs a fixed
// participant; only members (employees of its units, and the coordinator)
// see and run its meetings; an anonymous case never stores a national
// identity number (the form refuses one in free text) and never names a log;
// a case from a log is brought, and its decision put into the log, only by
// someone the family's consent lets write meeting entries there, and
// bringing it is in the log's access chain.
#include <boost/json/parse.hpp>

#include <chrono>

#include "domain/national_id.h"
#include "http/form_urlencode.h"
#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/http_client.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;  // Fjordvik skole: a fixed member of the resource team; holder of log 1
constexpr int kOle = 2;     // Solsikken barnehage: not a member
constexpr int kMette = 5;   // child welfare: called in when needed; a (hidden) reader of log 1
constexpr int kHanne = 9;   // Nora's mother
constexpr int kBjorn = 20;  // Fjordvik's BTI coordinator
constexpr int kGry = 21;    // Lauvåsen's BTI coordinator

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

std::string enc(const std::string& s) { return http::form_urlencode({{"x", s}}).substr(2); }

class ArenasHttp : public ServerSuite<ArenasHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static std::int64_t count(const std::string& what) { return scalar(database_url_, "SELECT COUNT(*) FROM " + what); }
  static std::int64_t arena(const std::string& name) {
    return scalar(database_url_, "SELECT id FROM arena WHERE name = '" + name + "'");
  }
  static std::string team() { return "/kommune/9901/arenaer/" + std::to_string(arena("Ressursteam Fjordvik skole")); }
  // Ingrid schedules a meeting of the resource team; its path.
  static std::string meeting() {
    auto ingrid = demo_log_in(port(), kIngrid, "employee");
    auto r = ingrid.form(team() + "/moter", "starts_at=2026-12-15T14%3A00&place=Personalrommet");
    EXPECT_EQ(r.status, 303) << r.body;
    return team() + "/moter/" + std::to_string(scalar(database_url_, "SELECT MAX(id) FROM arena_meeting"));
  }
};

TEST_F(ArenasHttp, ThePublicReadsPublicArenasAndMembersRunTheMeetings) {
  auto list = get(port(), "/kommune/9901/arenaer");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(has(list.body, "Ressursteam Fjordvik skole"));
  EXPECT_FALSE(has(list.body, "BTI-team Fjordvik")) << "internal";
  auto page = get(port(), team());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "Annenhver tirsdag"));
  EXPECT_TRUE(has(page.body, "PPT Fjordregionen"));
  EXPECT_FALSE(has(page.body, "Sett opp et møte")) << "meetings are for members";
  const auto bti = "/kommune/9901/arenaer/" + std::to_string(arena("BTI-team Fjordvik"));
  EXPECT_EQ(get(port(), bti).status, 404);
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").get(bti).status, 200) << "Fjordvik's employees read internal arenas";
  EXPECT_EQ(demo_log_in(port(), kGry, "employee").get(bti).status, 404) << "Lauvåsen's do not";

  const auto path = meeting();
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  EXPECT_EQ(ingrid.get(path).status, 200);
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").get(path).status, 200) << "a unit called in when needed";
  EXPECT_EQ(demo_log_in(port(), kBjorn, "employee").get(path).status, 200) << "the coordinator";
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").get(path).status, 403) << "not a member";
  EXPECT_EQ(demo_log_in(port(), kGry, "employee").get(path).status, 403) << "not a member of another municipality's arena";
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").get(path).status, 403);
  EXPECT_EQ(get(port(), path).status, 303) << "to the login";
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").form(team() + "/moter", "starts_at=2026-12-16T14%3A00&place=X").status,
            403);
  EXPECT_EQ(ingrid.form(team() + "/moter", "starts_at=i+morgen&place=X").status, 422);
}

TEST_F(ArenasHttp, AnAnonymousCaseNeverStoresANationalIdNorALog) {
  const auto path = meeting();
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto cases = count("arena_case");
  const std::string number = domain::make_synthetic_national_id(
      std::chrono::year_month_day{std::chrono::year{2018}, std::chrono::month{3}, std::chrono::day{14}}, 7);
  for (const std::string& written : {number, number.substr(0, 6) + " " + number.substr(6)}) {
    auto r = ingrid.form(path + "/saker", "kind=anonymous&age_band=6-9&description=" +
                                               enc("Gutt i 2. klasse (" + written + ") er mye borte."));
    EXPECT_EQ(r.status, 422) << written;
    EXPECT_TRUE(has(r.body, "Teksten ser ut til å inneholde et fødselsnummer")) << r.body;
  }
  auto api = ingrid.json("/api/v1/municipalities/9901/arenas/" + std::to_string(arena("Ressursteam Fjordvik skole")) +
                             "/meetings/" + path.substr(path.rfind('/') + 1) + "/cases",
                         R"({"kind":"anonymous","age_band":"6-9","description":"Fnr )" + number + R"("})");
  EXPECT_EQ(api.status, 422);
  EXPECT_TRUE(has(api.body, "\"field\":\"description\""));
  EXPECT_EQ(ingrid.form(path + "/saker", "kind=anonymous&age_band=99&description=Mye+borte").status, 422)
      << "an age band, never an age of one's own";
  EXPECT_EQ(count("arena_case"), cases) << "nothing stored";

  auto ok = ingrid.form(path + "/saker", "kind=anonymous&age_band=6-9&description=" +
                                             enc("Gutt i 2. klasse er mye borte og virker sliten."));
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(count("arena_case WHERE kind = 'anonymous' AND log_id IS NULL AND age_band = '6-9'"), 1);
  EXPECT_EQ(count("arena_case WHERE kind = 'anonymous' AND log_id IS NOT NULL"), 0);
  // The minutes refuse a number too.
  auto minutes = ingrid.form(path + "/referat", "minutes=" + enc("Drøftet sak 1. Fnr " + number));
  EXPECT_EQ(minutes.status, 422);
  EXPECT_EQ(count("arena_meeting WHERE minutes <> ''"), 0);
  EXPECT_EQ(ingrid.form(path + "/referat", "minutes=" + enc("Drøftet sak 1. Helsesykepleier tar kontakt.")).status, 303);
  const auto case_id = std::to_string(scalar(database_url_, "SELECT MAX(id) FROM arena_case"));
  auto empty = ingrid.form(path + "/saker/" + case_id + "/vedtak", "decision=");
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(has(empty.body, "id=\"field-decision\"")) << "the summary's link has a target";
  EXPECT_TRUE(has(empty.body, "aria-describedby=\"decision-error-" + case_id + "\""));
}

TEST_F(ArenasHttp, ACaseFromALogNeedsTheConsentAndItsDecisionGoesIntoTheLog) {
  const auto path = meeting();
  const auto cases = count("arena_case");
  // Not a participant of log 3; a reader of log 1; Lauvåsen's coordinator is no member here.
  EXPECT_EQ(demo_log_in(port(), kIngrid, "employee").form(path + "/saker", "kind=log&log=3&description=Sak").status, 422);
  auto mette = demo_log_in(port(), kMette, "employee").form(path + "/saker", "kind=log&log=1&description=Sak");
  EXPECT_EQ(mette.status, 422);
  EXPECT_TRUE(has(mette.body, "der samtykket lar deg føre møter"));
  EXPECT_EQ(demo_log_in(port(), kIngrid, "employee").form(path + "/saker", "kind=log&log=abc&description=Sak").status,
            422);
  EXPECT_EQ(count("arena_case"), cases);

  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto records = count("access_record WHERE log_id = 1");
  ASSERT_EQ(ingrid.form(path + "/saker", "kind=log&log=1&description=" + enc("Trenger tettere oppfølging i lesing.")).status,
            303);
  EXPECT_EQ(count("access_record WHERE log_id = 1"), records + 1) << "the family sees that the case was brought";
  const auto case_id = scalar(database_url_, "SELECT MAX(id) FROM arena_case");
  const auto meetings = count("entry WHERE log_id = 1 AND kind = 'meeting'");
  auto decided = ingrid.form(path + "/saker/" + std::to_string(case_id) + "/vedtak",
                             "decision=" + enc("PPT observerer i klassen innen to uker.") + "&into_log=ja");
  ASSERT_EQ(decided.status, 303) << decided.body;
  EXPECT_TRUE(has(ingrid.get(path).body, "ført inn i stafettloggen"));
  EXPECT_EQ(count("entry WHERE log_id = 1 AND kind = 'meeting'"), meetings + 1);
  EXPECT_EQ(count("arena_case WHERE decision_entry_id IS NOT NULL AND id = " + std::to_string(case_id)), 1);
  auto family = demo_log_in(port(), kHanne, "citizen").get("/api/v1/logs/1");
  EXPECT_TRUE(has(family.body, "PPT observerer i klassen innen to uker.")) << "the family reads the decision";
  // Once only.
  EXPECT_EQ(ingrid.form(path + "/saker/" + std::to_string(case_id) + "/vedtak", "decision=Noe+annet").status, 422);
}

TEST_F(ArenasHttp, OnlyEditorsDefineArenasAndBadInputStoresNothing) {
  const std::string good = "name=" + enc("Ansvarsgruppe for overganger") + "&purpose=" + enc("Overgang **barnehage–skole**.") +
                           "&level_from=2&level_to=3&frequency=" + enc("Ved behov") +
                           "&fixed_units=1&fixed_units=2&on_demand_units=4&children=no&parents=yes" +
                           "&how_to_bring=" + enc("Kontakt koordinator.") + "&anonymous_cases=ja&log_cases=ja&is_public=ja";
  for (auto [person, kind] : {std::pair{kIngrid, "employee"}, std::pair{kGry, "employee"},
                              std::pair{kHanne, "citizen"}}) {
    EXPECT_EQ(demo_log_in(port(), person, kind).form("/kommune/9901/arenaer/ny", good).status, 403) << person;
  }
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  const auto arenas = count("arena"), changes = count("model_change");
  auto none = bjorn.form("/kommune/9901/arenaer/ny", "name=Tom&level_from=1&level_to=2&children=no&parents=no"
                                                     "&anonymous_cases=ja");
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(has(none.body, "En samhandlingsarena uten deltakere kan ikke lagres"));
  auto script = good;
  script.replace(script.find(enc("Overgang **barnehage–skole**.")), enc("Overgang **barnehage–skole**.").size(),
                 enc("<script>alert(1)</script>"));
  auto r = bjorn.form("/kommune/9901/arenaer/ny", script);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "HTML er ikke tillatt her"));
  EXPECT_FALSE(has(r.body, "<script>alert(1)"));
  EXPECT_EQ(bjorn.form("/kommune/9901/arenaer/ny", good + "&fixed_units=8").status, 422)
      << "Lauvåsen skule does not serve Fjordvik";
  EXPECT_EQ(bjorn.json("/api/v1/municipalities/9901/arenas", R"({"name":"X","fixed_units":[]})").status, 422);
  EXPECT_EQ(bjorn.json("/api/v1/municipalities/9901/arenas", R"({"fixed_units":"1"})").status, 400);
  EXPECT_EQ(count("arena"), arenas);
  EXPECT_EQ(count("model_change"), changes);

  ASSERT_EQ(bjorn.form("/kommune/9901/arenaer/ny", good).status, 303);
  const auto id = arena("Ansvarsgruppe for overganger");
  EXPECT_EQ(count("arena_member WHERE arena_id = " + std::to_string(id)), 3);
  auto shown = get(port(), "/kommune/9901/arenaer/" + std::to_string(id));
  EXPECT_TRUE(has(shown.body, "<strong>barnehage–skole</strong>"));
  EXPECT_EQ(count("model_change WHERE kind = 'arena' AND item_id = " + std::to_string(id)), 1);
  EXPECT_TRUE(has(bjorn.get("/kommune/9901/samhandling/historikk").body, "Ansvarsgruppe for overganger"));
}

}  // namespace
}  // namespace stafett::testing
