#pragma once
// Plain SQL on an open test database, for tests that look past the use
// cases (count rows) or try what a database administrator could (an UPDATE
// the append-only rules must refuse). Header-only.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "store/database.h"

namespace stafett::testing {

// The first column of the first row of `sql`; throws when the query fails.
inline std::int64_t scalar_in(store::Database& db, const std::string& sql) {
  auto v = store::transact_value<std::int64_t>(db, store::TxMode::kRead,
                                               [&](store::Transaction& tx) -> Result<std::int64_t> {
                                                 auto rows = tx.query(sql);
                                                 if (!rows) return rows.error();
                                                 return rows->front().int64(0);
                                               });
  if (!v) throw std::runtime_error(sql + ": " + v.error().detail);
  return *v;
}

// `sql` in its own write transaction; the error when the database refuses it.
inline Result<void> try_execute(store::Database& db, const std::string& sql) {
  return db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> Result<void> {
    auto r = tx.execute(sql);
    if (!r) return r.error();
    return {};
  });
}

}  // namespace stafett::testing
