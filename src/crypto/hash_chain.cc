#include "crypto/hash_chain.h"

#include <sodium.h>

#include <utility>

namespace stafett::crypto {
namespace {

// Domain separation: a chain hash can never be mistaken for any other
// BLAKE2b hash Stafett computes.
constexpr std::string_view kChainContext = "stafett-chain-v1";
constexpr std::string_view kCheckpointContext = "stafett-checkpoint-v1";
constexpr std::string_view kContentContext = "stafett-content-v1";

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

ChainHash content_digest(std::string_view bytes) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kContentContext.data()),
                            kContentContext.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
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
    case ChainBreak::kUnaccountedRemoval: return "unaccounted_removal";
  }
  return "unknown";
}

ChainVerifier::ChainVerifier(std::vector<Checkpoint> checkpoints, const PublicKey& checkpoint_key)
    : checkpoints_(std::move(checkpoints)), key_(checkpoint_key) {
  for (const auto& c : checkpoints_) at_checkpoints_.emplace(c.sequence, std::nullopt);
}

bool ChainVerifier::in_order(std::uint64_t sequence) {
  if (record_break_.kind != ChainBreak::kNone) return false;
  const std::uint64_t checked = record_break_.records_checked;
  if (sequence < expected_) {
    record_break_ = {ChainBreak::kOutOfOrder, sequence, checked};
    return false;
  }
  if (sequence > expected_) {
    record_break_ = {ChainBreak::kMissingRecord, expected_, checked};
    return false;
  }
  return true;
}

bool ChainVerifier::add(const ChainedRecord& r) {
  if (!in_order(r.sequence)) return false;
  const std::uint64_t checked = record_break_.records_checked;
  const ChainHash hash = chain_link(previous_, r.sequence, r.record);
  if (sodium_memcmp(hash.data(), r.hash.data(), hash.size()) != 0) {
    record_break_ = {ChainBreak::kEditedRecord, r.sequence, checked};
    return false;
  }
  if (auto it = at_checkpoints_.find(r.sequence); it != at_checkpoints_.end()) it->second = hash;
  previous_ = hash;
  ++expected_;
  ++record_break_.records_checked;
  return true;
}

bool ChainVerifier::add_redacted(const ChainedRecord& r) {
  if (!in_order(r.sequence)) return false;
  if (auto it = at_checkpoints_.find(r.sequence); it != at_checkpoints_.end()) it->second = r.hash;
  previous_ = r.hash;
  ++expected_;
  ++record_break_.records_checked;
  return true;
}

void ChainVerifier::fail(ChainReport report) {
  if (record_break_.kind != ChainBreak::kNone) return;
  report.records_checked = record_break_.records_checked;
  record_break_ = report;
}

ChainReport ChainVerifier::finish() const {
  if (record_break_.kind != ChainBreak::kNone) return record_break_;
  const std::uint64_t checked = record_break_.records_checked;
  for (const auto& c : checkpoints_) {
    if (!checkpoint_is_signed_by(c, key_)) return {ChainBreak::kBadSignature, c.sequence, checked};
  }
  for (const auto& c : checkpoints_) {
    if (c.sequence == 0) continue;  // a checkpoint of the empty chain
    const auto& computed = at_checkpoints_.at(c.sequence);
    if (!computed) return {ChainBreak::kTruncated, c.sequence, checked};
    if (sodium_memcmp(computed->data(), c.head.data(), c.head.size()) != 0) {
      return {ChainBreak::kCheckpointMismatch, c.sequence, checked};
    }
  }
  return record_break_;
}

ChainReport verify_chain(const std::vector<ChainedRecord>& records, const std::vector<Checkpoint>& checkpoints,
                         const PublicKey& checkpoint_key) {
  ChainVerifier verifier(checkpoints, checkpoint_key);
  for (const auto& r : records) {
    if (!verifier.add(r)) break;
  }
  return verifier.finish();
}

}  // namespace stafett::crypto
