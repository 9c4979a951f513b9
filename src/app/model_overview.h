#pragma once
// The three-level overview of a municipality's samhandlingsmodell (kommune,
// tjeneste, individ): its plans, arenas, catalogues and the guide, as much
// of them as the actor may see (the public: what is marked public).
#include <string>
#include <vector>

#include "app/arenas.h"
#include "app/plans.h"

namespace stafett::app {

struct ModelOverview {
  ModelRights rights;
  std::vector<PlanEntry> municipal_plans;
  std::vector<PlanEntry> service_plans;
  std::vector<ArenaEntry> arenas;
  std::size_t services = 0;
  std::size_t measures = 0;
};

Result<ModelOverview> model_overview(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                     const Clock& clock);

}  // namespace stafett::app
