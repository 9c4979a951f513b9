#pragma once
// The samhandlingsmodell's texts (a service's description, a measure's, a
// plan's body) are Markdown in the guide's safe subset. Unlike the guide,
// which shows stray markup as plain text, the model's forms refuse raw HTML
// and unsafe link targets outright, so the author learns at once that a
// script or an iframe has no place there.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stafett::domain {

// nullopt when `text` is acceptable Markdown of at most `max_bytes`; else a
// message key: model.error.markdown_html (a tag such as <script> or <a ...>),
// model.error.markdown_link (a link to javascript:, data:, http: ...),
// model.error.too_long, model.error.invalid_text.
std::optional<std::string> model_markdown_problem(std::string_view text, std::size_t max_bytes);

// nullopt when `text` is one line of valid UTF-8 of at most `max_bytes` (and
// not blank when `required`); else model.error.required, too_long or invalid_text.
std::optional<std::string> model_line_problem(std::string_view text, std::size_t max_bytes, bool required);

// A form's small number ("0".."25", a level "0".."3"): one or two ASCII
// digits, at most `max`; nullopt for anything else.
std::optional<int> small_number_from_text(std::string_view text, int max);
// A form's reference to a row (a unit, a log): a positive decimal id.
std::optional<std::int64_t> id_from_text(std::string_view text);

}  // namespace stafett::domain
