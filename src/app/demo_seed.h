#pragma once
// The demo data behind `stafett seed-demo` and `make run`. Everything in it is
// fictional. Idempotent: seeding twice leaves the same data.
#include "core/clock.h"
#include "crypto/data_keys.h"
#include "store/database.h"

namespace stafett::app {

struct SeedReport {
  int municipalities = 0;
  int people = 0;  // 0 when the demo data was already there
  int logs = 0;
};

// `keys` seal the synthetic national identity numbers of the demo people.
Result<SeedReport> seed_demo(store::Database& db, const crypto::DataKeys& keys, const Clock& clock);

}  // namespace stafett::app
