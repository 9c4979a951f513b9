#pragma once
// Periodic: runs `work` on a thread of its own, first `first_after` after
// construction, then every `interval`, until stop() (or destruction); with
// `once_more_at_stop`, a last time when stopped. The server's timed jobs
// (checkpoints of the access chain, retention) use it.
// Thread-safety: stop() from any thread, also more than once.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace stafett {

class Periodic {
 public:
  Periodic(std::chrono::milliseconds first_after, std::chrono::milliseconds interval, std::function<void()> work,
           bool once_more_at_stop);
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;
  ~Periodic() { stop(); }

  // Ends the thread after the run in progress (and the last one, if asked).
  void stop();

 private:
  void run();

  const std::chrono::milliseconds first_after_;
  const std::chrono::milliseconds interval_;
  const std::function<void()> work_;
  const bool once_more_at_stop_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace stafett
