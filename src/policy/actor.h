#pragma once
// Actor: who is making a request, as far as the policy needs to know. Built
// from the session (demo login now, ID-porten and the employee identity
// provider later). Rights never come from here alone: employments, parental
// responsibility and participation are facts loaded per decision.
#include "domain/ids.h"

namespace stafett::policy {

enum class ActorKind {
  kAnonymous,
  kEmployee,  // logged in through the employee identity provider
  kCitizen,   // logged in through ID-porten: a guardian or a young person
};

struct Actor {
  ActorKind kind = ActorKind::kAnonymous;
  domain::PersonId person;
};

}  // namespace stafett::policy
