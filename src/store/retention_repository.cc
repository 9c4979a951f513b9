#include "store/retention_repository.h"

#include <charconv>
#include <string>

namespace stafett::store {
namespace {

Value days_value(const std::optional<int>& d) { return d ? Value{static_cast<std::int64_t>(*d)} : Value{Null{}}; }

Result<std::vector<ChainLink>> links_of(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  std::vector<ChainLink> out;
  for (const Row& r : *rows) out.push_back({r.int64(0), r.blob(1)});
  return out;
}

constexpr std::string_view kRedactedPrefix = "{\"redacted_by\":";

}  // namespace

std::string redacted_record(std::int64_t by) { return std::string(kRedactedPrefix) + std::to_string(by) + "}"; }

std::optional<std::int64_t> redacted_by(std::string_view record) {
  if (!record.starts_with(kRedactedPrefix) || !record.ends_with("}")) return std::nullopt;
  const auto digits = record.substr(kRedactedPrefix.size(), record.size() - kRedactedPrefix.size() - 1);
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size() || n < 1) return std::nullopt;
  return n;
}

Result<domain::RetentionSettings> retention_settings(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query("SELECT closed_log_days, access_record_days FROM retention_settings WHERE municipality_id = ?",
                       {municipality.value});
  if (!rows) return rows.error();
  domain::RetentionSettings s;
  if (rows->empty()) return s;
  const Row& r = rows->front();
  if (!r.is_null(0)) s.closed_log_days = static_cast<int>(r.int64(0));
  if (!r.is_null(1)) s.access_record_days = static_cast<int>(r.int64(1));
  return s;
}

Result<void> save_retention_settings(Transaction& tx, domain::MunicipalityId municipality,
                                     const domain::RetentionSettings& s, std::optional<domain::PersonId> by,
                                     TimePoint now) {
  auto r = tx.execute(
      "INSERT INTO retention_settings (municipality_id, closed_log_days, access_record_days, updated_at_ms,"
      " updated_by_person_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (municipality_id) DO UPDATE SET"
      " closed_log_days = excluded.closed_log_days, access_record_days = excluded.access_record_days,"
      " updated_at_ms = excluded.updated_at_ms, updated_by_person_id = excluded.updated_by_person_id",
      {municipality.value, days_value(s.closed_log_days), days_value(s.access_record_days), to_unix_ms(now),
       by ? Value{by->value} : Value{Null{}}});
  if (!r) return r.error();
  return {};
}

// A closed log is closed since its newest 'closed' event, or since it was
// made when it was never opened (waiting for the family's consent).
constexpr const char* kClosedLogs =
    "SELECT l.id, l.child_person_id, COALESCE((SELECT MAX(e.at_ms) FROM log_event e WHERE e.log_id = l.id"
    " AND e.kind = 'closed'), l.opened_at_ms) FROM log l WHERE l.municipality_id = ? AND l.status = 'closed'";

Result<std::optional<ClosedLog>> closed_log(Transaction& tx, domain::MunicipalityId municipality, domain::LogId log) {
  auto rows = tx.query(std::string(kClosedLogs) + " AND l.id = ?", {municipality.value, log.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ClosedLog>{};
  const Row& r = rows->front();
  return std::optional<ClosedLog>{
      ClosedLog{domain::LogId{r.int64(0)}, domain::PersonId{r.int64(1)}, from_unix_ms(r.int64(2))}};
}

Result<std::vector<ClosedLog>> closed_logs(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(std::string(kClosedLogs) + " ORDER BY l.id", {municipality.value});
  if (!rows) return rows.error();
  std::vector<ClosedLog> out;
  for (const Row& r : *rows) {
    out.push_back({domain::LogId{r.int64(0)}, domain::PersonId{r.int64(1)}, from_unix_ms(r.int64(2))});
  }
  return out;
}

Result<std::vector<ChainLink>> access_links_of_log(Transaction& tx, domain::LogId log) {
  return links_of(tx.query(
      "SELECT sequence, hash FROM access_record WHERE log_id = ? AND action NOT IN ('redacted', 'remove')"
      " ORDER BY sequence",
      {log.value}));
}

Result<std::vector<ChainLink>> read_links_of_log_before(Transaction& tx, domain::LogId log, TimePoint before) {
  return links_of(tx.query(
      "SELECT sequence, hash FROM access_record WHERE log_id = ? AND action IN ('view', 'print', 'export')"
      " AND at_ms < ? ORDER BY sequence",
      {log.value, to_unix_ms(before)}));
}

Result<void> redact_access_records(Transaction& tx, const std::vector<ChainLink>& links, std::int64_t by) {
  const std::string marker = redacted_record(by);
  for (const auto& link : links) {
    auto r = tx.execute(
        "UPDATE access_record SET record = ?, person_id = 0, child_id = 0, log_id = 0, unit_id = NULL,"
        " action = 'redacted', basis = 'redacted' WHERE sequence = ?",
        {marker, link.sequence});
    if (!r) return r.error();
  }
  return {};
}

Result<void> open_retention_gate(Transaction& tx) {
  auto r = tx.execute("INSERT INTO retention_gate (run) VALUES ('retention')");
  if (!r) return r.error();
  return {};
}

Result<void> close_retention_gate(Transaction& tx) {
  auto r = tx.execute("DELETE FROM retention_gate");
  if (!r) return r.error();
  return {};
}

Result<void> delete_closed_log(Transaction& tx, domain::LogId log) {
  auto status = tx.query("SELECT status FROM log WHERE id = ?", {log.value});
  if (!status) return status.error();
  if (status->empty()) return make_error(Errc::kNotFound, "log");
  if (status->front().text(0) != "closed") return make_error(Errc::kConflict, "an open log is never removed");
  // Children before parents, so no foreign key is ever left dangling.
  static constexpr const char* kDeletes[] = {
      "DELETE FROM break_glass_review WHERE access_id IN (SELECT id FROM break_glass_access WHERE log_id = ?)",
      "DELETE FROM break_glass_access WHERE log_id = ?",
      "DELETE FROM tool_record WHERE log_id = ?",  // an undringsnotat attached to the log is part of it
      "DELETE FROM arena_case WHERE log_id = ?",   // a cooperation arena's case from the log goes with it
      "DELETE FROM entry_link WHERE from_entry_id IN (SELECT id FROM entry WHERE log_id = ?)"
      " OR to_entry_id IN (SELECT id FROM entry WHERE log_id = ?)",
      "DELETE FROM measure_use WHERE entry_version_id IN"
      " (SELECT v.id FROM entry_version v JOIN entry e ON e.id = v.entry_id WHERE e.log_id = ?)",
      "DELETE FROM entry_version WHERE entry_id IN (SELECT id FROM entry WHERE log_id = ?)",
      "DELETE FROM entry WHERE log_id = ?",
      "DELETE FROM log_note_settings WHERE log_id = ?",
      "DELETE FROM consent_withdrawal WHERE consent_id IN (SELECT id FROM consent WHERE log_id = ?)",
      "DELETE FROM consent_category WHERE consent_id IN (SELECT id FROM consent WHERE log_id = ?)",
      "DELETE FROM consent_service WHERE consent_id IN (SELECT id FROM consent WHERE log_id = ?)",
      "DELETE FROM consent_unit WHERE consent_id IN (SELECT id FROM consent WHERE log_id = ?)",
      "DELETE FROM consent WHERE log_id = ?",
      "DELETE FROM handover WHERE log_id = ?",
      "DELETE FROM log_holder WHERE log_id = ?",
      "DELETE FROM participant WHERE log_id = ?",
      "DELETE FROM log_event WHERE log_id = ?",
      "DELETE FROM log_move WHERE log_id = ?",
      "DELETE FROM log WHERE id = ? AND status = 'closed'",
  };
  for (const char* sql : kDeletes) {
    const std::string_view text(sql);
    Params params{log.value};
    if (text.find('?') != text.rfind('?')) params.push_back(log.value);
    auto r = tx.execute(sql, params);
    if (!r) return r.error();
  }
  return {};
}

}  // namespace stafett::store
