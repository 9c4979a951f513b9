#pragma once
// SQL for how people are known to identity providers (employee_identity).
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/ids.h"
#include "store/database.h"

namespace stafett::store {

struct EmployeeIdentityRow {
  std::string issuer;
  std::string subject;
  domain::PersonId person;
  TimePoint created;
};

Result<void> insert_employee_identity(Transaction& tx, const std::string& issuer, const std::string& subject,
                                      domain::PersonId person, TimePoint now);
Result<std::optional<domain::PersonId>> find_employee_identity(Transaction& tx, const std::string& issuer,
                                                               const std::string& subject);
// The whole row, for an operator who is about to change it.
Result<std::optional<EmployeeIdentityRow>> find_employee_identity_row(Transaction& tx, const std::string& issuer,
                                                                      const std::string& subject);
// Every link, or only `person`'s, by person, issuer and subject.
Result<std::vector<EmployeeIdentityRow>> list_employee_identities(Transaction& tx,
                                                                  std::optional<domain::PersonId> person);
// Returns whether a row was deleted.
Result<bool> delete_employee_identity(Transaction& tx, const std::string& issuer, const std::string& subject);

}  // namespace stafett::store
