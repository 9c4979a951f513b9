#include "crypto/data_keys.h"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace stafett::crypto {
namespace {

bool sodium_ready() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

}  // namespace

Result<DataKeys> DataKeys::load_or_create(const std::filesystem::path& file) {
  if (!sodium_ready()) return make_error(Errc::kInternal, "libsodium could not be initialised");
  DataKeys keys;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path(), ec);
    randombytes_buf(keys.seal_key_.data(), keys.seal_key_.size());
    randombytes_buf(keys.hash_key_.data(), keys.hash_key_.size());
    char hex[129];
    std::uint8_t both[64];
    std::copy(keys.seal_key_.begin(), keys.seal_key_.end(), both);
    std::copy(keys.hash_key_.begin(), keys.hash_key_.end(), both + 32);
    sodium_bin2hex(hex, sizeof hex, both, sizeof both);
    sodium_memzero(both, sizeof both);
    const mode_t old = ::umask(077);
    std::ofstream out(file);
    out << hex << '\n';
    ::umask(old);
    sodium_memzero(hex, sizeof hex);
    if (!out) return make_error(Errc::kUnavailable, "cannot write key file " + file.string());
    return keys;
  }
  std::ifstream in(file);
  std::string text;
  in >> text;
  std::uint8_t both[64];
  std::size_t len = 0;
  if (text.size() != 128 ||
      sodium_hex2bin(both, sizeof both, text.data(), text.size(), nullptr, &len, nullptr) != 0 || len != 64) {
    sodium_memzero(text.data(), text.size());
    return make_error(Errc::kInvalidInput, "key file " + file.string() + " must hold 128 hex characters");
  }
  sodium_memzero(text.data(), text.size());
  std::copy(both, both + 32, keys.seal_key_.begin());
  std::copy(both + 32, both + 64, keys.hash_key_.begin());
  sodium_memzero(both, sizeof both);
  return keys;
}

DataKeys DataKeys::for_testing(std::uint8_t fill) {
  sodium_ready();
  DataKeys keys;
  keys.seal_key_.fill(fill);
  keys.hash_key_.fill(static_cast<std::uint8_t>(fill ^ 0x5a));
  return keys;
}

Bytes DataKeys::seal(std::string_view plaintext) const {
  Bytes out(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() +
            crypto_aead_xchacha20poly1305_ietf_ABYTES);
  randombytes_buf(out.data(), crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out.data() + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
      reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), nullptr, 0, nullptr,
      out.data(), seal_key_.data());
  out.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + written);
  return out;
}

Result<std::string> DataKeys::open(const Bytes& sealed) const {
  constexpr auto kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr auto kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (sealed.size() < kNonce + kTag) return make_error(Errc::kInvalidInput, "sealed value too short");
  std::string plain(sealed.size() - kNonce - kTag, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &written,
                                                 nullptr, sealed.data() + kNonce, sealed.size() - kNonce,
                                                 nullptr, 0, sealed.data(), seal_key_.data()) != 0) {
    return make_error(Errc::kInvalidInput, "sealed value does not open with this key");
  }
  plain.resize(written);
  return plain;
}

Bytes DataKeys::lookup_hash(std::string_view national_id) const {
  Bytes out(32);
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(national_id.data()),
                     national_id.size(), hash_key_.data(), hash_key_.size());
  return out;
}

std::string content_hash(std::string_view text) {
  const Bytes h = token_hash(text);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h.data(), h.size());
  return hex;
}

Bytes token_hash(std::string_view token) {
  sodium_ready();
  Bytes out(32);
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return out;
}

}  // namespace stafett::crypto
