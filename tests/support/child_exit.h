#pragma once
// Waiting for a child process the tests started (the server, the stand-in
// identity provider), without blocking forever on one that hangs.
#include <sys/types.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

namespace stafett::testing {

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
