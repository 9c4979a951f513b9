// /drift/kommuner: an operator's list of the deployment's municipalities and
// the form that creates one with its first administrator (app/municipality_setup.h).
#include <boost/json/array.hpp>

#include "app/municipality_setup.h"
#include "core/join.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;

constexpr const char* kFields[] = {"name", "kommunenummer", "admin_unit", "admin_given_name", "admin_family_name",
                                   "admin_title"};

app::NewMunicipality from_form(const RequestContext& ctx) {
  const auto field = [&](std::string_view key) { return std::string(http::find_field(ctx.form, key).value_or("")); };
  return {field("name"), field("kommunenummer"), field("admin_unit"), field("admin_given_name"),
          field("admin_family_name"), field("admin_title")};
}

http::Response deployment_page(const RequestContext& ctx, const app::FieldErrors& errors, int status,
                               const std::string& created) {
  auto list = app::deployment_overview(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "deployment.title"));
  page.set("created", created);
  page.set("has_created", flag(!created.empty()));
  mustache::data items(mustache::data::type::list);
  for (const auto& m : *list) {
    mustache::data item(mustache::data::type::object);
    item.set("name", m.municipality.name);
    item.set("number", m.municipality.kommunenummer);
    std::string admins;
    for (const auto& a : m.administrators) append_item(admins, ", ", a);
    item.set("administrators", admins);
    item.set("unit_count", std::to_string(m.units.size()));
    push_moved(items, std::move(item));
  }
  set_moved(page, "municipalities", std::move(items));
  // What was typed comes back beside its errors; after a success the form is empty.
  mustache::data typed(mustache::data::type::object);
  if (!errors.empty()) {
    for (const char* f : kFields) typed.set(f, std::string(http::find_field(ctx.form, f).value_or("")));
  }
  set_moved(page, "typed", std::move(typed));
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "deployment", page);
}

boost::json::object municipality_json(const app::DeploymentMunicipality& m) {
  boost::json::array admins, units;
  for (const auto& a : m.administrators) admins.push_back(boost::json::value(a));
  for (const auto& u : m.units) units.push_back(boost::json::value(u));
  return {{"id", m.municipality.id.value},
          {"name", m.municipality.name},
          {"kommunenummer", m.municipality.kommunenummer},
          {"administrators", admins},
          {"units", units}};
}

}  // namespace

http::Response deployment_municipalities(const RequestContext& ctx) { return deployment_page(ctx, {}, 200, ""); }

// POST /drift/kommuner
http::Response deployment_add_municipality(const RequestContext& ctx) {
  const auto in = from_form(ctx);
  auto outcome = app::add_municipality_as(ctx.app.db, ctx.actor, in, ctx.app.clock);
  if (!outcome) return failure_response(ctx, outcome.error());
  if (!outcome->errors.empty()) return deployment_page(ctx, outcome->errors, 422, "");
  return deployment_page(ctx, {}, 201, in.name);
}

// GET /api/v1/deployment/municipalities
http::Response api_deployment_municipalities(const RequestContext& ctx) {
  auto list = app::deployment_overview(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  boost::json::array items;
  for (const auto& m : *list) items.push_back(municipality_json(m));
  return json_response(200, {{"municipalities", items}});
}

// POST /api/v1/deployment/municipalities {"name", "kommunenummer", "admin_unit",
// "admin_given_name", "admin_family_name", "admin_title"}
http::Response api_add_municipality(const RequestContext& ctx) {
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto field = [&](std::string_view key) -> std::string {
    const auto* v = body->if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  const app::NewMunicipality in{field("name"), field("kommunenummer"), field("admin_unit"), field("admin_given_name"),
                                field("admin_family_name"), field("admin_title")};
  auto outcome = app::add_municipality_as(ctx.app.db, ctx.actor, in, ctx.app.clock);
  if (!outcome) return failure_response(ctx, outcome.error());
  if (!outcome->errors.empty()) return field_errors_response(ctx, outcome->errors);
  const auto& c = *outcome->created;
  return json_response(201, {{"municipality_id", c.municipality.value},
                             {"administrator_person_id", c.administrator.value},
                             {"admin_unit_id", c.admin_unit.value}});
}

}  // namespace stafett::web::pages
