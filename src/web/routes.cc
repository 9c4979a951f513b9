#include "web/routes.h"

#include "web/pages/pages.h"

namespace stafett::web {

using http::Method;
using policy::Action;

std::span<const Route> route_table() {
  static constexpr Route kRoutes[] = {
      // Public pages
      {Method::kGet, "/", Action::kViewPublicPage, pages::start_page},
      {Method::kGet, "/sprak/{code}", Action::kChooseLanguage, pages::choose_language},
      {Method::kGet, "/static/{*path}", Action::kReadStaticAsset, pages::static_asset},
      // Operations
      {Method::kGet, "/healthz", Action::kCheckHealth, pages::healthz},
      {Method::kGet, "/readyz", Action::kCheckHealth, pages::readyz},
      // JSON API
      {Method::kGet, "/api/v1/municipalities", Action::kViewPublicPage, pages::api_municipalities},
  };
  return kRoutes;
}

}  // namespace stafett::web
