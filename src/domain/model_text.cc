#include "domain/model_text.h"

#include "core/utf8.h"
#include "domain/markdown.h"

namespace stafett::domain {
namespace {

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "<script", "</div", "<!--", "<?xml", "<a href": anything a browser would
// take for markup. "3 < 5" and "<3" stay text.
bool has_html_tag(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '<') continue;
    const char next = text[i + 1];
    if (ascii_alpha(next) || next == '/' || next == '!' || next == '?') return true;
  }
  return false;
}

// Every "](target)" must be a target the subset keeps.
bool has_unsafe_link(std::string_view text) {
  for (std::size_t at = text.find("]("); at != std::string_view::npos; at = text.find("](", at + 2)) {
    const std::size_t start = at + 2;
    std::size_t end = start;
    int depth = 0;
    while (end < text.size() && !(text[end] == ')' && depth == 0) && text[end] != '\n') {
      if (text[end] == '(') ++depth;
      if (text[end] == ')') --depth;
      ++end;
    }
    if (!is_safe_link_target(text.substr(start, end - start))) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> model_markdown_problem(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) return "model.error.too_long";
  if (!is_acceptable_markdown(text)) return "model.error.invalid_text";
  if (has_html_tag(text)) return "model.error.markdown_html";
  if (has_unsafe_link(text)) return "model.error.markdown_link";
  return std::nullopt;
}

std::optional<int> small_number_from_text(std::string_view text, int max) {
  if (text.empty() || text.size() > 2) return std::nullopt;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v > max) return std::nullopt;
  return v;
}

std::optional<std::int64_t> id_from_text(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v > 0 ? std::optional<std::int64_t>(v) : std::nullopt;
}

std::optional<std::string> model_line_problem(std::string_view text, std::size_t max_bytes, bool required) {
  if (required && is_blank(text)) return "model.error.required";
  if (text.size() > max_bytes) return "model.error.too_long";
  if (!is_valid_utf8(text) || has_control_characters(text)) return "model.error.invalid_text";
  return std::nullopt;
}

}  // namespace stafett::domain
