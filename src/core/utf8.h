#pragma once
// Strict UTF-8 validation (no overlong forms, no surrogates, nothing past
// U+10FFFF) and a check for control characters. Every text that enters from
// outside (paths, queries, forms) passes through these.
#include <string_view>

namespace stafett {

bool is_valid_utf8(std::string_view text);

// True when `text` has a C0 control character or DEL. `allow_newlines` lets
// TAB, LF and CR through (for multi-line form fields).
bool has_control_characters(std::string_view text, bool allow_newlines = false);

}  // namespace stafett
