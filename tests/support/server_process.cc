#include "support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/child_process.h"
#include "support/test_database.h"

namespace stafett::testing {
namespace {

pid_t spawn(const std::vector<std::string>& args, const std::string& log_file) {
  std::vector<std::string> all{stafett_binary()};
  all.insert(all.end(), args.begin(), args.end());
  return spawn_logged(std::move(all), log_file);
}

}  // namespace

std::string stafett_binary() { return STAFETT_BIN_PATH; }
std::string source_dir() { return STAFETT_SOURCE_DIR; }

int run_stafett(const std::vector<std::string>& args, const std::string& log_file) {
  const pid_t pid = spawn(args, log_file);
  const int status = wait_exit(pid, 60000);
  if (status == -1) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }
  return status;
}

std::unique_ptr<ServerProcess> ServerProcess::start(const std::string& database_url,
                                                    const std::vector<std::string>& extra_args,
                                                    const std::string& listen) {
  std::unique_ptr<ServerProcess> p(new ServerProcess());
  p->dir_ = make_temp_dir();
  const std::string log = p->dir_ + "/server.log";
  const std::string key_file = p->dir_ + "/stafett.key";
  if (run_stafett({"seed-demo", "--database-url", database_url, "--key-file", key_file}, log) != 0) {
    std::ifstream in(log);
    std::stringstream s;
    s << in.rdbuf();
    throw std::runtime_error("seed-demo failed:\n" + s.str());
  }
  const std::string port_file = p->dir_ + "/port";
  std::vector<std::string> args = {"serve",      "--database-url", database_url, "--listen",
                                   listen,        "--port-file",    port_file,    "--web-root",
                                   source_dir() + "/web", "--key-file", key_file};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  p->pid_ = spawn(args, log);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) {
      p->port_ = static_cast<std::uint16_t>(port);
      return p;
    }
    int status = 0;
    if (::waitpid(p->pid_, &status, WNOHANG) == p->pid_) {
      p->pid_ = -1;
      throw std::runtime_error("server exited during start-up:\n" + p->output());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("server did not start within 20 s:\n" + p->output());
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

int ServerProcess::stop(int signal, int timeout_ms) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  const int status = wait_exit(pid_, timeout_ms);
  if (status == -1) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  pid_ = -1;
  return status;
}

bool ServerProcess::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

std::string ServerProcess::output() const {
  std::ifstream in(dir_ + "/server.log");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace stafett::testing
