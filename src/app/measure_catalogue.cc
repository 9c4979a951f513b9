#include "app/measure_catalogue.h"

#include "domain/model_change.h"
#include "domain/model_text.h"
#include "store/catalogue_repository.h"
#include "store/model_history_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

bool visible(const domain::CatalogueMeasure& m, const ModelRights& rights) {
  return rights.read_internal || m.is_public;
}

// The form's problems, and its measure with the providers' names once they
// are known to serve the municipality.
Result<domain::MeasureCheck> check(Transaction& tx, const MeasureForm& form, domain::MunicipalityId municipality) {
  auto checked = domain::check_measure(form.input);
  auto serving = name_serving_units(tx, municipality, checked.measure.providers);
  if (!serving) return serving.error();
  if (!*serving) checked.problems.push_back({"providers", "model.error.provider"});
  if (auto p = domain::model_line_problem(form.summary, 500, false)) checked.problems.push_back({"summary", *p});
  checked.measure.municipality = municipality;
  return checked;
}

Result<void> record(Transaction& tx, const domain::CatalogueMeasure& m, const MeasureForm& form,
                    const policy::Actor& actor, TimePoint now) {
  auto v = store::append_model_change(tx, m.municipality, domain::ModelKind::kMeasure, m.id.value,
                                      domain::measure_snapshot(m), form.summary, actor.person, now);
  if (!v) return v.error();
  return {};
}

}  // namespace

Result<MeasureCatalogue> measure_catalogue(store::Database& db, const policy::Actor& actor,
                                           const std::string& kommunenummer, const Clock& clock) {
  return store::transact_value<MeasureCatalogue>(db, TxMode::kRead, [&](Transaction& tx) -> Result<MeasureCatalogue> {
    auto rights = model_rights(tx, actor, kommunenummer, clock.now());
    if (!rights) return rights.error();
    auto all = store::catalogue_of(tx, rights->municipality.id);
    if (!all) return all.error();
    auto uses = store::open_logs_per_measure(tx, rights->municipality.id);
    if (!uses) return uses.error();
    MeasureCatalogue out{*rights, {}, 0, false};
    std::vector<std::int64_t> counts;
    for (auto& m : *all) {
      if (!visible(m, *rights)) continue;
      const auto it = uses->find(m.id.value);
      counts.push_back(it == uses->end() ? 0 : it->second);
      out.measures.push_back({std::move(m), {}, rights->edit});
    }
    const auto shown = domain::shown_counts(counts);
    for (std::size_t i = 0; i < out.measures.size(); ++i) out.measures[i].open_logs = shown.cells[i];
    out.total = shown.total;
    out.total_is_lower_bound = shown.total_is_lower_bound;
    return out;
  });
}

Result<MeasureEntry> measure_entry(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                   domain::CatalogueMeasureId id, const Clock& clock) {
  return store::transact_value<MeasureEntry>(db, TxMode::kRead, [&](Transaction& tx) -> Result<MeasureEntry> {
    auto rights = model_rights(tx, actor, kommunenummer, clock.now());
    if (!rights) return rights.error();
    auto found = store::find_catalogue_measure(tx, id);
    if (!found) return found.error();
    if (!*found || (*found)->municipality.value != rights->municipality.id.value || !visible(**found, *rights)) {
      return make_error(Errc::kNotFound, "measure");
    }
    auto uses = store::open_logs_per_measure(tx, rights->municipality.id);
    if (!uses) return uses.error();
    const auto it = uses->find(id.value);
    return MeasureEntry{std::move(**found), domain::shown_count(it == uses->end() ? 0 : it->second), rights->edit};
  });
}

// A new measure (`existing` empty) or a new version of one of the municipality's.
Result<MeasureSaved> write_measure(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                   std::optional<domain::CatalogueMeasureId> existing, const MeasureForm& form,
                                   const Clock& clock) {
  MeasureSaved out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto m = model_editor(tx, actor, kommunenummer, now);
    if (!m) return m.error();
    if (existing) {
      auto found = store::find_catalogue_measure(tx, *existing);
      if (!found) return found.error();
      if (!*found || (*found)->municipality.value != m->id.value) return make_error(Errc::kNotFound, "measure");
    }
    auto checked = check(tx, form, m->id);
    if (!checked) return checked.error();
    out.errors = checked->problems;
    if (!out.errors.empty()) return {};
    if (existing) {
      checked->measure.id = *existing;
      if (auto u = store::update_catalogue_measure(tx, checked->measure); !u) return u;
    } else {
      auto id = store::insert_catalogue_measure(tx, checked->measure, now);
      if (!id) return id.error();
      checked->measure.id = *id;
    }
    out.id = checked->measure.id;
    return record(tx, checked->measure, form, actor, now);
  });
  if (!r) return r.error();
  return out;
}

Result<MeasureSaved> add_measure(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                 const MeasureForm& form, const Clock& clock) {
  return write_measure(db, actor, kommunenummer, std::nullopt, form, clock);
}

Result<MeasureSaved> save_measure(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                  domain::CatalogueMeasureId id, const MeasureForm& form, const Clock& clock) {
  return write_measure(db, actor, kommunenummer, id, form, clock);
}

}  // namespace stafett::app
