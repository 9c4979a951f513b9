#include "http/target.h"

#include <boost/url/parse.hpp>

#include "core/utf8.h"
#include "http/query.h"

namespace stafett::http {

std::variant<ParsedTarget, TargetProblem> parse_target(std::string_view target) {
  if (target.empty() || target.front() != '/' || target.starts_with("//")) {
    return TargetProblem::kBadRequest;
  }
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return TargetProblem::kBadRequest;
  ParsedTarget out;
  bool traversal = false;
  for (const auto& encoded : url->encoded_segments()) {
    std::string segment = encoded.decode();
    if (has_control_characters(segment) || !is_valid_utf8(segment)) {
      return TargetProblem::kBadRequest;
    }
    if (segment == "." || segment == ".." || segment.find('/') != std::string::npos ||
        segment.find('\\') != std::string::npos) {
      traversal = true;  // keep scanning: a later bad byte is still a 400
    }
    out.segments.push_back(std::move(segment));
  }
  if (url->has_query()) {
    out.query = std::string(url->encoded_query());
    if (!parse_query(out.query)) return TargetProblem::kBadRequest;
  }
  if (traversal) return TargetProblem::kNotFound;
  return out;
}

}  // namespace stafett::http
