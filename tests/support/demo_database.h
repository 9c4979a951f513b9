#pragma once
// A fresh database (the backend named by STAFETT_TEST_BACKEND) with every
// migration applied and the demo data seeded: the starting point of the
// use-case suites. Header-only, for the test binaries that link the app layer.
#include <memory>
#include <stdexcept>
#include <string>

#include "app/demo_seed.h"
#include "core/clock.h"
#include "crypto/data_keys.h"
#include "store/database.h"
#include "store/migrations.h"
#include "support/test_database.h"

namespace stafett::testing {

// Throws (failing the test's SetUp) when any step fails. `url`, when given,
// gets the database's URL (for a test that also runs the stafett binary on it).
inline std::unique_ptr<store::Database> demo_database(const crypto::DataKeys& keys, const Clock& clock,
                                                      std::string* url = nullptr) {
  const std::string fresh = fresh_database_url();
  if (url != nullptr) *url = fresh;
  auto db = store::open_database(fresh);
  if (!db) throw std::runtime_error("open database: " + db.error().detail);
  if (auto m = store::migrate(**db); !m) throw std::runtime_error("migrate: " + m.error().detail);
  if (auto s = app::seed_demo(**db, keys, clock); !s) throw std::runtime_error("seed demo: " + s.error().detail);
  return std::move(*db);
}

}  // namespace stafett::testing
