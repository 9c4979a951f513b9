// "Hvem har sett loggen?" and "Mine oppslag" over real HTTP, on both
// databases. The access records are written straight into the chain with
// app::append_access_records (properly chained, at fixed times in January
// and February 2025), so every test filters on that period and is not moved
// by the records the server itself writes for today's reads.
//
// What they prove: the family sees every access to their log, newest first,
// with who, as what, for which unit, what and on which basis; filters by
// period and person work, and bad filter values are clear 422s (400 for a
// query that cannot be decoded); nobody else sees the page (another family,
// any employee, even the holder); an entry hidden from guardians is never
// named; break-glass stands out; an employee sees only their own accesses,
// and not the child of a log they can no longer read.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <limits>
#include <vector>

#include "app/access_chain.h"
#include "server_fixture.h"
#include "store/database.h"
#include "support/access_records.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

using namespace std::chrono;

constexpr int kIngrid = 1;  // holder of Nora's log (log 1), Fjordvik skole (unit 2)
constexpr int kOle = 2;     // holder of Leo's log (log 2)
constexpr int kSara = 3;    // health nurse in log 1 (unit 3)
constexpr int kMette = 5;   // child welfare in log 1 (unit 5), hidden participant
constexpr int kHanne = 9;   // Nora's mother
constexpr int kNora = 11;   // 9 years old: below the view age
constexpr int kAmina = 12;  // Leo's mother
constexpr int kLeo = 13;
constexpr int kSofie = 16;  // old enough to see her own log (log 3)

// An instant given as Oslo wall-clock time in winter (UTC+1).

class AccessHistory : public ServerSuite<AccessHistory> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

  static void SetUpTestSuite() {
    ServerSuite<AccessHistory>::SetUpTestSuite();
    // Two real entries in Nora's log: a goal everyone sees, and a note the
    // holder hides from the guardians.
    auto ingrid = demo_log_in(port(), kIngrid, "employee");
    auto goal = ingrid.json("/api/v1/logs/1/goals", R"({"text":"Trives i friminuttene"})");
    ASSERT_EQ(goal.status, 201) << goal.body;
    goal_id_ = boost::json::parse(goal.body).at("id").as_int64();
    auto note = ingrid.json("/api/v1/logs/1/notes",
                            R"({"date":"2025-01-13","type":"conversation","text":"SKJULT-KANARI-4411",)"
                            R"("hidden_from_guardians":true,"hidden_reason":"Barnets egen fortrolighet",)"
                            R"("legal_reference":"barnelova § 33"})");
    ASSERT_EQ(note.status, 201) << note.body;
    hidden_note_id_ = boost::json::parse(note.body).at("id").as_int64();

    using domain::AccessAction;
    using domain::AccessBasis;
    const auto jan = [](unsigned d) { return year_month_day{year{2025}, January, day{d}}; };
    std::vector<domain::AccessRecord> records;
    records.push_back(demo_access(kIngrid, "contributor", 2, "school", AccessBasis::kParticipation, oslo_winter(jan(10), 9), 1,
                             kNora));
    auto sara = demo_access(kSara, "contributor", 3, "health_station", AccessBasis::kParticipation,
                       oslo_winter(jan(12), 10), 1, kNora, AccessAction::kCreate);
    sara.record_kind = domain::EntryKind::kGoal;
    sara.record = domain::EntryId{goal_id_};
    records.push_back(sara);
    auto hidden = demo_access(kIngrid, "contributor", 2, "school", AccessBasis::kParticipation, oslo_winter(jan(14), 11), 1,
                         kNora, AccessAction::kCorrect);
    hidden.record_kind = domain::EntryKind::kNote;
    hidden.record = domain::EntryId{hidden_note_id_};
    records.push_back(hidden);
    auto glass = demo_access(kMette, "reader", 5, "child_welfare", AccessBasis::kBreakGlass, oslo_winter(jan(20), 22, 15),
                        1, kNora);
    glass.break_glass_reason = "emergency";
    records.push_back(glass);
    records.push_back(demo_access(kHanne, "guardian", std::nullopt, "", AccessBasis::kFamily,
                             oslo_winter(year_month_day{year{2025}, February, day{3}}, 18), 1, kNora));
    // Leo's log, and a log Ingrid does not (or no longer) take part in.
    records.push_back(demo_access(kOle, "contributor", 1, "kindergarten", AccessBasis::kParticipation,
                             oslo_winter(jan(15), 8), 2, kLeo));
    records.push_back(demo_access(kIngrid, "contributor", 2, "school", AccessBasis::kParticipation, oslo_winter(jan(11), 13),
                             3, kSofie, AccessAction::kPrint));
    // Many accesses to Leo's log in 2024, for paging.
    for (int i = 0; i < 205; ++i) {
      records.push_back(demo_access(kOle, "contributor", 1, "kindergarten", AccessBasis::kParticipation,
                               oslo_winter(year_month_day{year{2024}, March, day{1}}, 8) + minutes(i), 2, kLeo));
    }
    auto db = store::open_database(database_url_);
    ASSERT_TRUE(db) << db.error().detail;
    auto appended = app::append_access_records(**db, records);
    ASSERT_TRUE(appended) << appended.error().detail;
  }

 protected:
  static constexpr const char* kPeriod = "from=2025-01-01&to=2025-02-28";

  static HttpResponse api(const DemoSession& who, const std::string& path) {
    return get(port(), path, {{"Cookie", who.cookie}, {"Accept", "application/json"}});
  }
  static boost::json::array accesses(const HttpResponse& r) {
    return boost::json::parse(r.body).at("accesses").as_array();
  }

  static inline std::int64_t goal_id_ = 0;
  static inline std::int64_t hidden_note_id_ = 0;
};

TEST_F(AccessHistory, TheGuardianSeesEveryAccessToHerChildsLogNewestFirst) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto page = hanne.get(std::string("/logger/1/innsyn?") + kPeriod);
  ASSERT_EQ(page.status, 200) << page.body;
  const auto& b = page.body;
  EXPECT_NE(b.find("Hvem har sett loggen?"), std::string::npos);
  // Newest first: Hanne (3 Feb), Mette (20 Jan), Ingrid (14 Jan), Sara (12 Jan), Ingrid (10 Jan).
  const auto hanne_at = b.find("<strong>Hanne Fjordstrand</strong>");
  const auto mette_at = b.find("<strong>Mette Krogvik</strong>");
  const auto sara_at = b.find("<strong>Sara Holmvik</strong>");
  const auto first_view = b.find("10.01.2025 kl. 09.00");
  ASSERT_NE(hanne_at, std::string::npos);
  ASSERT_NE(first_view, std::string::npos) << "times in Oslo time";
  EXPECT_LT(hanne_at, mette_at);
  EXPECT_LT(mette_at, sara_at);
  EXPECT_LT(sara_at, first_view);
  // Who, as what, for which unit, what and why, in plain words.
  EXPECT_NE(b.find("<strong>Ingrid Fjellstad</strong>"), std::string::npos);
  EXPECT_NE(b.find("Bidragsyter, Fjordvik skole"), std::string::npos);
  EXPECT_NE(b.find("Deltaker med samtykke"), std::string::npos);
  EXPECT_NE(b.find("Foresatt"), std::string::npos);
  EXPECT_NE(b.find("Vist: hele loggen"), std::string::npos);
  EXPECT_NE(b.find("Opprettet: Mål"), std::string::npos) << "a visible entry is named by its kind";
  // Only this log: not Leo's, and not Ingrid's print of Sofie's log.
  EXPECT_EQ(b.find("Ole Brattli"), std::string::npos);
  EXPECT_EQ(b.find("Skrevet ut"), std::string::npos);
  EXPECT_EQ(b.find("demo"), std::string::npos) << "never the login's details";
}

TEST_F(AccessHistory, TheJsonTwinListsTheSame) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto r = api(hanne, std::string("/api/v1/logs/1/accesses?") + kPeriod);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto list = accesses(r);
  ASSERT_EQ(list.size(), 5u);
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  for (const auto& a : list) {
    const auto at = a.at("at_ms").as_int64();
    EXPECT_LE(at, previous) << "newest first";
    previous = at;
  }
  EXPECT_EQ(list[0].at("person").as_int64(), kHanne);
  EXPECT_EQ(list[0].at("basis").as_string(), "family");
  EXPECT_EQ(list[4].at("name").as_string(), "Ingrid Fjellstad");
  EXPECT_EQ(list[4].at("role").as_string(), "contributor");
  EXPECT_EQ(list[4].at("unit").as_string(), "Fjordvik skole");
  EXPECT_EQ(list[4].at("action").as_string(), "view");
  EXPECT_EQ(list[4].at("target").as_string(), "log");
  EXPECT_EQ(list[3].at("target").as_string(), "entry");
  EXPECT_EQ(list[3].at("entry_kind").as_string(), "goal");
  EXPECT_FALSE(list[3].as_object().contains("entry")) << "no entry ids at all";
  const auto people = boost::json::parse(r.body).at("people").as_array();
  EXPECT_GE(people.size(), 4u) << "everyone in the log's records, for the person filter";
}

TEST_F(AccessHistory, FiltersByPeriodAndPerson) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto mette = accesses(api(hanne, std::string("/api/v1/logs/1/accesses?") + kPeriod + "&person=5"));
  ASSERT_EQ(mette.size(), 1u);
  EXPECT_EQ(mette[0].at("person").as_int64(), kMette);
  // Both dates inclusive, as Oslo days.
  auto one_day = accesses(api(hanne, "/api/v1/logs/1/accesses?from=2025-01-10&to=2025-01-10"));
  ASSERT_EQ(one_day.size(), 1u);
  EXPECT_EQ(one_day[0].at("person").as_int64(), kIngrid);
  auto middle = accesses(api(hanne, "/api/v1/logs/1/accesses?from=2025-01-11&to=2025-01-19"));
  EXPECT_EQ(middle.size(), 2u) << "Sara's goal and the hidden note";
  // The page keeps the choices and says when a selection is empty.
  auto page = hanne.get("/logger/1/innsyn?from=2025-01-01&to=2025-01-02&person=5");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Ingen oppslag i dette utvalget."), std::string::npos);
  EXPECT_NE(page.body.find("value=\"2025-01-01\""), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"5\" selected>Mette Krogvik</option>"), std::string::npos);
}

TEST_F(AccessHistory, BadFilterValuesAreClearErrorsNeverACrash) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  struct Case {
    std::string query;
    std::string field;
  };
  // Another log's record as a cursor must not page through this one.
  const auto leo_sequence = scalar(database_url_, "SELECT MIN(sequence) FROM access_record WHERE log_id = 2");
  for (const auto& c : std::vector<Case>{{"from=2025-13-01", "from"},
                                         {"from=01.01.2025", "from"},
                                         {"to=2025-02-30", "to"},
                                         {"from=2025-02-01&to=2025-01-01", "to"},
                                         {"person=999", "person"},
                                         {"person=7", "person"},  // Tone: a person, but not in this log's records
                                         {"person=abc", "person"},
                                         {"person=-1", "person"},
                                         {"before=0", "before"},
                                         {"before=99999999999999999999999999", "before"},
                                         {"before=" + std::to_string(leo_sequence), "before"},
                                         {"from=" + std::string(3000, '9'), "from"}}) {
    auto r = api(hanne, "/api/v1/logs/1/accesses?" + c.query);
    EXPECT_EQ(r.status, 422) << c.query << ": " << r.body;
    const auto errors = boost::json::parse(r.body).at("errors").as_array();
    ASSERT_FALSE(errors.empty()) << c.query;
    EXPECT_EQ(errors[0].at("field").as_string(), c.field) << c.query;
    auto page = hanne.get("/logger/1/innsyn?" + c.query);
    EXPECT_EQ(page.status, 422) << c.query;
    EXPECT_NE(page.body.find("ds-error-summary"), std::string::npos) << c.query;
  }
  auto page = hanne.get("/logger/1/innsyn?from=2025-02-01&to=2025-01-01");
  EXPECT_NE(page.body.find("Til-datoen kan ikke være før fra-datoen."), std::string::npos);
  EXPECT_EQ(page.body.find("Mette Krogvik</strong>"), std::string::npos) << "no list with an error";
  EXPECT_EQ(hanne.get("/logger/1/innsyn?from=%FF").status, 400) << "a query that is not UTF-8";
  EXPECT_EQ(hanne.get("/logger/abc/innsyn").status, 404);
}

TEST_F(AccessHistory, NobodyButTheFamilySeesThePage) {
  auto amina = demo_log_in(port(), kAmina, "citizen");
  for (const char* path : {"/logger/1/innsyn", "/logger/999999/innsyn"}) {
    auto r = amina.get(path);
    EXPECT_EQ(r.status, 403) << path << ": another child's mother";
    EXPECT_EQ(r.body.find("Fjellstad"), std::string::npos);
  }
  EXPECT_EQ(api(amina, "/api/v1/logs/1/accesses").status, 403);
  // Employees never, not even the holder.
  for (int employee : {kIngrid, kMette}) {
    auto who = demo_log_in(port(), employee, "employee");
    auto r = who.get("/logger/1/innsyn");
    EXPECT_EQ(r.status, 403) << employee;
    EXPECT_EQ(r.body.find("Krogvik"), std::string::npos);
    EXPECT_EQ(api(who, "/api/v1/logs/1/accesses").status, 403);
  }
  // The child below the view age neither; from it, yes.
  EXPECT_EQ(demo_log_in(port(), kNora, "citizen").get("/logger/1/innsyn").status, 403);
  auto sofie = demo_log_in(port(), kSofie, "citizen");
  auto own = sofie.get(std::string("/logger/3/innsyn?") + kPeriod);
  EXPECT_EQ(own.status, 200);
  EXPECT_NE(own.body.find("Skrevet ut: hele loggen"), std::string::npos);
  // Not logged in: to the login page, and 401 for the API.
  auto anonymous = get(port(), "/logger/1/innsyn");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.header("location"), "/logg-inn");
  EXPECT_EQ(get(port(), "/api/v1/logs/1/accesses").status, 401);
  EXPECT_EQ(get(port(), "/mine-oppslag").status, 303);
  EXPECT_EQ(get(port(), "/api/v1/me/accesses").status, 401);
}

TEST_F(AccessHistory, AnAccessToAHiddenNoteNamesNoKindAndNoId) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto page = hanne.get("/logger/1/innsyn?from=2025-01-14&to=2025-01-14");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Rettet: et innslag du ikke kan se"), std::string::npos);
  EXPECT_EQ(page.body.find("Notat"), std::string::npos);
  EXPECT_EQ(page.body.find("SKJULT-KANARI-4411"), std::string::npos);
  auto list = accesses(api(hanne, "/api/v1/logs/1/accesses?from=2025-01-14&to=2025-01-14"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].at("target").as_string(), "hidden_entry");
  EXPECT_FALSE(list[0].as_object().contains("entry_kind"));
  const std::string body = boost::json::serialize(list[0]);
  EXPECT_EQ(body.find("note"), std::string::npos);
  EXPECT_EQ(body.find(":" + std::to_string(hidden_note_id_) + ","), std::string::npos);
  // Today's record of the note being written (by the server) is as quiet.
  auto today = api(hanne, "/api/v1/logs/1/accesses");
  ASSERT_EQ(today.status, 200);
  EXPECT_EQ(today.body.find("\"note\""), std::string::npos);
  EXPECT_EQ(today.body.find("SKJULT-KANARI-4411"), std::string::npos);
}

TEST_F(AccessHistory, BreakGlassIsShownProminentlyWithItsReason) {
  // A read under break-glass stands out in the list with its reason in plain
  // words (the break-glass accesses themselves, with the employee's
  // explanation, are above the list: suite BreakGlass).
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto page = hanne.get("/logger/1/innsyn?from=2025-01-20&to=2025-01-20");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("access-item--break-glass"), std::string::npos);
  EXPECT_NE(page.body.find("Akutt fare for barnets liv eller helse"), std::string::npos);
  EXPECT_EQ(page.body.find(">emergency<"), std::string::npos) << "never the bare code";
  EXPECT_NE(page.body.find("data-color=\"warning\""), std::string::npos);
  auto quiet = hanne.get("/logger/1/innsyn?from=2025-01-10&to=2025-01-10");
  EXPECT_EQ(quiet.body.find("access-item--break-glass"), std::string::npos);
  auto list = accesses(api(hanne, "/api/v1/logs/1/accesses?from=2025-01-20&to=2025-01-20"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].at("basis").as_string(), "break_glass");
  EXPECT_EQ(list[0].at("break_glass_reason").as_string(), "emergency");
}

TEST_F(AccessHistory, OlderAccessesArePagedWithACursor) {
  auto amina = demo_log_in(port(), kAmina, "citizen");
  auto first = api(amina, "/api/v1/logs/2/accesses?from=2024-01-01&to=2024-12-31");
  ASSERT_EQ(first.status, 200);
  const auto body = boost::json::parse(first.body).as_object();
  const auto page1 = body.at("accesses").as_array();
  ASSERT_EQ(page1.size(), 200u);
  ASSERT_TRUE(body.contains("older_before"));
  const auto cursor = body.at("older_before").as_int64();
  EXPECT_EQ(page1.back().at("sequence").as_int64(), cursor);
  auto second = api(amina, "/api/v1/logs/2/accesses?from=2024-01-01&to=2024-12-31&before=" + std::to_string(cursor));
  ASSERT_EQ(second.status, 200);
  const auto body2 = boost::json::parse(second.body).as_object();
  const auto page2 = body2.at("accesses").as_array();
  EXPECT_EQ(page2.size(), 5u);
  EXPECT_FALSE(body2.contains("older_before"));
  EXPECT_LT(page2.front().at("at_ms").as_int64(), page1.back().at("at_ms").as_int64()) << "no overlap";
  // The page links to the older ones with the same filter.
  auto page = amina.get("/logger/2/innsyn?from=2024-01-01&to=2024-12-31");
  EXPECT_NE(page.body.find("/logger/2/innsyn?from=2024-01-01&amp;to=2024-12-31&amp;before=" + std::to_string(cursor)),
            std::string::npos);
}

TEST_F(AccessHistory, AnEmployeeSeesOnlyHerOwnAccesses) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  auto page = ingrid.get(std::string("/mine-oppslag?") + kPeriod);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Mine oppslag"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/logger/1\">Nora (Logg nr. 1)"), std::string::npos);
  // Sofie's log: Ingrid takes no part in it, so the number and time only.
  EXPECT_NE(page.body.find("Logg nr. 3"), std::string::npos);
  EXPECT_EQ(page.body.find("Sofie"), std::string::npos);
  EXPECT_EQ(page.body.find("href=\"/logger/3\""), std::string::npos);
  // Her own accesses only.
  for (const char* other : {"Mette Krogvik", "Sara Holmvik", "Hanne Fjordstrand", "Ole Brattli"}) {
    EXPECT_EQ(page.body.find(other), std::string::npos) << other;
  }
  auto list = accesses(api(ingrid, std::string("/api/v1/me/accesses?") + kPeriod));
  ASSERT_EQ(list.size(), 3u);
  for (const auto& a : list) EXPECT_EQ(a.at("person").as_int64(), kIngrid);
  EXPECT_EQ(list[1].at("log").as_int64(), 3);
  EXPECT_FALSE(list[1].at("can_read").as_bool());
  EXPECT_FALSE(list[1].as_object().contains("child_given_name"));
  EXPECT_EQ(list[0].at("child_given_name").as_string(), "Nora");
  // The same bad input gives the same answers; a cursor of someone else's record too.
  EXPECT_EQ(api(ingrid, "/api/v1/me/accesses?to=2025-99-01").status, 422);
  const auto hanne_sequence = scalar(database_url_, "SELECT MIN(sequence) FROM access_record WHERE person_id = 9");
  EXPECT_EQ(api(ingrid, "/api/v1/me/accesses?before=" + std::to_string(hanne_sequence)).status, 422);
  EXPECT_EQ(ingrid.get("/mine-oppslag?from=2025-02-01&to=2025-01-01").status, 422);
  // Citizens have no such page.
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  EXPECT_EQ(hanne.get("/mine-oppslag").status, 403);
  EXPECT_EQ(api(hanne, "/api/v1/me/accesses").status, 403);
}

TEST_F(AccessHistory, TheLogPageAndTheMenuLinkThePages) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto family = hanne.get("/logger/1");
  ASSERT_EQ(family.status, 200);
  EXPECT_NE(family.body.find("href=\"/logger/1/innsyn\""), std::string::npos);
  EXPECT_EQ(family.body.find("href=\"/mine-oppslag\""), std::string::npos);
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  auto employee = ingrid.get("/logger/1");
  ASSERT_EQ(employee.status, 200);
  EXPECT_EQ(employee.body.find("/logger/1/innsyn"), std::string::npos);
  EXPECT_NE(employee.body.find("href=\"/mine-oppslag\""), std::string::npos);
}

}  // namespace
}  // namespace stafett::testing
