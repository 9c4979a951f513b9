// The service catalogue (tjenesteoversikt) of a municipality: the public list
// with its filter, one entry, the editor's forms for a new unit and for an
// entry, and their JSON twins. Who sees and edits what: app/service_catalogue.h.
#include <boost/json/array.hpp>

#include "app/service_catalogue.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"
#include "web/service_view.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

std::string catalogue_url(const std::string& kommune) { return "/kommune/" + kommune + "/tjenester"; }

void set_filter(const RequestContext& ctx, mustache::data& page, const domain::ServiceFilter& f) {
  auto fields = http::parse_query(ctx.request.query);
  const auto typed = [&](std::string_view key) {
    return fields ? std::string(http::find_field(*fields, key).value_or("")).substr(0, 200) : std::string();
  };
  // What was typed comes back; an age the filter could not use is said so beside the field.
  const auto typed_age = typed("alder");
  page.set("q_age", typed_age);
  const bool bad_age = !typed_age.empty() && !f.age;
  page.set("age_error", flag(bad_age));
  page.set("age_error_text", text(ctx, "model.error.age"));
  page.set("q_words", typed("sok"));
  mustache::data needs(mustache::data::type::list);
  for (auto n : domain::kAllNeeds) {
    mustache::data item(mustache::data::type::object);
    item.set("code", std::string(domain::need_code(n)));
    item.set("label", text(ctx, "model.need." + std::string(domain::need_code(n))));
    item.set("selected", flag(f.need == n));
    push_moved(needs, std::move(item));
  }
  set_moved(page, "need_filter", std::move(needs));
  mustache::data levels(mustache::data::type::list);
  for (int l = 0; l <= 3; ++l) {
    mustache::data item(mustache::data::type::object);
    item.set("code", std::to_string(l));
    item.set("label", text(ctx, "model.level." + std::to_string(l)));
    item.set("selected", flag(f.level == l));
    push_moved(levels, std::move(item));
  }
  set_moved(page, "level_filter", std::move(levels));
  page.set("filtered", flag(f.age || f.need || f.level || !f.words.empty()));
}

http::Response form_page(const RequestContext& ctx, const std::string& kommune, const std::string& municipality_name,
                         const app::ServiceForm& form, const app::FieldErrors& errors, int status,
                         const std::string& action, bool is_new) {
  auto page = service_form_data(ctx, form);
  page.set("title", text(ctx, is_new ? "model.service.new_title" : "model.service.edit_title"));
  page.set("is_new", flag(is_new));
  page.set("action", action);
  page.set("municipality_name", municipality_name);
  page.set("catalogue_href", catalogue_url(kommune));
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "service_form", page);
}

std::optional<domain::UnitId> unit_param(const RequestContext& ctx) {
  const auto id = id_param(ctx, "unit");
  if (!id) return std::nullopt;
  return domain::UnitId{*id};
}

// A JSON body as the editor's form: {"name", "service_type", "description",
// "age_from", "age_to", "needs": [], "levels": [], "phone", "address",
// "opening_hours", "contact_form_url", "referral_needed", "public", "summary"}.
std::optional<app::ServiceForm> service_form_of_json(const json::object& o) {
  app::ServiceForm f;
  const auto str = [&](std::string_view key) -> std::string {
    const auto* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) return "";
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_int64()) return std::to_string(v->as_int64());
    return "\x01";  // wrong type: refused by the field's check
  };
  const auto list = [&](std::string_view key, std::vector<std::string>& out) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) return true;
    if (!v->is_array()) return false;
    for (const auto& e : v->as_array()) {
      if (e.is_string()) out.emplace_back(e.as_string());
      else if (e.is_int64()) out.push_back(std::to_string(e.as_int64()));
      else return false;
    }
    return true;
  };
  const auto boolean = [&](std::string_view key) {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_bool() && v->as_bool();
  };
  f.name = str("name");
  f.service_type = str("service_type");
  f.profile.description = str("description");
  f.profile.age_from = str("age_from");
  f.profile.age_to = str("age_to");
  if (!list("needs", f.profile.needs) || !list("levels", f.profile.levels)) return std::nullopt;
  f.profile.phone = str("phone");
  f.profile.address = str("address");
  f.profile.opening_hours = str("opening_hours");
  f.profile.contact_form_url = str("contact_form_url");
  f.profile.referral_needed = boolean("referral_needed");
  f.profile.is_public = boolean("public");
  f.summary = str("summary");
  return f;
}

}  // namespace

// GET /kommune/{kommune}/tjenester
http::Response services_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto filter = service_filter(ctx);
  auto catalogue = app::service_catalogue(ctx.app.db, ctx.actor, kommune, filter, ctx.app.clock);
  if (!catalogue) return failure_response(ctx, catalogue.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "model.service.title") + " – " + catalogue->rights.municipality.name);
  page.set("municipality_name", catalogue->rights.municipality.name);
  page.set("action", catalogue_url(kommune));
  page.set("new_href", catalogue_url(kommune) + "/ny");
  page.set("history_href", "/kommune/" + kommune + "/samhandling/historikk");
  page.set("can_edit", flag(catalogue->rights.edit));
  page.set("internal", flag(catalogue->rights.read_internal));
  page.set("citizen_href", "/kommune/" + kommune + "/bekymret");
  set_filter(ctx, page, filter);
  mustache::data items(mustache::data::type::list);
  for (const auto& e : catalogue->services) push_moved(items, service_data(ctx, e, kommune));
  page.set("count", std::to_string(catalogue->services.size()));
  page.set("has_services", flag(!catalogue->services.empty()));
  set_moved(page, "services", std::move(items));
  return page_response(ctx, 200, "services", page);
}

// GET /kommune/{kommune}/tjenester/{unit}
http::Response service_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto unit = unit_param(ctx);
  if (!unit) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto entry = app::service_entry(ctx.app.db, ctx.actor, kommune, *unit, ctx.app.clock);
  if (!entry) return failure_response(ctx, entry.error());
  auto page = service_data(ctx, *entry, kommune);
  page.set("title", entry->service.unit.name);
  page.set("catalogue_href", catalogue_url(kommune));
  auto fields = http::parse_query(ctx.request.query);
  page.set("saved", flag(fields && http::find_field(*fields, "lagret").has_value()));
  return page_response(ctx, 200, "service", page);
}

// GET /kommune/{kommune}/tjenester/ny
http::Response new_service_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto catalogue = app::service_catalogue(ctx.app.db, ctx.actor, kommune, {}, ctx.app.clock);
  if (!catalogue) return failure_response(ctx, catalogue.error());
  if (!catalogue->rights.edit) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  app::ServiceForm form;
  form.service_type = "other";
  form.profile.age_from = "0";
  form.profile.age_to = "18";
  return form_page(ctx, kommune, catalogue->rights.municipality.name, form, {}, 200, catalogue_url(kommune) + "/ny",
                   true);
}

// POST /kommune/{kommune}/tjenester/ny
http::Response add_service(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto form = service_form_from(ctx.form);
  auto saved = app::add_service(ctx.app.db, ctx.actor, kommune, form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) {
    return form_page(ctx, kommune, "", form, saved->errors, 422, catalogue_url(kommune) + "/ny", true);
  }
  return http::Response::redirect(catalogue_url(kommune) + "/" + std::to_string(saved->unit.value) + "?lagret=1");
}

// GET /kommune/{kommune}/tjenester/{unit}/rediger
http::Response edit_service_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto unit = unit_param(ctx);
  if (!unit) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto entry = app::service_entry(ctx.app.db, ctx.actor, kommune, *unit, ctx.app.clock);
  if (!entry) return failure_response(ctx, entry.error());
  if (!entry->editable) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  return form_page(ctx, kommune, entry->service.owner_name, service_form_of(*entry), {}, 200,
                   catalogue_url(kommune) + "/" + std::to_string(unit->value) + "/rediger", false);
}

// POST /kommune/{kommune}/tjenester/{unit}/rediger
http::Response save_service(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto unit = unit_param(ctx);
  if (!unit) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto form = service_form_from(ctx.form);
  auto saved = app::save_service(ctx.app.db, ctx.actor, kommune, *unit, form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  const auto here = catalogue_url(kommune) + "/" + std::to_string(unit->value);
  if (!saved->errors.empty()) return form_page(ctx, kommune, "", form, saved->errors, 422, here + "/rediger", false);
  return http::Response::redirect(here + "?lagret=1");
}

// GET /api/v1/municipalities/{kommune}/services?age=&need=&level=&q=
http::Response api_services(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  // The API names its filter in English; the page's names work too.
  domain::ServiceFilter filter;
  if (auto fields = http::parse_query(ctx.request.query)) {
    const auto get = [&](std::string_view en, std::string_view nb) {
      auto v = http::find_field(*fields, en);
      return std::string(v ? *v : http::find_field(*fields, nb).value_or(""));
    };
    const auto age = get("age", "alder");
    if (!age.empty() && age.size() <= 2 && age.find_first_not_of("0123456789") == std::string::npos) {
      filter.age = std::stoi(age);
    }
    filter.need = domain::need_from_code(get("need", "behov"));
    const auto level = get("level", "niva");
    if (level.size() == 1 && level[0] >= '0' && level[0] <= '3') filter.level = level[0] - '0';
    filter.words = domain::fold_case(get("q", "sok").substr(0, 200));
  }
  auto catalogue = app::service_catalogue(ctx.app.db, ctx.actor, kommune, filter, ctx.app.clock);
  if (!catalogue) return failure_response(ctx, catalogue.error());
  json::array items;
  for (const auto& e : catalogue->services) items.push_back(service_json(e));
  return json_response(200, {{"municipality", {{"name", catalogue->rights.municipality.name},
                                               {"kommunenummer", catalogue->rights.municipality.kommunenummer}}},
                             {"internal", catalogue->rights.read_internal},
                             {"services", items}});
}

// GET /api/v1/municipalities/{kommune}/services/{unit}
http::Response api_service(const RequestContext& ctx) {
  const auto unit = unit_param(ctx);
  if (!unit) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto entry = app::service_entry(ctx.app.db, ctx.actor, kommune_param(ctx), *unit, ctx.app.clock);
  if (!entry) return failure_response(ctx, entry.error());
  return json_response(200, service_json(*entry));
}

// POST /api/v1/municipalities/{kommune}/services: a new unit with its entry.
http::Response api_add_service(const RequestContext& ctx) {
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto form = service_form_of_json(*body);
  if (!form) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto saved = app::add_service(ctx.app.db, ctx.actor, kommune_param(ctx), *form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return field_errors_response(ctx, saved->errors);
  return json_response(201, {{"unit_id", saved->unit.value}});
}

// POST /api/v1/municipalities/{kommune}/services/{unit}: a new version of the entry.
http::Response api_save_service(const RequestContext& ctx) {
  const auto unit = unit_param(ctx);
  if (!unit) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto form = service_form_of_json(*body);
  if (!form) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto saved = app::save_service(ctx.app.db, ctx.actor, kommune_param(ctx), *unit, *form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return field_errors_response(ctx, saved->errors);
  return json_response(200, {{"unit_id", unit->value}});
}

}  // namespace stafett::web::pages
