#include "app/retention_schedule.h"

#include <spdlog/spdlog.h>

#include "app/retention.h"

namespace stafett::app {

RetentionSchedule::RetentionSchedule(store::Database& db, std::chrono::seconds first_after,
                                     std::chrono::seconds interval, const Clock& clock)
    : db_(db), interval_(interval), clock_(clock),
      timer_(first_after, interval, [this] { run_once(); }, /*once_more_at_stop=*/false) {}

void RetentionSchedule::run_once() {
  auto report = run_retention(db_, clock_, false);
  if (!report) {
    spdlog::error("retention run failed (tried again in {} h): {}",
                  std::chrono::duration_cast<std::chrono::hours>(interval_).count(), report.error().detail);
    return;
  }
  if (report->actions.empty()) return;
  std::size_t logs = 0, records = 0;
  for (const auto& a : report->actions) {
    logs += a.log_removed ? 1 : 0;
    records += a.access_records_removed;
  }
  spdlog::info("retention: removed {} closed log(s) and {} access record(s)", logs, records);
}

}  // namespace stafett::app
