#pragma once
// Page and API handlers. Each is thin: read the request, call one app/ use
// case, map the result to a view, render. Listed with their policies in routes.cc.
#include "http/response.h"
#include "web/app_context.h"

namespace stafett::web::pages {

http::Response start_page(const RequestContext& ctx);
http::Response choose_language(const RequestContext& ctx);
http::Response static_asset(const RequestContext& ctx);
http::Response healthz(const RequestContext& ctx);
http::Response readyz(const RequestContext& ctx);
http::Response api_municipalities(const RequestContext& ctx);

}  // namespace stafett::web::pages
