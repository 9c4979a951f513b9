#include "web/respond.h"

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <spdlog/spdlog.h>

#include "http/query.h"

namespace stafett::web {
namespace {

namespace mustache = kainjow::mustache;

// The current path, re-encoded from the validated segments: used as the
// "come back here" value in language links.
std::string current_path(const http::Request& request) {
  std::string path;
  for (const auto& segment : request.segments) {
    path += '/';
    path += boost::urls::encode(segment, boost::urls::unreserved_chars);
  }
  return path.empty() ? "/" : path;
}

std::string_view error_code_name(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "not_logged_in";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 409: return "conflict";
    case 413: return "payload_too_large";
    case 503: return "unavailable";
    default: return "internal_error";
  }
}

}  // namespace

mustache::data common_page_data(const AppContext& app, const http::Request& request, Locale locale,
                                const std::optional<app::SessionInfo>& session) {
  mustache::data d(mustache::data::type::object);
  if (session) {
    mustache::data s(mustache::data::type::object);
    s.set("name", session->display_name);
    s.set("csrf", session->csrf_token);
    s.set("employee", session->actor.kind == policy::ActorKind::kEmployee ? mustache::data::type::bool_true
                                                                           : mustache::data::type::bool_false);
    d.set("session", s);
  }
  d.set("lang", std::string(locale_code(locale)));
  d.set("request_id", request.request_id);
  mustache::data assets(mustache::data::type::object);
  assets.set("designsystemet_css", app.static_files.url_for("vendor/designsystemet.css"));
  assets.set("theme_css", app.static_files.url_for("vendor/designsystemet-theme.css"));
  assets.set("app_css", app.static_files.url_for("css/app.css"));
  assets.set("favicon", app.static_files.url_for("favicon.svg"));
  d.set("assets", assets);
  const std::string back = boost::urls::encode(current_path(request), boost::urls::unreserved_chars);
  mustache::data languages(mustache::data::type::list);
  for (Locale l : kAllLocales) {
    mustache::data item(mustache::data::type::object);
    const std::string code(locale_code(l));
    item.set("code", code);
    item.set("name", app.catalogs.text(l, "language.native_name." + code));
    item.set("href", "/sprak/" + code + "?tilbake=" + back);
    item.set("current", l == locale ? mustache::data::type::bool_true : mustache::data::type::bool_false);
    languages.push_back(item);
  }
  d.set("languages", languages);
  return d;
}

http::Response page_response(const RequestContext& ctx, int status, std::string_view page,
                             const mustache::data& page_data) {
  const auto common = common_page_data(ctx.app, ctx.request, ctx.locale, ctx.session);
  auto html = ctx.app.renderer.render_page(page, ctx.locale, page_data, common);
  if (!html) {
    spdlog::error("request {}: rendering {} failed: {}", ctx.request.request_id, page, html.error().detail);
    return error_response(ctx.app, ctx.request, ctx.locale, 500);
  }
  return http::Response::html(status, std::move(*html));
}

http::Response json_response(int status, const boost::json::value& body) {
  return http::Response::json(status, boost::json::serialize(body));
}

http::Response error_response(const AppContext& app, const http::Request& request, Locale locale,
                              int status) {
  const std::string key = "error." + std::to_string(status);
  if (request.wants_json()) {
    return json_response(status, {{"error",
                                   {{"status", status},
                                    {"code", error_code_name(status)},
                                    {"message", app.catalogs.text(locale, key + ".title")},
                                    {"request_id", request.request_id}}}});
  }
  mustache::data d(mustache::data::type::object);
  d.set("status", std::to_string(status));
  d.set("title", app.catalogs.text(locale, key + ".title"));
  d.set("message", app.catalogs.text(locale, key + ".message"));
  if (status >= 500) d.set("show_request_id", mustache::data::type::bool_true);
  const auto common = common_page_data(app, request, locale);
  auto html = app.renderer.render_page("error", locale, d, common);
  if (!html) return http::Response::text(status, app.catalogs.text(locale, key + ".title"));
  return http::Response::html(status, std::move(*html));
}

std::string kommune_param(const RequestContext& ctx) {
  const auto it = ctx.params.find("kommune");
  return it == ctx.params.end() ? std::string() : it->second;
}

std::optional<std::int64_t> id_param(const RequestContext& ctx, std::string_view name) {
  auto it = ctx.params.find(name);
  if (it == ctx.params.end() || it->second.empty() || it->second.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

std::optional<std::optional<domain::EntryKind>> entry_kind_query(const RequestContext& ctx, std::string_view name) {
  auto fields = http::parse_query(ctx.request.query);
  if (!fields) return std::nullopt;
  const auto value = http::find_field(*fields, name);
  if (!value || value->empty()) return std::optional<domain::EntryKind>{};
  auto kind = domain::entry_kind_from_code(*value);
  if (!kind) return std::nullopt;
  return std::optional<domain::EntryKind>{*kind};
}

http::Response failure_response(const RequestContext& ctx, const Error& error) {
  if (error.code == Errc::kInternal || error.code == Errc::kUnavailable) {
    spdlog::error("request {}: {} ({})", ctx.request.request_id, error.detail, errc_name(error.code));
  }
  return error_response(ctx.app, ctx.request, ctx.locale, status_for(error.code));
}

int status_for(Errc code) {
  switch (code) {
    case Errc::kNotFound: return 404;
    case Errc::kForbidden: return 403;
    case Errc::kInvalidInput: return 400;
    case Errc::kConflict: return 409;
    case Errc::kUnavailable: return 503;
    case Errc::kInternal: return 500;
  }
  return 500;
}

}  // namespace stafett::web
