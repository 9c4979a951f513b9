// `stafett audit checkpoint` and `stafett audit verify` as an operator runs
// them: the real binary on a database of the backend named by
// STAFETT_TEST_BACKEND, with the key and checkpoint files outside it. Exit
// 0 intact, 1 broken (with the first break in the report), 2 cannot check.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/access_chain.h"
#include "app/content_use_cases.h"
#include "app/corrections.h"
#include "app/demo_seed.h"
#include "crypto/data_keys.h"
#include "support/access_records.h"
#include "support/collecting_trail.h"
#include "support/server_process.h"
#include "support/test_database.h"

namespace stafett {
namespace {

class AuditCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::fresh_database_url();
    db_ = testing::migrated_database(url_);
    dir_ = testing::make_temp_dir();
    std::vector<domain::AccessRecord> records;
    for (std::int64_t i = 1; i <= 12; ++i) records.push_back(testing::sample_access_record(i));
    auto r = app::append_access_records(*db_, records);
    if (!r) throw std::runtime_error(r.error().detail);
  }

  // Runs `stafett audit <what>` with the global options after the
  // subcommand (as an operator may type them); returns the exit status and
  // leaves stdout and stderr in output_.
  int audit(const std::string& what, const std::string& key_file = "") {
    const std::string log = dir_ + "/" + what + "-" + std::to_string(++runs_) + ".log";
    const int status = testing::run_stafett(
        {"audit", what, "--database-url", url_, "--checkpoint-key-file", key_file.empty() ? dir_ + "/checkpoint.key" : key_file,
         "--checkpoint-file", dir_ + "/checkpoints.txt"},
        log);
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    output_ = text.str();
    return status;
  }

  std::string url_, dir_, output_;
  std::unique_ptr<store::Database> db_;
  int runs_ = 0;
};

TEST_F(AuditCommand, VerifyWithoutAKeyFileCannotCheck) {
  EXPECT_EQ(audit("verify"), 2) << output_;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/checkpoint.key")) << "verify never creates a key";
}

TEST_F(AuditCommand, AnIntactChainPassesAndATamperedOneFails) {
  ASSERT_EQ(audit("checkpoint"), 0) << output_;
  EXPECT_NE(output_.find("checkpoint: record 12"), std::string::npos) << output_;
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/checkpoint.key"));

  ASSERT_EQ(audit("verify"), 0) << output_;
  EXPECT_NE(output_.find("records checked: 12\n"), std::string::npos) << output_;
  EXPECT_NE(output_.find("checkpoints: 1, the latest at record 12\n"), std::string::npos) << output_;
  EXPECT_NE(output_.find("result: intact\n"), std::string::npos) << output_;

  testing::execute_sql(*db_, "UPDATE access_record SET record = replace(record, '\"role\":', '\"role\":\"x') WHERE sequence = 5");
  EXPECT_EQ(audit("verify"), 1) << output_;
  EXPECT_NE(output_.find("first break: edited_record at record 5\n"), std::string::npos) << output_;
  EXPECT_NE(output_.find("result: BROKEN\n"), std::string::npos) << output_;
}

TEST_F(AuditCommand, ACutOffEndFailsThroughTheCheckpointFile) {
  ASSERT_EQ(audit("checkpoint"), 0) << output_;
  testing::execute_sql(*db_, "DELETE FROM access_record WHERE sequence > 9");
  EXPECT_EQ(audit("verify"), 1) << output_;
  EXPECT_NE(output_.find("first break: truncated at record 12\n"), std::string::npos) << output_;
}

TEST_F(AuditCommand, ADamagedCheckpointFileIsABreakNotASkip) {
  ASSERT_EQ(audit("checkpoint"), 0) << output_;
  std::ofstream(dir_ + "/checkpoints.txt", std::ios::app) << "12 not-a-checkpoint\n";
  EXPECT_EQ(audit("verify"), 1) << output_;
  EXPECT_NE(output_.find("checkpoints.txt:2:"), std::string::npos) << output_;
}

// The chain also vouches for the content: the record of each new version
// carries its fingerprint, so an entry edited in SQL (triggers and all
// dropped, as a database administrator could), or a version slipped in
// beside Stafett, is found, and the report names the record and the entry.
TEST_F(AuditCommand, ContentEditedOrSlippedInOutsideStafettIsFound) {
  const crypto::DataKeys keys = crypto::DataKeys::for_testing(5);
  const FixedClock clock{from_unix_ms(1'795'000'000'000)};
  ASSERT_TRUE(app::seed_demo(*db_, keys, clock));
  testing::ChainingTrail trail(*db_);
  const policy::Actor ingrid{policy::ActorKind::kEmployee, domain::PersonId{1}};
  auto goal = app::add_goal(*db_, trail, ingrid, domain::LogId{1}, {"Nora leser en bok i uka", "active"}, clock);
  ASSERT_TRUE(goal && goal->errors.empty());
  const std::string id = std::to_string(goal->entry->value);
  auto corrected = app::correct_goal(*db_, trail, ingrid, domain::LogId{1},
                                     {*goal->entry, 1, "Skrivefeil"}, {"Nora leser to bøker i uka", "active"}, clock);
  ASSERT_TRUE(corrected && corrected->errors.empty()) << (corrected ? "" : corrected.error().detail);
  ASSERT_EQ(audit("checkpoint"), 0) << output_;
  ASSERT_EQ(audit("verify"), 0) << output_;
  EXPECT_NE(output_.find("entry versions checked against the chain: 2\n"), std::string::npos) << output_;
  EXPECT_NE(output_.find("first content break: none\n"), std::string::npos) << output_;
  const std::string created_at = "13";  // 12 sample records, then the goal's

  if (testing::backend_under_test() == testing::TestBackend::kSqlite) {
    testing::execute_sql(*db_, "DROP TRIGGER entry_version_no_update");
    testing::execute_sql(*db_, "DROP TRIGGER entry_no_update");
  } else {
    testing::execute_sql(*db_, "ALTER TABLE entry_version DISABLE TRIGGER entry_version_append_only");
    testing::execute_sql(*db_, "ALTER TABLE entry DISABLE TRIGGER entry_append_only");
  }
  // One word of the first version.
  testing::execute_sql(*db_, "UPDATE entry_version SET body = replace(body, 'en bok', 'ei bok') WHERE entry_id = " + id +
                                 " AND version = 1");
  EXPECT_EQ(audit("verify"), 1) << output_;
  EXPECT_NE(output_.find("first break: none\n"), std::string::npos) << "the chain itself is whole: " << output_;
  EXPECT_NE(output_.find("first content break: changed content of entry " + id + ", recorded at record " + created_at + "\n"),
            std::string::npos) << output_;
  EXPECT_NE(output_.find("result: BROKEN\n"), std::string::npos) << output_;
  testing::execute_sql(*db_, "UPDATE entry_version SET body = replace(body, 'ei bok', 'en bok') WHERE entry_id = " + id +
                                 " AND version = 1");
  ASSERT_EQ(audit("verify"), 0) << "undone: " << output_;

  // The entry's own facts: a goal made to look hidden from the guardians.
  testing::execute_sql(*db_, "UPDATE entry SET visibility = 'hidden_from_guardians', hidden_reason = 'x', "
                             "legal_reference = 'y' WHERE id = " + id);
  EXPECT_EQ(audit("verify"), 1) << output_;
  EXPECT_NE(output_.find("first content break: changed content of entry " + id), std::string::npos) << output_;
  testing::execute_sql(*db_, "UPDATE entry SET visibility = 'everyone', hidden_reason = NULL, legal_reference = NULL "
                             "WHERE id = " + id);
  ASSERT_EQ(audit("verify"), 0) << "undone: " << output_;

  // A third version nobody recorded.
  testing::execute_sql(*db_, "INSERT INTO entry_version (entry_id, version, body, author_person_id, created_at_ms, "
                             "correction_reason) SELECT entry_id, 3, body, author_person_id, created_at_ms + 1, 'x' "
                             "FROM entry_version WHERE entry_id = " + id + " AND version = 2");
  EXPECT_EQ(audit("verify"), 1) << output_;
  EXPECT_NE(output_.find("first content break: unrecorded content: entry " + id + " version 3 is in no record\n"),
            std::string::npos) << output_;
}

}  // namespace
}  // namespace stafett
