// "Hvem har sett loggen?" (the family) and "Mine oppslag" (an employee), and
// their JSON twins: the access chain read back, through app/access_history.h.
// Filters come from the query (from, to, person, before); bad values are
// field errors (422), never an empty list that looks like "nobody".
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/access_history.h"
#include "web/page_data.h"
#include "web/pages/access_lines.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace json = boost::json;
namespace mustache = kainjow::mustache;

// The filter fields of the query (allow-listed); nullopt when the query
// cannot be decoded at all (400).
std::optional<app::AccessFilterInput> filter_input(const RequestContext& ctx) {
  auto fields = http::parse_query(ctx.request.query);
  if (!fields) return std::nullopt;
  auto get = [&](std::string_view key) { return std::string(http::find_field(*fields, key).value_or("")); };
  return app::AccessFilterInput{get("from"), get("to"), get("person"), get("before")};
}

// The same filter with `before` moved to the next page.
std::string older_url(const std::string& path, const app::AccessFilterInput& in, std::int64_t before) {
  return pages::older_url(path, {{"from", in.from}, {"to", in.to}, {"person", in.person}}, before);
}

std::string target_text(const RequestContext& ctx, const app::AccessLine& a) {
  switch (a.target) {
    case app::AccessTarget::kLog: return text(ctx, "access.target.log");
    case app::AccessTarget::kEntry:
      return text(ctx, "timeline.kind." + std::string(domain::entry_kind_code(*a.entry_kind)));
    case app::AccessTarget::kHiddenEntry: return text(ctx, "access.target.hidden");
  }
  return text(ctx, "access.target.hidden");
}

mustache::data line_data(const RequestContext& ctx, const app::AccessLine& a) {
  auto d = access_line_data(ctx, a);
  d.set("what", target_text(ctx, a));
  return d;
}

// The filter form's values, echoed back as typed (escaped by the renderer).
void set_filter(mustache::data& page, const app::AccessFilterInput& in) {
  page.set("from", in.from);
  page.set("to", in.to);
  page.set("filtered", flag(!in.from.empty() || !in.to.empty() || !in.person.empty() || !in.before.empty()));
}

json::object line_json(const app::AccessLine& a) {
  json::object o = access_line_json(a);
  switch (a.target) {
    case app::AccessTarget::kLog: o["target"] = "log"; break;
    case app::AccessTarget::kEntry:
      o["target"] = "entry";
      o["entry_kind"] = domain::entry_kind_code(*a.entry_kind);
      break;
    case app::AccessTarget::kHiddenEntry: o["target"] = "hidden_entry"; break;
  }
  return o;
}

}  // namespace

http::Response log_accesses_page(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto in = filter_input(ctx);
  if (!in) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto view = app::log_accesses(ctx.app.db, ctx.actor, domain::LogId{*id}, *in, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "access.log_title"));
  page.set("child_name", view->child_name);
  page.set("log_url", log_url(view->log));
  page.set("action", log_url(view->log) + "/innsyn");
  page.set("choose_person", flag(true));
  set_filter(page, *in);
  mustache::data people(mustache::data::type::list);
  for (const auto& p : view->people) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(p.id.value));
    item.set("name", p.name);
    item.set("selected", flag(std::to_string(p.id.value) == in->person));
    push_moved(people, std::move(item));
  }
  set_moved(page, "people", std::move(people));
  mustache::data lines(mustache::data::type::list);
  for (const auto& a : view->lines) push_moved(lines, line_data(ctx, a));
  page.set("has_lines", flag(!view->lines.empty()));
  set_moved(page, "lines", std::move(lines));
  // Every break-glass access to the log, above everything else and whatever
  // the filter: who, from where, when, until when, and why in their words.
  mustache::data glass(mustache::data::type::list);
  for (const auto& b : view->break_glass) {
    auto item = break_glass_item_data(ctx, b);
    if (b.review) {
      item.set("review", text(ctx, "break_glass.family_review." +
                                       std::string(domain::break_glass_outcome_code(b.review->outcome))));
    } else {
      item.set("review", text(ctx, "break_glass.family_review.pending"));
    }
    push_moved(glass, std::move(item));
  }
  page.set("has_break_glass", flag(!view->break_glass.empty()));
  set_moved(page, "break_glass", std::move(glass));
  if (view->older) page.set("older_url", older_url(log_url(view->log) + "/innsyn", *in, *view->older));
  set_errors(ctx, page, view->errors);
  return page_response(ctx, view->errors.empty() ? 200 : 422, "log_accesses", page);
}

http::Response my_accesses_page(const RequestContext& ctx) {
  auto in = filter_input(ctx);
  if (!in) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  in->person.clear();  // one's own accesses: no person to choose
  auto view = app::own_accesses(ctx.app.db, ctx.actor, *in, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "access.mine_title"));
  page.set("action", "/mine-oppslag");
  page.set("choose_person", flag(false));
  set_filter(page, *in);
  mustache::data lines(mustache::data::type::list);
  for (const auto& own : view->lines) {
    auto item = line_data(ctx, own.access);
    item.set("log_number", std::to_string(own.log.value));
    item.set("can_read", flag(own.can_read));
    if (own.can_read) {
      item.set("log_url", log_url(own.log));
      item.set("child_name", own.child_given_name);
    }
    push_moved(lines, std::move(item));
  }
  page.set("has_lines", flag(!view->lines.empty()));
  set_moved(page, "lines", std::move(lines));
  if (view->older) page.set("older_url", older_url("/mine-oppslag", *in, *view->older));
  set_errors(ctx, page, view->errors);
  return page_response(ctx, view->errors.empty() ? 200 : 422, "my_accesses", page);
}

http::Response api_log_accesses(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto in = filter_input(ctx);
  if (!in) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto view = app::log_accesses(ctx.app.db, ctx.actor, domain::LogId{*id}, *in, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  if (!view->errors.empty()) return field_errors_response(ctx, view->errors);
  json::array accesses;
  for (const auto& a : view->lines) accesses.push_back(line_json(a));
  json::array people;
  for (const auto& p : view->people) people.push_back(json::object{{"id", p.id.value}, {"name", p.name}});
  json::object body{{"accesses", std::move(accesses)}, {"people", std::move(people)}};
  if (view->older) body["older_before"] = *view->older;
  return json_response(200, body);
}

http::Response api_my_accesses(const RequestContext& ctx) {
  const auto in = filter_input(ctx);
  if (!in) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto view = app::own_accesses(ctx.app.db, ctx.actor, *in, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  if (!view->errors.empty()) return field_errors_response(ctx, view->errors);
  json::array accesses;
  for (const auto& own : view->lines) {
    auto o = line_json(own.access);
    o["log"] = own.log.value;
    o["can_read"] = own.can_read;
    if (own.can_read) o["child_given_name"] = own.child_given_name;
    accesses.push_back(std::move(o));
  }
  json::object body{{"accesses", std::move(accesses)}};
  if (view->older) body["older_before"] = *view->older;
  return json_response(200, body);
}

boost::json::object access_json(const app::AccessLine& access) { return line_json(access); }

}  // namespace stafett::web::pages
