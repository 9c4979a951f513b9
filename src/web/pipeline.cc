#include "web/pipeline.h"

#include "app/admin_use_cases.h"

#include <spdlog/spdlog.h>

#include "http/form_urlencode.h"
#include "policy/policy.h"
#include "web/respond.h"

namespace stafett::web {
namespace {

bool is_unsafe(http::Method m) {
  return m != http::Method::kGet && m != http::Method::kHead && m != http::Method::kOptions;
}

// Compares secrets without an early exit, so timing tells nothing.
bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// Routes that never need to know who is asking, so they skip the session look-up.
bool needs_no_session(policy::Action action) {
  return action == policy::Action::kReadStaticAsset || action == policy::Action::kCheckHealth;
}

// "/a/b" from decoded segments; only used for our own route paths, which
// are plain ASCII (a return path is checked again by safe_return_path).
std::string join_path(const std::vector<std::string>& segments, std::size_t count) {
  std::string path;
  for (std::size_t i = 0; i < count; ++i) path += "/" + segments[i];
  return path.empty() ? "/" : path;
}

}  // namespace

std::string Pipeline::page_to_return_to(const http::Request& request) const {
  if (request.method == http::Method::kGet || request.method == http::Method::kHead) {
    std::string back = join_path(request.segments, request.segments.size());
    if (!request.query.empty()) back += "?" + request.query;
    return back;
  }
  // A form was posted: back to its own page, or the nearest page above it
  // ("/logger/7/samtykker/3/trekk-tilbake" -> "/logger/7"), where the person
  // can do it again once renewed.
  for (std::size_t n = request.segments.size(); n > 0; --n) {
    const std::vector<std::string> above(request.segments.begin(),
                                         request.segments.begin() + static_cast<std::ptrdiff_t>(n));
    if (std::holds_alternative<http::Router<const Route*>::Match>(router_.match(http::Method::kGet, above))) {
      return join_path(request.segments, n);
    }
  }
  return "/";
}

void Pipeline::allow_embedding(const http::Request& request, const http::PathParams& params,
                               http::Response& response) const {
  // The answer depends on the Origin, so caches must keep them apart.
  response.add_header("Vary", "Origin");
  const auto origin = request.header("origin");
  const auto kommune = params.find("kommune");
  if (!origin || kommune == params.end() || response.status != 200) return;
  auto allowed = app::may_embed(app_.db, kommune->second, *origin);
  if (!allowed || !*allowed) return;
  response.add_header("Access-Control-Allow-Origin", std::string(*origin));
}

http::Response Pipeline::renewal_needed(const http::Request& request, Locale locale) const {
  if (request.wants_json()) {
    // An API client decides itself where to go on; the browser lands on the list.
    return json_response(401, {{"error",
                                {{"status", 401},
                                 {"code", "recent_login_required"},
                                 {"message", app_.catalogs.text(locale, "renew.json_message")},
                                 {"renew_url", "/logg-inn/fornye"},
                                 {"request_id", request.request_id}}}});
  }
  return http::Response::redirect("/logg-inn/fornye?" + http::form_urlencode({{"tilbake", page_to_return_to(request)}}));
}

#ifdef STAFETT_BENCH_WITHOUT_ACCESS_RECORDS
namespace {
// Only in a benchmark build (bench/README.md, `make bench-recording`): the
// baseline the recorded log page is measured against. It records nothing
// and allows everything, so such a binary must never serve real data.
class DiscardingTrail final : public app::AccessTrail {
 public:
  app::PendingAccess record_soon(domain::AccessRecord) override {
    return app::PendingAccess([] { return Result<void>(); });
  }
  Result<void> record_in(store::Transaction&, domain::AccessRecord) override { return {}; }
};
DiscardingTrail discarding_trail;
}  // namespace
#endif

Pipeline::Pipeline(const AppContext& app, std::span<const Route> routes) : app_(app) {
#ifdef STAFETT_BENCH_WITHOUT_ACCESS_RECORDS
  spdlog::warn("BENCHMARK BUILD: access records are switched off; never serve real data with this binary");
#endif
  for (const Route& route : routes) {
    if (route.option == RouteOption::kDemoOnly && !app.demo) continue;  // without --demo the route does not exist
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
  auto finish = [&](http::Response r) {
    r.route = std::string(route.pattern);
    return r;
  };

  RequestContext ctx{request, match.params, app_, locale, policy::Actor{}, std::nullopt, {}};

  // 3. Who is asking: the session named by the cookie, if it is still live.
  if (!needs_no_session(route.action)) {
    if (auto token = request.cookie(kSessionCookie)) {
      auto session = app::resume_session(app_.db, *token, app_.clock, app_.sessions);
      if (!session) return finish(error_response(app_, request, locale, status_for(session.error().code)));
      if (*session) {
        ctx.session = **session;
        ctx.actor = ctx.session->actor;
      }
    }
  }

  // Accesses to a child's data during this request are recorded on the
  // session's trail (app/access_trail.h); without an access log, none may happen.
  std::optional<app::SessionAccessTrail> trail;
#ifdef STAFETT_BENCH_WITHOUT_ACCESS_RECORDS
  if (ctx.session) ctx.access = &discarding_trail;
#else
  if (ctx.session && app_.access_log != nullptr) {
    trail.emplace(*app_.access_log, app::LoginTrace{ctx.session->token_hash,
                                                    ctx.session->provider_issuer.value_or("demo"),
                                                    ctx.session->assurance});
    ctx.access = &*trail;
  }
#endif

  // 4. State changes need a form body we can read and the CSRF token that
  //    only our own pages know (the session's, or the login form's cookie).
  if (is_unsafe(request.method)) {
    const auto type = request.header("content-type");
    if (type && type->starts_with("application/x-www-form-urlencoded")) {
      auto form = http::parse_form_body(request.body);
      if (!form) return finish(error_response(app_, request, locale, 400));
      ctx.form = std::move(*form);
    }
    std::string_view provided;
    if (auto field = http::find_field(ctx.form, kCsrfField)) {
      provided = *field;
    } else if (auto header = request.header("x-csrf-token")) {
      provided = *header;
    }
    std::optional<std::string> login_cookie;
    std::string_view expected;
    if (ctx.session) {
      expected = ctx.session->csrf_token;
    } else if ((login_cookie = request.cookie(kLoginCsrfCookie))) {
      expected = *login_cookie;
    }
    if (!same_secret(provided, expected)) return finish(error_response(app_, request, locale, 403));
  }

  // 5. May this actor attempt this at all (before any data is read)?
  if (!policy::may_attempt(ctx.actor, route.action)) {
    if (ctx.actor.kind == policy::ActorKind::kAnonymous) {
      if (request.wants_json()) return finish(error_response(app_, request, locale, 401));
      return finish(http::Response::redirect("/logg-inn"));
    }
    return finish(error_response(app_, request, locale, 403));
  }

  // 6. Acts that need a recent proof of identity (consent on someone else's
  //    behalf, adding a participant, exporting a whole log): a login older
  //    than SessionLimits::recent_login is renewed first, before any handler.
  if (route.option == RouteOption::kRecentLogin &&
      (!ctx.session || !app::recently_authenticated(*ctx.session, app_.clock.now(), app_.sessions))) {
    return finish(renewal_needed(request, locale));
  }

  // 7. The handler. Anything it throws becomes the 500 page, never a trace.
  try {
    auto response = route.handler(ctx);
    // 8. Public JSON the municipality lets its own web sites embed: CORS for
    //    the origins it configured, never with credentials.
    if (route.option == RouteOption::kEmbeddable) allow_embedding(request, match.params, response);
    return finish(std::move(response));
  } catch (const std::exception& e) {
    spdlog::error("request {}: {} failed: {}", request.request_id, route.pattern, e.what());
    return finish(error_response(app_, request, locale, 500));
  }
}

}  // namespace stafett::web
