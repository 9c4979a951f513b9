#include "store/identity_repository.h"

namespace stafett::store {
namespace {

EmployeeIdentityRow identity_row(const Row& r) {
  return EmployeeIdentityRow{r.text(0), r.text(1), domain::PersonId{r.int64(2)}, from_unix_ms(r.int64(3))};
}

}  // namespace

Result<void> insert_employee_identity(Transaction& tx, const std::string& issuer, const std::string& subject,
                                      domain::PersonId person, TimePoint now) {
  auto r = tx.execute(
      "INSERT INTO employee_identity (issuer, subject, person_id, created_at_ms) VALUES (?, ?, ?, ?)",
      {issuer, subject, person.value, to_unix_ms(now)});
  if (!r) return r.error();
  return {};
}

Result<std::optional<domain::PersonId>> find_employee_identity(Transaction& tx, const std::string& issuer,
                                                               const std::string& subject) {
  auto rows = tx.query("SELECT person_id FROM employee_identity WHERE issuer = ? AND subject = ?", {issuer, subject});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::PersonId>{};
  return std::optional<domain::PersonId>{domain::PersonId{rows->front().int64(0)}};
}

Result<std::optional<EmployeeIdentityRow>> find_employee_identity_row(Transaction& tx, const std::string& issuer,
                                                                      const std::string& subject) {
  auto rows = tx.query(
      "SELECT issuer, subject, person_id, created_at_ms FROM employee_identity WHERE issuer = ? AND subject = ?",
      {issuer, subject});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<EmployeeIdentityRow>{};
  return std::optional<EmployeeIdentityRow>{identity_row(rows->front())};
}

Result<std::vector<EmployeeIdentityRow>> list_employee_identities(Transaction& tx,
                                                                  std::optional<domain::PersonId> person) {
  auto rows = person ? tx.query("SELECT issuer, subject, person_id, created_at_ms FROM employee_identity"
                                " WHERE person_id = ? ORDER BY issuer, subject",
                                {person->value})
                     : tx.query("SELECT issuer, subject, person_id, created_at_ms FROM employee_identity"
                                " ORDER BY person_id, issuer, subject");
  if (!rows) return rows.error();
  std::vector<EmployeeIdentityRow> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(identity_row(r));
  return out;
}

Result<bool> delete_employee_identity(Transaction& tx, const std::string& issuer, const std::string& subject) {
  auto n = tx.execute("DELETE FROM employee_identity WHERE issuer = ? AND subject = ?", {issuer, subject});
  if (!n) return n.error();
  return *n > 0;
}

}  // namespace stafett::store
