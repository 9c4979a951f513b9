// AccessLog (app/access_log.h) on the backend named by STAFETT_TEST_BACKEND:
// concurrent callers share commits and still get one contiguous chain, and
// when the access table cannot be written record() fails (the caller then
// shows nothing) and nothing half-written is left behind.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "app/access_chain.h"
#include "app/access_log.h"
#include "crypto/checkpoint_key.h"
#include "support/access_records.h"

namespace stafett {
namespace {

using testing::execute_sql;
using testing::sample_access_record;
using testing::scalar_in;

class AccessRecording : public ::testing::Test {
 protected:
  void SetUp() override { db_ = testing::migrated_database(testing::fresh_database_url()); }

  crypto::ChainReport verify() {
    auto r = app::verify_access_chain(*db_, {}, crypto::CheckpointKey::for_testing(1).public_key());
    if (!r) throw std::runtime_error(r.error().detail);
    return *r;
  }
  std::int64_t count() { return scalar_in(*db_, "SELECT COUNT(*) FROM access_record"); }

  std::unique_ptr<store::Database> db_;
};

TEST_F(AccessRecording, EightThreadsGetOneContiguousChainWithFarFewerCommitsThanRecords) {
  constexpr int kThreads = 8, kEach = 50;
  app::AccessLog log(*db_);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto record = sample_access_record(i);
        record.person = domain::PersonId{1000 + t};  // whose record it is
        if (!log.record(record)) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count(), kThreads * kEach);
  EXPECT_EQ(scalar_in(*db_, "SELECT MIN(sequence) FROM access_record"), 1);
  EXPECT_EQ(scalar_in(*db_, "SELECT MAX(sequence) FROM access_record"), kThreads * kEach);
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(scalar_in(*db_, "SELECT COUNT(*) FROM access_record WHERE person_id = " + std::to_string(1000 + t)),
              kEach);
  }
  const auto report = verify();
  EXPECT_EQ(report.kind, crypto::ChainBreak::kNone);
  EXPECT_EQ(report.records_checked, static_cast<std::uint64_t>(kThreads * kEach));
  // Each caller waits for its own record, so up to 8 share a commit; a
  // commit per record would be 400.
  const std::size_t commits = log.commits();
  std::cout << "[          ] " << kThreads * kEach << " records in " << commits << " commits\n";
  EXPECT_GT(commits, 0u);
  EXPECT_LT(commits, static_cast<std::size_t>(kThreads * kEach / 2));
}

TEST_F(AccessRecording, AFailedWriteFailsRecordAndLeavesNothingBehind) {
  app::AccessLog log(*db_);
  ASSERT_TRUE(log.record(sample_access_record(1)));
  log.fail_writes_for_testing(true);
  auto refused = log.record(sample_access_record(2));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kUnavailable);
  EXPECT_EQ(count(), 1);
  log.fail_writes_for_testing(false);
  ASSERT_TRUE(log.record(sample_access_record(3)));
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(verify().kind, crypto::ChainBreak::kNone);
}

TEST_F(AccessRecording, AnUnwritableAccessTableFailsRecord) {
  app::AccessLog log(*db_);
  ASSERT_TRUE(log.record(sample_access_record(1)));
  // A real failure, not the hook: the table is gone for a while.
  execute_sql(*db_, "ALTER TABLE access_record RENAME TO access_record_away");
  EXPECT_FALSE(log.record(sample_access_record(2)));
  execute_sql(*db_, "ALTER TABLE access_record_away RENAME TO access_record");
  ASSERT_TRUE(log.record(sample_access_record(3)));
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(verify().kind, crypto::ChainBreak::kNone);
}

TEST_F(AccessRecording, RecordFailsOnceStopped) {
  app::AccessLog log(*db_);
  log.stop();
  EXPECT_FALSE(log.record(sample_access_record(1)));
  EXPECT_EQ(count(), 0);
}

}  // namespace
}  // namespace stafett
