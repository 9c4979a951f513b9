// The only translation unit that includes Boost.Beast and Boost.Asio.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <cctype>
#include <chrono>
#include <list>
#include <optional>

#include "core/random.h"
#include "http/security_headers.h"
#include "http/target.h"

namespace stafett::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

class Session;

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Handler h)
      : options(std::move(o)),
        handler(std::move(h)),
        workers(options.worker_threads),
        csp(content_security_policy(options.form_action_origins)) {}

  void accept();
  void begin_shutdown();
  void session_ended();

  ServerOptions options;
  Handler handler;
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  asio::steady_timer grace_timer{ioc};
  asio::thread_pool workers;
  const std::string csp;  // Content-Security-Policy of every response
  std::list<std::weak_ptr<Session>> sessions;  // touched only on the I/O thread
  std::size_t live_sessions = 0;
  bool stopping = false;
};

namespace {

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

std::string plain_reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server::Impl& server, tcp::socket socket)
      : server_(server), stream_(std::move(socket)) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }

  ~Session() { server_.session_ended(); }

  void start() { read_request(); }

  // Refuses the connection politely when the server is at its limit.
  void reject_overloaded() { write_plain(503); }

  // Called on shutdown: a connection waiting for a request is closed; one whose
  // request is being handled finishes first (keep-alive is then refused).
  void on_shutdown() {
    if (state_ == State::kReading) {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      stream_.cancel();
    }
  }

  void force_close() {
    beast::error_code ec;
    stream_.socket().close(ec);
  }

 private:
  enum class State { kReading, kHandling, kWriting, kClosing };

  void read_request() {
    if (server_.stopping) return close();
    state_ = State::kReading;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.limits.header_bytes));
    parser_->body_limit(server_.options.limits.body_bytes);
    stream_.expires_after(server_.options.limits.request_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::header_limit) return write_plain(431);
    if (ec == bhttp::error::body_limit) return write_plain(413);
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return close();
    if (ec && is_parse_error(ec)) return write_plain(400);
    if (ec) return close();  // timeout, reset, cancelled by shutdown
    started_ = Clock::now();
    auto& msg = parser_->get();
    if (msg.version() != 11 && msg.version() != 10) return write_plain(400);
    keep_alive_ = msg.keep_alive();
    is_head_ = msg.method() == bhttp::verb::head;
    method_text_ = std::string(msg.method_string());

    Request request;
    request.method = method_from_string(msg.method_string());
    request.target = std::string(msg.target());
    auto parsed = parse_target(request.target);
    if (const auto* problem = std::get_if<TargetProblem>(&parsed)) {
      if (*problem == TargetProblem::kBadRequest) return write_plain(400);
      request.path_refused = true;
    } else {
      auto& target = std::get<ParsedTarget>(parsed);
      request.segments = std::move(target.segments);
      request.query = std::move(target.query);
    }
    request.remote_address = remote_;
    request.request_id = random_hex(8);
    request.headers.reserve(static_cast<std::size_t>(std::distance(msg.begin(), msg.end())));
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.body = std::move(msg.body());
    dispatch(std::move(request));
  }

  // Runs the handler on the worker pool; the work guard keeps the I/O loop
  // alive (and shutdown waiting) until the response has been handed back.
  void dispatch(Request request) {
    state_ = State::kHandling;
    asio::post(server_.workers, [self = shared_from_this(), request = std::move(request),
                                 guard = asio::make_work_guard(server_.ioc)]() mutable {
      Response response;
      try {
        response = self->server_.handler(request);
      } catch (...) {
        response = Response::text(500, plain_reason(500));
        response.close_connection = true;
      }
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response)]() mutable { self->write(std::move(response)); });
    });
  }

  void write(Response response) {
    route_ = response.route;
    const bool keep_alive = keep_alive_ && !response.close_connection && !server_.stopping;
    auto& msg = out_.emplace(static_cast<bhttp::status>(response.status), 11);
    msg.keep_alive(keep_alive);
    if (!response.content_type.empty()) msg.set(bhttp::field::content_type, response.content_type);
    Headers headers = std::move(response.headers);
    if (response.frame_ancestors.empty()) {
      add_security_headers(headers, response.cache, server_.csp);
    } else {
      add_security_headers(headers, response.cache, with_frame_ancestors(server_.csp, response.frame_ancestors), true);
    }
    for (const auto& [name, value] : headers) msg.insert(name, value);
    const bool no_body = response.status == 304 || response.status == 204;
    if (!no_body) {
      if (is_head_) {
        msg.content_length(response.body.size());  // what GET would send; no body
      } else {
        msg.body() = std::move(response.body);
        msg.prepare_payload();
      }
    }
    state_ = State::kWriting;
    stream_.expires_after(server_.options.limits.write_timeout);
    bhttp::async_write(stream_, msg,
                       beast::bind_front_handler(&Session::on_write, shared_from_this(), keep_alive));
  }

  // Errors found before a request reached the handler: short plain text,
  // Connection: close, then a lingering close so the client can read it.
  void write_plain(int status) {
    keep_alive_ = false;
    started_ = Clock::now();
    method_text_ = "-";
    Response r = Response::text(status, plain_reason(status) + "\n");
    r.close_connection = true;
    write(std::move(r));
  }

  void on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
    // Never the path or query (they may hold personal data), only the pattern.
    spdlog::info("{} {} {} {:.1f}ms", method_text_, route_, out_->result_int(),
                 static_cast<double>(micros) / 1000.0);
    out_.reset();
    if (ec) return close();
    if (!keep_alive) return linger_then_close();
    read_request();
  }

  // Half-close, then drain what the client still sends (for example the rest
  // of a refused body) for a short while, so it reads our answer instead of a reset.
  void linger_then_close() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    stream_.expires_after(std::chrono::seconds(2));
    drain();
  }

  void drain() {
    stream_.async_read_some(asio::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > 1024 * 1024) return self->close();
                              self->drain();
                            });
  }

  void close() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  Server::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::string_body>> out_;
  std::array<char, 16 * 1024> drain_buffer_{};
  std::size_t drained_ = 0;
  std::string remote_;
  std::string method_text_ = "-";
  std::string route_ = "-";
  Clock::time_point started_ = Clock::now();
  State state_ = State::kReading;
  bool keep_alive_ = false;
  bool is_head_ = false;
};

}  // namespace

void Server::Impl::accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || stopping) return;
    if (!ec) {
      auto session = std::make_shared<Session>(*this, std::move(socket));
      ++live_sessions;
      for (auto it = sessions.begin(); it != sessions.end();) {
        it = it->expired() ? sessions.erase(it) : std::next(it);
      }
      sessions.push_back(session);
      if (live_sessions > options.limits.max_connections) {
        session->reject_overloaded();
      } else {
        session->start();
      }
    }
    accept();
  });
}

void Server::Impl::begin_shutdown() {
  if (stopping) return;
  stopping = true;
  spdlog::info("shutting down: no new connections; finishing requests in flight");
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  for (auto& weak : sessions) {
    if (auto s = weak.lock()) s->on_shutdown();
  }
  grace_timer.expires_after(options.limits.shutdown_grace);
  grace_timer.async_wait([this](beast::error_code wait_ec) {
    if (wait_ec) return;  // cancelled: everything finished in time
    spdlog::warn("shutdown grace period over; closing remaining connections");
    for (auto& weak : sessions) {
      if (auto s = weak.lock()) s->force_close();
    }
  });
  if (live_sessions == 0) grace_timer.cancel();
}

void Server::Impl::session_ended() {
  --live_sessions;
  if (stopping && live_sessions == 0) grace_timer.cancel();
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() {
  impl_->workers.join();
}

Result<std::uint16_t> Server::listen() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return make_error(Errc::kInvalidInput, "bad listen address: " + impl_->options.host);
  const tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return make_error(Errc::kUnavailable, "cannot listen on " + impl_->options.host + ":" +
                                                    std::to_string(impl_->options.port) + ": " + ec.message());
  return acceptor.local_endpoint().port();
}

void Server::run(bool handle_signals) {
  if (handle_signals) {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) impl_->begin_shutdown();
    });
  }
  impl_->accept();
  impl_->ioc.run();
  impl_->workers.join();
  spdlog::info("server stopped");
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

}  // namespace stafett::http
