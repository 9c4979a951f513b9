#include "crypto/checkpoint_key.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace stafett::crypto {

CheckpointKey CheckpointKey::from_seed(const std::array<std::uint8_t, 32>& seed) {
  CheckpointKey key;
  crypto_sign_seed_keypair(key.public_key_.data(), key.secret_key_.data(), seed.data());
  return key;
}

Result<CheckpointKey> CheckpointKey::load_or_create(const std::filesystem::path& file) {
  if (sodium_init() < 0) return make_error(Errc::kInternal, "libsodium could not be initialised");
  std::array<std::uint8_t, 32> seed{};
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path(), ec);
    randombytes_buf(seed.data(), seed.size());
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, seed.data(), seed.size());
    const mode_t old = ::umask(077);
    std::ofstream out(file);
    out << hex << '\n';
    ::umask(old);
    sodium_memzero(hex, sizeof hex);
    if (!out) return make_error(Errc::kUnavailable, "cannot write checkpoint key file " + file.string());
  } else {
    std::ifstream in(file);
    std::string text;
    in >> text;
    std::size_t len = 0;
    const bool ok = text.size() == 64 &&
                    sodium_hex2bin(seed.data(), seed.size(), text.data(), text.size(), nullptr, &len, nullptr) == 0 &&
                    len == seed.size();
    sodium_memzero(text.data(), text.size());
    if (!ok) return make_error(Errc::kInvalidInput, "checkpoint key file " + file.string() + " must hold 64 hex characters");
  }
  auto key = from_seed(seed);
  sodium_memzero(seed.data(), seed.size());
  return key;
}

CheckpointKey CheckpointKey::for_testing(std::uint8_t fill) {
  if (sodium_init() < 0) std::abort();  // tests only: nothing works without libsodium
  std::array<std::uint8_t, 32> seed{};
  seed.fill(fill);
  return from_seed(seed);
}

Checkpoint CheckpointKey::sign(std::uint64_t sequence, const ChainHash& head, TimePoint at) const {
  Checkpoint c{sequence, head, at, {}};
  const std::string message = checkpoint_message(sequence, head, at);
  crypto_sign_detached(c.signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), secret_key_.data());
  return c;
}

}  // namespace stafett::crypto
