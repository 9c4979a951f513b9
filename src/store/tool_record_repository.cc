#include "store/tool_record_repository.h"

#include <algorithm>

namespace stafett::store {
namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.municipality_id, r.unit_id, u.name, r.author_person_id,"
    " p.given_name || ' ' || p.family_name, r.tool_key, r.guide_version_id, r.tool, r.answers, r.status,"
    " COALESCE(r.outcome, ''), r.created_at_ms, r.updated_at_ms, r.submitted_at_ms, r.log_id, r.attached_at_ms,"
    " COALESCE(a.given_name || ' ' || a.family_name, '')"
    " FROM tool_record r JOIN unit u ON u.id = r.unit_id JOIN person p ON p.id = r.author_person_id"
    " LEFT JOIN person a ON a.id = r.attached_by_person_id ";

ToolRecordRow row_from(const Row& r) {
  ToolRecordRow t;
  t.id = r.int64(0);
  t.municipality = domain::MunicipalityId{r.int64(1)};
  t.unit = domain::UnitId{r.int64(2)};
  t.unit_name = r.text(3);
  t.author = domain::PersonId{r.int64(4)};
  t.author_name = r.text(5);
  t.tool_key = r.text(6);
  if (!r.is_null(7)) t.guide_version = r.int64(7);
  t.tool = r.text(8);
  t.answers = r.text(9);
  t.submitted = r.text(10) == "submitted";
  t.outcome = r.text(11);
  t.created_at = from_unix_ms(r.int64(12));
  t.updated_at = from_unix_ms(r.int64(13));
  if (!r.is_null(14)) t.submitted_at = from_unix_ms(r.int64(14));
  if (!r.is_null(15)) t.log = domain::LogId{r.int64(15)};
  if (!r.is_null(16)) t.attached_at = from_unix_ms(r.int64(16));
  t.attached_by_name = r.text(17);
  return t;
}

Result<void> exactly_one(const Result<std::int64_t>& changed, const char* what) {
  if (!changed) return changed.error();
  if (*changed != 1) return make_error(Errc::kConflict, what);
  return {};
}

}  // namespace

Result<std::int64_t> insert_tool_record(Transaction& tx, const NewToolRecord& n, TimePoint now) {
  const auto ms = to_unix_ms(now);
  auto rows = tx.query(
      "INSERT INTO tool_record (municipality_id, unit_id, author_person_id, tool_key, guide_version_id, tool, answers,"
      " status, created_at_ms, updated_at_ms, submitted_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {n.municipality.value, n.unit.value, n.author.value, n.tool_key,
       n.guide_version ? Value{*n.guide_version} : Value{Null{}}, n.tool, n.answers,
       std::string(n.submit ? "submitted" : "draft"), ms, ms, n.submit ? Value{ms} : Value{Null{}}});
  if (!rows) return rows.error();
  return rows->front().int64(0);
}

Result<std::optional<ToolRecordRow>> find_tool_record(Transaction& tx, std::int64_t id) {
  auto rows = tx.query(std::string(kSelect) + "WHERE r.id = ?", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ToolRecordRow>{};
  return std::optional<ToolRecordRow>{row_from(rows->front())};
}

Result<void> update_tool_record_draft(Transaction& tx, std::int64_t id, domain::UnitId unit, const std::string& answers,
                                      bool submit, TimePoint now) {
  const auto ms = to_unix_ms(now);
  return exactly_one(
      tx.execute("UPDATE tool_record SET unit_id = ?, answers = ?, updated_at_ms = ?, status = ?, submitted_at_ms = ?"
                 " WHERE id = ? AND status = 'draft'",
                 {unit.value, answers, ms, std::string(submit ? "submitted" : "draft"),
                  submit ? Value{ms} : Value{Null{}}, id}),
      "tool record is not a draft");
}

Result<void> delete_tool_record_draft(Transaction& tx, std::int64_t id) {
  return exactly_one(tx.execute("DELETE FROM tool_record WHERE id = ? AND status = 'draft'", {id}),
                     "tool record is not a draft");
}

Result<void> set_tool_record_outcome(Transaction& tx, std::int64_t id, const std::string& outcome, TimePoint now) {
  return exactly_one(tx.execute("UPDATE tool_record SET outcome = ?, updated_at_ms = ?"
                                " WHERE id = ? AND status = 'submitted' AND log_id IS NULL",
                                {outcome, to_unix_ms(now), id}),
                     "tool record is not submitted or already in a log");
}

Result<void> attach_tool_record(Transaction& tx, std::int64_t id, domain::LogId log, domain::PersonId by,
                                TimePoint now) {
  const auto ms = to_unix_ms(now);
  return exactly_one(tx.execute("UPDATE tool_record SET outcome = 'attached', log_id = ?, attached_at_ms = ?,"
                                " attached_by_person_id = ?, updated_at_ms = ?"
                                " WHERE id = ? AND status = 'submitted' AND log_id IS NULL",
                                {log.value, ms, by.value, ms, id}),
                     "tool record is not submitted or already in a log");
}

Result<std::vector<ToolRecordRow>> tool_records_of_units(Transaction& tx, const std::vector<domain::UnitId>& units,
                                                         domain::PersonId author) {
  std::vector<ToolRecordRow> out;
  for (const auto unit : units) {
    auto rows = tx.query(std::string(kSelect) +
                             "WHERE r.unit_id = ? AND (r.status = 'submitted' OR r.author_person_id = ?)"
                             " ORDER BY r.updated_at_ms DESC, r.id DESC LIMIT 200",
                         {unit.value, author.value});
    if (!rows) return rows.error();
    for (const auto& r : *rows) out.push_back(row_from(r));
  }
  std::sort(out.begin(), out.end(), [](const ToolRecordRow& a, const ToolRecordRow& b) {
    return a.updated_at != b.updated_at ? a.updated_at > b.updated_at : a.id > b.id;
  });
  return out;
}

Result<std::vector<ToolRecordRow>> tool_records_of_log(Transaction& tx, domain::LogId log) {
  auto rows = tx.query(std::string(kSelect) + "WHERE r.log_id = ? ORDER BY r.attached_at_ms, r.id", {log.value});
  if (!rows) return rows.error();
  std::vector<ToolRecordRow> out;
  for (const auto& r : *rows) out.push_back(row_from(r));
  return out;
}

}  // namespace stafett::store
