#include "web/return_path.h"

#include <variant>

#include "http/target.h"

namespace stafett::web {

std::string safe_return_path(std::string_view candidate) {
  if (candidate.size() > 1024 || candidate.empty() || candidate.front() != '/') return "/";
  if (candidate.size() > 1 && (candidate[1] == '/' || candidate[1] == '\\')) return "/";
  if (candidate.find('\\') != std::string_view::npos) return "/";
  // Must also be a path this server would accept, with no "..".
  if (!std::holds_alternative<http::ParsedTarget>(http::parse_target(candidate))) return "/";
  return std::string(candidate);
}

}  // namespace stafett::web
