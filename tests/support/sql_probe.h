#pragma once
// Looking into (and, rarely, changing) the database behind a running server
// from an HTTP test: what was stored, and nothing else. Throws on failure,
// which fails the test. Header-only, for test binaries that link the store.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "store/database.h"

namespace stafett::testing {

// The first column of the first row as an integer (e.g. a COUNT).
inline std::int64_t scalar(const std::string& url, const std::string& sql) {
  auto db = store::open_database(url);
  if (!db) throw std::runtime_error(db.error().detail);
  auto v = store::transact_value<std::int64_t>(**db, store::TxMode::kRead,
                                               [&](store::Transaction& tx) -> Result<std::int64_t> {
                                                 auto rows = tx.query(sql);
                                                 if (!rows) return rows.error();
                                                 return rows->front().int64(0);
                                               });
  if (!v) throw std::runtime_error(v.error().detail);
  return *v;
}

// One statement in its own write transaction (e.g. ending an employment).
inline void execute(const std::string& url, const std::string& sql) {
  auto db = store::open_database(url);
  if (!db) throw std::runtime_error(db.error().detail);
  auto r = (*db)->transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> Result<void> {
    auto n = tx.execute(sql);
    if (!n) return n.error();
    return {};
  });
  if (!r) throw std::runtime_error(r.error().detail);
}

}  // namespace stafett::testing
