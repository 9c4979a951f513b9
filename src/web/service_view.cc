#include "web/service_view.h"

#include <boost/json/array.hpp>

#include "core/join.h"
#include "domain/contact_details.h"
#include "web/markdown_view.h"
#include "web/page_data.h"

namespace stafett::web {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

// "08.30": built digit by digit (GCC 12's -Wrestrict misreads string sums here).
std::string clock_text(int minute) {
  const int h = minute / 60, m = minute % 60;
  return {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), '.', static_cast<char>('0' + m / 10),
          static_cast<char>('0' + m % 10)};
}

std::optional<int> small_int(std::string_view text) {
  if (text.empty() || text.size() > 2) return std::nullopt;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string ages_text(const RequestContext& ctx, const domain::ServiceProfile& p) {
  return std::to_string(p.age_from) + "–" + std::to_string(p.age_to) + " " + text(ctx, "model.years");
}

std::string levels_text(const RequestContext& ctx, const domain::LevelSet& levels) {
  std::string out;
  for (int l = 0; l <= 3; ++l) {
    if (levels.contains(l)) append_item(out, ", ", text(ctx, "model.level." + std::to_string(l)));
  }
  return out;
}

}  // namespace

std::string opening_hours_text(const RequestContext& ctx, const domain::OpeningHours& hours) {
  std::string out;
  for (const auto& p : hours.periods) {
    if (!out.empty()) out += ", ";
    out += text(ctx, "model.day." + std::to_string(p.first_day));
    // Appended piece by piece: GCC 12's -Wrestrict misreads `"–" + string` sums.
    if (p.last_day != p.first_day) {
      out += "–";
      out += text(ctx, "model.day." + std::to_string(p.last_day));
    }
    out += ' ';
    out += clock_text(p.opens_minute);
    out += "–";
    out += clock_text(p.closes_minute);
  }
  return out;
}

mustache::data service_data(const RequestContext& ctx, const app::ServiceEntry& entry,
                            const std::string& kommunenummer) {
  const auto& s = entry.service;
  mustache::data d(mustache::data::type::object);
  d.set("unit_id", std::to_string(s.unit.id.value));
  d.set("name", s.unit.name);
  d.set("href", "/kommune/" + kommunenummer + "/tjenester/" + std::to_string(s.unit.id.value));
  d.set("edit_href", "/kommune/" + kommunenummer + "/tjenester/" + std::to_string(s.unit.id.value) + "/rediger");
  d.set("editable", flag(entry.editable));
  d.set("type_name", text(ctx, "service_type." + std::string(domain::service_type_code(s.unit.service))));
  d.set("shared", flag(entry.shared));
  d.set("owner_name", s.owner_name);
  d.set("has_profile", flag(s.profile.has_value()));
  if (!s.profile) return d;
  const auto& p = *s.profile;
  d.set("is_public", flag(p.is_public));
  d.set("not_public", flag(!p.is_public));
  set_moved(d, "description", markdown_data(p.description));
  d.set("ages", ages_text(ctx, p));
  mustache::data needs(mustache::data::type::list);
  for (auto n : p.needs) {
    mustache::data item(mustache::data::type::object);
    item.set("need_name", text(ctx, "model.need." + std::string(domain::need_code(n))));
    push_moved(needs, std::move(item));
  }
  d.set("has_needs", flag(!p.needs.empty()));
  set_moved(d, "needs", std::move(needs));
  d.set("levels", levels_text(ctx, p.levels));
  d.set("phone", p.phone);
  if (!p.phone.empty()) d.set("tel", "tel:" + domain::phone_link(p.phone));
  d.set("address", p.address);
  d.set("opening_hours", opening_hours_text(ctx, p.opening_hours));
  d.set("contact_form_url", p.contact_form_url);
  // Empty strings are truthy to the template engine: one flag per optional fact.
  d.set("has_phone", flag(!p.phone.empty()));
  d.set("has_address", flag(!p.address.empty()));
  d.set("has_opening_hours", flag(!p.opening_hours.periods.empty()));
  d.set("has_contact_form", flag(!p.contact_form_url.empty()));
  d.set("referral_needed", flag(p.referral_needed));
  d.set("no_referral", flag(!p.referral_needed));
  return d;
}

json::object service_json(const app::ServiceEntry& entry) {
  const auto& s = entry.service;
  json::object o{{"unit_id", s.unit.id.value},
                 {"name", s.unit.name},
                 {"service_type", std::string(domain::service_type_code(s.unit.service))},
                 {"owner_municipality", s.owner_name},
                 {"shared", entry.shared}};
  if (!s.profile) {
    o["profile"] = nullptr;
    return o;
  }
  const auto& p = *s.profile;
  json::array needs, levels, hours;
  for (auto n : p.needs) needs.push_back(json::value(std::string(domain::need_code(n))));
  for (int l = 0; l <= 3; ++l) {
    if (p.levels.contains(l)) levels.push_back(l);
  }
  for (const auto& h : p.opening_hours.periods) {
    hours.push_back({{"first_day", h.first_day}, {"last_day", h.last_day}, {"opens", clock_text(h.opens_minute)},
                     {"closes", clock_text(h.closes_minute)}});
  }
  o["profile"] = json::object{{"description", p.description},
                              {"age_from", p.age_from},
                              {"age_to", p.age_to},
                              {"needs", needs},
                              {"levels", levels},
                              {"phone", p.phone},
                              {"address", p.address},
                              {"opening_hours", domain::format_opening_hours(p.opening_hours)},
                              {"opening_periods", hours},
                              {"contact_form_url", p.contact_form_url},
                              {"referral_needed", p.referral_needed},
                              {"public", p.is_public}};
  return o;
}

domain::ServiceFilter service_filter(const RequestContext& ctx) {
  domain::ServiceFilter f;
  auto fields = http::parse_query(ctx.request.query);
  if (!fields) return f;
  const auto age = small_int(http::find_field(*fields, "alder").value_or(""));
  if (age && *age <= domain::kMaxCatalogueAge) f.age = age;
  f.need = domain::need_from_code(http::find_field(*fields, "behov").value_or(""));
  const auto level = small_int(http::find_field(*fields, "niva").value_or(""));
  if (level && *level <= 3) f.level = level;
  f.words = domain::fold_case(std::string(http::find_field(*fields, "sok").value_or("")).substr(0, 200));
  return f;
}

app::ServiceForm service_form_from(const http::FormFields& form) {
  app::ServiceForm f;
  const auto field = [&](std::string_view key) { return std::string(http::find_field(form, key).value_or("")); };
  f.name = field("name");
  f.service_type = field("service_type");
  f.profile.description = field("description");
  f.profile.age_from = field("age_from");
  f.profile.age_to = field("age_to");
  for (const auto& [k, v] : form) {
    if (k == "needs") f.profile.needs.push_back(v);
    if (k == "levels") f.profile.levels.push_back(v);
  }
  f.profile.phone = field("phone");
  f.profile.address = field("address");
  f.profile.opening_hours = field("opening_hours");
  f.profile.contact_form_url = field("contact_form_url");
  f.profile.referral_needed = field("referral_needed") == "ja";
  f.profile.is_public = field("is_public") == "ja";
  f.summary = field("summary");
  return f;
}

app::ServiceForm service_form_of(const app::ServiceEntry& entry) {
  app::ServiceForm f;
  const auto& s = entry.service;
  f.name = s.unit.name;
  f.service_type = std::string(domain::service_type_code(s.unit.service));
  f.profile.age_from = "0";
  f.profile.age_to = "18";
  if (!s.profile) return f;
  const auto& p = *s.profile;
  f.profile.description = p.description;
  f.profile.age_from = std::to_string(p.age_from);
  f.profile.age_to = std::to_string(p.age_to);
  for (auto n : p.needs) f.profile.needs.emplace_back(domain::need_code(n));
  for (int l = 0; l <= 3; ++l) {
    if (p.levels.contains(l)) f.profile.levels.push_back(std::to_string(l));
  }
  f.profile.phone = p.phone;
  f.profile.address = p.address;
  f.profile.opening_hours = domain::format_opening_hours(p.opening_hours);
  f.profile.contact_form_url = p.contact_form_url;
  f.profile.referral_needed = p.referral_needed;
  f.profile.is_public = p.is_public;
  return f;
}

mustache::data service_form_data(const RequestContext& ctx, const app::ServiceForm& form) {
  mustache::data d(mustache::data::type::object);
  d.set("f_name", form.name);
  d.set("f_description", form.profile.description);
  d.set("f_age_from", form.profile.age_from);
  d.set("f_age_to", form.profile.age_to);
  d.set("f_phone", form.profile.phone);
  d.set("f_address", form.profile.address);
  d.set("f_opening_hours", form.profile.opening_hours);
  d.set("f_contact_form_url", form.profile.contact_form_url);
  d.set("f_referral_needed", flag(form.profile.referral_needed));
  d.set("f_is_public", flag(form.profile.is_public));
  d.set("f_summary", form.summary);
  mustache::data types(mustache::data::type::list);
  for (auto t : domain::kAllServiceTypes) {
    const std::string code(domain::service_type_code(t));
    mustache::data item(mustache::data::type::object);
    item.set("code", code);
    item.set("label", text(ctx, "service_type." + code));
    item.set("selected", flag(code == form.service_type));
    push_moved(types, std::move(item));
  }
  set_moved(d, "type_options", std::move(types));
  mustache::data needs(mustache::data::type::list);
  for (auto n : domain::kAllNeeds) {
    const std::string code(domain::need_code(n));
    mustache::data item(mustache::data::type::object);
    item.set("code", code);
    item.set("label", text(ctx, "model.need." + code));
    bool checked = false;
    for (const auto& c : form.profile.needs) checked = checked || c == code;
    item.set("checked", flag(checked));
    push_moved(needs, std::move(item));
  }
  set_moved(d, "need_options", std::move(needs));
  mustache::data levels(mustache::data::type::list);
  for (int l = 0; l <= 3; ++l) {
    const std::string code = std::to_string(l);
    mustache::data item(mustache::data::type::object);
    item.set("code", code);
    item.set("label", text(ctx, "model.level." + code));
    bool checked = false;
    for (const auto& c : form.profile.levels) checked = checked || c == code;
    item.set("checked", flag(checked));
    push_moved(levels, std::move(item));
  }
  set_moved(d, "level_options", std::move(levels));
  return d;
}

}  // namespace stafett::web
