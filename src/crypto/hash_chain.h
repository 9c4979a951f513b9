#pragma once
// The tamper-evident chain behind access records and log content changes:
// each record carries the BLAKE2b-256 hash of the previous record's hash, its
// own sequence number and its canonical bytes, so editing, deleting,
// inserting or reordering a record breaks every hash after it. A signed
// checkpoint of the chain head (checkpoint_key.h), kept outside the database,
// catches the one thing a chain alone cannot: someone who rewrites the chain
// from the edit onwards, or cuts its end off.
//
// Pure functions (and ChainVerifier, their streaming form); the store decides
// where records and checkpoints live.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace stafett::crypto {

using ChainHash = std::array<std::uint8_t, 32>;
inline constexpr ChainHash kChainStart{};  // the "previous hash" of record 1

// The hash of record `sequence` (from 1) whose canonical bytes are `record`,
// following the record with hash `previous`.
ChainHash chain_link(const ChainHash& previous, std::uint64_t sequence, std::string_view record);

// The digest a chained record carries of the content a change wrote
// (app/content_fingerprint.h): BLAKE2b-256 with its own context, so it is
// never equal to a link hash of the same bytes.
ChainHash content_digest(std::string_view bytes);

std::string to_hex(const ChainHash& hash);
std::optional<ChainHash> chain_hash_from_hex(std::string_view hex);

struct ChainedRecord {
  std::uint64_t sequence = 0;
  std::string record;  // the canonical bytes that were hashed
  ChainHash hash{};    // as stored with the record
};

// A signed statement "the chain had `sequence` records, and this was the
// hash of the last one, at `at`".
struct Checkpoint {
  std::uint64_t sequence = 0;
  ChainHash head{};
  TimePoint at;
  std::array<std::uint8_t, 64> signature{};
};
using PublicKey = std::array<std::uint8_t, 32>;

// The bytes a checkpoint's signature covers.
std::string checkpoint_message(std::uint64_t sequence, const ChainHash& head, TimePoint at);
bool checkpoint_is_signed_by(const Checkpoint& checkpoint, const PublicKey& key);

enum class ChainBreak {
  kNone,
  kOutOfOrder,          // a sequence number repeats or goes backwards: an inserted or moved record
  kMissingRecord,       // a sequence number is skipped: a deleted record
  kEditedRecord,        // the stored hash does not match the record: edited bytes or hash
  kBadSignature,        // a checkpoint not signed by the checkpoint key
  kCheckpointMismatch,  // the chain was rewritten up to a signed checkpoint
  kTruncated,           // a checkpoint names records that are no longer there
  kUnaccountedRemoval,  // a record's bytes removed (redacted) without the removal event that accounts for them
};
std::string_view chain_break_name(ChainBreak kind);

struct ChainReport {
  ChainBreak kind = ChainBreak::kNone;
  std::uint64_t sequence = 0;  // where the first break is (the record, or the checkpoint's)
  std::uint64_t records_checked = 0;
};

// Checks `records` (in stored order, starting at sequence 1) and every
// checkpoint; reports the first break found, records first.
ChainReport verify_chain(const std::vector<ChainedRecord>& records, const std::vector<Checkpoint>& checkpoints,
                         const PublicKey& checkpoint_key);

// verify_chain() one record at a time, for chains too long for one vector:
// feed records in stored order with add(), then finish(). Same report as
// verify_chain(); it keeps only the recomputed hashes checkpoints name.
// Thread-safety: none; one verification per object.
class ChainVerifier {
 public:
  ChainVerifier(std::vector<Checkpoint> checkpoints, const PublicKey& checkpoint_key);
  // false once a record break is found: later records change nothing.
  bool add(const ChainedRecord& record);
  // A record whose bytes retention removed: its place in the order is
  // checked and its stored hash is taken as the link, since the bytes it
  // covered are gone. The caller must account for it with the removal
  // event that names it (app/access_chain.cc).
  bool add_redacted(const ChainedRecord& record);
  // Ends the record checks with `report` (a break the caller found).
  void fail(ChainReport report);
  ChainReport finish() const;

 private:
  // Whether `sequence` is the next one expected; records the break if not.
  bool in_order(std::uint64_t sequence);

  std::vector<Checkpoint> checkpoints_;
  PublicKey key_;
  std::map<std::uint64_t, std::optional<ChainHash>> at_checkpoints_;  // sequence -> recomputed hash
  ChainHash previous_ = kChainStart;
  std::uint64_t expected_ = 1;
  ChainReport record_break_;  // kNone until a record breaks the chain
};

}  // namespace stafett::crypto
