// GET /: what Stafett is, for whom, and the municipalities served here.
#include "app/public_overview.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {

http::Response start_page(const RequestContext& ctx) {
  auto overview = app::load_public_overview(ctx.app.db);
  if (!overview) return error_response(ctx.app, ctx.request, ctx.locale, status_for(overview.error().code));
  namespace mustache = kainjow::mustache;
  mustache::data municipalities(mustache::data::type::list);
  for (const auto& m : overview->municipalities) {
    mustache::data item(mustache::data::type::object);
    item.set("name", m.name);
    item.set("href", "/kommune/" + m.kommunenummer + "/samhandling");
    municipalities.push_back(item);
  }
  mustache::data page(mustache::data::type::object);
  page.set("has_municipalities", overview->municipalities.empty() ? mustache::data::type::bool_false
                                                                 : mustache::data::type::bool_true);
  page.set("municipalities", municipalities);
  return page_response(ctx, 200, "start", page);
}

}  // namespace stafett::web::pages
