// The privacy officer's view (personvernombud, issue 6) over real HTTP, on
// both databases: /personvern and /api/v1/privacy/accesses search the access
// records of the officer's municipality; /personvern/eksport and
// /api/v1/privacy/accesses/export give the same selection as CSV or JSON.
// The records are appended straight to the chain (properly chained, at
// fixed times in 2024 and 2025), so every test filters on that period and is
// not moved by the records the server itself writes.
//
// What they prove: Randi (privacy officer of Fjordvik) sees every access to
// Fjordvik's logs, newest first, with who, as what, for which unit and
// service, the child and the log, what (kind and id of the entry, never its
// content) and the basis, break-glass standing out; every filter narrows;
// bad input (garbage dates, SQL in the filters, huge page numbers, unknown
// codes) is a clear 422 (400 for an undecodable query) and never a crash;
// the administrator, an employee, a guardian and nobody are refused; a
// privacy officer of another municipality sees nothing of Fjordvik's logs,
// and a log that moves takes its records to the new municipality's officer;
// the CSV is UTF-8 with a BOM, quoted and safe from formulas; searching and
// exporting leave no access record, only a line in the server log.
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
constexpr int kOle = 2;     // holder of Leo's log (log 2), Solsikken barnehage (unit 1)
constexpr int kSara = 3;    // health nurse in log 1 (unit 3)
constexpr int kJonas = 4;   // PPT (unit 4, shared with Lauvåsen); made Lauvåsen's privacy officer below
constexpr int kMette = 5;   // child welfare in log 1 (unit 5)
constexpr int kLiv = 8;     // Fjordvik's administrator: not a privacy officer
constexpr int kHanne = 9;   // Nora's mother
constexpr int kNora = 11;
constexpr int kLeo = 13;
constexpr int kSofie = 16;
constexpr int kRandi = 19;  // Fjordvik's privacy officer
constexpr int kFjordvikSkole = 2;

const std::string kCanary = "SKJULT-KANARI-7731";
const std::string kGoalText = "Leser med glede hver kveld";


// Percent-encodes everything but unreserved characters, as a browser would
// encode a typed filter value.
std::string encode(const std::string& value) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class PrivacyOfficer : public ServerSuite<PrivacyOfficer> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

  static void SetUpTestSuite() {
    ServerSuite<PrivacyOfficer>::SetUpTestSuite();
    // Two real entries in Nora's log, whose content must never show.
    auto ingrid = demo_log_in(port(), kIngrid, "employee");
    auto goal = ingrid.json("/api/v1/logs/1/goals", R"({"text":")" + kGoalText + R"("})");
    ASSERT_EQ(goal.status, 201) << goal.body;
    goal_id_ = boost::json::parse(goal.body).at("id").as_int64();
    auto note = ingrid.json("/api/v1/logs/1/notes",
                            R"({"date":"2025-01-13","type":"conversation","text":")" + kCanary + R"(",)"
                            R"("hidden_from_guardians":true,"hidden_reason":"Barnets egen fortrolighet",)"
                            R"("legal_reference":"barnelova § 33"})");
    ASSERT_EQ(note.status, 201) << note.body;
    note_id_ = boost::json::parse(note.body).at("id").as_int64();
    // Jonas (PPT, employed) is Lauvåsen's privacy officer.
    execute(database_url_,
            "INSERT INTO municipal_role (person_id, municipality_id, role, valid_from_ms) VALUES (4, 2, "
            "'privacy_officer', 0)");

    using domain::AccessAction;
    using domain::AccessBasis;
    const auto jan = [](unsigned d) { return year_month_day{year{2025}, January, day{d}}; };
    std::vector<domain::AccessRecord> records;
    records.push_back(demo_access(kIngrid, "contributor", 2, "school", AccessBasis::kParticipation, oslo_winter(jan(10), 9),
                             1, kNora));
    auto sara = demo_access(kSara, "contributor", 3, "health_station", AccessBasis::kParticipation,
                       oslo_winter(jan(12), 10), 1, kNora, AccessAction::kCreate);
    sara.record_kind = domain::EntryKind::kGoal;
    sara.record = domain::EntryId{goal_id_};
    records.push_back(sara);
    auto note_read = demo_access(kIngrid, "contributor", 2, "school", AccessBasis::kParticipation,
                            oslo_winter(jan(14), 11), 1, kNora, AccessAction::kCorrect);
    note_read.record_kind = domain::EntryKind::kNote;
    note_read.record = domain::EntryId{note_id_};
    records.push_back(note_read);
    auto glass = demo_access(kMette, "reader", 5, "child_welfare", AccessBasis::kBreakGlass, oslo_winter(jan(20), 22, 15),
                        1, kNora);
    glass.break_glass_reason = "=HYPERLINK(\"http://angriper.invalid\",\"Klikk\")";  // a formula, for the CSV
    records.push_back(glass);
    records.push_back(demo_access(kHanne, "guardian", std::nullopt, "", AccessBasis::kFamily,
                             oslo_winter(year_month_day{year{2025}, February, day{3}}, 18), 1, kNora));
    records.push_back(demo_access(kOle, "contributor", 1, "kindergarten", AccessBasis::kParticipation,
                             oslo_winter(jan(15), 8), 2, kLeo));
    records.push_back(demo_access(kJonas, "contributor", 4, "ppt", AccessBasis::kParticipation, oslo_winter(jan(11), 13), 3,
                             kSofie, AccessAction::kPrint));
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
  static std::vector<std::int64_t> people_of(const boost::json::array& list) {
    std::vector<std::int64_t> out;
    for (const auto& a : list) out.push_back(a.at("person").as_int64());
    return out;
  }
  static std::int64_t records_now() { return scalar(database_url_, "SELECT COUNT(*) FROM access_record"); }

  static inline std::int64_t goal_id_ = 0;
  static inline std::int64_t note_id_ = 0;
};

TEST_F(PrivacyOfficer, SeesEveryAccessToHerMunicipalitysLogsNewestFirst) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  auto page = randi.get(std::string("/personvern?") + kPeriod);
  ASSERT_EQ(page.status, 200) << page.body;
  const auto& b = page.body;
  EXPECT_NE(b.find("Personvern: søk i tilgangsloggen"), std::string::npos);
  EXPECT_NE(b.find("Fjordvik kommune"), std::string::npos);
  EXPECT_NE(b.find("href=\"/personvern/gjennomgang\""), std::string::npos) << "room for the review queue";
  // Newest first: Hanne (3 Feb), Mette (20 Jan), Ole (15 Jan), Ingrid (14 Jan), Sara (12 Jan), Jonas (11 Jan), Ingrid (10 Jan).
  const auto hanne = b.find("<strong>Hanne Fjordstrand</strong>");
  const auto mette = b.find("<strong>Mette Krogvik</strong>");
  const auto ole = b.find("<strong>Ole Brattli</strong>");
  const auto sara = b.find("<strong>Sara Holmvik</strong>");
  const auto jonas = b.find("<strong>Jonas Strandli</strong>");
  const auto first = b.find("10.01.2025 kl. 09.00");
  ASSERT_NE(hanne, std::string::npos);
  ASSERT_NE(first, std::string::npos) << "Oslo time";
  EXPECT_LT(hanne, mette);
  EXPECT_LT(mette, ole);
  EXPECT_LT(ole, sara);
  EXPECT_LT(sara, jonas);
  EXPECT_LT(jonas, first);
  // Who, as what, the child and the log, what and why.
  EXPECT_NE(b.find("Bidragsyter, Fjordvik skole (Skole)"), std::string::npos);
  EXPECT_NE(b.find("Nora Fjordstrand (Logg nr. 1)"), std::string::npos);
  EXPECT_NE(b.find("Leo Bakkeli (Logg nr. 2)"), std::string::npos);
  EXPECT_NE(b.find("Sofie Lyngmo (Logg nr. 3)"), std::string::npos);
  EXPECT_NE(b.find("Opprettet: Mål (nr. " + std::to_string(goal_id_) + ")"), std::string::npos);
  EXPECT_NE(b.find("Rettet: Notat (nr. " + std::to_string(note_id_) + ")"), std::string::npos)
      << "the privacy officer sees the kind and id of a hidden note";
  EXPECT_NE(b.find("Skrevet ut: hele loggen"), std::string::npos);
  EXPECT_NE(b.find("Foresatt"), std::string::npos);
  // Break-glass stands out.
  EXPECT_NE(b.find("access-item--break-glass"), std::string::npos);
  EXPECT_NE(b.find("Nødtilgang er brukt"), std::string::npos);
  // Never the content, never the login's details.
  EXPECT_EQ(b.find(kCanary), std::string::npos);
  EXPECT_EQ(b.find(kGoalText), std::string::npos);
  EXPECT_EQ(b.find(std::string(64, 'a')), std::string::npos) << "no session hash";
  // Export links with the same selection.
  EXPECT_NE(b.find("href=\"/personvern/eksport?format=csv&amp;from=2025-01-01&amp;to=2025-02-28\""),
            std::string::npos);
}

TEST_F(PrivacyOfficer, TheJsonTwinListsTheSame) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  auto r = api(randi, std::string("/api/v1/privacy/accesses?") + kPeriod);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto list = accesses(r);
  ASSERT_EQ(list.size(), 7u);
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  for (const auto& a : list) {
    EXPECT_LE(a.at("at_ms").as_int64(), previous) << "newest first";
    previous = a.at("at_ms").as_int64();
  }
  EXPECT_EQ(people_of(list), (std::vector<std::int64_t>{kHanne, kMette, kOle, kIngrid, kSara, kJonas, kIngrid}));
  const auto& mette = list[1].as_object();
  EXPECT_EQ(mette.at("basis").as_string(), "break_glass");
  EXPECT_EQ(mette.at("log").as_int64(), 1);
  EXPECT_EQ(mette.at("child").as_int64(), kNora);
  EXPECT_EQ(mette.at("child_name").as_string(), "Nora Fjordstrand");
  EXPECT_EQ(mette.at("service").as_string(), "child_welfare");
  EXPECT_FALSE(mette.contains("record_kind")) << "the log as a whole";
  const auto& sara = list[4].as_object();
  EXPECT_EQ(sara.at("record_kind").as_string(), "goal");
  EXPECT_EQ(sara.at("record").as_int64(), goal_id_);
  EXPECT_EQ(sara.at("unit").as_string(), "Fjordvik helsestasjon og skolehelsetjeneste");
  EXPECT_EQ(r.body.find(kCanary), std::string::npos);
  EXPECT_EQ(r.body.find(kGoalText), std::string::npos);
  const auto body = boost::json::parse(r.body).as_object();
  EXPECT_EQ(body.at("municipalities").as_array().size(), 1u);
  EXPECT_EQ(body.at("units").as_array().size(), 7u) << "the units serving Fjordvik, for the unit filter";
}

TEST_F(PrivacyOfficer, FiltersByPersonChildLogUnitActionBasisAndPeriod) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  const std::string base = std::string("/api/v1/privacy/accesses?") + kPeriod;
  auto people = [&](const std::string& filter) {
    auto r = api(randi, base + "&" + filter);
    EXPECT_EQ(r.status, 200) << filter << ": " << r.body;
    return r.status == 200 ? people_of(accesses(r)) : std::vector<std::int64_t>{};
  };
  const std::vector<std::int64_t> ingrid{kIngrid, kIngrid};
  EXPECT_EQ(people("person=Ingrid"), ingrid);
  EXPECT_EQ(people("person=" + encode("fjellstad ingrid")), ingrid) << "any order, any case";
  EXPECT_EQ(people("person=1"), ingrid) << "a person id";
  EXPECT_EQ(people("person=" + encode("Krogvik")), (std::vector<std::int64_t>{kMette}));
  EXPECT_EQ(people("child=Leo"), (std::vector<std::int64_t>{kOle}));
  EXPECT_EQ(people("child=" + encode("nora fjordstrand")).size(), 5u);
  EXPECT_EQ(people("child=16"), (std::vector<std::int64_t>{kJonas}));
  EXPECT_EQ(people("log=3"), (std::vector<std::int64_t>{kJonas}));
  EXPECT_EQ(people("log=1").size(), 5u);
  EXPECT_EQ(people("unit=" + std::to_string(kFjordvikSkole)), ingrid);
  EXPECT_EQ(people("action=print"), (std::vector<std::int64_t>{kJonas}));
  EXPECT_EQ(people("action=create"), (std::vector<std::int64_t>{kSara}));
  EXPECT_EQ(people("basis=break_glass"), (std::vector<std::int64_t>{kMette}));
  EXPECT_EQ(people("basis=family"), (std::vector<std::int64_t>{kHanne}));
  EXPECT_EQ(people("log=1&basis=participation&action=view"), (std::vector<std::int64_t>{kIngrid}));
  // Both dates inclusive, as Oslo days.
  auto day = accesses(api(randi, "/api/v1/privacy/accesses?from=2025-01-10&to=2025-01-10"));
  EXPECT_EQ(people_of(day), (std::vector<std::int64_t>{kIngrid}));
  // The page keeps the choices as typed.
  auto page = randi.get("/personvern?" + std::string(kPeriod) + "&person=" + encode("Ingrid F") + "&unit=2&action=view");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("value=\"Ingrid F\""), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"2\" selected>Fjordvik skole</option>"), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"view\" selected>Vist</option>"), std::string::npos);
  EXPECT_EQ(page.body.find("<strong>Mette Krogvik</strong>"), std::string::npos);
  auto empty = randi.get("/personvern?from=2025-01-01&to=2025-01-02&log=1");
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("Ingen oppslag i dette utvalget."), std::string::npos);
}

TEST_F(PrivacyOfficer, BadInputIsAClearErrorNeverACrash) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  const auto before_count = scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE at_ms < 1750000000000");
  const auto people_before = scalar(database_url_, "SELECT COUNT(*) FROM person");
  struct Case {
    std::string query;
    std::string field;
  };
  const auto leo_sequence = scalar(database_url_, "SELECT MIN(sequence) FROM access_record WHERE log_id = 2");
  const std::vector<Case> cases{
      // Garbage dates.
      {"from=2025-13-01", "from"},
      {"from=01.01.2025", "from"},
      {"from=" + encode("2025-01-01' OR '1'='1"), "from"},
      {"to=2025-02-30", "to"},
      {"from=2025-02-01&to=2025-01-01", "to"},
      {"from=" + std::string(3000, '9'), "from"},
      // SQL in the person and child filters.
      {"person=" + encode("'; DROP TABLE access_record; --"), "person"},
      {"person=" + encode("Robert'); DROP TABLE person;--"), "person"},
      {"person=" + encode("' OR '1'='1"), "person"},
      {"person=" + encode("%' OR 1=1 --"), "person"},
      {"person=" + encode("1 OR 1=1"), "person"},
      {"person=" + encode("x' OR 'a"), "person"},  // only letters and quotes: a name nobody has
      {"person=Zyxwvut", "person"},
      {"person=999999", "person"},
      {"person=-1", "person"},
      {"person=" + std::string(500, 'a'), "person"},
      {"child=" + encode("1; DELETE FROM log"), "child"},
      {"child=Ingrid", "child"},  // a person, but no log is about her
      // Log numbers and units.
      {"log=abc", "log"},
      {"log=999", "log"},
      {"log=99999999999999999999999999", "log"},
      {"log=" + encode("1 OR 1=1"), "log"},
      {"unit=999", "unit"},
      {"unit=8", "unit"},  // Lauvåsen skule: serves Lauvåsen only
      {"unit=" + encode("2; --"), "unit"},
      // Unknown codes.
      {"action=delete", "action"},
      {"action=" + encode("view' OR '1'='1"), "action"},
      {"basis=" + encode("family\"--"), "basis"},
      {"basis=BREAK_GLASS", "basis"},
      // Huge or foreign page cursors.
      {"before=0", "before"},
      {"before=-5", "before"},
      {"before=99999999999999999999999999", "before"},
      {"before=9223372036854775807", "before"},
      {"before=" + encode("1 OR 1=1"), "before"},
  };
  for (const auto& c : cases) {
    auto r = api(randi, "/api/v1/privacy/accesses?" + c.query);
    EXPECT_EQ(r.status, 422) << c.query << ": " << r.body;
    const auto errors = boost::json::parse(r.body).at("errors").as_array();
    ASSERT_FALSE(errors.empty()) << c.query;
    EXPECT_EQ(errors[0].at("field").as_string(), c.field) << c.query;
    EXPECT_FALSE(errors[0].at("message").as_string().empty()) << c.query;
    auto page = randi.get("/personvern?" + c.query);
    EXPECT_EQ(page.status, 422) << c.query;
    EXPECT_NE(page.body.find("ds-error-summary"), std::string::npos) << c.query;
    EXPECT_EQ(page.body.find("access-list"), std::string::npos) << c.query << ": no list with an error";
    auto exported = api(randi, "/api/v1/privacy/accesses/export?format=csv&" + c.query);
    if (c.field != "before") {
      EXPECT_EQ(exported.status, 422) << c.query;
    }
  }
  // Plain words next to the field.
  auto page = randi.get("/personvern?person=" + encode("'; DROP TABLE access_record; --"));
  EXPECT_NE(page.body.find("Skriv et navn (bare bokstaver"), std::string::npos);
  EXPECT_NE(page.body.find("aria-invalid=\"true\""), std::string::npos);
  auto log = randi.get("/personvern?log=999");
  EXPECT_NE(log.body.find("Det finnes ingen stafettlogg med dette nummeret i din kommune."), std::string::npos);
  // A record of the officer's own municipality is a good cursor; the query
  // cannot be decoded at all: 400.
  EXPECT_EQ(api(randi, "/api/v1/privacy/accesses?before=" + std::to_string(leo_sequence)).status, 200);
  EXPECT_EQ(randi.get("/personvern?person=%FF").status, 400);
  EXPECT_EQ(api(randi, "/api/v1/privacy/accesses?from=%E0%80").status, 400);
  // Nothing was dropped or changed, and the server still answers.
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE at_ms < 1750000000000"), before_count);
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM person"), people_before);
  EXPECT_EQ(api(randi, std::string("/api/v1/privacy/accesses?") + kPeriod).status, 200);
}

TEST_F(PrivacyOfficer, NobodyElseSearchesOrExports) {
  const std::vector<std::string> pages{"/personvern", "/personvern/eksport?format=csv"};
  const std::vector<std::string> apis{"/api/v1/privacy/accesses", "/api/v1/privacy/accesses/export?format=json"};
  // The administrator, an employee in the log, the holder: employees, but not privacy officers.
  for (int employee : {kLiv, kIngrid, kMette}) {
    auto who = demo_log_in(port(), employee, "employee");
    for (const auto& p : pages) {
      auto r = who.get(p);
      EXPECT_EQ(r.status, 403) << employee << " " << p;
      EXPECT_EQ(r.body.find("Fjordstrand"), std::string::npos);
    }
    for (const auto& p : apis) EXPECT_EQ(api(who, p).status, 403) << employee << " " << p;
  }
  // A guardian: not even an attempt.
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  for (const auto& p : pages) EXPECT_EQ(hanne.get(p).status, 403) << p;
  for (const auto& p : apis) EXPECT_EQ(api(hanne, p).status, 403) << p;
  // Nobody logged in: the login page, or 401.
  for (const auto& p : pages) {
    auto r = get(port(), p);
    EXPECT_EQ(r.status, 303) << p;
    EXPECT_EQ(r.header("location"), "/logg-inn");
  }
  for (const auto& p : apis) EXPECT_EQ(get(port(), p).status, 401) << p;
}

TEST_F(PrivacyOfficer, AnotherMunicipalitysOfficerSeesNothingOfThisOne) {
  auto jonas = demo_log_in(port(), kJonas, "employee");
  auto r = api(jonas, "/api/v1/privacy/accesses?from=2024-01-01&to=2025-12-31");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(accesses(r).empty()) << "every demo log is Fjordvik's";
  EXPECT_EQ(boost::json::parse(r.body).at("municipalities").as_array()[0].at("name").as_string(), "Lauvåsen kommune");
  // Fjordvik's log numbers are answered as if they did not exist.
  auto log = api(jonas, "/api/v1/privacy/accesses?log=1");
  EXPECT_EQ(log.status, 422);
  EXPECT_EQ(boost::json::parse(log.body).at("errors").as_array()[0].at("field").as_string(), "log");
  EXPECT_EQ(api(jonas, "/api/v1/privacy/accesses?child=Nora").status, 422);
  EXPECT_EQ(api(jonas, "/api/v1/privacy/accesses?person=Ingrid").status, 422);
  // Fjordvik's records are no cursor for him.
  const auto fjordvik_sequence = scalar(database_url_, "SELECT MIN(sequence) FROM access_record WHERE log_id = 1");
  EXPECT_EQ(api(jonas, "/api/v1/privacy/accesses?before=" + std::to_string(fjordvik_sequence)).status, 422);
  auto csv = jonas.get("/personvern/eksport?format=csv&from=2024-01-01&to=2025-12-31");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.find("Fjordstrand"), std::string::npos);
  EXPECT_EQ(csv.body.find("Bakkeli"), std::string::npos);
  auto page = jonas.get("/personvern");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("Nora"), std::string::npos);

  // A log that moves to Lauvåsen takes its records along: Leo's log is
  // then Lauvåsen's officer's, and no longer Fjordvik's.
  execute(database_url_, "UPDATE log SET municipality_id = 2 WHERE id = 2");
  auto moved = accesses(api(jonas, std::string("/api/v1/privacy/accesses?") + kPeriod));
  auto randi = demo_log_in(port(), kRandi, "employee");
  auto left = accesses(api(randi, std::string("/api/v1/privacy/accesses?") + kPeriod));
  execute(database_url_, "UPDATE log SET municipality_id = 1 WHERE id = 2");
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].at("log").as_int64(), 2);
  EXPECT_EQ(moved[0].at("child_name").as_string(), "Leo Bakkeli");
  for (const auto& a : left) EXPECT_NE(a.at("log").as_int64(), 2);
  EXPECT_EQ(left.size(), 6u);
}

TEST_F(PrivacyOfficer, TheCsvExportIsExcelReadyQuotedAndFormulaSafe) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  auto r = randi.get(std::string("/personvern/eksport?format=csv&") + kPeriod);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "text/csv; charset=utf-8");
  const auto disposition = r.header("content-disposition").value_or("");
  EXPECT_EQ(disposition.rfind("attachment; filename=\"oppslag-", 0), 0u) << disposition;
  EXPECT_NE(disposition.find(".csv\""), std::string::npos);
  EXPECT_EQ(r.header("cache-control"), "no-store");
  const auto& b = r.body;
  ASSERT_EQ(b.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 with a byte order mark, for Excel";
  EXPECT_EQ(b.find("\xEF\xBB\xBF\"Løpenummer\",\"Tidspunkt (norsk tid)\",\"Person-ID\",\"Navn\""), 0u);
  // One header and seven records, each ending in CRLF.
  std::size_t rows = 0;
  for (std::size_t at = b.find("\r\n"); at != std::string::npos; at = b.find("\r\n", at + 2)) ++rows;
  EXPECT_EQ(rows, 8u);
  EXPECT_NE(b.find("\"2025-01-10 09:00:00\",\"1\",\"Ingrid Fjellstad\",\"Bidragsyter\",\"Fjordvik skole\",\"Skole\","
                   "\"Vist\",\"Deltaker med samtykke\",\"\",\"1\",\"11\",\"Nora Fjordstrand\",\"\",\"\""),
            std::string::npos);
  // The break-glass reason is a formula: it is made text, and its quotes doubled.
  EXPECT_NE(b.find("\"'=HYPERLINK(\"\"http://angriper.invalid\"\",\"\"Klikk\"\")\""), std::string::npos);
  EXPECT_EQ(b.find(",\"=HYPERLINK"), std::string::npos);
  EXPECT_NE(b.find("\"Mål\",\"" + std::to_string(goal_id_) + "\""), std::string::npos);
  EXPECT_EQ(b.find(kCanary), std::string::npos);
  EXPECT_EQ(b.find(kGoalText), std::string::npos);
  // The same filters as the search.
  auto one = randi.get(std::string("/personvern/eksport?format=csv&") + kPeriod + "&person=Krogvik");
  ASSERT_EQ(one.status, 200);
  std::size_t one_rows = 0;
  for (std::size_t at = one.body.find("\r\n"); at != std::string::npos; at = one.body.find("\r\n", at + 2)) ++one_rows;
  EXPECT_EQ(one_rows, 2u);
  // English headers in English.
  auto en = get(port(), std::string("/personvern/eksport?format=csv&") + kPeriod,
                {{"Cookie", randi.cookie + "; sprak=en"}});
  ASSERT_EQ(en.status, 200);
  EXPECT_NE(en.body.find("\"Sequence\",\"Time (Norwegian time)\""), std::string::npos);
  EXPECT_NE(en.header("content-disposition").value_or("").find("access-records-"), std::string::npos);
}

TEST_F(PrivacyOfficer, TheJsonExportHasTheSelectionAndItsFilter) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  auto r = api(randi, std::string("/api/v1/privacy/accesses/export?format=json&") + kPeriod + "&log=1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.header("content-disposition").value_or("").find("attachment; filename=\"oppslag-"), std::string::npos);
  const auto body = boost::json::parse(r.body).as_object();
  EXPECT_EQ(body.at("accesses").as_array().size(), 5u);
  EXPECT_EQ(body.at("exported_by").as_int64(), kRandi);
  EXPECT_EQ(body.at("filter").at("log").as_string(), "1");
  EXPECT_EQ(body.at("filter").at("from").as_string(), "2025-01-01");
  EXPECT_EQ(r.body.find(kCanary), std::string::npos);
  // The page's export link gives the same as a file.
  auto page_export = randi.get(std::string("/personvern/eksport?format=json&") + kPeriod + "&log=1");
  ASSERT_EQ(page_export.status, 200);
  EXPECT_EQ(boost::json::parse(page_export.body).at("accesses").as_array().size(), 5u);
  // An export is the whole selection: more than a page, without a cursor.
  auto all = api(randi, "/api/v1/privacy/accesses/export?format=json&from=2024-01-01&to=2024-12-31");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(boost::json::parse(all.body).at("accesses").as_array().size(), 205u);
  // A format that is neither: a field error, on the page and as JSON.
  auto bad = api(randi, "/api/v1/privacy/accesses/export?format=xlsx");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(boost::json::parse(bad.body).at("errors").as_array()[0].at("field").as_string(), "format");
  auto bad_page = randi.get("/personvern/eksport?format=xlsx");
  EXPECT_EQ(bad_page.status, 422);
  EXPECT_NE(bad_page.body.find("Velg CSV eller JSON som format."), std::string::npos);
  auto bad_date = randi.get("/personvern/eksport?format=csv&from=2025-02-30");
  EXPECT_EQ(bad_date.status, 422);
  EXPECT_NE(bad_date.body.find("Fra-datoen er ikke en gyldig dato."), std::string::npos);
}

TEST_F(PrivacyOfficer, OlderAccessesArePagedWithACursorKeepingTheFilter) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  const std::string filter = "from=2024-01-01&to=2024-12-31&person=" + encode("Ole Brattli");
  auto first = api(randi, "/api/v1/privacy/accesses?" + filter);
  ASSERT_EQ(first.status, 200);
  const auto body = boost::json::parse(first.body).as_object();
  const auto page1 = body.at("accesses").as_array();
  ASSERT_EQ(page1.size(), 200u);
  ASSERT_TRUE(body.contains("older_before"));
  const auto cursor = body.at("older_before").as_int64();
  EXPECT_EQ(page1.back().at("sequence").as_int64(), cursor);
  auto second = api(randi, "/api/v1/privacy/accesses?" + filter + "&before=" + std::to_string(cursor));
  ASSERT_EQ(second.status, 200);
  const auto body2 = boost::json::parse(second.body).as_object();
  EXPECT_EQ(body2.at("accesses").as_array().size(), 5u);
  EXPECT_FALSE(body2.contains("older_before"));
  auto page = randi.get("/personvern?" + filter);
  EXPECT_NE(page.body.find("/personvern?person=Ole%20Brattli&amp;from=2024-01-01&amp;to=2024-12-31&amp;before=" +
                           std::to_string(cursor)),
            std::string::npos);
}

TEST_F(PrivacyOfficer, SearchingAndExportingLeaveNoAccessRecordButAServerLogLine) {
  auto randi = demo_log_in(port(), kRandi, "employee");
  const auto before = records_now();
  EXPECT_EQ(randi.get(std::string("/personvern?") + kPeriod + "&person=Ingrid").status, 200);
  EXPECT_EQ(api(randi, std::string("/api/v1/privacy/accesses?") + kPeriod).status, 200);
  EXPECT_EQ(randi.get(std::string("/personvern/eksport?format=csv&") + kPeriod + "&log=1").status, 200);
  EXPECT_EQ(records_now(), before) << "access records are not the child's data: nothing new in the chain";
  const auto log = server_->output();
  EXPECT_NE(log.find("privacy officer 19 searched access records: 2 record(s); from=2025-01-01 to=2025-02-28 log=- "
                     "unit=- person=(name)"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("privacy officer 19 exported (csv) access records: 5 record(s)"), std::string::npos);
  EXPECT_EQ(log.find("person=Ingrid"), std::string::npos) << "never a name typed into the filter";
}

}  // namespace
}  // namespace stafett::testing
