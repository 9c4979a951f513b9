#include "app/access_chain.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <optional>
#include <vector>

#include "app/content_fingerprint.h"
#include "store/access_record_codec.h"
#include "store/access_record_repository.h"
#include "store/retention_repository.h"

namespace stafett::app {
namespace {

store::Blob to_blob(const crypto::ChainHash& hash) { return store::Blob(hash.begin(), hash.end()); }

// A stored hash of the wrong length cannot match any link: it stays all
// zeros and the verifier reports the record as edited.
crypto::ChainHash to_chain_hash(const store::Blob& blob) {
  crypto::ChainHash out{};
  if (blob.size() == out.size()) std::copy(blob.begin(), blob.end(), out.begin());
  return out;
}

}  // namespace

Result<void> append_access_records(store::Database& db, std::span<const domain::AccessRecord> records) {
  if (records.empty()) return {};
  return db.transact(store::TxMode::kWrite,
                     [&](store::Transaction& tx) { return append_access_records_in(tx, records); });
}

Result<void> append_access_records_in(store::Transaction& tx, std::span<const domain::AccessRecord> given) {
  if (given.empty()) return {};
  // A change's record carries the fingerprint of what it wrote, read in the
  // transaction that wrote it (app/content_fingerprint.h).
  std::vector<domain::AccessRecord> records(given.begin(), given.end());
  for (auto& record : records) {
    if (auto f = fingerprint_change(tx, record); !f) return f;
  }
  {
    if (auto l = store::lock_access_chain(tx); !l) return l;
    // The head is read under the lock, inside the transaction that appends:
    // a head read before could be stale by the time we write.
    auto head = store::access_chain_head(tx);
    if (!head) return head.error();
    std::int64_t sequence = *head ? (*head)->sequence : 0;
    crypto::ChainHash previous = *head ? to_chain_hash((*head)->hash) : crypto::kChainStart;
    for (const auto& record : records) {
      store::AccessChainRow row{++sequence, domain::canonical(record), {}};
      previous = crypto::chain_link(previous, static_cast<std::uint64_t>(row.sequence), row.record);
      row.hash = to_blob(previous);
      if (auto r = store::insert_access_record(tx, row, record); !r) return r;
    }
    return {};
  }
}

Result<AccessChainHead> read_access_chain_head(store::Database& db) {
  auto head = store::transact_value<std::optional<store::AccessChainRow>>(
      db, store::TxMode::kRead, [](store::Transaction& tx) { return store::access_chain_head(tx); });
  if (!head) return head.error();
  if (!*head) return AccessChainHead{};
  return AccessChainHead{static_cast<std::uint64_t>((*head)->sequence), to_chain_hash((*head)->hash)};
}

std::string removal_digest(const std::vector<RemovedLink>& removed) {
  std::string bytes = "stafett-removal-v1\n";
  for (const auto& link : removed) bytes += std::to_string(link.sequence) + ":" + crypto::to_hex(link.hash) + "\n";
  return crypto::to_hex(crypto::content_digest(bytes));
}

Result<crypto::ChainReport> verify_access_chain(store::Database& db, std::vector<crypto::Checkpoint> checkpoints,
                                                const crypto::PublicKey& checkpoint_key, std::size_t page_size) {
  crypto::ChainVerifier verifier(std::move(checkpoints), checkpoint_key);
  // Records whose bytes retention removed, by the removal event that names
  // them: each event must account for exactly its records (app/retention.h).
  std::map<std::uint64_t, std::vector<RemovedLink>> redacted;
  const auto unaccounted = [](std::uint64_t sequence) {
    return crypto::ChainReport{crypto::ChainBreak::kUnaccountedRemoval, sequence, 0};
  };
  // From the very lowest key, so even a row whose sequence was set below 1
  // (past the CHECK, by tampering) is read and reported, not skipped.
  std::int64_t after = std::numeric_limits<std::int64_t>::min();
  for (bool more = true; more;) {
    auto page = store::transact_value<std::vector<store::AccessChainRow>>(
        db, store::TxMode::kRead,
        [&](store::Transaction& tx) { return store::read_access_chain(tx, after, std::max<std::size_t>(page_size, 1)); });
    if (!page) return page.error();
    for (auto& row : *page) {
      const auto sequence = static_cast<std::uint64_t>(std::max<std::int64_t>(row.sequence, 0));
      after = row.sequence;
      if (const auto by = store::redacted_by(row.record)) {
        const crypto::ChainedRecord record{sequence, {}, to_chain_hash(row.hash)};
        if (!verifier.add_redacted(record)) return verifier.finish();
        // A removal is recorded after what it removed, never before.
        if (static_cast<std::uint64_t>(*by) <= sequence) verifier.fail(unaccounted(sequence));
        redacted[static_cast<std::uint64_t>(*by)].push_back({sequence, record.hash});
        continue;
      }
      const crypto::ChainedRecord record{sequence, std::move(row.record), to_chain_hash(row.hash)};
      if (!verifier.add(record)) return verifier.finish();
      if (auto removed = redacted.find(sequence); removed != redacted.end()) {
        // The event that removed them must say exactly which records it removed.
        auto event = store::decode_access_record(record.record);
        if (!event || event->action != domain::AccessAction::kRemove ||
            event->content != removal_digest(removed->second)) {
          verifier.fail(unaccounted(removed->second.front().sequence));
          return verifier.finish();
        }
        redacted.erase(removed);
      }
    }
    more = !page->empty();
  }
  // Records that name a removal event the chain does not have.
  if (!redacted.empty()) verifier.fail(unaccounted(redacted.begin()->second.front().sequence));
  return verifier.finish();
}

}  // namespace stafett::app
