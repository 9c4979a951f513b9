// Malformed, oversized and hostile requests: each gets a clear status, none
// crashes the server, leaks internals, or blocks other clients.
#include "server_fixture.h"

namespace stafett::testing {
namespace {

class BadInput : public ServerSuite<BadInput> {
 protected:
  void TearDown() override {
    // After every hostile request the server must still serve others.
    EXPECT_EQ(get(port(), "/healthz").status, 200) << "server stopped answering";
    EXPECT_TRUE(server_->running());
  }
};

void expect_no_internals(const HttpResponse& r, const std::string& what) {
  for (const char* leak : {"exception", "std::", "boost", "Beast", "sqlite", "SQLITE", "postgres",
                           "libpq", "stack", "/work/", ".cc", "what()"}) {
    EXPECT_EQ(r.body.find(leak), std::string::npos) << what << " leaks '" << leak << "': " << r.body;
  }
}

HttpResponse raw(std::string_view bytes, bool expect_close) {
  Connection c(BadInput::port());
  c.send(bytes);
  auto r = c.read_response();
  if (!r) throw std::runtime_error("no response to raw request");
  if (expect_close) {
    EXPECT_TRUE(c.closed_by_server(std::chrono::seconds(5))) << "connection left open";
  }
  return *r;
}

TEST_F(BadInput, MalformedRequestLineGives400AndClosesTheConnection) {
  for (const char* bytes : {"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                            "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", "G\x01T / HTTP/1.1\r\n\r\n"}) {
    auto r = raw(bytes, /*expect_close=*/true);
    EXPECT_EQ(r.status, 400) << bytes;
    expect_no_internals(r, bytes);
  }
}

TEST_F(BadInput, MalformedHeaderGives400AndClosesTheConnection) {
  for (const char* bytes : {"GET / HTTP/1.1\r\nHost x\r\n\r\n", "GET / HTTP/1.1\r\n: novalue\r\n\r\n",
                            "GET / HTTP/1.1\r\nHo st: x\r\n\r\n",
                            "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"}) {
    auto r = raw(bytes, true);
    EXPECT_EQ(r.status, 400) << bytes;
  }
}

TEST_F(BadInput, OversizedHeadersGive431) {
  const std::string bytes = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40 * 1024, 'a') + "\r\n\r\n";
  auto r = raw(bytes, true);
  EXPECT_EQ(r.status, 431);
}

TEST_F(BadInput, OversizedBodyGives413) {
  Connection c(port());
  c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n");
  c.send(std::string(64 * 1024, 'x'));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_TRUE(c.closed_by_server(std::chrono::seconds(5)));
}

TEST_F(BadInput, ChunkedBodyOverTheLimitGives413) {
  Connection c(port());
  c.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  const std::string chunk = std::string("10000\r\n") + std::string(0x10000, 'y') + "\r\n";
  std::optional<HttpResponse> r;
  try {
    for (int i = 0; i < 20; ++i) c.send(chunk);
  } catch (const std::exception&) {
    // the server may stop reading once it has refused the body
  }
  r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(BadInput, PathTraversalInEveryEncodingIsNotFound) {
  for (const char* path : {"/static/../CMakeLists.txt", "/static/%2e%2e/%2e%2e/CMakeLists.txt",
                           "/static/%2E%2E/CMakeLists.txt", "/static/css%2f..%2f..%2f..%2fCMakeLists.txt",
                           "/static/..%5c..%5cCMakeLists.txt", "/static/./css/app.css",
                           "/static/vendor/..%2f..%2f..%2fsrc%2fcli%2fmain.cc", "/static/.%2e/.%2e/README.md"}) {
    auto r = get(port(), path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << path;
    expect_no_internals(r, path);
  }
}

TEST_F(BadInput, ControlCharactersAndInvalidUtf8Give400) {
  for (const char* path : {"/static/css/app.css%00.png", "/%00", "/a%01", "/%ff", "/%c3%28",
                           "/?q=%00", "/?q=%fe", "/?q=%0d%0aSet-Cookie:x", "/%zz", "/?%=1"}) {
    auto r = get(port(), path);
    EXPECT_EQ(r.status, 400) << path;
    expect_no_internals(r, path);
  }
}

TEST_F(BadInput, AbsoluteFormAndDoubleSlashTargetsAreRefused) {
  EXPECT_EQ(raw("GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n", true).status, 400);
  EXPECT_EQ(raw("GET //evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n", true).status, 400);
}

TEST_F(BadInput, HostileRequestsDoNotDisturbAConcurrentClient) {
  Connection good(port());
  for (int i = 0; i < 20; ++i) {
    raw("GARBAGE\r\n\r\n", false);
    good.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    auto r = good.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
}

}  // namespace
}  // namespace stafett::testing
