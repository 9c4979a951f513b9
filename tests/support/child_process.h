#pragma once
// Starting and waiting for the child processes the tests run (the server,
// the stand-in identity provider), without blocking forever on one that hangs.
#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace stafett::testing {

// Runs `args` (args[0] is the program) with stdout and stderr appended to
// `log_file`, and `stdin_fd` as its stdin when it is not -1. With
// `stderr_file`, stderr goes there instead (a test that reads the two apart).
// Throws when the process cannot be started.
inline pid_t spawn_logged(std::vector<std::string> args, const std::string& log_file, int stdin_fd = -1,
                          const std::string& stderr_file = {}) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (stdin_fd >= 0) ::dup2(stdin_fd, 0);
    const int fd = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    if (!stderr_file.empty()) {
      const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (err >= 0) {
        ::dup2(err, 2);
        ::close(err);
      }
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

// The child's exit status (128 + signal when killed), or -1 when it has not
// exited within `timeout_ms`.
inline int wait_exit(pid_t pid, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
      return -1;
    }
    if (std::chrono::steady_clock::now() > deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace stafett::testing
