#include "domain/consent.h"

#include <algorithm>

namespace stafett::domain {

bool in_force(const Consent& consent, const std::vector<Consent>& all, TimePoint now) {
  if (consent.withdrawal) return false;
  if (consent.valid_until && *consent.valid_until <= now) return false;
  return std::none_of(all.begin(), all.end(), [&](const Consent& other) {
    return other.supersedes && *other.supersedes == consent.id;
  });
}

EffectiveConsent effective_consent(const std::vector<Consent>& consents, const Consenters& who,
                                   ConsentRule rule, TimePoint now) {
  EffectiveConsent out;
  auto scopes_of = [&](PersonId person, ConsenterRole as) {
    std::vector<ConsentScope> scopes;
    for (const Consent& c : consents) {
      if (c.given_by == person && c.given_as == as && in_force(c, consents, now)) {
        scopes.push_back(c.scope);
        out.basis_.push_back(c.id);
      }
    }
    return scopes;
  };
  std::vector<std::vector<ConsentScope>> parts;
  if (who.guardians.empty() && !who.child) return {};
  if (rule == ConsentRule::kAllGuardians) {
    for (PersonId g : who.guardians) {
      auto scopes = scopes_of(g, ConsenterRole::kGuardian);
      if (scopes.empty()) return {};  // one guardian has not consented: nothing is shared
      parts.push_back(std::move(scopes));
    }
  } else if (!who.guardians.empty()) {
    std::vector<ConsentScope> any_guardian;
    for (PersonId g : who.guardians) {
      auto scopes = scopes_of(g, ConsenterRole::kGuardian);
      any_guardian.insert(any_guardian.end(), scopes.begin(), scopes.end());
    }
    if (any_guardian.empty()) return {};
    parts.push_back(std::move(any_guardian));
  }
  if (who.child) {
    auto scopes = scopes_of(*who.child, ConsenterRole::kChild);
    if (scopes.empty()) return {};
    parts.push_back(std::move(scopes));
  }
  out.parts_ = std::move(parts);
  return out;
}

bool EffectiveConsent::covers(UnitId unit, ServiceType service, InfoCategory category) const {
  if (parts_.empty()) return false;
  return std::all_of(parts_.begin(), parts_.end(), [&](const std::vector<ConsentScope>& part) {
    return std::any_of(part.begin(), part.end(),
                       [&](const ConsentScope& s) { return s.covers(unit, service, category); });
  });
}

bool EffectiveConsent::covers_unit(UnitId unit, ServiceType service) const {
  return covers(unit, service, InfoCategory::kBasic);
}

bool EffectiveConsent::names_unit(UnitId unit) const {
  if (parts_.empty()) return false;
  return std::all_of(parts_.begin(), parts_.end(), [&](const std::vector<ConsentScope>& part) {
    return std::any_of(part.begin(), part.end(), [&](const ConsentScope& s) {
      return s.units.contains(unit) && s.categories.contains(InfoCategory::kBasic);
    });
  });
}

Result<void> validate_new_consent(const Consent& consent, TimePoint now) {
  if (consent.scope.units.empty() && consent.scope.service_types.empty()) {
    return make_error(Errc::kInvalidInput, "scope_units");
  }
  if (consent.scope.categories.empty()) return make_error(Errc::kInvalidInput, "scope_categories");
  if (!consent.scope.categories.contains(InfoCategory::kBasic)) {
    // Without the basic information nobody could even see that the log exists.
    return make_error(Errc::kInvalidInput, "scope_categories");
  }
  if (consent.method == ConsentMethod::kPaper && !consent.attested_by) {
    return make_error(Errc::kInvalidInput, "attested_by");
  }
  if (!consent.valid_until && !consent.review_at) return make_error(Errc::kInvalidInput, "valid_until");
  if (consent.valid_until && *consent.valid_until <= now) return make_error(Errc::kInvalidInput, "valid_until");
  if (consent.review_at && *consent.review_at <= now) return make_error(Errc::kInvalidInput, "review_at");
  if (consent.valid_until && consent.review_at && *consent.review_at > *consent.valid_until) {
    return make_error(Errc::kInvalidInput, "review_at");
  }
  if (consent.info_text_version.empty() || consent.info_text_hash.empty()) {
    return make_error(Errc::kInvalidInput, "info_text");
  }
  return {};
}

}  // namespace stafett::domain
