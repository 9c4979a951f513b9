#pragma once
// What the content use cases hand to the web layer: goals, measures and
// evaluations as the reader may see them, with their correction history.
#include "domain/local_text.h"
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/entry.h"

namespace stafett::app {

// What a reader sees of an entry's history.
struct VersionView {
  int version = 1;
  std::string summary;  // the text of that version (goal text, measure title)
  TimePoint at;
  std::string author_name;
  std::optional<std::string> correction_reason;  // why this version was replaced
};

// What every entry shows of its versions. `version` is the current one,
// which a correction names so that two people cannot overwrite each other.
struct Versioned {
  int version = 1;
  bool corrected = false;
  std::vector<VersionView> history;  // earlier versions, oldest first
  bool can_correct = false;          // the reader may correct it (policy kCorrectEntry)
};

struct EvaluationView : Versioned {
  domain::EntryId id;
  domain::EvaluationBody body;
  std::string author_name;
};

struct MeasureView : Versioned {
  domain::EntryId id;
  domain::MeasureBody body;
  std::string responsible_name;
  std::string unit_name;
  std::string catalogue_name;  // when picked from the measures catalogue
  std::vector<domain::EntryId> goals;
  std::vector<EvaluationView> evaluations;  // oldest first
  std::optional<domain::Date> next_due;
  domain::MeasureStatus status = domain::MeasureStatus::kPlanned;  // as people see it (see effective_status)
  bool overdue = false;
};

struct GoalView : Versioned {
  domain::EntryId id;
  domain::GoalBody body;
  std::vector<MeasureView> measures;  // overdue first, then by next due date
};

struct NoteView : Versioned {
  domain::EntryId id;
  domain::NoteBody body;
  domain::InfoCategory category = domain::InfoCategory::kNotes;
  std::string author_name;
  std::string author_unit;
  bool hidden_from_guardians = false;
  std::string hidden_reason;
  std::string legal_reference;
  TimePoint at;
};

struct HighlightView : Versioned {
  domain::EntryId id;
  std::string text;
  std::string author_name;
  TimePoint at;
};

struct TaskView : Versioned {
  domain::EntryId id;
  domain::LogId log;
  std::string child_name;  // for "my tasks" across logs
  domain::TaskBody body;
  std::string assignee_name;
  bool overdue = false;
  bool mine = false;
};

struct DecisionView {
  std::string text;
  std::vector<std::string> tasks;  // titles of tasks made from it
};

struct MeetingView : Versioned {
  domain::EntryId id;
  domain::MeetingBody body;
  TimePoint starts;
  std::vector<std::string> invited_names;
  bool upcoming = false;
  std::vector<DecisionView> decisions;
  std::vector<std::string> measures_made;  // titles of measures made from its decisions
};

// One line of the log's timeline: an entry the reader may see.
struct TimelineItem {
  domain::EntryId id;
  domain::EntryKind kind = domain::EntryKind::kNote;
  std::string summary;  // the first words of the current version
  std::string author_name;
  TimePoint at;  // when the current version was written
  int version = 1;
  // A tool record from the guide attached to the log (an undringsnotat):
  // its id and the tool's title; kind is kNote, id is 0.
  std::int64_t tool_record = 0;
  domain::LocalText tool_title;
};

struct ContentView {
  std::vector<TimelineItem> timeline;  // every readable entry, newest first
  std::vector<MeetingView> meetings;  // upcoming first (soonest first), then past (latest first)
  bool can_write_meetings = false;
  std::vector<TaskView> tasks;  // open ones first, by due date
  bool can_write_tasks = false;
  std::vector<NoteView> notes;            // newest first
  std::vector<HighlightView> highlights;  // newest first
  bool can_write_notes = false;
  bool can_hide_notes = false;            // employees only
  bool can_write_highlights = false;
  bool can_configure = false;             // the holder: who may write notes
  bool notes_by_all_contributors = false;
  bool guardians_may_write_notes = false;
  std::vector<GoalView> goals;
  std::vector<MeasureView> measures_without_goal;
  int overdue = 0;
  bool can_write = false;  // goals, measures and evaluations (category goals_measures)
};

}  // namespace stafett::app
