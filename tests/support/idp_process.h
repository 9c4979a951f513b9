#pragma once
// Runs the stand-in OpenID provider (tests/idp/provider.mjs: npm's
// oidc-provider on 127.0.0.1 over HTTPS) as a child process, standing in for
// ID-porten (citizens) and Entra ID (employees). See docs/development.md,
// "The stand-in identity provider", for its test users and their claims.
//
// Order: start the IdP first (the server needs its issuers and CA file), then
// the server, then tell the IdP the server's URIs with set_relying_party();
// the provider reads them on its next request.
#include <sys/types.h>

#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace stafett::testing {

// A client's URIs at the relying party (our server).
struct RelyingParty {
  std::vector<std::string> redirect_uris = {};
  std::vector<std::string> post_logout_redirect_uris = {};
  std::string frontchannel_logout_uri = {};  // empty: none
};

struct IdpOptions {
  // Registered for both clients from the start (--redirect-uri etc.).
  RelyingParty relying_party = {};
  int ready_timeout_ms = 120000;
};

class IdpProcess {
 public:
  static constexpr const char* kCitizenClientId = "stafett-citizen";
  static constexpr const char* kEmployeeClientId = "stafett-employee";

  // Starts `node tests/idp/provider.mjs` in a new temporary state dir and
  // waits for its idp.json. Throws (with the end of its log) if it does not
  // get ready in time.
  static std::unique_ptr<IdpProcess> start(const IdpOptions& options = {});
  // Stops it (SIGTERM, then SIGKILL after a grace period).
  ~IdpProcess();
  IdpProcess(const IdpProcess&) = delete;
  IdpProcess& operator=(const IdpProcess&) = delete;

  // "https://127.0.0.1:PORT/idporten"
  const std::string& issuer() const { return issuer_; }
  // "https://127.0.0.1:PORT/entra/<tenant>/v2.0"
  const std::string& employee_issuer() const { return employee_issuer_; }
  // The throwaway CA that signed the server certificate (PEM).
  const std::string& ca_file() const { return ca_file_; }
  std::uint16_t port() const { return port_; }
  // private_key_jwt credentials of stafett-citizen: PKCS#8 PEM RSA key, kid.
  const std::string& citizen_client_key_file() const { return citizen_key_file_; }
  const std::string& citizen_client_key_id() const { return citizen_key_id_; }
  // client_secret_post credentials of stafett-employee.
  const std::string& employee_client_secret() const { return employee_secret_; }
  const std::string& employee_tenant_id() const { return employee_tenant_id_; }
  const std::string& state_dir() const { return dir_; }
  // All of idp.json, e.g. config().at("citizens") for the test users.
  const boost::json::object& config() const { return config_; }

  // Replaces one client's URIs (writes relying-party.json atomically).
  void set_relying_party(const std::string& client_id, const RelyingParty& relying_party);

  pid_t pid() const { return pid_; }
  bool running();
  // SIGTERM and wait; SIGKILL after `timeout_ms`. Returns the exit status,
  // 128 + signal if killed by one, -1 if it had to be killed or never ran.
  int stop(int timeout_ms = 10000);
  // Everything it wrote to stdout and stderr so far.
  std::string output() const;

 private:
  IdpProcess() = default;
  pid_t pid_ = -1;
  int stdin_fd_ = -1;  // its stdin: when this process dies, the IdP exits
  std::string dir_;
  std::string issuer_, employee_issuer_, ca_file_, citizen_key_file_, citizen_key_id_, employee_secret_,
      employee_tenant_id_;
  std::uint16_t port_ = 0;
  boost::json::object config_;
  boost::json::object relying_parties_;
};

}  // namespace stafett::testing
