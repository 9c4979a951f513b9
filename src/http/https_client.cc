// Besides server.cc, the one library translation unit that includes Boost.Beast
// and Boost.Asio (with OpenSSL through asio::ssl).
#include "http/https_client.h"

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

#include "http/form_urlencode.h"

namespace stafett::http {
namespace {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
namespace bhttp = boost::beast::http;
using boost::system::error_code;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

// Identity providers send headers of a few hundred bytes.
constexpr std::uint32_t kMaxResponseHeaderBytes = 16 * 1024;

// Where a request goes, taken apart once.
struct Destination {
  std::string host;  // a DNS name, or an IP address in its usual text form (no brackets)
  bool host_is_ip = false;
  std::uint16_t port = 443;
  std::string host_header;     // "name", "name:8443", "[::1]:8443"
  std::string request_target;  // path and query, as encoded in the URL
  std::string redacted;        // "https://name:8443/path": for error details, never the query
};

Error invalid(std::string detail) { return make_error(Errc::kInvalidInput, std::move(detail)); }
Error unavailable(std::string detail) { return make_error(Errc::kUnavailable, std::move(detail)); }

bool is_host_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_';
}

std::optional<std::uint16_t> parse_port(std::string_view text) {
  if (text.empty()) return 443;
  if (text.size() > 5) return std::nullopt;
  std::uint32_t port = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    port = port * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (port == 0 || port > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(port);
}

Result<Destination> parse_destination(const std::string& url) {
  const auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return invalid("not an absolute URL");
  const auto& u = *parsed;
  if (u.scheme_id() != boost::urls::scheme::https) return invalid("only https URLs are fetched");
  if (u.has_userinfo()) return invalid("user info in the URL is refused");
  Destination d;
  switch (u.host_type()) {
    case boost::urls::host_type::name: {
      const std::string_view name = u.encoded_host_name();
      // No percent-encoded names: what we resolve, send as SNI and verify must be one plain name.
      if (name.empty() ||
          name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "0123456789-._") != std::string_view::npos) {
        return invalid("the URL's host is not a plain DNS name");
      }
      d.host = std::string(name);
      break;
    }
    case boost::urls::host_type::ipv4:
      d.host = u.host_ipv4_address().to_string();
      d.host_is_ip = true;
      break;
    case boost::urls::host_type::ipv6:
      d.host = u.host_ipv6_address().to_string();
      d.host_is_ip = true;
      break;
    default:
      return invalid("the URL has no usable host");
  }
  const auto port = parse_port(u.has_port() ? std::string_view(u.port()) : std::string_view{});
  if (!port) return invalid("the URL's port is not a number from 1 to 65535");
  d.port = *port;
  d.host_header = std::string(u.encoded_host());
  if (d.port != 443) d.host_header += ":" + std::to_string(d.port);
  const std::string_view path = u.encoded_path();
  // Boost.URL 1.81 reads "https://host:x/" as port "" and path "x/"; RFC 3986 wants "/" after an
  // authority.
  if (!path.empty() && !path.starts_with('/'))
    return invalid("the URL's port or path is malformed");
  d.request_target = path.empty() ? "/" : std::string(path);
  if (u.has_query()) d.request_target += "?" + std::string(u.encoded_query());
  d.redacted = "https://" + d.host_header + (path.empty() ? "/" : std::string(path));
  return d;
}

bool is_token_char(char c) {
  return is_host_name_char(c) || std::string_view("!#$%&'*+^`|~").find(c) != std::string_view::npos;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Caller headers must not smuggle a second header (CR/LF) or override the framing.
Result<void> check_caller_headers(const HttpFields& headers) {
  static constexpr std::string_view kOurs[] = {
      "host", "content-type", "content-length", "transfer-encoding", "connection", "cookie"};
  for (const auto& [name, value] : headers) {
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) {
      return invalid("a request header name is not a token");
    }
    for (const std::string_view ours : kOurs) {
      if (equals_ignoring_ascii_case(name, ours))
        return invalid("request header " + name + " is set by the client");
    }
    for (const char c : value) {
      const auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7F)
        return invalid("request header " + name + " has a control character");
    }
  }
  return {};
}

// Why a thread of its own: getaddrinfo cannot be interrupted, and Asio's
// resolver waits for it even after cancel() (and its io_context joins it on
// destruction), so a hanging DNS server would outlast our deadline. A lookup
// still running at the deadline is abandoned; it ends and frees itself.
Result<std::vector<tcp::endpoint>> look_up(const Destination& d, SteadyClock::time_point deadline) {
  if (d.host_is_ip)
    return std::vector<tcp::endpoint>{tcp::endpoint(asio::ip::make_address(d.host), d.port)};
  struct Lookup {
    std::mutex mutex;
    std::condition_variable done_changed;
    bool done = false;
    std::vector<tcp::endpoint> endpoints;
  };
  auto lookup = std::make_shared<Lookup>();
  try {
    std::thread([lookup, host = d.host, port = d.port] {
      std::vector<tcp::endpoint> endpoints;
      try {
        asio::io_context ioc(1);
        tcp::resolver resolver(ioc);
        error_code ec;
        const auto results =
            resolver.resolve(host, std::to_string(port), tcp::resolver::numeric_service, ec);
        if (!ec) {
          for (const auto& entry : results) endpoints.push_back(entry.endpoint());
        }
      } catch (const std::exception&) {
        endpoints.clear();  // reported below as "no address"
      }
      const std::lock_guard lock(lookup->mutex);
      lookup->endpoints = std::move(endpoints);
      lookup->done = true;
      lookup->done_changed.notify_all();
    }).detach();
  } catch (const std::system_error&) {
    return unavailable("could not start the name lookup for " + d.redacted);
  }
  std::unique_lock lock(lookup->mutex);
  if (!lookup->done_changed.wait_until(lock, deadline, [&] { return lookup->done; })) {
    return unavailable("name lookup for " + d.redacted + " timed out");
  }
  if (lookup->endpoints.empty()) return unavailable("no address found for " + d.redacted);
  return std::move(lookup->endpoints);
}

// One TLS connection, driven step by step under one deadline.
class Exchange {
 public:
  Exchange(const Destination& destination, const HttpsClientOptions& options)
      : destination_(destination),
        options_(options),
        deadline_(SteadyClock::now() + options.timeout) {}

  Result<FetchedResponse> run(bhttp::request<bhttp::string_body> request) {
    if (auto configured = configure_tls(); !configured) return configured.error();
    const auto endpoints = look_up(destination_, deadline_);
    if (!endpoints) return endpoints.error();
    stream_.emplace(ioc_, tls_);
    if (auto verified = verify_this_host(); !verified) return verified.error();

    if (const auto ec = step([&](auto handler) {
          asio::async_connect(stream_->next_layer(), *endpoints, handler);
        })) {
      return failure("connecting to", ec);
    }
    if (const auto ec = step(
            [&](auto handler) { stream_->async_handshake(ssl::stream_base::client, handler); })) {
      return failure("the TLS handshake with", ec);
    }
    if (const auto ec =
            step([&](auto handler) { bhttp::async_write(*stream_, request, handler); })) {
      return failure("sending the request to", ec);
    }
    boost::beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.header_limit(kMaxResponseHeaderBytes);
    parser.body_limit(static_cast<std::uint64_t>(options_.max_body));
    if (const auto ec =
            step([&](auto handler) { bhttp::async_read(*stream_, buffer, parser, handler); })) {
      if (ec == bhttp::error::body_limit) {
        return unavailable("the response from " + destination_.redacted + " is larger than " +
                           std::to_string(options_.max_body) + " bytes");
      }
      return failure("reading the response from", ec);
    }
    auto& message = parser.get();
    FetchedResponse response;
    response.status = static_cast<int>(message.result_int());
    response.content_type = std::string(message[bhttp::field::content_type]);
    response.body = std::move(message.body());
    // No TLS close_notify: the body is complete by its framing, and waiting
    // for the server's answer to a shutdown would only add a round trip.
    return response;
  }

 private:
  Result<void> configure_tls() {
    if (SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_2_VERSION) != 1) {
      return unavailable("could not require TLS 1.2");
    }
    tls_.set_verify_mode(ssl::verify_peer);
    error_code ec;
    if (options_.ca_file.empty()) {
      tls_.set_default_verify_paths(ec);
      if (ec) return unavailable("the system's trusted certificates could not be loaded");
    } else {
      tls_.load_verify_file(options_.ca_file, ec);
      if (ec) return invalid("the CA file " + options_.ca_file + " could not be read");
    }
    return {};
  }

  // OpenSSL checks the name (or IP address) during chain verification, so a
  // certificate for another host fails the handshake like an untrusted one.
  Result<void> verify_this_host() {
    SSL* handle = stream_->native_handle();
    X509_VERIFY_PARAM* param = SSL_get0_param(handle);
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    const int set = destination_.host_is_ip
                        ? X509_VERIFY_PARAM_set1_ip_asc(param, destination_.host.c_str())
                        : X509_VERIFY_PARAM_set1_host(param, destination_.host.c_str(),
                                                      destination_.host.size());
    if (set != 1)
      return unavailable("could not set the expected host name for " + destination_.redacted);
    // SNI carries names only (RFC 6066 §3).
    if (!destination_.host_is_ip &&
        SSL_set_tlsext_host_name(handle, destination_.host.c_str()) != 1) {
      return unavailable("could not set SNI for " + destination_.redacted);
    }
    return {};
  }

  // Starts one asynchronous operation and runs the loop until it completes or
  // the deadline passes; then the socket is closed and the loop drained, so
  // nothing of this call outlives it.
  template <class Start>
  error_code step(Start start) {
    std::optional<error_code> outcome;
    start([&outcome](error_code ec, auto&&...) { outcome = ec; });
    ioc_.restart();
    ioc_.run_until(deadline_);
    if (outcome) return *outcome;
    error_code ignored;
    stream_->next_layer().close(ignored);
    ioc_.restart();
    ioc_.run();
    return asio::error::timed_out;
  }

  Error failure(std::string_view doing, const error_code& ec) {
    if (ec == asio::error::timed_out) {
      return unavailable("no complete answer from " + destination_.redacted + " within " +
                         std::to_string(options_.timeout.count()) + " ms");
    }
    std::string detail =
        std::string(doing) + " " + destination_.redacted + " failed: " + ec.message();
    const long verify_result = SSL_get_verify_result(stream_->native_handle());
    if (verify_result != X509_V_OK)
      detail += std::string(" (") + X509_verify_cert_error_string(verify_result) + ")";
    return unavailable(std::move(detail));
  }

  const Destination& destination_;
  const HttpsClientOptions& options_;
  const SteadyClock::time_point deadline_;
  asio::io_context ioc_{1};
  ssl::context tls_{ssl::context::tls_client};
  std::optional<ssl::stream<tcp::socket>> stream_;  // declared last: destroyed before the loop
};

bhttp::request<bhttp::string_body> request_for(bhttp::verb verb, const Destination& d) {
  bhttp::request<bhttp::string_body> request{verb, d.request_target, 11};
  request.set(bhttp::field::host, d.host_header);
  request.set(bhttp::field::user_agent, "stafett");
  request.set(bhttp::field::accept, "application/json");
  request.set(bhttp::field::connection, "close");
  return request;
}

// No exception leaves this module (Asio and Beast may throw bad_alloc or system_error).
template <class F>
Result<FetchedResponse> guarded(F&& f) {
  try {
    return f();
  } catch (const std::exception& e) {
    return unavailable(std::string("HTTPS client failure: ") + e.what());
  }
}

}  // namespace

Result<FetchedResponse> https_get(const std::string& url, const HttpsClientOptions& options) {
  return guarded([&]() -> Result<FetchedResponse> {
    const auto destination = parse_destination(url);
    if (!destination) return destination.error();
    auto request = request_for(bhttp::verb::get, *destination);
    return Exchange(*destination, options).run(std::move(request));
  });
}

Result<FetchedResponse> https_post_form(const std::string& url, const HttpFields& fields,
                                        const HttpFields& headers,
                                        const HttpsClientOptions& options) {
  return guarded([&]() -> Result<FetchedResponse> {
    const auto destination = parse_destination(url);
    if (!destination) return destination.error();
    if (auto checked = check_caller_headers(headers); !checked) return checked.error();
    auto request = request_for(bhttp::verb::post, *destination);
    for (const auto& [name, value] : headers) request.set(name, value);
    request.set(bhttp::field::content_type, "application/x-www-form-urlencoded");
    request.body() = form_urlencode(fields);
    request.prepare_payload();
    return Exchange(*destination, options).run(std::move(request));
  });
}

}  // namespace stafett::http
