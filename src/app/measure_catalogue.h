#pragma once
// The measures catalogue (tiltaksoversikt) of one municipality: what it
// offers, and how many open logs use each measure, as counts only with small
// counts suppressed (domain/small_counts.h). The public sees the measures
// marked public; the people who work for the municipality see all; its
// coordinator and administrators add and edit them, each save a version in
// the model's history.
#include <string>
#include <vector>

#include "app/log_use_cases.h"
#include "app/model_access.h"
#include "core/clock.h"
#include "domain/catalogue_measure.h"
#include "domain/small_counts.h"

namespace stafett::app {

struct MeasureEntry {
  domain::CatalogueMeasure measure;
  domain::ShownCount open_logs;  // how many open logs use it, suppressed below 3
  bool editable = false;
};

struct MeasureCatalogue {
  ModelRights rights;
  std::vector<MeasureEntry> measures;  // by name
  std::int64_t total = 0;              // open logs over the shown counts (a sum of uses, not of logs)
  bool total_is_lower_bound = false;
};

Result<MeasureCatalogue> measure_catalogue(store::Database& db, const policy::Actor& actor,
                                           const std::string& kommunenummer, const Clock& clock);
// kNotFound unless the measure is the municipality's and the actor may see it.
Result<MeasureEntry> measure_entry(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                   domain::CatalogueMeasureId id, const Clock& clock);

struct MeasureForm {
  domain::MeasureInput input;
  std::string summary;
};
struct MeasureSaved {
  FieldErrors errors;  // nothing stored when not empty
  domain::CatalogueMeasureId id;
};
// The providers must be units that serve the municipality.
Result<MeasureSaved> add_measure(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                 const MeasureForm& form, const Clock& clock);
Result<MeasureSaved> save_measure(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                  domain::CatalogueMeasureId id, const MeasureForm& form, const Clock& clock);

}  // namespace stafett::app
