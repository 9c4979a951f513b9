#include "app/corrections.h"

#include "app/access.h"
#include "app/entry_writing.h"
#include "policy/policy.h"
#include "store/entry_codec.h"
#include "store/entry_repository.h"
#include "store/log_repository.h"

namespace stafett::app {
namespace {

using domain::EntryKind;
using store::Transaction;
using store::TxMode;

// The steps every correction shares, in one transaction: the entry of `kind`
// that the actor may correct, its new body from `make_body(tx, entry,
// errors)` (encoded JSON), then the new version. Nothing is written when
// any field is wrong.
template <typename MakeBody>
Result<WriteOutcome> correct(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                             const Correction& c,
                             EntryKind kind, const Clock& clock, MakeBody make_body) {
  WriteOutcome out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto entry = writing::entry_to_correct(tx, actor, log, c.entry, kind, c.reason, now, out.errors);
    if (!entry) return entry.error();
    Result<std::string> body = make_body(tx, *entry, out.errors);
    if (!body) return body.error();
    if (!out.errors.empty()) return {};
    if (auto v = store::insert_correction(tx, c.entry, c.version, *body, actor.person, c.reason, now); !v) {
      return v.error();
    }
    out.entry = c.entry;
    return record_change(tx, trail, actor, log, domain::AccessAction::kCorrect, kind, c.entry, now);
  });
  if (!r) return r.error();
  return out;
}

}  // namespace

Result<WriteOutcome> correct_goal(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                  const Correction& c, const GoalInput& in, const Clock& clock) {
  return correct(db, trail, actor, log, c, EntryKind::kGoal, clock,
                 [&](Transaction&, const store::EntryRow&, FieldErrors& errors) -> Result<std::string> {
                   return store::encode(writing::goal_body(in, errors));
                 });
}

Result<WriteOutcome> correct_measure(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                     const Correction& c, const MeasureInput& in, const Clock& clock) {
  return correct(db, trail, actor, log, c, EntryKind::kMeasure, clock,
                 [&](Transaction& tx, const store::EntryRow&, FieldErrors& errors) -> Result<std::string> {
                   return store::encode(writing::measure_body(tx, log, in, errors));  // goals included
                 });
}

Result<WriteOutcome> correct_evaluation(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                        const Correction& c, const EvaluationInput& in, const Clock& clock) {
  return correct(db, trail, actor, log, c, EntryKind::kEvaluation, clock,
                 [&](Transaction& tx, const store::EntryRow& e, FieldErrors& errors) -> Result<std::string> {
                   // Checked against the measure it evaluates, as when it was written.
                   if (!e.parent) return make_error(Errc::kNotFound, "measure");
                   auto measure = store::find_entry(tx, log, *e.parent);
                   if (!measure) return measure.error();
                   if (!*measure) return make_error(Errc::kNotFound, "measure");
                   auto m = store::decode_measure((*measure)->versions.back().body);
                   if (!m) return m.error();
                   return store::encode(writing::evaluation_body(in, *m, errors));
                 });
}

Result<WriteOutcome> correct_note(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                  const Correction& c, const NoteInput& in, const Clock& clock) {
  return correct(db, trail, actor, log, c, EntryKind::kNote, clock,
                 [&](Transaction&, const store::EntryRow& e, FieldErrors& errors) -> Result<std::string> {
                   const auto body = writing::note_body(in, errors);
                   const domain::NoteVisibility kept{e.hidden_from_guardians, e.hidden_reason, e.legal_reference};
                   writing::add_problems(errors, domain::validate(body, kept));
                   return store::encode(body);
                 });
}

Result<WriteOutcome> correct_highlight(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                       const Correction& c, const std::string& text, const Clock& clock) {
  return correct(db, trail, actor, log, c, EntryKind::kHighlight, clock,
                 [&](Transaction&, const store::EntryRow&, FieldErrors& errors) -> Result<std::string> {
                   const domain::HighlightBody body{text};
                   writing::add_problems(errors, domain::validate(body));
                   return store::encode(body);
                 });
}

Result<WriteOutcome> correct_task(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                  const Correction& c, const TaskInput& in, const Clock& clock) {
  return correct(db, trail, actor, log, c, EntryKind::kTask, clock,
                 [&](Transaction& tx, const store::EntryRow& e, FieldErrors& errors) -> Result<std::string> {
                   auto current = store::decode_task(e.versions.back().body);
                   if (!current) return current.error();
                   auto body = writing::task_body(tx, log, in.title, in, errors);
                   body.done = current->done;
                   return store::encode(body);
                 });
}

Result<WriteOutcome> correct_meeting(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                     const Correction& c, const MeetingInput& in, const Clock& clock) {
  return correct(db, trail, actor, log, c, EntryKind::kMeeting, clock,
                 [&](Transaction& tx, const store::EntryRow& e, FieldErrors& errors) -> Result<std::string> {
                   auto current = store::decode_meeting(e.versions.back().body);
                   if (!current) return current.error();
                   auto body = writing::meeting_body(tx, log, in, errors);
                   body.minutes = current->minutes;
                   body.decisions = current->decisions;
                   return store::encode(body);
                 });
}

}  // namespace stafett::app

namespace stafett::app {

MeasureInput measure_input_of(const domain::MeasureBody& b, const std::vector<domain::EntryId>& goals) {
  MeasureInput in;
  in.title = b.title;
  in.description = b.description;
  in.responsible = std::to_string(b.responsible.value);
  in.unit = std::to_string(b.unit.value);
  in.start_date = domain::date_code(b.start_date);
  in.evaluation_date = domain::date_code(b.evaluation_date);
  in.status = std::string(domain::measure_status_code(b.status));
  in.status_reason = b.status_reason;
  if (b.catalogue) in.catalogue = std::to_string(b.catalogue->value);
  for (auto g : goals) in.goals.push_back(std::to_string(g.value));
  return in;
}

namespace {

// The entry as its correction starts, read in `tx`; `reader` are the facts
// on which the actor may read the log.
Result<CorrectionDraft> read_draft(Transaction& tx, const policy::Actor& actor, domain::LogId log, domain::EntryId id,
                                   TimePoint now, policy::AccessFacts& reader) {
  // The kind decides the rest; entry_to_correct asks the policy, reading
  // the log first, so that only its readers learn whether an entry exists.
  auto facts = load_access_facts(tx, actor, log, now);
  if (!facts || !policy::can(actor, policy::Action::kReadLog, *facts)) return writing::forbidden();
  reader = std::move(*facts);
  auto found = store::find_entry(tx, log, id);
  if (!found) return found.error();
  if (!*found) return make_error(Errc::kNotFound, "entry");
  FieldErrors ignored;  // no reason is asked for yet
  auto entry = writing::entry_to_correct(tx, actor, log, id, (*found)->kind, "-", now, ignored);
  if (!entry) return entry.error();
  CorrectionDraft d;
  d.id = id;
  d.kind = entry->kind;
  d.version = entry->versions.back().version;
  const auto& json = entry->versions.back().body;
  switch (d.kind) {
    case EntryKind::kGoal: {
      auto b = store::decode_goal(json);
      if (!b) return b.error();
      d.goal = {b->text, std::string(domain::goal_status_code(b->status))};
      break;
    }
    case EntryKind::kMeasure: {
      auto b = store::decode_measure(json);
      if (!b) return b.error();
      std::vector<domain::EntryId> goals;
      if (b->goals) {
        goals = *b->goals;
      } else {
        auto links = store::links_of(tx, log, "serves_goal");
        if (!links) return links.error();
        if (auto it = links->find(id.value); it != links->end()) goals = it->second;
      }
      d.measure = measure_input_of(*b, goals);
      break;
    }
    case EntryKind::kEvaluation: {
      auto b = store::decode_evaluation(json);
      if (!b) return b.error();
      d.evaluation = {domain::date_code(b->date), b->observed, std::string(domain::outcome_code(b->outcome)),
                      b->next_evaluation_date ? domain::date_code(*b->next_evaluation_date) : ""};
      break;
    }
    case EntryKind::kNote: {
      auto b = store::decode_note(json);
      if (!b) return b.error();
      d.note.date = domain::date_code(b->date);
      d.note.type = std::string(domain::note_type_code(b->type));
      d.note.text = b->text;
      break;
    }
    case EntryKind::kHighlight: {
      auto b = store::decode_highlight(json);
      if (!b) return b.error();
      d.highlight = b->text;
      break;
    }
    case EntryKind::kTask: {
      auto b = store::decode_task(json);
      if (!b) return b.error();
      d.task = {std::nullopt, b->title, std::to_string(b->assignee.value), domain::date_code(b->due_date)};
      break;
    }
    case EntryKind::kMeeting: {
      auto b = store::decode_meeting(json);
      if (!b) return b.error();
      d.meeting.starts_at = b->starts_at;
      d.meeting.place = b->place;
      d.meeting.video_link = b->video_link;
      for (auto p : b->invited) d.meeting.invited.push_back(std::to_string(p.value));
      for (const auto& a : b->agenda) d.meeting.agenda += a + "\n";
      break;
    }
  }
  auto participants = store::participants_of(tx, log);
  if (!participants) return participants.error();
  for (const auto& p : *participants) {
    if (!p.participant.ended_at) d.participants.emplace_back(p.participant.id, p.person.full_name());
  }
  return d;
}

}  // namespace

Result<CorrectionDraft> correction_draft(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                         domain::LogId log, domain::EntryId id, const Clock& clock) {
  domain::AccessRecord access;
  auto shown = store::transact_value<CorrectionDraft>(db, TxMode::kRead, [&](Transaction& tx) -> Result<CorrectionDraft> {
    const TimePoint now = clock.now();
    policy::AccessFacts reader;
    auto d = read_draft(tx, actor, log, id, now, reader);
    if (!d) return d;
    access = access_record_for(actor, reader, log, domain::AccessAction::kView, now, d->kind, id);
    return d;
  });
  if (!shown) return shown;
  // One entry and the names of the log's participants: recorded before shown.
  if (auto recorded = trail.record(std::move(access)); !recorded) return recorded.error();
  return shown;
}

Result<WriteOutcome> correct_entry(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                   const Correction& c, const DraftFill& fill, const Clock& clock) {
  // Read, not shown: only the correction that follows leaves this use case,
  // and it records itself (or, with field errors, nothing happened).
  auto read = store::transact_value<CorrectionDraft>(db, TxMode::kRead, [&](Transaction& tx) -> Result<CorrectionDraft> {
    policy::AccessFacts reader;
    return read_draft(tx, actor, log, c.entry, clock.now(), reader);
  });
  if (!read) return read.error();
  CorrectionDraft d = std::move(*read);
  WriteOutcome filled;
  fill(d, filled.errors);
  if (!filled.errors.empty()) return filled;
  switch (d.kind) {
    case EntryKind::kGoal: return correct_goal(db, trail, actor, log, c, d.goal, clock);
    case EntryKind::kMeasure: return correct_measure(db, trail, actor, log, c, d.measure, clock);
    case EntryKind::kEvaluation: return correct_evaluation(db, trail, actor, log, c, d.evaluation, clock);
    case EntryKind::kNote: return correct_note(db, trail, actor, log, c, d.note, clock);
    case EntryKind::kHighlight: return correct_highlight(db, trail, actor, log, c, d.highlight, clock);
    case EntryKind::kTask: return correct_task(db, trail, actor, log, c, d.task, clock);
    case EntryKind::kMeeting: return correct_meeting(db, trail, actor, log, c, d.meeting, clock);
  }
  return make_error(Errc::kNotFound, "entry");
}

}  // namespace stafett::app
