#pragma once
// CheckpointSchedule: the server signs the access chain's head every
// `interval`, and once more when it stops, whenever the chain has grown since
// the last checkpoint. A chain alone cannot show that its end was cut off or
// that it was rewritten from an edit onwards; a signed head outside the
// database can, for everything up to the latest checkpoint. So the interval
// bounds how much could be rewritten unnoticed (app/chain_checkpoints.h).
// Thread-safety: the schedule runs one thread of its own (core/periodic.h);
// stop() from any.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>

#include "core/clock.h"
#include "core/periodic.h"
#include "core/result.h"
#include "crypto/checkpoint_key.h"
#include "store/database.h"

namespace stafett::app {

class CheckpointSchedule {
 public:
  // REQUIRES: db, key and clock outlive this object; interval > 0.
  CheckpointSchedule(store::Database& db, const crypto::CheckpointKey& key, std::filesystem::path file,
                     std::chrono::seconds interval, const Clock& clock);
  CheckpointSchedule(const CheckpointSchedule&) = delete;
  CheckpointSchedule& operator=(const CheckpointSchedule&) = delete;
  ~CheckpointSchedule() { stop(); }

  // A checkpoint now if the chain grew since the last one; true if written.
  Result<bool> checkpoint_if_grown();
  // Writes a last checkpoint and ends the thread.
  void stop();

 private:
  store::Database& db_;
  const crypto::CheckpointKey& key_;
  const std::filesystem::path file_;
  const std::chrono::seconds interval_;
  const Clock& clock_;
  std::uint64_t last_sequence_ = 0;  // head of the last checkpoint written (or found in the file)
  std::mutex write_mutex_;           // one checkpoint at a time
  std::optional<Periodic> timer_;    // last: starts after everything it uses exists
};

}  // namespace stafett::app
