// Retention (issue 6, item 6) through the use cases, on both databases, with
// the demo data, the real access chain and a clock the test moves: what a
// run removes and what it never touches, that the chain still verifies after
// and that a removal done any other way is found, the dry run, and the
// administrator's settings.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/access_chain.h"
#include "app/access_history.h"
#include "app/admin_use_cases.h"
#include "app/content_fingerprint.h"
#include "app/content_use_cases.h"
#include "app/log_use_cases.h"
#include "app/retention.h"
#include "crypto/checkpoint_key.h"
#include "store/retention_repository.h"
#include "support/collecting_trail.h"
#include "support/db_probe.h"
#include "support/demo_database.h"
#include "support/server_process.h"
#include "support/test_database.h"

namespace stafett {
namespace {

using domain::LogId;
using domain::PersonId;
using policy::Actor;
using policy::ActorKind;
using store::Transaction;
using store::TxMode;
using namespace std::chrono;

// Demo ids in seeding order (src/app/demo_seed.cc).
constexpr PersonId kIngrid{1}, kSara{3}, kLiv{8}, kMaria{14};
constexpr LogId kNorasLog{1}, kSofiesLog{3};
constexpr domain::MunicipalityId kFjordvik{1};

Actor employee(PersonId p) { return Actor{ActorKind::kEmployee, p}; }
Actor citizen(PersonId p) { return Actor{ActorKind::kCitizen, p}; }

class Retention : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::demo_database(keys_, clock_);
    trail_.emplace(*db_);
  }

  std::int64_t scalar(const std::string& sql) { return testing::scalar_in(*db_, sql); }
  Result<void> execute(const std::string& sql) { return testing::try_execute(*db_, sql); }
  void settings(std::optional<int> logs, std::optional<int> records) {
    ASSERT_TRUE(db_->transact(TxMode::kWrite, [&](Transaction& tx) {
      return store::save_retention_settings(tx, kFjordvik, {logs, records}, std::nullopt, clock_.now());
    }));
  }
  crypto::ChainBreak chain() {
    auto r = app::verify_access_chain(*db_, {}, key_.public_key());
    EXPECT_TRUE(r) << r.error().detail;
    return r ? r->kind : crypto::ChainBreak::kNone;
  }
  // Sara and Sofie's mother read Sofie's log, Sara adds a goal, and Sara closes it.
  void use_and_close_sofies_log() {
    ASSERT_TRUE(app::show_log(*db_, *trail_, employee(kSara), kSofiesLog, clock_));
    ASSERT_TRUE(app::show_log(*db_, *trail_, citizen(kMaria), kSofiesLog, clock_));
    auto goal = app::add_goal(*db_, *trail_, employee(kSara), kSofiesLog, {"Sofie sover godt", "active"}, clock_);
    ASSERT_TRUE(goal) << goal.error().detail;
    clock_.advance(hours(1));
    ASSERT_TRUE(app::close_log(*db_, *trail_, employee(kSara), kSofiesLog, "Målene er nådd", clock_));
  }
  std::int64_t rows_of_sofies_log() {
    std::int64_t n = 0;
    for (const char* table : {"entry", "consent", "participant", "log_event", "log_holder", "handover"}) {
      n += scalar(std::string("SELECT COUNT(*) FROM ") + table + " WHERE log_id = 3");
    }
    return n + scalar("SELECT COUNT(*) FROM log WHERE id = 3");
  }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(13);
  const crypto::CheckpointKey key_ = crypto::CheckpointKey::for_testing(9);
  FixedClock clock_{from_unix_ms(1'795'300'000'000)};
  std::unique_ptr<store::Database> db_;
  std::optional<testing::ChainingTrail> trail_;
};

TEST_F(Retention, NothingIsRemovedUntilTheMunicipalityDecides) {
  use_and_close_sofies_log();
  clock_.advance(days(40000));
  auto report = app::run_retention(*db_, clock_, false);
  ASSERT_TRUE(report) << report.error().detail;
  EXPECT_TRUE(report->actions.empty());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM log WHERE id = 3"), 1);
}

TEST_F(Retention, AClosedLogPastRetentionIsRemovedAndTheChainStillVerifies) {
  use_and_close_sofies_log();
  settings(30, std::nullopt);
  const auto nora_before = scalar("SELECT COUNT(*) FROM entry WHERE log_id = 1");
  const auto sofie_records = scalar("SELECT COUNT(*) FROM access_record WHERE log_id = 3");
  ASSERT_GE(sofie_records, 4) << "two reads, the goal and the closing";
  const auto chain_length = scalar("SELECT COUNT(*) FROM access_record");

  clock_.advance(days(29));
  auto early = app::run_retention(*db_, clock_, false);
  ASSERT_TRUE(early);
  EXPECT_TRUE(early->actions.empty()) << "not yet 30 days";

  clock_.advance(days(2));
  auto dry = app::run_retention(*db_, clock_, true);
  ASSERT_TRUE(dry);
  ASSERT_EQ(dry->actions.size(), 1u);
  EXPECT_TRUE(dry->actions[0].log_removed);
  EXPECT_EQ(static_cast<std::int64_t>(dry->actions[0].access_records_removed), sofie_records);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM log WHERE id = 3"), 1) << "a dry run changes nothing";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_record"), chain_length);

  auto run = app::run_retention(*db_, clock_, false);
  ASSERT_TRUE(run) << run.error().detail;
  ASSERT_EQ(run->actions.size(), 1u);
  EXPECT_EQ(run->actions[0].log, kSofiesLog);
  EXPECT_EQ(rows_of_sofies_log(), 0) << "every row of the log";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM break_glass_access WHERE log_id = 3"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM person WHERE id IN (14, 16)"), 2) << "the register stays";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM entry WHERE log_id = 1"), nora_before) << "the open log is untouched";

  // The records keep their place; their bytes are gone; one event says so.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_record"), chain_length + 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_record WHERE action = 'redacted'"), sofie_records);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_record WHERE child_id = 16"), 0) << "nothing names Sofie";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_record WHERE action = 'remove' AND log_id = 3 AND person_id = 0"), 1);
  EXPECT_EQ(chain(), crypto::ChainBreak::kNone);
  auto content = app::verify_entry_content(*db_);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->kind, app::ContentBreak::kNone);

  // Running again finds nothing more.
  auto again = app::run_retention(*db_, clock_, false);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->actions.empty());
  EXPECT_EQ(chain(), crypto::ChainBreak::kNone);
}

TEST_F(Retention, AnOpenLogIsNeverRemoved) {
  settings(30, 30);
  ASSERT_TRUE(app::show_log(*db_, *trail_, employee(kIngrid), kNorasLog, clock_));
  clock_.advance(days(4000));
  auto run = app::run_retention(*db_, clock_, false);
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->actions.empty());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_record WHERE log_id = 1 AND action = 'view'"), 1);
  // Not even through the store, with the gate open.
  auto direct = db_->transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    if (auto g = store::open_retention_gate(tx); !g) return g;
    return store::delete_closed_log(tx, kNorasLog);
  });
  ASSERT_FALSE(direct);
  EXPECT_EQ(direct.error().code, Errc::kConflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM log WHERE id = 1"), 1);
}

TEST_F(Retention, TheAppendOnlyRulesStillHoldOutsideARun) {
  use_and_close_sofies_log();
  EXPECT_FALSE(execute("DELETE FROM entry WHERE log_id = 3"));
  EXPECT_FALSE(execute("DELETE FROM log_event WHERE log_id = 3"));
  EXPECT_FALSE(execute("DELETE FROM log WHERE id = 3"));
  EXPECT_FALSE(execute("UPDATE entry_version SET body = '{}'"));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM retention_gate"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM entry WHERE log_id = 3"), 1);
}

TEST_F(Retention, OldReadsOfAClosedLogGoAndItsChangesStay) {
  use_and_close_sofies_log();
  settings(std::nullopt, 30);
  clock_.advance(days(20));
  ASSERT_TRUE(app::show_log(*db_, *trail_, citizen(kMaria), kSofiesLog, clock_)) << "the family still reads it";
  clock_.advance(days(11));
  auto run = app::run_retention(*db_, clock_, false);
  ASSERT_TRUE(run) << run.error().detail;
  ASSERT_EQ(run->actions.size(), 1u);
  EXPECT_FALSE(run->actions[0].log_removed);
  EXPECT_EQ(run->actions[0].access_records_removed, 2u) << "the two reads older than 30 days";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM log WHERE id = 3"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_record WHERE log_id = 3 AND action = 'view'"), 1) << "the new read";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_record WHERE log_id = 3 AND action = 'create'"), 1) << "changes stay";
  EXPECT_EQ(chain(), crypto::ChainBreak::kNone);
  auto content = app::verify_entry_content(*db_);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->kind, app::ContentBreak::kNone);
  // The family's page lists what is left, and no removal event.
  auto seen = app::log_accesses(*db_, citizen(kMaria), kSofiesLog, {}, clock_);
  ASSERT_TRUE(seen) << seen.error().detail;
  for (const auto& line : seen->lines) EXPECT_NE(line.person.value, 0) << "no line for the removal itself";
}

TEST_F(Retention, ARemovalDoneAnyOtherWayIsFound) {
  ASSERT_TRUE(app::show_log(*db_, *trail_, employee(kIngrid), kNorasLog, clock_));
  use_and_close_sofies_log();
  settings(30, std::nullopt);
  clock_.advance(days(31));
  ASSERT_TRUE(app::run_retention(*db_, clock_, false));
  ASSERT_EQ(chain(), crypto::ChainBreak::kNone);
  const auto event = scalar("SELECT sequence FROM access_record WHERE action = 'remove'");
  // Someone blanks a record of Nora's log and names the real removal event.
  const auto nora = scalar("SELECT MIN(sequence) FROM access_record WHERE log_id = 1");
  ASSERT_TRUE(execute("UPDATE access_record SET record = '{\"redacted_by\":" + std::to_string(event) +
                      "}' WHERE sequence = " + std::to_string(nora)));
  auto report = app::verify_access_chain(*db_, {}, key_.public_key());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->kind, crypto::ChainBreak::kUnaccountedRemoval);
  EXPECT_LE(report->sequence, static_cast<std::uint64_t>(nora)) << "at or before the blanked record";
}

TEST_F(Retention, ARedactionNamingNoRemovalEventIsFound) {
  ASSERT_TRUE(app::show_log(*db_, *trail_, employee(kIngrid), kNorasLog, clock_));
  ASSERT_TRUE(app::show_log(*db_, *trail_, employee(kIngrid), kNorasLog, clock_));
  const auto first = scalar("SELECT MIN(sequence) FROM access_record");
  ASSERT_TRUE(execute("UPDATE access_record SET record = '{\"redacted_by\":999999}' WHERE sequence = " +
                      std::to_string(first)));
  auto report = app::verify_access_chain(*db_, {}, key_.public_key());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->kind, crypto::ChainBreak::kUnaccountedRemoval);
  EXPECT_EQ(report->sequence, static_cast<std::uint64_t>(first));
}

TEST_F(Retention, TheAdministratorSetsItWithinSensibleBounds) {
  auto saved = app::save_retention(*db_, employee(kLiv), kFjordvik, "3650", "", clock_);
  ASSERT_TRUE(saved) << saved.error().detail;
  EXPECT_TRUE(saved->empty());
  auto list = app::administered_municipalities(*db_, employee(kLiv), clock_);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->front().retention.closed_log_days, 3650);
  EXPECT_FALSE(list->front().retention.access_record_days);
  for (const char* bad : {"29", "36501", "-5", "1e3", "30 ", "'; DROP TABLE log;--", "99999999999"}) {
    auto r = app::save_retention(*db_, employee(kLiv), kFjordvik, bad, "", clock_);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 1u) << bad;
    EXPECT_EQ((*r)[0].field, "closed_log_days");
  }
  auto refused = app::save_retention(*db_, employee(kIngrid), kFjordvik, "30", "30", clock_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kForbidden);
  EXPECT_EQ(scalar("SELECT closed_log_days FROM retention_settings WHERE municipality_id = 1"), 3650);
}

// `stafett retention run`, the operator's command, on a database the test
// prepared: Sofie's log closed 60 days ago, a 30-day retention.
TEST(RetentionCommand, ADryRunChangesNothingAndARunRemovesWhatIsDue) {
  const crypto::DataKeys keys = crypto::DataKeys::for_testing(14);
  const SystemClock now;
  std::string url;
  auto db = testing::demo_database(keys, now, &url);
  testing::ChainingTrail trail(*db);
  const FixedClock then(now.now() - days(60));
  ASSERT_TRUE(app::show_log(*db, trail, employee(kSara), kSofiesLog, then));
  ASSERT_TRUE(app::close_log(*db, trail, employee(kSara), kSofiesLog, "Avsluttet", then));
  ASSERT_TRUE(db->transact(TxMode::kWrite, [&](Transaction& tx) {
    return store::save_retention_settings(tx, kFjordvik, {30, std::nullopt}, std::nullopt, now.now());
  }));
  const std::string dir = testing::make_temp_dir();
  const auto run = [&](std::vector<std::string> extra, const std::string& name, const std::string& on = "") {
    std::vector<std::string> args = {"retention", "run", "--database-url", on.empty() ? url : on};
    args.insert(args.end(), extra.begin(), extra.end());
    const int status = testing::run_stafett(args, dir + "/" + name);
    std::ifstream in(dir + "/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return std::pair{status, text.str()};
  };
  auto [dry_status, dry] = run({"--dry-run"}, "dry.log");
  EXPECT_EQ(dry_status, 0) << dry;
  EXPECT_NE(dry.find("would remove log 3 (municipality 1) and its 2 access record(s)"), std::string::npos) << dry;
  EXPECT_NE(dry.find("dry run: nothing changed; 1 closed log(s) and 2 access record(s) due"), std::string::npos) << dry;
  auto count = [&](const std::string& sql) { return testing::scalar_in(*db, sql); };
  EXPECT_EQ(count("SELECT COUNT(*) FROM log WHERE id = 3"), 1);

  auto [status, out] = run({}, "run.log");
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("removed log 3 (municipality 1) and its 2 access record(s)"), std::string::npos) << out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM log WHERE id = 3"), 0);
  auto chain = app::verify_access_chain(*db, {}, crypto::CheckpointKey::for_testing(2).public_key());
  ASSERT_TRUE(chain);
  EXPECT_EQ(chain->kind, crypto::ChainBreak::kNone);

  auto [bad_status, bad] = run({}, "bad.log", "nosuchscheme:x");
  EXPECT_EQ(bad_status, 2) << bad;
}

}  // namespace
}  // namespace stafett
