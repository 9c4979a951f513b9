#include "app/model_history.h"

#include "store/model_history_repository.h"

namespace stafett::app {

Result<ModelHistory> model_history(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                   const Clock& clock) {
  return store::transact_value<ModelHistory>(db, store::TxMode::kRead, [&](store::Transaction& tx) -> Result<ModelHistory> {
    auto m = model_editor(tx, actor, kommunenummer, clock.now());
    if (!m) return m.error();
    auto changes = store::model_changes(tx, m->id, 500);
    if (!changes) return changes.error();
    return ModelHistory{*m, std::move(*changes)};
  });
}

Result<ModelChangeView> model_change_view(store::Database& db, const policy::Actor& actor,
                                          const std::string& kommunenummer, std::int64_t id, const Clock& clock) {
  return store::transact_value<ModelChangeView>(
      db, store::TxMode::kRead, [&](store::Transaction& tx) -> Result<ModelChangeView> {
        auto m = model_editor(tx, actor, kommunenummer, clock.now());
        if (!m) return m.error();
        auto change = store::find_model_change(tx, m->id, id);
        if (!change) return change.error();
        if (!*change) return make_error(Errc::kNotFound, "model change");
        auto previous = store::previous_model_change(tx, **change);
        if (!previous) return previous.error();
        ModelChangeView v{*m, std::move(**change), std::move(*previous), {}};
        v.diffs = domain::diff_snapshots(v.previous ? v.previous->snapshot : domain::ModelSnapshot{}, v.change.snapshot);
        return v;
      });
}

}  // namespace stafett::app
