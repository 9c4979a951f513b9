#pragma once
// The interface languages and how one is chosen for a request: an explicit
// choice (the "sprak" cookie set by the language links) wins, else the
// browser's Accept-Language, else bokmål.
#include <array>
#include <optional>
#include <string_view>

namespace stafett::web {

enum class Locale { kNb, kNn, kEn };

inline constexpr std::array kAllLocales = {Locale::kNb, Locale::kNn, Locale::kEn};
inline constexpr std::string_view kLocaleCookie = "sprak";

// "nb", "nn", "en": also the catalog file name and the html lang attribute.
std::string_view locale_code(Locale locale);
std::optional<Locale> locale_from_code(std::string_view code);

// Best supported language in an Accept-Language header (q-values honoured;
// "no" counts as bokmål), or nullopt when none is supported.
std::optional<Locale> locale_from_accept_language(std::string_view header);

Locale choose_locale(std::optional<std::string_view> cookie,
                     std::optional<std::string_view> accept_language);

}  // namespace stafett::web
