// GET /static/{*path}: files from web/static, looked up in memory (see
// http/static_files.h for why no path can escape the folder).
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {

http::Response static_asset(const RequestContext& ctx) {
  auto served = ctx.app.static_files.serve(ctx.params.at("path"), ctx.request);
  if (!served) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  return std::move(*served);
}

}  // namespace stafett::web::pages
