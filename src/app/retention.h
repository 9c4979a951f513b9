#pragma once
// The retention run (issue 6, item 6): for every municipality with settings,
// removes the closed logs closed longer than `closed_log_days` ago (every row
// of the log, and the bytes of every access record about it), and the bytes
// of the reads (view, print, export) of closed logs older than
// `access_record_days`. Changes to a kept log keep their records: they carry
// the fingerprints of its content. An open log, and anything about it, is
// never touched; a log reopened since it was closed is open.
//
// What a run removes is recorded in the access chain as one removal event
// per log (action kRemove, basis kRetention, no person, no child) whose
// content is the fingerprint of exactly the records it removed
// (app::removal_digest); the removed records keep their place and hash, so
// the chain still verifies (app::verify_access_chain) and a record removed
// any other way is found. Each log is removed in its own transaction.
// Thread-safety: plain functions on a shared Database.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "domain/retention.h"
#include "store/database.h"

namespace stafett::app {

struct RetentionAction {
  domain::MunicipalityId municipality;
  domain::LogId log;
  bool log_removed = false;             // the whole log; otherwise only old reads
  std::size_t access_records_removed = 0;
};

struct RetentionReport {
  std::vector<RetentionAction> actions;  // what was removed (or, for a dry run, would be)
  bool dry_run = false;
};

// One run at `clock.now()`. With `dry_run` nothing is changed.
Result<RetentionReport> run_retention(store::Database& db, const Clock& clock, bool dry_run);

}  // namespace stafett::app
