// GET /sprak/{code}?tilbake=/path: remember the chosen language in a cookie
// and go back. A GET because it is a plain link that works without script;
// it changes only a display preference.
#include "http/query.h"
#include "web/pages/pages.h"
#include "web/respond.h"
#include "web/return_path.h"

namespace stafett::web::pages {

http::Response choose_language(const RequestContext& ctx) {
  const auto locale = locale_from_code(ctx.params.at("code"));
  if (!locale) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  std::string back = "/";
  if (auto fields = http::parse_query(ctx.request.query)) {
    if (auto value = http::find_field(*fields, "tilbake")) back = safe_return_path(*value);
  }
  auto r = http::Response::redirect(back);
  r.add_header("Set-Cookie", std::string(kLocaleCookie) + "=" + std::string(locale_code(*locale)) +
                                 "; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
  return r;
}

}  // namespace stafett::web::pages
