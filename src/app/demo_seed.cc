#include "app/demo_seed.h"

#include "domain/municipality.h"
#include "store/municipality_repository.h"

namespace stafett::app {

Result<SeedReport> seed_demo(store::Database& db, const Clock& clock) {
  // Fictional municipalities; 99xx kommunenummer are not used by any real one.
  struct Demo {
    const char* name;
    const char* number;
  };
  static constexpr Demo kMunicipalities[] = {{"Fjordvik kommune", "9901"},
                                             {"Lauvåsen kommune", "9902"}};
  SeedReport report;
  auto r = db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> Result<void> {
    for (const Demo& d : kMunicipalities) {
      auto m = domain::make_municipality(d.name, d.number);
      if (!m) return m.error();
      auto id = store::ensure_municipality(tx, *m, clock.now());
      if (!id) return id.error();
      ++report.municipalities;
    }
    return {};
  });
  if (!r) return r.error();
  return report;
}

}  // namespace stafett::app
