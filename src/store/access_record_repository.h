#pragma once
// SQL for the access chain (migration 0014): its head, appending chained
// rows, reading the chain back in order, and listing records for a log or a
// person. The hashing happens in app/access_chain.cc (the store may not use
// crypto/): the store keeps exactly the bytes and hashes it is given.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access_record.h"
#include "store/database.h"

namespace stafett::store {

// One link of the chain as stored. `record` is the canonical JSON
// (domain::canonical), `hash` its 32-byte chain hash.
struct AccessChainRow {
  std::int64_t sequence = 0;
  std::string record;
  Blob hash;
};

// Takes the chain's append lock until `tx` ends, so two appenders (also in
// two processes) never read the same head and fork the chain. PostgreSQL:
// LOCK TABLE ... IN EXCLUSIVE MODE (readers carry on, other appenders wait).
// SQLite: nothing more to do, a kWrite transaction (BEGIN IMMEDIATE) already
// holds the database's only write lock.
// REQUIRES: `tx` was begun with TxMode::kWrite.
Result<void> lock_access_chain(Transaction& tx);

// The last link; nullopt for an empty chain.
Result<std::optional<AccessChainRow>> access_chain_head(Transaction& tx);

// Stores one link with the queryable copies of `fields`.
// REQUIRES: lock_access_chain(tx), row.sequence = head + 1, and
// row.record == domain::canonical(fields).
Result<void> insert_access_record(Transaction& tx, const AccessChainRow& row, const domain::AccessRecord& fields);

// Up to `limit` links with a sequence above `after`, in sequence order: a
// page of the chain for verification (keyset paging, so a deleted record
// shows as a gap rather than shifting the pages).
Result<std::vector<AccessChainRow>> read_access_chain(Transaction& tx, std::int64_t after, std::size_t limit);

// A stored record decoded from its canonical bytes.
struct ListedAccessRecord {
  std::int64_t sequence = 0;
  domain::AccessRecord record;
};

// Newest first (by time, then sequence), at most `limit`: who has seen a
// log (the family's page), and what a person has seen (the privacy officer).
Result<std::vector<ListedAccessRecord>> list_access_records_for_log(Transaction& tx, domain::LogId log,
                                                                    std::size_t limit);
Result<std::vector<ListedAccessRecord>> list_access_records_by_person(Transaction& tx, domain::PersonId person,
                                                                      std::size_t limit);

// Narrowing a listing: a period (from inclusive, until exclusive), one
// person (for a log's listing), and a keyset cursor for the next page: only
// records older than `before` in the listing's order (time, then sequence).
struct AccessRecordPosition {
  TimePoint at;
  std::int64_t sequence = 0;
};
struct AccessRecordFilter {
  std::optional<TimePoint> from;
  std::optional<TimePoint> until;
  std::optional<domain::PersonId> person;
  std::optional<AccessRecordPosition> before;
};

// The listings above, narrowed by `filter` (its `person` is ignored by the
// listing by person, which names its own).
Result<std::vector<ListedAccessRecord>> list_access_records_for_log(Transaction& tx, domain::LogId log,
                                                                    const AccessRecordFilter& filter,
                                                                    std::size_t limit);
Result<std::vector<ListedAccessRecord>> list_access_records_by_person(Transaction& tx, domain::PersonId person,
                                                                      const AccessRecordFilter& filter,
                                                                      std::size_t limit);

// Everyone who appears in a log's records, by id: the choices of the
// family's person filter.
Result<std::vector<domain::PersonId>> people_in_access_records(Transaction& tx, domain::LogId log);

// Where record `sequence` stands in the listings, with its log and person so
// a caller can check that a cursor belongs to the listing it pages through;
// nullopt when there is no such record.
struct AccessRecordPlace {
  AccessRecordPosition position;
  domain::LogId log;
  domain::PersonId person;
};
Result<std::optional<AccessRecordPlace>> find_access_record_place(Transaction& tx, std::int64_t sequence);

}  // namespace stafett::store
