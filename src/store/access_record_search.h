#pragma once
// SQL for the privacy officer's search of the access chain (personvernombud,
// issue 6): the records of every log whose home municipality is one of a
// given set, narrowed by log, accessing person, child, unit, action, basis
// and period, newest first with the same keyset cursor as the family's page
// (store/access_record_repository.h). Every value is a bound parameter; the
// SQL text is built only from fixed fragments and the number of values.
#include <cstddef>
#include <optional>
#include <vector>

#include "domain/access_record.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "store/access_record_repository.h"
#include "store/database.h"
#include "store/people_repository.h"

namespace stafett::store {

struct AccessRecordSearch {
  // The logs whose municipality (log.municipality_id, where the log lives
  // now) is one of these. REQUIRES: not empty.
  std::vector<domain::MunicipalityId> municipalities;
  std::optional<domain::LogId> log;
  std::vector<domain::PersonId> people;    // who accessed; empty: anyone
  std::vector<domain::PersonId> children;  // whom the log is about; empty: any child
  std::optional<domain::UnitId> unit;
  std::optional<domain::AccessAction> action;
  std::optional<domain::AccessBasis> basis;
  // from, until and before as in the family's listing; its `person` is not used.
  AccessRecordFilter period;
};

// At most `limit` records matching `search`, newest first (time, then
// sequence). Each row is decoded from its canonical bytes and must agree
// with the columns it was found by, or the call fails (kInternal).
Result<std::vector<ListedAccessRecord>> search_access_records(Transaction& tx, const AccessRecordSearch& search,
                                                              std::size_t limit);

// Everyone who appears in the access records of those municipalities' logs,
// as the accessing person, with their names: what a person filter may match.
Result<std::vector<PersonRow>> people_in_municipal_access_records(
    Transaction& tx, const std::vector<domain::MunicipalityId>& municipalities);

// The children of those municipalities' logs: what a child filter may match.
Result<std::vector<PersonRow>> children_of_municipal_logs(Transaction& tx,
                                                          const std::vector<domain::MunicipalityId>& municipalities);

}  // namespace stafett::store
