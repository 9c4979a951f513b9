#include "core/periodic.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

namespace stafett {
namespace {

using namespace std::chrono_literals;

TEST(Periodic, RunsAfterTheFirstWaitAndThenAgain) {
  std::atomic<int> runs{0};
  Periodic p(1ms, 1ms, [&] { ++runs; }, false);
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (runs < 3 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
  p.stop();
  EXPECT_GE(runs.load(), 3);
}

TEST(Periodic, StopRunsOnceMoreOnlyWhenAsked) {
  std::atomic<int> last{0}, none{0};
  {
    Periodic with(1h, 1h, [&] { ++last; }, true);
    Periodic without(1h, 1h, [&] { ++none; }, false);
  }  // destroyed long before the first hour
  EXPECT_EQ(last.load(), 1) << "the checkpoint's last signature at shutdown";
  EXPECT_EQ(none.load(), 0);
}

TEST(Periodic, StopTwiceIsHarmless) {
  std::atomic<int> runs{0};
  Periodic p(1h, 1h, [&] { ++runs; }, true);
  p.stop();
  p.stop();
  EXPECT_EQ(runs.load(), 1);
}

}  // namespace
}  // namespace stafett
