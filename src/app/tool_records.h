#pragma once
// Tool records: what an employee fills in on one of the guide's forms (an
// undringsnotat, an observation, a report of concern...). Before any log and
// consent a record is the employee's unit's internal documentation: a draft
// is its author's, a submitted record is read by the unit's employees only
// (policy: use_tool). It may name no child at all, for anonymous discussion
// with another service. Once the family consents it is attached to a new or
// existing stafettlogg and appears in the log's timeline, read under the
// log's consent (category notes), never again by the unit alone.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/access_trail.h"
#include "app/guide_library.h"
#include "app/log_use_cases.h"
#include "domain/form_answers.h"
#include "domain/guide.h"
#include "policy/actor.h"
#include "store/database.h"
#include "store/people_repository.h"
#include "store/tool_record_repository.h"

namespace stafett::app {

// What the unit and person pickers offer, with names to show.
struct PickerOptions {
  domain::PickerChoices choices;
  std::vector<std::pair<std::int64_t, std::string>> units;
  std::vector<std::pair<std::int64_t, std::string>> people;
};

// A form to fill in: a new one, or a draft being edited.
struct ToolForm {
  domain::GuideTool tool;
  std::optional<std::int64_t> guide_version;
  domain::MunicipalityId municipality;
  std::vector<store::UnitRow> my_units;  // the author's units in that municipality
  domain::UnitId unit;                    // the unit it is written for
  PickerOptions pickers;
  domain::FormAnswers answers;
  std::optional<std::int64_t> record;  // the draft
};

// A new form of `tool_key` from the guide of the municipality of the actor's
// unit (`unit`, or their first). kNotFound for a tool that is no form;
// kForbidden for an actor without an active employment.
Result<ToolForm> new_tool_form(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                               const std::string& tool_key, std::optional<domain::UnitId> unit, TimePoint now);
// The draft `id` for its author to go on with.
Result<ToolForm> draft_tool_form(store::Database& db, const policy::Actor& actor, std::int64_t id, TimePoint now);

struct ToolRecordInput {
  std::string tool_key;             // a new record
  std::optional<std::int64_t> id;   // a draft being saved again
  std::string unit;                 // as sent: the unit's id
  domain::FormAnswers answers;
  bool submit = false;
};

struct SaveToolOutcome {
  std::optional<std::int64_t> id;  // set when saved
  FieldErrors errors;              // non-empty: nothing saved
  ToolForm form;                   // the form with what was sent, for showing it again
};
// Saves a draft, or submits (every required field, then the record is kept
// for good). Nothing is stored when anything is wrong, including fields the
// form does not have.
Result<SaveToolOutcome> save_tool_record(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                         const ToolRecordInput& input, TimePoint now);

Result<void> delete_tool_draft(store::Database& db, const policy::Actor& actor, std::int64_t id, TimePoint now);

// A log the record could be attached to: the actor may write notes in it.
struct AttachChoice {
  domain::LogId log;
  std::string child_name;
};

struct ToolRecordView {
  store::ToolRecordRow row;
  domain::GuideTool tool;
  domain::FormAnswers answers;
  std::string child_name;  // the child_name_field's answer; "" for an anonymous record
  std::map<std::int64_t, std::string> unit_names;
  std::map<std::int64_t, std::string> person_names;
  bool can_edit = false;         // a draft, its author
  bool can_follow_up = false;    // submitted, not in a log: outcome or attach
  std::vector<AttachChoice> logs;  // where it may be attached
};
// The record for an employee of its unit (a draft: its author). A record in
// a log is read through the log instead (kForbidden here for anyone but the unit).
Result<ToolRecordView> view_tool_record(store::Database& db, const policy::Actor& actor, std::int64_t id, TimePoint now);

// The records of the actor's units (submitted) and their own drafts.
Result<std::vector<store::ToolRecordRow>> my_units_tool_records(store::Database& db, const policy::Actor& actor,
                                                                TimePoint now);

// "closed": nothing more to do; "in_unit": followed up in the unit.
Result<FieldErrors> set_tool_outcome(store::Database& db, const policy::Actor& actor, std::int64_t id,
                                     const std::string& outcome, TimePoint now);

// Attaches a submitted record to `log`: the actor must be of its unit and
// may write notes in the log under its consent. Recorded in the log's access
// chain as a change by the actor. Once only.
Result<void> attach_tool_record(store::Database& db, AccessTrail& trail, const policy::Actor& actor, std::int64_t id,
                                domain::LogId log, TimePoint now);

// A record attached to `log`, read by someone who may read the log's notes;
// the read is recorded. kNotFound when it is not attached to that log.
Result<ToolRecordView> view_tool_record_in_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                               domain::LogId log, std::int64_t id, TimePoint now);

}  // namespace stafett::app
