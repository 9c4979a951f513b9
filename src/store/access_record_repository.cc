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
      "SELECT sequence, record FROM access_record WHERE log_id = ? ORDER BY at_ms DESC, sequence DESC LIMIT ?",
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

}  // namespace stafett::store
