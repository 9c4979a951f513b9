#pragma once
// Strict UTF-8 validation (no overlong forms, no surrogates, nothing past
// U+10FFFF) and a check for control characters. Every text that enters from
// outside (paths, queries, forms) passes through these.
#include <string>
#include <string_view>

namespace stafett {

bool is_valid_utf8(std::string_view text);

// True when `text` has a C0 control character or DEL. `allow_newlines` lets
// TAB, LF and CR through (for multi-line form fields).
bool has_control_characters(std::string_view text, bool allow_newlines = false);

// The first line of valid UTF-8 `text`, cut to at most `max_bytes` without
// splitting a character, with "…" added when anything was cut. For one-line
// summaries (the timeline) of texts that may be a megabyte long.
std::string first_words(std::string_view text, std::size_t max_bytes);

}  // namespace stafett
