// The municipality's plans and routines: the list (municipality level and
// service level, and for editors those not reviewed for 12 months), one plan,
// the editor's forms, and their JSON twins. Rights: app/plans.h.
#include <boost/json/array.hpp>

#include "app/plans.h"
#include "core/oslo_time.h"
#include "web/json_input.h"
#include "web/markdown_view.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

std::string plans_url(const std::string& kommune) { return "/kommune/" + kommune + "/planer"; }

std::string field(const http::FormFields& form, std::string_view key) {
  return std::string(http::find_field(form, key).value_or(""));
}

mustache::data plan_data(const RequestContext& ctx, const app::PlanEntry& e, const std::string& kommune) {
  const auto& p = e.plan;
  mustache::data d(mustache::data::type::object);
  d.set("plan_title", p.title);
  d.set("href", plans_url(kommune) + "/" + std::to_string(p.id));
  d.set("edit_href", plans_url(kommune) + "/" + std::to_string(p.id) + "/rediger");
  d.set("editable", flag(e.editable));
  d.set("kind_name", text(ctx, "plan.kind." + std::string(domain::plan_kind_code(p.kind))));
  d.set("level_name", text(ctx, "plan.level." + std::string(domain::plan_level_code(p.level))));
  d.set("owner", p.owner);
  d.set("reviewed_on", format_date(p.reviewed_on));
  d.set("due", flag(e.due_for_review));
  d.set("not_public", flag(!p.is_public));
  set_moved(d, "body", markdown_data(p.body));
  return d;
}

json::object plan_json(const app::PlanEntry& e) {
  const auto& p = e.plan;
  return {{"id", p.id},
          {"level", std::string(domain::plan_level_code(p.level))},
          {"kind", std::string(domain::plan_kind_code(p.kind))},
          {"title", p.title},
          {"body", p.body},
          {"owner", p.owner},
          {"reviewed_on", iso_date(p.reviewed_on)},
          {"due_for_review", e.due_for_review},
          {"public", p.is_public}};
}

app::PlanForm form_from(const http::FormFields& form) {
  app::PlanForm f;
  f.input = {field(form, "level"), field(form, "kind"), field(form, "title"), field(form, "body"),
             field(form, "owner"), field(form, "reviewed_on"), field(form, "is_public") == "ja"};
  f.summary = field(form, "summary");
  return f;
}

app::PlanForm form_of(const domain::Plan& p) {
  app::PlanForm f;
  f.input = {std::string(domain::plan_level_code(p.level)), std::string(domain::plan_kind_code(p.kind)), p.title,
             p.body, p.owner, iso_date(p.reviewed_on), p.is_public};
  return f;
}

std::optional<app::PlanForm> form_of_json(const json::object& o) {
  bool ok = true;
  const auto str = [&](std::string_view key) -> std::string {
    const auto* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) return "";
    if (v->is_string()) return std::string(v->as_string());
    ok = false;
    return "";
  };
  const auto* pub = o.if_contains("public");
  app::PlanForm f;
  f.input = {str("level"), str("kind"), str("title"), str("body"), str("owner"), str("reviewed_on"),
             pub != nullptr && pub->is_bool() && pub->as_bool()};
  f.summary = str("summary");
  if (!ok) return std::nullopt;
  return f;
}

http::Response form_page(const RequestContext& ctx, const std::string& kommune, const app::PlanForm& form,
                         const app::FieldErrors& errors, int status, const std::string& action, bool is_new) {
  const auto& in = form.input;
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, is_new ? "plan.new_title" : "plan.edit_title"));
  page.set("action", action);
  page.set("list_href", plans_url(kommune));
  page.set("f_title", in.title);
  page.set("f_body", in.body);
  page.set("f_owner", in.owner);
  page.set("f_reviewed_on", in.reviewed_on);
  page.set("f_is_public", flag(in.is_public));
  page.set("f_summary", form.summary);
  page.set("level_options", select_options(ctx, {"municipality", "service"}, "plan.level.", in.level));
  page.set("kind_options", select_options(ctx, {"plan", "agreement", "routine"}, "plan.kind.", in.kind));
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "plan_form", page);
}

}  // namespace

// GET /kommune/{kommune}/planer
http::Response plans_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto list = app::plan_list(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "plan.title") + " – " + list->rights.municipality.name);
  page.set("municipality_name", list->rights.municipality.name);
  page.set("can_edit", flag(list->rights.edit));
  page.set("new_href", plans_url(kommune) + "/ny");
  page.set("history_href", "/kommune/" + kommune + "/samhandling/historikk");
  mustache::data municipal(mustache::data::type::list), service(mustache::data::type::list),
      due(mustache::data::type::list);
  for (const auto& e : list->plans) {
    auto item = plan_data(ctx, e, kommune);
    if (list->rights.edit && e.due_for_review) due.push_back(item);
    push_moved(e.plan.level == domain::PlanLevel::kMunicipality ? municipal : service, std::move(item));
  }
  page.set("has_municipal", flag(!municipal.is_empty_list()));
  page.set("has_service", flag(!service.is_empty_list()));
  page.set("has_due", flag(!due.is_empty_list()));
  set_moved(page, "municipal", std::move(municipal));
  set_moved(page, "service", std::move(service));
  set_moved(page, "due", std::move(due));
  return page_response(ctx, 200, "plans", page);
}

// GET /kommune/{kommune}/planer/{plan}
http::Response plan_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto id = id_param(ctx, "plan");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto e = app::plan_entry(ctx.app.db, ctx.actor, kommune, *id, ctx.app.clock);
  if (!e) return failure_response(ctx, e.error());
  auto page = plan_data(ctx, *e, kommune);
  page.set("title", e->plan.title);
  page.set("list_href", plans_url(kommune));
  auto fields = http::parse_query(ctx.request.query);
  page.set("saved", flag(fields && http::find_field(*fields, "lagret").has_value()));
  return page_response(ctx, 200, "plan", page);
}

// GET /kommune/{kommune}/planer/ny
http::Response new_plan_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto list = app::plan_list(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  if (!list->rights.edit) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  app::PlanForm form;
  form.input.level = "municipality";
  form.input.kind = "plan";
  form.input.reviewed_on = iso_date(oslo_date(ctx.app.clock.now()));
  return form_page(ctx, kommune, form, {}, 200, plans_url(kommune) + "/ny", true);
}

// POST /kommune/{kommune}/planer/ny
http::Response add_plan(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto form = form_from(ctx.form);
  auto saved = app::add_plan(ctx.app.db, ctx.actor, kommune, form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return form_page(ctx, kommune, form, saved->errors, 422, plans_url(kommune) + "/ny", true);
  return http::Response::redirect(plans_url(kommune) + "/" + std::to_string(saved->id) + "?lagret=1");
}

// GET /kommune/{kommune}/planer/{plan}/rediger
http::Response edit_plan_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto id = id_param(ctx, "plan");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto e = app::plan_entry(ctx.app.db, ctx.actor, kommune, *id, ctx.app.clock);
  if (!e) return failure_response(ctx, e.error());
  if (!e->editable) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  return form_page(ctx, kommune, form_of(e->plan), {}, 200, plans_url(kommune) + "/" + std::to_string(*id) + "/rediger",
                   false);
}

// POST /kommune/{kommune}/planer/{plan}/rediger
http::Response save_plan(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto id = id_param(ctx, "plan");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto form = form_from(ctx.form);
  auto saved = app::save_plan(ctx.app.db, ctx.actor, kommune, *id, form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  const auto here = plans_url(kommune) + "/" + std::to_string(*id);
  if (!saved->errors.empty()) return form_page(ctx, kommune, form, saved->errors, 422, here + "/rediger", false);
  return http::Response::redirect(here + "?lagret=1");
}

// GET /api/v1/municipalities/{kommune}/plans
http::Response api_plans(const RequestContext& ctx) {
  auto list = app::plan_list(ctx.app.db, ctx.actor, kommune_param(ctx), ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  json::array items;
  for (const auto& e : list->plans) items.push_back(plan_json(e));
  return json_response(200, {{"plans", items}, {"internal", list->rights.read_internal}});
}

// GET /api/v1/municipalities/{kommune}/plans/{plan}
http::Response api_plan(const RequestContext& ctx) {
  const auto id = id_param(ctx, "plan");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto e = app::plan_entry(ctx.app.db, ctx.actor, kommune_param(ctx), *id, ctx.app.clock);
  if (!e) return failure_response(ctx, e.error());
  return json_response(200, plan_json(*e));
}

// POST /api/v1/municipalities/{kommune}/plans
http::Response api_add_plan(const RequestContext& ctx) {
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto form = form_of_json(*body);
  if (!form) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto saved = app::add_plan(ctx.app.db, ctx.actor, kommune_param(ctx), *form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return field_errors_response(ctx, saved->errors);
  return json_response(201, {{"id", saved->id}});
}

// POST /api/v1/municipalities/{kommune}/plans/{plan}
http::Response api_save_plan(const RequestContext& ctx) {
  const auto id = id_param(ctx, "plan");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto form = form_of_json(*body);
  if (!form) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto saved = app::save_plan(ctx.app.db, ctx.actor, kommune_param(ctx), *id, *form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return field_errors_response(ctx, saved->errors);
  return json_response(200, {{"id", *id}});
}

}  // namespace stafett::web::pages
