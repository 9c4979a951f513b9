#pragma once
// Looking into (and, rarely, changing) the database behind a running server
// from an HTTP test: what was stored, and nothing else. Throws on failure,
// which fails the test. Header-only, for test binaries that link the store.
#include <boost/json/parse.hpp>

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

// The newest access record as stored: the canonical JSON the chain covers
// ({} when there is none).
inline boost::json::object newest_access_record(const std::string& url) {
  auto db = store::open_database(url);
  if (!db) throw std::runtime_error(db.error().detail);
  auto text = store::transact_value<std::string>(**db, store::TxMode::kRead,
                                                 [](store::Transaction& tx) -> Result<std::string> {
                                                   auto rows = tx.query(
                                                       "SELECT record FROM access_record ORDER BY sequence DESC LIMIT 1");
                                                   if (!rows) return rows.error();
                                                   if (rows->empty()) return std::string("{}");
                                                   return std::string(rows->front().text(0));
                                                 });
  if (!text) throw std::runtime_error(text.error().detail);
  return boost::json::parse(*text).as_object();
}

}  // namespace stafett::testing
