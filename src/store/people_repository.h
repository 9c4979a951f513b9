#pragma once
// SQL for the municipal register: units, people, employments, municipal roles,
// parental responsibility and municipal settings. Functions take an open
// Transaction; the caller (app/) decides the transaction boundary.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/consent.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "domain/service_type.h"
#include "store/database.h"

namespace stafett::store {

struct UnitRow {
  domain::UnitId id;
  domain::MunicipalityId municipality;
  std::string name;
  domain::ServiceType service = domain::ServiceType::kOther;
};

struct PersonRow {
  domain::PersonId id;
  std::string given_name;
  std::string family_name;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::string full_name() const { return given_name + " " + family_name; }
};

struct NewPerson {
  std::string given_name;
  std::string family_name;
  std::optional<Blob> national_id_hash;
  std::optional<Blob> national_id_sealed;
  std::optional<std::string> birth_date;
};

struct EmploymentRow {
  std::int64_t id = 0;
  UnitRow unit;
  std::string title;
};

Result<domain::UnitId> insert_unit(Transaction& tx, domain::MunicipalityId owner, const std::string& name,
                                   domain::ServiceType service, TimePoint now);
// Records that `unit` also serves `municipality` (its owner is added by insert_unit).
Result<void> add_unit_serves(Transaction& tx, domain::UnitId unit, domain::MunicipalityId municipality);
Result<std::optional<UnitRow>> find_unit(Transaction& tx, domain::UnitId unit);
Result<bool> unit_serves(Transaction& tx, domain::UnitId unit, domain::MunicipalityId municipality);
Result<std::vector<UnitRow>> units_serving(Transaction& tx, domain::MunicipalityId municipality);
// Every unit of the deployment, by municipality and name.
Result<std::vector<UnitRow>> all_units(Transaction& tx);

Result<domain::PersonId> insert_person(Transaction& tx, const NewPerson& person, TimePoint now);
Result<std::optional<PersonRow>> find_person(Transaction& tx, domain::PersonId id);
// Every person, by id (the demo login lists them; never for real logins).
Result<std::vector<PersonRow>> all_people(Transaction& tx);
Result<std::optional<domain::PersonId>> find_person_by_national_id_hash(Transaction& tx, const Blob& hash);

Result<std::int64_t> insert_employment(Transaction& tx, domain::PersonId person, domain::UnitId unit,
                                       const std::string& title, TimePoint from, std::optional<TimePoint> to);
Result<void> end_employment(Transaction& tx, std::int64_t employment_id, TimePoint at);
// Employments valid at `now`.
Result<std::vector<EmploymentRow>> active_employments(Transaction& tx, domain::PersonId person, TimePoint now);
// Whether `person` has any employment at all: past, present or starting later.
Result<bool> has_any_employment(Transaction& tx, domain::PersonId person);

struct EmployeeRow {
  PersonRow person;
  std::string title;
};
// People with an employment in `unit` valid at `now`, by family name.
Result<std::vector<EmployeeRow>> employees_of_unit(Transaction& tx, domain::UnitId unit, TimePoint now);

Result<void> insert_municipal_role(Transaction& tx, domain::PersonId person, domain::MunicipalityId municipality,
                                   const std::string& role, TimePoint from);
Result<bool> has_municipal_role(Transaction& tx, domain::PersonId person, domain::MunicipalityId municipality,
                                const std::string& role, TimePoint now);

// People with `role` in `municipality` at `now`, by family name.
Result<std::vector<PersonRow>> municipal_role_holders(Transaction& tx, domain::MunicipalityId municipality,
                                                      const std::string& role, TimePoint now);

// Whether `person` has an employment valid at `now` in a unit that serves
// `municipality` (owned by it or shared with it).
Result<bool> works_for_municipality(Transaction& tx, domain::PersonId person, domain::MunicipalityId municipality,
                                    TimePoint now);
Result<void> rename_unit(Transaction& tx, domain::UnitId unit, const std::string& name);

// The deployment's operators (driftsoperatører).
Result<void> insert_operator_role(Transaction& tx, domain::PersonId person, TimePoint from);
Result<bool> has_operator_role(Transaction& tx, domain::PersonId person, TimePoint now);

Result<void> insert_parental_responsibility(Transaction& tx, domain::PersonId guardian, domain::PersonId child,
                                            TimePoint from, std::optional<TimePoint> to, TimePoint now);
// Holders of parental responsibility for `child` at `now`.
Result<std::vector<domain::PersonId>> guardians_of(Transaction& tx, domain::PersonId child, TimePoint now);

Result<domain::ConsentSettings> municipality_settings(Transaction& tx, domain::MunicipalityId municipality);
Result<void> save_municipality_settings(Transaction& tx, domain::MunicipalityId municipality,
                                        const domain::ConsentSettings& settings, std::optional<domain::PersonId> by,
                                        TimePoint now);

}  // namespace stafett::store
