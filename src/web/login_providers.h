#pragma once
// LoginProviders: the identity providers this deployment logs people in
// with, built once by the composition root (cli/commands.cc) after discovery.
// At most one citizen provider (ID-porten) and one employee provider (Entra
// ID); none configured means only the demo login (with `serve --demo`).
// Thread-safety: read-only after start-up; RelyingParty is thread-safe.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "auth/relying_party.h"
#include "policy/actor.h"

namespace stafett::web {

// Our own paths registered at the providers (the public base URL goes first).
inline constexpr std::string_view kLoginCallbackPath = "/innlogging/tilbake";
inline constexpr std::string_view kFrontChannelLogoutPath = "/innlogging/frontkanal";
inline constexpr std::string_view kPostLogoutPath = "/";

struct LoginProviders {
  std::string public_base_url;  // e.g. "https://stafett.kommune.no", no trailing '/'
  std::unique_ptr<auth::RelyingParty> citizen;
  std::unique_ptr<auth::RelyingParty> employee;
  std::vector<std::string> allowed_tenants;  // Entra ID tenant ids

  auth::RelyingParty* for_kind(policy::ActorKind kind) const {
    if (kind == policy::ActorKind::kCitizen) return citizen.get();
    if (kind == policy::ActorKind::kEmployee) return employee.get();
    return nullptr;
  }
  // The provider whose issuer is exactly `issuer`, or nullptr.
  auth::RelyingParty* for_issuer(std::string_view issuer) const {
    if (citizen && citizen->issuer() == issuer) return citizen.get();
    if (employee && employee->issuer() == issuer) return employee.get();
    return nullptr;
  }
};

}  // namespace stafett::web
