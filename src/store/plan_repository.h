#pragma once
// SQL for the model's plans and routines.
#include <optional>
#include <vector>

#include "core/clock.h"
#include "domain/plan.h"
#include "store/database.h"

namespace stafett::store {

Result<std::int64_t> insert_plan(Transaction& tx, const domain::Plan& plan, TimePoint now);
Result<void> update_plan(Transaction& tx, const domain::Plan& plan);
// The municipality's plans, municipality level first, by title.
Result<std::vector<domain::Plan>> plans_of(Transaction& tx, domain::MunicipalityId municipality);
Result<std::optional<domain::Plan>> find_plan(Transaction& tx, std::int64_t id);

}  // namespace stafett::store
