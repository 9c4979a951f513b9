#pragma once
// SQL for the measures catalogue (tiltaksoversikt).
#include <optional>
#include <vector>

#include "core/clock.h"
#include "domain/catalogue_measure.h"
#include "store/database.h"

namespace stafett::store {

Result<domain::CatalogueMeasureId> insert_catalogue_measure(Transaction& tx, const domain::CatalogueMeasure& m,
                                                            TimePoint now);
// The measures `municipality` offers now (not retired), by name.
Result<std::vector<domain::CatalogueMeasure>> catalogue_of(Transaction& tx, domain::MunicipalityId municipality);
// One measure, retired or not; nullopt when there is none.
Result<std::optional<domain::CatalogueMeasure>> find_catalogue_measure(Transaction& tx, domain::CatalogueMeasureId id);

}  // namespace stafett::store
