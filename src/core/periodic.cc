#include "core/periodic.h"

namespace stafett {

Periodic::Periodic(std::chrono::milliseconds first_after, std::chrono::milliseconds interval,
                   std::function<void()> work, bool once_more_at_stop)
    : first_after_(first_after), interval_(interval), work_(std::move(work)), once_more_at_stop_(once_more_at_stop) {
  thread_ = std::thread([this] { run(); });
}

void Periodic::run() {
  std::unique_lock lock(mutex_);
  auto wait = first_after_;
  for (;;) {
    const bool stopped = wake_.wait_for(lock, wait, [&] { return stopping_; });
    if (stopped && !once_more_at_stop_) return;
    lock.unlock();
    work_();
    lock.lock();
    if (stopped) return;
    wait = interval_;
  }
}

void Periodic::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

}  // namespace stafett
