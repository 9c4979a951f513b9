// GET /api/v1/municipalities: the JSON form of the start page's list.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/public_overview.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {

http::Response api_municipalities(const RequestContext& ctx) {
  auto overview = app::load_public_overview(ctx.app.db);
  if (!overview) return error_response(ctx.app, ctx.request, ctx.locale, status_for(overview.error().code));
  boost::json::array items;
  for (const auto& m : overview->municipalities) {
    items.push_back({{"id", m.id.value}, {"name", m.name}, {"kommunenummer", m.kommunenummer}});
  }
  return json_response(200, {{"municipalities", std::move(items)}});
}

}  // namespace stafett::web::pages
