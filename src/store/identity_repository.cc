#include "store/identity_repository.h"

namespace stafett::store {

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

}  // namespace stafett::store
