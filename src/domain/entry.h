#pragma once
// The content of a stafettlogg: entries of several kinds, each with versions.
// Goals (mål), measures (tiltak) and their evaluations (evaluering) are here;
// meetings, tasks, notes and lysglimt share the same entry and version model.
//
// Everything is a plain value with its rules; storage encodes the bodies.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/field_problem.h"
#include "domain/ids.h"
#include "domain/info_category.h"

namespace stafett::domain {

using EntryId = Id<struct EntryTag>;
using Date = std::chrono::year_month_day;

enum class EntryKind { kGoal, kMeasure, kEvaluation, kMeeting, kTask, kNote, kHighlight };
std::string_view entry_kind_code(EntryKind kind);
std::optional<EntryKind> entry_kind_from_code(std::string_view code);

enum class GoalStatus { kActive, kAchieved, kDropped };
enum class MeasureStatus { kPlanned, kActive, kCompleted, kStopped };
enum class EvaluationOutcome { kContinue, kChange, kEnd };
std::string_view goal_status_code(GoalStatus s);
std::optional<GoalStatus> goal_status_from_code(std::string_view code);
std::string_view measure_status_code(MeasureStatus s);
std::optional<MeasureStatus> measure_status_from_code(std::string_view code);
std::string_view outcome_code(EvaluationOutcome o);
std::optional<EvaluationOutcome> outcome_from_code(std::string_view code);

inline constexpr std::size_t kMaxShortText = 300;
inline constexpr std::size_t kMaxLongText = 10000;

struct GoalBody {
  std::string text;
  GoalStatus status = GoalStatus::kActive;
};

struct MeasureBody {
  std::string title;
  std::string description;
  ParticipantId responsible;        // a participant of the log
  UnitId unit;                      // the unit delivering it
  Date start_date;
  Date evaluation_date;
  MeasureStatus status = MeasureStatus::kPlanned;
  std::string status_reason;        // REQUIRED when stopped
  std::optional<CatalogueMeasureId> catalogue;  // picked from the measures catalogue
  // The goals it serves, as of this version (a correction may change them).
  // Versions written before goals were kept here have none; their goals are
  // the links made when the measure was added.
  std::optional<std::vector<EntryId>> goals;
};

struct EvaluationBody {
  Date date;
  std::string observed;
  EvaluationOutcome outcome = EvaluationOutcome::kContinue;
  std::optional<Date> next_evaluation_date;  // REQUIRED unless the outcome ends the measure
};

// Logg-notater: dated entries of one kind.
enum class NoteType { kObservation, kConversation, kFamilyInformation, kOther };
std::string_view note_type_code(NoteType t);
std::optional<NoteType> note_type_from_code(std::string_view code);

struct NoteBody {
  Date date;
  NoteType type = NoteType::kObservation;
  std::string text;
};

// Lysglimt: a short positive note anyone in the log may add.
inline constexpr std::size_t kMaxHighlight = 500;
struct HighlightBody {
  std::string text;
};

// Hiding a note from guardians needs a reason and the legal basis (for
// example a young person's right to confidential health care).
struct NoteVisibility {
  bool hidden_from_guardians = false;
  std::string reason;
  std::string legal_reference;
};

// Oppgaver: something one participant will do by a date.
struct TaskBody {
  std::string title;
  ParticipantId assignee;
  Date due_date;
  bool done = false;
};

// Møter: planned with time, place or video link, invitees (participants of
// the log) and an agenda; after the meeting, minutes with decisions.
inline constexpr std::size_t kMaxAgendaItems = 20;
inline constexpr std::size_t kMaxDecisions = 20;
struct MeetingBody {
  std::string starts_at;  // "YYYY-MM-DDTHH:MM", Norwegian local time
  std::string place;
  std::string video_link;  // https:// only
  std::vector<ParticipantId> invited;
  std::vector<std::string> agenda;
  std::string minutes;
  std::vector<std::string> decisions;
};
FieldProblems validate(const MeetingBody& meeting);
// The meeting's start as an instant (Oslo time), or nullopt for a bad value.
std::optional<TimePoint> meeting_start(const MeetingBody& meeting);

// Reasons recorded for changes that are not corrections; shown through the
// catalog key "entry.reason.<code>".
inline constexpr std::string_view kReasonTaskDone = "@task_done";
inline constexpr std::string_view kReasonTaskReopened = "@task_reopened";
inline constexpr std::string_view kReasonMinutes = "@minutes";

FieldProblems validate(const TaskBody& task);
FieldProblems validate(const NoteBody& note, const NoteVisibility& visibility);
FieldProblems validate(const HighlightBody& highlight);

FieldProblems validate(const GoalBody& goal);
// The responsible participant is checked by the use case (it needs the log).
FieldProblems validate(const MeasureBody& measure);
FieldProblems validate(const EvaluationBody& evaluation, const MeasureBody& measure);

// When a measure must next be evaluated: the next date set by its latest
// evaluation, or its own evaluation date before any evaluation. A measure
// that is completed or stopped has none.
std::optional<Date> next_evaluation_due(const MeasureBody& measure, const std::vector<EvaluationBody>& evaluations);
// The status people see: an evaluation that ended the measure completes it.
MeasureStatus effective_status(const MeasureBody& measure, const std::vector<EvaluationBody>& evaluations);
// Overdue: an evaluation date that has passed (before `today`) without an
// evaluation on or after it.
bool is_overdue(const MeasureBody& measure, const std::vector<EvaluationBody>& evaluations, Date today);

// A date as "YYYY-MM-DD", and back (nullopt for anything else).
std::string date_code(Date d);
std::optional<Date> date_from_code(std::string_view text);

}  // namespace stafett::domain
