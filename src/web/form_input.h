#pragma once
// Allow-listed decoding of form bodies into use-case inputs: each function
// reads the named fields it knows and nothing else, so extra fields such as
// author_id, log_id or created_at can never reach a write (no mass
// assignment). Malformed values become FieldErrors, shown next to the field.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/log_use_cases.h"
#include "http/query.h"
#include "web/app_context.h"

namespace stafett::web {

// Every value of a repeated field (checkboxes).
std::vector<std::string_view> all_fields(const http::FormFields& form, std::string_view key);

// A positive integer id, or nullopt.
std::optional<std::int64_t> parse_id(std::string_view text);

// "YYYY-MM-DD" as the first moment after that day in Oslo: "valid until the
// 31st" means through the 31st, Norwegian time.
std::optional<TimePoint> parse_end_of_day(std::string_view text);

// The consent information text for `locale`, its version and its hash.
struct ConsentText {
  std::string text;
  std::string version;
  std::string hash;
};
ConsentText consent_text(const AppContext& app, Locale locale);

// Reads scope_unit, scope_service, category, valid_until, review_at,
// info_text_version and info_text_hash. The text hash must be that of a text
// we serve (in any language); otherwise the info_text error is added.
app::ConsentInput read_consent_input(const AppContext& app, const http::FormFields& form,
                                     app::FieldErrors& errors);

}  // namespace stafett::web
