#pragma once
// The samhandlingsmodell's history for its editors: every saved version of
// every service, measure, arena and plan, and what changed in one of them.
#include <string>
#include <vector>

#include "app/model_access.h"
#include "domain/model_change.h"

namespace stafett::app {

struct ModelHistory {
  domain::Municipality municipality;
  std::vector<domain::ModelChange> changes;  // newest first
};
// kForbidden unless the actor edits the model.
Result<ModelHistory> model_history(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                   const Clock& clock);

struct ModelChangeView {
  domain::Municipality municipality;
  domain::ModelChange change;
  std::optional<domain::ModelChange> previous;
  std::vector<domain::FieldDiff> diffs;
};
// kNotFound when the municipality has no change `id`.
Result<ModelChangeView> model_change_view(store::Database& db, const policy::Actor& actor,
                                          const std::string& kommunenummer, std::int64_t id, const Clock& clock);

}  // namespace stafett::app
