#pragma once
// SQL for the samhandlingsmodell's history (model_change, append-only): each
// saved state of a service, measure, arena or plan with who saved it and why.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/model_change.h"
#include "store/database.h"

namespace stafett::store {

// Appends the next version of (kind, item); returns its number.
Result<int> append_model_change(Transaction& tx, domain::MunicipalityId municipality, domain::ModelKind kind,
                                std::int64_t item, const domain::ModelSnapshot& snapshot, const std::string& summary,
                                std::optional<domain::PersonId> by, TimePoint now);
// The municipality's changes, newest first, at most `limit`.
Result<std::vector<domain::ModelChange>> model_changes(Transaction& tx, domain::MunicipalityId municipality,
                                                       std::size_t limit);
// One change of the municipality; nullopt when it has none with this id.
Result<std::optional<domain::ModelChange>> find_model_change(Transaction& tx, domain::MunicipalityId municipality,
                                                             std::int64_t id);
// The version before `change` of the same item; nullopt for a first version.
Result<std::optional<domain::ModelChange>> previous_model_change(Transaction& tx, const domain::ModelChange& change);

std::string encode_snapshot(const domain::ModelSnapshot& snapshot);

}  // namespace stafett::store
