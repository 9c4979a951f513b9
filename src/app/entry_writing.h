#pragma once
// The steps every write of log content shares, used by the add and the
// correct use cases alike (internal to the app layer): asking the policy for
// one kind of entry, deciding who may read an entry, and turning the
// strings of a form or JSON body into a checked entry body.
//
// The *_body functions never write; they fill `errors` (catalog keys) and
// return a body that is only meaningful when `errors` stayed empty.
#include <optional>
#include <string>
#include <vector>

#include "app/content_use_cases.h"
#include "policy/access_facts.h"
#include "policy/actor.h"
#include "store/database.h"
#include "store/entry_repository.h"

namespace stafett::app::writing {

Error forbidden();
std::optional<std::int64_t> parse_id(std::string_view text);
void add_problems(FieldErrors& errors, const domain::FieldProblems& problems);
// The date in `text` ("YYYY-MM-DD"), or an error on `field`.
domain::Date parsed_date(const std::string& text, const char* field, FieldErrors& errors);
// The non-empty lines of `text`, trimmed.
std::vector<std::string> lines_of(const std::string& text);

// Adds the log's note settings to loaded facts.
Result<void> add_note_facts(store::Transaction& tx, domain::LogId log, policy::AccessFacts& facts);

// Loads the facts for `action` on an entry of `kind` in `category` and
// decides; kForbidden when denied. `entry` is the existing entry for a
// correction (its author decides), nullopt for a new one.
Result<policy::AccessFacts> facts_for(store::Transaction& tx, const policy::Actor& actor, domain::LogId log,
                                      policy::Action action, TimePoint now, const store::EntryRow* entry,
                                      domain::EntryKind kind, domain::InfoCategory category);

// A new entry written by `actor`, credited to the unit they take part for
// (families take part for none).
store::NewEntry new_entry(const policy::Actor& actor, const policy::AccessFacts& facts, domain::LogId log,
                          domain::EntryKind kind, domain::InfoCategory category, std::string body);

// May `actor`, whose facts allow reading the log, see this entry? Its
// category must be readable, and a note hidden from guardians is seen only
// by its author, the author's unit and the child, never by guardians.
bool may_read_entry(const policy::Actor& actor, const policy::AccessFacts& facts, const store::EntryRow& entry);

// The current version of an entry of `kind` in `log`, which `actor` may
// correct: kNotFound for no such entry (or one the actor cannot see, so a
// hidden note's existence is not revealed), kForbidden when the policy says
// no. Also checks the reason.
Result<store::EntryRow> entry_to_correct(store::Transaction& tx, const policy::Actor& actor, domain::LogId log,
                                         domain::EntryId id, domain::EntryKind kind, const std::string& reason,
                                         TimePoint now, FieldErrors& errors);

domain::GoalBody goal_body(const GoalInput& in, FieldErrors& errors);
// The goals must be goals of this log, the responsible an active
// participant, the unit one taking part.
// The goals it serves are in the body (`goals`).
domain::MeasureBody measure_body(store::Transaction& tx, domain::LogId log, const MeasureInput& in,
                                 FieldErrors& errors);
domain::EvaluationBody evaluation_body(const EvaluationInput& in, const domain::MeasureBody& measure,
                                       FieldErrors& errors);
domain::NoteBody note_body(const NoteInput& in, FieldErrors& errors);
// The title, assignee (an active participant) and due date; not done.
domain::TaskBody task_body(store::Transaction& tx, domain::LogId log, const std::string& title,
                           const TaskInput& in, FieldErrors& errors);
// Time, place, link, invitees (active participants) and agenda; no minutes.
domain::MeetingBody meeting_body(store::Transaction& tx, domain::LogId log, const MeetingInput& in,
                                 FieldErrors& errors);

}  // namespace stafett::app::writing
