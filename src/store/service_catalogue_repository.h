#pragma once
// SQL for the service catalogue (tjenesteoversikt): each unit's current
// profile (unit_profile). Its history is in model_change
// (store/model_history_repository.h), written by the same transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/ids.h"
#include "domain/service_profile.h"
#include "store/database.h"
#include "store/people_repository.h"

namespace stafett::store {

struct CatalogueService {
  UnitRow unit;
  std::string owner_name;  // the municipality that owns the unit (a shared unit serves others too)
  std::optional<domain::ServiceProfile> profile;  // none yet: the unit has no catalogue entry
};

// The units serving `municipality` (its own and shared ones), by name, each
// with its profile when it has one.
Result<std::vector<CatalogueService>> services_of(Transaction& tx, domain::MunicipalityId municipality);
Result<std::optional<CatalogueService>> find_service(Transaction& tx, domain::UnitId unit);

// Inserts or replaces the unit's current profile.
Result<void> save_unit_profile(Transaction& tx, domain::UnitId unit, const domain::ServiceProfile& profile,
                               std::optional<domain::PersonId> by, TimePoint now);

}  // namespace stafett::store
