#pragma once
// Who a verified login is, in the municipality's own register. The identity
// provider only proves who logged in; this decides which person that is, and
// a login can never create a person or give a right.
//
// Citizens are found by the `pid` claim (national identity number) through
// its keyed hash, never by name. Employees by the provider's stable subject
// (Entra ID: tenant id + object id, never e-mail or username), and only while
// they have an active employment; tenants not on the allow-list are refused
// before any look-up.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "crypto/data_keys.h"
#include "domain/ids.h"
#include "store/database.h"

namespace stafett::app {

enum class LoginRefusal {
  kNone,
  kNoNationalId,        // the citizen login carried no (valid) pid
  kUnknownPerson,       // a valid pid, but nobody in the register: nothing to show
  kTenantNotAllowed,    // an Entra tenant that is not on the allow-list
  kUnknownEmployee,     // a subject the register does not know
  kNoActiveEmployment,  // known, but no employment valid now: no employee rights
};
std::string_view login_refusal_name(LoginRefusal refusal);

struct LoginIdentity {
  std::optional<domain::PersonId> person;  // set exactly when refusal is kNone
  LoginRefusal refusal = LoginRefusal::kNone;
};

Result<LoginIdentity> identify_citizen(store::Database& db, const crypto::DataKeys& keys,
                                       const std::optional<std::string>& pid);

// The subject an Entra ID login is known by: "tid:oid".
std::string entra_subject(const std::string& tenant_id, const std::string& object_id);

// `subject` as the provider `issuer` knows the person (entra_subject() for
// Entra ID). `tenant` and `allowed_tenants`: for providers with tenants (an
// empty allow-list allows none).
struct EmployeeLogin {
  std::string issuer;
  std::string subject;
  std::optional<std::string> tenant;
  std::vector<std::string> allowed_tenants;
};
Result<LoginIdentity> identify_employee(store::Database& db, const EmployeeLogin& login, const Clock& clock);

}  // namespace stafett::app
