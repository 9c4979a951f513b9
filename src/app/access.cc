#include "app/access.h"

#include <charconv>

#include "domain/national_id.h"
#include "store/break_glass_repository.h"
#include "store/consent_repository.h"
#include "store/people_repository.h"

namespace stafett::app {

int age_of(const std::optional<std::string>& birth_date, TimePoint now) {
  if (!birth_date || birth_date->size() != 10) return 0;
  int y = 0, m = 0, d = 0;
  const char* s = birth_date->data();
  if (std::from_chars(s, s + 4, y).ec != std::errc() || std::from_chars(s + 5, s + 7, m).ec != std::errc() ||
      std::from_chars(s + 8, s + 10, d).ec != std::errc()) {
    return 0;
  }
  const std::chrono::year_month_day birth{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(now)};
  if (!birth.ok()) return 0;
  return domain::age_on(birth, today);
}

Result<domain::EffectiveConsent> effective_consent_of(store::Transaction& tx, const store::LogRow& log,
                                                      const domain::ConsentSettings& settings, TimePoint now) {
  auto consents = store::consents_of(tx, log.id);
  if (!consents) return consents.error();
  auto guardians = store::guardians_of(tx, log.child, now);
  if (!guardians) return guardians.error();
  auto child = store::find_person(tx, log.child);
  if (!child) return child.error();
  domain::Consenters who;
  who.guardians = *guardians;
  if (*child && age_of((*child)->birth_date, now) >= settings.child_consent_age) who.child = log.child;
  return domain::effective_consent(*consents, who, settings.rule, now);
}

Result<policy::AccessFacts> load_access_facts(store::Transaction& tx, const policy::Actor& actor,
                                              domain::LogId log_id, TimePoint now, const FactsQuery& query) {
  policy::AccessFacts f;
  f.category = query.category;
  auto log = store::find_log(tx, log_id);
  if (!log) return log.error();
  if (!*log) return f;  // log_found stays false
  const store::LogRow& l = **log;
  f.log_found = true;
  f.child = (*log)->child;
  f.status = l.status;

  auto settings = store::municipality_settings(tx, l.municipality);
  if (!settings) return settings.error();
  f.settings = *settings;
  auto consent = effective_consent_of(tx, l, f.settings, now);
  if (!consent) return consent.error();
  f.consent = std::move(*consent);
  auto child = store::find_person(tx, l.child);
  if (!child) return child.error();
  if (*child) f.child_age = age_of((*child)->birth_date, now);

  if (actor.kind == policy::ActorKind::kAnonymous || !actor.person) return f;

  auto participation = store::active_participation(tx, log_id, actor.person);
  if (!participation) return participation.error();
  if (*participation) {
    const auto& p = (*participation)->participant;
    policy::Participation part;
    part.role = p.role;
    part.unit = p.unit;
    if ((*participation)->unit) part.unit_service = (*participation)->unit->service;
    if (p.unit && actor.kind == policy::ActorKind::kEmployee) {
      auto employments = store::active_employments(tx, actor.person, now);
      if (!employments) return employments.error();
      for (const auto& e : *employments) part.employment_active |= e.unit.id == *p.unit;
    }
    f.participation = part;
    auto holder = store::holder_of(tx, log_id);
    if (!holder) return holder.error();
    f.actor_is_holder = *holder && **holder == p.id;
    auto handover = store::pending_handover(tx, log_id);
    if (!handover) return handover.error();
    f.actor_is_handover_target = *handover && (*handover)->to == p.id;
  }
  if (actor.kind == policy::ActorKind::kEmployee) {
    auto designated = store::is_break_glass_designated(tx, actor.person, l.municipality, now);
    if (!designated) return designated.error();
    if (*designated) {
      auto employments = store::active_employments(tx, actor.person, now);
      if (!employments) return employments.error();
      f.actor_may_break_glass = !employments->empty();
    }
    if (f.actor_may_break_glass) {
      auto open = store::active_break_glass(tx, log_id, actor.person, now);
      if (!open) return open.error();
      if (*open) {
        policy::BreakGlassFacts b{.id = (*open)->id, .reason = (*open)->reason, .unit = (*open)->unit};
        if (!(*open)->service.empty()) b.unit_service = domain::service_type_from_code((*open)->service);
        f.break_glass = b;
      }
    }
  }
  if (actor.kind == policy::ActorKind::kCitizen) {
    auto guardians = store::guardians_of(tx, l.child, now);
    if (!guardians) return guardians.error();
    for (auto g : *guardians) f.actor_is_guardian |= g == actor.person;
    f.actor_is_child = l.child == actor.person;
  }
  if (query.target_unit) {
    auto unit = store::find_unit(tx, *query.target_unit);
    if (!unit) return unit.error();
    if (*unit) {
      policy::TargetUnit t;
      t.unit = (*unit)->id;
      t.service = (*unit)->service;
      auto serves = store::unit_serves(tx, t.unit, l.municipality);
      if (!serves) return serves.error();
      t.serves_log_municipality = *serves;
      t.named_in_consent = f.consent.names_unit(t.unit);
      f.target = t;
    }
  }
  return f;
}

policy::Decision decide(store::Transaction& tx, const policy::Actor& actor, policy::Action action,
                        domain::LogId log, TimePoint now, const FactsQuery& query) {
  auto facts = load_access_facts(tx, actor, log, now, query);
  if (!facts) return policy::Decision::deny(policy::DenyReason::kLogNotFound);
  return policy::can(actor, action, *facts);
}

}  // namespace stafett::app
