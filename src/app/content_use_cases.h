#pragma once
// Log content: goals (mål), measures (tiltak) and evaluations. Every write
// goes through policy::can(kWriteEntry / kCorrectEntry) for the entry's
// category; every read filters entries by what the reader may see. Nothing
// is deleted: a correction is a new version, the earlier ones stay.
//
// Inputs are allow-listed strings straight from a form or JSON body; the use
// case parses and validates them and answers FieldErrors (catalog keys) for
// anything wrong, writing nothing.
#include <optional>
#include <string>
#include <vector>

#include "app/content_views.h"
#include "app/log_use_cases.h"
#include "domain/catalogue_measure.h"
#include "domain/entry.h"
#include "policy/access_facts.h"

namespace stafett::app {

struct GoalInput {
  std::string text;
  std::string status = "active";  // active, achieved, dropped
};

// A decision in a meeting's minutes that a new task or measure comes from:
// the new entry is linked to the meeting in the same transaction.
struct FromDecision {
  domain::EntryId meeting;
  int decision = 0;  // index into the meeting's decisions
};

struct MeasureInput {
  std::optional<FromDecision> from;  // made from a meeting decision
  std::string title;
  std::string description;
  std::vector<std::string> goals;  // entry ids of goals it serves
  std::string responsible;         // participant id
  std::string unit;                // unit id (one taking part in the log)
  std::string start_date;          // YYYY-MM-DD
  std::string evaluation_date;     // YYYY-MM-DD
  std::string status = "planned";  // planned, active, completed, stopped
  std::string status_reason;
  std::string catalogue;  // id of the catalogue measure it was picked from, or empty
};

struct EvaluationInput {
  std::string date;
  std::string observed;
  std::string outcome;  // continue, change, end
  std::string next_evaluation_date;
};

struct NoteInput {
  std::string date;  // YYYY-MM-DD
  std::string type;  // observation, conversation, family_information, other
  std::string text;
  bool health = false;  // health information: category health instead of notes
  bool hidden_from_guardians = false;
  std::string hidden_reason;
  std::string legal_reference;
};

struct TaskInput {
  std::optional<FromDecision> from;  // when set, the title is the decision's text
  std::string title;
  std::string assignee;  // participant id
  std::string due_date;  // YYYY-MM-DD
};

struct MeetingInput {
  std::string starts_at;  // YYYY-MM-DDTHH:MM (Norwegian time)
  std::string place;
  std::string video_link;
  std::vector<std::string> invited;  // participant ids
  std::string agenda;                // one item per line
  std::string decisions;             // one per line: a meeting recorded after it was held (an arena's decision)
};

struct WriteOutcome {
  std::optional<domain::EntryId> entry;
  FieldErrors errors;
};

Result<WriteOutcome> add_goal(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              const GoalInput& input, const Clock& clock);
Result<WriteOutcome> add_measure(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                 const MeasureInput& input, const Clock& clock);
Result<WriteOutcome> add_evaluation(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                    domain::EntryId measure, const EvaluationInput& input, const Clock& clock);

Result<WriteOutcome> add_note(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              const NoteInput& input, const Clock& clock);
Result<WriteOutcome> add_highlight(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                   const std::string& text, const Clock& clock);
// The holder decides who writes notes: the holder only or every contributor,
// and whether guardians may write notes too.
Result<void> set_note_rules(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                            bool all_contributors, bool guardians, const Clock& clock);

Result<WriteOutcome> add_task(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              const TaskInput& input, const Clock& clock);
// Marks a task done (or not): a new version. Its assignee or anyone who may
// correct it (author, holder) may do so.
Result<void> set_task_done(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log, domain::EntryId task,
                           int version, bool done, const Clock& clock);
// "Mine oppgaver": open tasks assigned to the actor in every log they may see.
Result<std::vector<TaskView>> my_tasks(store::Database& db, const policy::Actor& actor, const Clock& clock);

Result<WriteOutcome> add_meeting(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                 const MeetingInput& input, const Clock& clock);
// The minutes and decisions (one per line): a new version of the meeting.
Result<WriteOutcome> record_minutes(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                    domain::EntryId meeting, int version, const std::string& minutes,
                                    const std::string& decisions, const Clock& clock);
// Turns decision number `decision` (0-based) of a meeting into a task in one
// step; the task keeps a link to the meeting.
Result<WriteOutcome> task_from_decision(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                        domain::EntryId meeting, int decision, const std::string& assignee,
                                        const std::string& due_date, const Clock& clock);

// The units taking part in the log (through active employee participants):
// the ones a measure can be delivered by. Records nothing: the measure form
// shows them next to the log that show_log read and recorded.
// REQUIRES: the caller shows them only after show_log for the same log.
Result<std::vector<std::pair<domain::UnitId, std::string>>> units_taking_part(store::Database& db,
                                                                              const policy::Actor& actor,
                                                                              domain::LogId log, const Clock& clock);

// The measures the log's municipality offers (tiltaksoversikten), for
// those who may add a measure to the log. The municipality's catalogue, not
// the child's data: nothing is recorded.
Result<std::vector<domain::CatalogueMeasure>> measure_catalogue(store::Database& db, const policy::Actor& actor,
                                                                domain::LogId log, const Clock& clock);

// The content of one log as `actor` may see it, given facts already loaded
// and allowed for reading. REQUIRES: policy::can(actor, kReadLog, facts).
Result<ContentView> load_content(store::Transaction& tx, const policy::Actor& actor,
                                 const policy::AccessFacts& facts, domain::LogId log, TimePoint now);

// The lines of `timeline` of one kind; all of them when `kind` is empty.
std::vector<TimelineItem> timeline_of_kind(const std::vector<TimelineItem>& timeline,
                                           std::optional<domain::EntryKind> kind);

}  // namespace stafett::app
