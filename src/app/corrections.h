#pragma once
// Corrections (rettinger) of log content. Nothing is ever overwritten: a
// correction is a new version with the reason for it, and the earlier
// versions stay readable to everyone who may read the entry.
//
// `version` is the version the person saw; if someone corrected the entry
// since, the answer is kConflict and nothing is written. Who may correct is
// the policy's kCorrectEntry: the author, or the stafettholder for a
// colleague's entry (never a family member's words). Nobody corrects what
// they cannot read: such an entry answers kNotFound.
//
// What a correction keeps: a note's visibility and category, a task's done
// state, a meeting's minutes and decisions; those change by their own steps.
#include <functional>
#include <string>
#include <vector>

#include "app/content_use_cases.h"

namespace stafett::app {

struct Correction {
  domain::EntryId entry;
  int version = 1;
  std::string reason;
};

Result<WriteOutcome> correct_goal(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                  const Correction& c, const GoalInput& input, const Clock& clock);
Result<WriteOutcome> correct_measure(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                     const Correction& c, const MeasureInput& input, const Clock& clock);
Result<WriteOutcome> correct_evaluation(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                        const Correction& c, const EvaluationInput& input, const Clock& clock);
// The date, type and text; not the visibility or the health flag.
Result<WriteOutcome> correct_note(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                  const Correction& c, const NoteInput& input, const Clock& clock);
Result<WriteOutcome> correct_highlight(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                       const Correction& c, const std::string& text, const Clock& clock);
// The title, assignee and due date.
Result<WriteOutcome> correct_task(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                  const Correction& c, const TaskInput& input, const Clock& clock);
// The time, place, link, invitees and agenda.
Result<WriteOutcome> correct_meeting(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                     const Correction& c, const MeetingInput& input, const Clock& clock);

// An entry as its correction form starts: the current values as inputs,
// and the people a task or meeting may name. kNotFound for no such entry or
// one the actor cannot read, kForbidden when they may read but not correct.
// The read is recorded on `trail` as a view of that entry (its kind and id)
// before the draft is returned; kUnavailable and no draft when it cannot be.
struct CorrectionDraft {
  domain::EntryId id;
  domain::EntryKind kind = domain::EntryKind::kNote;
  int version = 1;
  GoalInput goal;
  MeasureInput measure;
  EvaluationInput evaluation;
  NoteInput note;
  std::string highlight;
  TaskInput task;
  MeetingInput meeting;
  std::vector<std::pair<domain::ParticipantId, std::string>> participants;  // active ones
};
Result<CorrectionDraft> correction_draft(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                         domain::LogId log, domain::EntryId entry, const Clock& clock);

// A measure's current values as the inputs of its correction form.
MeasureInput measure_input_of(const domain::MeasureBody& body, const std::vector<domain::EntryId>& goals);

// Writes the submitted fields of the entry's kind over its current values
// (a form or JSON body); field errors found on the way go to `errors`.
using DraftFill = std::function<void(CorrectionDraft& draft, FieldErrors& errors)>;

// Corrects any kind of entry: its current values (read here, never
// returned) with `fill` applied, then as correct_goal and the others. The
// change is recorded as `correct`; with field errors (from `fill` or the
// checks) nothing is written or recorded, and a form shown again reads the
// entry with correction_draft, which records that view.
Result<WriteOutcome> correct_entry(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                   const Correction& c, const DraftFill& fill, const Clock& clock);

}  // namespace stafett::app
