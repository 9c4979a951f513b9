#pragma once
// Parses and validates a request target before anything else looks at it.
// The rules, and the status each failure gets:
//   - not origin-form ("/path?query") or bad percent-escapes      -> 400
//   - a control character (NUL included) or invalid UTF-8, in the
//     decoded path or in any decoded query key or value            -> 400
//   - a "." or ".." segment, raw or encoded (%2e%2e), or an encoded
//     slash or backslash (%2f, %5c) inside a segment               -> 404
// so nothing downstream ever sees a path that could leave a folder.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace stafett::http {

struct ParsedTarget {
  std::vector<std::string> segments;  // decoded
  std::string query;                  // raw, validated
};

enum class TargetProblem { kBadRequest, kNotFound };

std::variant<ParsedTarget, TargetProblem> parse_target(std::string_view target);

}  // namespace stafett::http
