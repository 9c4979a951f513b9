#pragma once
// Access records and a database to keep them in, for the access chain
// suites: a fresh migrated database on the backend under test (no demo
// data: the chain names people and logs without foreign keys), fictional
// records that differ in every queryable field, and raw SQL with parameters
// for tests that tamper with the chain the way a database administrator
// could. Header-only; throws on failure, which fails the test.
#include <chrono>
#include <cstdint>
#include <optional>
#include <memory>
#include <stdexcept>
#include <string>

#include "domain/access_record.h"
#include "store/database.h"
#include "store/migrations.h"
#include "support/db_probe.h"
#include "support/test_database.h"

namespace stafett::testing {

inline std::unique_ptr<store::Database> migrated_database(const std::string& url) {
  auto db = store::open_database(url);
  if (!db) throw std::runtime_error("open database: " + db.error().detail);
  if (auto m = store::migrate(**db); !m) throw std::runtime_error("migrate: " + m.error().detail);
  return std::move(*db);
}

// Record number `i` (from 1): person 1..5, log 1..3, one second apart.
inline domain::AccessRecord sample_access_record(std::int64_t i) {
  domain::AccessRecord r;
  r.person = domain::PersonId{1 + i % 5};
  r.role = i % 2 == 0 ? "contributor" : "guardian";
  if (i % 2 == 0) r.unit = domain::UnitId{10 + i % 4};
  r.service = i % 2 == 0 ? "school" : "";
  r.basis = i % 2 == 0 ? domain::AccessBasis::kParticipation : domain::AccessBasis::kFamily;
  if (i % 2 == 0) r.consent = 7;
  r.at = from_unix_ms(1'795'000'000'000 + 1000 * i);
  r.child = domain::PersonId{100 + i % 3};
  r.log = domain::LogId{1 + i % 3};
  r.action = i % 7 == 0 ? domain::AccessAction::kPrint : domain::AccessAction::kView;
  r.session_hash = "5e55" + std::to_string(i);
  r.identity_provider = "https://idporten.example";
  r.assurance = "idporten-loa-high";
  return r;
}

// `hour`:`minute` in Oslo on a winter `day` (UTC+1), for records at fixed times.
inline TimePoint oslo_winter(std::chrono::year_month_day day, int hour, int minute = 0) {
  using namespace std::chrono;
  return time_point_cast<milliseconds>(sys_days{day} + hours(hour - 1) + minutes(minute));
}

// A record as the HTTP suites append them to a demo server's chain: a demo
// login whose session hash is `session` repeated.
inline domain::AccessRecord demo_access(int person, const std::string& role, std::optional<int> unit,
                                        const std::string& service, domain::AccessBasis basis, TimePoint at, int log,
                                        int child, domain::AccessAction action = domain::AccessAction::kView,
                                        char session = 'a') {
  domain::AccessRecord r;
  r.person = domain::PersonId{person};
  r.role = role;
  if (unit) r.unit = domain::UnitId{*unit};
  r.service = service;
  r.basis = basis;
  r.at = at;
  r.log = domain::LogId{log};
  r.child = domain::PersonId{child};
  r.action = action;
  r.session_hash = std::string(64, session);
  r.identity_provider = "demo";
  r.assurance = "demo";
  return r;
}

// One statement with parameters in its own write transaction.
inline void execute_sql(store::Database& db, const std::string& sql, const store::Params& params = {}) {
  auto r = db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> Result<void> {
    auto n = tx.execute(sql, params);
    if (!n) return n.error();
    return {};
  });
  if (!r) throw std::runtime_error(sql + ": " + r.error().detail);
}

}  // namespace stafett::testing
