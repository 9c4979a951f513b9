#include "app/tool_records.h"

#include <algorithm>
#include <set>

#include "app/access.h"
#include "app/entry_writing.h"
#include "core/oslo_time.h"
#include "policy/policy.h"
#include "store/guide_codec.h"

namespace stafett::app {
namespace {

using policy::Action;
using store::Transaction;
using store::TxMode;

Error forbidden() { return make_error(Errc::kForbidden, "tool record"); }
Error not_found() { return make_error(Errc::kNotFound, "tool record"); }

std::chrono::year_month_day today(TimePoint now) { return oslo_date(now); }

Result<std::vector<store::UnitRow>> active_units(Transaction& tx, domain::PersonId person, TimePoint now) {
  auto employments = store::active_employments(tx, person, now);
  if (!employments) return employments.error();
  std::vector<store::UnitRow> units;
  for (const auto& e : *employments) {
    if (std::none_of(units.begin(), units.end(), [&](const store::UnitRow& u) { return u.id == e.unit.id; })) {
      units.push_back(e.unit);
    }
  }
  return units;
}

// The facts the policy decides a record on: the actor's units now, and
// whether the record is a draft and theirs.
policy::AccessFacts record_facts(const std::vector<store::UnitRow>& units, const store::ToolRecordRow& r,
                                 const policy::Actor& actor) {
  policy::AccessFacts f;
  f.actor_in_record_unit =
      std::any_of(units.begin(), units.end(), [&](const store::UnitRow& u) { return u.id == r.unit; });
  f.record_is_draft = !r.submitted;
  f.actor_is_record_author = r.author == actor.person;
  return f;
}

// The record `id` with the actor's units now, once the policy lets the
// actor use it (kNotFound, kForbidden otherwise).
struct AllowedRecord {
  store::ToolRecordRow row;
  std::vector<store::UnitRow> units;
};
Result<AllowedRecord> allowed_record(Transaction& tx, const policy::Actor& actor, std::int64_t id, TimePoint now) {
  auto row = store::find_tool_record(tx, id);
  if (!row) return row.error();
  if (!*row) return not_found();
  auto units = active_units(tx, actor.person, now);
  if (!units) return units.error();
  if (!policy::can(actor, Action::kUseTool, record_facts(*units, **row, actor))) return forbidden();
  return AllowedRecord{std::move(**row), std::move(*units)};
}

bool uses(const domain::FormDefinition& form, const std::vector<domain::FieldDefinition>& fields, domain::FieldType t,
          int depth = 0) {
  for (const auto& f : fields) {
    if (f.type == t) return true;
    if (f.type == domain::FieldType::kGroup && depth < domain::kMaxGroupDepth) {
      const auto* g = domain::find_group(form, f.group);
      if (g != nullptr && uses(form, g->fields, t, depth + 1)) return true;
    }
  }
  return false;
}

// The municipality's units and employees, when the form has pickers.
Result<PickerOptions> picker_options(Transaction& tx, const domain::FormDefinition& form,
                                     domain::MunicipalityId municipality, TimePoint now) {
  PickerOptions out;
  const bool units = uses(form, form.fields, domain::FieldType::kUnit);
  const bool people = uses(form, form.fields, domain::FieldType::kPerson);
  if (!units && !people) return out;
  auto serving = store::units_serving(tx, municipality);
  if (!serving) return serving.error();
  std::set<std::int64_t> seen;
  for (const auto& u : *serving) {
    out.choices.units.insert(u.id.value);
    out.units.emplace_back(u.id.value, u.name);
    if (!people) continue;
    auto employees = store::employees_of_unit(tx, u.id, now);
    if (!employees) return employees.error();
    for (const auto& e : *employees) {
      if (!seen.insert(e.person.id.value).second) continue;
      out.choices.people.insert(e.person.id.value);
      out.people.emplace_back(e.person.id.value, e.person.full_name() + " (" + u.name + ")");
    }
  }
  if (!units) {
    out.choices.units.clear();
    out.units.clear();
  }
  return out;
}

Result<ToolForm> form_for(Transaction& tx, const domain::GuideTool& tool, std::optional<std::int64_t> version,
                          const std::vector<store::UnitRow>& units, domain::UnitId unit, TimePoint now) {
  ToolForm form;
  form.tool = tool;
  form.guide_version = version;
  form.unit = unit;
  for (const auto& u : units) {
    if (u.id == unit) form.municipality = u.municipality;
  }
  for (const auto& u : units) {
    if (u.municipality == form.municipality) form.my_units.push_back(u);
  }
  auto pickers = picker_options(tx, *tool.form, form.municipality, now);
  if (!pickers) return pickers.error();
  form.pickers = std::move(*pickers);
  return form;
}

std::optional<std::int64_t> parse_id(const std::string& text) { return writing::parse_id(text); }

void collect_ids(const domain::FormDefinition& form, const std::vector<domain::FieldDefinition>& fields,
                 const domain::FormAnswers& answers, std::set<std::int64_t>& units, std::set<std::int64_t>& people,
                 int depth = 0) {
  for (const auto& f : fields) {
    if (f.type == domain::FieldType::kGroup) {
      const auto* g = domain::find_group(form, f.group);
      const auto it = answers.groups.find(f.key);
      if (g == nullptr || it == answers.groups.end() || depth >= domain::kMaxGroupDepth) continue;
      for (const auto& item : it->second) collect_ids(form, g->fields, item, units, people, depth + 1);
      continue;
    }
    if (f.type != domain::FieldType::kUnit && f.type != domain::FieldType::kPerson) continue;
    if (auto id = parse_id(domain::answer_of(answers, f.key))) {
      (f.type == domain::FieldType::kUnit ? units : people).insert(*id);
    }
  }
}

// The view's decoded tool and answers, and the names of units and people they name.
Result<void> fill_view(Transaction& tx, ToolRecordView& view) {
  auto tool = store::decode_tool(view.row.tool);
  if (!tool) return tool.error();
  view.tool = std::move(*tool);
  auto answers = store::decode_answers(view.row.answers);
  if (!answers) return make_error(Errc::kInternal, "damaged tool record answers");
  view.answers = std::move(*answers);
  if (!view.tool.form) return make_error(Errc::kInternal, "tool record without a form");
  const auto& form = *view.tool.form;
  if (!form.child_name_field.empty()) view.child_name = domain::answer_of(view.answers, form.child_name_field);
  std::set<std::int64_t> units, people;
  collect_ids(form, form.fields, view.answers, units, people);
  for (auto id : units) {
    auto u = store::find_unit(tx, domain::UnitId{id});
    if (!u) return u.error();
    if (*u) view.unit_names[id] = (*u)->name;
  }
  for (auto id : people) {
    auto p = store::find_person(tx, domain::PersonId{id});
    if (!p) return p.error();
    if (*p) view.person_names[id] = (*p)->full_name();
  }
  return {};
}

}  // namespace

Result<ToolForm> new_tool_form(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                               const std::string& tool_key, std::optional<domain::UnitId> unit, TimePoint now) {
  if (!policy::may_attempt(actor, Action::kUseTool)) return forbidden();
  auto units = store::transact_value<std::vector<store::UnitRow>>(
      db, TxMode::kRead, [&](Transaction& tx) { return active_units(tx, actor.person, now); });
  if (!units) return units.error();
  if (units->empty()) return forbidden();
  domain::UnitId chosen = units->front().id;
  if (unit && std::any_of(units->begin(), units->end(), [&](const store::UnitRow& u) { return u.id == *unit; })) {
    chosen = *unit;
  }
  domain::MunicipalityId municipality;
  for (const auto& u : *units) {
    if (u.id == chosen) municipality = u.municipality;
  }
  auto published = guides.by_id(db, municipality, now);
  if (!published) return published.error();
  if (!*published) return not_found();
  const auto* tool = domain::find_tool((*published)->guide, tool_key);
  if (tool == nullptr || !tool->form) return not_found();
  return store::transact_value<ToolForm>(db, TxMode::kRead, [&](Transaction& tx) {
    return form_for(tx, *tool, (*published)->version_id, *units, chosen, now);
  });
}

Result<ToolForm> draft_tool_form(store::Database& db, const policy::Actor& actor, std::int64_t id, TimePoint now) {
  if (!policy::may_attempt(actor, Action::kUseTool)) return forbidden();
  return store::transact_value<ToolForm>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ToolForm> {
    auto allowed = allowed_record(tx, actor, id, now);
    if (!allowed) return allowed.error();
    if (allowed->row.submitted) return make_error(Errc::kConflict, "submitted");
    auto tool = store::decode_tool(allowed->row.tool);
    if (!tool) return tool.error();
    auto answers = store::decode_answers(allowed->row.answers);
    if (!answers) return make_error(Errc::kInternal, "damaged tool record answers");
    auto form = form_for(tx, *tool, allowed->row.guide_version, allowed->units, allowed->row.unit, now);
    if (!form) return form.error();
    form->answers = std::move(*answers);
    form->record = id;
    return form;
  });
}

Result<SaveToolOutcome> save_tool_record(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                         const ToolRecordInput& input, TimePoint now) {
  SaveToolOutcome out;
  // The form as it is: the draft's own tool, or the guide's tool now.
  std::optional<domain::UnitId> wanted;
  if (auto id = parse_id(input.unit)) wanted = domain::UnitId{*id};
  auto form = input.id ? draft_tool_form(db, actor, *input.id, now)
                       : new_tool_form(db, guides, actor, input.tool_key, wanted, now);
  if (!form) return form.error();
  out.form = std::move(*form);
  out.form.answers = input.answers;
  // The unit must be one of the author's own, in the same municipality.
  if (!input.unit.empty()) {
    const bool mine = wanted && std::any_of(out.form.my_units.begin(), out.form.my_units.end(),
                                            [&](const store::UnitRow& u) { return u.id == *wanted; });
    if (!mine) {
      out.errors.push_back({"unit", "tool.error.unit"});
    } else {
      out.form.unit = *wanted;
    }
  }
  auto answers = input.answers;
  auto problems = domain::check_answers(*out.form.tool.form, answers,
                                        input.submit ? domain::FormCheck::kSubmit : domain::FormCheck::kDraft,
                                        out.form.pickers.choices, today(now));
  out.errors.insert(out.errors.end(), problems.begin(), problems.end());
  if (!out.errors.empty()) return out;
  out.form.answers = answers;
  const auto encoded = store::encode_answers(answers);
  auto saved = store::transact_value<std::int64_t>(db, TxMode::kWrite, [&](Transaction& tx) -> Result<std::int64_t> {
    auto units = active_units(tx, actor.person, now);
    if (!units) return units.error();
    if (input.id) {
      auto row = store::find_tool_record(tx, *input.id);
      if (!row) return row.error();
      if (!*row) return not_found();
      if (!policy::can(actor, Action::kUseTool, record_facts(*units, **row, actor))) return forbidden();
      if (auto r = store::update_tool_record_draft(tx, *input.id, out.form.unit, encoded, input.submit, now); !r) {
        return r.error();
      }
      return *input.id;
    }
    store::ToolRecordRow would_be;
    would_be.unit = out.form.unit;
    would_be.author = actor.person;
    would_be.submitted = true;  // a new record: only the unit decides
    if (!policy::can(actor, Action::kUseTool, record_facts(*units, would_be, actor))) return forbidden();
    return store::insert_tool_record(tx,
                                     {out.form.municipality, out.form.unit, actor.person, out.form.tool.key,
                                      out.form.guide_version, store::encode_tool(out.form.tool), encoded, input.submit},
                                     now);
  });
  if (!saved) return saved.error();
  out.id = *saved;
  out.form.record = *saved;
  return out;
}

Result<void> delete_tool_draft(store::Database& db, const policy::Actor& actor, std::int64_t id, TimePoint now) {
  if (!policy::may_attempt(actor, Action::kUseTool)) return forbidden();
  return db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto allowed = allowed_record(tx, actor, id, now);
    if (!allowed) return allowed.error();
    return store::delete_tool_record_draft(tx, id);  // kConflict once submitted: kept for good
  });
}

Result<ToolRecordView> view_tool_record(store::Database& db, const policy::Actor& actor, std::int64_t id,
                                        TimePoint now) {
  if (!policy::may_attempt(actor, Action::kUseTool)) return forbidden();
  return store::transact_value<ToolRecordView>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ToolRecordView> {
    auto allowed = allowed_record(tx, actor, id, now);
    if (!allowed) return allowed.error();
    ToolRecordView view;
    view.row = std::move(allowed->row);
    // In a log it is the log's: read there, under the log's consent.
    if (view.row.log) {
      view.row.answers = "{}";
      view.row.tool.clear();
      return view;
    }
    if (auto r = fill_view(tx, view); !r) return r.error();
    view.can_edit = !view.row.submitted;
    view.can_follow_up = view.row.submitted;
    if (!view.can_follow_up) return view;
    // The open logs where the actor may write notes: where it may go.
    auto candidates = store::candidate_logs(tx, actor.person, now);
    if (!candidates) return candidates.error();
    for (const auto log : *candidates) {
      auto facts = load_access_facts(tx, actor, log, now, {domain::InfoCategory::kNotes, std::nullopt});
      if (!facts) continue;
      if (auto r = writing::add_note_facts(tx, log, *facts); !r) continue;
      facts->entry_kind = domain::EntryKind::kNote;
      if (!policy::can(actor, Action::kWriteEntry, *facts)) continue;
      auto log_row = store::find_log(tx, log);
      if (!log_row || !*log_row) continue;
      auto child = store::find_person(tx, (*log_row)->child);
      view.logs.push_back({log, child && *child ? (*child)->full_name() : std::string()});
    }
    return view;
  });
}

Result<std::vector<store::ToolRecordRow>> my_units_tool_records(store::Database& db, const policy::Actor& actor,
                                                                TimePoint now) {
  if (!policy::may_attempt(actor, Action::kUseTool)) return forbidden();
  return store::transact_value<std::vector<store::ToolRecordRow>>(
      db, TxMode::kRead, [&](Transaction& tx) -> Result<std::vector<store::ToolRecordRow>> {
        auto units = active_units(tx, actor.person, now);
        if (!units) return units.error();
        std::vector<domain::UnitId> ids;
        for (const auto& u : *units) ids.push_back(u.id);
        auto rows = store::tool_records_of_units(tx, ids, actor.person);
        if (!rows) return rows.error();
        std::vector<store::ToolRecordRow> out;
        for (auto& r : *rows) {
          if (policy::can(actor, Action::kUseTool, record_facts(*units, r, actor))) out.push_back(std::move(r));
        }
        return out;
      });
}

Result<FieldErrors> set_tool_outcome(store::Database& db, const policy::Actor& actor, std::int64_t id,
                                     const std::string& outcome, TimePoint now) {
  if (!policy::may_attempt(actor, Action::kUseTool)) return forbidden();
  if (outcome != "closed" && outcome != "in_unit") return FieldErrors{{"outcome", "tool.error.outcome"}};
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto allowed = allowed_record(tx, actor, id, now);
    if (!allowed) return allowed.error();
    return store::set_tool_record_outcome(tx, id, outcome, now);
  });
  if (!r) return r.error();
  return FieldErrors{};
}

Result<void> attach_tool_record(store::Database& db, AccessTrail& trail, const policy::Actor& actor, std::int64_t id,
                                domain::LogId log, TimePoint now) {
  if (!policy::may_attempt(actor, Action::kUseTool)) return forbidden();
  return db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto allowed = allowed_record(tx, actor, id, now);
    if (!allowed) return allowed.error();
    if (!allowed->row.submitted || allowed->row.log) return make_error(Errc::kConflict, "not submitted, or in a log already");
    // Into the log as a note: the consent must let the actor write notes there.
    auto facts = writing::facts_for(tx, actor, log, Action::kWriteEntry, now, nullptr, domain::EntryKind::kNote,
                                    domain::InfoCategory::kNotes);
    if (!facts) return facts.error();
    if (auto r = store::attach_tool_record(tx, id, log, actor.person, now); !r) return r.error();
    return trail.record_in(tx, access_record_for(actor, *facts, log, domain::AccessAction::kChange, now));
  });
}

Result<ToolRecordView> view_tool_record_in_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                               domain::LogId log, std::int64_t id, TimePoint now) {
  auto view = store::transact_value<ToolRecordView>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ToolRecordView> {
    auto facts = load_access_facts(tx, actor, log, now, {domain::InfoCategory::kNotes, std::nullopt});
    if (!facts) return forbidden();
    const auto decision = policy::can(actor, Action::kReadLog, *facts);
    if (!decision) return facts->log_found ? forbidden() : not_found();
    auto row = store::find_tool_record(tx, id);
    if (!row) return row.error();
    if (!*row || (*row)->log != log) return not_found();
    ToolRecordView v;
    v.row = std::move(**row);
    if (auto r = fill_view(tx, v); !r) return r.error();
    if (auto r = trail.record(access_record_for(actor, *facts, log, domain::AccessAction::kView, now)); !r) {
      return r.error();
    }
    return v;
  });
  return view;
}

}  // namespace stafett::app
