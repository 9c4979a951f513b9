#pragma once
// The service catalogue (tjenesteoversikt) of one municipality: its own units
// and the shared ones that serve it. The public sees the entries marked
// public; the people who work for the municipality see every unit; its
// coordinator and administrators add units and edit the entries of the units
// it owns, each save a new version in the model's history.
#include <optional>
#include <string>
#include <vector>

#include "app/log_use_cases.h"
#include "app/model_access.h"
#include "core/clock.h"
#include "domain/service_profile.h"
#include "store/service_catalogue_repository.h"

namespace stafett::app {

struct ServiceEntry {
  store::CatalogueService service;
  bool shared = false;    // owned by another municipality
  bool editable = false;  // the actor may edit it here (the owner's editor)
};

struct ServiceCatalogue {
  ModelRights rights;
  std::vector<ServiceEntry> services;  // those matching the filter the actor may see, by name
};

Result<ServiceCatalogue> service_catalogue(store::Database& db, const policy::Actor& actor,
                                           const std::string& kommunenummer, const domain::ServiceFilter& filter,
                                           const Clock& clock);
// One entry; kNotFound unless the unit serves the municipality and the actor may see its entry.
Result<ServiceEntry> service_entry(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                   domain::UnitId unit, const Clock& clock);

struct ServiceForm {
  std::string name;
  std::string service_type;  // a domain::ServiceType code
  domain::ServiceProfileInput profile;
  std::string summary;       // what changed and why, for the history
};

struct ServiceSaved {
  FieldErrors errors;  // nothing stored when not empty
  domain::UnitId unit;
};
// A new unit owned by the municipality, with its catalogue entry.
Result<ServiceSaved> add_service(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                 const ServiceForm& form, const Clock& clock);
// A new version of the entry of a unit the municipality owns (kNotFound for
// another municipality's unit, shared or not).
Result<ServiceSaved> save_service(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                  domain::UnitId unit, const ServiceForm& form, const Clock& clock);

}  // namespace stafett::app
