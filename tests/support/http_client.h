#pragma once
// A deliberately small HTTP/1.1 client over plain POSIX sockets, so tests can
// send exactly the bytes they want (malformed request lines, huge headers,
// half-sent requests) and see exactly what comes back.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stafett::testing {

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  std::optional<std::string> header(std::string_view lower_name) const;
  bool has_header(std::string_view lower_name) const { return header(lower_name).has_value(); }
};

class Connection {
 public:
  explicit Connection(std::uint16_t port);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void send(std::string_view bytes);
  // Reads one response; nullopt when the server closed the connection first.
  // `head`: the response has no body whatever Content-Length says.
  std::optional<HttpResponse> read_response(bool head = false,
                                            std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True when the server closes the connection within `timeout`.
  bool closed_by_server(std::chrono::milliseconds timeout);

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);  // false on EOF/timeout
  int fd_ = -1;
  std::string buffer_;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// One request on a fresh connection with "Connection: close".
HttpResponse request(std::uint16_t port, std::string_view method, std::string_view target,
                     const Headers& headers = {}, std::string_view body = {});
inline HttpResponse get(std::uint16_t port, std::string_view target, const Headers& headers = {}) {
  return request(port, "GET", target, headers);
}

}  // namespace stafett::testing
