#pragma once
// Setting up a municipality in a shared deployment: the municipality, its
// default settings, the unit its first administrator works in, that person,
// their employment and their admin role, written together or not at all.
// An operator does it with `stafett municipality add` at the server, or on
// /drift/kommuner (policy: manage_deployment). Also: which units serve
// which municipalities (a shared PPT or child welfare service).
#include <optional>
#include <string>
#include <vector>

#include "app/log_use_cases.h"
#include "core/clock.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "policy/actor.h"
#include "store/database.h"

namespace stafett::app {

struct NewMunicipality {
  std::string name;            // "Storfjell kommune"
  std::string kommunenummer;   // four digits, not yet in the deployment
  std::string admin_unit;      // the unit the administrator works in ("Kommunalsjef oppvekst")
  std::string admin_given_name;
  std::string admin_family_name;
  std::string admin_title;     // their job title
};

struct MunicipalityCreated {
  domain::MunicipalityId municipality;
  domain::UnitId admin_unit;
  domain::PersonId administrator;
};

struct MunicipalitySetupOutcome {
  FieldErrors errors;                        // field -> message key; nothing written when not empty
  std::optional<MunicipalityCreated> created;  // set exactly when errors is empty
};

// The operator at the server (the command line): no actor to check.
Result<MunicipalitySetupOutcome> add_municipality(store::Database& db, const NewMunicipality& in, const Clock& clock);
// The same from the web: kForbidden unless the actor is an operator now.
Result<MunicipalitySetupOutcome> add_municipality_as(store::Database& db, const policy::Actor& actor,
                                                     const NewMunicipality& in, const Clock& clock);

struct DeploymentMunicipality {
  domain::Municipality municipality;
  std::vector<std::string> administrators;  // names
  std::vector<std::string> units;           // the units serving it, owned or shared ("PPT for Fjordvik og Lauvåsen")
};
// Every municipality of the deployment with its administrators and units;
// kForbidden unless the actor is an operator now.
Result<std::vector<DeploymentMunicipality>> deployment_overview(store::Database& db, const policy::Actor& actor,
                                                                const Clock& clock);
// The same without an actor, for the command line.
Result<std::vector<DeploymentMunicipality>> deployment_overview(store::Database& db, const Clock& clock);

enum class ShareRefusal { kNone, kUnknownUnit, kUnknownMunicipality, kAlreadyServes };
// Records that `unit` also serves the municipality numbered `kommunenummer`
// (its employees then work for that municipality's children too, within the
// family's consent). The command line only: two municipalities agree on it.
Result<ShareRefusal> share_unit(store::Database& db, domain::UnitId unit, const std::string& kommunenummer);

enum class OperatorRefusal { kNone, kUnknownPerson, kAlreadyOperator };
Result<OperatorRefusal> add_operator(store::Database& db, domain::PersonId person, const Clock& clock);

}  // namespace stafett::app
