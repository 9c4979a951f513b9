#pragma once
// Who may do what with a municipality's samhandlingsmodell, as the policy
// decides it: anyone reads what the municipality made public; the people who
// work for it also read the rest (read_model); its coordinator and
// administrators edit it (edit_model).
#include <string>

#include "core/clock.h"
#include "domain/municipality.h"
#include "policy/actor.h"
#include "store/database.h"

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

}  // namespace stafett::app
