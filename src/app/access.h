#pragma once
// Loading the facts the policy decides on, and deciding, for one actor and
// one log. The only place facts are assembled, so every use case asks the
// same question the same way (Primero's list/record drift cannot happen).
// Any failure to load a fact is a deny.
#include <optional>

#include "core/clock.h"
#include "domain/info_category.h"
#include "policy/access_facts.h"
#include "policy/policy.h"
#include "store/database.h"
#include "store/log_repository.h"

namespace stafett::app {

struct FactsQuery {
  domain::InfoCategory category = domain::InfoCategory::kBasic;
  std::optional<domain::UnitId> target_unit;
};

// The facts about `actor` and `log` at `now`. log_found is false (and
// everything else default) when the log does not exist.
Result<policy::AccessFacts> load_access_facts(store::Transaction& tx, const policy::Actor& actor,
                                              domain::LogId log, TimePoint now, const FactsQuery& query = {});

// Loads facts and decides. A load failure becomes a deny, never an allow.
policy::Decision decide(store::Transaction& tx, const policy::Actor& actor, policy::Action action,
                        domain::LogId log, TimePoint now, const FactsQuery& query = {});

// The effective consent of a log at `now`, with its consenters.
Result<domain::EffectiveConsent> effective_consent_of(store::Transaction& tx, const store::LogRow& log,
                                                      const domain::ConsentSettings& settings, TimePoint now);

// Age of a person with a stored birth date at `now`; 0 when unknown.
int age_of(const std::optional<std::string>& birth_date, TimePoint now);

}  // namespace stafett::app
