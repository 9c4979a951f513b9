#include "web/pipeline.h"

#include <spdlog/spdlog.h>

#include "policy/policy.h"
#include "web/respond.h"

namespace stafett::web {

Pipeline::Pipeline(const AppContext& app, std::span<const Route> routes) : app_(app) {
  for (const Route& route : routes) {
    router_.add(route.method, std::string(route.pattern), &route);
  }
}

http::Response Pipeline::handle(const http::Request& request) const {
  const auto cookie = request.cookie(kLocaleCookie);
  const Locale locale = choose_locale(cookie ? std::optional<std::string_view>(*cookie) : std::nullopt,
                                      request.header("accept-language"));
  // 1. The transport refused the path ("..", encoded slashes): nothing to find.
  if (request.path_refused) return error_response(app_, request, locale, 404);

  // 2. Route.
  auto outcome = router_.match(request.method, request.segments);
  if (std::holds_alternative<http::Router<const Route*>::NotFound>(outcome)) {
    return error_response(app_, request, locale, 404);
  }
  if (auto* not_allowed = std::get_if<http::Router<const Route*>::MethodNotAllowed>(&outcome)) {
    auto r = error_response(app_, request, locale, 405);
    r.add_header("Allow", not_allowed->allow);
    return r;
  }
  auto& match = std::get<http::Router<const Route*>::Match>(outcome);
  const Route& route = **match.target;

  // 3. Who is asking, and may they attempt this at all (before any data is read)?
  RequestContext ctx{request, match.params, app_, locale, policy::Actor{}};
  http::Response response;
  if (!policy::may_attempt(ctx.actor, route.action)) {
    response = error_response(app_, request, locale, 403);
  } else {
    // 4. The handler. Anything it throws becomes the 500 page, never a trace.
    try {
      response = route.handler(ctx);
    } catch (const std::exception& e) {
      spdlog::error("request {}: {} failed: {}", request.request_id, route.pattern, e.what());
      response = error_response(app_, request, locale, 500);
    }
  }
  response.route = std::string(route.pattern);
  return response;
}

}  // namespace stafett::web
