#pragma once
// Limits the server enforces on every connection. Named, in one place, and
// configurable so tests can use short timeouts without sleeping long.
#include <chrono>
#include <cstddef>

namespace stafett::http {

struct Limits {
  std::size_t header_bytes = 16 * 1024;     // over this: 431
  std::size_t body_bytes = 1024 * 1024;     // over this: 413
  // Time allowed to receive one whole request, counted from when the server
  // starts waiting for it; also the keep-alive idle timeout. A client that
  // trickles bytes cannot hold a connection longer than this.
  std::chrono::milliseconds request_timeout{15000};
  std::chrono::milliseconds write_timeout{30000};
  std::size_t max_connections = 2048;       // over this: 503 and close
  // After SIGTERM, in-flight requests get this long to finish before the
  // remaining connections are cut.
  std::chrono::milliseconds shutdown_grace{20000};
};

}  // namespace stafett::http
