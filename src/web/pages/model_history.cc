// The samhandlingsmodell's history for its editors: every saved version, and
// one version compared field by field with the one before it.
#include <boost/json/array.hpp>

#include "app/model_history.h"
#include "core/oslo_time.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

std::string item_name(const domain::ModelChange& c) {
  auto name = domain::snapshot_value(c.snapshot, "name");
  return name.empty() ? domain::snapshot_value(c.snapshot, "title") : name;
}

mustache::data change_data(const RequestContext& ctx, const domain::ModelChange& c, const std::string& kommune) {
  mustache::data d(mustache::data::type::object);
  d.set("href", "/kommune/" + kommune + "/samhandling/historikk/" + std::to_string(c.id));
  d.set("kind_name", text(ctx, "model.kind." + std::string(domain::model_kind_code(c.kind))));
  d.set("item_name", item_name(c));
  d.set("version", std::to_string(c.version));
  d.set("saved_at", format_time(c.saved_at));
  d.set("saved_by", c.saved_by_name);
  d.set("has_saved_by", flag(!c.saved_by_name.empty()));
  d.set("summary", c.summary);
  d.set("has_summary", flag(!c.summary.empty()));
  return d;
}

json::object change_json(const domain::ModelChange& c) {
  json::object snapshot;
  for (const auto& [k, v] : c.snapshot) snapshot[k] = v;
  return {{"id", c.id},
          {"kind", std::string(domain::model_kind_code(c.kind))},
          {"item_id", c.item},
          {"version", c.version},
          {"summary", c.summary},
          {"saved_at", format_time(c.saved_at)},
          {"saved_by", c.saved_by_name},
          {"snapshot", snapshot}};
}

}  // namespace

// GET /kommune/{kommune}/samhandling/historikk
http::Response model_history_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto history = app::model_history(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!history) return failure_response(ctx, history.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "model.history.title") + " – " + history->municipality.name);
  page.set("municipality_name", history->municipality.name);
  page.set("catalogue_href", "/kommune/" + kommune + "/tjenester");
  mustache::data items(mustache::data::type::list);
  for (const auto& c : history->changes) push_moved(items, change_data(ctx, c, kommune));
  page.set("has_changes", flag(!history->changes.empty()));
  set_moved(page, "changes", std::move(items));
  return page_response(ctx, 200, "model_history", page);
}

// GET /kommune/{kommune}/samhandling/historikk/{change}
http::Response model_change_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto id = id_param(ctx, "change");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::model_change_view(ctx.app.db, ctx.actor, kommune, *id, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  auto page = change_data(ctx, view->change, kommune);
  page.set("title", text(ctx, "model.history.version") + " " + std::to_string(view->change.version) + " – " +
                        item_name(view->change));
  page.set("history_href", "/kommune/" + kommune + "/samhandling/historikk");
  page.set("first", flag(!view->previous));
  mustache::data diffs(mustache::data::type::list);
  for (const auto& d : view->diffs) {
    mustache::data item(mustache::data::type::object);
    item.set("field_name", text(ctx, "model.field." + d.field));
    mustache::data lines(mustache::data::type::list);
    for (const auto& l : d.lines) {
      mustache::data line(mustache::data::type::object);
      line.set("line", l.text);
      line.set("added", flag(l.kind == domain::DiffLine::Kind::kAdded));
      line.set("removed", flag(l.kind == domain::DiffLine::Kind::kRemoved));
      line.set("same", flag(l.kind == domain::DiffLine::Kind::kSame));
      push_moved(lines, std::move(line));
    }
    set_moved(item, "lines", std::move(lines));
    push_moved(diffs, std::move(item));
  }
  page.set("has_diffs", flag(!view->diffs.empty()));
  set_moved(page, "diffs", std::move(diffs));
  return page_response(ctx, 200, "model_change", page);
}

// GET /api/v1/municipalities/{kommune}/model/history
http::Response api_model_history(const RequestContext& ctx) {
  auto history = app::model_history(ctx.app.db, ctx.actor, kommune_param(ctx), ctx.app.clock);
  if (!history) return failure_response(ctx, history.error());
  json::array items;
  for (const auto& c : history->changes) items.push_back(change_json(c));
  return json_response(200, {{"changes", items}});
}

// GET /api/v1/municipalities/{kommune}/model/history/{change}: the version,
// the one before it, and the fields that differ.
http::Response api_model_change(const RequestContext& ctx) {
  const auto id = id_param(ctx, "change");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::model_change_view(ctx.app.db, ctx.actor, kommune_param(ctx), *id, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  json::array changed;
  for (const auto& d : view->diffs) changed.push_back(json::value(d.field));
  return json_response(200, {{"change", change_json(view->change)},
                             {"previous", view->previous ? json::value(change_json(*view->previous)) : json::value()},
                             {"changed_fields", changed}});
}

}  // namespace stafett::web::pages
