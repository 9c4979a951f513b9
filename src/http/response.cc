#include "http/response.h"

namespace stafett::http {

Response Response::html(int status, std::string body) {
  return Response{status, "text/html; charset=utf-8", std::move(body), {}, CachePolicy::kNoStore, false, "-", {}};
}

Response Response::json(int status, std::string body) {
  return Response{status, "application/json", std::move(body), {}, CachePolicy::kNoStore, false, "-", {}};
}

Response Response::text(int status, std::string body) {
  return Response{status, "text/plain; charset=utf-8", std::move(body), {}, CachePolicy::kNoStore, false, "-", {}};
}

Response Response::redirect(std::string location) {
  Response r = text(303, "");
  r.add_header("Location", std::move(location));
  return r;
}

}  // namespace stafett::http
