// The C++ launcher of the stand-in identity provider (tests/support/
// idp_process.h): it starts, serves both issuers over TLS that OpenSSL
// accepts with the written CA (and only with it), hands out the client
// credentials, takes new relying-party URIs, and never outlives its parent.
// The provider's OpenID behaviour is tested in tests/idp/provider.test.mjs.
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "support/idp_process.h"

namespace stafett::testing {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct HttpsResult {
  bool connected = false;
  std::string error;
  std::string response;
};

// One GET over TLS to 127.0.0.1:port, verifying the certificate against
// `ca_file` (empty: the system's trust store) and the IP address 127.0.0.1.
HttpsResult https_get(std::uint16_t port, const std::string& path, const std::string& ca_file) {
  HttpsResult result;
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  if (ca_file.empty()) {
    SSL_CTX_set_default_verify_paths(ctx);
  } else {
    SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr);
  }
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  BIO* bio = BIO_new_ssl_connect(ctx);
  const std::string host = "127.0.0.1:" + std::to_string(port);
  BIO_set_conn_hostname(bio, host.c_str());
  SSL* ssl = nullptr;
  BIO_get_ssl(bio, &ssl);
  X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), "127.0.0.1");
  if (BIO_do_connect(bio) <= 0) {
    result.error = ERR_error_string(ERR_get_error(), nullptr);
  } else {
    result.connected = true;
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    BIO_write(bio, request.data(), static_cast<int>(request.size()));
    char buf[4096];
    int n;
    while ((n = BIO_read(bio, buf, sizeof buf)) > 0) result.response.append(buf, static_cast<std::size_t>(n));
  }
  BIO_free_all(bio);
  SSL_CTX_free(ctx);
  return result;
}

std::string path_of(const std::string& url) {
  const auto slash = url.find('/', url.find("://") + 3);
  return url.substr(slash);
}

// A process is gone when it no longer exists or is a zombie nobody reaped.
bool gone(pid_t pid) {
  if (::kill(pid, 0) != 0) return errno == ESRCH;
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  const auto paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] == 'Z';
}

TEST(IdpProcess, ServesBothIssuersOverTlsTrustedThroughItsCaFile) {
  auto idp = IdpProcess::start();
  const std::string origin = "https://127.0.0.1:" + std::to_string(idp->port());
  EXPECT_EQ(idp->issuer(), origin + "/idporten");
  EXPECT_EQ(idp->employee_issuer(), origin + "/entra/" + idp->employee_tenant_id() + "/v2.0");
  for (const auto& issuer : {idp->issuer(), idp->employee_issuer()}) {
    const auto got = https_get(idp->port(), path_of(issuer) + "/.well-known/openid-configuration", idp->ca_file());
    ASSERT_TRUE(got.connected) << got.error << "\n" << idp->output();
    EXPECT_EQ(got.response.rfind("HTTP/1.1 200", 0), 0u) << got.response;
    EXPECT_NE(got.response.find("\"issuer\":\"" + issuer + "\""), std::string::npos) << got.response;
  }
}

TEST(IdpProcess, IsNotTrustedWithoutItsCa) {
  auto idp = IdpProcess::start();
  const auto got = https_get(idp->port(), "/idporten/.well-known/openid-configuration", "");
  EXPECT_FALSE(got.connected);
  EXPECT_NE(got.error.find("certificate verify failed"), std::string::npos) << got.error;
}

TEST(IdpProcess, HandsOutTheClientCredentialsAndTestUsers) {
  auto idp = IdpProcess::start();
  EXPECT_EQ(read_file(idp->citizen_client_key_file()).rfind("-----BEGIN PRIVATE KEY-----", 0), 0u) << "PKCS#8 PEM";
  EXPECT_EQ(std::filesystem::status(idp->citizen_client_key_file()).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);
  EXPECT_FALSE(idp->citizen_client_key_id().empty());
  EXPECT_GE(idp->employee_client_secret().size(), 32u);
  EXPECT_EQ(read_file(idp->ca_file()).rfind("-----BEGIN CERTIFICATE-----", 0), 0u);
  const auto& citizens = idp->config().at("citizens").as_array();
  bool hanne = false;
  for (const auto& c : citizens) {
    if (c.at("key") == "hanne") {
      hanne = true;
      EXPECT_EQ(c.at("pid"), "22838733305");
      EXPECT_EQ(c.at("acr"), "idporten-loa-high");
    }
  }
  EXPECT_TRUE(hanne);
}

TEST(IdpProcess, WritesRelyingPartyUrisForTheProvider) {
  auto idp = IdpProcess::start({.relying_party = {.redirect_uris = {"http://127.0.0.1:1/cb"}}});
  idp->set_relying_party(IdpProcess::kCitizenClientId, {.redirect_uris = {"http://127.0.0.1:4711/login/idporten/callback"},
                                                         .post_logout_redirect_uris = {"http://127.0.0.1:4711/"},
                                                         .frontchannel_logout_uri = "http://127.0.0.1:4711/fc"});
  idp->set_relying_party(IdpProcess::kEmployeeClientId, {.redirect_uris = {"http://127.0.0.1:4711/login/entra/callback"}});
  const auto written = boost::json::parse(read_file(idp->state_dir() + "/relying-party.json")).as_object();
  EXPECT_EQ(written.at("stafett-citizen").at("redirect_uris").at(0), "http://127.0.0.1:4711/login/idporten/callback");
  EXPECT_EQ(written.at("stafett-citizen").at("frontchannel_logout_uri"), "http://127.0.0.1:4711/fc");
  EXPECT_EQ(written.at("stafett-employee").at("redirect_uris").at(0), "http://127.0.0.1:4711/login/entra/callback");
  EXPECT_TRUE(idp->running()) << idp->output();
}

TEST(IdpProcess, StopsCleanlyOnSigterm) {
  auto idp = IdpProcess::start();
  EXPECT_EQ(idp->stop(), 0) << idp->output();
  EXPECT_FALSE(idp->running());
  EXPECT_FALSE(std::filesystem::exists(idp->state_dir() + "/idp.json")) << "no stale idp.json for the next launcher";
}

TEST(IdpProcess, NeverOutlivesTheProcessThatStartedIt) {
  // A child starts the IdP and dies without cleaning up; the IdP must follow.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    try {
      auto idp = IdpProcess::start();
      const pid_t idp_pid = idp->pid();
      (void)!::write(fds[1], &idp_pid, sizeof idp_pid);
      (void)idp.release();  // no destructor: as if the test process crashed
    } catch (...) {
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  pid_t idp_pid = -1;
  const auto n = ::read(fds[0], &idp_pid, sizeof idp_pid);
  ::close(fds[0]);
  ::waitpid(child, nullptr, 0);
  ASSERT_EQ(n, static_cast<ssize_t>(sizeof idp_pid)) << "the child could not start the IdP";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!gone(idp_pid) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const bool exited = gone(idp_pid);
  if (!exited) ::kill(idp_pid, SIGKILL);
  EXPECT_TRUE(exited) << "the IdP outlived its parent";
}

}  // namespace
}  // namespace stafett::testing
