#include "domain/arena.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "domain/id_number_scan.h"
#include "domain/model_text.h"

namespace stafett::domain {
namespace {

constexpr std::array<std::string_view, 3> kAttendance = {"no", "when_relevant", "yes"};

void note(FieldProblems& p, const std::string& field, const std::optional<std::string>& problem) {
  if (problem) p.push_back({field, *problem});
}

}  // namespace

std::string_view attendance_code(Attendance a) {
  const auto i = static_cast<std::size_t>(a);
  return i < kAttendance.size() ? kAttendance[i] : std::string_view("unknown");
}

std::optional<Attendance> attendance_from_code(std::string_view code) {
  for (std::size_t i = 0; i < kAttendance.size(); ++i) {
    if (kAttendance[i] == code) return static_cast<Attendance>(i);
  }
  return std::nullopt;
}

ArenaCheck check_arena(const ArenaInput& in) {
  ArenaCheck out;
  auto& p = out.problems;
  auto& a = out.arena;
  note(p, "name", model_line_problem(in.name, 300, true));
  a.name = in.name;
  note(p, "purpose", model_markdown_problem(in.purpose, 10000));
  a.purpose = in.purpose;
  const auto from = small_number_from_text(in.level_from, 3);
  const auto to = small_number_from_text(in.level_to, 3);
  if (!from) p.push_back({"level_from", "model.error.level"});
  if (!to) p.push_back({"level_to", "model.error.level"});
  if (from && to && *from > *to) p.push_back({"level_to", "model.error.level_order"});
  a.level_from = from.value_or(0);
  a.level_to = to.value_or(0);
  note(p, "frequency", model_line_problem(in.frequency, 300, false));
  a.frequency = in.frequency;
  const auto children = attendance_from_code(in.children);
  const auto parents = attendance_from_code(in.parents);
  if (!children) p.push_back({"children", "model.error.attendance"});
  if (!parents) p.push_back({"parents", "model.error.attendance"});
  a.children = children.value_or(Attendance::kNo);
  a.parents = parents.value_or(Attendance::kNo);
  note(p, "how_to_bring", model_markdown_problem(in.how_to_bring, 5000));
  a.how_to_bring = in.how_to_bring;
  bool bad_unit = false;
  const auto add = [&](const std::vector<std::string>& ids, bool fixed) {
    for (const auto& text : ids) {
      const auto id = id_from_text(text);
      if (!id) {
        bad_unit = true;
        continue;
      }
      const bool known = std::any_of(a.members.begin(), a.members.end(),
                                     [&](const ArenaMember& m) { return m.unit.value == *id; });
      if (!known) a.members.push_back({UnitId{*id}, "", fixed});  // fixed wins: added first
    }
  };
  add(in.fixed_units, true);
  add(in.on_demand_units, false);
  if (bad_unit) {
    p.push_back({"fixed_units", "model.error.provider"});
  } else if (std::none_of(a.members.begin(), a.members.end(), [](const ArenaMember& m) { return m.fixed; })) {
    p.push_back({"fixed_units", "model.error.no_participants"});
  }
  a.anonymous_cases = in.anonymous_cases;
  a.log_cases = in.log_cases;
  if (!a.anonymous_cases && !a.log_cases) p.push_back({"cases", "model.error.no_case_mode"});
  a.is_public = in.is_public;
  return out;
}

bool is_age_band(std::string_view band) {
  return std::find(std::begin(kAgeBands), std::end(kAgeBands), band) != std::end(kAgeBands);
}

std::optional<std::string> case_description_problem(std::string_view text) {
  if (auto p = model_line_problem(text, kMaxCaseDescription, true)) {
    // Several lines are fine in a description; only other control characters are not.
    if (*p != "model.error.invalid_text" || !is_valid_utf8(text) || has_control_characters(text, true)) return p;
  }
  if (contains_national_id(text)) return "model.error.national_id";
  return std::nullopt;
}

}  // namespace stafett::domain
