#include "app/service_catalogue.h"

#include "domain/model_change.h"
#include "domain/model_text.h"
#include "store/model_history_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

constexpr std::size_t kMaxSummary = 500;

bool visible(const store::CatalogueService& s, const ModelRights& rights) {
  return rights.read_internal || (s.profile && s.profile->is_public);
}

ServiceEntry entry_of(store::CatalogueService s, const ModelRights& rights) {
  const bool shared = s.unit.municipality.value != rights.municipality.id.value;
  return ServiceEntry{std::move(s), shared, rights.edit && !shared};
}

struct CheckedForm {
  FieldErrors errors;
  domain::ServiceProfile profile;
  domain::ServiceType type = domain::ServiceType::kOther;
};

CheckedForm check(const ServiceForm& form) {
  CheckedForm out;
  if (auto p = domain::model_line_problem(form.name, 200, true)) out.errors.push_back({"name", *p});
  const auto type = domain::service_type_from_code(form.service_type);
  if (!type) out.errors.push_back({"service_type", "model.error.service_type"});
  out.type = type.value_or(domain::ServiceType::kOther);
  auto checked = domain::check_service_profile(form.profile);
  for (auto& p : checked.problems) out.errors.push_back(std::move(p));
  out.profile = std::move(checked.profile);
  if (auto p = domain::model_line_problem(form.summary, kMaxSummary, false)) out.errors.push_back({"summary", *p});
  return out;
}

Result<void> record(Transaction& tx, const domain::Municipality& m, domain::UnitId unit, const ServiceForm& form,
                    const CheckedForm& checked, const policy::Actor& actor, TimePoint now) {
  if (auto r = store::save_unit_profile(tx, unit, checked.profile, actor.person, now); !r) return r;
  auto v = store::append_model_change(tx, m.id, domain::ModelKind::kService, unit.value,
                                      domain::service_snapshot(form.name, checked.type, checked.profile),
                                      form.summary, actor.person, now);
  if (!v) return v.error();
  return {};
}

}  // namespace

Result<ServiceCatalogue> service_catalogue(store::Database& db, const policy::Actor& actor,
                                           const std::string& kommunenummer, const domain::ServiceFilter& filter,
                                           const Clock& clock) {
  return store::transact_value<ServiceCatalogue>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ServiceCatalogue> {
    auto rights = model_rights(tx, actor, kommunenummer, clock.now());
    if (!rights) return rights.error();
    auto all = store::services_of(tx, rights->municipality.id);
    if (!all) return all.error();
    ServiceCatalogue out{*rights, {}};
    const bool filtered = filter.age || filter.need || filter.level || !filter.words.empty();
    for (auto& s : *all) {
      if (!visible(s, *rights)) continue;
      // A unit without an entry matches only an empty filter (its employees find it by name).
      if (filtered && (!s.profile || !domain::matches(*s.profile, s.unit.name, filter))) continue;
      out.services.push_back(entry_of(std::move(s), *rights));
    }
    return out;
  });
}

Result<ServiceEntry> service_entry(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                   domain::UnitId unit, const Clock& clock) {
  return store::transact_value<ServiceEntry>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ServiceEntry> {
    auto rights = model_rights(tx, actor, kommunenummer, clock.now());
    if (!rights) return rights.error();
    auto serves = store::unit_serves(tx, unit, rights->municipality.id);
    if (!serves) return serves.error();
    auto found = store::find_service(tx, unit);
    if (!found) return found.error();
    // Not serving here, or not for this reader: the same answer as no such unit.
    if (!*serves || !*found || !visible(**found, *rights)) return make_error(Errc::kNotFound, "service");
    return entry_of(std::move(**found), *rights);
  });
}

Result<ServiceSaved> add_service(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                 const ServiceForm& form, const Clock& clock) {
  ServiceSaved out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto m = model_editor(tx, actor, kommunenummer, now);
    if (!m) return m.error();
    auto checked = check(form);
    out.errors = checked.errors;
    if (!out.errors.empty()) return {};
    auto unit = store::insert_unit(tx, m->id, form.name, checked.type, now);
    if (!unit) return unit.error();
    out.unit = *unit;
    return record(tx, *m, *unit, form, checked, actor, now);
  });
  if (!r) return r.error();
  return out;
}

Result<ServiceSaved> save_service(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                  domain::UnitId unit, const ServiceForm& form, const Clock& clock) {
  ServiceSaved out;
  out.unit = unit;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto m = model_editor(tx, actor, kommunenummer, now);
    if (!m) return m.error();
    auto found = store::find_unit(tx, unit);
    if (!found) return found.error();
    // Only the owner edits a unit's entry; a shared unit is edited where it belongs.
    if (!*found || (*found)->municipality.value != m->id.value) return make_error(Errc::kNotFound, "unit");
    auto checked = check(form);
    // A unit keeps its kind of service: consents name services by kind.
    if (checked.type != (*found)->service) checked.errors.push_back({"service_type", "model.error.service_type_kept"});
    out.errors = checked.errors;
    if (!out.errors.empty()) return {};
    if (form.name != (*found)->name) {
      if (auto renamed = store::rename_unit(tx, unit, form.name); !renamed) return renamed;
    }
    return record(tx, *m, unit, form, checked, actor, now);
  });
  if (!r) return r.error();
  return out;
}

}  // namespace stafett::app
