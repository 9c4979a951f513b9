#include "domain/small_counts.h"

namespace stafett::domain {

ShownCount shown_count(std::int64_t count) {
  if (count < kSmallCountLimit) return {true, 0};
  return {false, count};
}

ShownCounts shown_counts(const std::vector<std::int64_t>& counts) {
  ShownCounts out;
  for (const auto c : counts) {
    out.cells.push_back(shown_count(c));
    if (out.cells.back().suppressed) {
      out.total_is_lower_bound = true;
    } else {
      out.total += c;
    }
  }
  return out;
}

}  // namespace stafett::domain
