#pragma once
// Runs the real `stafett` executable as a child process, the way an operator
// would: seed-demo, then serve on an ephemeral port. Tests talk to it over
// HTTP and read its log output.
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace stafett::testing {

// Path of the stafett binary and the source tree, compiled in by CMake.
std::string stafett_binary();
std::string source_dir();

// Runs `stafett args...` to completion; returns the exit status.
int run_stafett(const std::vector<std::string>& args, const std::string& log_file);

class ServerProcess {
 public:
  // Seeds `database_url` with the demo data, then starts `serve` with
  // `extra_args` and waits until it listens. Throws if it does not start.
  // `listen`: host:port; a fixed port when the server must know its own URL
  // before it starts (the redirect URIs of a login at an identity provider).
  static std::unique_ptr<ServerProcess> start(const std::string& database_url,
                                              const std::vector<std::string>& extra_args = {},
                                              const std::string& listen = "127.0.0.1:0");
  ~ServerProcess();

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits for the exit; returns the exit status, or
  // 128 + signal number if it died from a signal. -1 on timeout (then killed).
  int stop(int signal = 15, int timeout_ms = 30000);
  bool running();
  // Everything the server wrote to stdout and stderr so far.
  std::string output() const;

 private:
  ServerProcess() = default;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::string dir_;
};

}  // namespace stafett::testing
