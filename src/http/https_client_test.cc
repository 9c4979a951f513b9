// The HTTPS client against a real TLS server on loopback. The test makes its
// own throwaway certificate authorities and server certificates with the
// OpenSSL API (nothing is checked in, nothing leaves 127.0.0.1), and serves
// with Beast on a background thread: this test file may include Beast.
#include "http/https_client.h"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "http/form_urlencode.h"
#include "http/query.h"

namespace stafett::http {
namespace {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using std::chrono::milliseconds;

// --- throwaway certificates -------------------------------------------------

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test certificate: ") + what);
}

PkeyPtr p256_key() {
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  require(key != nullptr, "keygen");
  return key;
}

void add_extension(X509* cert, X509V3_CTX* ctx, int nid, const char* value) {
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, ctx, nid, value);
  require(extension != nullptr, value);
  const int added = X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
  require(added == 1, "add extension");
}

// A certificate for `key`, signed by `issuer` (self-signed when null). A CA
// when `subject_alt_name` is empty, else a TLS server certificate for those names.
X509Ptr certificate(EVP_PKEY* key, const char* common_name, X509* issuer, EVP_PKEY* issuer_key,
                    const char* subject_alt_name = nullptr) {
  static std::atomic<long> serial{1};
  X509Ptr cert(X509_new());
  require(cert != nullptr, "X509_new");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial++);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  require(X509_set_pubkey(cert.get(), key) == 1, "pubkey");
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name), -1, -1, 0);
  X509_set_issuer_name(cert.get(), issuer != nullptr ? X509_get_subject_name(issuer) : name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer != nullptr ? issuer : cert.get(), cert.get(), nullptr, nullptr, 0);
  add_extension(cert.get(), &ctx, NID_subject_key_identifier, "hash");
  if (subject_alt_name == nullptr) {
    add_extension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature");
    add_extension(cert.get(), &ctx, NID_ext_key_usage, "serverAuth");
    add_extension(cert.get(), &ctx, NID_subject_alt_name, subject_alt_name);
  }
  require(X509_sign(cert.get(), issuer_key, EVP_sha256()) > 0, "sign");
  return cert;
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(length));
}

std::string pem_of(X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  require(bio && PEM_write_bio_X509(bio.get(), cert) == 1, "PEM cert");
  return bio_text(bio.get());
}

std::string pem_of(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  require(
      bio && PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
      "PEM key");
  return bio_text(bio.get());
}

struct ServerIdentity {
  std::string certificate_pem;
  std::string key_pem;
};

// Two CAs, each with a server certificate; PEM files in a temporary directory.
struct TestPki {
  std::filesystem::path dir;
  std::filesystem::path ca_file;        // the CA that signed both server certificates
  std::filesystem::path other_ca_file;  // a CA that signed nothing we serve
  ServerIdentity localhost;             // "localhost" and 127.0.0.1
  ServerIdentity other_host;            // "other.example" only

  TestPki() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "stafett-https-test-XXXXXX").string();
    require(mkdtemp(pattern.data()) != nullptr, "mkdtemp");
    dir = pattern;
    const PkeyPtr ca_key = p256_key();
    const X509Ptr ca = certificate(ca_key.get(), "Stafett Test CA", nullptr, ca_key.get());
    const PkeyPtr other_ca_key = p256_key();
    const X509Ptr other_ca =
        certificate(other_ca_key.get(), "Another Test CA", nullptr, other_ca_key.get());
    const PkeyPtr server_key = p256_key();
    const X509Ptr localhost_cert = certificate(server_key.get(), "localhost", ca.get(),
                                               ca_key.get(), "DNS:localhost,IP:127.0.0.1");
    const X509Ptr other_cert =
        certificate(server_key.get(), "other.example", ca.get(), ca_key.get(), "DNS:other.example");
    ca_file = dir / "ca.pem";
    other_ca_file = dir / "other-ca.pem";
    write(ca_file, pem_of(ca.get()));
    write(other_ca_file, pem_of(other_ca.get()));
    localhost = {pem_of(localhost_cert.get()), pem_of(server_key.get())};
    other_host = {pem_of(other_cert.get()), pem_of(server_key.get())};
    write(dir / "localhost.pem", localhost.certificate_pem + localhost.key_pem);
  }
  ~TestPki() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }

  static void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    require(static_cast<bool>(out), "write PEM");
  }
};

const TestPki& pki() {
  static const TestPki instance;
  return instance;
}

// --- a tiny TLS server on loopback -----------------------------------------

struct ReceivedRequest {
  std::string method;
  std::string target;
  std::string host;
  std::string content_type;
  std::string authorization;
  std::string cookie;
  std::string body;
};

using Reply = bhttp::response<bhttp::string_body>;

enum class Behaviour {
  kAnswer,   // handshake, read the request, write the Reply
  kSilent,   // accept the connection and never send a byte
  kTrickle,  // answer with a 100-byte body, one byte every 50 ms
};

// One connection at a time, blocking, on its own thread; stop() wakes the
// accept with a connection of its own.
class TlsTestServer {
 public:
  TlsTestServer(const ServerIdentity& identity, std::function<Reply(const ReceivedRequest&)> reply,
                Behaviour behaviour = Behaviour::kAnswer, int max_tls_version = 0)
      : reply_(std::move(reply)), behaviour_(behaviour) {
    tls_.use_certificate_chain(asio::buffer(identity.certificate_pem));
    tls_.use_private_key(asio::buffer(identity.key_pem), ssl::context::pem);
    if (max_tls_version != 0) SSL_CTX_set_max_proto_version(tls_.native_handle(), max_tls_version);
    acceptor_.open(tcp::v4());
    acceptor_.bind({asio::ip::make_address("127.0.0.1"), 0});
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    thread_ = std::thread([this] { serve(); });
  }

  ~TlsTestServer() {
    stopping_ = true;
    asio::io_context ioc;
    tcp::socket wake(ioc);
    boost::system::error_code ignored;
    wake.connect({asio::ip::make_address("127.0.0.1"), port_}, ignored);
    thread_.join();
  }

  std::uint16_t port() const { return port_; }
  std::string url(const std::string& path_and_query, const std::string& host = "localhost") const {
    return "https://" + host + ":" + std::to_string(port_) + path_and_query;
  }

  std::vector<ReceivedRequest> received() {
    const std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void serve() {
    std::vector<tcp::socket> held;  // kSilent: open, unanswered
    while (true) {
      tcp::socket socket(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (stopping_) return;
      if (ec) continue;
      if (behaviour_ == Behaviour::kSilent) {
        held.push_back(std::move(socket));
        continue;
      }
      serve_one(std::move(socket));
    }
  }

  void serve_one(tcp::socket socket) {
    boost::system::error_code ec;
    ssl::stream<tcp::socket> stream(std::move(socket), tls_);
    stream.handshake(ssl::stream_base::server, ec);
    if (ec) return;
    boost::beast::flat_buffer buffer;
    bhttp::request<bhttp::string_body> request;
    bhttp::read(stream, buffer, request, ec);
    if (ec) return;
    ReceivedRequest received{std::string(request.method_string()),
                             std::string(request.target()),
                             std::string(request[bhttp::field::host]),
                             std::string(request[bhttp::field::content_type]),
                             std::string(request[bhttp::field::authorization]),
                             std::string(request[bhttp::field::cookie]),
                             request.body()};
    {
      const std::lock_guard lock(mutex_);
      received_.push_back(received);
    }
    if (behaviour_ == Behaviour::kTrickle) {
      const std::string head =
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n";
      asio::write(stream, asio::buffer(head), ec);
      for (int i = 0; i < 100 && !ec && !stopping_; ++i) {
        std::this_thread::sleep_for(milliseconds(50));
        asio::write(stream, asio::buffer("x", 1), ec);
      }
      return;
    }
    Reply reply = reply_(received);
    if (!reply.chunked()) reply.prepare_payload();
    bhttp::write(stream, reply, ec);
  }

  std::function<Reply(const ReceivedRequest&)> reply_;
  const Behaviour behaviour_;
  asio::io_context ioc_;
  ssl::context tls_{ssl::context::tls_server};
  tcp::acceptor acceptor_{ioc_};
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<ReceivedRequest> received_;
  std::thread thread_;
};

Reply json_reply(std::string body, int status = 200) {
  Reply reply{static_cast<bhttp::status>(status), 11};
  reply.set(bhttp::field::content_type, "application/json");
  reply.body() = std::move(body);
  return reply;
}

HttpsClientOptions trusting_test_ca() {
  HttpsClientOptions options;
  options.ca_file = pki().ca_file.string();
  return options;
}

// --- success ----------------------------------------------------------------

TEST(HttpsClient, GetsStatusContentTypeAndBodyFromAServerItTrusts) {
  TlsTestServer server(pki().localhost,
                       [](const ReceivedRequest&) { return json_reply(R"({"keys":[]})"); });
  const auto response = https_get(server.url("/jwks.json?v=1"), trusting_test_ca());
  ASSERT_TRUE(response) << response.error().detail;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->content_type, "application/json");
  EXPECT_EQ(response->body, R"({"keys":[]})");
  const auto received = server.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].method, "GET");
  EXPECT_EQ(received[0].target, "/jwks.json?v=1");
  EXPECT_EQ(received[0].host, "localhost:" + std::to_string(server.port()));
}

TEST(HttpsClient, ReturnsErrorStatusesAsResponses) {
  TlsTestServer server(pki().localhost,
                       [](const ReceivedRequest&) { return json_reply("{}", 503); });
  const auto response = https_get(server.url("/"), trusting_test_ca());
  ASSERT_TRUE(response) << response.error().detail;
  EXPECT_EQ(response->status, 503);
}

TEST(HttpsClient, VerifiesAnIpAddressAgainstTheCertificatesIpEntry) {
  TlsTestServer server(pki().localhost, [](const ReceivedRequest&) { return json_reply("{}"); });
  const auto response = https_get(server.url("/", "127.0.0.1"), trusting_test_ca());
  ASSERT_TRUE(response) << response.error().detail;
  EXPECT_EQ(response->status, 200);
}

TEST(HttpsClient, PostsAPercentEncodedForm) {
  TlsTestServer server(pki().localhost,
                       [](const ReceivedRequest&) { return json_reply(R"({"id_token":"x"})"); });
  const HttpFields fields = {{"grant_type", "authorization_code"},
                             {"code", "a+b c&d=e/\xC3\xB8~%"},
                             {"redirect_uri", "https://stafett.example/innlogging/tilbake?x=1"}};
  const auto response =
      https_post_form(server.url("/token"), fields,
                      {{"Authorization", "Basic c3RhZmV0dDpzZWNyZXQ="}}, trusting_test_ca());
  ASSERT_TRUE(response) << response.error().detail;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"id_token":"x"})");
  const auto received = server.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].method, "POST");
  EXPECT_EQ(received[0].target, "/token");
  EXPECT_EQ(received[0].content_type, "application/x-www-form-urlencoded");
  EXPECT_EQ(received[0].authorization, "Basic c3RhZmV0dDpzZWNyZXQ=");
  EXPECT_EQ(received[0].body,
            "grant_type=authorization_code&code=a%2Bb%20c%26d%3De%2F%C3%B8~%25"
            "&redirect_uri=https%3A%2F%2Fstafett.example%2Finnlogging%2Ftilbake%3Fx%3D1");
  const auto decoded = parse_form_body(received[0].body);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, fields);
}

TEST(HttpsClient, SpeaksToAServerThatStopsAtTls12) {
  TlsTestServer server(
      pki().localhost, [](const ReceivedRequest&) { return json_reply("{}"); }, Behaviour::kAnswer,
      TLS1_2_VERSION);
  const auto response = https_get(server.url("/"), trusting_test_ca());
  ASSERT_TRUE(response) << response.error().detail;
  EXPECT_EQ(response->status, 200);
}

// --- what it refuses to trust -----------------------------------------------

TEST(HttpsClient, RefusesAServerSignedByAnUntrustedCa) {
  TlsTestServer server(pki().localhost, [](const ReceivedRequest&) { return json_reply("{}"); });
  HttpsClientOptions system_roots;  // the system's roots do not include the test CA
  HttpsClientOptions other_ca;
  other_ca.ca_file = pki().other_ca_file.string();
  for (const auto& options : {system_roots, other_ca}) {
    const auto response = https_get(server.url("/token?code=SECRET-CODE"), options);
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, Errc::kUnavailable);
    // The detail names where, never the query (it may carry an authorization code).
    EXPECT_EQ(response.error().detail.find("SECRET-CODE"), std::string::npos)
        << response.error().detail;
    EXPECT_NE(response.error().detail.find("/token"), std::string::npos) << response.error().detail;
  }
  EXPECT_TRUE(server.received().empty());
}

TEST(HttpsClient, RefusesACertificateForAnotherHostName) {
  TlsTestServer server(pki().other_host, [](const ReceivedRequest&) { return json_reply("{}"); });
  for (const auto* host : {"localhost", "127.0.0.1"}) {
    const auto response = https_get(server.url("/", host), trusting_test_ca());
    ASSERT_FALSE(response) << host;
    EXPECT_EQ(response.error().code, Errc::kUnavailable) << host;
  }
  EXPECT_TRUE(server.received().empty());
}

TEST(HttpsClient, RefusesAnythingButHttpsWithoutConnecting) {
  for (const auto* url :
       {"http://localhost:1/", "HTTP://localhost:1/", "ftp://localhost/", "file:///etc/passwd",
        "localhost:443/", "//localhost/", "", "https://", "https:///path",
        "https://user:password@localhost/", "https://local%68ost/", "https://localhost:0/",
        "https://localhost:65536/", "https://localhost:x/"}) {
    const auto response = https_get(url, trusting_test_ca());
    ASSERT_FALSE(response) << url;
    EXPECT_EQ(response.error().code, Errc::kInvalidInput) << url;
  }
  const auto posted =
      https_post_form("http://localhost:1/token", {{"a", "b"}}, {}, trusting_test_ca());
  ASSERT_FALSE(posted);
  EXPECT_EQ(posted.error().code, Errc::kInvalidInput);
}

TEST(HttpsClient, RefusesHeadersThatCouldSmuggleOrOverride) {
  const std::string url = "https://localhost:1/token";
  for (const HttpFields& headers : std::vector<HttpFields>{{{"X-Test", "a\r\nInjected: 1"}},
                                                           {{"X-Test", std::string("a\0b", 3)}},
                                                           {{"Bad Name", "x"}},
                                                           {{"", "x"}},
                                                           {{"Host", "evil.example"}},
                                                           {{"content-length", "0"}},
                                                           {{"Transfer-Encoding", "chunked"}},
                                                           {{"Cookie", "a=b"}}}) {
    const auto response = https_post_form(url, {{"a", "b"}}, headers, trusting_test_ca());
    ASSERT_FALSE(response) << headers[0].first;
    EXPECT_EQ(response.error().code, Errc::kInvalidInput) << headers[0].first;
  }
}

TEST(HttpsClient, RefusesACaFileThatCannotBeRead) {
  HttpsClientOptions options;
  options.ca_file = (pki().dir / "missing.pem").string();
  const auto response = https_get("https://localhost:1/", options);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, Errc::kInvalidInput);
}

// --- limits -----------------------------------------------------------------

TEST(HttpsClient, RefusesABodyOverTheLimitInsteadOfCuttingIt) {
  for (const bool chunked : {false, true}) {
    TlsTestServer server(pki().localhost, [chunked](const ReceivedRequest&) {
      Reply reply = json_reply(std::string(2000, 'x'));
      reply.chunked(chunked);
      return reply;
    });
    HttpsClientOptions options = trusting_test_ca();
    options.max_body = 1000;
    const auto response = https_get(server.url("/"), options);
    ASSERT_FALSE(response) << "chunked " << chunked;
    EXPECT_EQ(response.error().code, Errc::kUnavailable);
    options.max_body = 2000;
    const auto exact = https_get(server.url("/"), options);
    ASSERT_TRUE(exact) << exact.error().detail;
    EXPECT_EQ(exact->body.size(), 2000u);
  }
}

// Timing is asserted loosely (10x) so a busy machine cannot make it flaky.
TEST(HttpsClient, GivesUpOnAServerThatAcceptsButNeverAnswers) {
  TlsTestServer server(
      pki().localhost, [](const ReceivedRequest&) { return json_reply("{}"); }, Behaviour::kSilent);
  HttpsClientOptions options = trusting_test_ca();
  options.timeout = milliseconds(300);
  const auto started = std::chrono::steady_clock::now();
  const auto response = https_get(server.url("/"), options);
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, Errc::kUnavailable);
  EXPECT_LT(took, options.timeout * 10);
}

TEST(HttpsClient, OneDeadlineCoversTheWholeCallSoATrickleCannotExtendIt) {
  TlsTestServer server(
      pki().localhost, [](const ReceivedRequest&) { return json_reply("{}"); },
      Behaviour::kTrickle);
  HttpsClientOptions options = trusting_test_ca();
  options.timeout = milliseconds(400);
  const auto started = std::chrono::steady_clock::now();
  const auto response = https_get(server.url("/"), options);
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, Errc::kUnavailable);
  // A per-read timeout would be reset by every byte and run the full 5 s.
  EXPECT_LT(took, milliseconds(4000));
}

// --- what it does not do ----------------------------------------------------

TEST(HttpsClient, ReturnsARedirectInsteadOfFollowingIt) {
  TlsTestServer server(pki().localhost, [](const ReceivedRequest& request) {
    Reply reply{bhttp::status::found, 11};
    reply.set(bhttp::field::location, request.target == "/start" ? "/elsewhere" : "/start");
    return reply;
  });
  const auto response = https_get(server.url("/start"), trusting_test_ca());
  ASSERT_TRUE(response) << response.error().detail;
  EXPECT_EQ(response->status, 302);
  EXPECT_EQ(server.received().size(), 1u);
}

TEST(HttpsClient, KeepsNoCookies) {
  TlsTestServer server(pki().localhost, [](const ReceivedRequest&) {
    Reply reply = json_reply("{}");
    reply.set(bhttp::field::set_cookie, "tracker=1; Secure; HttpOnly");
    return reply;
  });
  ASSERT_TRUE(https_get(server.url("/a"), trusting_test_ca()));
  ASSERT_TRUE(https_post_form(server.url("/b"), {}, {}, trusting_test_ca()));
  const auto received = server.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[1].cookie, "");
}

TEST(HttpsClient, CallsFromManyThreadsAreIndependent) {
  TlsTestServer server(pki().localhost, [](const ReceivedRequest& request) {
    return json_reply(request.target.substr(1));
  });
  std::vector<std::thread> threads;
  std::atomic<int> correct{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      const auto response = https_get(server.url("/" + std::to_string(i)), trusting_test_ca());
      if (response && response->body == std::to_string(i)) ++correct;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(correct, 4);
}

TEST(FormUrlencode, KeepsUnreservedCharactersAndEncodesTheRest) {
  EXPECT_EQ(form_urlencode({}), "");
  EXPECT_EQ(form_urlencode({{"a", ""}}), "a=");
  EXPECT_EQ(form_urlencode({{"AZaz09-._~", "!*'();:@&=+$,/?#[] "}}),
            "AZaz09-._~=%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D%20");
  EXPECT_EQ(form_urlencode({{"k", "\n\x7F\xFF"}, {"k", "2"}}), "k=%0A%7F%FF&k=2");
}

}  // namespace
}  // namespace stafett::http
