#include "app/municipality_setup.h"

#include <algorithm>

#include "core/utf8.h"
#include "policy/policy.h"
#include "store/municipality_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

bool good_line(const std::string& text, std::size_t max) {
  return !text.empty() && text.size() <= max && is_valid_utf8(text) && !has_control_characters(text) &&
         text.find_first_not_of(' ') != std::string::npos;
}

FieldErrors check(const NewMunicipality& in) {
  FieldErrors errors;
  if (!good_line(in.name, 200)) errors.push_back({"name", "deployment.error.name"});
  if (!domain::is_valid_kommunenummer(in.kommunenummer)) errors.push_back({"kommunenummer", "deployment.error.number"});
  if (!good_line(in.admin_unit, 200)) errors.push_back({"admin_unit", "deployment.error.unit"});
  if (!good_line(in.admin_given_name, 200)) errors.push_back({"admin_given_name", "deployment.error.given_name"});
  if (!good_line(in.admin_family_name, 200)) errors.push_back({"admin_family_name", "deployment.error.family_name"});
  if (!good_line(in.admin_title, 200)) errors.push_back({"admin_title", "deployment.error.title"});
  return errors;
}

Result<bool> is_operator(Transaction& tx, const policy::Actor& actor, TimePoint now) {
  if (!policy::may_attempt(actor, policy::Action::kManageDeployment)) return false;
  auto role = store::has_operator_role(tx, actor.person, now);
  if (!role) return role.error();
  policy::AccessFacts facts;
  facts.actor_is_operator = *role;
  return static_cast<bool>(policy::can(actor, policy::Action::kManageDeployment, facts));
}

Result<MunicipalitySetupOutcome> add(Transaction& tx, const NewMunicipality& in, TimePoint now) {
  MunicipalitySetupOutcome out;
  out.errors = check(in);
  if (!out.errors.empty()) return out;
  auto municipality = store::insert_municipality(tx, {{}, in.name, in.kommunenummer}, now);
  if (!municipality) return municipality.error();
  if (!*municipality) {
    out.errors.push_back({"kommunenummer", "deployment.error.number_taken"});
    return out;
  }
  const auto id = **municipality;
  if (auto r = store::save_municipality_settings(tx, id, {}, std::nullopt, now); !r) return r.error();
  auto unit = store::insert_unit(tx, id, in.admin_unit, domain::ServiceType::kOther, now);
  if (!unit) return unit.error();
  auto person = store::insert_person(tx, {in.admin_given_name, in.admin_family_name, {}, {}, {}}, now);
  if (!person) return person.error();
  if (auto r = store::insert_employment(tx, *person, *unit, in.admin_title, now, std::nullopt); !r) return r.error();
  if (auto r = store::insert_municipal_role(tx, *person, id, "admin", now); !r) return r.error();
  out.created = MunicipalityCreated{id, *unit, *person};
  return out;
}

Result<std::vector<DeploymentMunicipality>> overview(Transaction& tx, TimePoint now) {
  auto all = store::list_municipalities(tx);
  if (!all) return all.error();
  std::vector<DeploymentMunicipality> out;
  for (const auto& m : *all) {
    DeploymentMunicipality d{m, {}, {}};
    auto admins = store::municipal_role_holders(tx, m.id, "admin", now);
    if (!admins) return admins.error();
    for (const auto& p : *admins) d.administrators.push_back(p.full_name());
    auto units = store::units_serving(tx, m.id);
    if (!units) return units.error();
    for (const auto& u : *units) d.units.push_back(u.name);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

Result<MunicipalitySetupOutcome> add_municipality(store::Database& db, const NewMunicipality& in, const Clock& clock) {
  // Nothing is written unless every part is: the transaction rolls back on
  // a refusal found after the first insert (a taken number).
  MunicipalitySetupOutcome outcome;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto added = add(tx, in, clock.now());
    if (!added) return added.error();
    outcome = std::move(*added);
    if (!outcome.errors.empty()) return make_error(Errc::kConflict, "refused");
    return {};
  });
  if (!r && outcome.errors.empty()) return r.error();
  return outcome;
}

Result<MunicipalitySetupOutcome> add_municipality_as(store::Database& db, const policy::Actor& actor,
                                                     const NewMunicipality& in, const Clock& clock) {
  auto allowed = store::transact_value<bool>(db, TxMode::kRead,
                                             [&](Transaction& tx) { return is_operator(tx, actor, clock.now()); });
  if (!allowed) return allowed.error();
  if (!*allowed) return make_error(Errc::kForbidden, "not an operator");
  return add_municipality(db, in, clock);
}

Result<std::vector<DeploymentMunicipality>> deployment_overview(store::Database& db, const policy::Actor& actor,
                                                                const Clock& clock) {
  return store::transact_value<std::vector<DeploymentMunicipality>>(
      db, TxMode::kRead, [&](Transaction& tx) -> Result<std::vector<DeploymentMunicipality>> {
        const TimePoint now = clock.now();
        auto allowed = is_operator(tx, actor, now);
        if (!allowed) return allowed.error();
        if (!*allowed) return make_error(Errc::kForbidden, "not an operator");
        return overview(tx, now);
      });
}

Result<std::vector<DeploymentMunicipality>> deployment_overview(store::Database& db, const Clock& clock) {
  return store::transact_value<std::vector<DeploymentMunicipality>>(
      db, TxMode::kRead, [&](Transaction& tx) { return overview(tx, clock.now()); });
}

Result<ShareRefusal> share_unit(store::Database& db, domain::UnitId unit, const std::string& kommunenummer) {
  return store::transact_value<ShareRefusal>(db, TxMode::kWrite, [&](Transaction& tx) -> Result<ShareRefusal> {
    auto u = store::find_unit(tx, unit);
    if (!u) return u.error();
    if (!*u) return ShareRefusal::kUnknownUnit;
    auto m = store::find_municipality_by_number(tx, kommunenummer);
    if (!m) return m.error();
    if (!*m) return ShareRefusal::kUnknownMunicipality;
    auto serves = store::unit_serves(tx, unit, (*m)->id);
    if (!serves) return serves.error();
    if (*serves) return ShareRefusal::kAlreadyServes;
    if (auto r = store::add_unit_serves(tx, unit, (*m)->id); !r) return r.error();
    return ShareRefusal::kNone;
  });
}

Result<OperatorRefusal> add_operator(store::Database& db, domain::PersonId person, const Clock& clock) {
  return store::transact_value<OperatorRefusal>(db, TxMode::kWrite, [&](Transaction& tx) -> Result<OperatorRefusal> {
    const TimePoint now = clock.now();
    auto p = store::find_person(tx, person);
    if (!p) return p.error();
    if (!*p) return OperatorRefusal::kUnknownPerson;
    auto already = store::has_operator_role(tx, person, now);
    if (!already) return already.error();
    if (*already) return OperatorRefusal::kAlreadyOperator;
    if (auto r = store::insert_operator_role(tx, person, now); !r) return r.error();
    return OperatorRefusal::kNone;
  });
}

}  // namespace stafett::app
