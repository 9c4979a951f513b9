#pragma once
// Who may do what with a municipality's samhandlingsmodell, as the policy
// decides it: anyone reads what the municipality made public; the people who
// work for it also read the rest (read_model); its coordinator and
// administrators edit it (edit_model).
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/municipality.h"
#include "policy/actor.h"
#include "store/database.h"
#include "store/people_repository.h"

namespace stafett::app {

struct ModelRights {
  domain::Municipality municipality;
  bool read_internal = false;  // read_model
  bool edit = false;           // edit_model
};

// The municipality numbered `kommunenummer` (kNotFound when there is none)
// and the actor's rights in its model.
Result<ModelRights> model_rights(store::Transaction& tx, const policy::Actor& actor, const std::string& kommunenummer,
                                 TimePoint now);
// The same, kForbidden unless the actor may edit the model.
Result<domain::Municipality> model_editor(store::Transaction& tx, const policy::Actor& actor,
                                          const std::string& kommunenummer, TimePoint now);

// Fills in the name of each unit in `members` (a measure's providers, an
// arena's members: anything with .unit and .name); false when one of them
// does not serve the municipality.
template <class Member>
Result<bool> name_serving_units(store::Transaction& tx, domain::MunicipalityId municipality,
                                std::vector<Member>& members) {
  for (auto& m : members) {
    auto serves = store::unit_serves(tx, m.unit, municipality);
    if (!serves) return serves.error();
    auto unit = store::find_unit(tx, m.unit);
    if (!unit) return unit.error();
    if (!*serves || !*unit) return false;
    m.name = (*unit)->name;
  }
  return true;
}

}  // namespace stafett::app
