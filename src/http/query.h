#pragma once
// Decoding of application/x-www-form-urlencoded text: query strings now, form
// bodies later. Every key and value is percent-decoded ('+' is a space) and
// must be valid UTF-8 without control characters; otherwise the whole input is
// refused. Form bodies may carry TAB/CR/LF in values (multi-line text fields);
// query strings may not.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace stafett::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

Result<FormFields> parse_query(std::string_view encoded);
Result<FormFields> parse_form_body(std::string_view encoded);

// First value for `key`, if any.
std::optional<std::string_view> find_field(const FormFields& fields, std::string_view key);

}  // namespace stafett::http
