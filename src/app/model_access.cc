#include "app/model_access.h"

#include "policy/policy.h"
#include "store/municipality_repository.h"
#include "store/people_repository.h"

namespace stafett::app {

Result<ModelRights> model_rights(store::Transaction& tx, const policy::Actor& actor, const std::string& kommunenummer,
                                 TimePoint now) {
  auto m = store::find_municipality_by_number(tx, kommunenummer);
  if (!m) return m.error();
  if (!*m) return make_error(Errc::kNotFound, "municipality");
  ModelRights rights{**m, false, false};
  if (!policy::may_attempt(actor, policy::Action::kReadModel)) return rights;  // the public
  policy::AccessFacts f;
  auto works = store::works_for_municipality(tx, actor.person, rights.municipality.id, now);
  auto coordinator = store::has_municipal_role(tx, actor.person, rights.municipality.id, "bti_coordinator", now);
  auto admin = store::has_municipal_role(tx, actor.person, rights.municipality.id, "admin", now);
  if (!works) return works.error();
  if (!coordinator) return coordinator.error();
  if (!admin) return admin.error();
  f.actor_works_for_municipality = *works;
  f.actor_is_bti_coordinator = *coordinator;
  f.actor_is_municipal_admin = *admin;
  rights.read_internal = static_cast<bool>(policy::can(actor, policy::Action::kReadModel, f));
  rights.edit = static_cast<bool>(policy::can(actor, policy::Action::kEditModel, f));
  return rights;
}

Result<domain::Municipality> model_editor(store::Transaction& tx, const policy::Actor& actor,
                                          const std::string& kommunenummer, TimePoint now) {
  auto rights = model_rights(tx, actor, kommunenummer, now);
  if (!rights) return rights.error();
  if (!rights->edit) return make_error(Errc::kForbidden, "not an editor of this municipality's model");
  return rights->municipality;
}

}  // namespace stafett::app
