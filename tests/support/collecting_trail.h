#pragma once
// An AccessTrail for use case tests: keeps every record in memory, and can
// be told to refuse (as a full disk or a lost database would) to check that
// nothing is shown then.
#include <vector>

#include "app/access_trail.h"

namespace stafett::testing {

class CollectingTrail final : public app::AccessTrail {
 public:
  app::PendingAccess record_soon(domain::AccessRecord record) override {
    if (refuse) return app::PendingAccess([] { return Result<void>(make_error(Errc::kUnavailable, "refused by the test")); });
    records.push_back(std::move(record));
    return app::PendingAccess([] { return Result<void>(); });
  }
  Result<void> record_in(store::Transaction&, domain::AccessRecord record) override {
    return record_soon(std::move(record)).wait();
  }
  std::vector<domain::AccessRecord> records;
  bool refuse = false;
};

// One per test thread, for tests that only need somewhere to record.
inline CollectingTrail& test_trail() {
  thread_local CollectingTrail trail;
  return trail;
}

}  // namespace stafett::testing
