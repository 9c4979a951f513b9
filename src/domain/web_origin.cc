#include "domain/web_origin.h"

#include "domain/contact_details.h"

namespace stafett::domain {

std::optional<std::string> normalize_origin(std::string_view typed) {
  while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\r')) typed.remove_suffix(1);
  while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
  if (typed.ends_with('/')) typed.remove_suffix(1);
  if (typed.size() > 300 || !typed.starts_with("https://")) return std::nullopt;
  std::string out(typed);
  for (std::size_t i = 8; i < out.size(); ++i) {
    const char c = out[i];
    if (c == '/' || c == '?' || c == '#' || c == '@') return std::nullopt;  // an origin has no path or user
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
  }
  if (!is_public_web_link(out)) return std::nullopt;
  return out;
}

}  // namespace stafett::domain
