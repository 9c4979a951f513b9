// Login with an identity provider (OpenID Connect authorization code flow):
//   GET /logg-inn/innbygger, /logg-inn/ansatt  start: a login attempt bound to
//       the pre-login cookie, then 303 to the provider (PKCE S256, state, nonce)
//   GET /innlogging/tilbake  the provider's answer: consume the attempt once,
//       redeem the code, validate the id_token, identify the person, and only
//       then a new session
//   GET /innlogging/frontkanal?iss=..&sid=..  front-channel logout (no cookie)
//   GET /logg-inn/fornye?tilbake=..  renew the login of the current session
//       (prompt=login, max_age=0) before an act that needs a recent one; the
//       answer must carry a fresh auth_time and the same person, and the
//       session is replaced by a new one
// Nothing here writes a code, token, state or session id to the log.
#include <spdlog/spdlog.h>

#include "app/login_attempts.h"
#include "app/login_identity.h"
#include "auth/pkce.h"
#include "http/query.h"
#include "web/pages/pages.h"
#include "web/respond.h"
#include "web/return_path.h"
#include "web/routes.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;


// A page that explains why the login ended here (all text from the catalogs).
http::Response outcome_page(const RequestContext& ctx, int status, std::string_view title_key,
                            std::string_view message_key) {
  mustache::data page(mustache::data::type::object);
  page.set("title", ctx.app.catalogs.text(ctx.locale, title_key));
  page.set("message", ctx.app.catalogs.text(ctx.locale, message_key));
  auto r = page_response(ctx, status, "login_outcome", page);
  r.add_header("Set-Cookie", cleared_host_cookie(kPreLoginCookie));
  return r;
}

http::Response clear_session(http::Response r) {
  r.add_header("Set-Cookie", cleared_host_cookie(kSessionCookie));
  return r;
}

// Someone other than the session's person logged in when asked to renew (a
// shared computer): the session that asked ends too, nobody stays logged in.
http::Response renewal_by_someone_else(const RequestContext& ctx, std::optional<std::int64_t> still_live) {
  spdlog::warn("request {}: renewal answered for another person; session ended", ctx.request.request_id);
  if (still_live) {
    if (auto e = app::end_session(ctx.app.db, *still_live, ctx.app.clock); !e) return failure_response(ctx, e.error());
  }
  return clear_session(outcome_page(ctx, 403, "renew.other_person_title", "renew.other_person"));
}

http::Response failed(const RequestContext& ctx, std::string_view why) {
  spdlog::warn("request {}: login not completed: {}", ctx.request.request_id, why);
  return outcome_page(ctx, 400, "login.failed_title", "login.failed");
}

bool well_formed_browser_token(std::string_view token) {
  return token.size() == 43 && token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
                                   std::string_view::npos;
}

std::string return_path_from_query(const RequestContext& ctx) {
  if (auto fields = http::parse_query(ctx.request.query)) {
    if (auto value = http::find_field(*fields, "tilbake")) return safe_return_path(*value);
  }
  return "/logger";
}

// A login attempt bound to this browser's pre-login cookie, then 303 to the
// provider. `renews`: the live session whose login is being renewed.
http::Response start_login(const RequestContext& ctx, const auth::RelyingParty& provider, policy::ActorKind kind,
                           std::optional<std::int64_t> renews) {
  // One pre-login cookie per browser, so logins started in two tabs both work.
  std::string browser;
  if (auto existing = ctx.request.cookie(kPreLoginCookie); existing && well_formed_browser_token(*existing)) {
    browser = *existing;
  } else {
    browser = auth::random_token();
  }
  app::LoginAttempt attempt{kind, auth::random_token(), auth::make_code_verifier(), return_path_from_query(ctx),
                            renews, {}};
  const std::string state = auth::random_token();
  if (auto r = app::begin_login(ctx.app.db, state, browser, attempt, ctx.app.clock); !r) {
    return failure_response(ctx, r.error());
  }
  const std::string url = provider.authorization_url({state, attempt.nonce,
                                                      auth::code_challenge_s256(attempt.code_verifier),
                                                      std::string(locale_code(ctx.locale)), renews.has_value()});
  http::Response r = http::Response::text(303, "");
  r.add_header("Location", url);
  r.add_header("Set-Cookie", host_cookie(kPreLoginCookie, browser));
  return r;
}

http::Response start_fresh_login(const RequestContext& ctx, policy::ActorKind kind) {
  auth::RelyingParty* provider = ctx.app.login ? ctx.app.login->for_kind(kind) : nullptr;
  if (provider == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  return start_login(ctx, *provider, kind, std::nullopt);
}

}  // namespace

http::Response start_citizen_login(const RequestContext& ctx) {
  return start_fresh_login(ctx, policy::ActorKind::kCitizen);
}
http::Response start_employee_login(const RequestContext& ctx) {
  return start_fresh_login(ctx, policy::ActorKind::kEmployee);
}

http::Response renew_login(const RequestContext& ctx) {
  if (!ctx.session) return http::Response::redirect("/logg-inn");
  if (ctx.session->provider_issuer) {
    auth::RelyingParty* provider = ctx.app.login ? ctx.app.login->for_issuer(*ctx.session->provider_issuer) : nullptr;
    if (provider == nullptr) return failed(ctx, "the session's provider is no longer configured");
    return start_login(ctx, *provider, ctx.session->actor.kind, ctx.session->id);
  }
  // A demo session (only `serve --demo` makes them): the persona confirms.
  if (!ctx.app.demo) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  mustache::data page(mustache::data::type::object);
  page.set("title", ctx.app.catalogs.text(ctx.locale, "renew.title"));
  page.set("back", return_path_from_query(ctx));
  page.set("name", ctx.session->display_name);
  return page_response(ctx, 200, "renew_login", page);
}

http::Response login_callback(const RequestContext& ctx) {
  if (ctx.app.login == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto fields = http::parse_query(ctx.request.query);
  if (!fields) return failed(ctx, "malformed query");
  const auto state = http::find_field(*fields, "state");
  const auto code = http::find_field(*fields, "code");
  const auto error = http::find_field(*fields, "error");
  const auto iss = http::find_field(*fields, "iss");
  const auto browser = ctx.request.cookie(kPreLoginCookie);
  if (!state || !browser) return failed(ctx, "no state or no pre-login cookie");
  // The attempt is consumed first, whatever the answer: a state works once.
  auto attempt = app::finish_login(ctx.app.db, std::string(*state), *browser, ctx.app.clock);
  if (!attempt) return failure_response(ctx, attempt.error());
  if (!*attempt) return failed(ctx, "unknown, used, expired or foreign state");
  if (error) return failed(ctx, "the provider answered with an error");
  if (!code || code->empty()) return failed(ctx, "no code");
  auth::RelyingParty* provider = ctx.app.login->for_kind((*attempt)->kind);
  if (provider == nullptr) return failed(ctx, "provider no longer configured");
  // RFC 9207: the answer names its issuer; a mix-up with another provider is refused.
  if (iss && *iss != provider->issuer()) return failed(ctx, "iss parameter of another issuer");
  const std::optional<std::int64_t> renews = (*attempt)->renews_session;
  // A renewal answers for the session that asked, in the browser that holds it.
  if (renews && (!ctx.session || ctx.session->id != *renews)) return failed(ctx, "renewal for another session");
  std::optional<std::chrono::sys_seconds> authenticated_after;
  if (renews) authenticated_after = std::chrono::floor<std::chrono::seconds>((*attempt)->started_at);
  auto login = provider->redeem(std::string(*code), (*attempt)->code_verifier, (*attempt)->nonce, authenticated_after);
  if (!login) {
    if (login.error().code == Errc::kUnavailable) return failure_response(ctx, login.error());
    return failed(ctx, login.error().detail);
  }
  const auto& claims = login->claims;
  const policy::ActorKind kind = (*attempt)->kind;
  Result<app::LoginIdentity> identity = app::LoginIdentity{};
  if (kind == policy::ActorKind::kCitizen) {
    identity = app::identify_citizen(ctx.app.db, ctx.app.keys, claims.national_id);
  } else {
    if (!claims.tenant_id || !claims.object_id) return failed(ctx, "employee id_token without tid or oid");
    identity = app::identify_employee(ctx.app.db,
                                      {claims.issuer, app::entra_subject(*claims.tenant_id, *claims.object_id),
                                       claims.tenant_id, ctx.app.login->allowed_tenants},
                                      ctx.app.clock);
  }
  if (!identity) return failure_response(ctx, identity.error());
  if (identity->refusal != app::LoginRefusal::kNone || !identity->person) {
    spdlog::info("request {}: login refused: {}", ctx.request.request_id, app::login_refusal_name(identity->refusal));
    if (renews) return renewal_by_someone_else(ctx, *renews);
    if (kind == policy::ActorKind::kCitizen) return outcome_page(ctx, 200, "login.nothing_title", "login.nothing_to_show");
    return outcome_page(ctx, 403, "login.refused_title", "login.employee_refused");
  }
  app::VerifiedLoginSession verified{*identity->person, kind, claims.issuer, claims.session_id, login->id_token, {}};
  if (claims.auth_time) verified.authenticated_at = TimePoint(*claims.auth_time);
  verified.assurance = claims.acr.value_or("");
  Result<app::NewSession> session = make_error(Errc::kInternal, "no session");
  if (renews) {
    auto renewed = app::renew_session(ctx.app.db, ctx.app.keys, *renews, verified, ctx.app.clock, ctx.app.sessions);
    if (!renewed && renewed.error().code == Errc::kNotFound) return failed(ctx, "the renewed session ended meanwhile");
    if (!renewed) return failure_response(ctx, renewed.error());
    if (!*renewed) return renewal_by_someone_else(ctx, std::nullopt);
    session = std::move(**renewed);
  } else {
    // A login replaces whatever session this browser had.
    if (ctx.session) {
      if (auto e = app::end_session(ctx.app.db, ctx.session->id, ctx.app.clock); !e) return failure_response(ctx, e.error());
    }
    session = app::start_session(ctx.app.db, ctx.app.keys, verified, ctx.app.clock, ctx.app.sessions);
  }
  if (!session) {
    if (session.error().code == Errc::kForbidden) {
      return kind == policy::ActorKind::kCitizen
                 ? outcome_page(ctx, 200, "login.nothing_title", "login.nothing_to_show")
                 : outcome_page(ctx, 403, "login.refused_title", "login.employee_refused");
    }
    return failure_response(ctx, session.error());
  }
  // A new session id at login; the pre-login cookie is cleared (and its attempts are used up).
  auto r = http::Response::redirect((*attempt)->return_path);
  r.add_header("Set-Cookie", host_cookie(kSessionCookie, session->token));
  r.add_header("Set-Cookie", cleared_host_cookie(kPreLoginCookie));
  return r;
}

http::Response front_channel_logout(const RequestContext& ctx) {
  // Found by (iss, sid), never by cookie: the provider's iframe does not carry ours.
  if (ctx.app.login != nullptr) {
    if (auto fields = http::parse_query(ctx.request.query)) {
      const auto iss = http::find_field(*fields, "iss");
      const auto sid = http::find_field(*fields, "sid");
      if (iss && sid && !sid->empty() && ctx.app.login->for_issuer(*iss) != nullptr) {
        auto ended = app::end_provider_sessions(ctx.app.db, std::string(*iss), std::string(*sid), ctx.app.clock);
        if (!ended) return failure_response(ctx, ended.error());
        if (*ended > 0) spdlog::info("request {}: front-channel logout ended {} session(s)", ctx.request.request_id, *ended);
      }
    }
  }
  auto r = http::Response::html(200, "<!doctype html><html lang=\"nb\"><head><title>-</title></head><body></body></html>");
  r.cache = http::CachePolicy::kNoStore;
  // The providers show this page in an iframe; only they may.
  if (ctx.app.login != nullptr) {
    for (const auto* rp : {ctx.app.login->citizen.get(), ctx.app.login->employee.get()}) {
      if (rp == nullptr) continue;
      const std::string& issuer = rp->issuer();
      const auto scheme_end = issuer.find("://");
      const auto path = scheme_end == std::string::npos ? std::string::npos : issuer.find('/', scheme_end + 3);
      if (scheme_end != std::string::npos) r.frame_ancestors.push_back(issuer.substr(0, path));
    }
  }
  return r;
}

}  // namespace stafett::web::pages
