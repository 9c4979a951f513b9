#pragma once
// A cooperation arena (samhandlingsarena) of the municipality's model, its
// meetings and the cases on their agenda. Plain values and their rules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/entry.h"
#include "domain/field_problem.h"
#include "domain/ids.h"
#include "domain/municipality.h"

namespace stafett::domain {

enum class Attendance { kNo, kWhenRelevant, kYes };
std::string_view attendance_code(Attendance a);
std::optional<Attendance> attendance_from_code(std::string_view code);

struct ArenaMember {
  UnitId unit;
  std::string name;  // filled when read
  bool fixed = true;  // always there; else called in when needed
  friend bool operator==(const ArenaMember&, const ArenaMember&) = default;
};

struct Arena {
  std::int64_t id = 0;
  MunicipalityId municipality;
  std::string name;
  std::string purpose;  // Markdown
  int level_from = 0;
  int level_to = 3;
  std::string frequency;  // one line: "Annenhver tirsdag"
  Attendance children = Attendance::kNo;
  Attendance parents = Attendance::kWhenRelevant;
  std::string how_to_bring;  // Markdown
  bool anonymous_cases = true;  // cases without names (level 0)
  bool log_cases = true;        // cases from a stafettlogg, with consent
  bool is_public = false;
  std::vector<ArenaMember> members;
};

struct ArenaInput {
  std::string name, purpose, level_from, level_to, frequency, children, parents, how_to_bring;
  std::vector<std::string> fixed_units;      // unit ids
  std::vector<std::string> on_demand_units;  // unit ids
  bool anonymous_cases = false;
  bool log_cases = false;
  bool is_public = false;
};

struct ArenaCheck {
  Arena arena;  // members' ids only
  FieldProblems problems;
};
// Every field's rules; an arena needs at least one fixed participant and a
// way to bring a case. Whether the units serve the municipality is the
// caller's to check.
ArenaCheck check_arena(const ArenaInput& in);

// The age bands an anonymous case may carry instead of a child.
inline constexpr std::string_view kAgeBands[] = {"0-2", "3-5", "6-9", "10-12", "13-15", "16-18", "19-25"};
bool is_age_band(std::string_view band);

inline constexpr std::size_t kMaxCaseDescription = 2000;
// The description of a case brought to an arena: required, plain text of at
// most kMaxCaseDescription bytes, and never a national identity number
// (model.error.national_id) — an anonymous case must stay anonymous.
std::optional<std::string> case_description_problem(std::string_view text);

struct ArenaCase {
  std::int64_t id = 0;
  std::int64_t meeting = 0;
  bool anonymous = true;
  std::string age_band;         // anonymous cases
  std::optional<LogId> log;     // cases from a log
  std::string description;
  PersonId brought_by;
  std::string brought_by_name;
  TimePoint brought_at;
  std::optional<std::string> decision;
  std::optional<EntryId> decision_entry;  // the meeting entry made in the log
};

struct ArenaMeeting {
  std::int64_t id = 0;
  std::int64_t arena = 0;
  TimePoint starts_at;
  std::string place;
  std::string minutes;  // Markdown, empty until written
  std::optional<TimePoint> minutes_at;
  std::string minutes_by_name;
  std::vector<ArenaCase> cases;
};

}  // namespace stafett::domain
