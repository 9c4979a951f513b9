#include "web/locale.h"

#include <cctype>
#include <charconv>
#include <string>

namespace stafett::web {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<Locale> from_language_tag(std::string_view tag) {
  std::string lower;
  for (char c : tag) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view primary = std::string_view(lower).substr(0, lower.find('-'));
  if (primary == "nb" || primary == "no") return Locale::kNb;
  if (primary == "nn") return Locale::kNn;
  if (primary == "en") return Locale::kEn;
  return std::nullopt;
}

// q-value in thousandths; malformed q counts as 0 (ignored).
int parse_q(std::string_view params) {
  const auto q = params.find("q=");
  if (q == std::string_view::npos) return 1000;
  std::string_view v = trim(params.substr(q + 2));
  if (v.empty() || v.size() > 5) return 0;
  if (v == "1" || v.starts_with("1.")) return 1000;
  if (!v.starts_with("0")) return 0;
  if (v.size() == 1) return 0;
  if (v[1] != '.') return 0;
  int thousandths = 0;
  int scale = 100;
  for (char c : v.substr(2)) {
    if (c < '0' || c > '9') return 0;
    thousandths += (c - '0') * scale;
    scale /= 10;
  }
  return thousandths;
}

}  // namespace

std::string_view locale_code(Locale locale) {
  switch (locale) {
    case Locale::kNb: return "nb";
    case Locale::kNn: return "nn";
    case Locale::kEn: return "en";
  }
  return "nb";
}

std::optional<Locale> locale_from_code(std::string_view code) {
  for (Locale l : kAllLocales) {
    if (locale_code(l) == code) return l;
  }
  return std::nullopt;
}

std::optional<Locale> locale_from_accept_language(std::string_view header) {
  std::optional<Locale> best;
  int best_q = 0;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const auto semi = item.find(';');
    const auto locale = from_language_tag(trim(item.substr(0, semi)));
    const int q = semi == std::string_view::npos ? 1000 : parse_q(item.substr(semi + 1));
    if (locale && q > best_q) {
      best = locale;
      best_q = q;
    }
  }
  return best;
}

Locale choose_locale(std::optional<std::string_view> cookie,
                     std::optional<std::string_view> accept_language) {
  if (cookie) {
    if (auto l = locale_from_code(*cookie)) return *l;
  }
  if (accept_language) {
    if (auto l = locale_from_accept_language(*accept_language)) return *l;
  }
  return Locale::kNb;
}

}  // namespace stafett::web
