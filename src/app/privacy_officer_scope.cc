#include "app/privacy_officer_scope.h"

#include "policy/policy.h"
#include "store/municipality_repository.h"
#include "store/people_repository.h"

namespace stafett::app {

Result<std::vector<domain::Municipality>> privacy_officer_scope(store::Transaction& tx, const policy::Actor& actor,
                                                                policy::Action action, TimePoint now) {
  const auto forbidden = [] { return make_error(Errc::kForbidden, "privacy officer of no municipality"); };
  if (!policy::may_attempt(actor, action)) return forbidden();
  // A privacy officer whose employment has ended has no rights left.
  auto employments = store::active_employments(tx, actor.person, now);
  if (!employments) return employments.error();
  const bool employed = !employments->empty();
  auto all = store::list_municipalities(tx);
  if (!all) return all.error();
  std::vector<domain::Municipality> out;
  for (const auto& m : *all) {
    policy::AccessFacts facts;
    if (employed) {
      auto officer = store::has_municipal_role(tx, actor.person, m.id, "privacy_officer", now);
      if (!officer) return officer.error();
      facts.actor_is_privacy_officer = *officer;
    }
    if (policy::can(actor, action, facts)) out.push_back(m);
  }
  if (out.empty()) return forbidden();
  return out;
}

}  // namespace stafett::app
