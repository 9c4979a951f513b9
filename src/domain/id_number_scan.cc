#include "domain/id_number_scan.h"

#include <string>

#include "domain/national_id.h"

namespace stafett::domain {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_group_separator(char c) { return c == ' ' || c == '.' || c == '-'; }

// Length of the run of digits starting at `from`.
std::size_t digit_run(std::string_view text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size() && is_digit(text[end])) ++end;
  return end - from;
}

}  // namespace

bool contains_national_id(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    // `i` starts a whole run: the previous character is not a digit.
    const std::size_t run = digit_run(text, i);
    if (run == 11 && is_valid_national_id(text.substr(i, 11))) return true;
    const std::size_t second = i + run + 1;  // where a 5-digit group would start
    if (run == 6 && second < text.size() && is_group_separator(text[i + run]) && digit_run(text, second) == 5) {
      const std::string joined = std::string(text.substr(i, 6)).append(text.substr(second, 5));
      if (is_valid_national_id(joined)) return true;
    }
    i += run;
  }
  return false;
}

}  // namespace stafett::domain
