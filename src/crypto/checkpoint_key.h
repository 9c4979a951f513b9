#pragma once
// CheckpointKey: the Ed25519 key that signs checkpoints of the hash chain
// (hash_chain.h). It lives in a file outside the database (like DataKeys),
// so whoever can rewrite the database cannot forge a checkpoint; the public
// key is what an outside party verifies checkpoints with.
// Thread-safety: immutable after construction; safe to share.
#include <array>
#include <cstdint>
#include <filesystem>

#include "core/result.h"
#include "crypto/hash_chain.h"

namespace stafett::crypto {

class CheckpointKey {
 public:
  // Reads the key file (the 32-byte seed as 64 hex characters), or creates
  // it with a fresh random seed and mode 0600 when it does not exist.
  static Result<CheckpointKey> load_or_create(const std::filesystem::path& file);
  // A key from a fixed seed byte, for tests.
  static CheckpointKey for_testing(std::uint8_t fill);

  Checkpoint sign(std::uint64_t sequence, const ChainHash& head, TimePoint at) const;
  const PublicKey& public_key() const { return public_key_; }

 private:
  static CheckpointKey from_seed(const std::array<std::uint8_t, 32>& seed);
  std::array<std::uint8_t, 64> secret_key_{};
  PublicKey public_key_{};
};

}  // namespace stafett::crypto
