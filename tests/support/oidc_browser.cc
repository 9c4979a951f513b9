#include "support/oidc_browser.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <regex>
#include <stdexcept>

namespace stafett::testing {
namespace {

HttpResponse parse_response(const std::string& raw) {
  HttpResponse r;
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) throw std::runtime_error("malformed HTTPS response: " + raw.substr(0, 200));
  std::string head = raw.substr(0, head_end);
  r.body = raw.substr(head_end + 4);
  std::size_t pos = head.find("\r\n");
  const std::string status_line = head.substr(0, pos);
  r.status = std::stoi(status_line.substr(status_line.find(' ') + 1, 3));
  while (pos != std::string::npos && pos < head.size()) {
    const std::size_t start = pos + 2;
    std::size_t end = head.find("\r\n", start);
    const std::string line = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers.emplace_back(name, value);
    }
    pos = end;
  }
  return r;
}

void remember_cookies(const HttpResponse& r, std::map<std::string, std::string>& jar) {
  for (const auto& [name, value] : r.headers) {
    if (name != "set-cookie") continue;
    const auto semi = value.find(';');
    const std::string pair = value.substr(0, semi);
    const auto eq = pair.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = pair.substr(0, eq), val = pair.substr(eq + 1);
    const std::string attrs = semi == std::string::npos ? "" : value.substr(semi);
    if (val.empty() || attrs.find("Max-Age=0") != std::string::npos ||
        attrs.find("expires=Thu, 01 Jan 1970") != std::string::npos) {
      jar.erase(key);
    } else {
      jar[key] = val;
    }
  }
}

std::string join_cookies(const std::map<std::string, std::string>& jar) {
  std::string out;
  for (const auto& [k, v] : jar) out += (out.empty() ? "" : "; ") + k + "=" + v;
  return out;
}

std::string path_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto slash = url.find('/', scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

}  // namespace

std::string html_unescape_amp(std::string text) {
  for (auto pos = text.find("&amp;"); pos != std::string::npos; pos = text.find("&amp;", pos + 1)) {
    text.replace(pos, 5, "&");
  }
  return text;
}

HttpResponse https_request(std::uint16_t port, const std::string& ca_file, const std::string& method,
                           const std::string& target, const Headers& headers, const std::string& body) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  if (ca_file.empty()) {
    SSL_CTX_set_default_verify_paths(ctx);
  } else {
    SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr);
  }
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  BIO* bio = BIO_new_ssl_connect(ctx);
  const std::string host = "127.0.0.1:" + std::to_string(port);
  BIO_set_conn_hostname(bio, host.c_str());
  SSL* ssl = nullptr;
  BIO_get_ssl(bio, &ssl);
  X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), "127.0.0.1");
  std::string raw;
  if (BIO_do_connect(bio) <= 0) {
    const std::string error = ERR_error_string(ERR_get_error(), nullptr);
    BIO_free_all(bio);
    SSL_CTX_free(ctx);
    throw std::runtime_error("TLS connect to " + host + " failed: " + error);
  }
  std::string request = method + " " + target + " HTTP/1.0\r\nHost: " + host + "\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST") request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  request += "\r\n" + body;
  BIO_write(bio, request.data(), static_cast<int>(request.size()));
  char buf[8192];
  int n;
  while ((n = BIO_read(bio, buf, sizeof buf)) > 0) raw.append(buf, static_cast<std::size_t>(n));
  BIO_free_all(bio);
  SSL_CTX_free(ctx);
  return parse_response(raw);
}

std::string OidcBrowser::cookie_header() const { return join_cookies(cookies_); }

HttpResponse OidcBrowser::get(const std::string& target) {
  Headers headers;
  if (!cookies_.empty()) headers.emplace_back("Cookie", join_cookies(cookies_));
  auto r = request(server_port_, "GET", target, headers);
  remember_cookies(r, cookies_);
  return r;
}

HttpResponse OidcBrowser::post(const std::string& target, const std::string& body) {
  Headers headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Content-Length", std::to_string(body.size())}};
  if (!cookies_.empty()) headers.emplace_back("Cookie", join_cookies(cookies_));
  auto r = request(server_port_, "POST", target, headers, body);
  remember_cookies(r, cookies_);
  return r;
}

std::string OidcBrowser::through_idp(const std::string& location, const std::string& user, std::string* page) {
  const std::string our_origin = "http://127.0.0.1:" + std::to_string(server_port_);
  std::string next = location;
  for (int hops = 0; hops < 12; ++hops) {
    if (next.starts_with(our_origin)) return next.substr(our_origin.size());
    const std::string target = path_of(next);
    Headers headers;
    if (!idp_cookies_.empty()) headers.emplace_back("Cookie", join_cookies(idp_cookies_));
    auto r = https_request(idp_port_, ca_file_, "GET", target, headers);
    remember_cookies(r, idp_cookies_);
    if (r.status == 200 && target.find("/interaction/") != std::string::npos) {
      std::smatch m;
      if (!std::regex_search(r.body, m, std::regex("<form[^>]*action=\"([^\"]+)\""))) {
        if (page) *page = r.body;
        return "";
      }
      const std::string action = html_unescape_amp(m[1].str());
      Headers post_headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
      if (!idp_cookies_.empty()) post_headers.emplace_back("Cookie", join_cookies(idp_cookies_));
      r = https_request(idp_port_, ca_file_, "POST", path_of(action), post_headers, "user=" + user + "&action=login");
      remember_cookies(r, idp_cookies_);
    }
    const auto loc = r.header("location");
    if (r.status < 300 || r.status >= 400 || !loc) {
      if (page) *page = r.body;
      return "";
    }
    next = loc->starts_with("/") ? "https://127.0.0.1:" + std::to_string(idp_port_) + *loc : *loc;
  }
  return "";
}

HttpResponse OidcBrowser::log_in(const std::string& start, const std::string& user) {
  auto r = get(start);
  const auto loc = r.header("location");
  if (r.status != 303 || !loc) return r;
  std::string page;
  const std::string back = through_idp(*loc, user, &page);
  if (back.empty()) {
    HttpResponse failed;
    failed.status = 0;
    failed.body = page;
    return failed;
  }
  return get(back);
}

}  // namespace stafett::testing
