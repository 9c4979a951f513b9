#include "app/content_use_cases.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "app/access.h"
#include "app/entry_writing.h"
#include "store/guide_codec.h"
#include "store/tool_record_repository.h"
#include "core/oslo_time.h"
#include "core/utf8.h"
#include "policy/policy.h"
#include "store/catalogue_repository.h"
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

using writing::add_note_facts;
using writing::add_problems;
using writing::facts_for;
using writing::forbidden;
using writing::new_entry;

std::string name_of(Transaction& tx, domain::PersonId person) {
  auto p = store::find_person(tx, person);
  return p && *p ? (*p)->full_name() : "";
}

// A new entry once its input has been checked: the encoded body and what
// goes with it.
struct Draft {
  std::string body;
  domain::NoteVisibility visibility;  // only notes may be hidden from guardians
  std::optional<EntryId> parent;      // an evaluation's measure
  std::vector<std::pair<EntryId, std::string>> links;  // (to, kind), made with the entry
};

// The steps every new entry shares, in one transaction: the policy for
// `kind` in `category`, the draft from `make(tx, errors)` (nothing is written
// when a field is wrong), the entry, its links.
template <class Make>
Result<WriteOutcome> add_entry(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                               EntryKind kind,
                               InfoCategory category, const Clock& clock, Make make) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now, nullptr, kind, category);
    if (!facts) return facts.error();
    Result<Draft> draft = make(tx, out.errors);
    if (!draft) return draft.error();
    if (!out.errors.empty()) return {};
    auto e = new_entry(actor, *facts, log, kind, category, std::move(draft->body));
    e.visibility = draft->visibility;
    e.parent = draft->parent;
    auto id = store::insert_entry(tx, e, now);
    if (!id) return id.error();
    for (const auto& [to, link] : draft->links) {
      if (auto l = store::link_entries(tx, *id, to, link); !l) return l.error();
    }
    out.entry = *id;
    return trail.record_in(tx, access_record_for(actor, *facts, log, domain::AccessAction::kCreate, now, kind, *id));
  });
  if (!r) return r.error();
  return out;
}

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

Result<WriteOutcome> add_note(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              const NoteInput& in, const Clock& clock) {
  const InfoCategory category = in.health ? InfoCategory::kHealth : InfoCategory::kNotes;
  return add_entry(db, trail, actor, log, EntryKind::kNote, category, clock,
                   [&](Transaction&, FieldErrors& errors) -> Result<Draft> {
                     const auto body = writing::note_body(in, errors);
                     const domain::NoteVisibility visibility{in.hidden_from_guardians, in.hidden_reason,
                                                             in.legal_reference};
                     // Only an employee can hide a note from guardians.
                     if (visibility.hidden_from_guardians && actor.kind != policy::ActorKind::kEmployee) {
                       errors.push_back({"hidden", "note.error.hide_not_allowed"});
                     }
                     add_problems(errors, domain::validate(body, visibility));
                     return Draft{store::encode(body), visibility, std::nullopt, {}};
                   });
}

Result<WriteOutcome> add_highlight(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                   const std::string& text, const Clock& clock) {
  return add_entry(db, trail, actor, log, EntryKind::kHighlight, InfoCategory::kBasic, clock,
                   [&](Transaction&, FieldErrors& errors) -> Result<Draft> {
                     const domain::HighlightBody body{text};
                     add_problems(errors, domain::validate(body));
                     return Draft{store::encode(body), {}, std::nullopt, {}};
                   });
}

Result<void> set_note_rules(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log, bool all_contributors,
                            bool guardians, const Clock& clock) {
  return db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kConfigureLog, *facts)) return forbidden();
    if (auto r = store::save_note_settings(tx, log, {all_contributors, guardians}, actor.person, now); !r) return r;
    return trail.record_in(tx, access_record_for(actor, *facts, log, domain::AccessAction::kChange, now));
  });
}


Result<WriteOutcome> add_meeting(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                 const MeetingInput& in, const Clock& clock) {
  return add_entry(db, trail, actor, log, EntryKind::kMeeting, InfoCategory::kMeetings, clock,
                   [&](Transaction& tx, FieldErrors& errors) -> Result<Draft> {
                     return Draft{store::encode(writing::meeting_body(tx, log, in, errors)), {}, std::nullopt, {}};
                   });
}

Result<WriteOutcome> record_minutes(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                    domain::EntryId meeting, int version, const std::string& minutes,
                                    const std::string& decisions, const Clock& clock) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, now, nullptr, EntryKind::kMeeting,
                           InfoCategory::kMeetings);
    if (!facts) return facts.error();
    auto entry = store::find_entry(tx, log, meeting);
    if (!entry) return entry.error();
    if (!*entry || (*entry)->kind != EntryKind::kMeeting) return make_error(Errc::kNotFound, "meeting");
    auto body = store::decode_meeting((*entry)->versions.back().body);
    if (!body) return body.error();
    body->minutes = minutes;
    body->decisions = writing::lines_of(decisions);
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
    return trail.record_in(
        tx, access_record_for(actor, *facts, log, domain::AccessAction::kCorrect, now, EntryKind::kMeeting, meeting));
  });
  if (!r) return r.error();
  return out;
}


Result<WriteOutcome> task_from_decision(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                        domain::EntryId meeting, int decision, const std::string& assignee,
                                        const std::string& due_date, const Clock& clock) {
  return add_task(db, trail, actor, log, {FromDecision{meeting, decision}, "", assignee, due_date}, clock);
}

Result<WriteOutcome> add_task(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              const TaskInput& in, const Clock& clock) {
  return add_entry(db, trail, actor, log, EntryKind::kTask, InfoCategory::kGoalsMeasures, clock,
                   [&](Transaction& tx, FieldErrors& errors) -> Result<Draft> {
                     Draft draft;
                     std::string title = in.title;
                     if (in.from) {
                       // A task from a decision is titled by it and linked to its meeting.
                       auto text = decision_text(tx, log, *in.from);
                       if (!text) return text.error();
                       title = *text;
                       draft.links.emplace_back(in.from->meeting, "from_decision");
                     }
                     draft.body = store::encode(writing::task_body(tx, log, title, in, errors));
                     return draft;
                   });
}

Result<void> set_task_done(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log, domain::EntryId task,
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
    if (auto v = store::insert_correction(tx, task, version, store::encode(*body), actor.person,
                                          std::string(done ? domain::kReasonTaskDone : domain::kReasonTaskReopened), now);
        !v) {
      return v.error();
    }
    return record_change(tx, trail, actor, log, domain::AccessAction::kCorrect, EntryKind::kTask, task, now);
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
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, clock.now(), nullptr, EntryKind::kGoal, InfoCategory::kGoalsMeasures);
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

Result<std::vector<domain::CatalogueMeasure>> measure_catalogue(store::Database& db, const policy::Actor& actor,
                                                                domain::LogId log, const Clock& clock) {
  using Catalogue = std::vector<domain::CatalogueMeasure>;
  return store::transact_value<Catalogue>(db, TxMode::kRead, [&](Transaction& tx) -> Result<Catalogue> {
    auto facts = facts_for(tx, actor, log, Action::kWriteEntry, clock.now(), nullptr, EntryKind::kMeasure,
                           InfoCategory::kGoalsMeasures);
    if (!facts) return facts.error();
    auto row = store::find_log(tx, log);
    if (!row) return row.error();
    if (!*row) return make_error(Errc::kNotFound, "log");
    return store::catalogue_of(tx, (*row)->municipality);
  });
}

Result<WriteOutcome> add_goal(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              const GoalInput& in, const Clock& clock) {
  return add_entry(db, trail, actor, log, EntryKind::kGoal, InfoCategory::kGoalsMeasures, clock,
                   [&](Transaction&, FieldErrors& errors) -> Result<Draft> {
                     return Draft{store::encode(writing::goal_body(in, errors)), {}, std::nullopt, {}};
                   });
}

Result<WriteOutcome> add_measure(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                 const MeasureInput& in, const Clock& clock) {
  return add_entry(db, trail, actor, log, EntryKind::kMeasure, InfoCategory::kGoalsMeasures, clock,
                   [&](Transaction& tx, FieldErrors& errors) -> Result<Draft> {
                     Draft draft;
                     if (in.from) {
                       // The decision must exist; the person may have reworded the title.
                       if (auto text = decision_text(tx, log, *in.from); !text) return text.error();
                       draft.links.emplace_back(in.from->meeting, "from_decision");
                     }
                     // The goals it serves live in its versioned body, not in links,
                     // so a correction can change them.
                     draft.body = store::encode(writing::measure_body(tx, log, in, errors));
                     return draft;
                   });
}

Result<WriteOutcome> add_evaluation(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                    domain::EntryId measure, const EvaluationInput& in, const Clock& clock) {
  return add_entry(db, trail, actor, log, EntryKind::kEvaluation, InfoCategory::kGoalsMeasures, clock,
                   [&](Transaction& tx, FieldErrors& errors) -> Result<Draft> {
                     auto entry = store::find_entry(tx, log, measure);
                     if (!entry) return entry.error();
                     if (!*entry || (*entry)->kind != EntryKind::kMeasure) {
                       return make_error(Errc::kNotFound, "measure");
                     }
                     auto m = store::decode_measure((*entry)->versions.back().body);
                     if (!m) return m.error();
                     return Draft{store::encode(writing::evaluation_body(in, *m, errors)), {}, measure, {}};
                   });
}

namespace {

constexpr std::size_t kTimelineSummaryBytes = 160;

// The text that stands for one version of an entry: in a timeline line and
// in the list of earlier versions.
std::string summary_of(const domain::GoalBody& b) { return b.text; }
std::string summary_of(const domain::MeasureBody& b) { return b.title; }
std::string summary_of(const domain::EvaluationBody& b) { return b.observed; }
std::string summary_of(const domain::NoteBody& b) { return b.text; }
std::string summary_of(const domain::HighlightBody& b) { return b.text; }
std::string summary_of(const domain::TaskBody& b) { return b.title + " (" + domain::date_code(b.due_date) + ")"; }
std::string summary_of(const domain::MeetingBody& b) {
  std::string when = b.starts_at;  // "2026-12-03T14:00" reads as "2026-12-03 14:00"
  if (when.size() == 16 && when[10] == 'T') when[10] = ' ';
  return b.place.empty() ? when : when + ", " + b.place;
}

// The summary of a decoded body, or the decoding error.
template <typename Body>
Result<std::string> summary_of(const Result<Body>& body) {
  if (!body) return body.error();
  return summary_of(*body);
}

Result<std::string> version_summary(EntryKind kind, const std::string& json) {
  switch (kind) {
    case EntryKind::kGoal: return summary_of(store::decode_goal(json));
    case EntryKind::kMeasure: return summary_of(store::decode_measure(json));
    case EntryKind::kEvaluation: return summary_of(store::decode_evaluation(json));
    case EntryKind::kNote: return summary_of(store::decode_note(json));
    case EntryKind::kHighlight: return summary_of(store::decode_highlight(json));
    case EntryKind::kTask: return summary_of(store::decode_task(json));
    case EntryKind::kMeeting: return summary_of(store::decode_meeting(json));
  }
  return std::string();
}

}  // namespace

Result<ContentView> load_content(Transaction& tx, const policy::Actor& actor, const policy::AccessFacts& facts,
                                 domain::LogId log, TimePoint now) {
  ContentView view;
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
  // Every loop below asks whether the reader may see an entry; decide once
  // per entry (each decision copies the access facts).
  std::vector<bool> visible;
  visible.reserve(entries->size());
  for (const auto& e : *entries) visible.push_back(writing::may_read_entry(actor, facts, e));
  auto readable = [&](const store::EntryRow& e) { return visible[static_cast<std::size_t>(&e - entries->data())]; };
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
  // The versions of a readable entry as its reader sees them, and whether
  // they may correct it.
  auto versions_of = [&](const store::EntryRow& e, Versioned& v) -> Result<void> {
    v.version = e.versions.back().version;
    v.corrected = e.versions.size() > 1;
    for (std::size_t i = 0; i + 1 < e.versions.size(); ++i) {
      auto old = version_summary(e.kind, e.versions[i].body);
      if (!old) return old.error();
      // Why this text was replaced is recorded on the version that replaced it.
      v.history.push_back({e.versions[i].version, *old, e.versions[i].at, author(e.versions[i].author),
                           e.versions[i + 1].correction_reason});
    }
    policy::AccessFacts f = writing;
    f.category = e.category;
    f.entry_kind = e.kind;
    f.actor_is_entry_author = e.author == actor.person;
    f.entry_by_family = !e.author_unit;
    v.can_correct = policy::can(actor, Action::kCorrectEntry, f).allowed;
    return {};
  };

  // The timeline's text for each entry whose body a loop below decodes
  // anyway, so that the timeline does not parse the same JSON a second time.
  std::unordered_map<std::int64_t, std::string> summaries;
  std::map<std::int64_t, std::vector<EvaluationView>> evaluations;
  for (const auto& e : *entries) {
    if (e.kind != EntryKind::kEvaluation || !e.parent || !readable(e)) continue;
    auto body = store::decode_evaluation(e.versions.back().body);
    if (!body) return body.error();
    summaries.emplace(e.id.value, summary_of(*body));
    EvaluationView ev;
    ev.id = e.id;
    ev.body = *body;
    ev.author_name = author(e.author);
    if (auto v = versions_of(e, ev); !v) return v.error();
    evaluations[e.parent->value].push_back(std::move(ev));
  }
  std::vector<MeasureView> measures;
  std::map<std::int64_t, std::string> catalogue_names;
  for (const auto& e : *entries) {
    if (e.kind != EntryKind::kMeasure || !readable(e)) continue;
    auto body = store::decode_measure(e.versions.back().body);
    if (!body) return body.error();
    summaries.emplace(e.id.value, summary_of(*body));
    MeasureView m;
    m.id = e.id;
    m.body = *body;
    m.responsible_name = participant_names[body->responsible.value];
    m.unit_name = unit_names[body->unit.value];
    if (body->catalogue) {
      // Several measures often come from the same catalogue measure: look each up once.
      auto it = catalogue_names.find(body->catalogue->value);
      if (it == catalogue_names.end()) {
        auto c = store::find_catalogue_measure(tx, *body->catalogue);
        if (!c) return c.error();
        it = catalogue_names.emplace(body->catalogue->value, *c ? (*c)->name : std::string()).first;
      }
      m.catalogue_name = it->second;
    }
    if (body->goals) {
      m.goals = *body->goals;
    } else if (auto it = serves->find(e.id.value); it != serves->end()) {
      m.goals = it->second;
    }
    m.evaluations = evaluations[e.id.value];
    std::vector<domain::EvaluationBody> bodies;
    for (const auto& ev : m.evaluations) bodies.push_back(ev.body);
    m.next_due = domain::next_evaluation_due(m.body, bodies);
    m.status = domain::effective_status(m.body, bodies);
    m.overdue = domain::is_overdue(m.body, bodies, today);
    if (auto v = versions_of(e, m); !v) return v.error();
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
    summaries.emplace(e.id.value, summary_of(*body));
    GoalView g;
    g.id = e.id;
    g.body = *body;
    if (auto v = versions_of(e, g); !v) return v.error();
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
    summaries.emplace(e.id.value, summary_of(*body));
    TaskView t;
    t.id = e.id;
    t.log = log;
    t.body = *body;
    t.assignee_name = participant_names[body->assignee.value];
    t.overdue = !body->done && std::chrono::sys_days{body->due_date} < std::chrono::sys_days{today};
    auto who = participant_people.find(body->assignee.value);
    t.mine = who != participant_people.end() && who->second == actor.person;
    if (auto v = versions_of(e, t); !v) return v.error();
    view.tasks.push_back(std::move(t));
  }
  auto from_decision = store::links_of(tx, log, "from_decision");
  if (!from_decision) return from_decision.error();
  for (const auto& e : *entries) {
    if (e.kind != EntryKind::kMeeting || !readable(e)) continue;
    auto body = store::decode_meeting(e.versions.back().body);
    if (!body) return body.error();
    summaries.emplace(e.id.value, summary_of(*body));
    MeetingView mv;
    mv.id = e.id;
    mv.body = *body;
    mv.starts = domain::meeting_start(*body).value_or(e.created_at);
    mv.upcoming = mv.starts >= now;
    if (auto v = versions_of(e, mv); !v) return v.error();
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
      summaries.emplace(e.id.value, summary_of(*body));
      HighlightView h;
      h.id = e.id;
      h.text = body->text;
      h.author_name = author(e.author);
      h.at = e.created_at;
      if (auto v = versions_of(e, h); !v) return v.error();
      view.highlights.push_back(std::move(h));
      continue;
    }
    auto body = store::decode_note(e.versions.back().body);
    if (!body) return body.error();
    summaries.emplace(e.id.value, summary_of(*body));
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
    if (auto v = versions_of(e, n); !v) return v.error();
    view.notes.push_back(std::move(n));
  }
  for (const auto& e : *entries) {
    if (!readable(e)) continue;
    const auto& current = e.versions.back();
    auto decoded = summaries.find(e.id.value);
    auto summary = decoded != summaries.end() ? Result<std::string>(std::move(decoded->second))
                                              : version_summary(e.kind, current.body);
    if (!summary) return summary.error();
    view.timeline.push_back({e.id, e.kind, first_words(*summary, kTimelineSummaryBytes), author(current.author),
                             current.at, current.version, 0, {}});
  }
  // Forms from the guide attached to the log are read as notes: under the
  // consent's notes category, like the notes themselves.
  policy::AccessFacts notes = facts;
  notes.category = InfoCategory::kNotes;
  if (policy::can(actor, Action::kReadLog, notes)) {
    auto records = store::tool_records_of_log(tx, log);
    if (!records) return records.error();
    for (const auto& r : *records) {
      auto tool = store::decode_tool(r.tool);
      if (!tool) return tool.error();
      TimelineItem item{EntryId{0}, EntryKind::kNote, "", r.author_name, r.attached_at.value_or(r.updated_at), 1,
                        r.id, tool->title};
      view.timeline.push_back(std::move(item));
    }
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
