#pragma once
// Which municipalities a privacy officer (personvernombud) acts for: the
// search and export of access records and the break-glass review queue
// cover the logs of these municipalities only.
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/municipality.h"
#include "policy/action.h"
#include "policy/actor.h"
#include "store/database.h"

namespace stafett::app {

// The municipalities in which `actor` may do `action` (kSearchAccessRecords,
// kExportAccessRecords, kReviewBreakGlass), as the policy decides from an
// active privacy_officer role and an active employment. kForbidden when none.
Result<std::vector<domain::Municipality>> privacy_officer_scope(store::Transaction& tx, const policy::Actor& actor,
                                                                policy::Action action, TimePoint now);

}  // namespace stafett::app
