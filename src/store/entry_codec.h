#pragma once
// How entry bodies are stored: one JSON object per version. Decoding is
// strict about types so a damaged row is an error, never a half-read body.
#include <string>

#include "core/result.h"
#include "domain/entry.h"

namespace stafett::store {

std::string encode(const domain::GoalBody& body);
std::string encode(const domain::MeasureBody& body);
std::string encode(const domain::EvaluationBody& body);
std::string encode(const domain::NoteBody& body);
std::string encode(const domain::HighlightBody& body);
std::string encode(const domain::TaskBody& body);
std::string encode(const domain::MeetingBody& body);

Result<domain::GoalBody> decode_goal(const std::string& json);
Result<domain::MeasureBody> decode_measure(const std::string& json);
Result<domain::EvaluationBody> decode_evaluation(const std::string& json);
Result<domain::NoteBody> decode_note(const std::string& json);
Result<domain::HighlightBody> decode_highlight(const std::string& json);
Result<domain::TaskBody> decode_task(const std::string& json);
Result<domain::MeetingBody> decode_meeting(const std::string& json);

}  // namespace stafett::store
