// The privacy officer's review of break-glass accesses (issue 6, items 3
// and 7): /personvern/gjennomgang lists every break-glass access to the logs
// of their municipalities, those waiting for review first (oldest on top),
// and records one outcome per access (POST /personvern/gjennomgang/{access});
// JSON twins under /api/v1/privacy/break-glass. Never log content: who
// opened which child's log, when, until when, and the reason they gave.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <spdlog/spdlog.h>

#include "app/break_glass.h"
#include "core/oslo_time.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;

// A review as typed that could not be saved, shown again on its access.
struct TypedReview {
  std::int64_t access = 0;
  std::string outcome;
  std::string comment;
  app::FieldErrors errors;
};

mustache::data facts_data(const RequestContext& ctx, const store::BreakGlassRow& b) {
  auto d = break_glass_item_data(ctx, b);
  d.set("id", std::to_string(b.id));
  d.set("child", b.child_name);
  d.set("log", std::to_string(b.log.value));
  return d;
}

http::Response queue_page(const RequestContext& ctx, const TypedReview& typed, int status) {
  auto queue = app::break_glass_queue(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!queue) return failure_response(ctx, queue.error());
  mustache::data data(mustache::data::type::object);
  mustache::data unreviewed(mustache::data::type::list);
  for (const auto& b : queue->unreviewed) {
    auto d = facts_data(ctx, b);
    if (b.id == typed.access) {
      d.set("justified", flag(typed.outcome == "justified"));
      d.set("not_justified", flag(typed.outcome == "not_justified"));
      d.set("comment", typed.comment);
      for (const auto& e : typed.errors) d.set("error_" + e.field, text(ctx, e.message));
    }
    unreviewed.push_back(d);
  }
  mustache::data reviewed(mustache::data::type::list);
  for (const auto& b : queue->reviewed) {
    auto d = facts_data(ctx, b);
    d.set("outcome", text(ctx, "break_glass.outcome." + std::string(domain::break_glass_outcome_code(b.review->outcome))));
    d.set("reviewer", b.review->reviewer_name);
    d.set("reviewed_at", format_time(b.review->at));
    d.set("comment", b.review->comment);
    reviewed.push_back(d);
  }
  data.set("unreviewed_count", std::to_string(queue->unreviewed.size()));
  data.set("unreviewed", unreviewed);
  data.set("reviewed", reviewed);
  set_errors(ctx, data, typed.errors);
  data.set("error_access", std::to_string(typed.access));
  const auto query = http::parse_query(ctx.request.query);
  data.set("saved", flag(status == 200 && query && http::find_field(*query, "lagret")));
  return page_response(ctx, status, "break_glass_queue", data);
}

boost::json::object queue_item_json(const store::BreakGlassRow& b) {
  auto o = break_glass_json(b);
  o["child"] = b.child.value;
  o["child_name"] = b.child_name;
  if (b.review) {
    o["review"] = boost::json::object{{"outcome", domain::break_glass_outcome_code(b.review->outcome)},
                                      {"comment", b.review->comment},
                                      {"reviewer", b.review->reviewer.value},
                                      {"reviewer_name", b.review->reviewer_name},
                                      {"reviewed_at_ms", to_unix_ms(b.review->at)}};
  }
  return o;
}

void log_review(const RequestContext& ctx, std::int64_t access, const app::BreakGlassReviewOutcome& r) {
  if (r.errors.empty() && r.access && r.access->review) {
    spdlog::info("request {}: privacy officer {} reviewed break-glass access {}: {}", ctx.request.request_id,
                 ctx.actor.person.value, access, domain::break_glass_outcome_code(r.access->review->outcome));
  }
}

}  // namespace

// GET /personvern/gjennomgang
http::Response break_glass_queue_page(const RequestContext& ctx) { return queue_page(ctx, {}, 200); }

// POST /personvern/gjennomgang/{access}
http::Response review_break_glass(const RequestContext& ctx) {
  const auto access = id_param(ctx, "access");
  if (!access) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const std::string outcome(http::find_field(ctx.form, "outcome").value_or(""));
  const std::string comment(http::find_field(ctx.form, "comment").value_or(""));
  auto r = app::review_break_glass(ctx.app.db, ctx.actor, *access, outcome, comment, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  log_review(ctx, *access, *r);
  if (!r->errors.empty()) return queue_page(ctx, {*access, outcome, comment, r->errors}, 400);
  return http::Response::redirect("/personvern/gjennomgang?lagret=1#access-" + std::to_string(*access));
}

// GET /api/v1/privacy/break-glass
http::Response api_break_glass_queue(const RequestContext& ctx) {
  auto queue = app::break_glass_queue(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!queue) return failure_response(ctx, queue.error());
  boost::json::array unreviewed, reviewed;
  for (const auto& b : queue->unreviewed) unreviewed.push_back(queue_item_json(b));
  for (const auto& b : queue->reviewed) reviewed.push_back(queue_item_json(b));
  return json_response(200, {{"unreviewed", unreviewed}, {"reviewed", reviewed}});
}

// POST /api/v1/privacy/break-glass/{access}/review {"outcome": "...", "comment": "..."}
http::Response api_review_break_glass(const RequestContext& ctx) {
  const auto access = id_param(ctx, "access");
  if (!access) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::review_break_glass(ctx.app.db, ctx.actor, *access, json_string(*body, "outcome").value_or(""),
                                   json_string(*body, "comment").value_or(""), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  log_review(ctx, *access, *r);
  if (!r->errors.empty()) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"break_glass", queue_item_json(*r->access)}});
}

}  // namespace stafett::web::pages
