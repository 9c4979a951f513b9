// The measures catalogue (tiltaksoversikt) of a municipality: the list with
// how many open logs use each measure (small counts suppressed), one measure,
// the editor's forms, and their JSON twins. Rights: app/measure_catalogue.h.
#include <boost/json/array.hpp>

#include "app/measure_catalogue.h"
#include "app/service_catalogue.h"
#include "core/join.h"
#include "web/json_input.h"
#include "web/markdown_view.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

std::string list_url(const std::string& kommune) { return "/kommune/" + kommune + "/tiltak"; }

std::string count_text(const RequestContext& ctx, const domain::ShownCount& c) {
  return c.suppressed ? text(ctx, "model.measure.fewer_than_three") : std::to_string(c.value);
}

mustache::data measure_data(const RequestContext& ctx, const app::MeasureEntry& e, const std::string& kommune) {
  const auto& m = e.measure;
  mustache::data d(mustache::data::type::object);
  const auto id = std::to_string(m.id.value);
  d.set("name", m.name);
  d.set("href", list_url(kommune) + "/" + id);
  d.set("edit_href", list_url(kommune) + "/" + id + "/rediger");
  d.set("editable", flag(e.editable));
  set_moved(d, "description", markdown_data(m.description));
  d.set("target_group", m.target_group);
  d.set("has_target_group", flag(!m.target_group.empty()));
  d.set("ages", std::to_string(m.age_from) + "–" + std::to_string(m.age_to) + " " + text(ctx, "model.years"));
  d.set("levels", m.level_from == m.level_to
                      ? text(ctx, "model.level." + std::to_string(m.level_from))
                      : text(ctx, "model.level." + std::to_string(m.level_from)) + " – " +
                            text(ctx, "model.level." + std::to_string(m.level_to)));
  std::string providers;
  for (const auto& p : m.providers) append_item(providers, ", ", p.name);
  d.set("providers", providers);
  set_moved(d, "how_to_request", markdown_data(m.how_to_request));
  d.set("has_how_to_request", flag(!m.how_to_request.empty()));
  d.set("evidence", m.evidence);
  d.set("has_evidence", flag(!m.evidence.empty() || !m.evidence_url.empty()));
  d.set("evidence_url", m.evidence_url);
  d.set("has_evidence_url", flag(!m.evidence_url.empty()));
  d.set("not_public", flag(!m.is_public));
  d.set("open_logs", count_text(ctx, e.open_logs));
  return d;
}

json::object measure_json(const app::MeasureEntry& e) {
  const auto& m = e.measure;
  json::array providers;
  for (const auto& p : m.providers) providers.push_back({{"unit_id", p.unit.value}, {"name", p.name}});
  return {{"id", m.id.value},
          {"name", m.name},
          {"description", m.description},
          {"target_group", m.target_group},
          {"age_from", m.age_from},
          {"age_to", m.age_to},
          {"level_from", m.level_from},
          {"level_to", m.level_to},
          {"providers", providers},
          {"how_to_request", m.how_to_request},
          {"evidence", m.evidence},
          {"evidence_url", m.evidence_url},
          {"public", m.is_public},
          // Never a number below 3: a small count would point at a child.
          {"open_logs", e.open_logs.suppressed ? json::value("fewer_than_3") : json::value(e.open_logs.value)}};
}

app::MeasureForm form_from(const http::FormFields& form) {
  app::MeasureForm f;
  const auto field = [&](std::string_view key) { return std::string(http::find_field(form, key).value_or("")); };
  f.input.name = field("name");
  f.input.description = field("description");
  f.input.target_group = field("target_group");
  f.input.age_from = field("age_from");
  f.input.age_to = field("age_to");
  f.input.level_from = field("level_from");
  f.input.level_to = field("level_to");
  for (const auto& [k, v] : form) {
    if (k == "providers") f.input.providers.push_back(v);
  }
  f.input.how_to_request = field("how_to_request");
  f.input.evidence = field("evidence");
  f.input.evidence_url = field("evidence_url");
  f.input.is_public = field("is_public") == "ja";
  f.summary = field("summary");
  return f;
}

app::MeasureForm form_of(const domain::CatalogueMeasure& m) {
  app::MeasureForm f;
  f.input.name = m.name;
  f.input.description = m.description;
  f.input.target_group = m.target_group;
  f.input.age_from = std::to_string(m.age_from);
  f.input.age_to = std::to_string(m.age_to);
  f.input.level_from = std::to_string(m.level_from);
  f.input.level_to = std::to_string(m.level_to);
  for (const auto& p : m.providers) f.input.providers.push_back(std::to_string(p.unit.value));
  f.input.how_to_request = m.how_to_request;
  f.input.evidence = m.evidence;
  f.input.evidence_url = m.evidence_url;
  f.input.is_public = m.is_public;
  return f;
}

std::optional<app::MeasureForm> form_of_json(const json::object& o) {
  app::MeasureForm f;
  bool ok = true;
  const auto str = [&](std::string_view key) { return json_form_text(o, key, ok); };
  f.input.name = str("name");
  f.input.description = str("description");
  f.input.target_group = str("target_group");
  f.input.age_from = str("age_from");
  f.input.age_to = str("age_to");
  f.input.level_from = str("level_from");
  f.input.level_to = str("level_to");
  f.input.providers = json_form_ids(o, "providers", ok);
  f.input.how_to_request = str("how_to_request");
  f.input.evidence = str("evidence");
  f.input.evidence_url = str("evidence_url");
  f.input.is_public = json_bool(o, "public").value_or(false);
  f.summary = str("summary");
  if (!ok) return std::nullopt;
  return f;
}

http::Response form_page(const RequestContext& ctx, const std::string& kommune, const app::MeasureForm& form,
                         const app::FieldErrors& errors, int status, const std::string& action, bool is_new) {
  // The units that may provide it: those serving the municipality.
  auto units = app::service_catalogue(ctx.app.db, ctx.actor, kommune, {}, ctx.app.clock);
  if (!units) return failure_response(ctx, units.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, is_new ? "model.measure.new_title" : "model.measure.edit_title"));
  page.set("action", action);
  page.set("list_href", list_url(kommune));
  const auto& in = form.input;
  page.set("f_name", in.name);
  page.set("f_description", in.description);
  page.set("f_target_group", in.target_group);
  page.set("f_age_from", in.age_from);
  page.set("f_age_to", in.age_to);
  page.set("f_how_to_request", in.how_to_request);
  page.set("f_evidence", in.evidence);
  page.set("f_evidence_url", in.evidence_url);
  page.set("f_is_public", flag(in.is_public));
  page.set("f_summary", form.summary);
  const auto levels = [&](const std::string& chosen) {
    mustache::data list(mustache::data::type::list);
    for (int l = 0; l <= 3; ++l) {
      mustache::data item(mustache::data::type::object);
      item.set("code", std::to_string(l));
      item.set("label", text(ctx, "model.level." + std::to_string(l)));
      item.set("selected", flag(chosen == std::to_string(l)));
      push_moved(list, std::move(item));
    }
    return list;
  };
  page.set("level_from_options", levels(in.level_from));
  page.set("level_to_options", levels(in.level_to));
  mustache::data providers(mustache::data::type::list);
  for (const auto& s : units->services) {
    const auto id = std::to_string(s.service.unit.id.value);
    mustache::data item(mustache::data::type::object);
    item.set("code", id);
    item.set("label", s.service.unit.name);
    bool checked = false;
    for (const auto& p : in.providers) checked = checked || p == id;
    item.set("checked", flag(checked));
    push_moved(providers, std::move(item));
  }
  set_moved(page, "provider_options", std::move(providers));
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "catalogue_measure_form", page);
}

std::optional<domain::CatalogueMeasureId> measure_param(const RequestContext& ctx) {
  const auto id = id_param(ctx, "measure");
  if (!id) return std::nullopt;
  return domain::CatalogueMeasureId{*id};
}

}  // namespace

// GET /kommune/{kommune}/tiltak
http::Response catalogue_measures_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto catalogue = app::measure_catalogue(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!catalogue) return failure_response(ctx, catalogue.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "model.measure.title") + " – " + catalogue->rights.municipality.name);
  page.set("municipality_name", catalogue->rights.municipality.name);
  page.set("new_href", list_url(kommune) + "/ny");
  page.set("history_href", "/kommune/" + kommune + "/samhandling/historikk");
  page.set("can_edit", flag(catalogue->rights.edit));
  page.set("internal", flag(catalogue->rights.read_internal));
  mustache::data items(mustache::data::type::list);
  for (const auto& e : catalogue->measures) push_moved(items, measure_data(ctx, e, kommune));
  page.set("has_measures", flag(!catalogue->measures.empty()));
  set_moved(page, "measures", std::move(items));
  page.set("total", std::to_string(catalogue->total));
  page.set("total_is_lower_bound", flag(catalogue->total_is_lower_bound));
  // "At least 0" tells nobody anything: no total when every count is hidden.
  page.set("has_total", flag(!(catalogue->total_is_lower_bound && catalogue->total == 0)));
  return page_response(ctx, 200, "catalogue_measures", page);
}

// GET /kommune/{kommune}/tiltak/{measure}
http::Response catalogue_measure_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto id = measure_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto entry = app::measure_entry(ctx.app.db, ctx.actor, kommune, *id, ctx.app.clock);
  if (!entry) return failure_response(ctx, entry.error());
  auto page = measure_data(ctx, *entry, kommune);
  page.set("title", entry->measure.name);
  page.set("list_href", list_url(kommune));
  auto fields = http::parse_query(ctx.request.query);
  page.set("saved", flag(fields && http::find_field(*fields, "lagret").has_value()));
  return page_response(ctx, 200, "catalogue_measure", page);
}

// GET /kommune/{kommune}/tiltak/ny
http::Response catalogue_new_measure_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto catalogue = app::measure_catalogue(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!catalogue) return failure_response(ctx, catalogue.error());
  if (!catalogue->rights.edit) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  app::MeasureForm form;
  form.input.age_from = "0";
  form.input.age_to = "18";
  form.input.level_from = "1";
  form.input.level_to = "2";
  return form_page(ctx, kommune, form, {}, 200, list_url(kommune) + "/ny", true);
}

// POST /kommune/{kommune}/tiltak/ny
http::Response catalogue_add_measure(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto form = form_from(ctx.form);
  auto saved = app::add_measure(ctx.app.db, ctx.actor, kommune, form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return form_page(ctx, kommune, form, saved->errors, 422, list_url(kommune) + "/ny", true);
  return http::Response::redirect(list_url(kommune) + "/" + std::to_string(saved->id.value) + "?lagret=1");
}

// GET /kommune/{kommune}/tiltak/{measure}/rediger
http::Response catalogue_edit_measure_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto id = measure_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto entry = app::measure_entry(ctx.app.db, ctx.actor, kommune, *id, ctx.app.clock);
  if (!entry) return failure_response(ctx, entry.error());
  if (!entry->editable) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  return form_page(ctx, kommune, form_of(entry->measure), {}, 200,
                   list_url(kommune) + "/" + std::to_string(id->value) + "/rediger", false);
}

// POST /kommune/{kommune}/tiltak/{measure}/rediger
http::Response catalogue_save_measure(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto id = measure_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto form = form_from(ctx.form);
  auto saved = app::save_measure(ctx.app.db, ctx.actor, kommune, *id, form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  const auto here = list_url(kommune) + "/" + std::to_string(id->value);
  if (!saved->errors.empty()) return form_page(ctx, kommune, form, saved->errors, 422, here + "/rediger", false);
  return http::Response::redirect(here + "?lagret=1");
}

// GET /api/v1/municipalities/{kommune}/measures
http::Response catalogue_api_measures(const RequestContext& ctx) {
  auto catalogue = app::measure_catalogue(ctx.app.db, ctx.actor, kommune_param(ctx), ctx.app.clock);
  if (!catalogue) return failure_response(ctx, catalogue.error());
  json::array items;
  for (const auto& e : catalogue->measures) items.push_back(measure_json(e));
  return json_response(200, {{"municipality", {{"name", catalogue->rights.municipality.name},
                                               {"kommunenummer", catalogue->rights.municipality.kommunenummer}}},
                             {"internal", catalogue->rights.read_internal},
                             {"measures", items},
                             {"open_logs_total", {{"value", catalogue->total},
                                                  {"lower_bound", catalogue->total_is_lower_bound}}}});
}

// GET /api/v1/municipalities/{kommune}/measures/{measure}
http::Response catalogue_api_measure(const RequestContext& ctx) {
  const auto id = measure_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto entry = app::measure_entry(ctx.app.db, ctx.actor, kommune_param(ctx), *id, ctx.app.clock);
  if (!entry) return failure_response(ctx, entry.error());
  return json_response(200, measure_json(*entry));
}

// POST /api/v1/municipalities/{kommune}/measures
http::Response catalogue_api_add_measure(const RequestContext& ctx) {
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto form = form_of_json(*body);
  if (!form) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto saved = app::add_measure(ctx.app.db, ctx.actor, kommune_param(ctx), *form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return field_errors_response(ctx, saved->errors);
  return json_response(201, {{"id", saved->id.value}});
}

// POST /api/v1/municipalities/{kommune}/measures/{measure}
http::Response catalogue_api_save_measure(const RequestContext& ctx) {
  const auto id = measure_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto form = form_of_json(*body);
  if (!form) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto saved = app::save_measure(ctx.app.db, ctx.actor, kommune_param(ctx), *id, *form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return field_errors_response(ctx, saved->errors);
  return json_response(200, {{"id", id->value}});
}

}  // namespace stafett::web::pages
