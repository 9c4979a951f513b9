#pragma once
// Server: the HTTP/1.1 transport (Boost.Beast), and the only code that touches
// sockets. This header shows no Beast or Asio type; server.cc is the one
// translation unit that includes them, which keeps rebuilds fast.
//
// Shape (after Beast's examples): a listener accepts; each connection is a
// session that owns its limits and timeouts (see limits.h); requests are
// parsed, turned into http::Request values and handed to the Handler on a
// worker pool, because handlers block on the database; the response comes
// back to the I/O thread to be written. One I/O thread is plenty for loopback
// behind a reverse proxy and keeps the session code free of locks.
//
// Shutdown (SIGTERM, SIGINT or stop()): stop accepting; close connections
// that are waiting for a request; let requests already being handled finish
// and be written (with Connection: close); after Limits::shutdown_grace cut
// whatever is left. run() then returns.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/limits.h"
#include "http/request.h"
#include "http/response.h"

namespace stafett::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port
  Limits limits;
  std::size_t worker_threads = 4;
  // Origins besides our own that a form POST may be redirected to (the
  // identity providers' logout pages); see content_security_policy().
  std::vector<std::string> form_action_origins = {};
};

// Must not throw (the server turns an escaped exception into a bare 500).
using Handler = std::function<Response(const Request&)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the bound port. kUnavailable if the address is taken.
  Result<std::uint16_t> listen();
  // Serves until shut down. With `handle_signals`, SIGTERM and SIGINT start
  // the graceful shutdown. REQUIRES: listen() succeeded.
  void run(bool handle_signals);
  // Starts the graceful shutdown from any thread.
  void stop();

  struct Impl;  // defined in server.cc, where Beast lives

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace stafett::http
