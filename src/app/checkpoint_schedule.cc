#include "app/checkpoint_schedule.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/access_chain.h"
#include "app/chain_checkpoints.h"

namespace stafett::app {

CheckpointSchedule::CheckpointSchedule(store::Database& db, const crypto::CheckpointKey& key,
                                       std::filesystem::path file, std::chrono::seconds interval, const Clock& clock)
    : db_(db), key_(key), file_(std::move(file)), interval_(interval), clock_(clock) {
  // Continue from what the file already holds: a restart does not repeat it.
  if (auto existing = read_checkpoints(file_)) {
    for (const auto& c : *existing) last_sequence_ = std::max(last_sequence_, c.sequence);
  }
  timer_.emplace(interval_, interval_, [this] {
    if (auto r = checkpoint_if_grown(); !r) {
      // The chain is still recorded; only its outside proof is late. Loud,
      // so the operator notices, but never a reason to stop serving.
      spdlog::error("access chain checkpoint not written: {}", r.error().detail);
    }
  }, /*once_more_at_stop=*/true);
}

Result<bool> CheckpointSchedule::checkpoint_if_grown() {
  std::lock_guard lock(write_mutex_);
  auto head = read_access_chain_head(db_);
  if (!head) return head.error();
  if (head->sequence == 0 || head->sequence <= last_sequence_) return false;
  auto written = write_checkpoint(db_, key_, file_, clock_);
  if (!written) return written.error();
  last_sequence_ = written->sequence;
  return true;
}

void CheckpointSchedule::stop() {
  if (timer_) timer_->stop();
}

}  // namespace stafett::app
