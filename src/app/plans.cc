#include "app/plans.h"

#include "core/oslo_time.h"
#include "domain/model_change.h"
#include "domain/model_text.h"
#include "store/model_history_repository.h"
#include "store/plan_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

bool visible(const domain::Plan& p, const ModelRights& rights) { return rights.read_internal || p.is_public; }

PlanEntry entry_of(domain::Plan p, const ModelRights& rights, TimePoint now) {
  const bool due = domain::plan_due_for_review(p, oslo_date(now));
  return PlanEntry{std::move(p), rights.edit, due};
}

Result<PlanSaved> write(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                        std::optional<std::int64_t> existing, const PlanForm& form, const Clock& clock) {
  PlanSaved out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto m = model_editor(tx, actor, kommunenummer, now);
    if (!m) return m.error();
    if (existing) {
      auto found = store::find_plan(tx, *existing);
      if (!found) return found.error();
      if (!*found || (*found)->municipality.value != m->id.value) return make_error(Errc::kNotFound, "plan");
    }
    auto checked = domain::check_plan(form.input, oslo_date(now));
    out.errors = checked.problems;
    if (auto p = domain::model_line_problem(form.summary, 500, false)) out.errors.push_back({"summary", *p});
    if (!out.errors.empty()) return {};
    auto& plan = checked.plan;
    plan.municipality = m->id;
    if (existing) {
      plan.id = *existing;
      if (auto u = store::update_plan(tx, plan); !u) return u;
    } else {
      auto id = store::insert_plan(tx, plan, now);
      if (!id) return id.error();
      plan.id = *id;
    }
    out.id = plan.id;
    auto v = store::append_model_change(tx, m->id, domain::ModelKind::kPlan, plan.id, domain::plan_snapshot(plan),
                                        form.summary, actor.person, now);
    if (!v) return v.error();
    return {};
  });
  if (!r) return r.error();
  return out;
}

}  // namespace

Result<PlanList> plan_list(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                           const Clock& clock) {
  return store::transact_value<PlanList>(db, TxMode::kRead, [&](Transaction& tx) -> Result<PlanList> {
    const TimePoint now = clock.now();
    auto rights = model_rights(tx, actor, kommunenummer, now);
    if (!rights) return rights.error();
    auto all = store::plans_of(tx, rights->municipality.id);
    if (!all) return all.error();
    PlanList out{*rights, {}};
    for (auto& p : *all) {
      if (visible(p, *rights)) out.plans.push_back(entry_of(std::move(p), *rights, now));
    }
    return out;
  });
}

Result<PlanEntry> plan_entry(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                             std::int64_t plan, const Clock& clock) {
  return store::transact_value<PlanEntry>(db, TxMode::kRead, [&](Transaction& tx) -> Result<PlanEntry> {
    const TimePoint now = clock.now();
    auto rights = model_rights(tx, actor, kommunenummer, now);
    if (!rights) return rights.error();
    auto found = store::find_plan(tx, plan);
    if (!found) return found.error();
    if (!*found || (*found)->municipality.value != rights->municipality.id.value || !visible(**found, *rights)) {
      return make_error(Errc::kNotFound, "plan");
    }
    return entry_of(std::move(**found), *rights, now);
  });
}

Result<PlanSaved> add_plan(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                           const PlanForm& form, const Clock& clock) {
  return write(db, actor, kommunenummer, std::nullopt, form, clock);
}

Result<PlanSaved> save_plan(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                            std::int64_t plan, const PlanForm& form, const Clock& clock) {
  return write(db, actor, kommunenummer, plan, form, clock);
}

}  // namespace stafett::app
