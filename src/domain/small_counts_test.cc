#include "domain/small_counts.h"

#include <gtest/gtest.h>

#include <numeric>

namespace stafett::domain {
namespace {

TEST(SmallCounts, CountsBelowThreeAreNeverShown) {
  for (std::int64_t c : {0, 1, 2}) {
    EXPECT_TRUE(shown_count(c).suppressed) << c;
    EXPECT_EQ(shown_count(c).value, 0) << "no value travels with a suppressed count";
  }
  EXPECT_EQ(shown_count(3), (ShownCount{false, 3}));
  EXPECT_EQ(shown_count(250), (ShownCount{false, 250}));
}

TEST(SmallCounts, ATotalIsExactOnlyWhenNothingIsHidden) {
  const auto all_shown = shown_counts({4, 7, 3});
  EXPECT_EQ(all_shown.total, 14);
  EXPECT_FALSE(all_shown.total_is_lower_bound);
  const auto one_hidden = shown_counts({4, 7, 1});
  EXPECT_TRUE(one_hidden.cells[2].suppressed);
  EXPECT_EQ(one_hidden.total, 11);
  EXPECT_TRUE(one_hidden.total_is_lower_bound);
}

// The subtraction attack: whatever the hidden counts are, the shown cells
// and the shown total are the same, so nothing recovers them.
TEST(SmallCounts, SubtractingShownCountsFromTheTotalRecoversNothing) {
  for (std::int64_t hidden = 0; hidden < kSmallCountLimit; ++hidden) {
    for (std::int64_t other = 0; other < kSmallCountLimit; ++other) {
      const auto shown = shown_counts({12, hidden, 5, other});
      const auto reference = shown_counts({12, 0, 5, 0});
      EXPECT_EQ(shown.cells, reference.cells) << hidden << " " << other;
      EXPECT_EQ(shown.total, reference.total) << hidden << " " << other;
      std::int64_t visible_sum = 0;
      for (const auto& c : shown.cells) visible_sum += c.suppressed ? 0 : c.value;
      EXPECT_EQ(shown.total - visible_sum, 0) << "the total minus what is shown is always 0";
    }
  }
}

TEST(SmallCounts, NoCountsMeanAnExactZero) {
  const auto none = shown_counts({});
  EXPECT_EQ(none.total, 0);
  EXPECT_FALSE(none.total_is_lower_bound);
}

}  // namespace
}  // namespace stafett::domain
