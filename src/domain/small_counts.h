#pragma once
// Counts shown outside a log (how many open logs use a measure, arena
// statistics) never point at a child: a count below 3 is shown as "fewer
// than 3", and a total beside such counts is shown only as the sum of the
// counts that are shown, as a lower bound ("at least 12"), so subtracting
// the shown counts from the total can never give a hidden one back.
#include <cstdint>
#include <vector>

namespace stafett::domain {

inline constexpr std::int64_t kSmallCountLimit = 3;

struct ShownCount {
  bool suppressed = false;  // show "færre enn 3"
  std::int64_t value = 0;   // meaningful only when not suppressed
  friend bool operator==(const ShownCount&, const ShownCount&) = default;
};

struct ShownCounts {
  std::vector<ShownCount> cells;
  // The total as shown: exact when nothing is suppressed; otherwise only the
  // sum of the shown cells, marked as a lower bound.
  std::int64_t total = 0;
  bool total_is_lower_bound = false;
};

// REQUIRES: every count >= 0.
ShownCount shown_count(std::int64_t count);
ShownCounts shown_counts(const std::vector<std::int64_t>& counts);

}  // namespace stafett::domain
