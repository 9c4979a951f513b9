#pragma once
// RetentionSchedule: the server's daily retention run (app/retention.h):
// once shortly after start, then every `interval`. A failed run is logged
// loudly and tried again at the next interval; nothing half-removed stays
// (each log is removed in one transaction).
// Thread-safety: the schedule runs one thread of its own (core/periodic.h);
// stop() from any.
#include <chrono>

#include "core/clock.h"
#include "core/periodic.h"
#include "store/database.h"

namespace stafett::app {

class RetentionSchedule {
 public:
  // REQUIRES: db and clock outlive this object; interval > 0.
  RetentionSchedule(store::Database& db, std::chrono::seconds first_after, std::chrono::seconds interval,
                    const Clock& clock);

  // Ends the thread (a run in progress finishes its current log first).
  void stop() { timer_.stop(); }

 private:
  void run_once();

  store::Database& db_;
  const std::chrono::seconds interval_;
  const Clock& clock_;
  Periodic timer_;  // last: starts after everything it uses exists
};

}  // namespace stafett::app
