#pragma once
// Pipeline: the web layer's one entry point, a function from a Request to a
// Response (Beast's handle_request). The order is fixed and written out in
// handle(), with no hooks: path check, language, route match, actor, policy
// gate, handler, error pages. Nothing else decides how a request is treated.
// Thread-safety: handle() is const and safe to call from many threads.
#include "http/response.h"
#include "http/router.h"
#include "web/app_context.h"
#include "web/routes.h"

namespace stafett::web {

class Pipeline {
 public:
  // Throws std::invalid_argument for a malformed route table (start-up only).
  // `routes` is the application's table; tests may pass their own.
  explicit Pipeline(const AppContext& app, std::span<const Route> routes = route_table());

  http::Response handle(const http::Request& request) const;

  const http::Router<const Route*>& router() const { return router_; }

 private:
  // Where to come back to after renewing a login (see RouteOption::kRecentLogin).
  std::string page_to_return_to(const http::Request& request) const;
  http::Response renewal_needed(const http::Request& request, Locale locale) const;
  // Adds CORS headers when the request's Origin is one the municipality in the
  // path lets embed its public JSON (RouteOption::kEmbeddable).
  void allow_embedding(const http::Request& request, const http::PathParams& params, http::Response& response) const;

  const AppContext& app_;
  http::Router<const Route*> router_;
};

}  // namespace stafett::web
