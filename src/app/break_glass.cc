#include "app/break_glass.h"

#include <algorithm>
#include <limits>

#include "app/access.h"
#include "app/privacy_officer_scope.h"
#include "domain/national_id.h"
#include "domain/service_type.h"
#include "policy/policy.h"
#include "store/municipality_repository.h"
#include "store/log_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using policy::Action;
using store::Transaction;

Error forbidden() { return make_error(Errc::kForbidden, "break-glass"); }

// The unit the actor acts from: an active employment in a unit serving the
// log's municipality, else any active employment.
Result<std::optional<domain::UnitId>> acting_unit(Transaction& tx, domain::PersonId person,
                                                  domain::MunicipalityId municipality, TimePoint now) {
  auto employments = store::active_employments(tx, person, now);
  if (!employments) return employments.error();
  for (const auto& e : *employments) {
    auto serves = store::unit_serves(tx, e.unit.id, municipality);
    if (!serves) return serves.error();
    if (*serves) return std::optional<domain::UnitId>{e.unit.id};
  }
  if (!employments->empty()) return std::optional<domain::UnitId>{employments->front().unit.id};
  return std::optional<domain::UnitId>{};
}

// The municipalities in which `actor` may use break-glass now: designated
// there and employed, as the policy decides it. kForbidden when none.
Result<std::vector<domain::Municipality>> break_glass_scope(Transaction& tx, const policy::Actor& actor,
                                                            TimePoint now) {
  if (!policy::may_attempt(actor, Action::kFindForBreakGlass)) return forbidden();
  auto employments = store::active_employments(tx, actor.person, now);
  if (!employments) return employments.error();
  auto all = store::list_municipalities(tx);
  if (!all) return all.error();
  std::vector<domain::Municipality> out;
  for (const auto& m : *all) {
    policy::AccessFacts facts;
    if (!employments->empty()) {
      auto designated = store::is_break_glass_designated(tx, actor.person, m.id, now);
      if (!designated) return designated.error();
      facts.actor_may_break_glass = *designated;
    }
    if (policy::can(actor, Action::kFindForBreakGlass, facts)) out.push_back(m);
  }
  if (out.empty()) return forbidden();
  return out;
}

}  // namespace

std::chrono::minutes break_glass_window(std::chrono::minutes configured) {
  return std::clamp(configured, std::chrono::minutes{1}, domain::kMaxBreakGlassWindow);
}

Result<BreakGlassFormView> break_glass_form(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                            const Clock& clock, std::chrono::minutes window) {
  const TimePoint now = clock.now();
  return store::transact_value<BreakGlassFormView>(db, store::TxMode::kRead, [&](Transaction& tx)
                                                       -> Result<BreakGlassFormView> {
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kBreakGlass, *facts)) return forbidden();
    BreakGlassFormView view{log, break_glass_window(window), std::nullopt};
    if (facts->break_glass) {
      auto open = store::find_break_glass(tx, facts->break_glass->id);
      if (!open) return open.error();
      view.open = std::move(*open);
    }
    return view;
  });
}

Result<BreakGlassOpening> open_break_glass(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                           std::string_view reason, std::string_view explanation, const Clock& clock,
                                           std::chrono::minutes window) {
  const TimePoint now = clock.now();
  return store::transact_value<BreakGlassOpening>(db, store::TxMode::kWrite, [&](Transaction& tx)
                                                      -> Result<BreakGlassOpening> {
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kBreakGlass, *facts)) return forbidden();
    BreakGlassOpening out;
    if (facts->break_glass) {
      auto open = store::find_break_glass(tx, facts->break_glass->id);
      if (!open) return open.error();
      out.access = std::move(*open);
      return out;
    }
    auto request = domain::validate_break_glass_request(reason, explanation);
    if (!request.request) {
      out.errors = std::move(request.problems);
      return out;
    }
    auto row = store::find_log(tx, log);
    if (!row) return row.error();
    if (!*row) return forbidden();
    auto unit = acting_unit(tx, actor.person, (*row)->municipality, now);
    if (!unit) return unit.error();
    auto id = store::insert_break_glass_access(
        tx, {log, actor.person, *unit, std::move(*request.request), now, now + break_glass_window(window)});
    if (!id) return id.error();
    auto opened = store::find_break_glass(tx, *id);
    if (!opened) return opened.error();
    out.access = std::move(*opened);
    return out;
  });
}

Result<BreakGlassQueue> break_glass_queue(store::Database& db, const policy::Actor& actor, const Clock& clock) {
  const TimePoint now = clock.now();
  return store::transact_value<BreakGlassQueue>(db, store::TxMode::kRead, [&](Transaction& tx)
                                                    -> Result<BreakGlassQueue> {
    auto scope = privacy_officer_scope(tx, actor, Action::kReviewBreakGlass, now);
    if (!scope) return scope.error();
    BreakGlassQueue queue;
    for (const auto& m : *scope) {
      // Every unreviewed one, however many: the queue must never hide one.
      auto rows = store::break_glass_of_municipality(tx, m.id, std::numeric_limits<std::int32_t>::max());
      if (!rows) return rows.error();
      for (auto& r : *rows) (r.review ? queue.reviewed : queue.unreviewed).push_back(std::move(r));
    }
    std::stable_sort(queue.unreviewed.begin(), queue.unreviewed.end(),
                     [](const auto& a, const auto& b) { return a.id < b.id; });
    std::stable_sort(queue.reviewed.begin(), queue.reviewed.end(),
                     [](const auto& a, const auto& b) { return a.review->at > b.review->at; });
    if (queue.reviewed.size() > kReviewedShown) queue.reviewed.resize(kReviewedShown);
    return queue;
  });
}

Result<BreakGlassSearch> find_logs_for_break_glass(store::Database& db, const crypto::DataKeys& keys,
                                                   AccessTrail& trail, const policy::Actor& actor,
                                                   std::string_view national_id, const Clock& clock) {
  const TimePoint now = clock.now();
  std::vector<domain::AccessRecord> found;
  auto search = store::transact_value<BreakGlassSearch>(db, store::TxMode::kRead, [&](Transaction& tx)
                                                            -> Result<BreakGlassSearch> {
    auto scope = break_glass_scope(tx, actor, now);
    if (!scope) return scope.error();
    BreakGlassSearch out;
    const std::string number(national_id);
    if (!domain::is_valid_national_id(number)) {
      out.errors.push_back({"national_id", "break_glass.error.national_id"});
      return out;
    }
    auto child = store::find_person_by_national_id_hash(tx, keys.lookup_hash(number));
    if (!child) return child.error();
    if (!*child) return out;
    for (const auto& m : *scope) {
      auto logs = store::child_logs_in(tx, **child, m.id);
      if (!logs) return logs.error();
      if (logs->empty()) continue;
      auto unit = acting_unit(tx, actor.person, m.id, now);
      if (!unit) return unit.error();
      std::string service;
      if (*unit) {
        auto row = store::find_unit(tx, **unit);
        if (!row) return row.error();
        if (*row) service = std::string(domain::service_type_code((*row)->service));
      }
      for (const auto& l : *logs) {
        out.logs.push_back({l.log, l.status, l.opened, m.name});
        domain::AccessRecord r;
        r.person = actor.person;
        r.role = "break_glass";
        r.unit = *unit;
        r.service = service;
        r.basis = domain::AccessBasis::kBreakGlass;
        r.at = now;
        r.child = **child;
        r.log = l.log;
        r.action = domain::AccessAction::kFind;
        found.push_back(std::move(r));
      }
    }
    return out;
  });
  if (!search) return search.error();
  // No record, no list: each log found is recorded before anyone sees it.
  for (auto& r : found) {
    if (auto recorded = trail.record(std::move(r)); !recorded) return recorded.error();
  }
  return search;
}

bool may_find_for_break_glass(store::Database& db, const policy::Actor& actor, const Clock& clock) {
  if (!policy::may_attempt(actor, Action::kFindForBreakGlass)) return false;
  auto scope = store::transact_value<bool>(db, store::TxMode::kRead, [&](Transaction& tx) -> Result<bool> {
    auto s = break_glass_scope(tx, actor, clock.now());
    return s.has_value();
  });
  return scope && *scope;
}

std::optional<std::size_t> break_glass_waiting(store::Database& db, const policy::Actor& actor, const Clock& clock) {
  if (!policy::may_attempt(actor, Action::kReviewBreakGlass)) return std::nullopt;
  // Counted in SQL: the list of logs is every employee's start, never the place to load a queue.
  auto waiting = store::transact_value<std::size_t>(db, store::TxMode::kRead, [&](Transaction& tx)
                                                        -> Result<std::size_t> {
    auto scope = privacy_officer_scope(tx, actor, Action::kReviewBreakGlass, clock.now());
    if (!scope) return scope.error();
    std::int64_t n = 0;
    for (const auto& m : *scope) {
      auto count = store::count_unreviewed_break_glass(tx, m.id);
      if (!count) return count.error();
      n += *count;
    }
    return static_cast<std::size_t>(n);
  });
  if (!waiting) return std::nullopt;
  return *waiting;
}

Result<BreakGlassReviewOutcome> review_break_glass(store::Database& db, const policy::Actor& actor, std::int64_t id,
                                                  std::string_view outcome, std::string_view comment,
                                                  const Clock& clock) {
  const TimePoint now = clock.now();
  return store::transact_value<BreakGlassReviewOutcome>(db, store::TxMode::kWrite, [&](Transaction& tx)
                                                            -> Result<BreakGlassReviewOutcome> {
    auto scope = privacy_officer_scope(tx, actor, Action::kReviewBreakGlass, now);
    if (!scope) return scope.error();
    auto access = store::find_break_glass(tx, id);
    if (!access) return access.error();
    const bool mine = *access && std::any_of(scope->begin(), scope->end(),
                                             [&](const auto& m) { return m.id == (*access)->municipality; });
    if (!mine) return forbidden();
    if ((*access)->review) return make_error(Errc::kConflict, "break-glass access already reviewed");
    BreakGlassReviewOutcome out;
    auto review = domain::validate_break_glass_review(outcome, comment);
    if (!review.review) {
      out.errors = std::move(review.problems);
      out.access = std::move(*access);
      return out;
    }
    if (auto r = store::insert_break_glass_review(tx, id, actor.person, *review.review, now); !r) return r.error();
    auto reviewed = store::find_break_glass(tx, id);
    if (!reviewed) return reviewed.error();
    out.access = std::move(*reviewed);
    return out;
  });
}

}  // namespace stafett::app
