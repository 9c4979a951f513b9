#include "app/model_overview.h"

#include "app/measure_catalogue.h"
#include "app/service_catalogue.h"

namespace stafett::app {

Result<ModelOverview> model_overview(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                     const Clock& clock) {
  auto plans = plan_list(db, actor, kommunenummer, clock);
  if (!plans) return plans.error();
  auto arenas = arena_list(db, actor, kommunenummer, clock);
  if (!arenas) return arenas.error();
  auto services = service_catalogue(db, actor, kommunenummer, {}, clock);
  if (!services) return services.error();
  auto measures = measure_catalogue(db, actor, kommunenummer, clock);
  if (!measures) return measures.error();
  ModelOverview out{plans->rights, {}, {}, std::move(arenas->arenas), services->services.size(),
                    measures->measures.size()};
  for (auto& p : plans->plans) {
    (p.plan.level == domain::PlanLevel::kMunicipality ? out.municipal_plans : out.service_plans).push_back(std::move(p));
  }
  return out;
}

}  // namespace stafett::app
