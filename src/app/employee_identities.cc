#include "app/employee_identities.h"

#include <map>

#include "store/identity_repository.h"
#include "store/people_repository.h"
#include "store/session_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

constexpr std::string_view kEntraPrefix = "https://login.microsoftonline.com/";
constexpr std::string_view kEntraSuffix = "/v2.0";

bool https_url(std::string_view url) {
  return url.starts_with("https://") && url.size() > 8 && url.size() <= kMaxIssuerLength &&
         url.find_first_of(" \t\r\n#?") == std::string_view::npos;
}

// Printable ASCII without spaces: what providers send as subjects. A stray
// space or newline from a copy and paste would make a link no login matches.
bool subject_ok(std::string_view subject) {
  if (subject.empty() || subject.size() > kMaxSubjectLength) return false;
  for (const char c : subject) {
    if (c < '!' || c > '~') return false;
  }
  return true;
}

// Entra ID writes tenant and object ids as lowercase GUIDs, and logins are
// matched byte for byte, so an uppercase copy would never match.
bool lowercase_guid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

// The tenant segment of an Entra ID v2.0 issuer, or nullopt when `issuer` is
// not one (then the subject's form is the provider's own business).
std::optional<std::string_view> entra_tenant(std::string_view issuer) {
  if (!issuer.starts_with(kEntraPrefix) || !issuer.ends_with(kEntraSuffix)) return std::nullopt;
  if (issuer.size() < kEntraPrefix.size() + kEntraSuffix.size()) return std::nullopt;
  return issuer.substr(kEntraPrefix.size(), issuer.size() - kEntraPrefix.size() - kEntraSuffix.size());
}

// The checks that need no database, in the order an operator fixes them.
IdentityRefusal check_link_text(const NewEmployeeIdentity& link, const ConfiguredIssuers& issuers) {
  if (!https_url(link.issuer)) return IdentityRefusal::kBadIssuer;
  if (!issuers.citizen.empty() && link.issuer == issuers.citizen) return IdentityRefusal::kCitizenIssuer;
  if (link.issuer != issuers.employee && !link.force_issuer) return IdentityRefusal::kIssuerNotConfigured;
  if (!subject_ok(link.subject)) return IdentityRefusal::kBadSubject;
  if (const auto tenant = entra_tenant(link.issuer)) {
    if (!lowercase_guid(*tenant)) return IdentityRefusal::kBadIssuer;
    const std::string_view subject = link.subject;
    const std::size_t colon = tenant->size();
    if (subject.size() <= colon || subject.substr(0, colon) != *tenant || subject[colon] != ':' ||
        !lowercase_guid(subject.substr(colon + 1))) {
      return IdentityRefusal::kSubjectNotOfTenant;
    }
  }
  return IdentityRefusal::kNone;
}

Result<std::string> person_name(Transaction& tx, domain::PersonId person) {
  auto row = store::find_person(tx, person);
  if (!row) return row.error();
  if (!*row) return make_error(Errc::kInternal, "employee_identity names a missing person");
  return (*row)->full_name();
}

EmployeeIdentity identity_of(store::EmployeeIdentityRow row, std::string name) {
  return EmployeeIdentity{std::move(row.issuer), std::move(row.subject), row.person, std::move(name), row.created};
}

}  // namespace

std::string_view identity_refusal_name(IdentityRefusal refusal) {
  switch (refusal) {
    case IdentityRefusal::kNone: return "none";
    case IdentityRefusal::kBadIssuer: return "bad_issuer";
    case IdentityRefusal::kCitizenIssuer: return "citizen_issuer";
    case IdentityRefusal::kIssuerNotConfigured: return "issuer_not_configured";
    case IdentityRefusal::kBadSubject: return "bad_subject";
    case IdentityRefusal::kSubjectNotOfTenant: return "subject_not_of_tenant";
    case IdentityRefusal::kUnknownPerson: return "unknown_person";
    case IdentityRefusal::kNotAnEmployee: return "not_an_employee";
    case IdentityRefusal::kLinkedToSomeoneElse: return "linked_to_someone_else";
    case IdentityRefusal::kNotLinked: return "not_linked";
  }
  return "unknown";
}

Result<IdentityAdded> add_employee_identity(store::Database& db, const NewEmployeeIdentity& link,
                                            const ConfiguredIssuers& issuers, const Clock& clock) {
  if (const auto refusal = check_link_text(link, issuers); refusal != IdentityRefusal::kNone) {
    return IdentityAdded{refusal, std::nullopt, false};
  }
  const TimePoint now = clock.now();
  return store::transact_value<IdentityAdded>(db, TxMode::kWrite, [&](Transaction& tx) -> Result<IdentityAdded> {
    auto person = store::find_person(tx, link.person);
    if (!person) return person.error();
    if (!*person) return IdentityAdded{IdentityRefusal::kUnknownPerson, std::nullopt, false};
    auto employed = store::has_any_employment(tx, link.person);
    if (!employed) return employed.error();
    if (!*employed) return IdentityAdded{IdentityRefusal::kNotAnEmployee, std::nullopt, false};
    auto existing = store::find_employee_identity_row(tx, link.issuer, link.subject);
    if (!existing) return existing.error();
    if (*existing) {
      if ((*existing)->person != link.person) {
        return IdentityAdded{IdentityRefusal::kLinkedToSomeoneElse, std::nullopt, false};
      }
      return IdentityAdded{IdentityRefusal::kNone, identity_of(std::move(**existing), (*person)->full_name()), true};
    }
    if (auto r = store::insert_employee_identity(tx, link.issuer, link.subject, link.person, now); !r) {
      return r.error();
    }
    return IdentityAdded{IdentityRefusal::kNone,
                         EmployeeIdentity{link.issuer, link.subject, link.person, (*person)->full_name(), now}, false};
  });
}

Result<std::vector<EmployeeIdentity>> list_employee_identities(store::Database& db,
                                                               std::optional<domain::PersonId> person) {
  using Out = std::vector<EmployeeIdentity>;
  return store::transact_value<Out>(db, TxMode::kRead, [&](Transaction& tx) -> Result<Out> {
    if (person) {
      auto row = store::find_person(tx, *person);
      if (!row) return row.error();
      if (!*row) return make_error(Errc::kNotFound, "unknown person");
    }
    auto rows = store::list_employee_identities(tx, person);
    if (!rows) return rows.error();
    std::map<domain::PersonId, std::string> names;  // one look-up per person, not per link
    Out out;
    out.reserve(rows->size());
    for (auto& row : *rows) {
      auto name = names.find(row.person);
      if (name == names.end()) {
        auto n = person_name(tx, row.person);
        if (!n) return n.error();
        name = names.emplace(row.person, std::move(*n)).first;
      }
      out.push_back(identity_of(std::move(row), name->second));
    }
    return out;
  });
}

Result<IdentityRemoved> remove_employee_identity(store::Database& db, const std::string& issuer,
                                                 const std::string& subject, const Clock& clock) {
  const TimePoint now = clock.now();
  return store::transact_value<IdentityRemoved>(db, TxMode::kWrite, [&](Transaction& tx) -> Result<IdentityRemoved> {
    auto existing = store::find_employee_identity_row(tx, issuer, subject);
    if (!existing) return existing.error();
    if (!*existing) return IdentityRemoved{IdentityRefusal::kNotLinked, std::nullopt, 0};
    auto name = person_name(tx, (*existing)->person);
    if (!name) return name.error();
    auto deleted = store::delete_employee_identity(tx, issuer, subject);
    if (!deleted) return deleted.error();
    if (!*deleted) return make_error(Errc::kConflict, "employee_identity changed during removal");
    auto ended = store::end_sessions_of_person_from_issuer(tx, (*existing)->person, issuer, now);
    if (!ended) return ended.error();
    return IdentityRemoved{IdentityRefusal::kNone, identity_of(std::move(**existing), std::move(*name)), *ended};
  });
}

}  // namespace stafett::app
