#pragma once
// Request: the transport-neutral request value the layers above http/ see.
// No Beast type ever appears above src/http/. The path has already been parsed
// and validated (see target.h): `segments` are percent-decoded, valid UTF-8,
// free of control characters and of "." / ".." / encoded slashes.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/method.h"

namespace stafett::http {

using Headers = std::vector<std::pair<std::string, std::string>>;  // names in lower case

struct Request {
  Method method = Method::kGet;
  std::string target;                 // raw request target, never logged
  std::vector<std::string> segments;  // decoded path segments ("/a/b" -> {"a","b"})
  std::string query;                  // raw query string without '?'
  bool path_refused = false;          // "." / ".." / encoded slash: answer 404
  Headers headers;
  std::string body;
  std::string remote_address;
  std::string request_id;             // random, shown on the 500 page for support

  // First header with this (lower-case) name.
  std::optional<std::string_view> header(std::string_view lower_name) const;
  // Value of a cookie from the Cookie header.
  std::optional<std::string> cookie(std::string_view name) const;
  // True when the client asked for JSON (Accept) or the path is under /api/.
  bool wants_json() const;
};

}  // namespace stafett::http
