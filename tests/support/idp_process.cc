#include "support/idp_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/server_process.h"
#include "support/child_process.h"
#include "support/test_database.h"

namespace stafett::testing {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string tail(const std::string& text, int lines) {
  std::size_t pos = text.size();
  while (lines-- > 0 && pos > 0) {
    const auto nl = text.rfind('\n', pos - 1);
    if (nl == std::string::npos) return text;
    pos = nl;
  }
  return text.substr(pos);
}

std::string string_at(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) throw std::runtime_error(std::string("idp.json has no string '") + key + "'");
  return std::string(v->get_string());
}

boost::json::array strings(const std::vector<std::string>& values) {
  boost::json::array a;
  for (const auto& v : values) a.emplace_back(v);
  return a;
}

}  // namespace

std::unique_ptr<IdpProcess> IdpProcess::start(const IdpOptions& options) {
  std::unique_ptr<IdpProcess> p(new IdpProcess());
  p->dir_ = make_temp_dir();
  const std::string log = p->dir_ + "/idp.log";
  const std::string ready_file = p->dir_ + "/idp.json";

  std::vector<std::string> args = {STAFETT_NODE_PATH, source_dir() + "/tests/idp/provider.mjs", "--state-dir", p->dir_,
                                   "--port", "0"};
  for (const auto& uri : options.relying_party.redirect_uris) args.insert(args.end(), {"--redirect-uri", uri});
  for (const auto& uri : options.relying_party.post_logout_redirect_uris) {
    args.insert(args.end(), {"--post-logout-uri", uri});
  }
  if (!options.relying_party.frontchannel_logout_uri.empty()) {
    args.insert(args.end(), {"--frontchannel-logout-uri", options.relying_party.frontchannel_logout_uri});
  }
  // Its stdin is a pipe only we hold (close-on-exec, so no other child
  // inherits it): when this process ends, however it ends, the IdP sees EOF.
  int in[2];
  if (::pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  pid_t pid = -1;
  try {
    pid = spawn_logged(args, log, in[0]);
  } catch (...) {
    ::close(in[0]);
    ::close(in[1]);
    throw;
  }
  ::close(in[0]);
  p->stdin_fd_ = in[1];
  p->pid_ = pid;

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.ready_timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(read_file(ready_file), ec);
    if (!ec && parsed.is_object()) {
      const auto& o = parsed.get_object();
      const auto* child = o.if_contains("pid");
      if (child != nullptr && child->is_int64() && child->get_int64() == pid) {
        p->config_ = o;
        p->issuer_ = string_at(o, "issuer");
        p->employee_issuer_ = string_at(o, "employee_issuer");
        p->ca_file_ = string_at(o, "ca_file");
        p->citizen_key_file_ = string_at(o, "citizen_client_key_file");
        p->citizen_key_id_ = string_at(o, "citizen_client_key_id");
        p->employee_secret_ = string_at(o, "employee_client_secret");
        p->employee_tenant_id_ = string_at(o, "employee_tenant_id");
        p->port_ = static_cast<std::uint16_t>(o.at("port").to_number<int>());
        return p;
      }
    }
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      p->pid_ = -1;
      throw std::runtime_error("the stand-in IdP (tests/idp/provider.mjs) exited during start-up" +
                               std::string(WIFEXITED(status) ? " with code " + std::to_string(WEXITSTATUS(status))
                                                             : "") +
                               ":\n" + tail(p->output(), 40));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  p->stop(1000);
  throw std::runtime_error("the stand-in IdP did not write " + ready_file + " within " +
                           std::to_string(options.ready_timeout_ms) + " ms (is `npm ci` done?):\n" +
                           tail(p->output(), 40));
}

IdpProcess::~IdpProcess() { stop(5000); }

void IdpProcess::set_relying_party(const std::string& client_id, const RelyingParty& relying_party) {
  boost::json::object entry;
  entry["redirect_uris"] = strings(relying_party.redirect_uris);
  entry["post_logout_redirect_uris"] = strings(relying_party.post_logout_redirect_uris);
  if (!relying_party.frontchannel_logout_uri.empty()) {
    entry["frontchannel_logout_uri"] = relying_party.frontchannel_logout_uri;
  }
  relying_parties_[client_id] = std::move(entry);
  const std::string file = string_at(config_, "relying_party_file");
  const std::string tmp = file + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << boost::json::serialize(relying_parties_);
    if (!out.flush()) throw std::runtime_error("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), file.c_str()) != 0) throw std::runtime_error("cannot rename " + tmp + " to " + file);
}

bool IdpProcess::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

int IdpProcess::stop(int timeout_ms) {
  int status = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    status = wait_exit(pid_, timeout_ms);
    if (status == -1) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    pid_ = -1;
  }
  if (stdin_fd_ >= 0) {
    ::close(stdin_fd_);
    stdin_fd_ = -1;
  }
  return status;
}

std::string IdpProcess::output() const { return read_file(dir_ + "/idp.log"); }

}  // namespace stafett::testing
