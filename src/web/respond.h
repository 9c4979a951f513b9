#pragma once
// Turning results into responses, in one place: HTML pages through the
// renderer, JSON bodies, and the friendly error pages (HTML, or JSON when the
// client asked for JSON) that never reveal anything internal.
#include <boost/json/value.hpp>

#include <string_view>

#include "http/response.h"
#include "core/oslo_time.h"
#include "domain/entry.h"
#include "web/app_context.h"

namespace stafett::web {

// Data every page's layout needs: language, asset URLs, language links.
kainjow::mustache::data common_page_data(const AppContext& app, const http::Request& request,
                                         Locale locale, const std::optional<app::SessionInfo>& session = {});

// Parses a positive id from a path parameter; nullopt for anything else.
std::optional<std::int64_t> id_param(const RequestContext& ctx, std::string_view name);
// The path's {kommune} (a kommunenummer as typed; the use cases look it up), or "".
std::string kommune_param(const RequestContext& ctx);

// The kind of entry asked for in query field `name` ("?vis=goal"): an empty
// inner optional when the field is absent or empty (everything), nullopt when
// the query is malformed or names no kind of entry.
std::optional<std::optional<domain::EntryKind>> entry_kind_query(const RequestContext& ctx, std::string_view name);

// The response for a use case's error: the error page (or JSON) with its status.
http::Response failure_response(const RequestContext& ctx, const Error& error);


// Renders `page` inside the layout. On a rendering failure: the 500 page.
http::Response page_response(const RequestContext& ctx, int status, std::string_view page,
                             const kainjow::mustache::data& page_data);

http::Response json_response(int status, const boost::json::value& body);

// The error page for `status` (400, 403, 404, 405, 413, 500, 503), in the
// request's language; JSON {"error": {...}} when the client wants JSON.
http::Response error_response(const AppContext& app, const http::Request& request, Locale locale,
                              int status);

// HTTP status for an error kind.
int status_for(Errc code);

}  // namespace stafett::web
