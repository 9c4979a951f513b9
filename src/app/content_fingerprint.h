#pragma once
// Content fingerprints: what ties the chained record of a change to the very
// row the change wrote. The record of creating or correcting an entry
// carries a digest of the entry's fixed facts (log, kind, category, who may
// see it, author) and of the version just stored, so an entry or
// entry_version row edited in SQL afterwards, or a version put in without
// Stafett, no longer matches the chain, and `stafett audit verify` says so.
// The chain holds the digest only, never the content.
#include <cstdint>
#include <string>

#include "core/result.h"
#include "domain/access_record.h"
#include "store/database.h"
#include "store/entry_repository.h"

namespace stafett::app {

// Hex BLAKE2b-256 (crypto::content_digest) of `version` of `entry` as stored.
std::string entry_version_fingerprint(const store::EntryRow& entry, const store::EntryVersionRow& version);

// Sets record.content for the record of a change that stored an entry
// version (create or correct, naming the entry): the fingerprint of that
// entry's newest version, read in `tx`, the transaction that wrote it.
// Leaves other records as they are. kInternal when the entry is not there.
Result<void> fingerprint_change(store::Transaction& tx, domain::AccessRecord& record);

// The first place the stored content and the chain disagree.
enum class ContentBreak {
  kNone,
  kChanged,     // a chained fingerprint matches no stored version: the row was edited or removed
  kUnrecorded,  // a stored version no chained record names: put in or edited outside Stafett
};
std::string_view content_break_name(ContentBreak kind);

struct ContentReport {
  ContentBreak kind = ContentBreak::kNone;
  std::uint64_t sequence = 0;  // kChanged: the record whose fingerprint no longer matches
  std::int64_t entry = 0;      // the entry concerned
  int version = 0;             // kUnrecorded: the version no record names
  std::uint64_t versions_checked = 0;
};

// Reads the chain's fingerprints and then every entry version, a page at a
// time, and compares them. Reports kChanged (lowest sequence) before
// kUnrecorded (lowest entry, then version). An error only when something
// cannot be read. Records that cannot be decoded are left to the chain's own
// verification (verify_access_chain), which reports them as edited.
Result<ContentReport> verify_entry_content(store::Database& db, std::size_t page_size = 1000);

}  // namespace stafett::app
