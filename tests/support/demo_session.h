#pragma once
// A person logged in through the demo login, as the HTTP tests use one: their
// session cookie and CSRF token, and requests that carry both.
#include <cstdint>
#include <string>

#include "support/http_client.h"

namespace stafett::testing {

// The value of cookie `name` set by `r`; empty when it sets none.
std::string cookie_value(const HttpResponse& r, const std::string& name);

struct DemoSession {
  std::uint16_t port = 0;
  std::string cookie;  // "__Host-stafett_session=..."
  std::string csrf;

  HttpResponse get(const std::string& path) const;
  // A form POST with the session's CSRF field first.
  HttpResponse form(const std::string& path, const std::string& body) const;
  // A JSON POST with the X-CSRF-Token header.
  HttpResponse json(const std::string& path, const std::string& body) const;
};

// Logs in demo person `person` ("employee" or "citizen") on a server started
// with --demo. The CSRF token comes from /api/v1/session; both stay empty
// when the login is refused.
DemoSession demo_log_in(std::uint16_t port, int person, const std::string& kind);

}  // namespace stafett::testing
