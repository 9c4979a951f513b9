#pragma once
// The guide document and form answers as JSON (docs/guide-content.md). The
// same decoder reads the default document, a stored version and what a
// coordinator sends, so a damaged or hostile document is refused in one place:
// wrong types, unknown members, unknown field types and everything
// domain::check_guide finds are problems named by their path.
#include <string>
#include <string_view>

#include "core/result.h"
#include "domain/field_problem.h"
#include "domain/form_answers.h"
#include "domain/guide.h"

namespace stafett::store {

inline constexpr std::size_t kMaxGuideDocumentBytes = 900 * 1024;

struct DecodedGuide {
  domain::Guide guide;
  domain::FieldProblems problems;  // non-empty: the guide must not be used
};
DecodedGuide decode_guide(std::string_view json);
std::string encode_guide(const domain::Guide& guide);

// One tool, as kept with what was filled in (a tool record keeps the tool it
// answered, whatever the guide says later).
std::string encode_tool(const domain::GuideTool& tool);
Result<domain::GuideTool> decode_tool(std::string_view json);

// A form definition on its own (the editor's text box): its problems, by
// path within the form; `out` is meaningful only when there are none.
domain::FieldProblems decode_form_definition(std::string_view json, domain::FormDefinition& out);

// Answers: {"key": "value" | ["a","b"] | [{...group item...}]}. Decoding a
// stored value fails on any other shape; the API's input goes through it too.
std::string encode_answers(const domain::FormAnswers& answers);
Result<domain::FormAnswers> decode_answers(std::string_view json);

}  // namespace stafett::store
