#include "core/random.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace stafett {

std::string random_hex(std::size_t bytes) {
  // sodium_init is idempotent and thread-safe; it only fails when no entropy source exists.
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) throw std::runtime_error("libsodium could not be initialised");
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), buf.data(), buf.size());
  hex.pop_back();
  return hex;
}

}  // namespace stafett
