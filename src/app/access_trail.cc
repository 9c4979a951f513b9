#include "app/access_trail.h"

#include <algorithm>

#include "domain/log.h"
#include "domain/service_type.h"

namespace stafett::app {

Result<void> SessionAccessTrail::record(domain::AccessRecord record) {
  record.session_hash = login_.session_hash;
  record.identity_provider = login_.identity_provider;
  record.assurance = login_.assurance;
  auto r = log_.record(std::move(record));
  // Whatever went wrong (a full disk, a lost database, a broken chain lock),
  // the answer to the person is the same: not now, and nothing shown.
  if (!r) return make_error(Errc::kUnavailable, "access record not written: " + r.error().detail);
  return {};
}

AccessTrail& refusing_access_trail() {
  class Refusing final : public AccessTrail {
   public:
    Result<void> record(domain::AccessRecord) override {
      return make_error(Errc::kUnavailable, "no access log: nothing may be shown");
    }
  };
  static Refusing trail;
  return trail;
}

domain::AccessRecord access_record_for(const policy::Actor& actor, const policy::AccessFacts& facts,
                                       const store::LogRow& log, domain::AccessAction action, TimePoint now) {
  domain::AccessRecord r;
  r.person = actor.person;
  r.at = now;
  r.child = log.child;
  r.log = log.id;
  r.action = action;
  // The family reads by its own right (parental responsibility, or being the
  // child), even where it also takes part in the log; employees by taking
  // part under the consents in force.
  const bool family = actor.kind == policy::ActorKind::kCitizen && (facts.actor_is_guardian || facts.actor_is_child);
  if (!family && facts.participation) {
    r.basis = domain::AccessBasis::kParticipation;
    r.role = std::string(domain::participant_role_code(facts.participation->role));
    r.unit = facts.participation->unit;
    if (facts.participation->unit_service) {
      r.service = std::string(domain::service_type_code(*facts.participation->unit_service));
    }
    // The newest of the consents the participation rests on.
    const auto& basis = facts.consent.basis();
    if (!basis.empty()) r.consent = std::max_element(basis.begin(), basis.end())->value;
  } else {
    r.basis = domain::AccessBasis::kFamily;
    r.role = facts.actor_is_child ? "child" : "guardian";
  }
  return r;
}

}  // namespace stafett::app
