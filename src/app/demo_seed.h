#pragma once
// The demo data behind `stafett seed-demo` and `make run`. Everything in it is
// fictional. Idempotent: seeding twice leaves the same data.
#include "core/clock.h"
#include "crypto/data_keys.h"
#include "store/database.h"

namespace stafett::app {

// The demo child without a log (Iben Nesvold, born 15.08.2019), for trying
// out "Ny stafettlogg". A synthetic number (month + 80): never a real person.
inline constexpr const char* kDemoChildWithoutLog = "15881950062";

struct SeedReport {
  int municipalities = 0;
  int people = 0;  // 0 when the demo data was already there
  int logs = 0;
  int catalogue_measures = 0;
};

// `keys` seal the synthetic national identity numbers of the demo people.
Result<SeedReport> seed_demo(store::Database& db, const crypto::DataKeys& keys, const Clock& clock);

}  // namespace stafett::app
