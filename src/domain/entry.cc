#include "domain/entry.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/oslo_time.h"
#include "core/utf8.h"

namespace stafett::domain {
namespace {

template <class E, std::size_t N>
std::optional<E> from_code(std::string_view code, const std::pair<E, std::string_view> (&table)[N]) {
  for (const auto& [e, c] : table) {
    if (c == code) return e;
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view to_code(E e, const std::pair<E, std::string_view> (&table)[N]) {
  for (const auto& [v, c] : table) {
    if (v == e) return c;
  }
  return table[0].second;
}

constexpr std::pair<EntryKind, std::string_view> kKinds[] = {
    {EntryKind::kGoal, "goal"},   {EntryKind::kMeasure, "measure"}, {EntryKind::kEvaluation, "evaluation"},
    {EntryKind::kMeeting, "meeting"}, {EntryKind::kTask, "task"}, {EntryKind::kNote, "note"},
    {EntryKind::kHighlight, "highlight"}};
constexpr std::pair<GoalStatus, std::string_view> kGoalStatuses[] = {
    {GoalStatus::kActive, "active"}, {GoalStatus::kAchieved, "achieved"}, {GoalStatus::kDropped, "dropped"}};
constexpr std::pair<MeasureStatus, std::string_view> kMeasureStatuses[] = {
    {MeasureStatus::kPlanned, "planned"}, {MeasureStatus::kActive, "active"},
    {MeasureStatus::kCompleted, "completed"}, {MeasureStatus::kStopped, "stopped"}};
constexpr std::pair<EvaluationOutcome, std::string_view> kOutcomes[] = {
    {EvaluationOutcome::kContinue, "continue"}, {EvaluationOutcome::kChange, "change"}, {EvaluationOutcome::kEnd, "end"}};

constexpr std::pair<NoteType, std::string_view> kNoteTypes[] = {
    {NoteType::kObservation, "observation"}, {NoteType::kConversation, "conversation"},
    {NoteType::kFamilyInformation, "family_information"}, {NoteType::kOther, "other"}};

// Required text within bounds, valid UTF-8, no control characters except
// line breaks in long texts.
void check_text(FieldProblems& problems, const std::string& field, const std::string& text, std::size_t max,
                bool required, bool multiline) {
  const bool blank = std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (blank) {
    if (required) problems.push_back({field, "entry.error.required"});
    return;
  }
  if (text.size() > max) {
    problems.push_back({field, "entry.error.too_long"});
  } else if (!is_valid_utf8(text) || has_control_characters(text, multiline)) {
    problems.push_back({field, "entry.error.invalid_text"});
  }
}

}  // namespace

std::string_view entry_kind_code(EntryKind kind) { return to_code(kind, kKinds); }
std::optional<EntryKind> entry_kind_from_code(std::string_view code) { return from_code(code, kKinds); }
std::string_view goal_status_code(GoalStatus s) { return to_code(s, kGoalStatuses); }
std::optional<GoalStatus> goal_status_from_code(std::string_view code) { return from_code(code, kGoalStatuses); }
std::string_view measure_status_code(MeasureStatus s) { return to_code(s, kMeasureStatuses); }
std::optional<MeasureStatus> measure_status_from_code(std::string_view code) { return from_code(code, kMeasureStatuses); }
std::string_view outcome_code(EvaluationOutcome o) { return to_code(o, kOutcomes); }
std::optional<EvaluationOutcome> outcome_from_code(std::string_view code) { return from_code(code, kOutcomes); }

std::string_view note_type_code(NoteType t) { return to_code(t, kNoteTypes); }
std::optional<NoteType> note_type_from_code(std::string_view code) { return from_code(code, kNoteTypes); }

FieldProblems validate(const NoteBody& n, const NoteVisibility& v) {
  FieldProblems p;
  if (!n.date.ok()) p.push_back({"date", "entry.error.date"});
  check_text(p, "text", n.text, kMaxLongText, true, true);
  if (v.hidden_from_guardians) {
    check_text(p, "hidden_reason", v.reason, kMaxShortText, true, false);
    check_text(p, "legal_reference", v.legal_reference, kMaxShortText, true, false);
  }
  return p;
}

std::optional<TimePoint> meeting_start(const MeetingBody& m) {
  const std::string_view t = m.starts_at;
  if (t.size() != 16 || t[10] != 'T' || t[13] != ':') return std::nullopt;
  auto date = date_from_code(t.substr(0, 10));
  int hh = 0, mm = 0;
  if (!date || std::from_chars(t.data() + 11, t.data() + 13, hh).ec != std::errc() ||
      std::from_chars(t.data() + 14, t.data() + 16, mm).ec != std::errc() || hh > 23 || mm > 59) {
    return std::nullopt;
  }
  const auto local = std::chrono::time_point_cast<std::chrono::milliseconds>(
      std::chrono::sys_days{*date} + std::chrono::hours(hh) + std::chrono::minutes(mm));
  return local - oslo_offset(local - std::chrono::hours(1));
}

FieldProblems validate(const MeetingBody& m) {
  FieldProblems p;
  if (!meeting_start(m)) p.push_back({"starts_at", "meeting.error.starts_at"});
  check_text(p, "place", m.place, kMaxShortText, false, false);
  check_text(p, "video_link", m.video_link, kMaxShortText, false, false);
  const bool blank_place = std::all_of(m.place.begin(), m.place.end(), [](char c) { return c == ' '; });
  if (blank_place && m.video_link.empty()) p.push_back({"place", "meeting.error.where"});
  if (!m.video_link.empty() && !m.video_link.starts_with("https://")) {
    p.push_back({"video_link", "meeting.error.video_link"});
  }
  if (m.invited.empty()) p.push_back({"invited", "meeting.error.invited"});
  if (m.agenda.size() > kMaxAgendaItems) p.push_back({"agenda", "meeting.error.too_many"});
  for (const auto& item : m.agenda) check_text(p, "agenda", item, kMaxShortText, true, false);
  check_text(p, "minutes", m.minutes, kMaxLongText, false, true);
  if (m.decisions.size() > kMaxDecisions) p.push_back({"decisions", "meeting.error.too_many"});
  for (const auto& d : m.decisions) check_text(p, "decisions", d, kMaxShortText, true, false);
  return p;
}

FieldProblems validate(const TaskBody& t) {
  FieldProblems p;
  check_text(p, "title", t.title, kMaxShortText, true, false);
  if (!t.assignee) p.push_back({"assignee", "task.error.assignee"});
  if (!t.due_date.ok()) p.push_back({"due_date", "entry.error.date"});
  return p;
}

FieldProblems validate(const HighlightBody& h) {
  FieldProblems p;
  check_text(p, "text", h.text, kMaxHighlight, true, true);
  return p;
}

FieldProblems validate(const GoalBody& goal) {
  FieldProblems p;
  check_text(p, "text", goal.text, kMaxLongText, true, true);
  return p;
}

FieldProblems validate(const MeasureBody& m) {
  FieldProblems p;
  check_text(p, "title", m.title, kMaxShortText, true, false);
  check_text(p, "description", m.description, kMaxLongText, false, true);
  if (!m.responsible) p.push_back({"responsible", "measure.error.responsible"});
  if (!m.unit) p.push_back({"unit", "measure.error.unit"});
  if (!m.start_date.ok()) p.push_back({"start_date", "entry.error.date"});
  if (!m.evaluation_date.ok()) {
    p.push_back({"evaluation_date", "entry.error.date"});
  } else if (m.start_date.ok() && std::chrono::sys_days{m.evaluation_date} < std::chrono::sys_days{m.start_date}) {
    p.push_back({"evaluation_date", "measure.error.evaluation_before_start"});
  }
  if (m.status == MeasureStatus::kStopped && m.status_reason.empty()) {
    p.push_back({"status_reason", "measure.error.reason_required"});
  }
  check_text(p, "status_reason", m.status_reason, kMaxShortText, false, false);
  return p;
}

FieldProblems validate(const EvaluationBody& e, const MeasureBody& m) {
  FieldProblems p;
  if (!e.date.ok()) {
    p.push_back({"date", "entry.error.date"});
  } else if (m.start_date.ok() && std::chrono::sys_days{e.date} < std::chrono::sys_days{m.start_date}) {
    p.push_back({"date", "evaluation.error.before_start"});
  }
  check_text(p, "observed", e.observed, kMaxLongText, true, true);
  if (e.outcome != EvaluationOutcome::kEnd) {
    if (!e.next_evaluation_date || !e.next_evaluation_date->ok()) {
      p.push_back({"next_evaluation_date", "evaluation.error.next_required"});
    } else if (e.date.ok() && std::chrono::sys_days{*e.next_evaluation_date} <= std::chrono::sys_days{e.date}) {
      p.push_back({"next_evaluation_date", "evaluation.error.next_after"});
    }
  }
  return p;
}

std::optional<Date> next_evaluation_due(const MeasureBody& m, const std::vector<EvaluationBody>& evaluations) {
  if (m.status == MeasureStatus::kCompleted || m.status == MeasureStatus::kStopped) return std::nullopt;
  const EvaluationBody* latest = nullptr;
  for (const auto& e : evaluations) {
    if (latest == nullptr || std::chrono::sys_days{e.date} >= std::chrono::sys_days{latest->date}) latest = &e;
  }
  if (latest == nullptr) return m.evaluation_date;
  if (latest->outcome == EvaluationOutcome::kEnd) return std::nullopt;
  return latest->next_evaluation_date;
}

MeasureStatus effective_status(const MeasureBody& m, const std::vector<EvaluationBody>& evaluations) {
  if (m.status != MeasureStatus::kPlanned && m.status != MeasureStatus::kActive) return m.status;
  const EvaluationBody* latest = nullptr;
  for (const auto& e : evaluations) {
    if (latest == nullptr || std::chrono::sys_days{e.date} >= std::chrono::sys_days{latest->date}) latest = &e;
  }
  return latest != nullptr && latest->outcome == EvaluationOutcome::kEnd ? MeasureStatus::kCompleted : m.status;
}

bool is_overdue(const MeasureBody& m, const std::vector<EvaluationBody>& evaluations, Date today) {
  const auto due = next_evaluation_due(m, evaluations);
  return due && std::chrono::sys_days{*due} < std::chrono::sys_days{today};
}

std::string date_code(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<Date> date_from_code(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::from_chars(t.data(), t.data() + 4, y).ec != std::errc() ||
      std::from_chars(t.data() + 5, t.data() + 7, m).ec != std::errc() ||
      std::from_chars(t.data() + 8, t.data() + 10, d).ec != std::errc()) {
    return std::nullopt;
  }
  const Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!date.ok() || y < 1900 || y > 2200) return std::nullopt;
  return date;
}

}  // namespace stafett::domain
