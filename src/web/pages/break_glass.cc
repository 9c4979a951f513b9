// Break-glass (nødtilgang), issue 6: the form a designated employee fills in
// to open a log they do not take part in (/logger/{id}/nodtilgang), its JSON
// twin (POST /api/v1/logs/{id}/break-glass), and the offer on the log page's
// refusal for those who may use it. Reading the log afterwards is the
// ordinary log page, with a banner (log.mustache) while the access lasts.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/break_glass.h"
#include "core/oslo_time.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;

std::string form_url(std::int64_t log) { return log_url(log) + "/nodtilgang"; }

std::string heading(const RequestContext& ctx, std::int64_t log) {
  return text(ctx, "break_glass.heading") + " " + std::to_string(log);
}

// The form, empty or as typed with its errors, or the notice that an access
// is already open.
http::Response form_page(const RequestContext& ctx, std::int64_t log, const app::BreakGlassFormView& view,
                         std::string_view reason, std::string_view explanation, const app::FieldErrors& errors,
                         int status) {
  mustache::data data(mustache::data::type::object);
  data.set("heading", heading(ctx, log));
  data.set("form_url", form_url(log));
  data.set("log_url", log_url(log));
  if (view.open) {
    data.set("open", flag(true));
    data.set("open_until", format_time(view.open->expires));
    return page_response(ctx, status, "break_glass", data);
  }
  data.set("form", flag(true));
  data.set("window_minutes", std::to_string(view.window.count()));
  mustache::data reasons(mustache::data::type::list);
  for (auto r : domain::kAllBreakGlassReasons) {
    mustache::data item(mustache::data::type::object);
    const std::string code(domain::break_glass_reason_code(r));
    item.set("code", code);
    item.set("name", text(ctx, "break_glass.reason." + code));
    item.set("selected", flag(code == reason));
    reasons.push_back(item);
  }
  data.set("reasons", reasons);
  data.set("explanation", std::string(explanation));
  set_errors(ctx, data, errors);
  return page_response(ctx, status, "break_glass", data);
}

}  // namespace

kainjow::mustache::data break_glass_item_data(const RequestContext& ctx, const store::BreakGlassRow& b) {
  mustache::data item(mustache::data::type::object);
  item.set("name", b.person_name);
  if (!b.unit_name.empty()) item.set("unit", b.unit_name);
  item.set("started_at", format_time(b.started));
  item.set("expires_at", format_time(b.expires));
  item.set("reason", text(ctx, "break_glass.reason." + std::string(domain::break_glass_reason_code(b.reason))));
  item.set("explanation", b.explanation);
  return item;
}

boost::json::object break_glass_json(const store::BreakGlassRow& b) {
  boost::json::object o{{"id", b.id},
                        {"log", b.log.value},
                        {"person", b.person.value},
                        {"name", b.person_name},
                        {"reason", domain::break_glass_reason_code(b.reason)},
                        {"explanation", b.explanation},
                        {"started_at_ms", to_unix_ms(b.started)},
                        {"expires_at_ms", to_unix_ms(b.expires)}};
  if (!b.unit_name.empty()) o["unit"] = b.unit_name;
  if (!b.service.empty()) o["service"] = b.service;
  return o;
}

std::optional<http::Response> break_glass_offer(const RequestContext& ctx, std::int64_t log) {
  if (ctx.actor.kind != policy::ActorKind::kEmployee) return std::nullopt;
  auto view = app::break_glass_form(ctx.app.db, ctx.actor, domain::LogId{log}, ctx.app.clock,
                                    ctx.app.break_glass_window);
  if (!view) return std::nullopt;
  mustache::data data(mustache::data::type::object);
  data.set("heading", text(ctx, "break_glass.offer_heading"));
  data.set("offer", flag(true));
  data.set("form_url", form_url(log));
  return page_response(ctx, 403, "break_glass", data);
}

// GET /logger/{id}/nodtilgang
http::Response break_glass_form_page(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::break_glass_form(ctx.app.db, ctx.actor, domain::LogId{*id}, ctx.app.clock,
                                    ctx.app.break_glass_window);
  if (!view) return failure_response(ctx, view.error());
  return form_page(ctx, *id, *view, "", "", {}, 200);
}

// POST /logger/{id}/nodtilgang: opens it and goes to the log.
http::Response open_break_glass(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto reason = http::find_field(ctx.form, "reason").value_or("");
  const auto explanation = http::find_field(ctx.form, "explanation").value_or("");
  auto opened = app::open_break_glass(ctx.app.db, ctx.actor, domain::LogId{*id}, reason, explanation, ctx.app.clock,
                                      ctx.app.break_glass_window);
  if (!opened) return failure_response(ctx, opened.error());
  if (!opened->errors.empty()) {
    const app::BreakGlassFormView view{domain::LogId{*id}, app::break_glass_window(ctx.app.break_glass_window), {}};
    return form_page(ctx, *id, view, reason, explanation, opened->errors, 400);
  }
  return http::Response::redirect(log_url(*id));
}

// POST /api/v1/logs/{id}/break-glass {"reason": "...", "explanation": "..."}
http::Response api_open_break_glass(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const std::string reason = json_string(*body, "reason").value_or("");
  const std::string explanation = json_string(*body, "explanation").value_or("");
  auto opened = app::open_break_glass(ctx.app.db, ctx.actor, domain::LogId{*id}, reason, explanation, ctx.app.clock,
                                      ctx.app.break_glass_window);
  if (!opened) return failure_response(ctx, opened.error());
  if (!opened->errors.empty()) return field_errors_response(ctx, opened->errors);
  return json_response(201, {{"break_glass", break_glass_json(*opened->access)}});
}

// The search before break-glass: the form, and the logs found with links to
// their break-glass forms. Each log found is recorded (action find).
http::Response search_page(const RequestContext& ctx, std::string_view number, const app::BreakGlassSearch* found,
                           int status) {
  mustache::data data(mustache::data::type::object);
  data.set("heading", text(ctx, "break_glass.find_title"));
  data.set("search", flag(true));
  data.set("national_id", std::string(number));
  if (found != nullptr) {
    data.set("searched", flag(found->errors.empty()));
    mustache::data logs(mustache::data::type::list);
    for (const auto& l : found->logs) {
      mustache::data item(mustache::data::type::object);
      item.set("log", std::to_string(l.log.value));
      item.set("status", text(ctx, "status." + l.status));
      item.set("opened", format_date(l.opened));
      item.set("municipality", l.municipality);
      item.set("form_url", form_url(l.log.value));
      logs.push_back(item);
    }
    data.set("found", logs);
    data.set("none_found", flag(found->errors.empty() && found->logs.empty()));
    set_errors(ctx, data, found->errors);
  }
  return page_response(ctx, status, "break_glass", data);
}

// GET /nodtilgang
http::Response break_glass_search_page(const RequestContext& ctx) {
  if (!app::may_find_for_break_glass(ctx.app.db, ctx.actor, ctx.app.clock)) {
    return error_response(ctx.app, ctx.request, ctx.locale, 403);
  }
  return search_page(ctx, "", nullptr, 200);
}

// POST /nodtilgang
http::Response search_for_break_glass(const RequestContext& ctx) {
  const auto number = http::find_field(ctx.form, "national_id").value_or("");
  auto found = app::find_logs_for_break_glass(ctx.app.db, ctx.app.keys, access_trail(ctx), ctx.actor, number,
                                              ctx.app.clock);
  if (!found) return failure_response(ctx, found.error());
  return search_page(ctx, number, &*found, found->errors.empty() ? 200 : 400);
}

// POST /api/v1/break-glass/search {"national_id": "..."}
http::Response api_search_for_break_glass(const RequestContext& ctx) {
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto found = app::find_logs_for_break_glass(ctx.app.db, ctx.app.keys, access_trail(ctx), ctx.actor,
                                              json_string(*body, "national_id").value_or(""), ctx.app.clock);
  if (!found) return failure_response(ctx, found.error());
  if (!found->errors.empty()) return field_errors_response(ctx, found->errors);
  boost::json::array logs;
  for (const auto& l : found->logs) {
    logs.push_back({{"log", l.log.value}, {"status", l.status}, {"opened_at_ms", to_unix_ms(l.opened)},
                    {"municipality", l.municipality}});
  }
  return json_response(200, {{"logs", logs}});
}

}  // namespace stafett::web::pages
