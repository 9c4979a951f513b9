#pragma once
// THE route table: every route of the application with its method, pattern,
// the policy action it requires, and its handler. A Route cannot be written
// without an Action, and route_inventory_test checks the table as a whole.
#include <span>
#include <string>
#include <string_view>

#include "http/method.h"
#include "http/response.h"
#include "policy/action.h"
#include "web/app_context.h"

namespace stafett::web {

using PageHandler = http::Response (*)(const RequestContext&);

enum class RouteOption {
  kNone,
  kDemoOnly,     // registered only with `serve --demo`
  // The person must have proved who they are within SessionLimits::recent_login
  // (giving or withdrawing consent on someone else's behalf, adding a
  // participant, exporting a whole log); otherwise the pipeline sends them to
  // log in again (/logg-inn/fornye) before the handler runs.
  kRecentLogin,
  // Public JSON a municipality may embed in its own web site: answered with
  // CORS headers for the origins it configured (and no one else).
  kEmbeddable,
};

struct Route {
  http::Method method;
  std::string_view pattern;
  policy::Action action;
  PageHandler handler;
  RouteOption option = RouteOption::kNone;
};

inline constexpr std::string_view kSessionCookie = "__Host-stafett_session";
// Binds a login at an identity provider to the browser that started it.
inline constexpr std::string_view kPreLoginCookie = "__Host-stafett_prelogin";
inline constexpr std::string_view kLoginCsrfCookie = "__Host-stafett_login";
inline constexpr std::string_view kCsrfField = "_csrf";

// Set-Cookie values for those __Host- cookies (Secure, HttpOnly, Path=/), in
// one place so no cookie is ever set without them; a cleared one expires at once.
inline std::string host_cookie(std::string_view name, std::string_view value, std::string_view same_site = "Lax") {
  return std::string(name) + "=" + std::string(value) + "; Path=/; Secure; HttpOnly; SameSite=" + std::string(same_site);
}
inline std::string cleared_host_cookie(std::string_view name, std::string_view same_site = "Lax") {
  return std::string(name) + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=" + std::string(same_site);
}

std::span<const Route> route_table();

}  // namespace stafett::web
