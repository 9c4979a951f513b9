#include "store/access_record_search.h"

#include <algorithm>
#include <string>

#include "store/access_record_codec.h"

namespace stafett::store {
namespace {

// "?, ?, ?" for `n` values.
std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

template <class Id>
void add_in(std::string& sql, Params& params, const char* column, const std::vector<Id>& ids) {
  sql += std::string(" AND ") + column + " IN (" + placeholders(ids.size()) + ")";
  for (const Id& id : ids) params.push_back(id.value);
}

template <class Id>
bool contains(const std::vector<Id>& ids, Id id) {
  return std::any_of(ids.begin(), ids.end(), [&](const Id& x) { return x.value == id.value; });
}

Result<std::vector<PersonRow>> person_rows(Result<Rows> rows) {
  if (!rows) return rows.error();
  std::vector<PersonRow> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(PersonRow{domain::PersonId{r.int64(0)}, r.text(1), r.text(2), std::nullopt});
  return out;
}

}  // namespace

Result<std::vector<ListedAccessRecord>> search_access_records(Transaction& tx, const AccessRecordSearch& s,
                                                              std::size_t limit) {
  if (s.municipalities.empty()) return make_error(Errc::kInternal, "access record search without a municipality");
  std::string sql =
      "SELECT a.sequence, a.record, l.municipality_id FROM access_record a JOIN log l ON l.id = a.log_id"
      " WHERE a.action <> 'remove'";
  Params params;
  add_in(sql, params, "l.municipality_id", s.municipalities);
  if (s.log) {
    sql += " AND a.log_id = ?";
    params.push_back(s.log->value);
  }
  if (!s.people.empty()) add_in(sql, params, "a.person_id", s.people);
  if (!s.children.empty()) add_in(sql, params, "a.child_id", s.children);
  if (s.unit) {
    sql += " AND a.unit_id = ?";
    params.push_back(s.unit->value);
  }
  if (s.action) {
    sql += " AND a.action = ?";
    params.push_back(std::string(domain::access_action_code(*s.action)));
  }
  if (s.basis) {
    sql += " AND a.basis = ?";
    params.push_back(std::string(domain::access_basis_code(*s.basis)));
  }
  if (s.period.from) {
    sql += " AND a.at_ms >= ?";
    params.push_back(to_unix_ms(*s.period.from));
  }
  if (s.period.until) {
    sql += " AND a.at_ms < ?";
    params.push_back(to_unix_ms(*s.period.until));
  }
  if (s.period.before) {
    const std::int64_t at = to_unix_ms(s.period.before->at);
    sql += " AND (a.at_ms < ? OR (a.at_ms = ? AND a.sequence < ?))";
    params.push_back(at);
    params.push_back(at);
    params.push_back(s.period.before->sequence);
  }
  sql += " ORDER BY a.at_ms DESC, a.sequence DESC LIMIT ?";
  params.push_back(static_cast<std::int64_t>(std::min<std::size_t>(limit, 1u << 30)));
  auto rows = tx.query(sql, params);
  if (!rows) return rows.error();

  std::vector<ListedAccessRecord> out;
  out.reserve(rows->size());
  for (const Row& row : *rows) {
    const std::string where = " (sequence " + std::to_string(row.int64(0)) + ")";
    auto record = decode_access_record(row.text(1));
    if (!record) return make_error(record.error().code, record.error().detail + where);
    // The row was found by its queryable copies; the canonical record (the
    // one the chain covers) must say the same.
    const auto& r = *record;
    const bool agrees = contains(s.municipalities, domain::MunicipalityId{row.int64(2)}) &&
                        (!s.log || r.log == *s.log) && (s.people.empty() || contains(s.people, r.person)) &&
                        (s.children.empty() || contains(s.children, r.child)) &&
                        (!s.unit || (r.unit && *r.unit == *s.unit)) && (!s.action || r.action == *s.action) &&
                        (!s.basis || r.basis == *s.basis);
    if (!agrees) return make_error(Errc::kInternal, "access record differs from its columns" + where);
    out.push_back({row.int64(0), std::move(*record)});
  }
  return out;
}

Result<std::vector<PersonRow>> people_in_municipal_access_records(
    Transaction& tx, const std::vector<domain::MunicipalityId>& municipalities) {
  if (municipalities.empty()) return std::vector<PersonRow>{};
  std::string sql =
      "SELECT p.id, p.given_name, p.family_name FROM person p WHERE p.id IN (SELECT a.person_id FROM access_record a"
      " JOIN log l ON l.id = a.log_id WHERE a.action <> 'remove'";
  Params params;
  add_in(sql, params, "l.municipality_id", municipalities);
  sql += ") ORDER BY p.family_name, p.given_name, p.id";
  return person_rows(tx.query(sql, params));
}

Result<std::vector<PersonRow>> children_of_municipal_logs(Transaction& tx,
                                                          const std::vector<domain::MunicipalityId>& municipalities) {
  if (municipalities.empty()) return std::vector<PersonRow>{};
  std::string sql =
      "SELECT p.id, p.given_name, p.family_name FROM person p WHERE p.id IN (SELECT l.child_person_id FROM log l"
      " WHERE 1 = 1";
  Params params;
  add_in(sql, params, "l.municipality_id", municipalities);
  sql += ") ORDER BY p.family_name, p.given_name, p.id";
  return person_rows(tx.query(sql, params));
}

}  // namespace stafett::store
