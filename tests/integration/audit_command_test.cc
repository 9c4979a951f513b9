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
#include "support/access_records.h"
#include "support/server_process.h"

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

}  // namespace
}  // namespace stafett
