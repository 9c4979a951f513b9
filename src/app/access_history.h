#pragma once
// Reading the access chain back for people: "Hvem har sett loggen?" (every
// access to a log, for the family: GDPR art. 15 and Normen) and "Mine
// oppslag" (an employee's own accesses). Both are newest first, narrowed by
// period (Oslo dates) and, for a log, by person, and paged with a keyset
// cursor, so the table's size never decides a page's cost.
//
// Neither page tells anyone more than they may know: the family learns
// nothing of an entry hidden from them (only that an access concerned an
// entry they cannot see), and an employee who has since lost access to a log
// sees its number only, not the child.
// Thread-safety: plain functions on a shared Database.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/access_record.h"
#include "domain/field_problem.h"
#include "policy/actor.h"
#include "store/break_glass_repository.h"
#include "store/database.h"

namespace stafett::app {

// At most this many accesses on a page; older ones are behind `older`.
inline constexpr std::size_t kAccessPageSize = 200;

// The filter as typed (query fields): from and to are YYYY-MM-DD (Oslo
// dates, both inclusive), person a person id, before the sequence of the
// last access on the previous page. Empty means "not given".
struct AccessFilterInput {
  std::string from;
  std::string to;
  std::string person;
  std::string before;
};

// What an access concerned, as far as the reader may know.
enum class AccessTarget {
  kLog,          // the log as a whole
  kEntry,        // an entry the reader may see (its kind is shown)
  kHiddenEntry,  // an entry the reader may not see: neither kind nor id
};

struct AccessLine {
  std::int64_t sequence = 0;  // the cursor for "older than this"
  TimePoint at;
  domain::PersonId person;
  std::string person_name;
  std::string role;     // participant role code ("contributor", "guardian"...)
  std::string unit_name;  // empty for the family
  std::string service;    // service type code, empty for the family
  domain::AccessAction action = domain::AccessAction::kView;
  domain::AccessBasis basis = domain::AccessBasis::kParticipation;
  std::string break_glass_reason;  // only for kBreakGlass
  AccessTarget target = AccessTarget::kLog;
  std::optional<domain::EntryKind> entry_kind;  // only for kEntry
};

struct PersonChoice {
  domain::PersonId id;
  std::string name;
};

// Bad filter input gives `errors` (catalog keys per field) and no lines.
struct LogAccessesView {
  domain::LogId log;
  std::string child_name;
  std::vector<AccessLine> lines;
  std::vector<PersonChoice> people;       // everyone in the log's records, by name
  std::optional<std::int64_t> older;      // `before` for the next page, when there is one
  domain::FieldProblems errors;
  // Every break-glass access to the log, newest first, whatever the filter:
  // the family must not miss one.
  std::vector<store::BreakGlassRow> break_glass;
};

// Every access to `log`, for its family: kViewAccessRecords (guardians, the
// child from the view age; never employees), kForbidden otherwise.
Result<LogAccessesView> log_accesses(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                     const AccessFilterInput& filter, const Clock& clock);

struct OwnAccessLine {
  AccessLine access;
  domain::LogId log;
  // Whether the actor may read the log now; only then the child's given
  // name and a link (they saw it when they accessed it, but after losing
  // access they learn nothing more than the log's number).
  bool can_read = false;
  std::string child_given_name;
};

struct OwnAccessesView {
  std::vector<OwnAccessLine> lines;
  std::optional<std::int64_t> older;
  domain::FieldProblems errors;
};

// The actor's own accesses in every log (kListOwnAccesses). `filter.person`
// is not used: the person is the actor.
Result<OwnAccessesView> own_accesses(store::Database& db, const policy::Actor& actor, const AccessFilterInput& filter,
                                     const Clock& clock);

}  // namespace stafett::app
