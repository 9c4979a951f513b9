#pragma once
// An AccessTrail for use case tests: keeps every record in memory, and can
// be told to refuse (as a full disk or a lost database would) to check that
// nothing is shown then.
#include <vector>

#include "app/access_chain.h"
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

// An AccessTrail that appends to the database's real access chain, as the
// server's does (a change's record inside the change's own transaction),
// without a session: for tests of what the chain holds.
class ChainingTrail final : public app::AccessTrail {
 public:
  explicit ChainingTrail(store::Database& db) : db_(db) {}
  app::PendingAccess record_soon(domain::AccessRecord record) override {
    auto r = app::append_access_records(db_, std::span<const domain::AccessRecord>(&record, 1));
    return app::PendingAccess([r] { return r; });
  }
  Result<void> record_in(store::Transaction& tx, domain::AccessRecord record) override {
    return app::append_access_records_in(tx, std::span<const domain::AccessRecord>(&record, 1));
  }

 private:
  store::Database& db_;
};

// One per test thread, for tests that only need somewhere to record.
inline CollectingTrail& test_trail() {
  thread_local CollectingTrail trail;
  return trail;
}

}  // namespace stafett::testing
