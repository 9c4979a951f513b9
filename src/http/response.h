#pragma once
// Response: the value a handler returns. The server adds the security headers
// and the caching headers from `cache`, in one place (security_headers.h).
#include <string>
#include <vector>
#include <string_view>

#include "http/request.h"

namespace stafett::http {

enum class CachePolicy {
  kNoStore,     // dynamic pages and API responses (the default)
  kRevalidate,  // static files without a fingerprint: cache, but ask with ETag
  kImmutable,   // fingerprinted static files: cache for a year
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  Headers headers;                       // extra headers (Location, Set-Cookie, ETag, Allow...)
  CachePolicy cache = CachePolicy::kNoStore;
  bool close_connection = false;
  std::string route = "-";               // route pattern for the access log, never the raw path
  // Origins that may show this response in a frame. Empty (almost always):
  // nobody may. Set only for the page an identity provider loads in an
  // iframe for front-channel logout.
  std::vector<std::string> frame_ancestors;

  static Response html(int status, std::string body);
  static Response json(int status, std::string body);
  static Response text(int status, std::string body);
  // 303 See Other to a same-site path. REQUIRES: `location` starts with a single '/'.
  static Response redirect(std::string location);

  void add_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

}  // namespace stafett::http
