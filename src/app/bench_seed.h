#pragma once
// A large fictional dataset for `make bench`: many logs with many entries on
// top of the demo data, so the measured log page is read from a database of
// realistic size. Never for production databases.
#include "core/clock.h"
#include "store/database.h"

namespace stafett::app {

struct BenchSeedSize {
  int logs = 10000;            // extra logs, each with a child and a holder
  int entries = 500000;        // entries spread over those logs
  int measured_entries = 200;  // entries added to the measured log (demo log 1)
};

struct BenchSeedReport {
  int logs = 0;
  int entries = 0;
};

// REQUIRES: the demo data is seeded (the holder of demo log 1 writes the
// measured log's entries; demo employees hold the extra logs).
Result<BenchSeedReport> seed_bench(store::Database& db, const BenchSeedSize& size, const Clock& clock);

}  // namespace stafett::app
