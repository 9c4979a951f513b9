#include "app/access_log.h"

#include "app/access_chain.h"

namespace stafett::app {

AccessLog::AccessLog(store::Database& db, std::size_t max_batch)
    : db_(db), batches_([this](std::vector<domain::AccessRecord>& batch) { return commit(batch); }, max_batch) {}

Result<void> AccessLog::record(domain::AccessRecord record) { return batches_.submit(std::move(record)); }

GroupCommit<domain::AccessRecord>::Ticket AccessLog::record_soon(domain::AccessRecord record) {
  return batches_.enqueue(std::move(record));
}

Result<void> AccessLog::commit(std::vector<domain::AccessRecord>& batch) {
  if (fail_writes_) return make_error(Errc::kUnavailable, "access records cannot be written (fault injected)");
  return append_access_records(db_, batch);
}

}  // namespace stafett::app
