#include "app/entry_writing.h"

#include <algorithm>
#include <charconv>

#include "app/access.h"
#include "policy/policy.h"
#include "store/catalogue_repository.h"
#include "store/entry_codec.h"
#include "store/log_repository.h"

namespace stafett::app::writing {

using domain::EntryId;
using domain::EntryKind;
using domain::InfoCategory;
using policy::Action;
using store::Transaction;

namespace {
constexpr std::size_t kMaxReason = 2000;
}  // namespace

Error forbidden() { return make_error(Errc::kForbidden, "denied by policy"); }

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v <= 0 || text.empty()) return std::nullopt;
  return v;
}

void add_problems(FieldErrors& errors, const domain::FieldProblems& problems) {
  for (const auto& p : problems) errors.push_back({p.field, p.message});
}

domain::Date parsed_date(const std::string& text, const char* field, FieldErrors& errors) {
  auto d = domain::date_from_code(text);
  if (!d) {
    errors.push_back({field, "entry.error.date"});
    return domain::Date{};
  }
  return *d;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (!line.empty()) out.push_back(std::move(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Result<void> add_note_facts(Transaction& tx, domain::LogId log, policy::AccessFacts& facts) {
  auto settings = store::note_settings(tx, log);
  if (!settings) return settings.error();
  facts.notes_by_all_contributors = settings->notes_by_all_contributors;
  facts.guardians_may_write_notes = settings->guardians_may_write;
  return {};
}

Result<policy::AccessFacts> facts_for(Transaction& tx, const policy::Actor& actor, domain::LogId log, Action action,
                                      TimePoint now, const store::EntryRow* entry, EntryKind kind,
                                      InfoCategory category) {
  auto facts = load_access_facts(tx, actor, log, now, {category, std::nullopt});
  if (!facts) return forbidden();  // a fact that cannot be loaded is a deny
  if (!add_note_facts(tx, log, *facts)) return forbidden();
  facts->actor_is_entry_author = entry && entry->author == actor.person;
  // Families take part for no unit, so an entry without one is theirs.
  facts->entry_by_family = entry && !entry->author_unit;
  facts->entry_kind = kind;
  if (!policy::can(actor, action, *facts)) return forbidden();
  return facts;
}

store::NewEntry new_entry(const policy::Actor& actor, const policy::AccessFacts& facts, domain::LogId log,
                          EntryKind kind, InfoCategory category, std::string body) {
  return {log, kind, category, std::nullopt, actor.person,
          facts.participation ? facts.participation->unit : std::nullopt, std::move(body), {}};
}

bool may_read_entry(const policy::Actor& actor, const policy::AccessFacts& facts, const store::EntryRow& e) {
  policy::AccessFacts f = facts;
  f.category = e.category;
  if (!policy::can(actor, Action::kReadLog, f)) return false;
  if (!e.hidden_from_guardians) return true;
  // Hidden from guardians: the author's unit and the author see it, and the
  // child (whose confidentiality it protects); guardians never.
  if (actor.kind == policy::ActorKind::kCitizen) return facts.actor_is_child && !facts.actor_is_guardian;
  return e.author == actor.person ||
         (facts.participation && facts.participation->unit && e.author_unit &&
          *facts.participation->unit == *e.author_unit);
}

Result<store::EntryRow> entry_to_correct(Transaction& tx, const policy::Actor& actor, domain::LogId log, EntryId id,
                                         EntryKind kind, const std::string& reason, TimePoint now,
                                         FieldErrors& errors) {
  // Whoever may not read the log is told no more than on the log page.
  auto reader = load_access_facts(tx, actor, log, now);
  if (!reader || !policy::can(actor, Action::kReadLog, *reader)) return forbidden();
  auto entry = store::find_entry(tx, log, id);
  if (!entry) return entry.error();
  // An entry the actor cannot see (a note hidden from their unit) is as
  // unknown as one that does not exist: nobody corrects what they cannot read.
  if (!*entry || (*entry)->kind != kind || !may_read_entry(actor, *reader, **entry)) {
    return make_error(Errc::kNotFound, "entry");
  }
  const auto& e = **entry;
  auto facts = facts_for(tx, actor, log, Action::kCorrectEntry, now, &e, kind, e.category);
  if (!facts) return facts.error();
  if (reason.empty() || reason.size() > kMaxReason) errors.push_back({"reason", "entry.error.reason"});
  return std::move(**entry);
}

domain::GoalBody goal_body(const GoalInput& in, FieldErrors& errors) {
  auto status = domain::goal_status_from_code(in.status);
  if (!status) errors.push_back({"status", "goal.error.status"});
  domain::GoalBody body{in.text, status.value_or(domain::GoalStatus::kActive)};
  add_problems(errors, domain::validate(body));
  return body;
}

domain::MeasureBody measure_body(Transaction& tx, domain::LogId log, const MeasureInput& in, FieldErrors& errors) {
  domain::MeasureBody m;
  m.title = in.title;
  m.description = in.description;
  m.start_date = parsed_date(in.start_date, "start_date", errors);
  m.evaluation_date = parsed_date(in.evaluation_date, "evaluation_date", errors);
  auto status = domain::measure_status_from_code(in.status);
  if (!status) errors.push_back({"status", "measure.error.status"});
  m.status = status.value_or(domain::MeasureStatus::kPlanned);
  m.status_reason = in.status_reason;
  auto participants = store::participants_of(tx, log);
  const auto responsible = parse_id(in.responsible);
  const auto unit = parse_id(in.unit);
  bool responsible_ok = false, unit_ok = false;
  if (participants) {
    for (const auto& p : *participants) {
      if (p.participant.ended_at) continue;
      responsible_ok |= responsible && p.participant.id.value == *responsible;
      unit_ok |= unit && p.participant.unit && p.participant.unit->value == *unit;
    }
  }
  if (responsible_ok) m.responsible = domain::ParticipantId{*responsible};
  if (unit_ok) m.unit = domain::UnitId{*unit};
  add_problems(errors, domain::validate(m));
  if (!responsible_ok && responsible) errors.push_back({"responsible", "measure.error.responsible_not_in_log"});
  if (!in.catalogue.empty()) {
    // Only a measure from the catalogue of the log's own municipality.
    const auto id = parse_id(in.catalogue);
    auto found = id ? store::find_catalogue_measure(tx, domain::CatalogueMeasureId{*id})
                    : Result<std::optional<domain::CatalogueMeasure>>(std::optional<domain::CatalogueMeasure>{});
    auto row = store::find_log(tx, log);
    if (found && *found && row && *row && (*found)->municipality == (*row)->municipality) {
      m.catalogue = (*found)->id;
    } else {
      errors.push_back({"catalogue", "measure.error.catalogue"});
    }
  }
  // Each named goal must be a goal of this log (looked up one by one: a log's
  // other entries are not needed for that).
  std::vector<EntryId> goals;
  for (const auto& g : in.goals) {
    const auto id = parse_id(g);
    auto found = id ? store::find_entry(tx, log, EntryId{*id}) : Result<std::optional<store::EntryRow>>(std::nullopt);
    if (!found || !*found || (*found)->kind != EntryKind::kGoal) {
      errors.push_back({"goals", "measure.error.goal"});
      break;
    }
    goals.push_back(EntryId{*id});
  }
  m.goals = std::move(goals);
  return m;
}

domain::EvaluationBody evaluation_body(const EvaluationInput& in, const domain::MeasureBody& measure,
                                       FieldErrors& errors) {
  domain::EvaluationBody body;
  body.date = parsed_date(in.date, "date", errors);
  body.observed = in.observed;
  auto outcome = domain::outcome_from_code(in.outcome);
  if (!outcome) errors.push_back({"outcome", "evaluation.error.outcome"});
  body.outcome = outcome.value_or(domain::EvaluationOutcome::kContinue);
  if (!in.next_evaluation_date.empty()) {
    body.next_evaluation_date = parsed_date(in.next_evaluation_date, "next_evaluation_date", errors);
  }
  if (errors.empty()) add_problems(errors, domain::validate(body, measure));
  return body;
}

domain::NoteBody note_body(const NoteInput& in, FieldErrors& errors) {
  domain::NoteBody body;
  body.date = parsed_date(in.date, "date", errors);
  auto type = domain::note_type_from_code(in.type);
  if (!type) errors.push_back({"type", "note.error.type"});
  body.type = type.value_or(domain::NoteType::kOther);
  body.text = in.text;
  return body;
}

domain::TaskBody task_body(Transaction& tx, domain::LogId log, const std::string& title, const TaskInput& in,
                           FieldErrors& errors) {
  domain::TaskBody body;
  body.title = title;
  body.due_date = parsed_date(in.due_date, "due_date", errors);
  const auto assignee = parse_id(in.assignee);
  auto participants = store::participants_of(tx, log);
  if (participants) {
    for (const auto& p : *participants) {
      if (!p.participant.ended_at && assignee && p.participant.id.value == *assignee) body.assignee = p.participant.id;
    }
  }
  add_problems(errors, domain::validate(body));
  if (assignee && !body.assignee) {
    errors.erase(std::remove_if(errors.begin(), errors.end(), [](const auto& e) { return e.field == "assignee"; }),
                 errors.end());
    errors.push_back({"assignee", "task.error.assignee_not_in_log"});
  }
  return body;
}

domain::MeetingBody meeting_body(Transaction& tx, domain::LogId log, const MeetingInput& in, FieldErrors& errors) {
  domain::MeetingBody body;
  body.starts_at = in.starts_at;
  body.place = in.place;
  body.video_link = in.video_link;
  body.agenda = lines_of(in.agenda);
  body.decisions = lines_of(in.decisions);
  auto participants = store::participants_of(tx, log);
  bool stranger = false;
  for (const auto& id_text : in.invited) {
    const auto id = parse_id(id_text);
    const bool in_log = id && participants && std::any_of(participants->begin(), participants->end(), [&](const auto& p) {
                          return !p.participant.ended_at && p.participant.id.value == *id;
                        });
    if (in_log) {
      body.invited.push_back(domain::ParticipantId{*id});
    } else {
      stranger = true;
    }
  }
  if (stranger) errors.push_back({"invited", "meeting.error.invited_not_in_log"});
  add_problems(errors, domain::validate(body));
  return body;
}

}  // namespace stafett::app::writing
