// Filling in the guide's tools (issue 7, items 3 and 6): an employee's forms
// (drafts and submitted records of their units), the form itself, a record
// with what to do next (close it, follow up in the unit, start a stafettlogg
// with it, or put it in an existing log), and a record read inside its log.
// The JSON twins are at the end.
#include <boost/json.hpp>

#include "app/log_use_cases.h"
#include "app/tool_records.h"
#include "core/oslo_time.h"
#include "store/guide_codec.h"
#include "web/form_input.h"
#include "web/guide_view.h"
#include "web/json_input.h"
#include "web/markdown_view.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"
#include "web/tool_form_view.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

std::string record_url(std::int64_t id) { return "/skjema/" + std::to_string(id); }

std::string param(const RequestContext& ctx, const char* name) {
  const auto it = ctx.params.find(name);
  return it == ctx.params.end() ? std::string() : it->second;
}

// The guide's variant for a unit's kind of service, for the employee's path.
std::string variant_for(domain::ServiceType service) {
  switch (service) {
    case domain::ServiceType::kKindergarten: return "barnehage";
    case domain::ServiceType::kSchool: return "skole";
    case domain::ServiceType::kHealthStation: return "helsestasjon";
    case domain::ServiceType::kNav: return "nav";
    default: return "";
  }
}

// Where the tool is described in the public guide.
std::string tool_page_of(const RequestContext& ctx, const app::ToolForm& form) {
  if (ctx.app.guides == nullptr) return "/veileder";
  auto published = ctx.app.guides->by_id(ctx.app.db, form.municipality, ctx.app.clock.now());
  if (!published || !*published) return "/veileder";
  return tool_url((*published)->municipality, form.tool.key, "");
}

http::Response form_page(const RequestContext& ctx, const app::ToolForm& form, const app::FieldErrors& errors,
                         const std::map<std::string, int>& extra_rows, int status, bool just_saved = false) {
  auto page = tool_form_data(ctx, form, errors, extra_rows);
  page.set("is_draft", flag(just_saved));
  const auto lang = guide_language(ctx);
  page.set("title", form.tool.title.in(lang));
  page.set("tool_title", form.tool.title.in(lang));
  page.set("tool_summary", form.tool.summary.in(lang));
  page.set("tool_href", tool_page_of(ctx, form));
  page.set("content_lang", std::string(lang));
  set_moved(page, "body", markdown_data(form.tool.body.in(lang)));
  page.set("action", form.record ? record_url(*form.record) : "/skjema/ny/" + form.tool.key);
  if (form.record) page.set("draft_id", std::to_string(*form.record));
  mustache::data units(mustache::data::type::list);
  for (const auto& u : form.my_units) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(u.id.value));
    item.set("name", u.name);
    item.set("selected", flag(u.id == form.unit));
    if (u.id == form.unit) page.set("unit_name", u.name);
    push_moved(units, std::move(item));
  }
  page.set("many_units", flag(form.my_units.size() > 1));
  page.set("unit_id", std::to_string(form.unit.value));
  set_moved(page, "units", std::move(units));
  for (const auto& e : errors) {
    if (e.field == "unit") page.set("unit_error", text(ctx, e.message));
  }
  return page_response(ctx, status, "tool_form", page);
}

// "handling": "send", "utkast", or "rad:<group path>" (one more row, nothing saved).
struct Handling {
  bool submit = false;
  std::optional<std::string> add_row;
};
Handling handling_of(const RequestContext& ctx) {
  const auto value = std::string(http::find_field(ctx.form, "handling").value_or("utkast"));
  if (value.starts_with("rad:")) return {false, value.substr(4)};
  return {value == "send", std::nullopt};
}

http::Response save_from_form(const RequestContext& ctx, std::optional<std::int64_t> id, const std::string& tool) {
  const auto handling = handling_of(ctx);
  app::FieldErrors malformed;
  app::ToolRecordInput in;
  in.tool_key = tool;
  in.id = id;
  in.unit = std::string(http::find_field(ctx.form, "enhet").value_or(""));
  in.answers = answers_from_form(ctx.form, malformed);
  in.submit = handling.submit;
  if (handling.add_row) {
    // Only a new row: show the form again with what was typed, save nothing.
    std::optional<domain::UnitId> unit;
    if (auto u = parse_id(in.unit)) unit = domain::UnitId{*u};
    auto form = id ? app::draft_tool_form(ctx.app.db, ctx.actor, *id, ctx.app.clock.now())
                   : app::new_tool_form(ctx.app.db, *ctx.app.guides, ctx.actor, tool, unit, ctx.app.clock.now());
    if (!form) return failure_response(ctx, form.error());
    form->answers = in.answers;
    return form_page(ctx, *form, malformed, {{*handling.add_row, 1}}, 200);
  }
  auto r = app::save_tool_record(ctx.app.db, *ctx.app.guides, ctx.actor, in, ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  if (!malformed.empty() || !r->errors.empty()) {
    auto errors = malformed;
    errors.insert(errors.end(), r->errors.begin(), r->errors.end());
    return form_page(ctx, r->form, errors, {}, 422);
  }
  return http::Response::redirect(record_url(*r->id) + (handling.submit ? "?lagret=1" : "?utkast=1"));
}

mustache::data record_page_data(const RequestContext& ctx, const app::ToolRecordView& v) {
  const auto lang = guide_language(ctx);
  mustache::data page(mustache::data::type::object);
  page.set("id", std::to_string(v.row.id));
  page.set("title", v.tool.title.in(lang));
  page.set("tool_title", v.tool.title.in(lang));
  page.set("content_lang", std::string(lang));
  page.set("child_name", v.child_name);
  page.set("author_name", v.row.author_name);
  page.set("unit_name", v.row.unit_name);
  page.set("submitted_at", v.row.submitted_at ? format_time(*v.row.submitted_at) : std::string());
  if (v.row.log) {
    page.set("in_log", flag(true));
    page.set("attached_at", v.row.attached_at ? format_time(*v.row.attached_at) : std::string());
    page.set("attached_by", v.row.attached_by_name);
  }
  if (!v.row.outcome.empty()) page.set("outcome_text", text(ctx, "tool.outcome_done." + v.row.outcome));
  set_moved(page, "answers", tool_answers_data(ctx, v));
  page.set("can_follow_up", flag(v.can_follow_up));
  page.set("json_href", v.row.log ? "/api/v1/logs/" + std::to_string(v.row.log->value) + "/tool-records/" +
                                        std::to_string(v.row.id)
                                  : "/api/v1/tool-records/" + std::to_string(v.row.id));
  page.set("json_name", v.row.tool_key + "-" + std::to_string(v.row.id) + ".json");
  mustache::data logs(mustache::data::type::list);
  for (const auto& l : v.logs) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(l.log.value));
    item.set("log_child", l.child_name);
    // The log about the child the form names comes first to hand.
    item.set("same_child", flag(!v.child_name.empty() && l.child_name == v.child_name));
    push_moved(logs, std::move(item));
  }
  page.set("has_logs", flag(!v.logs.empty()));
  set_moved(page, "logs", std::move(logs));
  return page;
}

json::object record_json(const app::ToolRecordView& v) {
  json::object o{{"id", v.row.id},
                 {"tool", v.row.tool_key},
                 {"status", v.row.submitted ? "submitted" : "draft"},
                 {"unit", json::object{{"id", v.row.unit.value}, {"name", v.row.unit_name}}},
                 {"author", v.row.author_name},
                 {"anonymous", v.child_name.empty()},
                 {"outcome", v.row.outcome.empty() ? json::value(nullptr) : json::value(v.row.outcome)},
                 {"log", v.row.log ? json::value(v.row.log->value) : json::value(nullptr)},
                 {"answers", json::parse(store::encode_answers(v.answers))},
                 {"form", json::parse(store::encode_tool(v.tool))}};
  if (v.row.submitted_at) o["submitted_at"] = format_time(*v.row.submitted_at);
  return o;
}

std::optional<std::int64_t> record_param(const RequestContext& ctx) { return id_param(ctx, "record"); }

}  // namespace

// GET /jeg-er-bekymret: the employee's way in, straight to level 0 of the
// guide of their own municipality, in their service's variant.
http::Response worried_employee(const RequestContext& ctx) {
  auto units = app::my_units(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!units) return failure_response(ctx, units.error());
  if (units->empty() || ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  auto published = ctx.app.guides->by_id(ctx.app.db, units->front().municipality, ctx.app.clock.now());
  if (!published) return failure_response(ctx, published.error());
  if (!*published) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto& guide = (*published)->guide;
  auto variant = variant_for(units->front().service);
  if (std::none_of(guide.variants.begin(), guide.variants.end(), [&](const auto& v) { return v.key == variant; })) {
    variant.clear();
  }
  for (const auto& s : guide.levels.front().steps) {
    if (domain::step_in_variant(s, variant)) return http::Response::redirect(step_url((*published)->municipality, s.key, variant));
  }
  return http::Response::redirect(guide_url((*published)->municipality));
}

http::Response tool_records_page(const RequestContext& ctx) {
  auto rows = app::my_units_tool_records(ctx.app.db, ctx.actor, ctx.app.clock.now());
  if (!rows) return failure_response(ctx, rows.error());
  mustache::data records(mustache::data::type::list);
  for (const auto& r : *rows) {
    mustache::data item(mustache::data::type::object);
    auto tool = store::decode_tool(r.tool);
    item.set("title", tool ? tool->title.in(guide_language(ctx)) : r.tool_key);
    item.set("href", record_url(r.id));
    item.set("status_text", text(ctx, r.log ? "tool.status.attached"
                                            : r.submitted ? "tool.status.submitted" : "tool.status.draft"));
    item.set("who", r.author_name);
    item.set("unit_name", r.unit_name);
    item.set("updated_at", format_time(r.updated_at));
    push_moved(records, std::move(item));
  }
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "tool.list_title"));
  page.set("worried_href", "/jeg-er-bekymret");
  page.set("has_records", flag(!rows->empty()));
  set_moved(page, "records", std::move(records));
  return page_response(ctx, 200, "tool_records", page);
}

http::Response new_tool_form_page(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto fields = http::parse_query(ctx.request.query);
  std::optional<domain::UnitId> unit;
  if (fields) {
    if (auto id = parse_id(http::find_field(*fields, "enhet").value_or(""))) unit = domain::UnitId{*id};
  }
  auto form = app::new_tool_form(ctx.app.db, *ctx.app.guides, ctx.actor, param(ctx, "tool"), unit, ctx.app.clock.now());
  if (!form) return failure_response(ctx, form.error());
  return form_page(ctx, *form, {}, {}, 200);
}

http::Response create_tool_record(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  return save_from_form(ctx, std::nullopt, param(ctx, "tool"));
}

http::Response tool_record_page(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::view_tool_record(ctx.app.db, ctx.actor, *id, ctx.app.clock.now());
  if (!view) return failure_response(ctx, view.error());
  if (view->row.log) return http::Response::redirect(log_url(*view->row.log) + "/skjema/" + std::to_string(*id));
  if (view->can_edit) {
    auto form = app::draft_tool_form(ctx.app.db, ctx.actor, *id, ctx.app.clock.now());
    if (!form) return failure_response(ctx, form.error());
    auto query = http::parse_query(ctx.request.query);
    return form_page(ctx, *form, {}, {}, 200, query && http::find_field(*query, "utkast").has_value());
  }
  auto page = record_page_data(ctx, *view);
  page.set("back_href", "/skjema");
  page.set("back_text", text(ctx, "tool.my_records"));
  auto query = http::parse_query(ctx.request.query);
  page.set("saved", flag(query && http::find_field(*query, "lagret").has_value()));
  page.set("not_attached", flag(query && http::find_field(*query, "ikke_lagt").has_value()));
  return page_response(ctx, 200, "tool_record", page);
}

http::Response save_tool_record_page(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id || ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  return save_from_form(ctx, *id, "");
}

http::Response delete_tool_draft_page(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::delete_tool_draft(ctx.app.db, ctx.actor, *id, ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  return http::Response::redirect("/skjema");
}

http::Response tool_outcome_page(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::set_tool_outcome(ctx.app.db, ctx.actor, *id, std::string(http::find_field(ctx.form, "utfall").value_or("")),
                                 ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  return http::Response::redirect(record_url(*id));
}

http::Response attach_tool_record_page(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto log = parse_id(http::find_field(ctx.form, "logg").value_or(""));
  if (!log) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::attach_tool_record(ctx.app.db, access_trail(ctx), ctx.actor, *id, domain::LogId{*log},
                                   ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  return http::Response::redirect(log_url(*log) + "/skjema/" + std::to_string(*id));
}

http::Response log_tool_record_page(const RequestContext& ctx) {
  const auto log = id_param(ctx, "id");
  const auto id = record_param(ctx);
  if (!log || !id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::view_tool_record_in_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*log}, *id,
                                           ctx.app.clock.now());
  if (!view) return failure_response(ctx, view.error());
  auto page = record_page_data(ctx, *view);
  page.set("can_follow_up", flag(false));
  page.set("back_href", log_url(*log));
  page.set("back_text", text(ctx, "tool.back_to_log"));
  return page_response(ctx, 200, "tool_record", page);
}

// --- JSON ---

// GET /api/v1/tools/{tool}/form: the form as the actor's municipality has it.
http::Response api_tool_form(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto form = app::new_tool_form(ctx.app.db, *ctx.app.guides, ctx.actor, param(ctx, "tool"), std::nullopt,
                                 ctx.app.clock.now());
  if (!form) return failure_response(ctx, form.error());
  json::array units;
  for (const auto& u : form->my_units) units.push_back(json::object{{"id", u.id.value}, {"name", u.name}});
  return json_response(200, json::object{{"tool", json::parse(store::encode_tool(form->tool))},
                                         {"units", std::move(units)}});
}

http::Response api_tool_records(const RequestContext& ctx) {
  auto rows = app::my_units_tool_records(ctx.app.db, ctx.actor, ctx.app.clock.now());
  if (!rows) return failure_response(ctx, rows.error());
  json::array out;
  for (const auto& r : *rows) {
    out.push_back(json::object{{"id", r.id},
                               {"tool", r.tool_key},
                               {"status", r.submitted ? "submitted" : "draft"},
                               {"unit", r.unit.value},
                               {"author", r.author_name},
                               {"in_log", r.log.has_value()},
                               {"updated_at", format_time(r.updated_at)}});
  }
  return json_response(200, json::object{{"tool_records", std::move(out)}});
}

namespace {
// {"tool": "...", "unit": 2, "answers": {...}, "submit": true}: nothing else.
http::Response api_save(const RequestContext& ctx, std::optional<std::int64_t> id) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  app::FieldErrors errors;
  for (const auto& member : *body) {
    const auto k = member.key();
    if (k != "tool" && k != "unit" && k != "answers" && k != "submit") errors.push_back({std::string(k), "form.error.unknown_field"});
  }
  app::ToolRecordInput in;
  in.id = id;
  in.tool_key = json_string(*body, "tool").value_or("");
  if (const auto unit = json_int(*body, "unit")) in.unit = std::to_string(*unit);
  in.submit = json_bool(*body, "submit").value_or(false);
  if (const auto* answers = body->if_contains("answers")) {
    auto decoded = answers->is_object() ? store::decode_answers(json::serialize(*answers))
                                        : Result<domain::FormAnswers>(make_error(Errc::kInvalidInput));
    if (!decoded) {
      errors.push_back({"answers", "form.error.answers"});
    } else {
      in.answers = std::move(*decoded);
    }
  }
  if (!errors.empty()) return field_errors_response(ctx, errors);
  auto r = app::save_tool_record(ctx.app.db, *ctx.app.guides, ctx.actor, in, ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  if (!r->errors.empty()) return field_errors_response(ctx, r->errors);
  return json_response(id ? 200 : 201, json::object{{"id", *r->id}, {"status", in.submit ? "submitted" : "draft"}});
}
}  // namespace

http::Response api_create_tool_record(const RequestContext& ctx) { return api_save(ctx, std::nullopt); }

http::Response api_save_tool_record(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  return api_save(ctx, *id);
}

http::Response api_tool_record(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::view_tool_record(ctx.app.db, ctx.actor, *id, ctx.app.clock.now());
  if (!view) return failure_response(ctx, view.error());
  if (view->row.log) {
    return json_response(200, json::object{{"id", *id}, {"log", view->row.log->value},
                                           {"href", "/api/v1/logs/" + std::to_string(view->row.log->value) +
                                                        "/tool-records/" + std::to_string(*id)}});
  }
  auto o = record_json(*view);
  json::array logs;
  for (const auto& l : view->logs) logs.push_back(l.log.value);
  o["may_attach_to"] = std::move(logs);
  return json_response(200, o);
}

http::Response api_tool_outcome(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::set_tool_outcome(ctx.app.db, ctx.actor, *id, json_string(*body, "outcome").value_or(""),
                                 ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  return json_response(200, json::object{{"id", *id}});
}

http::Response api_attach_tool_record(const RequestContext& ctx) {
  const auto id = record_param(ctx);
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto log = json_int(*body, "log");
  if (!log || *log < 1) return field_errors_response(ctx, {{"log", "tool.error.log"}});
  auto r = app::attach_tool_record(ctx.app.db, access_trail(ctx), ctx.actor, *id, domain::LogId{*log},
                                   ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  return json_response(200, json::object{{"id", *id}, {"log", *log}});
}

http::Response api_log_tool_record(const RequestContext& ctx) {
  const auto log = id_param(ctx, "id");
  const auto id = record_param(ctx);
  if (!log || !id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::view_tool_record_in_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*log}, *id,
                                           ctx.app.clock.now());
  if (!view) return failure_response(ctx, view.error());
  return json_response(200, record_json(*view));
}

}  // namespace stafett::web::pages
