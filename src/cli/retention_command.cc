#include "cli/retention_command.h"

#include <spdlog/spdlog.h>

#include "app/retention.h"
#include "store/migrations.h"

namespace stafett::cli {

int retention_run(const Config& config, bool dry_run, std::ostream& out) {
  store::DatabaseOptions options;
  options.max_connections = 2;
  auto db = store::open_database(config.database_url, options);
  if (!db) {
    spdlog::error("retention run: {} ({})", db.error().detail, errc_name(db.error().code));
    return 2;
  }
  // The same schema the server runs on (it migrates at start, too).
  if (auto m = store::migrate(**db); !m) {
    spdlog::error("retention run: {} ({})", m.error().detail, errc_name(m.error().code));
    return 2;
  }
  const SystemClock clock;
  auto report = app::run_retention(**db, clock, dry_run);
  if (!report) {
    spdlog::error("retention run: {} ({})", report.error().detail, errc_name(report.error().code));
    return 2;
  }
  std::size_t logs = 0, records = 0;
  for (const auto& a : report->actions) {
    out << (dry_run ? "would remove " : "removed ");
    if (a.log_removed) {
      out << "log " << a.log.value << " (municipality " << a.municipality.value << ") and its "
          << a.access_records_removed << " access record(s)\n";
      ++logs;
    } else {
      out << a.access_records_removed << " old read(s) of log " << a.log.value << " (municipality "
          << a.municipality.value << ")\n";
    }
    records += a.access_records_removed;
  }
  out << (dry_run ? "dry run: nothing changed; " : "") << logs << " closed log(s) and " << records
      << " access record(s) " << (dry_run ? "due" : "removed") << "\n";
  return 0;
}

}  // namespace stafett::cli
