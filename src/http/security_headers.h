#pragma once
// The one place that decides the security and caching headers of every
// response, including the ones the server makes itself (400, 413, 431...).
#include <string>
#include <string_view>
#include <vector>

#include "http/response.h"

namespace stafett::http {

// Content-Security-Policy: only our own origin, no inline script or style, no
// framing, no plugins. Designsystemet's icons are data: URLs, hence img-src.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// The policy above with more origins ("https://idporten.no") in form-action.
// Why: browsers check form-action on the redirects after a form POST too, and
// POST /logg-ut ends with a redirect to the identity provider's logout page.
std::string content_security_policy(const std::vector<std::string>& form_action_origins);

// `policy` with frame-ancestors allowing exactly `origins` instead of none.
std::string with_frame_ancestors(std::string policy, const std::vector<std::string>& origins);

// Adds the headers to `headers` (name, value pairs) for a response with `cache`.
// With `framing_allowed` the X-Frame-Options header is left out, and the
// policy's frame-ancestors decides alone (X-Frame-Options has no allow-list).
void add_security_headers(Headers& headers, CachePolicy cache,
                          std::string_view content_security_policy = kContentSecurityPolicy,
                          bool framing_allowed = false);

}  // namespace stafett::http
