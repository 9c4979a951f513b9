// GET /logg-inn: how to log in. With `serve --demo` it lists the demo
// personas, and a link per configured identity provider (ID-porten for
// citizens, Entra ID for employees); with neither it says plainly that
// login is not available.
// POST /demo/logg-inn and POST /logg-inn/fornye (demo only), POST /logg-ut.
#include "core/random.h"
#include "web/pages/pages.h"
#include "web/respond.h"
#include "web/return_path.h"
#include "web/routes.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;


}  // namespace

http::Response login_page(const RequestContext& ctx) {
  mustache::data page(mustache::data::type::object);
  page.set("demo", ctx.app.demo ? mustache::data::type::bool_true : mustache::data::type::bool_false);
  const bool citizen_provider = ctx.app.login != nullptr && ctx.app.login->citizen != nullptr;
  const bool employee_provider = ctx.app.login != nullptr && ctx.app.login->employee != nullptr;
  auto flag = [](bool b) { return b ? mustache::data::type::bool_true : mustache::data::type::bool_false; };
  page.set("citizen_provider", flag(citizen_provider));
  page.set("employee_provider", flag(employee_provider));
  page.set("any_provider", flag(citizen_provider || employee_provider));
  page.set("no_login", flag(!ctx.app.demo && !citizen_provider && !employee_provider));
  http::Response response;
  if (ctx.app.demo) {
    // The login form is anonymous: its CSRF token lives in a cookie of its own.
    std::string csrf;
    if (auto existing = ctx.request.cookie(kLoginCsrfCookie); existing && existing->size() == 32) {
      csrf = *existing;
    } else {
      csrf = random_hex(16);
    }
    page.set("login_csrf", csrf);
    auto personas = app::demo_personas(ctx.app.db, ctx.app.clock);
    if (!personas) return failure_response(ctx, personas.error());
    mustache::data employees(mustache::data::type::list);
    mustache::data citizens(mustache::data::type::list);
    for (const auto& p : *personas) {
      mustache::data item(mustache::data::type::object);
      item.set("person", std::to_string(p.person.value));
      item.set("name", p.name);
      item.set("description", p.description);
      (p.kind == policy::ActorKind::kEmployee ? employees : citizens).push_back(item);
    }
    page.set("employees", employees);
    page.set("citizens", citizens);
    page.set("title", ctx.app.catalogs.text(ctx.locale, "login.title"));
    response = page_response(ctx, 200, "login", page);
    response.add_header("Set-Cookie", host_cookie(kLoginCsrfCookie, csrf, "Strict"));
    return response;
  }
  page.set("title", ctx.app.catalogs.text(ctx.locale, "login.title"));
  return page_response(ctx, 200, "login", page);
}

http::Response demo_login(const RequestContext& ctx) {
  const auto person = http::find_field(ctx.form, "person");
  const auto kind = http::find_field(ctx.form, "kind");
  if (!person || !kind || (*kind != "employee" && *kind != "citizen") || person->empty() || person->size() > 18 ||
      person->find_first_not_of("0123456789") != std::string_view::npos) {
    return error_response(ctx.app, ctx.request, ctx.locale, 400);
  }
  const domain::PersonId id{std::stoll(std::string(*person))};
  auto session = app::start_demo_session(
      ctx.app.db, id, *kind == "employee" ? policy::ActorKind::kEmployee : policy::ActorKind::kCitizen, ctx.app.clock,
      ctx.app.sessions);
  if (!session) return failure_response(ctx, session.error());
  // A fresh session id at login: any id planted before login is useless.
  auto r = http::Response::redirect("/logger");
  r.add_header("Set-Cookie", host_cookie(kSessionCookie, session->token));
  r.add_header("Set-Cookie", cleared_host_cookie(kLoginCsrfCookie, "Strict"));
  return r;
}

http::Response confirm_demo_renewal(const RequestContext& ctx) {
  if (!ctx.session) return http::Response::redirect("/logg-inn");
  const auto back = http::find_field(ctx.form, "tilbake");
  auto renewed = app::renew_demo_session(ctx.app.db, ctx.session->id, ctx.app.clock, ctx.app.sessions);
  if (!renewed) return failure_response(ctx, renewed.error());
  // As at login: a new session id, the old one is ended.
  auto r = http::Response::redirect(safe_return_path(back ? *back : "/logger"));
  r.add_header("Set-Cookie", host_cookie(kSessionCookie, renewed->token));
  return r;
}

http::Response logout(const RequestContext& ctx) {
  std::optional<std::string> provider_logout;
  if (ctx.session) {
    // Ours first: the session is gone before the browser reaches the provider.
    auto hint = app::provider_logout_hint(ctx.app.db, ctx.app.keys, ctx.session->id);
    if (!hint) return failure_response(ctx, hint.error());
    if (auto r = app::end_session(ctx.app.db, ctx.session->id, ctx.app.clock); !r) return failure_response(ctx, r.error());
    if (*hint && ctx.app.login != nullptr) {
      if (auto* provider = ctx.app.login->for_issuer((*hint)->issuer)) {
        provider_logout = provider->logout_url((*hint)->id_token,
                                               ctx.app.login->public_base_url + std::string(kPostLogoutPath),
                                               random_hex(16));
      }
    }
  }
  http::Response r;
  if (provider_logout) {
    r = http::Response::text(303, "");
    r.add_header("Location", *provider_logout);
  } else {
    r = http::Response::redirect("/");
  }
  r.add_header("Set-Cookie", cleared_host_cookie(kSessionCookie));
  return r;
}

}  // namespace stafett::web::pages
