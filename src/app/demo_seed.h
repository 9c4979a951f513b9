#pragma once
// The demo data behind `stafett seed-demo` and `make run`. Everything in it is
// fictional. Idempotent: seeding twice leaves the same data.
#include "core/clock.h"
#include "store/database.h"

namespace stafett::app {

struct SeedReport {
  int municipalities = 0;
};

Result<SeedReport> seed_demo(store::Database& db, const Clock& clock);

}  // namespace stafett::app
