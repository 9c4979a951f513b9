#pragma once
// `stafett retention run [--dry-run]`: one retention run now (app/retention.h),
// as the server's daily job does it. Prints one line per log: removed, or
// how many old reads were removed (with --dry-run: what would be), and a
// summary. Migrates the database first, as `serve` does. Exit 0: done (also
// when nothing was due); 2: could not run (no database, a failure: nothing
// of the log that failed is removed; logs before it stay removed).
#include <ostream>

#include "cli/config.h"

namespace stafett::cli {

int retention_run(const Config& config, bool dry_run, std::ostream& out);

}  // namespace stafett::cli
