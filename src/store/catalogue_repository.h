#pragma once
// SQL for the measures catalogue (tiltaksoversikt): the measures, their
// provider units, and how many open logs use each (from measure_use, never
// from any log's text).
#include <map>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "domain/catalogue_measure.h"
#include "store/database.h"

namespace stafett::store {

Result<domain::CatalogueMeasureId> insert_catalogue_measure(Transaction& tx, const domain::CatalogueMeasure& m,
                                                            TimePoint now);
// Replaces the measure's fields and providers with `m`'s.
Result<void> update_catalogue_measure(Transaction& tx, const domain::CatalogueMeasure& m);
// The measures `municipality` offers now (not retired), by name.
Result<std::vector<domain::CatalogueMeasure>> catalogue_of(Transaction& tx, domain::MunicipalityId municipality);
// One measure, retired or not; nullopt when there is none.
Result<std::optional<domain::CatalogueMeasure>> find_catalogue_measure(Transaction& tx, domain::CatalogueMeasureId id);
// For each measure of `municipality` that an open log uses (the newest
// version of one of its measures names it): how many open logs.
Result<std::map<std::int64_t, std::int64_t>> open_logs_per_measure(Transaction& tx, domain::MunicipalityId municipality);

}  // namespace stafett::store
