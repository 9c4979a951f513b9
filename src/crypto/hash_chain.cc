#include "crypto/hash_chain.h"

#include <sodium.h>

#include <map>

namespace stafett::crypto {
namespace {

// Domain separation: a chain hash can never be mistaken for any other
// BLAKE2b hash Stafett computes.
constexpr std::string_view kChainContext = "stafett-chain-v1";
constexpr std::string_view kCheckpointContext = "stafett-checkpoint-v1";

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

ChainHash chain_link(const ChainHash& previous, std::uint64_t sequence, std::string_view record) {
  // Lengths are explicit, so no two different (sequence, record) pairs can
  // produce the same input bytes.
  std::string prefix(kChainContext);
  prefix.append(reinterpret_cast<const char*>(previous.data()), previous.size());
  put_u64(prefix, sequence);
  put_u64(prefix, record.size());
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()), prefix.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(record.data()), record.size());
  ChainHash out{};
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

std::string to_hex(const ChainHash& hash) {
  char hex[2 * 32 + 1];
  sodium_bin2hex(hex, sizeof hex, hash.data(), hash.size());
  return std::string(hex, 64);
}

std::optional<ChainHash> chain_hash_from_hex(std::string_view hex) {
  ChainHash out{};
  std::size_t len = 0;
  if (hex.size() != 64 || sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != out.size()) {
    return std::nullopt;
  }
  return out;
}

std::string checkpoint_message(std::uint64_t sequence, const ChainHash& head, TimePoint at) {
  std::string message(kCheckpointContext);
  put_u64(message, sequence);
  message.append(reinterpret_cast<const char*>(head.data()), head.size());
  put_u64(message, static_cast<std::uint64_t>(to_unix_ms(at)));
  return message;
}

bool checkpoint_is_signed_by(const Checkpoint& c, const PublicKey& key) {
  const std::string message = checkpoint_message(c.sequence, c.head, c.at);
  return crypto_sign_verify_detached(c.signature.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), key.data()) == 0;
}

std::string_view chain_break_name(ChainBreak kind) {
  switch (kind) {
    case ChainBreak::kNone: return "none";
    case ChainBreak::kOutOfOrder: return "out_of_order";
    case ChainBreak::kMissingRecord: return "missing_record";
    case ChainBreak::kEditedRecord: return "edited_record";
    case ChainBreak::kBadSignature: return "bad_signature";
    case ChainBreak::kCheckpointMismatch: return "checkpoint_mismatch";
    case ChainBreak::kTruncated: return "truncated";
  }
  return "unknown";
}

ChainReport verify_chain(const std::vector<ChainedRecord>& records, const std::vector<Checkpoint>& checkpoints,
                         const PublicKey& checkpoint_key) {
  ChainReport report;
  std::map<std::uint64_t, ChainHash> computed;  // sequence -> recomputed hash, for the checkpoints
  ChainHash previous = kChainStart;
  std::uint64_t expected = 1;
  for (const auto& r : records) {
    if (r.sequence < expected) return {ChainBreak::kOutOfOrder, r.sequence, report.records_checked};
    if (r.sequence > expected) return {ChainBreak::kMissingRecord, expected, report.records_checked};
    const ChainHash hash = chain_link(previous, r.sequence, r.record);
    if (sodium_memcmp(hash.data(), r.hash.data(), hash.size()) != 0) {
      return {ChainBreak::kEditedRecord, r.sequence, report.records_checked};
    }
    computed.emplace(r.sequence, hash);
    previous = hash;
    ++expected;
    ++report.records_checked;
  }
  for (const auto& c : checkpoints) {
    if (!checkpoint_is_signed_by(c, checkpoint_key)) return {ChainBreak::kBadSignature, c.sequence, report.records_checked};
  }
  for (const auto& c : checkpoints) {
    if (c.sequence == 0) continue;  // a checkpoint of the empty chain
    auto it = computed.find(c.sequence);
    if (it == computed.end()) return {ChainBreak::kTruncated, c.sequence, report.records_checked};
    if (sodium_memcmp(it->second.data(), c.head.data(), c.head.size()) != 0) {
      return {ChainBreak::kCheckpointMismatch, c.sequence, report.records_checked};
    }
  }
  return report;
}

}  // namespace stafett::crypto
