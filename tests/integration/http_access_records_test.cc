// Every read of a child's log through the web is recorded in the access chain
// before anything is shown: exactly one record per request, naming who (and
// as what, for which unit), on what basis, what and how, from which login,
// and never the content or the session token. When no record can be written
// the request fails with 503 and shows nothing.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/access_chain.h"
#include "server_fixture.h"
#include "store/database.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;  // holder of Nora's log (log 1), school unit 2
constexpr int kHanne = 9;   // Nora's mother
constexpr std::int64_t kNora = 11;

class AccessRecords : public ServerSuite<AccessRecords> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static std::int64_t records() { return scalar(database_url_, "SELECT COUNT(*) FROM access_record"); }
  // The newest record as stored: the canonical JSON the chain covers.
  static boost::json::object newest() { return newest_access_record(database_url_); }
};

TEST_F(AccessRecords, AnEmployeeReadingTheLogIsRecordedOnceWithWhoAndWhy) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto before = records();
  auto page = ingrid.get("/logger/1");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(records(), before + 1) << "exactly one record for one page";
  const auto r = newest();
  EXPECT_EQ(r.at("person").as_int64(), kIngrid);
  EXPECT_EQ(r.at("child").as_int64(), kNora);
  EXPECT_EQ(r.at("log").as_int64(), 1);
  EXPECT_EQ(r.at("action").as_string(), "view");
  EXPECT_EQ(r.at("basis").as_string(), "participation");
  EXPECT_EQ(r.at("role").as_string(), "contributor");
  EXPECT_EQ(r.at("unit").as_int64(), 2);
  EXPECT_EQ(r.at("service").as_string(), "school");
  EXPECT_TRUE(r.at("consent").is_int64()) << "the consent the participation rests on";
  EXPECT_EQ(r.at("idp").as_string(), "demo");
  EXPECT_EQ(r.at("acr").as_string(), "demo");
  // The session appears only as a hash, never as the token in the cookie.
  const std::string hash(r.at("session").as_string());
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(ingrid.cookie.find(hash), std::string::npos);
  // Never the content: no names, no text of the log.
  const std::string stored = boost::json::serialize(r);
  EXPECT_EQ(stored.find("Nora"), std::string::npos);
  EXPECT_EQ(stored.find("Fjordstrand"), std::string::npos);
}

TEST_F(AccessRecords, TheFamilyReadsByItsOwnRight) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  const auto before = records();
  ASSERT_EQ(hanne.get("/api/v1/logs/1").status, 200);
  EXPECT_EQ(records(), before + 1);
  const auto r = newest();
  EXPECT_EQ(r.at("person").as_int64(), kHanne);
  EXPECT_EQ(r.at("basis").as_string(), "family");
  EXPECT_EQ(r.at("role").as_string(), "guardian");
  EXPECT_TRUE(r.at("unit").is_null());
}

TEST_F(AccessRecords, EachReadingRouteRecordsItsAction) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  struct Case {
    std::string path;
    std::string action;
  };
  for (const auto& c : std::vector<Case>{{"/logger/1", "view"},
                                         {"/logger/1/utskrift", "print"},
                                         {"/logger/1/deltakere", "view"},
                                         {"/logger/1/tiltak/ny", "view"},
                                         {"/api/v1/logs/1", "view"},
                                         {"/api/v1/logs/1/timeline", "view"}}) {
    const auto before = records();
    auto r = c.path.starts_with("/api/") ? get(port(), c.path, {{"Cookie", ingrid.cookie}, {"Accept", "application/json"}})
                                         : ingrid.get(c.path);
    EXPECT_EQ(r.status, 200) << c.path;
    EXPECT_EQ(records(), before + 1) << c.path;
    const auto record = newest();
    EXPECT_EQ(record.at("action").as_string(), c.action) << c.path;
    EXPECT_EQ(record.at("log").as_int64(), 1) << c.path;
  }
}

TEST_F(AccessRecords, ARefusedReadRecordsNothing) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  const auto before = records();
  EXPECT_EQ(hanne.get("/logger/2").status, 403) << "Leo's log is not hers";
  EXPECT_EQ(hanne.get("/logger/999999").status, 403) << "no such log: the same answer as not hers";
  EXPECT_EQ(records(), before);
}

TEST_F(AccessRecords, NoRecordNoAccess) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  ASSERT_EQ(ingrid.get("/logger/1").status, 200);
  auto note = ingrid.json("/api/v1/logs/1/notes", R"({"date":"2026-11-20","type":"observation","text":"Sliten i timen"})");
  ASSERT_EQ(note.status, 201);
  const auto entry = std::to_string(boost::json::parse(note.body).at("id").as_int64());
  // The access table cannot be written (as with a full disk or a broken
  // table): reading fails with 503 and shows nothing of the log.
  execute(database_url_, "ALTER TABLE access_record RENAME TO access_record_away");
  auto page = ingrid.get("/logger/1");
  auto api = get(port(), "/api/v1/logs/1", {{"Cookie", ingrid.cookie}, {"Accept", "application/json"}});
  auto print = ingrid.get("/logger/1/utskrift");
  // The reads of single records too: the paper consent form (the child and
  // her guardians), the family's consent form, an entry's correction form.
  auto paper = ingrid.get("/logger/1/samtykker/papir");
  auto consent = hanne.get("/logger/1/samtykke");
  auto correction = ingrid.get("/logger/1/innslag/" + entry + "/rett");
  execute(database_url_, "ALTER TABLE access_record_away RENAME TO access_record");
  EXPECT_EQ(paper.status, 503);
  EXPECT_EQ(paper.body.find("Nora"), std::string::npos);
  EXPECT_EQ(paper.body.find("Hanne Fjordstrand"), std::string::npos);
  EXPECT_EQ(consent.status, 503);
  EXPECT_EQ(correction.status, 503);
  EXPECT_EQ(correction.body.find("Sliten i timen"), std::string::npos);
  EXPECT_EQ(page.status, 503);
  EXPECT_EQ(page.body.find("Nora"), std::string::npos) << "no data without a record";
  EXPECT_EQ(api.status, 503);
  EXPECT_EQ(api.body.find("Nora"), std::string::npos);
  EXPECT_EQ(print.status, 503);
  EXPECT_EQ(print.body.find("Nora"), std::string::npos);
  // Once records can be written again, so can the log be read.
  const auto before = records();
  EXPECT_EQ(ingrid.get("/logger/1").status, 200);
  EXPECT_EQ(records(), before + 1);
}

TEST_F(AccessRecords, AChangeIsRecordedInItsOwnTransaction) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto before = records();
  const auto entries = scalar(database_url_, "SELECT COUNT(*) FROM entry");
  ASSERT_EQ(ingrid.form("/logger/1/mal", "text=Nora+leser+en+bok+i+uka").status, 303);
  EXPECT_EQ(records(), before + 1) << "one record for the change";
  const auto r = newest();
  EXPECT_EQ(r.at("action").as_string(), "create");
  EXPECT_EQ(r.at("kind").as_string(), "goal");
  EXPECT_EQ(r.at("record").as_int64(), scalar(database_url_, "SELECT MAX(id) FROM entry"));
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM entry"), entries + 1);
  const std::string stored = boost::json::serialize(r);
  EXPECT_EQ(stored.find("leser"), std::string::npos) << "never the content";

  // A field error changes nothing and records nothing but the page shown again.
  EXPECT_EQ(ingrid.form("/logger/1/mal", "text=").status, 422);
  EXPECT_EQ(records(), before + 2);
  EXPECT_EQ(newest().at("action").as_string(), "view");

  // A change that cannot be recorded does not happen.
  execute(database_url_, "ALTER TABLE access_record RENAME TO access_record_away");
  auto refused = ingrid.form("/logger/1/mal", "text=Skal+ikke+lagres");
  auto api = ingrid.json("/api/v1/logs/1/goals", R"({"text":"Skal heller ikke lagres"})");
  execute(database_url_, "ALTER TABLE access_record_away RENAME TO access_record");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(api.status, 503);
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM entry"), entries + 1) << "nothing written";
}

TEST_F(AccessRecords, ConsentChangesAndLogChangesAreNamedSo) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  ASSERT_EQ(ingrid.form("/logger/1/niva", "level=3&reason=Trenger+mer+hjelp").status, 303);
  EXPECT_EQ(newest().at("action").as_string(), "change");
  EXPECT_TRUE(newest().at("kind").is_null());
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  const auto consent = scalar(database_url_,
                              "SELECT MAX(c.id) FROM consent c WHERE c.log_id = 1 AND c.given_by_person_id = 9"
                              " AND NOT EXISTS (SELECT 1 FROM consent_withdrawal w WHERE w.consent_id = c.id)");
  ASSERT_GT(consent, 0);
  ASSERT_EQ(hanne.form("/logger/1/samtykker/" + std::to_string(consent) + "/trekk-tilbake", "").status, 303);
  const auto r = newest();
  EXPECT_EQ(r.at("action").as_string(), "consent_change");
  EXPECT_EQ(r.at("basis").as_string(), "family");
  EXPECT_EQ(r.at("person").as_int64(), kHanne);
}

// Declared last: every record the tests above caused is chained intact.
TEST_F(AccessRecords, TheChainOfEveryRecordIsIntact) {
  auto db = store::open_database(database_url_);
  ASSERT_TRUE(db);
  ASSERT_GT(records(), 5);
  auto report = app::verify_access_chain(**db, {}, crypto::PublicKey{});
  ASSERT_TRUE(report) << report.error().detail;
  EXPECT_EQ(report->kind, crypto::ChainBreak::kNone) << crypto::chain_break_name(report->kind);
  EXPECT_EQ(static_cast<std::int64_t>(report->records_checked), records());
}

}  // namespace
}  // namespace stafett::testing
