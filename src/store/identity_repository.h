#pragma once
// SQL for how people are known to identity providers (employee_identity).
#include <optional>
#include <string>

#include "core/clock.h"
#include "domain/ids.h"
#include "store/database.h"

namespace stafett::store {

Result<void> insert_employee_identity(Transaction& tx, const std::string& issuer, const std::string& subject,
                                      domain::PersonId person, TimePoint now);
Result<std::optional<domain::PersonId>> find_employee_identity(Transaction& tx, const std::string& issuer,
                                                               const std::string& subject);

}  // namespace stafett::store
