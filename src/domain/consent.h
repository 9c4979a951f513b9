#pragma once
// Consent (samtykke): the family's permission to share information about a
// child with named units or kinds of service, for chosen kinds of information,
// for a limited time. Consents are append-only: a change is a new consent that
// supersedes the old one; a withdrawal is recorded beside it. Nothing here is
// ever updated in place.
//
// effective_consent() turns the consents of a log into what may be shared
// right now, following the municipality's rule for whose consent is needed.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/ids.h"
#include "domain/info_category.h"
#include "domain/service_type.h"

namespace stafett::domain {

// Who may see what: units named one by one and/or every unit of a kind of
// service, times a set of information categories.
struct ConsentScope {
  std::set<UnitId> units;
  std::set<ServiceType> service_types;
  CategorySet categories;

  bool covers(UnitId unit, ServiceType service, InfoCategory category) const {
    return categories.contains(category) && covers_unit(unit, service);
  }
  bool covers_unit(UnitId unit, ServiceType service) const {
    return units.contains(unit) || service_types.contains(service);
  }
  // An empty scope shares nothing and is refused as input.
  bool empty() const { return (units.empty() && service_types.empty()) || categories.empty(); }
};

enum class ConsenterRole { kGuardian, kChild };
enum class ConsentMethod { kDigital, kPaper };

struct ConsentWithdrawal {
  PersonId by;
  TimePoint at;
};

struct Consent {
  ConsentId id;
  LogId log;
  PersonId given_by;
  ConsenterRole given_as = ConsenterRole::kGuardian;
  ConsentMethod method = ConsentMethod::kDigital;
  std::optional<PersonId> attested_by;  // REQUIRED for paper consents
  PersonId recorded_by;
  TimePoint given_at;
  std::optional<TimePoint> valid_until;
  std::optional<TimePoint> review_at;
  std::string info_text_version;
  std::string info_text_hash;
  std::optional<ConsentId> supersedes;
  ConsentScope scope;
  std::optional<ConsentWithdrawal> withdrawal;
};

// Municipal settings that shape consent.
enum class ConsentRule { kAllGuardians, kOneGuardian };
struct ConsentSettings {
  ConsentRule rule = ConsentRule::kAllGuardians;
  int child_consent_age = 15;  // from this age the child's own consent is needed too
  int child_view_age = 12;     // from this age the child sees their own log
};

// Whose consent counts now: the holders of parental responsibility today, and
// the child when old enough.
struct Consenters {
  std::vector<PersonId> guardians;
  std::optional<PersonId> child;  // set only when the child's consent is needed
};

// What may be shared right now. Built by effective_consent(); each required
// party's active scope must cover a (unit, category) for the whole to cover it.
class EffectiveConsent {
 public:
  EffectiveConsent() = default;  // shares nothing

  bool covers(UnitId unit, ServiceType service, InfoCategory category) const;
  bool covers_unit(UnitId unit, ServiceType service) const;  // for at least the basic category
  // Every required party names this unit itself (not only its kind of
  // service), with the basic category: needed to bring in a unit of another
  // municipality, as when a child moves.
  bool names_unit(UnitId unit) const;
  bool any() const { return !parts_.empty(); }
  // The consents that make up this decision (for the access record's basis).
  const std::vector<ConsentId>& basis() const { return basis_; }

 private:
  friend EffectiveConsent effective_consent(const std::vector<Consent>&, const Consenters&,
                                            ConsentRule, TimePoint);
  // All parts must cover; within a part, any of its scopes may cover.
  std::vector<std::vector<ConsentScope>> parts_;
  std::vector<ConsentId> basis_;
};

// A consent is in force when it is not withdrawn, not superseded by another
// consent in `all`, and not past its valid-until time.
bool in_force(const Consent& consent, const std::vector<Consent>& all, TimePoint now);

EffectiveConsent effective_consent(const std::vector<Consent>& consents, const Consenters& who,
                                   ConsentRule rule, TimePoint now);

// Checks a new consent before it is stored: a non-empty scope, a paper
// consent's attesting employee, valid-until/review dates after `now`.
// kInvalidInput with the field name in `detail`.
Result<void> validate_new_consent(const Consent& consent, TimePoint now);

}  // namespace stafett::domain
