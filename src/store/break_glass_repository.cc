#include "store/break_glass_repository.h"

namespace stafett::store {
namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.log_id, l.municipality_id, l.child_person_id, c.given_name, c.family_name,"
    " a.person_id, p.given_name, p.family_name, a.unit_id, u.name, u.service_type, a.reason, a.explanation,"
    " a.started_ms, a.expires_ms, r.outcome, r.comment, r.reviewer_id, rp.given_name, rp.family_name, r.reviewed_ms"
    " FROM break_glass_access a"
    " JOIN log l ON l.id = a.log_id"
    " JOIN person c ON c.id = l.child_person_id"
    " JOIN person p ON p.id = a.person_id"
    " LEFT JOIN unit u ON u.id = a.unit_id"
    " LEFT JOIN break_glass_review r ON r.access_id = a.id"
    " LEFT JOIN person rp ON rp.id = r.reviewer_id ";

Result<BreakGlassRow> row_of(const Row& r) {
  BreakGlassRow b;
  b.id = r.int64(0);
  b.log = domain::LogId{r.int64(1)};
  b.municipality = domain::MunicipalityId{r.int64(2)};
  b.child = domain::PersonId{r.int64(3)};
  b.child_name = r.text(4) + " " + r.text(5);
  b.person = domain::PersonId{r.int64(6)};
  b.person_name = r.text(7) + " " + r.text(8);
  if (!r.is_null(9)) {
    b.unit = domain::UnitId{r.int64(9)};
    b.unit_name = r.text(10);
    b.service = r.text(11);
  }
  auto reason = domain::break_glass_reason_from_code(r.text(12));
  if (!reason) return make_error(Errc::kInternal, "unknown break-glass reason in database");
  b.reason = *reason;
  b.explanation = r.text(13);
  b.started = from_unix_ms(r.int64(14));
  b.expires = from_unix_ms(r.int64(15));
  if (!r.is_null(16)) {
    auto outcome = domain::break_glass_outcome_from_code(r.text(16));
    if (!outcome) return make_error(Errc::kInternal, "unknown break-glass review outcome in database");
    b.review = BreakGlassReviewRow{*outcome, r.text(17), domain::PersonId{r.int64(18)},
                                   r.text(19) + " " + r.text(20), from_unix_ms(r.int64(21))};
  }
  return b;
}

Result<std::vector<BreakGlassRow>> rows_of(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  std::vector<BreakGlassRow> out;
  for (const Row& r : *rows) {
    auto b = row_of(r);
    if (!b) return b.error();
    out.push_back(std::move(*b));
  }
  return out;
}

Result<std::optional<BreakGlassRow>> first_of(const Result<Rows>& rows) {
  auto all = rows_of(rows);
  if (!all) return all.error();
  if (all->empty()) return std::optional<BreakGlassRow>{};
  return std::optional<BreakGlassRow>{std::move(all->front())};
}

}  // namespace

Result<void> insert_break_glass_designation(Transaction& tx, domain::PersonId person,
                                            domain::MunicipalityId municipality, TimePoint from) {
  auto r = tx.execute(
      "INSERT INTO break_glass_designation (person_id, municipality_id, valid_from_ms) VALUES (?, ?, ?)",
      {person.value, municipality.value, to_unix_ms(from)});
  if (!r) return r.error();
  return {};
}

Result<bool> is_break_glass_designated(Transaction& tx, domain::PersonId person, domain::MunicipalityId municipality,
                                       TimePoint now) {
  auto rows = tx.query(
      "SELECT 1 FROM break_glass_designation WHERE person_id = ? AND municipality_id = ?"
      " AND valid_from_ms <= ? AND (valid_to_ms IS NULL OR valid_to_ms > ?)",
      {person.value, municipality.value, to_unix_ms(now), to_unix_ms(now)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::int64_t> insert_break_glass_access(Transaction& tx, const NewBreakGlassAccess& a) {
  auto rows = tx.query(
      "INSERT INTO break_glass_access (log_id, person_id, unit_id, reason, explanation, started_ms, expires_ms)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.log.value, a.person.value, a.unit ? Value{a.unit->value} : Value{Null{}},
       std::string(domain::break_glass_reason_code(a.request.reason)), a.request.explanation,
       to_unix_ms(a.started), to_unix_ms(a.expires)});
  if (!rows) return rows.error();
  return rows->front().int64(0);
}

Result<std::optional<BreakGlassRow>> active_break_glass(Transaction& tx, domain::LogId log, domain::PersonId person,
                                                        TimePoint now) {
  return first_of(tx.query(std::string(kSelect) +
                               "WHERE a.log_id = ? AND a.person_id = ? AND a.started_ms <= ? AND a.expires_ms > ?"
                               " ORDER BY a.id DESC LIMIT 1",
                           {log.value, person.value, to_unix_ms(now), to_unix_ms(now)}));
}

Result<std::optional<BreakGlassRow>> find_break_glass(Transaction& tx, std::int64_t id) {
  return first_of(tx.query(std::string(kSelect) + "WHERE a.id = ?", {id}));
}

Result<std::vector<BreakGlassRow>> break_glass_of_log(Transaction& tx, domain::LogId log) {
  return rows_of(tx.query(std::string(kSelect) + "WHERE a.log_id = ? ORDER BY a.id DESC", {log.value}));
}

Result<std::vector<BreakGlassRow>> break_glass_of_municipality(Transaction& tx, domain::MunicipalityId municipality,
                                                               std::size_t limit) {
  return rows_of(tx.query(std::string(kSelect) +
                              "WHERE l.municipality_id = ?"
                              " ORDER BY CASE WHEN r.id IS NULL THEN 0 ELSE 1 END,"
                              " CASE WHEN r.id IS NULL THEN a.id ELSE -a.id END LIMIT ?",
                          {municipality.value, static_cast<std::int64_t>(limit)}));
}

Result<std::vector<ChildLog>> child_logs_in(Transaction& tx, domain::PersonId child, domain::MunicipalityId municipality) {
  auto rows = tx.query(
      "SELECT id, status, opened_at_ms FROM log WHERE child_person_id = ? AND municipality_id = ? ORDER BY id DESC",
      {child.value, municipality.value});
  if (!rows) return rows.error();
  std::vector<ChildLog> out;
  for (const Row& r : *rows) out.push_back({domain::LogId{r.int64(0)}, r.text(1), from_unix_ms(r.int64(2))});
  return out;
}

Result<std::int64_t> count_unreviewed_break_glass(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(
      "SELECT COUNT(*) FROM break_glass_access a JOIN log l ON l.id = a.log_id"
      " WHERE l.municipality_id = ? AND NOT EXISTS (SELECT 1 FROM break_glass_review r WHERE r.access_id = a.id)",
      {municipality.value});
  if (!rows) return rows.error();
  return rows->front().int64(0);
}

Result<void> insert_break_glass_review(Transaction& tx, std::int64_t access, domain::PersonId reviewer,
                                       const domain::BreakGlassReview& review, TimePoint at) {
  auto r = tx.execute(
      "INSERT INTO break_glass_review (access_id, reviewer_id, outcome, comment, reviewed_ms) VALUES (?, ?, ?, ?, ?)",
      {access, reviewer.value, std::string(domain::break_glass_outcome_code(review.outcome)), review.comment,
       to_unix_ms(at)});
  if (!r) return r.error();
  return {};
}

}  // namespace stafett::store
