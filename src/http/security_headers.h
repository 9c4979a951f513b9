#pragma once
// The one place that decides the security and caching headers of every
// response, including the ones the server makes itself (400, 413, 431...).
#include "http/response.h"

namespace stafett::http {

// Content-Security-Policy: only our own origin, no inline script or style, no
// framing, no plugins. Designsystemet's icons are data: URLs, hence img-src.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// Adds the headers to `headers` (name, value pairs) for a response with `cache`.
void add_security_headers(Headers& headers, CachePolicy cache);

}  // namespace stafett::http
