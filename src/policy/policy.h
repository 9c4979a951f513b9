#pragma once
// THE access decision. Pure and total: no I/O, never throws; anything it does
// not positively allow is denied. docs/access-rules.md is the same rules in
// prose, and policy_test.cc checks can() against an independent reference
// model on tens of thousands of generated states.
//
// may_attempt(actor, action) is the role-level gate checked before any data is
// loaded (a guardian may never attempt to manage a municipality).
// can(actor, action, facts) is the record-level decision.
#include <string_view>

#include "policy/access_facts.h"
#include "policy/action.h"
#include "policy/actor.h"

namespace stafett::policy {

enum class DenyReason {
  kNone,
  kNotLoggedIn,
  kWrongKindOfActor,
  kLogNotFound,
  kNotParticipant,
  kEmploymentEnded,
  kNoConsent,
  kLogClosed,
  kLogOpen,
  kNotHolder,
  kOutsideConsent,
  kTooYoung,
  kNotAdmin,
  kNoHandover,
  kReadOnlyRole,
  kNotAuthor,
  kNotPrivacyOfficer,
  kNotBreakGlassDesignated,
  kNotInUnit,
  kNotCoordinator,
  kNotOperator,
};
std::string_view deny_reason_name(DenyReason reason);

// What an allowed actor may see beyond the basics.
struct Visibility {
  bool hidden_participants = false;  // participants marked hidden
};

struct Decision {
  bool allowed = false;
  DenyReason reason = DenyReason::kNone;
  Visibility visibility;
  // Allowed only through a break-glass access (the access record's basis).
  bool break_glass = false;

  static Decision allow(Visibility v = {}) { return {true, DenyReason::kNone, v, false}; }
  static Decision allow_by_break_glass() { return {true, DenyReason::kNone, {}, true}; }
  static Decision deny(DenyReason r) { return {false, r, {}, false}; }
  explicit operator bool() const { return allowed; }
};

bool may_attempt(const Actor& actor, Action action);
Decision can(const Actor& actor, Action action, const AccessFacts& facts);

}  // namespace stafett::policy
