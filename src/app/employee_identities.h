#pragma once
// Which employee account at which identity provider is which person in the
// register (employee_identity): what an operator links, lists and removes
// with `stafett identity`. app/login_identity.h reads these links at login.
//
// A link is refused unless it can only ever let an employee in as
// themselves: the issuer is the configured employee provider (or the
// operator says otherwise on purpose), the subject looks like one the
// provider really sends (Entra ID: "tid:oid" of the issuer's own tenant,
// never e-mail), the person exists and has an employment (citizens never get
// an employee identity), and the subject is not someone else's already. A
// link gives no rights: those still come from active employments.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/ids.h"
#include "store/database.h"

namespace stafett::app {

// The longest issuer and subject the register keeps (as the table's checks).
inline constexpr std::size_t kMaxIssuerLength = 500;
inline constexpr std::size_t kMaxSubjectLength = 300;

// The providers this deployment is configured with (empty: none).
struct ConfiguredIssuers {
  std::string employee;
  std::string citizen;
};

enum class IdentityRefusal {
  kNone,
  kBadIssuer,             // not an https URL, too long, or an Entra ID issuer without a tenant id
  kCitizenIssuer,         // the citizen provider: never for employees, not even forced
  kIssuerNotConfigured,   // not the configured employee provider, and not forced
  kBadSubject,            // empty, too long, or not printable ASCII without spaces
  kSubjectNotOfTenant,    // Entra ID: not "<tid>:<oid>" with the issuer's tenant and a GUID oid
  kUnknownPerson,         // no such person in the register
  kNotAnEmployee,         // the person has never had an employment
  kLinkedToSomeoneElse,   // the issuer and subject already name another person
  kNotLinked,             // remove: no such link
};
std::string_view identity_refusal_name(IdentityRefusal refusal);

struct EmployeeIdentity {
  std::string issuer;
  std::string subject;
  domain::PersonId person;
  std::string person_name;
  TimePoint created;
};

struct NewEmployeeIdentity {
  std::string issuer;
  std::string subject;
  domain::PersonId person;
  // Accept an https issuer other than the configured employee provider: for
  // linking people before the provider is configured, or during a move to a
  // new tenant. The citizen provider stays refused.
  bool force_issuer = false;
};

struct IdentityAdded {
  IdentityRefusal refusal = IdentityRefusal::kNone;
  std::optional<EmployeeIdentity> identity;  // set exactly when refusal is kNone
  bool already_linked = false;               // the same link existed: nothing was written
};
// Writes nothing unless refusal is kNone and already_linked is false.
Result<IdentityAdded> add_employee_identity(store::Database& db, const NewEmployeeIdentity& link,
                                            const ConfiguredIssuers& issuers, const Clock& clock);

// Every link, or only `person`'s (kNotFound when there is no such person).
Result<std::vector<EmployeeIdentity>> list_employee_identities(store::Database& db,
                                                               std::optional<domain::PersonId> person);

struct IdentityRemoved {
  IdentityRefusal refusal = IdentityRefusal::kNone;  // kNone or kNotLinked
  std::optional<EmployeeIdentity> identity;          // what was removed
  std::int64_t sessions_ended = 0;
};
// Removes the link and, in the same transaction, ends the person's live
// sessions from that issuer, so the account is out now rather than when its
// session expires. Sessions do not record the subject: a person with two
// accounts at one issuer loses the sessions of both.
Result<IdentityRemoved> remove_employee_identity(store::Database& db, const std::string& issuer,
                                                 const std::string& subject, const Clock& clock);

}  // namespace stafett::app
