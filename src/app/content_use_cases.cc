#include "app/content_use_cases.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "app/access.h"
#include "core/oslo_time.h"
#include "core/utf8.h"
#include "policy/policy.h"
#include "store/entry_codec.h"
#include "store/entry_repository.h"
#include "store/log_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using domain::EntryId;
using domain::EntryKind;
using domain::InfoCategory;
using policy::Action;
using store::Transaction;
using store::TxMode;

constexpr std::size_t kMaxReason = 2000;

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

// Adds the log's note settings to loaded facts.
Result<void> add_note_facts(Transaction& tx, domain::LogId log, policy::AccessFacts& facts) {
  auto settings = store::note_settings(tx, log);
  if (!settings) return settings.error();
  facts.notes_by_all_contributors = settings->notes_by_all_contributors;
  facts.guardians_may_write_notes = settings->guardians_may_write;
  return {};
}

// A new entry written by `actor`, credited to the unit they take part for
// (families take part for none).
store::NewEntry new_entry(const policy::Actor& actor, const policy::AccessFacts& facts, domain::LogId log,
                          EntryKind kind, InfoCategory category, std::string body) {
  return {log, kind, category, std::nullopt, actor.person,
          facts.participation ? facts.participation->unit : std::nullopt, std::move(body), {}};
}

// Loads the facts for writing an entry of `kind` in `category` and decides.
Result<policy::AccessFacts> facts_for(Transaction& tx, const policy::Actor& actor, domain::LogId log, Action action,
                                      TimePoint now, std::optional<domain::PersonId> entry_author = std::nullopt,
                                      EntryKind kind = EntryKind::kGoal,
                                      InfoCategory category = InfoCategory::kGoalsMeasures) {
  auto facts = load_access_facts(tx, actor, log, now, {category, std::nullopt});
  if (!facts) return forbidden();  // a fact that cannot be loaded is a deny
  if (!add_note_facts(tx, log, *facts)) return forbidden();
  facts->actor_is_entry_author = entry_author && *entry_author == actor.person;
  facts->entry_kind = kind;
  if (!policy::can(actor, action, *facts)) return forbidden();
  return facts;
}

// The measure's body from its input, checked against the log: the goals must
// be goals of this log, the responsible an active participant, the unit one
// taking part.
domain::MeasureBody measure_from(Transaction& tx, domain::LogId log, const MeasureInput& in, FieldErrors& errors,
                                 std::vector<EntryId>& goals) {
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
  auto entries = store::entries_of(tx, log);
  for (const auto& g : in.goals) {
    const auto id = parse_id(g);
    const bool is_goal = id && entries && std::any_of(entries->begin(), entries->end(), [&](const auto& e) {
                           return e.id.value == *id && e.kind == EntryKind::kGoal;
                         });
    if (!is_goal) {
      errors.push_back({"goals", "measure.error.goal"});
      break;
    }
    goals.push_back(EntryId{*id});
  }
  return m;
}

std::string name_of(Transaction& tx, domain::PersonId person) {
  auto p = store::find_person(tx, person);
  return p && *p ? (*p)->full_name() : "";
}

}  // namespace

Result<WriteOutcome> add_note(store::Database& db, const policy::Actor& actor, domain::LogId log,
                              const NoteInput& in, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    const InfoCategory category = in.health ? InfoCategory::kHealth : InfoCategory::kNotes;
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now, std::nullopt, EntryKind::kNote, category);
    if (!facts) return facts.error();
    domain::NoteBody body;
    body.date = parsed_date(in.date, "date", out.errors);
    auto type = domain::note_type_from_code(in.type);
    if (!type) out.errors.push_back({"type", "note.error.type"});
    body.type = type.value_or(domain::NoteType::kOther);
    body.text = in.text;
    domain::NoteVisibility visibility{in.hidden_from_guardians, in.hidden_reason, in.legal_reference};
    // Only an employee can hide a note from guardians.
    if (visibility.hidden_from_guardians && actor.kind != policy::ActorKind::kEmployee) {
      out.errors.push_back({"hidden", "note.error.hide_not_allowed"});
    }
    add_problems(out.errors, domain::validate(body, visibility));
    if (!out.errors.empty()) return {};
    auto e = new_entry(actor, *facts, log, EntryKind::kNote, category, store::encode(body));
    e.visibility = visibility;
    auto id = store::insert_entry(tx, e, now);
    if (!id) return id.error();
    out.entry = *id;
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<WriteOutcome> add_highlight(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                   const std::string& text, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now, std::nullopt, EntryKind::kHighlight,
                           InfoCategory::kBasic);
    if (!facts) return facts.error();
    const domain::HighlightBody body{text};
    add_problems(out.errors, domain::validate(body));
    if (!out.errors.empty()) return {};
    auto e = new_entry(actor, *facts, log, EntryKind::kHighlight, InfoCategory::kBasic, store::encode(body));
    auto id = store::insert_entry(tx, e, now);
    if (!id) return id.error();
    out.entry = *id;
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<void> set_note_rules(store::Database& db, const policy::Actor& actor, domain::LogId log, bool all_contributors,
                            bool guardians, const Clock& clock) {
  return db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kConfigureLog, *facts)) return forbidden();
    return store::save_note_settings(tx, log, {all_contributors, guardians}, actor.person, now);
  });
}

namespace {

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

}  // namespace

Result<WriteOutcome> add_meeting(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                 const MeetingInput& in, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now, std::nullopt, EntryKind::kMeeting,
                           InfoCategory::kMeetings);
    if (!facts) return facts.error();
    domain::MeetingBody body;
    body.starts_at = in.starts_at;
    body.place = in.place;
    body.video_link = in.video_link;
    body.agenda = lines_of(in.agenda);
    auto participants = store::participants_of(tx, log);
    if (!participants) return participants.error();
    bool stranger = false;
    for (const auto& id_text : in.invited) {
      const auto id = parse_id(id_text);
      const bool in_log = id && std::any_of(participants->begin(), participants->end(), [&](const auto& p) {
                            return !p.participant.ended_at && p.participant.id.value == *id;
                          });
      if (in_log) {
        body.invited.push_back(domain::ParticipantId{*id});
      } else {
        stranger = true;
      }
    }
    if (stranger) out.errors.push_back({"invited", "meeting.error.invited_not_in_log"});
    add_problems(out.errors, domain::validate(body));
    if (!out.errors.empty()) return {};
    auto e = new_entry(actor, *facts, log, EntryKind::kMeeting, InfoCategory::kMeetings, store::encode(body));
    auto id = store::insert_entry(tx, e, now);
    if (!id) return id.error();
    out.entry = *id;
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<WriteOutcome> record_minutes(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                    domain::EntryId meeting, int version, const std::string& minutes,
                                    const std::string& decisions, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now, std::nullopt, EntryKind::kMeeting,
                           InfoCategory::kMeetings);
    if (!facts) return facts.error();
    auto entry = store::find_entry(tx, log, meeting);
    if (!entry) return entry.error();
    if (!*entry || (*entry)->kind != EntryKind::kMeeting) return make_error(Errc::kNotFound, "meeting");
    auto body = store::decode_meeting((*entry)->versions.back().body);
    if (!body) return body.error();
    body->minutes = minutes;
    body->decisions = lines_of(decisions);
    if (minutes.empty() || std::all_of(minutes.begin(), minutes.end(), [](char c) { return c == ' ' || c == '\n'; })) {
      out.errors.push_back({"minutes", "entry.error.required"});
    }
    add_problems(out.errors, domain::validate(*body));
    if (!out.errors.empty()) return {};
    if (auto c = store::insert_correction(tx, meeting, version, store::encode(*body), actor.person,
                                          std::string(domain::kReasonMinutes), now);
        !c) {
      return c.error();
    }
    out.entry = meeting;
    return {};
  });
  if (!r) return r.error();
  return out;
}

namespace {

// The text of decision `index` in meeting `meeting` of `log`; kNotFound when
// there is no such meeting or decision.
Result<std::string> decision_text(Transaction& tx, domain::LogId log, const FromDecision& from) {
  auto entry = store::find_entry(tx, log, from.meeting);
  if (!entry) return entry.error();
  if (!*entry || (*entry)->kind != EntryKind::kMeeting) return make_error(Errc::kNotFound, "meeting");
  auto body = store::decode_meeting((*entry)->versions.back().body);
  if (!body) return body.error();
  if (from.decision < 0 || from.decision >= static_cast<int>(body->decisions.size())) {
    return make_error(Errc::kNotFound, "decision");
  }
  return body->decisions[static_cast<std::size_t>(from.decision)];
}

}  // namespace

Result<WriteOutcome> task_from_decision(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                        domain::EntryId meeting, int decision, const std::string& assignee,
                                        const std::string& due_date, const Clock& clock) {
  return add_task(db, actor, log, {FromDecision{meeting, decision}, "", assignee, due_date}, clock);
}

Result<WriteOutcome> add_task(store::Database& db, const policy::Actor& actor, domain::LogId log,
                              const TaskInput& in, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now, std::nullopt, EntryKind::kTask);
    if (!facts) return facts.error();
    domain::TaskBody body;
    body.title = in.title;
    if (in.from) {
      auto text = decision_text(tx, log, *in.from);
      if (!text) return text.error();
      body.title = *text;
    }
    body.due_date = parsed_date(in.due_date, "due_date", out.errors);
    const auto assignee = parse_id(in.assignee);
    auto participants = store::participants_of(tx, log);
    if (!participants) return participants.error();
    for (const auto& p : *participants) {
      if (!p.participant.ended_at && assignee && p.participant.id.value == *assignee) body.assignee = p.participant.id;
    }
    add_problems(out.errors, domain::validate(body));
    if (assignee && !body.assignee) {
      out.errors.erase(std::remove_if(out.errors.begin(), out.errors.end(), [](const auto& e) { return e.field == "assignee"; }),
                       out.errors.end());
      out.errors.push_back({"assignee", "task.error.assignee_not_in_log"});
    }
    if (!out.errors.empty()) return {};
    auto e = new_entry(actor, *facts, log, EntryKind::kTask, InfoCategory::kGoalsMeasures, store::encode(body));
    auto id = store::insert_entry(tx, e, now);
    if (!id) return id.error();
    if (in.from) {
      if (auto l = store::link_entries(tx, *id, in.from->meeting, "from_decision"); !l) return l.error();
    }
    out.entry = *id;
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<void> set_task_done(store::Database& db, const policy::Actor& actor, domain::LogId log, domain::EntryId task,
                           int version, bool done, const Clock& clock) {
  return db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto entry = store::find_entry(tx, log, task);
    if (!entry) return entry.error();
    if (!*entry || (*entry)->kind != EntryKind::kTask) return make_error(Errc::kNotFound, "task");
    auto body = store::decode_task((*entry)->versions.back().body);
    if (!body) return body.error();
    // The assignee may tick their own task, provided they may read the log;
    // otherwise it takes the right to correct the entry (author or holder).
    auto facts = load_access_facts(tx, actor, log, now, {InfoCategory::kGoalsMeasures, std::nullopt});
    if (!facts) return forbidden();
    auto assignee = store::find_participant(tx, body->assignee);
    if (!assignee) return assignee.error();
    const bool is_assignee = *assignee && (*assignee)->person.id == actor.person;
    bool allowed = false;
    if (is_assignee) {
      policy::AccessFacts f = *facts;
      allowed = policy::can(actor, Action::kReadLog, f).allowed && f.status == domain::LogStatus::kOpen;
    }
    if (!allowed) {
      if (!add_note_facts(tx, log, *facts)) return forbidden();
      facts->entry_kind = EntryKind::kTask;
      facts->actor_is_entry_author = (*entry)->author == actor.person;
      allowed = policy::can(actor, Action::kCorrectEntry, *facts).allowed;
    }
    if (!allowed) return forbidden();
    if (body->done == done) return {};
    body->done = done;
    return store::insert_correction(tx, task, version, store::encode(*body), actor.person,
                                    std::string(done ? domain::kReasonTaskDone : domain::kReasonTaskReopened), now);
  });
}

Result<std::vector<TaskView>> my_tasks(store::Database& db, const policy::Actor& actor, const Clock& clock) {
  return store::transact_value<std::vector<TaskView>>(db, TxMode::kRead, [&](Transaction& tx)
                                                          -> Result<std::vector<TaskView>> {
    const TimePoint now = clock.now();
    if (!policy::may_attempt(actor, Action::kListOwnLogs)) return forbidden();
    auto logs = store::candidate_logs(tx, actor.person, now);
    if (!logs) return logs.error();
    std::vector<TaskView> out;
    for (auto log : *logs) {
      auto facts = load_access_facts(tx, actor, log, now);
      if (!facts || !policy::can(actor, Action::kReadLog, *facts)) continue;  // the same rule as opening the log
      auto content = load_content(tx, actor, *facts, log, now);
      if (!content) return content.error();
      auto l = store::find_log(tx, log);
      if (!l || !*l) continue;
      auto child = store::find_person(tx, (*l)->child);
      for (auto& t : content->tasks) {
        if (!t.mine || t.body.done) continue;
        t.child_name = child && *child ? (*child)->full_name() : "";
        out.push_back(std::move(t));
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const TaskView& a, const TaskView& b) {
      return std::chrono::sys_days{a.body.due_date} < std::chrono::sys_days{b.body.due_date};
    });
    return out;
  });
}

Result<std::vector<std::pair<domain::UnitId, std::string>>> units_taking_part(store::Database& db,
                                                                              const policy::Actor& actor,
                                                                              domain::LogId log, const Clock& clock) {
  using Units = std::vector<std::pair<domain::UnitId, std::string>>;
  return store::transact_value<Units>(db, TxMode::kRead, [&](Transaction& tx) -> Result<Units> {
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, clock.now());
    if (!facts) return facts.error();
    auto participants = store::participants_of(tx, log);
    if (!participants) return participants.error();
    Units out;
    for (const auto& p : *participants) {
      if (p.participant.ended_at || !p.unit) continue;
      if (std::none_of(out.begin(), out.end(), [&](const auto& u) { return u.first == p.unit->id; })) {
        out.emplace_back(p.unit->id, p.unit->name);
      }
    }
    return out;
  });
}

Result<WriteOutcome> add_goal(store::Database& db, const policy::Actor& actor, domain::LogId log,
                              const GoalInput& in, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now);
    if (!facts) return facts.error();
    auto status = domain::goal_status_from_code(in.status);
    if (!status) out.errors.push_back({"status", "goal.error.status"});
    const domain::GoalBody body{in.text, status.value_or(domain::GoalStatus::kActive)};
    add_problems(out.errors, domain::validate(body));
    if (!out.errors.empty()) return {};
    auto e = new_entry(actor, *facts, log, EntryKind::kGoal, InfoCategory::kGoalsMeasures, store::encode(body));
    auto id = store::insert_entry(tx, e, now);
    if (!id) return id.error();
    out.entry = *id;
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<WriteOutcome> add_measure(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                 const MeasureInput& in, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now);
    if (!facts) return facts.error();
    if (in.from) {
      // The decision must exist; the person may have reworded the title.
      if (auto text = decision_text(tx, log, *in.from); !text) return text.error();
    }
    std::vector<EntryId> goals;
    const auto body = measure_from(tx, log, in, out.errors, goals);
    if (!out.errors.empty()) return {};
    auto e = new_entry(actor, *facts, log, EntryKind::kMeasure, InfoCategory::kGoalsMeasures, store::encode(body));
    auto id = store::insert_entry(tx, e, now);
    if (!id) return id.error();
    for (auto g : goals) {
      if (auto l = store::link_entries(tx, *id, g, "serves_goal"); !l) return l.error();
    }
    if (in.from) {
      if (auto l = store::link_entries(tx, *id, in.from->meeting, "from_decision"); !l) return l.error();
    }
    out.entry = *id;
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<WriteOutcome> add_evaluation(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                    domain::EntryId measure, const EvaluationInput& in, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now);
    if (!facts) return facts.error();
    auto entry = store::find_entry(tx, log, measure);
    if (!entry) return entry.error();
    if (!*entry || (*entry)->kind != EntryKind::kMeasure) return make_error(Errc::kNotFound, "measure");
    auto m = store::decode_measure((*entry)->versions.back().body);
    if (!m) return m.error();
    domain::EvaluationBody body;
    body.date = parsed_date(in.date, "date", out.errors);
    body.observed = in.observed;
    auto outcome = domain::outcome_from_code(in.outcome);
    if (!outcome) out.errors.push_back({"outcome", "evaluation.error.outcome"});
    body.outcome = outcome.value_or(domain::EvaluationOutcome::kContinue);
    if (!in.next_evaluation_date.empty()) {
      body.next_evaluation_date = parsed_date(in.next_evaluation_date, "next_evaluation_date", out.errors);
    }
    if (out.errors.empty()) add_problems(out.errors, domain::validate(body, *m));
    if (!out.errors.empty()) return {};
    auto e = new_entry(actor, *facts, log, EntryKind::kEvaluation, InfoCategory::kGoalsMeasures, store::encode(body));
    e.parent = measure;
    auto id = store::insert_entry(tx, e, now);
    if (!id) return id.error();
    out.entry = *id;
    return {};
  });
  if (!r) return r.error();
  return out;
}

namespace {

// Shared by the corrections: find the entry of `kind`, check the policy with
// the entry's author known, validate the reason.
Result<store::EntryRow> entry_to_correct(Transaction& tx, const policy::Actor& actor, domain::LogId log, EntryId id,
                                         EntryKind kind, const std::string& reason, TimePoint now,
                                         FieldErrors& errors) {
  auto entry = store::find_entry(tx, log, id);
  if (!entry) return entry.error();
  if (!*entry || (*entry)->kind != kind) return make_error(Errc::kNotFound, "entry");
  auto facts = facts_for(tx, actor, log, Action::kCorrectEntry, now, (*entry)->author);
  if (!facts) return facts.error();
  if (reason.empty() || reason.size() > kMaxReason) errors.push_back({"reason", "entry.error.reason"});
  return std::move(**entry);
}

}  // namespace

Result<WriteOutcome> correct_goal(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                  domain::EntryId goal, int version, const GoalInput& in, const std::string& reason,
                                  const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto entry = entry_to_correct(tx, actor, log, goal, EntryKind::kGoal, reason, now, out.errors);
    if (!entry) return entry.error();
    auto status = domain::goal_status_from_code(in.status);
    if (!status) out.errors.push_back({"status", "goal.error.status"});
    const domain::GoalBody body{in.text, status.value_or(domain::GoalStatus::kActive)};
    add_problems(out.errors, domain::validate(body));
    if (!out.errors.empty()) return {};
    if (auto c = store::insert_correction(tx, goal, version, store::encode(body), actor.person, reason, now); !c) {
      return c.error();
    }
    out.entry = goal;
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<WriteOutcome> correct_measure(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                     domain::EntryId measure, int version, const MeasureInput& in,
                                     const std::string& reason, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto entry = entry_to_correct(tx, actor, log, measure, EntryKind::kMeasure, reason, now, out.errors);
    if (!entry) return entry.error();
    std::vector<EntryId> goals;
    const auto body = measure_from(tx, log, in, out.errors, goals);
    if (!out.errors.empty()) return {};
    if (auto c = store::insert_correction(tx, measure, version, store::encode(body), actor.person, reason, now); !c) {
      return c.error();
    }
    out.entry = measure;
    return {};
  });
  if (!r) return r.error();
  return out;
}

namespace {

constexpr std::size_t kTimelineSummaryBytes = 160;

// One text field of a decoded body, or the decoding error.
template <typename Body>
Result<std::string> text_of(Result<Body> body, std::string Body::*field) {
  if (!body) return body.error();
  return (*body).*field;
}

// The text a timeline line shows for an entry's current version.
Result<std::string> entry_summary(const store::EntryRow& e) {
  const auto& json = e.versions.back().body;
  switch (e.kind) {
    case EntryKind::kGoal: return text_of(store::decode_goal(json), &domain::GoalBody::text);
    case EntryKind::kMeasure: return text_of(store::decode_measure(json), &domain::MeasureBody::title);
    case EntryKind::kEvaluation: return text_of(store::decode_evaluation(json), &domain::EvaluationBody::observed);
    case EntryKind::kTask: return text_of(store::decode_task(json), &domain::TaskBody::title);
    case EntryKind::kNote: return text_of(store::decode_note(json), &domain::NoteBody::text);
    case EntryKind::kHighlight: return text_of(store::decode_highlight(json), &domain::HighlightBody::text);
    case EntryKind::kMeeting: {
      auto b = store::decode_meeting(json);
      if (!b) return b.error();
      std::string when = b->starts_at;  // "2026-12-03T14:00" reads as "2026-12-03 14:00"
      if (when.size() == 16 && when[10] == 'T') when[10] = ' ';
      return b->place.empty() ? when : when + ", " + b->place;
    }
  }
  return std::string();
}

}  // namespace

Result<ContentView> load_content(Transaction& tx, const policy::Actor& actor, const policy::AccessFacts& facts,
                                 domain::LogId log, TimePoint now) {
  ContentView view;
  // May this reader see entries of `category`? The same rule as the log page.
  auto readable = [&](const store::EntryRow& e) {
    policy::AccessFacts f = facts;
    f.category = e.category;
    if (!policy::can(actor, Action::kReadLog, f)) return false;
    if (!e.hidden_from_guardians) return true;
    // Hidden from guardians: the author's unit and the author see it, and the
    // child (whose confidentiality it protects); guardians never.
    if (actor.kind == policy::ActorKind::kCitizen) return facts.actor_is_child && !facts.actor_is_guardian;
    return e.author == actor.person ||
           (facts.participation && facts.participation->unit && e.author_unit && *facts.participation->unit == *e.author_unit);
  };
  policy::AccessFacts writing = facts;
  if (auto n = add_note_facts(tx, log, writing); !n) return n.error();
  view.notes_by_all_contributors = writing.notes_by_all_contributors;
  view.guardians_may_write_notes = writing.guardians_may_write_notes;
  auto may_write = [&](EntryKind kind, InfoCategory category) {
    policy::AccessFacts f = writing;
    f.entry_kind = kind;
    f.category = category;
    return policy::can(actor, Action::kWriteEntry, f).allowed;
  };
  view.can_write = may_write(EntryKind::kGoal, InfoCategory::kGoalsMeasures);
  view.can_write_notes = may_write(EntryKind::kNote, InfoCategory::kNotes);
  view.can_hide_notes = view.can_write_notes && actor.kind == policy::ActorKind::kEmployee;
  view.can_write_highlights = may_write(EntryKind::kHighlight, InfoCategory::kBasic);
  view.can_write_tasks = may_write(EntryKind::kTask, InfoCategory::kGoalsMeasures);
  view.can_write_meetings = may_write(EntryKind::kMeeting, InfoCategory::kMeetings);
  view.can_configure = policy::can(actor, Action::kConfigureLog, writing).allowed;
  auto entries = store::entries_of(tx, log);
  if (!entries) return entries.error();
  auto serves = store::links_of(tx, log, "serves_goal");
  if (!serves) return serves.error();
  auto participants = store::participants_of(tx, log);
  if (!participants) return participants.error();
  std::map<std::int64_t, std::string> participant_names;
  std::map<std::int64_t, std::string> unit_names;
  for (const auto& p : *participants) {
    participant_names[p.participant.id.value] = p.person.full_name();
    if (p.unit) unit_names[p.unit->id.value] = p.unit->name;
  }
  const domain::Date today = oslo_date(now);  // overdue by the Norwegian calendar
  std::map<std::int64_t, std::string> author_names;
  auto author = [&](domain::PersonId p) -> const std::string& {
    auto it = author_names.find(p.value);
    if (it == author_names.end()) it = author_names.emplace(p.value, name_of(tx, p)).first;
    return it->second;
  };

  std::map<std::int64_t, std::vector<EvaluationView>> evaluations;
  for (const auto& e : *entries) {
    if (e.kind != EntryKind::kEvaluation || !e.parent || !readable(e)) continue;
    auto body = store::decode_evaluation(e.versions.back().body);
    if (!body) return body.error();
    evaluations[e.parent->value].push_back({e.id, *body, author(e.author), e.versions.size() > 1});
  }
  std::vector<MeasureView> measures;
  for (const auto& e : *entries) {
    if (e.kind != EntryKind::kMeasure || !readable(e)) continue;
    auto body = store::decode_measure(e.versions.back().body);
    if (!body) return body.error();
    MeasureView m;
    m.id = e.id;
    m.version = e.versions.back().version;
    m.body = *body;
    m.responsible_name = participant_names[body->responsible.value];
    m.unit_name = unit_names[body->unit.value];
    if (auto it = serves->find(e.id.value); it != serves->end()) m.goals = it->second;
    m.evaluations = evaluations[e.id.value];
    std::vector<domain::EvaluationBody> bodies;
    for (const auto& ev : m.evaluations) bodies.push_back(ev.body);
    m.next_due = domain::next_evaluation_due(m.body, bodies);
    m.status = domain::effective_status(m.body, bodies);
    m.overdue = domain::is_overdue(m.body, bodies, today);
    m.corrected = e.versions.size() > 1;
    for (std::size_t i = 0; i + 1 < e.versions.size(); ++i) {
      auto old = store::decode_measure(e.versions[i].body);
      // Why this text was replaced is recorded on the version that replaced it.
      m.history.push_back({e.versions[i].version, old ? old->title : "", e.versions[i].at, author(e.versions[i].author),
                           e.versions[i + 1].correction_reason});
    }
    view.overdue += m.overdue;
    measures.push_back(std::move(m));
  }
  // Overdue first, then the nearest evaluation date, then the oldest.
  std::stable_sort(measures.begin(), measures.end(), [](const MeasureView& a, const MeasureView& b) {
    if (a.overdue != b.overdue) return a.overdue;
    if (a.next_due && b.next_due && *a.next_due != *b.next_due) {
      return std::chrono::sys_days{*a.next_due} < std::chrono::sys_days{*b.next_due};
    }
    return a.next_due.has_value() && !b.next_due.has_value();
  });
  for (const auto& e : *entries) {
    if (e.kind != EntryKind::kGoal || !readable(e)) continue;
    auto body = store::decode_goal(e.versions.back().body);
    if (!body) return body.error();
    GoalView g;
    g.id = e.id;
    g.version = e.versions.back().version;
    g.body = *body;
    g.corrected = e.versions.size() > 1;
    for (std::size_t i = 0; i + 1 < e.versions.size(); ++i) {
      auto old = store::decode_goal(e.versions[i].body);
      g.history.push_back({e.versions[i].version, old ? old->text : "", e.versions[i].at, author(e.versions[i].author),
                           e.versions[i + 1].correction_reason});
    }
    for (const auto& m : measures) {
      if (std::find(m.goals.begin(), m.goals.end(), e.id) != m.goals.end()) g.measures.push_back(m);
    }
    view.goals.push_back(std::move(g));
  }
  for (const auto& m : measures) {
    if (m.goals.empty()) view.measures_without_goal.push_back(m);
  }
  std::map<std::int64_t, domain::PersonId> participant_people;
  for (const auto& p : *participants) participant_people[p.participant.id.value] = p.person.id;
  for (const auto& e : *entries) {
    if (e.kind != EntryKind::kTask || !readable(e)) continue;
    auto body = store::decode_task(e.versions.back().body);
    if (!body) return body.error();
    TaskView t;
    t.id = e.id;
    t.log = log;
    t.version = e.versions.back().version;
    t.body = *body;
    t.assignee_name = participant_names[body->assignee.value];
    t.overdue = !body->done && std::chrono::sys_days{body->due_date} < std::chrono::sys_days{today};
    auto who = participant_people.find(body->assignee.value);
    t.mine = who != participant_people.end() && who->second == actor.person;
    view.tasks.push_back(std::move(t));
  }
  auto from_decision = store::links_of(tx, log, "from_decision");
  if (!from_decision) return from_decision.error();
  for (const auto& e : *entries) {
    if (e.kind != EntryKind::kMeeting || !readable(e)) continue;
    auto body = store::decode_meeting(e.versions.back().body);
    if (!body) return body.error();
    MeetingView mv;
    mv.id = e.id;
    mv.version = e.versions.back().version;
    mv.body = *body;
    mv.starts = domain::meeting_start(*body).value_or(e.created_at);
    mv.upcoming = mv.starts >= now;
    for (auto p : body->invited) mv.invited_names.push_back(participant_names[p.value]);
    for (const auto& d : body->decisions) mv.decisions.push_back({d, {}});
    // Tasks made from this meeting's decisions, matched by their title (a
    // task's title is its decision's text); measures may be reworded, so
    // they are listed under the meeting.
    for (const auto& [task_id, targets] : *from_decision) {
      if (std::find(targets.begin(), targets.end(), e.id) == targets.end()) continue;
      for (const auto& m : measures) {
        if (m.id.value == task_id) mv.measures_made.push_back(m.body.title);
      }
      for (const auto& t : view.tasks) {
        if (t.id.value != task_id) continue;
        for (auto& d : mv.decisions) {
          if (d.text == t.body.title) d.tasks.push_back(t.body.title + " (" + t.assignee_name + ")");
        }
      }
    }
    view.meetings.push_back(std::move(mv));
  }
  std::stable_sort(view.meetings.begin(), view.meetings.end(), [](const MeetingView& a, const MeetingView& b) {
    if (a.upcoming != b.upcoming) return a.upcoming;
    return a.upcoming ? a.starts < b.starts : a.starts > b.starts;
  });
  std::stable_sort(view.tasks.begin(), view.tasks.end(), [](const TaskView& a, const TaskView& b) {
    if (a.body.done != b.body.done) return !a.body.done;
    return std::chrono::sys_days{a.body.due_date} < std::chrono::sys_days{b.body.due_date};
  });
  for (auto it = entries->rbegin(); it != entries->rend(); ++it) {
    const auto& e = *it;
    if ((e.kind != EntryKind::kNote && e.kind != EntryKind::kHighlight) || !readable(e)) continue;
    if (e.kind == EntryKind::kHighlight) {
      auto body = store::decode_highlight(e.versions.back().body);
      if (!body) return body.error();
      view.highlights.push_back({e.id, body->text, author(e.author), e.created_at});
      continue;
    }
    auto body = store::decode_note(e.versions.back().body);
    if (!body) return body.error();
    NoteView n;
    n.id = e.id;
    n.body = *body;
    n.category = e.category;
    n.author_name = author(e.author);
    if (e.author_unit) n.author_unit = unit_names[e.author_unit->value];
    n.hidden_from_guardians = e.hidden_from_guardians;
    n.hidden_reason = e.hidden_reason;
    n.legal_reference = e.legal_reference;
    n.at = e.created_at;
    view.notes.push_back(std::move(n));
  }
  for (const auto& e : *entries) {
    if (!readable(e)) continue;
    auto summary = entry_summary(e);
    if (!summary) return summary.error();
    const auto& current = e.versions.back();
    view.timeline.push_back({e.id, e.kind, first_words(*summary, kTimelineSummaryBytes), author(current.author),
                             current.at, current.version});
  }
  // Newest first; the entry id breaks ties so the order is stable.
  std::sort(view.timeline.begin(), view.timeline.end(), [](const TimelineItem& a, const TimelineItem& b) {
    if (a.at != b.at) return a.at > b.at;
    return a.id.value > b.id.value;
  });
  return view;
}

std::vector<TimelineItem> timeline_of_kind(const std::vector<TimelineItem>& timeline,
                                           std::optional<domain::EntryKind> kind) {
  if (!kind) return timeline;
  std::vector<TimelineItem> out;
  for (const auto& item : timeline) {
    if (item.kind == *kind) out.push_back(item);
  }
  return out;
}

}  // namespace stafett::app
