// GET /healthz: the process is alive. GET /readyz: it can reach its database.
// Neither reveals anything beyond that.
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {

http::Response healthz(const RequestContext&) { return json_response(200, {{"status", "ok"}}); }

http::Response readyz(const RequestContext& ctx) {
  if (auto r = ctx.app.db.ping(); !r) return json_response(503, {{"status", "unavailable"}});
  return json_response(200, {{"status", "ready"}});
}

}  // namespace stafett::web::pages
