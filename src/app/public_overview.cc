#include "app/public_overview.h"

#include "store/municipality_repository.h"

namespace stafett::app {

Result<PublicOverview> load_public_overview(store::Database& db) {
  return store::transact_value<PublicOverview>(
      db, store::TxMode::kRead, [](store::Transaction& tx) -> Result<PublicOverview> {
        auto list = store::list_municipalities(tx);
        if (!list) return list.error();
        return PublicOverview{std::move(*list)};
      });
}

}  // namespace stafett::app
