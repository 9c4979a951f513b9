#include "store/entry_repository.h"

#include <boost/json/parse.hpp>

namespace stafett::store {
namespace {

// A measure picked from the catalogue is also recorded in measure_use, so the
// catalogue counts the open logs using it without reading any log's text.
Result<void> record_measure_use(Transaction& tx, std::int64_t version_id, const std::string& body) {
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_object()) return {};
  const auto* id = parsed.as_object().if_contains("catalogue_measure");
  if (id == nullptr || !id->is_int64()) return {};
  auto r = tx.execute("INSERT INTO measure_use (entry_version_id, catalogue_measure_id) VALUES (?, ?)",
                      {version_id, id->as_int64()});
  if (!r) return r.error();
  return {};
}

constexpr const char* kEntrySelect =
    "SELECT e.id, e.log_id, e.kind, e.category, e.visibility, e.parent_entry_id, e.author_person_id,"
    " e.author_unit_id, e.created_at_ms, v.version, v.body, v.author_person_id, v.created_at_ms, v.correction_reason,"
    " e.hidden_reason, e.legal_reference"
    " FROM entry e JOIN entry_version v ON v.entry_id = e.id ";

Result<std::vector<EntryRow>> entries_from(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  std::vector<EntryRow> out;
  for (const Row& r : *rows) {
    if (out.empty() || out.back().id.value != r.int64(0)) {
      EntryRow e;
      e.id = domain::EntryId{r.int64(0)};
      e.log = domain::LogId{r.int64(1)};
      auto kind = domain::entry_kind_from_code(r.text(2));
      auto category = domain::info_category_from_code(r.text(3));
      if (!kind || !category) return make_error(Errc::kInternal, "unknown entry kind or category");
      e.kind = *kind;
      e.category = *category;
      e.hidden_from_guardians = r.text(4) == "hidden_from_guardians";
      if (!r.is_null(5)) e.parent = domain::EntryId{r.int64(5)};
      e.author = domain::PersonId{r.int64(6)};
      if (!r.is_null(7)) e.author_unit = domain::UnitId{r.int64(7)};
      e.created_at = from_unix_ms(r.int64(8));
      if (!r.is_null(14)) e.hidden_reason = r.text(14);
      if (!r.is_null(15)) e.legal_reference = r.text(15);
      out.push_back(std::move(e));
    }
    out.back().versions.push_back(EntryVersionRow{static_cast<int>(r.int64(9)), r.text(10),
                                                  domain::PersonId{r.int64(11)}, from_unix_ms(r.int64(12)),
                                                  r.is_null(13) ? std::nullopt : std::optional<std::string>(r.text(13))});
  }
  return out;
}

}  // namespace

Result<domain::EntryId> insert_entry(Transaction& tx, const NewEntry& e, TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO entry (log_id, kind, category, visibility, hidden_reason, legal_reference, parent_entry_id,"
      " author_person_id, author_unit_id, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.log.value, std::string(domain::entry_kind_code(e.kind)), std::string(domain::info_category_code(e.category)),
       std::string(e.visibility.hidden_from_guardians ? "hidden_from_guardians" : "everyone"),
       e.visibility.hidden_from_guardians ? Value{e.visibility.reason} : Value{Null{}},
       e.visibility.hidden_from_guardians ? Value{e.visibility.legal_reference} : Value{Null{}},
       e.parent ? Value{e.parent->value} : Value{Null{}}, e.author.value,
       e.author_unit ? Value{e.author_unit->value} : Value{Null{}}, to_unix_ms(now)});
  if (!rows) return rows.error();
  const domain::EntryId id{rows->front().int64(0)};
  auto v = tx.query(
      "INSERT INTO entry_version (entry_id, version, body, author_person_id, created_at_ms) VALUES (?, 1, ?, ?, ?)"
      " RETURNING id",
      {id.value, e.body, e.author.value, to_unix_ms(now)});
  if (!v) return v.error();
  if (auto use = record_measure_use(tx, v->front().int64(0), e.body); !use) return use.error();
  return id;
}

Result<void> insert_correction(Transaction& tx, domain::EntryId entry, int after_version, const std::string& body,
                               domain::PersonId author, const std::string& reason, TimePoint now) {
  auto latest = tx.query("SELECT MAX(version) FROM entry_version WHERE entry_id = ?", {entry.value});
  if (!latest) return latest.error();
  if (latest->empty() || latest->front().is_null(0) || latest->front().int64(0) != after_version) {
    return make_error(Errc::kConflict, "the entry was corrected in the meantime");
  }
  auto v = tx.query(
      "INSERT INTO entry_version (entry_id, version, body, author_person_id, created_at_ms, correction_reason)"
      " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {entry.value, std::int64_t{after_version + 1}, body, author.value, to_unix_ms(now), reason});
  if (!v) return v.error();
  return record_measure_use(tx, v->front().int64(0), body);
}

Result<std::vector<EntryRow>> entries_of(Transaction& tx, domain::LogId log) {
  return entries_from(tx.query(std::string(kEntrySelect) + "WHERE e.log_id = ? ORDER BY e.id, v.version", {log.value}));
}

Result<std::vector<EntryRow>> entries_after(Transaction& tx, std::int64_t after, std::size_t limit) {
  return entries_from(tx.query(std::string(kEntrySelect) +
                                   "WHERE e.id IN (SELECT id FROM entry WHERE id > ? ORDER BY id LIMIT ?)"
                                   " ORDER BY e.id, v.version",
                               {after, static_cast<std::int64_t>(limit)}));
}

Result<std::optional<EntryRow>> find_entry(Transaction& tx, domain::LogId log, domain::EntryId entry) {
  auto list = entries_from(tx.query(std::string(kEntrySelect) + "WHERE e.log_id = ? AND e.id = ? ORDER BY v.version",
                                    {log.value, entry.value}));
  if (!list) return list.error();
  if (list->empty()) return std::optional<EntryRow>{};
  return std::optional<EntryRow>{std::move(list->front())};
}

Result<NoteSettings> note_settings(Transaction& tx, domain::LogId log) {
  auto rows = tx.query("SELECT notes_by, guardians_may_write FROM log_note_settings WHERE log_id = ?", {log.value});
  if (!rows) return rows.error();
  NoteSettings s;
  if (!rows->empty()) {
    s.notes_by_all_contributors = rows->front().text(0) == "contributors";
    s.guardians_may_write = rows->front().int64(1) != 0;
  }
  return s;
}

Result<void> save_note_settings(Transaction& tx, domain::LogId log, const NoteSettings& s, domain::PersonId by,
                                TimePoint now) {
  auto r = tx.execute(
      "INSERT INTO log_note_settings (log_id, notes_by, guardians_may_write, updated_at_ms, updated_by_person_id)"
      " VALUES (?, ?, ?, ?, ?) ON CONFLICT (log_id) DO UPDATE SET notes_by = excluded.notes_by,"
      " guardians_may_write = excluded.guardians_may_write, updated_at_ms = excluded.updated_at_ms,"
      " updated_by_person_id = excluded.updated_by_person_id",
      {log.value, std::string(s.notes_by_all_contributors ? "contributors" : "holder"),
       std::int64_t{s.guardians_may_write ? 1 : 0}, to_unix_ms(now), by.value});
  if (!r) return r.error();
  return {};
}

Result<void> link_entries(Transaction& tx, domain::EntryId from, domain::EntryId to, const std::string& kind) {
  auto r = tx.execute("INSERT INTO entry_link (from_entry_id, to_entry_id, kind) VALUES (?, ?, ?)",
                      {from.value, to.value, kind});
  if (!r) return r.error();
  return {};
}

Result<std::map<std::int64_t, std::vector<domain::EntryId>>> links_of(Transaction& tx, domain::LogId log,
                                                                      const std::string& kind) {
  auto rows = tx.query(
      "SELECT l.from_entry_id, l.to_entry_id FROM entry_link l JOIN entry e ON e.id = l.from_entry_id"
      " WHERE e.log_id = ? AND l.kind = ? ORDER BY l.from_entry_id, l.to_entry_id",
      {log.value, kind});
  if (!rows) return rows.error();
  std::map<std::int64_t, std::vector<domain::EntryId>> out;
  for (const Row& r : *rows) out[r.int64(0)].push_back(domain::EntryId{r.int64(1)});
  return out;
}

}  // namespace stafett::store
