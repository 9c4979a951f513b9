#pragma once
// THE access decision. Pure and total: no I/O, never throws; anything it does
// not positively allow is denied.
//
// may_attempt(actor, action) is the role-level gate checked before any data is
// loaded. Record-level decisions (`can`, with the facts about one log) arrive
// with the stafettlogg core.
#include "policy/action.h"
#include "policy/actor.h"

namespace stafett::policy {

bool may_attempt(const Actor& actor, Action action);

}  // namespace stafett::policy
