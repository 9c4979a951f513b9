#include "app/access_listing.h"

#include "app/entry_writing.h"
#include "core/oslo_time.h"
#include "domain/entry.h"

namespace stafett::app {
namespace {

// The first instant of an Oslo date: the end of the day before.
TimePoint oslo_start_of_day(domain::Date date) {
  return oslo_end_of_day(domain::Date{std::chrono::sys_days{date} - std::chrono::days{1}});
}

}  // namespace

store::AccessRecordFilter access_period(const std::string& from_text, const std::string& to_text,
                                        domain::FieldProblems& errors) {
  store::AccessRecordFilter f;
  std::optional<domain::Date> from;
  std::optional<domain::Date> to;
  if (!from_text.empty()) {
    from = domain::date_from_code(from_text);
    if (!from) errors.push_back({"from", "access.error.from"});
  }
  if (!to_text.empty()) {
    to = domain::date_from_code(to_text);
    if (!to) errors.push_back({"to", "access.error.to"});
  }
  if (from && to && *to < *from) errors.push_back({"to", "access.error.period"});
  if (from) f.from = oslo_start_of_day(*from);
  if (to) f.until = oslo_end_of_day(*to);
  return f;
}

Result<std::optional<store::AccessRecordPosition>> access_cursor(
    store::Transaction& tx, const std::string& text,
    const std::function<bool(const store::AccessRecordPlace&)>& belongs, domain::FieldProblems& errors) {
  if (text.empty()) return std::optional<store::AccessRecordPosition>{};
  const auto sequence = writing::parse_id(text);
  if (!sequence) {
    errors.push_back({"before", "access.error.before"});
    return std::optional<store::AccessRecordPosition>{};
  }
  auto place = store::find_access_record_place(tx, *sequence);
  if (!place) return place.error();
  if (!*place || !belongs(**place)) {
    errors.push_back({"before", "access.error.before"});
    return std::optional<store::AccessRecordPosition>{};
  }
  return std::optional<store::AccessRecordPosition>{(*place)->position};
}

Result<std::optional<store::PersonRow>> AccessNames::person(domain::PersonId id) {
  auto it = people_.find(id.value);
  if (it != people_.end()) return it->second;
  auto row = store::find_person(tx_, id);
  if (!row) return row.error();
  people_.emplace(id.value, *row);
  return *row;
}

Result<std::string> AccessNames::person_name(domain::PersonId id) {
  auto p = person(id);
  if (!p) return p.error();
  return *p ? (*p)->full_name() : std::string();
}

Result<std::string> AccessNames::unit_name(domain::UnitId id) {
  auto it = units_.find(id.value);
  if (it != units_.end()) return it->second;
  auto row = store::find_unit(tx_, id);
  if (!row) return row.error();
  std::string name = *row ? (*row)->name : std::string();
  units_.emplace(id.value, name);
  return name;
}

Result<AccessLine> access_line_of(AccessNames& names, const store::ListedAccessRecord& listed) {
  const auto& r = listed.record;
  AccessLine line;
  line.sequence = listed.sequence;
  line.at = r.at;
  line.person = r.person;
  auto name = names.person_name(r.person);
  if (!name) return name.error();
  line.person_name = std::move(*name);
  line.role = r.role;
  if (r.unit) {
    auto unit = names.unit_name(*r.unit);
    if (!unit) return unit.error();
    line.unit_name = std::move(*unit);
  }
  line.service = r.service;
  line.action = r.action;
  line.basis = r.basis;
  if (r.basis == domain::AccessBasis::kBreakGlass) line.break_glass_reason = r.break_glass_reason;
  return line;
}

}  // namespace stafett::app
