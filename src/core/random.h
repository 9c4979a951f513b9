#pragma once
// Cryptographically secure random identifiers (libsodium's randombytes).
// Thread-safe. Used for request ids now, and session ids, state and nonces later.
#include <cstddef>
#include <string>

namespace stafett {

// `bytes` random bytes as lowercase hex (2 * bytes characters).
std::string random_hex(std::size_t bytes);

}  // namespace stafett
