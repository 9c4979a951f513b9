#pragma once
// The privacy officer's view of the access chain (personvernombud, issue 6):
// search the access records of their municipality's logs by who accessed,
// whose log, unit, log number, period, action and basis, and export the same
// selection for an inquiry. Never the logs' content: what an access
// concerned is named by the kind and id of the entry only.
//
// Scope: the logs whose home municipality (where the log lives now, after
// any move) is one the actor is privacy officer of (an active
// privacy_officer role and an active employment), decided per municipality
// with policy::can(kSearchAccessRecords / kExportAccessRecords). A privacy
// officer of another municipality sees nothing of these logs, not even
// whether a log number exists. Nobody else gets anything (kForbidden).
//
// Bad filter values are field errors (catalog keys) and no lines, never an
// empty list that looks like "nobody".
// Thread-safety: plain functions on a shared Database.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/access_history.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/access_record.h"
#include "domain/field_problem.h"
#include "domain/municipality.h"
#include "policy/actor.h"
#include "store/database.h"

namespace stafett::app {

// At most this many records in one export; a larger selection is a field
// error asking for a narrower one.
inline constexpr std::size_t kAccessExportLimit = 10000;
// A name filter matching more people than this asks for more of the name.
inline constexpr std::size_t kMaxNameMatches = 200;

// The filter as typed (query fields); empty means "not given".
//   from, to: YYYY-MM-DD, Oslo dates, both inclusive
//   person:   who accessed: a person number (digits, as shown in the results)
//             or a part of the name (letters, spaces, - ' . only)
//   child:    whose log: the same, matched against the children of the logs
//   unit:     a unit id from the unit choices
//   log:      a log number
//   action, basis: an access action or basis code (domain/access_record.h)
//   before:   the sequence of the last access on the previous page
struct PrivacyFilterInput {
  std::string from, to, person, child, unit, log, action, basis, before;
};

struct PrivacyAccessLine {
  AccessLine access;  // who, role, unit, service, when, action, basis (target unused)
  domain::LogId log;
  domain::PersonId child;
  std::string child_name;
  // What the access concerned: nullopt kind and id for the log as a whole.
  std::optional<domain::EntryKind> record_kind;
  std::optional<std::int64_t> record;
};

struct UnitChoice {
  domain::UnitId id;
  std::string name;
};

struct PrivacySearchView {
  std::vector<domain::Municipality> municipalities;  // the actor's scope, by name
  std::vector<UnitChoice> units;                     // the units serving them, for the unit filter
  std::vector<PrivacyAccessLine> lines;
  std::optional<std::int64_t> older;  // `before` for the next page (searches only)
  domain::FieldProblems errors;
};

// One page (kAccessPageSize) of the selection, newest first.
// kForbidden unless the actor is privacy officer of some municipality.
Result<PrivacySearchView> search_access_records(store::Database& db, const policy::Actor& actor,
                                                const PrivacyFilterInput& filter, const Clock& clock);

// The whole selection (`before` is ignored), newest first, for an export:
// at most kAccessExportLimit records, more is a field error. kForbidden as above
// (with kExportAccessRecords).
Result<PrivacySearchView> export_access_records(store::Database& db, const policy::Actor& actor,
                                                const PrivacyFilterInput& filter, const Clock& clock);

// Exposed for tests: `text` folded to lower case for matching names (ASCII
// and the Latin letters of Norwegian and the Sámi languages).
std::string fold_name(std::string_view text);

}  // namespace stafett::app
