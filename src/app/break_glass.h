#pragma once
// Break-glass (nødtilgang), issue 6: a designated employee opens a log they
// do not take part in, the family sees it, and the privacy officer reviews
// it. Reads under break-glass go through the ordinary use cases (show_log);
// the policy lets them through while the access is open, and their access
// records carry the basis break_glass and the reason code.
// Thread-safety: plain functions on a shared Database.
#include <chrono>
#include <optional>
#include <vector>

#include "app/access_trail.h"
#include "core/clock.h"
#include "crypto/data_keys.h"
#include "core/result.h"
#include "domain/break_glass.h"
#include "domain/field_problem.h"
#include "domain/ids.h"
#include "policy/actor.h"
#include "store/break_glass_repository.h"
#include "store/database.h"

namespace stafett::app {

// What the break-glass form shows before anything is opened: the log's
// number only (never the child's name: that is part of what is opened).
struct BreakGlassFormView {
  domain::LogId log;
  std::chrono::minutes window{0};
  // The actor's access to this log that is still open, if any.
  std::optional<store::BreakGlassRow> open;
};

// kBreakGlass on `log`, or kForbidden (a missing log looks the same).
Result<BreakGlassFormView> break_glass_form(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                            const Clock& clock, std::chrono::minutes window);

struct BreakGlassOpening {
  std::optional<store::BreakGlassRow> access;  // set when opened (or already open)
  domain::FieldProblems errors;                // bad reason or explanation: nothing written
};

// Opens a break-glass access to `log` for `window` (at most two hours) from
// now, from the reason code and the actor's explanation as typed. When one
// is already open it is returned as it is: a second reason never extends it.
// The actor's unit is their employment in a unit serving the log's
// municipality (else any active one).
Result<BreakGlassOpening> open_break_glass(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                           std::string_view reason, std::string_view explanation, const Clock& clock,
                                           std::chrono::minutes window);

// The search before break-glass: the logs of the child with `national_id`
// in the municipalities the actor is designated for (kFindForBreakGlass,
// else kForbidden). A malformed number is a field error ("national_id");
// a number of nobody, or of a child without a log there, is an empty list
// (the two look the same). Each log found is recorded on `trail` as found
// (action find, basis break_glass) before the list is returned.
struct BreakGlassCandidate {
  domain::LogId log;
  std::string status;  // open, closed
  TimePoint opened;
  std::string municipality;
};
struct BreakGlassSearch {
  std::vector<BreakGlassCandidate> logs;
  domain::FieldProblems errors;
};
Result<BreakGlassSearch> find_logs_for_break_glass(store::Database& db, const crypto::DataKeys& keys,
                                                   AccessTrail& trail, const policy::Actor& actor,
                                                   std::string_view national_id, const Clock& clock);
// Whether the actor may search for break-glass at all (for the link to it).
bool may_find_for_break_glass(store::Database& db, const policy::Actor& actor, const Clock& clock);

// The review queue: break-glass accesses to logs of the municipalities the
// actor is privacy officer of (kReviewBreakGlass), unreviewed first.
struct BreakGlassQueue {
  std::vector<store::BreakGlassRow> unreviewed;
  std::vector<store::BreakGlassRow> reviewed;  // newest first, at most kReviewedShown
};
inline constexpr std::size_t kReviewedShown = 100;
Result<BreakGlassQueue> break_glass_queue(store::Database& db, const policy::Actor& actor, const Clock& clock);

struct BreakGlassReviewOutcome {
  std::optional<store::BreakGlassRow> access;  // with its review, when recorded
  domain::FieldProblems errors;
};

// Records the privacy officer's outcome for access `id`, once: kConflict when
// it has a review already, kForbidden when the access is not in the actor's
// municipalities (or does not exist).
Result<BreakGlassReviewOutcome> review_break_glass(store::Database& db, const policy::Actor& actor, std::int64_t id,
                                                  std::string_view outcome, std::string_view comment,
                                                  const Clock& clock);

// For the privacy officer's start (the list of logs): how many break-glass
// accesses wait for their review; nullopt for anyone who is not one.
std::optional<std::size_t> break_glass_waiting(store::Database& db, const policy::Actor& actor, const Clock& clock);

// The window actually used: the configured one, never over the maximum.
std::chrono::minutes break_glass_window(std::chrono::minutes configured);

}  // namespace stafett::app
