#pragma once
// An AccessTrail for use case tests: keeps every record in memory, and can
// be told to refuse (as a full disk or a lost database would) to check that
// nothing is shown then.
#include <vector>

#include "app/access_trail.h"

namespace stafett::testing {

class CollectingTrail final : public app::AccessTrail {
 public:
  Result<void> record(domain::AccessRecord record) override {
    if (refuse) return make_error(Errc::kUnavailable, "refused by the test");
    records.push_back(std::move(record));
    return {};
  }
  Result<void> record_in(store::Transaction&, domain::AccessRecord record) override { return this->record(std::move(record)); }
  std::vector<domain::AccessRecord> records;
  bool refuse = false;
};

// One per test thread, for tests that only need somewhere to record.
inline CollectingTrail& test_trail() {
  thread_local CollectingTrail trail;
  return trail;
}

}  // namespace stafett::testing
