#pragma once
// A tiny test "browser" for the OpenID Connect login: plain HTTP to our
// server (support/http_client.h) and HTTPS to the stand-in identity provider
// (OpenSSL, trusting only the IdP's CA file), with a cookie jar per origin
// and the IdP's login form filled in the way a person would.
#include <cstdint>
#include <map>
#include <string>

#include "support/http_client.h"

namespace stafett::testing {

// One request over TLS to 127.0.0.1:port (HTTP/1.0, so no chunked bodies),
// verifying the certificate against `ca_file` (empty: the system's trust
// store) and the IP address. Throws std::runtime_error when the connection or
// handshake fails.
HttpResponse https_request(std::uint16_t port, const std::string& ca_file, const std::string& method,
                           const std::string& target, const Headers& headers = {}, const std::string& body = {});

class OidcBrowser {
 public:
  OidcBrowser(std::uint16_t server_port, std::uint16_t idp_port, std::string ca_file)
      : server_port_(server_port), idp_port_(idp_port), ca_file_(std::move(ca_file)) {}

  // GET on our server with our cookies; remembers Set-Cookie.
  HttpResponse get(const std::string& target);
  // A form POST on our server (with our cookies).
  HttpResponse post(const std::string& target, const std::string& body);

  // Follows a Location at the IdP: redirects and, on its login page, picks
  // `user` and presses "Logg inn". Returns the first redirect back to our
  // server (its path and query), or "" with `page` set to the last IdP page.
  std::string through_idp(const std::string& location, const std::string& user, std::string* page = nullptr);

  // start (e.g. "/logg-inn/innbygger") → IdP → our callback; returns the callback's response.
  HttpResponse log_in(const std::string& start, const std::string& user);

  std::map<std::string, std::string>& cookies() { return cookies_; }
  std::map<std::string, std::string>& idp_cookies() { return idp_cookies_; }
  std::string cookie_header() const;

 private:
  std::uint16_t server_port_, idp_port_;
  std::string ca_file_;
  std::map<std::string, std::string> cookies_, idp_cookies_;
};

// Replaces "&amp;" by "&" (form actions in HTML).
std::string html_unescape_amp(std::string text);

}  // namespace stafett::testing
