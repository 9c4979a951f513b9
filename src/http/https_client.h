#pragma once
// A small blocking HTTPS client for talking to identity providers (discovery,
// JWKS, token endpoint): one request per call, one connection per request.
// Why so strict: what comes back decides who may log in, so only https is
// spoken, the certificate chain AND the host name are verified (SNI is sent),
// TLS 1.2 is the minimum, redirects are returned rather than followed, no
// cookies are kept, and one deadline bounds the whole call (name lookup,
// connect, handshake, write, read) so a slow or silent server cannot hold a
// login thread. A body over the limit is an error, never cut short.
// This header shows no Beast, Asio or OpenSSL type; https_client.cc is the
// only library translation unit besides server.cc that includes them.
// Errors: kInvalidInput for a URL or header we refuse to send (not https,
// user info in the URL, CR/LF in a header, an unreadable CA file);
// kUnavailable for every network, TLS or protocol failure. Error details
// name scheme, host, port and path only: never the query (it may carry an
// authorization code), a header value or a body.
// Thread-safety: calls are independent (each owns its io_context and TLS
// context) and may run on many threads at once.
#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace stafett::http {

struct HttpsClientOptions {
  std::string ca_file;  // PEM bundle of trusted roots; empty = the system's default verify paths
  std::chrono::milliseconds timeout{5000};  // for the whole call
  std::size_t max_body = std::size_t{1} << 20;
};

struct FetchedResponse {
  int status = 0;            // any status, 3xx included (redirects are not followed)
  std::string content_type;  // as sent, may be empty
  std::string body;
};

using HttpFields = std::vector<std::pair<std::string, std::string>>;

Result<FetchedResponse> https_get(const std::string& url, const HttpsClientOptions& options);

// POSTs `fields` as application/x-www-form-urlencoded. `headers` are added as
// given (e.g. Authorization, Accept); the client's own framing headers (Host,
// Content-Type, Content-Length, Transfer-Encoding, Connection) and Cookie are
// refused there.
Result<FetchedResponse> https_post_form(const std::string& url, const HttpFields& fields,
                                        const HttpFields& headers,
                                        const HttpsClientOptions& options);

}  // namespace stafett::http
