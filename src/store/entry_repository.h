#pragma once
// SQL for log content: entries and their versions (append-only; a correction
// is a new version), and the links between entries (a measure serves goals).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/entry.h"
#include "domain/ids.h"
#include "store/database.h"

namespace stafett::store {

struct EntryVersionRow {
  int version = 1;
  std::string body;  // JSON, see entry_codec.h
  domain::PersonId author;
  TimePoint at;
  std::optional<std::string> correction_reason;
};

struct EntryRow {
  domain::EntryId id;
  domain::LogId log;
  domain::EntryKind kind = domain::EntryKind::kNote;
  domain::InfoCategory category = domain::InfoCategory::kBasic;
  bool hidden_from_guardians = false;
  std::string hidden_reason;
  std::string legal_reference;
  std::optional<domain::EntryId> parent;
  domain::PersonId author;
  std::optional<domain::UnitId> author_unit;
  TimePoint created_at;
  std::vector<EntryVersionRow> versions;  // oldest first; never empty
};

struct NewEntry {
  domain::LogId log;
  domain::EntryKind kind = domain::EntryKind::kNote;
  domain::InfoCategory category = domain::InfoCategory::kBasic;
  std::optional<domain::EntryId> parent;
  domain::PersonId author;
  std::optional<domain::UnitId> author_unit;
  std::string body;
  domain::NoteVisibility visibility;  // only notes may be hidden from guardians
};

struct NoteSettings {
  bool notes_by_all_contributors = false;
  bool guardians_may_write = false;
};
// The log's note settings; the defaults (holder only) when none are saved.
Result<NoteSettings> note_settings(Transaction& tx, domain::LogId log);
Result<void> save_note_settings(Transaction& tx, domain::LogId log, const NoteSettings& settings,
                                domain::PersonId by, TimePoint now);

// Inserts the entry and its first version.
Result<domain::EntryId> insert_entry(Transaction& tx, const NewEntry& entry, TimePoint now);
// Adds version `after_version + 1`; kConflict if someone corrected it first.
Result<void> insert_correction(Transaction& tx, domain::EntryId entry, int after_version, const std::string& body,
                               domain::PersonId author, const std::string& reason, TimePoint now);
// Every entry of the log with all its versions, oldest first.
Result<std::vector<EntryRow>> entries_of(Transaction& tx, domain::LogId log);
// Up to `limit` entries with an id above `after`, in id order, each with
// every version: the whole content a page at a time (audit verification).
Result<std::vector<EntryRow>> entries_after(Transaction& tx, std::int64_t after, std::size_t limit);
Result<std::optional<EntryRow>> find_entry(Transaction& tx, domain::LogId log, domain::EntryId entry);

Result<void> link_entries(Transaction& tx, domain::EntryId from, domain::EntryId to, const std::string& kind);
// from -> [to...] for one kind of link within a log.
Result<std::map<std::int64_t, std::vector<domain::EntryId>>> links_of(Transaction& tx, domain::LogId log,
                                                                      const std::string& kind);

}  // namespace stafett::store
