#pragma once
// The municipality's plans and routines in its model: public where it marks
// them so, read in full by those who work for it, edited by its coordinator
// and administrators with versions in the history, and a list of those not
// reviewed for 12 months.
#include <string>
#include <vector>

#include "app/log_use_cases.h"
#include "app/model_access.h"
#include "domain/plan.h"

namespace stafett::app {

struct PlanEntry {
  domain::Plan plan;
  bool editable = false;
  bool due_for_review = false;
};

struct PlanList {
  ModelRights rights;
  std::vector<PlanEntry> plans;  // municipality level first, by title
};

Result<PlanList> plan_list(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                           const Clock& clock);
Result<PlanEntry> plan_entry(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                             std::int64_t plan, const Clock& clock);

struct PlanForm {
  domain::PlanInput input;
  std::string summary;
};
struct PlanSaved {
  FieldErrors errors;
  std::int64_t id = 0;
};
Result<PlanSaved> add_plan(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                           const PlanForm& form, const Clock& clock);
Result<PlanSaved> save_plan(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                            std::int64_t plan, const PlanForm& form, const Clock& clock);

}  // namespace stafett::app
