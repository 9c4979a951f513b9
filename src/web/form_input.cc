#include "web/form_input.h"

#include <charconv>

#include "crypto/data_keys.h"
#include "core/oslo_time.h"

namespace stafett::web {

namespace {
constexpr const char* kConsentTextVersion = "2026-11-v1";
}

std::vector<std::string_view> all_fields(const http::FormFields& form, std::string_view key) {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : form) {
    if (k == key) out.push_back(v);
  }
  return out;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

std::optional<TimePoint> parse_end_of_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (std::from_chars(text.data(), text.data() + 4, y).ec != std::errc() ||
      std::from_chars(text.data() + 5, text.data() + 7, m).ec != std::errc() ||
      std::from_chars(text.data() + 8, text.data() + 10, d).ec != std::errc()) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                         std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok() || y < 2000 || y > 2200) return std::nullopt;
  return oslo_end_of_day(date);
}

ConsentText consent_text(const AppContext& app, Locale locale) {
  ConsentText t;
  t.text = app.catalogs.text(locale, "consent.info_text");
  t.version = kConsentTextVersion;
  t.hash = crypto::content_hash(t.version + "\n" + t.text);
  return t;
}

app::ConsentInput read_consent_input(const AppContext& app, const http::FormFields& form, app::FieldErrors& errors) {
  app::ConsentInput in;
  bool bad_scope = false;
  for (auto v : all_fields(form, "scope_unit")) {
    if (auto id = parse_id(v)) {
      in.units.insert(domain::UnitId{*id});
    } else {
      bad_scope = true;
    }
  }
  for (auto v : all_fields(form, "scope_service")) {
    if (auto s = domain::service_type_from_code(v)) {
      in.services.insert(*s);
    } else {
      bad_scope = true;
    }
  }
  if (bad_scope) errors.push_back({"scope", "consent.error.scope_invalid"});
  bool bad_category = false;
  for (auto v : all_fields(form, "category")) {
    if (auto c = domain::info_category_from_code(v)) {
      in.categories.add(*c);
    } else {
      bad_category = true;
    }
  }
  if (bad_category) errors.push_back({"categories", "consent.error.categories_invalid"});
  if (auto v = http::find_field(form, "valid_until"); v && !v->empty()) {
    in.valid_until = parse_end_of_day(*v);
    if (!in.valid_until) errors.push_back({"valid_until", "consent.error.date_invalid"});
  }
  if (auto v = http::find_field(form, "review_at"); v && !v->empty()) {
    in.review_at = parse_end_of_day(*v);
    if (!in.review_at) errors.push_back({"review_at", "consent.error.date_invalid"});
  }
  const auto version = http::find_field(form, "info_text_version");
  const auto hash = http::find_field(form, "info_text_hash");
  bool known = false;
  for (Locale l : kAllLocales) {
    const auto t = consent_text(app, l);
    known |= version && hash && *version == t.version && *hash == t.hash;
  }
  if (known) {
    in.info_text_version = std::string(*version);
    in.info_text_hash = std::string(*hash);
  }
  // An unknown text leaves version/hash empty; validation then names info_text.
  return in;
}

}  // namespace stafett::web
