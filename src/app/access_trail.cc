#include "app/access_trail.h"

#include <algorithm>

#include "app/access.h"
#include "app/access_chain.h"
#include "domain/log.h"
#include "domain/service_type.h"
#include "policy/policy.h"

namespace stafett::app {

void SessionAccessTrail::stamp(domain::AccessRecord& record) const {
  record.session_hash = login_.session_hash;
  record.identity_provider = login_.identity_provider;
  record.assurance = login_.assurance;
}

Result<void> SessionAccessTrail::record_in(store::Transaction& tx, domain::AccessRecord record) {
  stamp(record);
  auto r = append_access_records_in(tx, std::span<const domain::AccessRecord>(&record, 1));
  if (!r) return make_error(Errc::kUnavailable, "access record not written: " + r.error().detail);
  return {};
}

PendingAccess SessionAccessTrail::record_soon(domain::AccessRecord record) {
  stamp(record);
  auto ticket = std::make_shared<GroupCommit<domain::AccessRecord>::Ticket>(log_.record_soon(std::move(record)));
  return PendingAccess([ticket]() -> Result<void> {
    auto r = ticket->wait();
    // Whatever went wrong (a full disk, a lost database, a broken chain lock),
    // the answer to the person is the same: not now, and nothing shown.
    if (!r) return make_error(Errc::kUnavailable, "access record not written: " + r.error().detail);
    return {};
  });
}

Result<void> record_change(store::Transaction& tx, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                           domain::AccessAction action, std::optional<domain::EntryKind> kind,
                           std::optional<domain::EntryId> entry, TimePoint now) {
  auto facts = load_access_facts(tx, actor, log, now);
  if (!facts) return facts.error();
  return trail.record_in(tx, access_record_for(actor, *facts, log, action, now, kind, entry));
}

AccessTrail& refusing_access_trail() {
  class Refusing final : public AccessTrail {
   public:
    PendingAccess record_soon(domain::AccessRecord) override {
      return PendingAccess([] { return Result<void>(make_error(Errc::kUnavailable, "no access log: nothing may be shown")); });
    }
    Result<void> record_in(store::Transaction&, domain::AccessRecord) override {
      return make_error(Errc::kUnavailable, "no access log: nothing may be changed");
    }
  };
  static Refusing trail;
  return trail;
}

domain::AccessRecord access_record_for(const policy::Actor& actor, const policy::AccessFacts& facts,
                                       domain::LogId log, domain::AccessAction action, TimePoint now,
                                       std::optional<domain::EntryKind> kind, std::optional<domain::EntryId> entry) {
  domain::AccessRecord r;
  r.record_kind = kind;
  r.record = entry;
  r.person = actor.person;
  r.at = now;
  r.child = facts.child;
  r.log = log;
  r.action = action;
  // The family reads by its own right (parental responsibility, or being the
  // child), even where it also takes part in the log; employees by taking
  // part under the consents in force.
  const bool family = actor.kind == policy::ActorKind::kCitizen && (facts.actor_is_guardian || facts.actor_is_child);
  // Break-glass when only an open break-glass access let the actor read.
  const bool break_glass = !family && facts.break_glass && policy::can(actor, policy::Action::kReadLog, facts).break_glass;
  if (break_glass) {
    r.basis = domain::AccessBasis::kBreakGlass;
    r.role = "break_glass";
    r.unit = facts.break_glass->unit;
    if (facts.break_glass->unit_service) r.service = std::string(domain::service_type_code(*facts.break_glass->unit_service));
    r.break_glass_reason = std::string(domain::break_glass_reason_code(facts.break_glass->reason));
  } else if (!family && facts.participation) {
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
