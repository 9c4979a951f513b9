// /admin/innstillinger: a municipal administrator's settings for consent.
// No log content is reachable from here.
#include <boost/json/array.hpp>

#include "app/admin_use_cases.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;

std::optional<int> small_int(std::string_view text) {
  if (text.empty() || text.size() > 2) return std::nullopt;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

http::Response settings_page(const RequestContext& ctx, std::optional<std::int64_t> failed_for,
                             const app::FieldErrors& errors, int status, bool saved) {
  auto list = app::administered_municipalities(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", ctx.app.catalogs.text(ctx.locale, "settings.title"));
  page.set("saved", flag(saved));
  mustache::data items(mustache::data::type::list);
  for (const auto& m : *list) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(m.municipality.id.value));
    item.set("name", m.municipality.name);
    item.set("action", "/admin/kommuner/" + std::to_string(m.municipality.id.value) + "/innstillinger");
    item.set("all_guardians", flag(m.settings.rule == domain::ConsentRule::kAllGuardians));
    item.set("one_guardian", flag(m.settings.rule == domain::ConsentRule::kOneGuardian));
    item.set("child_consent_age", std::to_string(m.settings.child_consent_age));
    item.set("child_view_age", std::to_string(m.settings.child_view_age));
    item.set("retention_action", "/admin/kommuner/" + std::to_string(m.municipality.id.value) + "/oppbevaring");
    const auto days = [](const std::optional<int>& d) { return d ? std::to_string(*d) : std::string(); };
    item.set("closed_log_days", days(m.retention.closed_log_days));
    item.set("access_record_days", days(m.retention.access_record_days));
    if (failed_for && *failed_for == m.municipality.id.value) {
      // What was typed, shown again beside its errors.
      if (auto typed = http::find_field(ctx.form, "closed_log_days")) item.set("closed_log_days", std::string(*typed));
      if (auto typed = http::find_field(ctx.form, "access_record_days")) {
        item.set("access_record_days", std::string(*typed));
      }
      mustache::data e(mustache::data::type::object);
      for (const auto& fe : errors) e.set(fe.field, ctx.app.catalogs.text(ctx.locale, fe.message));
      item.set("errors", e);
    }
    item.set("origins_action", "/admin/kommuner/" + std::to_string(m.municipality.id.value) + "/nettsteder");
    std::string origins;
    for (const auto& o : m.embedding_origins) origins += o + "\n";
    item.set("origins", origins);
    if (failed_for && *failed_for == m.municipality.id.value) {
      if (auto typed = http::find_field(ctx.form, "origins")) item.set("origins", std::string(*typed));
    }
    items.push_back(item);
  }
  page.set("municipalities", items);
  return page_response(ctx, status, "admin_settings", page);
}

}  // namespace

http::Response admin_settings(const RequestContext& ctx) { return settings_page(ctx, std::nullopt, {}, 200, false); }

http::Response admin_save_settings(const RequestContext& ctx) {
  const auto id = id_param(ctx, "municipality");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  app::FieldErrors errors;
  domain::ConsentSettings s;
  const auto rule = http::find_field(ctx.form, "consent_rule").value_or("");
  if (rule != "all_guardians" && rule != "one_guardian") errors.push_back({"consent_rule", "settings.error.rule"});
  s.rule = rule == "one_guardian" ? domain::ConsentRule::kOneGuardian : domain::ConsentRule::kAllGuardians;
  const auto consent_age = small_int(http::find_field(ctx.form, "child_consent_age").value_or(""));
  const auto view_age = small_int(http::find_field(ctx.form, "child_view_age").value_or(""));
  if (!consent_age) errors.push_back({"child_consent_age", "settings.error.age"});
  if (!view_age) errors.push_back({"child_view_age", "settings.error.age"});
  s.child_consent_age = consent_age.value_or(0);
  s.child_view_age = view_age.value_or(0);
  if (errors.empty()) {
    auto r = app::save_settings(ctx.app.db, ctx.actor, domain::MunicipalityId{*id}, s, ctx.app.clock);
    if (!r) return failure_response(ctx, r.error());
    if (r->empty()) return settings_page(ctx, std::nullopt, {}, 200, true);
    errors = *r;
  }
  return settings_page(ctx, *id, errors, 422, false);
}

// POST /admin/kommuner/{municipality}/oppbevaring
http::Response admin_save_retention(const RequestContext& ctx) {
  const auto id = id_param(ctx, "municipality");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::save_retention(ctx.app.db, ctx.actor, domain::MunicipalityId{*id},
                               http::find_field(ctx.form, "closed_log_days").value_or(""),
                               http::find_field(ctx.form, "access_record_days").value_or(""), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (r->empty()) return settings_page(ctx, std::nullopt, {}, 200, true);
  return settings_page(ctx, *id, *r, 422, false);
}

// POST /api/v1/admin/municipalities/{municipality}/retention
// {"closed_log_days": 3650 | null, "access_record_days": 1825 | null}
http::Response api_save_retention(const RequestContext& ctx) {
  const auto id = id_param(ctx, "municipality");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  // A number of days, or null (or absent) for "kept until decided"; anything
  // else is passed on as text the validation refuses.
  const auto days = [&](std::string_view key) -> std::string {
    const auto* v = body->if_contains(key);
    if (v == nullptr || v->is_null()) return "";
    if (v->is_int64()) return std::to_string(v->get_int64());
    return "x";
  };
  auto r = app::save_retention(ctx.app.db, ctx.actor, domain::MunicipalityId{*id}, days("closed_log_days"),
                               days("access_record_days"), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  return json_response(200, {{"saved", *id}});
}

// POST /admin/kommuner/{municipality}/nettsteder
http::Response admin_save_origins(const RequestContext& ctx) {
  const auto id = id_param(ctx, "municipality");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::save_embedding_origins(ctx.app.db, ctx.actor, domain::MunicipalityId{*id},
                                       http::find_field(ctx.form, "origins").value_or(""), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (r->empty()) return settings_page(ctx, std::nullopt, {}, 200, true);
  return settings_page(ctx, *id, *r, 422, false);
}

// POST /api/v1/admin/municipalities/{municipality}/origins {"origins": ["https://www.fjordvik.no"]}
http::Response api_save_origins(const RequestContext& ctx) {
  const auto id = id_param(ctx, "municipality");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto* list = body->if_contains("origins");
  if (list == nullptr || !list->is_array()) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  std::string lines;
  for (const auto& o : list->as_array()) {
    if (!o.is_string()) return error_response(ctx.app, ctx.request, ctx.locale, 400);
    if (o.as_string().find('\n') != boost::json::string::npos) return error_response(ctx.app, ctx.request, ctx.locale, 400);
    lines += std::string(o.as_string()) + "\n";
  }
  auto r = app::save_embedding_origins(ctx.app.db, ctx.actor, domain::MunicipalityId{*id}, lines, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  return json_response(200, {{"saved", *id}});
}

http::Response api_admin_settings(const RequestContext& ctx) {
  auto list = app::administered_municipalities(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  boost::json::array items;
  for (const auto& m : *list) {
    const auto days = [](const std::optional<int>& d) { return d ? boost::json::value(*d) : boost::json::value(nullptr); };
    items.push_back({{"municipality_id", m.municipality.id.value},
                     {"name", m.municipality.name},
                     {"consent_rule", m.settings.rule == domain::ConsentRule::kOneGuardian ? "one_guardian" : "all_guardians"},
                     {"child_consent_age", m.settings.child_consent_age},
                     {"child_view_age", m.settings.child_view_age},
                     {"retention", {{"closed_log_days", days(m.retention.closed_log_days)},
                                    {"access_record_days", days(m.retention.access_record_days)}}}});
  }
  return json_response(200, {{"municipalities", items}});
}

}  // namespace stafett::web::pages
