#pragma once
// Municipal administration: the settings that shape consent. Administrators
// manage their own municipality and never see log content (the policy gives
// them no read rights on logs).
#include <string>
#include <vector>

#include "app/log_use_cases.h"
#include "core/clock.h"
#include "domain/consent.h"
#include "domain/municipality.h"
#include "domain/retention.h"
#include "policy/actor.h"
#include "store/database.h"

namespace stafett::app {

struct MunicipalitySettingsView {
  domain::Municipality municipality;
  domain::ConsentSettings settings;
  domain::RetentionSettings retention;
  std::vector<std::string> embedding_origins;  // web sites that may embed the model's public JSON
};

// The municipalities the actor administers, with their settings.
Result<std::vector<MunicipalitySettingsView>> administered_municipalities(store::Database& db,
                                                                         const policy::Actor& actor,
                                                                         const Clock& clock);

// Saves the settings after checking the actor administers `municipality` and
// the values are sensible (ages 7-18, the child's own view no later than
// the age from which their consent counts).
Result<FieldErrors> save_settings(store::Database& db, const policy::Actor& actor,
                                  domain::MunicipalityId municipality, const domain::ConsentSettings& settings,
                                  const Clock& clock);

// Saves how long closed logs and their access records are kept (typed days,
// empty: kept until decided; app/retention.h), after the same check.
Result<FieldErrors> save_retention(store::Database& db, const policy::Actor& actor,
                                   domain::MunicipalityId municipality, std::string_view closed_log_days,
                                   std::string_view access_record_days, const Clock& clock);

// Saves the web sites (one origin per line) that may embed the public JSON of
// the municipality's samhandlingsmodell; field "origins" names a bad line.
Result<FieldErrors> save_embedding_origins(store::Database& db, const policy::Actor& actor,
                                           domain::MunicipalityId municipality, std::string_view lines,
                                           const Clock& clock);

// Whether `origin` may embed the public JSON of the municipality numbered
// `kommunenummer` (no actor: the answer is the same for anyone).
Result<bool> may_embed(store::Database& db, const std::string& kommunenummer, std::string_view origin);

}  // namespace stafett::app
