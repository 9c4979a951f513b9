#include "store/access_record_repository.h"

#include <algorithm>

#include "store/access_record_codec.h"

namespace stafett::store {
namespace {

// The rows were found by their queryable copies; `matches` checks that the
// canonical record (the one the chain covers) says the same, so a copy
// edited behind the chain's back cannot put a record on the wrong page.
template <class Matches>
Result<std::vector<ListedAccessRecord>> decode_rows(const Rows& rows, Matches matches) {
  std::vector<ListedAccessRecord> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    const std::string where = " (sequence " + std::to_string(row.int64(0)) + ")";
    auto record = decode_access_record(row.text(1));
    if (!record) return make_error(record.error().code, record.error().detail + where);
    if (!matches(*record)) return make_error(Errc::kInternal, "access record differs from its columns" + where);
    out.push_back({row.int64(0), std::move(*record)});
  }
  return out;
}

std::int64_t as_limit(std::size_t limit) { return static_cast<std::int64_t>(std::min<std::size_t>(limit, 1u << 30)); }

// "WHERE <key column> = ?" and the filter's conditions, in the order of the
// indexes (key, time), newest first.
Result<Rows> query_filtered(Transaction& tx, const char* key_column, std::int64_t key, const AccessRecordFilter& f,
                            bool by_person_filter, std::size_t limit) {
  // Retention's removal events are not accesses: no list shows them.
  std::string sql =
      std::string("SELECT sequence, record FROM access_record WHERE ") + key_column + " = ? AND action <> 'remove'";
  Params params{key};
  if (f.from) {
    sql += " AND at_ms >= ?";
    params.push_back(to_unix_ms(*f.from));
  }
  if (f.until) {
    sql += " AND at_ms < ?";
    params.push_back(to_unix_ms(*f.until));
  }
  if (by_person_filter && f.person) {
    sql += " AND person_id = ?";
    params.push_back(f.person->value);
  }
  if (f.before) {
    const std::int64_t at = to_unix_ms(f.before->at);
    sql += " AND (at_ms < ? OR (at_ms = ? AND sequence < ?))";
    params.push_back(at);
    params.push_back(at);
    params.push_back(f.before->sequence);
  }
  sql += " ORDER BY at_ms DESC, sequence DESC LIMIT ?";
  params.push_back(as_limit(limit));
  return tx.query(sql, params);
}

}  // namespace

Result<void> lock_access_chain(Transaction& tx) {
  if (tx.backend() == Backend::kSqlite) return {};
  auto r = tx.execute("LOCK TABLE access_record IN EXCLUSIVE MODE");
  if (!r) return r.error();
  return {};
}

Result<std::optional<AccessChainRow>> access_chain_head(Transaction& tx) {
  auto rows = tx.query("SELECT sequence, record, hash FROM access_record ORDER BY sequence DESC LIMIT 1");
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<AccessChainRow>{};
  const Row& r = rows->front();
  return std::optional<AccessChainRow>{AccessChainRow{r.int64(0), r.text(1), r.blob(2)}};
}

Result<void> insert_access_record(Transaction& tx, const AccessChainRow& row, const domain::AccessRecord& fields) {
  const Value unit = fields.unit ? Value{fields.unit->value} : Value{Null{}};
  auto r = tx.execute(
      "INSERT INTO access_record (sequence, record, hash, person_id, child_id, log_id, action, basis, at_ms,"
      " unit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {row.sequence, row.record, row.hash, fields.person.value, fields.child.value, fields.log.value,
       std::string(domain::access_action_code(fields.action)), std::string(domain::access_basis_code(fields.basis)),
       to_unix_ms(fields.at), unit});
  if (!r) return r.error();
  return {};
}

Result<std::vector<AccessChainRow>> read_access_chain(Transaction& tx, std::int64_t after, std::size_t limit) {
  auto rows = tx.query("SELECT sequence, record, hash FROM access_record WHERE sequence > ? ORDER BY sequence LIMIT ?",
                       {after, as_limit(limit)});
  if (!rows) return rows.error();
  std::vector<AccessChainRow> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back({r.int64(0), r.text(1), r.blob(2)});
  return out;
}

Result<std::vector<ListedAccessRecord>> list_access_records_for_log(Transaction& tx, domain::LogId log,
                                                                    std::size_t limit) {
  auto rows = tx.query(
      "SELECT sequence, record FROM access_record WHERE log_id = ? AND action <> 'remove'"
      " ORDER BY at_ms DESC, sequence DESC LIMIT ?",
      {log.value, as_limit(limit)});
  if (!rows) return rows.error();
  return decode_rows(*rows, [&](const domain::AccessRecord& r) { return r.log == log; });
}

Result<std::vector<ListedAccessRecord>> list_access_records_by_person(Transaction& tx, domain::PersonId person,
                                                                      std::size_t limit) {
  auto rows = tx.query(
      "SELECT sequence, record FROM access_record WHERE person_id = ? ORDER BY at_ms DESC, sequence DESC LIMIT ?",
      {person.value, as_limit(limit)});
  if (!rows) return rows.error();
  return decode_rows(*rows, [&](const domain::AccessRecord& r) { return r.person == person; });
}

Result<std::vector<ListedAccessRecord>> list_access_records_for_log(Transaction& tx, domain::LogId log,
                                                                    const AccessRecordFilter& filter,
                                                                    std::size_t limit) {
  auto rows = query_filtered(tx, "log_id", log.value, filter, true, limit);
  if (!rows) return rows.error();
  return decode_rows(*rows, [&](const domain::AccessRecord& r) {
    return r.log == log && (!filter.person || r.person == *filter.person);
  });
}

Result<std::vector<ListedAccessRecord>> list_access_records_by_person(Transaction& tx, domain::PersonId person,
                                                                      const AccessRecordFilter& filter,
                                                                      std::size_t limit) {
  auto rows = query_filtered(tx, "person_id", person.value, filter, false, limit);
  if (!rows) return rows.error();
  return decode_rows(*rows, [&](const domain::AccessRecord& r) { return r.person == person; });
}

Result<std::vector<domain::PersonId>> people_in_access_records(Transaction& tx, domain::LogId log) {
  auto rows = tx.query(
      "SELECT DISTINCT person_id FROM access_record WHERE log_id = ? AND action <> 'remove' ORDER BY person_id",
      {log.value});
  if (!rows) return rows.error();
  std::vector<domain::PersonId> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(domain::PersonId{r.int64(0)});
  return out;
}

Result<std::optional<AccessRecordPlace>> find_access_record_place(Transaction& tx, std::int64_t sequence) {
  auto rows = tx.query("SELECT at_ms, log_id, person_id FROM access_record WHERE sequence = ?", {sequence});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<AccessRecordPlace>{};
  const Row& r = rows->front();
  return std::optional<AccessRecordPlace>{
      AccessRecordPlace{{from_unix_ms(r.int64(0)), sequence}, domain::LogId{r.int64(1)}, domain::PersonId{r.int64(2)}}};
}

}  // namespace stafett::store
