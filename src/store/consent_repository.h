#pragma once
// SQL for consents. Append-only: a consent is inserted with its scope and
// never changed; a withdrawal is a row of its own. The database refuses
// updates and deletes (migration 0003).
#include <vector>

#include "core/clock.h"
#include "domain/consent.h"
#include "store/database.h"

namespace stafett::store {

// Inserts the consent and its scope; ignores consent.id and consent.withdrawal.
Result<domain::ConsentId> insert_consent(Transaction& tx, const domain::Consent& consent);
// Every consent of the log, oldest first, with scope and withdrawal.
Result<std::vector<domain::Consent>> consents_of(Transaction& tx, domain::LogId log);
// kConflict if the consent was already withdrawn.
Result<void> insert_withdrawal(Transaction& tx, domain::ConsentId consent, domain::PersonId by,
                               domain::PersonId recorded_by, TimePoint at);

}  // namespace stafett::store
