#pragma once
// DataKeys: the secret keys that protect personal identifiers at rest.
// A national identity number is stored only as
//   - seal(): XChaCha20-Poly1305 ciphertext (random nonce prepended), so it can
//     be shown to those entitled to it, and
//   - lookup_hash(): a keyed BLAKE2b-256 hash, so a login's `pid` can find the
//     person without decrypting every row.
// The keys live in a file outside the database (var/stafett.key by default,
// `key_file` in the config), so a stolen database alone reveals no numbers.
// Thread-safety: immutable after construction; safe to share.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace stafett::crypto {

using Bytes = std::vector<std::uint8_t>;

class DataKeys {
 public:
  // Reads the key file (64 random bytes as 128 hex characters). When it does
  // not exist, creates it with fresh random keys and mode 0600: losing it
  // makes the stored numbers unreadable, so back it up.
  static Result<DataKeys> load_or_create(const std::filesystem::path& file);
  // Keys from fixed bytes, for tests.
  static DataKeys for_testing(std::uint8_t fill);

  Bytes seal(std::string_view plaintext) const;
  // kInvalidInput when the ciphertext was altered or sealed with another key.
  Result<std::string> open(const Bytes& sealed) const;
  Bytes lookup_hash(std::string_view national_id) const;

 private:
  std::array<std::uint8_t, 32> seal_key_{};
  std::array<std::uint8_t, 32> hash_key_{};
};

// BLAKE2b-256 of a text as 64 hex characters (e.g. the consent information
// text a family was shown, recorded with their consent).
std::string content_hash(std::string_view text);

// Unkeyed BLAKE2b-256 of a session token: what the database stores instead of
// the token itself.
Bytes token_hash(std::string_view token);

}  // namespace stafett::crypto
