// GroupCommit: every caller learns its item's fate, batches form under
// concurrency, a failed commit fails exactly its batch, and stop drains.
#include "core/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>

namespace stafett {
namespace {

TEST(GroupCommit, ConcurrentCallersShareCommitsAndEveryItemIsCommittedOnce) {
  std::mutex seen_mutex;
  std::multiset<int> seen;
  GroupCommit<int> gc([&](std::vector<int>& items) -> Result<void> {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // an fsync's worth of waiting
    std::lock_guard lock(seen_mutex);
    seen.insert(items.begin(), items.end());
    return {};
  });
  constexpr int kThreads = 8, kEach = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        if (!gc.submit(t * 1000 + i)) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kThreads * kEach));
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kEach; ++i) EXPECT_EQ(seen.count(t * 1000 + i), 1u);
  }
  // Each thread waits for its own item, so at most one item per thread is in
  // a batch; with 8 threads the batches must be shared by several.
  EXPECT_LT(gc.commits(), static_cast<std::size_t>(kThreads * kEach) / 2) << gc.commits() << " commits";
}

TEST(GroupCommit, AFailedCommitFailsEveryItemOfItsBatchAndOnlyThose) {
  std::atomic<int> calls{0};
  GroupCommit<int> gc([&](std::vector<int>& items) -> Result<void> {
    ++calls;
    for (int i : items) {
      if (i < 0) return make_error(Errc::kUnavailable, "disk full");
    }
    return {};
  });
  EXPECT_TRUE(gc.submit(1));
  auto bad = gc.submit(-1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::kUnavailable);
  EXPECT_TRUE(gc.submit(2)) << "the next batch is fine again";
}

TEST(GroupCommit, AThrowingCommitIsAFailureNotACrash) {
  GroupCommit<int> gc([](std::vector<int>&) -> Result<void> { throw std::runtime_error("boom"); });
  EXPECT_FALSE(gc.submit(1));
}

TEST(GroupCommit, BatchesAreBounded) {
  std::atomic<std::size_t> largest{0};
  GroupCommit<int> gc(
      [&](std::vector<int>& items) -> Result<void> {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (items.size() > largest) largest = items.size();
        return {};
      },
      3);
  std::vector<std::thread> threads;
  for (int t = 0; t < 12; ++t) threads.emplace_back([&, t] { EXPECT_TRUE(gc.submit(t)); });
  for (auto& th : threads) th.join();
  EXPECT_LE(largest.load(), 3u);
}

TEST(GroupCommit, AfterStopNothingIsAccepted) {
  GroupCommit<int> gc([](std::vector<int>&) -> Result<void> { return {}; });
  EXPECT_TRUE(gc.submit(1));
  gc.stop();
  auto late = gc.submit(2);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, Errc::kUnavailable);
  gc.stop();  // twice is harmless
}

}  // namespace
}  // namespace stafett
