// The C++ launcher of the stand-in identity provider (tests/support/
// idp_process.h): it starts, serves both issuers over TLS that OpenSSL
// accepts with the written CA (and only with it), hands out the client
// credentials, takes new relying-party URIs, and never outlives its parent.
// The provider's OpenID behaviour is tested in tests/idp/provider.test.mjs.
#include <fcntl.h>
#include <poll.h>
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
#include "support/oidc_browser.h"

namespace stafett::testing {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
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
    HttpResponse got;
    try {
      got = https_request(idp->port(), idp->ca_file(), "GET", path_of(issuer) + "/.well-known/openid-configuration");
    } catch (const std::exception& e) {
      FAIL() << e.what() << "\n" << idp->output();
    }
    EXPECT_EQ(got.status, 200) << got.body;
    EXPECT_NE(got.body.find("\"issuer\":\"" + issuer + "\""), std::string::npos) << got.body;
  }
}

TEST(IdpProcess, IsNotTrustedWithoutItsCa) {
  auto idp = IdpProcess::start();
  std::string error;
  try {
    https_request(idp->port(), "", "GET", "/idporten/.well-known/openid-configuration");
  } catch (const std::exception& e) {
    error = e.what();
  }
  EXPECT_NE(error.find("certificate verify failed"), std::string::npos) << "connected, or: " << error;
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
  // The child reports the IdP's pid, or why it could not start one, through a
  // pipe the IdP does not inherit; the wait for it is bounded, so a child
  // that hangs fails this test with its reason instead of timing out CTest.
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    std::string report;
    try {
      auto idp = IdpProcess::start({.ready_timeout_ms = 60000});
      report = "pid " + std::to_string(idp->pid());
      (void)idp.release();  // no destructor: as if the test process crashed
    } catch (const std::exception& e) {
      report = std::string("error ") + e.what();
    }
    (void)!::write(fds[1], report.data(), report.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string report;
  const auto report_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(report_deadline -
                                                                            std::chrono::steady_clock::now());
    pollfd p{.fd = fds[0], .events = POLLIN, .revents = 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buf[4096];
    const auto n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    report.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (report.rfind("pid ", 0) != 0) ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ASSERT_EQ(report.rfind("pid ", 0), 0u) << "the child could not start the IdP within 90 s: " << report;
  const pid_t idp_pid = static_cast<pid_t>(std::stol(report.substr(4)));
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
