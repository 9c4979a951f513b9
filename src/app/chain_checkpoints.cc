#include "app/chain_checkpoints.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <span>

#include "app/access_chain.h"

namespace stafett::app {
namespace {

std::string hex(std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * bytes.size());
  for (std::uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // lower case only: one spelling per checkpoint
}

// Exactly 2 * out.size() lower-case hex digits.
bool from_hex(std::string_view text, std::span<std::uint8_t> out) {
  if (text.size() != 2 * out.size()) return false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_digit(text[2 * i]), lo = hex_digit(text[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return true;
}

// A decimal number with no sign, no leading zeros (but "0") and nothing else.
template <class T>
bool from_decimal(std::string_view text, T& out) {
  if (text.empty() || (text.size() > 1 && text[0] == '0') || text[0] == '-' || text[0] == '+') return false;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

Error bad_line(std::string_view why) {
  return make_error(Errc::kInvalidInput, "not a checkpoint line: " + std::string(why));
}

}  // namespace

std::string checkpoint_line(const crypto::Checkpoint& c) {
  return std::to_string(c.sequence) + ' ' + hex(c.head) + ' ' + std::to_string(to_unix_ms(c.at)) + ' ' +
         hex(c.signature);
}

Result<crypto::Checkpoint> parse_checkpoint_line(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const auto space = line.find(' ', start);
    fields.push_back(line.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start));
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  if (fields.size() != 4) return bad_line("expected 4 fields");
  crypto::Checkpoint c;
  std::int64_t at_ms = 0;
  if (!from_decimal(fields[0], c.sequence)) return bad_line("sequence");
  if (!from_hex(fields[1], c.head)) return bad_line("head");
  if (!from_decimal(fields[2], at_ms)) return bad_line("time");
  if (!from_hex(fields[3], c.signature)) return bad_line("signature");
  c.at = from_unix_ms(at_ms);
  return c;
}

Result<void> append_checkpoint(const std::filesystem::path& file, const crypto::Checkpoint& checkpoint) {
  std::error_code ec;
  if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path(), ec);
  const std::string line = checkpoint_line(checkpoint) + '\n';
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return make_error(Errc::kUnavailable, "cannot open checkpoint file " + file.string() + ": " + std::strerror(errno));
  // One write(): with O_APPEND, lines from two processes never interleave.
  const ssize_t written = ::write(fd, line.data(), line.size());
  const bool synced = written == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!synced) return make_error(Errc::kUnavailable, "cannot write checkpoint file " + file.string() + ": " + std::strerror(saved));
  return {};
}

Result<std::vector<crypto::Checkpoint>> read_checkpoints(const std::filesystem::path& file) {
  std::vector<crypto::Checkpoint> out;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return out;
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(Errc::kUnavailable, "cannot read checkpoint file " + file.string());
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty()) continue;
    auto c = parse_checkpoint_line(line);
    if (!c) return make_error(Errc::kInvalidInput, file.string() + ":" + std::to_string(number) + ": " + c.error().detail);
    out.push_back(*c);
  }
  return out;
}

Result<crypto::Checkpoint> write_checkpoint(store::Database& db, const crypto::CheckpointKey& key,
                                            const std::filesystem::path& file, const Clock& clock) {
  auto head = read_access_chain_head(db);
  if (!head) return head.error();
  const crypto::Checkpoint checkpoint = key.sign(head->sequence, head->hash, clock.now());
  if (auto r = append_checkpoint(file, checkpoint); !r) return r.error();
  return checkpoint;
}

}  // namespace stafett::app
