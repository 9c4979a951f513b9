#pragma once
// SQL for municipalities. Functions take an open Transaction so callers in
// app/ decide the transaction boundary.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/municipality.h"
#include "store/database.h"

namespace stafett::store {

Result<std::vector<domain::Municipality>> list_municipalities(Transaction& tx);

// Inserts unless a municipality with the same kommunenummer exists; returns the
// id of the stored row either way.
Result<domain::MunicipalityId> ensure_municipality(Transaction& tx, const domain::Municipality& m,
                                                   TimePoint now);

// Inserts `m`; nullopt when its kommunenummer is taken (nothing written).
Result<std::optional<domain::MunicipalityId>> insert_municipality(Transaction& tx, const domain::Municipality& m,
                                                                  TimePoint now);
Result<std::optional<domain::Municipality>> find_municipality_by_number(Transaction& tx,
                                                                        const std::string& kommunenummer);

// The origins that may embed the municipality's public JSON (CORS), sorted.
Result<std::vector<std::string>> embedding_origins(Transaction& tx, domain::MunicipalityId municipality);
Result<void> replace_embedding_origins(Transaction& tx, domain::MunicipalityId municipality,
                                       const std::vector<std::string>& origins);

}  // namespace stafett::store
