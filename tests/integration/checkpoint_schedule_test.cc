// The server's checkpoint schedule: a signed head is written when the access
// chain has grown, never twice for the same head, once more when the server
// stops, and a restart continues from what the file already holds.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/access_chain.h"
#include "app/chain_checkpoints.h"
#include "app/checkpoint_schedule.h"
#include "crypto/checkpoint_key.h"
#include "support/demo_database.h"
#include "support/test_database.h"

namespace stafett {
namespace {

using namespace std::chrono_literals;

class CheckpointSchedule : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::demo_database(keys_, clock_);
    file_ = std::filesystem::path(testing::make_temp_dir()) / "checkpoints.txt";
  }
  void append(int n) {
    std::vector<domain::AccessRecord> batch(static_cast<std::size_t>(n));
    for (auto& r : batch) {
      r.person = domain::PersonId{1};
      r.child = domain::PersonId{11};
      r.log = domain::LogId{1};
      r.at = clock_.now();
    }
    ASSERT_TRUE(app::append_access_records(*db_, batch));
  }
  std::vector<crypto::Checkpoint> written() {
    auto c = app::read_checkpoints(file_);
    EXPECT_TRUE(c);
    return c ? *c : std::vector<crypto::Checkpoint>{};
  }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(7);
  const crypto::CheckpointKey key_ = crypto::CheckpointKey::for_testing(3);
  FixedClock clock_{from_unix_ms(1'795'000'000'000)};
  std::unique_ptr<store::Database> db_;
  std::filesystem::path file_;
};

TEST_F(CheckpointSchedule, SignsTheHeadOnlyWhenTheChainHasGrown) {
  app::CheckpointSchedule schedule(*db_, key_, file_, 1h, clock_);
  auto none = schedule.checkpoint_if_grown();
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none) << "an empty chain has nothing to sign";
  append(3);
  EXPECT_TRUE(*schedule.checkpoint_if_grown());
  EXPECT_FALSE(*schedule.checkpoint_if_grown()) << "the same head once";
  append(2);
  EXPECT_TRUE(*schedule.checkpoint_if_grown());
  const auto c = written();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].sequence, 3u);
  EXPECT_EQ(c[1].sequence, 5u);
  EXPECT_TRUE(crypto::checkpoint_is_signed_by(c[1], key_.public_key()));
  auto report = app::verify_access_chain(*db_, c, key_.public_key());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->kind, crypto::ChainBreak::kNone);
}

TEST_F(CheckpointSchedule, StoppingSignsWhatGrewAndARestartDoesNotRepeat) {
  append(4);
  {
    app::CheckpointSchedule schedule(*db_, key_, file_, 1h, clock_);
    append(1);
  }  // stops: one last checkpoint
  ASSERT_EQ(written().size(), 1u);
  EXPECT_EQ(written()[0].sequence, 5u);
  {
    app::CheckpointSchedule again(*db_, key_, file_, 1h, clock_);
    EXPECT_FALSE(*again.checkpoint_if_grown()) << "the file already holds this head";
  }
  EXPECT_EQ(written().size(), 1u);
}

TEST_F(CheckpointSchedule, WritesOnItsOwnEveryInterval) {
  append(2);
  app::CheckpointSchedule schedule(*db_, key_, file_, 1s, clock_);
  for (int i = 0; i < 50 && written().empty(); ++i) std::this_thread::sleep_for(100ms);
  ASSERT_EQ(written().size(), 1u);
  EXPECT_EQ(written()[0].sequence, 2u);
}

}  // namespace
}  // namespace stafett
