#include "domain/model_change.h"

#include <array>

#include "core/join.h"
#include "core/oslo_time.h"

namespace stafett::domain {
namespace {

constexpr std::array<std::string_view, 4> kKindCodes = {"service", "measure", "arena", "plan"};

std::string yes_no(bool b) { return b ? "yes" : "no"; }

}  // namespace

std::string_view model_kind_code(ModelKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return i < kKindCodes.size() ? kKindCodes[i] : std::string_view("unknown");
}

std::optional<ModelKind> model_kind_from_code(std::string_view code) {
  for (std::size_t i = 0; i < kKindCodes.size(); ++i) {
    if (kKindCodes[i] == code) return static_cast<ModelKind>(i);
  }
  return std::nullopt;
}

std::string snapshot_value(const ModelSnapshot& snapshot, std::string_view field) {
  for (const auto& [name, value] : snapshot) {
    if (name == field) return value;
  }
  return "";
}

std::vector<FieldDiff> diff_snapshots(const ModelSnapshot& before, const ModelSnapshot& after) {
  std::vector<FieldDiff> out;
  for (const auto& [field, value] : after) {
    const std::string old_value = snapshot_value(before, field);
    if (!before.empty() && old_value == value) continue;
    out.push_back({field, diff_lines(old_value, value)});
  }
  // A field the newer version no longer has (the kind's fields changed).
  for (const auto& [field, value] : before) {
    bool kept = false;
    for (const auto& a : after) kept = kept || a.first == field;
    if (!kept) out.push_back({field, diff_lines(value, "")});
  }
  return out;
}

ModelSnapshot measure_snapshot(const CatalogueMeasure& m) {
  std::string providers;
  for (const auto& p : m.providers) append_item(providers, ", ", p.name);
  return {{"name", m.name},
          {"description", m.description},
          {"target_group", m.target_group},
          {"ages", std::to_string(m.age_from) + "-" + std::to_string(m.age_to)},
          {"levels", std::to_string(m.level_from) + "-" + std::to_string(m.level_to)},
          {"providers", providers},
          {"how_to_request", m.how_to_request},
          {"evidence", m.evidence},
          {"evidence_url", m.evidence_url},
          {"public", yes_no(m.is_public)}};
}

ModelSnapshot arena_snapshot(const Arena& a) {
  std::string fixed, on_demand;
  for (const auto& m : a.members) {
    auto& list = m.fixed ? fixed : on_demand;
    append_item(list, ", ", m.name);
  }
  std::string modes = a.anonymous_cases ? "anonymous" : "";
  if (a.log_cases) append_item(modes, ", ", "log");
  return {{"name", a.name},
          {"purpose", a.purpose},
          {"levels", std::to_string(a.level_from) + "-" + std::to_string(a.level_to)},
          {"frequency", a.frequency},
          {"fixed_units", fixed},
          {"on_demand_units", on_demand},
          {"children", std::string(attendance_code(a.children))},
          {"parents", std::string(attendance_code(a.parents))},
          {"how_to_bring", a.how_to_bring},
          {"cases", modes},
          {"public", yes_no(a.is_public)}};
}

ModelSnapshot plan_snapshot(const Plan& p) {
  return {{"title", p.title},
          {"plan_level", std::string(plan_level_code(p.level))},
          {"plan_kind", std::string(plan_kind_code(p.kind))},
          {"body", p.body},
          {"owner", p.owner},
          {"reviewed_on", iso_date(p.reviewed_on)},
          {"public", yes_no(p.is_public)}};
}

ModelSnapshot service_snapshot(std::string_view unit_name, ServiceType type, const ServiceProfile& p) {
  std::string needs;
  for (Need n : p.needs) append_item(needs, ", ", need_code(n));
  return {{"name", std::string(unit_name)},
          {"service_type", std::string(service_type_code(type))},
          {"description", p.description},
          {"ages", std::to_string(p.age_from) + "-" + std::to_string(p.age_to)},
          {"needs", needs},
          {"levels", p.levels.code()},
          {"phone", p.phone},
          {"address", p.address},
          {"opening_hours", format_opening_hours(p.opening_hours)},
          {"contact_form_url", p.contact_form_url},
          {"referral_needed", yes_no(p.referral_needed)},
          {"public", yes_no(p.is_public)}};
}

}  // namespace stafett::domain
