#include "app/login_identity.h"

#include <algorithm>

#include "domain/national_id.h"
#include "store/identity_repository.h"
#include "store/people_repository.h"

namespace stafett::app {

using store::Transaction;
using store::TxMode;

std::string_view login_refusal_name(LoginRefusal refusal) {
  switch (refusal) {
    case LoginRefusal::kNone: return "none";
    case LoginRefusal::kNoNationalId: return "no_national_id";
    case LoginRefusal::kUnknownPerson: return "unknown_person";
    case LoginRefusal::kTenantNotAllowed: return "tenant_not_allowed";
    case LoginRefusal::kUnknownEmployee: return "unknown_employee";
    case LoginRefusal::kNoActiveEmployment: return "no_active_employment";
  }
  return "unknown";
}

Result<LoginIdentity> identify_citizen(store::Database& db, const crypto::DataKeys& keys,
                                       const std::optional<std::string>& pid) {
  if (!pid || !domain::is_valid_national_id(*pid)) return LoginIdentity{std::nullopt, LoginRefusal::kNoNationalId};
  return store::transact_value<LoginIdentity>(db, TxMode::kRead, [&](Transaction& tx) -> Result<LoginIdentity> {
    auto person = store::find_person_by_national_id_hash(tx, keys.lookup_hash(*pid));
    if (!person) return person.error();
    if (!*person) return LoginIdentity{std::nullopt, LoginRefusal::kUnknownPerson};
    return LoginIdentity{**person, LoginRefusal::kNone};
  });
}

std::string entra_subject(const std::string& tenant_id, const std::string& object_id) {
  return tenant_id + ":" + object_id;
}

Result<LoginIdentity> identify_employee(store::Database& db, const EmployeeLogin& login, const Clock& clock) {
  if (login.tenant && std::find(login.allowed_tenants.begin(), login.allowed_tenants.end(), *login.tenant) ==
                          login.allowed_tenants.end()) {
    return LoginIdentity{std::nullopt, LoginRefusal::kTenantNotAllowed};
  }
  if (login.issuer.empty() || login.subject.empty()) {
    return LoginIdentity{std::nullopt, LoginRefusal::kUnknownEmployee};
  }
  return store::transact_value<LoginIdentity>(db, TxMode::kRead, [&](Transaction& tx) -> Result<LoginIdentity> {
    auto person = store::find_employee_identity(tx, login.issuer, login.subject);
    if (!person) return person.error();
    if (!*person) return LoginIdentity{std::nullopt, LoginRefusal::kUnknownEmployee};
    auto employments = store::active_employments(tx, **person, clock.now());
    if (!employments) return employments.error();
    if (employments->empty()) return LoginIdentity{std::nullopt, LoginRefusal::kNoActiveEmployment};
    return LoginIdentity{**person, LoginRefusal::kNone};
  });
}

}  // namespace stafett::app
