#pragma once
// The access chain on a database: every AccessRecord (domain/access_record.h)
// is stored as one link of a hash chain (crypto/hash_chain.h), so a record
// edited, deleted or inserted afterwards is found by verify_access_chain().
// Rows and SQL: store/access_record_repository.h; signed checkpoints of the
// head, kept outside the database: app/chain_checkpoints.h.
//
// Thread-safety: plain functions on a shared Database; appenders in any
// number of threads and processes are serialised by the chain's append lock.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "crypto/hash_chain.h"
#include "domain/access_record.h"
#include "store/database.h"

namespace stafett::app {

// Appends `records` in one transaction: takes the append lock, reads the
// head, links each record to the one before it and stores them all. Either
// every record is stored, chained, or none is.
Result<void> append_access_records(store::Database& db, std::span<const domain::AccessRecord> records);
// The same inside the caller's write transaction, so a change and its record
// commit together or not at all. Takes the chain's append lock until the
// transaction ends: call it last, just before the transaction commits.
Result<void> append_access_records_in(store::Transaction& tx, std::span<const domain::AccessRecord> records);

// A record retention removed the bytes of: its place and its stored hash.
struct RemovedLink {
  std::uint64_t sequence = 0;
  crypto::ChainHash hash{};
};
// The fingerprint a removal event carries (its `content`) of exactly the
// records it removed, in sequence order.
std::string removal_digest(const std::vector<RemovedLink>& removed);

// How long the chain is and the hash of its last record (kChainStart and 0
// for an empty chain): what a checkpoint signs.
struct AccessChainHead {
  std::uint64_t sequence = 0;
  crypto::ChainHash hash = crypto::kChainStart;
};
Result<AccessChainHead> read_access_chain_head(store::Database& db);

// Reads the whole chain in sequence order, `page_size` records per read
// transaction (memory stays bounded however long the chain is), and checks
// it and `checkpoints` with `checkpoint_key`. An error only when the chain
// cannot be read; a damaged chain is a report with kind != kNone.
Result<crypto::ChainReport> verify_access_chain(store::Database& db, std::vector<crypto::Checkpoint> checkpoints,
                                                const crypto::PublicKey& checkpoint_key,
                                                std::size_t page_size = 1000);

}  // namespace stafett::app
