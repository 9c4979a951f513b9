#pragma once
// GroupCommit<T>: many threads each need "my item is durable before I go
// on" (an access record before data is shown), and one commit per item
// would make every read wait for its own fsync. Callers submit() and block;
// one committer thread takes everything that is waiting, commits it with a
// single call to `commit`, and wakes every caller of that batch with the
// batch's result. While one batch commits, the next one gathers, so the
// number of commits grows with the load far slower than the number of items.
//
// A failed commit fails every item in its batch (the caller then refuses to
// show data: no record, no access). After stop(), submit() fails at once.
// Thread-safety: submit() from any number of threads.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/result.h"

namespace stafett {

template <class T>
class GroupCommit {
  struct Waiter;  // below; a Ticket holds one

 public:
  using Commit = std::function<Result<void>(std::vector<T>&)>;

  // `max_batch`: at most this many items in one commit (bounds a transaction).
  explicit GroupCommit(Commit commit, std::size_t max_batch = 512)
      : commit_(std::move(commit)), max_batch_(max_batch), thread_([this] { run(); }) {}
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;
  ~GroupCommit() { stop(); }

  // A submitted item: wait() blocks until it has been committed (or its
  // batch failed). Lets a caller go on working while the commit runs.
  class Ticket {
   public:
    Result<void> wait() {
      if (!waiter_) return refused_;
      std::unique_lock lock(waiter_->mutex);
      waiter_->done_changed.wait(lock, [&] { return waiter_->done; });
      return waiter_->result;
    }

   private:
    friend class GroupCommit;
    explicit Ticket(std::shared_ptr<Waiter> waiter) : waiter_(std::move(waiter)) {}
    explicit Ticket(Error refused) : refused_(std::move(refused)) {}
    std::shared_ptr<Waiter> waiter_;
    Result<void> refused_;
  };

  // Queues `item` for the next commit and returns at once.
  Ticket enqueue(T item) {
    auto waiter = std::make_shared<Waiter>();
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return Ticket(Error{Errc::kUnavailable, "group commit stopped"});
      pending_.push_back({std::move(item), waiter});
    }
    wake_.notify_one();
    return Ticket(std::move(waiter));
  }

  // Blocks until `item` has been committed (or its batch failed).
  Result<void> submit(T item) { return enqueue(std::move(item)).wait(); }

  // Commits what is waiting, then ends the committer thread.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    std::lock_guard join_lock(join_mutex_);  // two stop()s never join at once
    if (thread_.joinable()) thread_.join();
  }

  // How many commits have been made (for measurements and tests).
  std::size_t commits() const {
    std::lock_guard lock(mutex_);
    return commits_;
  }

 private:
  struct Waiter {
    std::mutex mutex;
    std::condition_variable done_changed;
    bool done = false;
    Result<void> result;
  };
  struct Pending {
    T item;
    std::shared_ptr<Waiter> waiter;
  };

  void run() {
    for (;;) {
      std::vector<Pending> batch;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
        if (pending_.empty() && stopping_) return;
        while (!pending_.empty() && batch.size() < max_batch_) {
          batch.push_back(std::move(pending_.front()));
          pending_.pop_front();
        }
      }
      std::vector<T> items;
      items.reserve(batch.size());
      for (auto& p : batch) items.push_back(std::move(p.item));
      Result<void> result = make_error(Errc::kInternal, "commit threw");
      try {
        result = commit_(items);
      } catch (...) {
        // result stays the error: the batch is refused, never half-reported
      }
      {
        std::lock_guard lock(mutex_);
        ++commits_;
      }
      for (auto& p : batch) {
        std::lock_guard lock(p.waiter->mutex);
        p.waiter->result = result;
        p.waiter->done = true;
        p.waiter->done_changed.notify_one();
      }
    }
  }

  Commit commit_;
  const std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::mutex join_mutex_;
  std::condition_variable wake_;
  std::deque<Pending> pending_;
  bool stopping_ = false;
  std::size_t commits_ = 0;
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace stafett
