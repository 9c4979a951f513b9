#pragma once
// SQL for break-glass (nødtilgang): designations, the accesses opened with
// it, and the privacy officer's reviews (migration 0016). Accesses and
// reviews are append-only (0017).
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/break_glass.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "store/database.h"

namespace stafett::store {

struct BreakGlassReviewRow {
  domain::BreakGlassOutcome outcome = domain::BreakGlassOutcome::kJustified;
  std::string comment;
  domain::PersonId reviewer;
  std::string reviewer_name;
  TimePoint at;
};

// One break-glass access with the names a page shows.
struct BreakGlassRow {
  std::int64_t id = 0;
  domain::LogId log;
  domain::MunicipalityId municipality;  // the log's
  domain::PersonId child;
  std::string child_name;
  domain::PersonId person;  // who opened it
  std::string person_name;
  std::optional<domain::UnitId> unit;  // their unit at the time
  std::string unit_name;
  std::string service;  // service type code of the unit, empty without one
  domain::BreakGlassReason reason = domain::BreakGlassReason::kEmergency;
  std::string explanation;
  TimePoint started;
  TimePoint expires;
  std::optional<BreakGlassReviewRow> review;
};

struct NewBreakGlassAccess {
  domain::LogId log;
  domain::PersonId person;
  std::optional<domain::UnitId> unit;
  domain::BreakGlassRequest request;
  TimePoint started;
  TimePoint expires;
};

Result<void> insert_break_glass_designation(Transaction& tx, domain::PersonId person,
                                            domain::MunicipalityId municipality, TimePoint from);
// A designation for `municipality` that is valid at `now`.
Result<bool> is_break_glass_designated(Transaction& tx, domain::PersonId person, domain::MunicipalityId municipality,
                                       TimePoint now);

Result<std::int64_t> insert_break_glass_access(Transaction& tx, const NewBreakGlassAccess& access);
// The newest of `person`'s accesses to `log` that has started and not expired at `now`.
Result<std::optional<BreakGlassRow>> active_break_glass(Transaction& tx, domain::LogId log, domain::PersonId person,
                                                        TimePoint now);
Result<std::optional<BreakGlassRow>> find_break_glass(Transaction& tx, std::int64_t id);
// Every break-glass access to `log`, newest first.
Result<std::vector<BreakGlassRow>> break_glass_of_log(Transaction& tx, domain::LogId log);
// The accesses to logs of `municipality`, unreviewed first (oldest first:
// the longest waiting on top), then reviewed ones, newest first, at most `limit`.
Result<std::vector<BreakGlassRow>> break_glass_of_municipality(Transaction& tx, domain::MunicipalityId municipality,
                                                               std::size_t limit);

// The logs of `child` whose home municipality is `municipality`, newest first.
struct ChildLog {
  domain::LogId log;
  std::string status;  // open, closed
  TimePoint opened;
};
Result<std::vector<ChildLog>> child_logs_in(Transaction& tx, domain::PersonId child, domain::MunicipalityId municipality);

// How many accesses to logs of `municipality` have no review yet.
Result<std::int64_t> count_unreviewed_break_glass(Transaction& tx, domain::MunicipalityId municipality);

Result<void> insert_break_glass_review(Transaction& tx, std::int64_t access, domain::PersonId reviewer,
                                       const domain::BreakGlassReview& review, TimePoint at);

}  // namespace stafett::store
