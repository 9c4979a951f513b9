#pragma once
// AccessLog: where a use case records an access before it shows or changes
// a child's data ("no record, no access"). record() blocks until the record
// is durable in the access chain (app/access_chain.h); concurrent callers
// share commits through a GroupCommit, so one fsync serves many requests.
// When record() fails the caller must show nothing (the web layer answers
// 503): an access that cannot be recorded does not happen.
//
// Thread-safety: record() from any number of threads. One AccessLog per
// process and database; appenders in other processes are still safe (the
// chain's append lock), only their batches are not shared.
#include <atomic>
#include <cstddef>
#include <vector>

#include "core/group_commit.h"
#include "core/result.h"
#include "domain/access_record.h"
#include "store/database.h"

namespace stafett::app {

class AccessLog {
 public:
  // REQUIRES: `db` outlives this object.
  explicit AccessLog(store::Database& db, std::size_t max_batch = 512);
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Blocks until `record` is stored and chained, or its batch failed.
  Result<void> record(domain::AccessRecord record);
  // Queues `record` for the next commit at once; the ticket's wait() blocks
  // until it is durable. A read submits as soon as it is allowed and waits
  // just before it returns data, so the commit overlaps the reading.
  GroupCommit<domain::AccessRecord>::Ticket record_soon(domain::AccessRecord record);

  // Records still waiting are committed; record() fails afterwards.
  void stop() { batches_.stop(); }

  // Commits made so far (tests and measurements: far fewer than records
  // under concurrent load).
  std::size_t commits() const { return batches_.commits(); }

  // Fault injection for tests: while set, every commit fails with
  // kUnavailable as if the access table could not be written.
  void fail_writes_for_testing(bool fail) { fail_writes_ = fail; }

 private:
  Result<void> commit(std::vector<domain::AccessRecord>& batch);

  store::Database& db_;
  std::atomic<bool> fail_writes_{false};
  GroupCommit<domain::AccessRecord> batches_;  // last: its thread uses the members above
};

}  // namespace stafett::app
