// GET /kommune/{kommune}/samhandling: the municipality's samhandlingsmodell on
// its three levels, linking its plans, arenas, catalogues and guide; and the
// same as JSON for municipal web sites.
#include <boost/json/array.hpp>

#include "app/model_overview.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

mustache::data plan_links(const std::vector<app::PlanEntry>& plans, const std::string& kommune) {
  mustache::data list(mustache::data::type::list);
  for (const auto& p : plans) {
    mustache::data item(mustache::data::type::object);
    item.set("link_text", p.plan.title);
    item.set("link_href", "/kommune/" + kommune + "/planer/" + std::to_string(p.plan.id));
    push_moved(list, std::move(item));
  }
  return list;
}

}  // namespace

http::Response model_overview_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto o = app::model_overview(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!o) return failure_response(ctx, o.error());
  mustache::data page(mustache::data::type::object);
  const std::string base = "/kommune/" + kommune;
  page.set("title", text(ctx, "overview.title") + " – " + o->rights.municipality.name);
  page.set("municipality_name", o->rights.municipality.name);
  page.set("internal", flag(o->rights.read_internal));
  page.set("can_edit", flag(o->rights.edit));
  page.set("history_href", base + "/samhandling/historikk");
  page.set("plans_href", base + "/planer");
  page.set("arenas_href", base + "/arenaer");
  page.set("services_href", base + "/tjenester");
  page.set("measures_href", base + "/tiltak");
  page.set("guide_href", base + "/veileder");
  page.set("citizen_href", base + "/bekymret");
  page.set("service_count", std::to_string(o->services));
  page.set("measure_count", std::to_string(o->measures));
  page.set("has_municipal_plans", flag(!o->municipal_plans.empty()));
  page.set("municipal_plans", plan_links(o->municipal_plans, kommune));
  page.set("has_service_plans", flag(!o->service_plans.empty()));
  page.set("service_plans", plan_links(o->service_plans, kommune));
  mustache::data arenas(mustache::data::type::list);
  for (const auto& a : o->arenas) {
    mustache::data item(mustache::data::type::object);
    item.set("link_text", a.arena.name);
    item.set("link_href", base + "/arenaer/" + std::to_string(a.arena.id));
    push_moved(arenas, std::move(item));
  }
  page.set("has_arenas", flag(!o->arenas.empty()));
  set_moved(page, "arenas", std::move(arenas));
  return page_response(ctx, 200, "model_overview", page);
}

// GET /api/v1/municipalities/{kommune}/model
http::Response api_model_overview(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto o = app::model_overview(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!o) return failure_response(ctx, o.error());
  const auto titles = [](const std::vector<app::PlanEntry>& plans) {
    json::array out;
    for (const auto& p : plans) out.push_back({{"id", p.plan.id}, {"title", p.plan.title}});
    return out;
  };
  json::array arenas;
  for (const auto& a : o->arenas) arenas.push_back({{"id", a.arena.id}, {"name", a.arena.name}});
  return json_response(200, {{"municipality", {{"name", o->rights.municipality.name}, {"kommunenummer", kommune}}},
                             {"internal", o->rights.read_internal},
                             {"municipality_level", {{"plans", titles(o->municipal_plans)}}},
                             {"service_level", {{"plans", titles(o->service_plans)}, {"arenas", arenas},
                                                {"services", o->services}}},
                             {"individual_level", {{"measures", o->measures}}}});
}

}  // namespace stafett::web::pages
