#include "app/admin_use_cases.h"

#include "domain/web_origin.h"
#include "policy/policy.h"
#include "store/municipality_repository.h"
#include "store/people_repository.h"
#include "store/retention_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

Result<bool> administers(Transaction& tx, const policy::Actor& actor, domain::MunicipalityId m, TimePoint now) {
  if (actor.kind != policy::ActorKind::kEmployee) return false;
  // An administrator whose employment has ended has no rights left.
  auto employments = store::active_employments(tx, actor.person, now);
  if (!employments) return employments.error();
  if (employments->empty()) return false;
  return store::has_municipal_role(tx, actor.person, m, "admin", now);
}

// kForbidden unless `actor` administers `m` now, as the policy decides it.
Result<void> require_admin(Transaction& tx, const policy::Actor& actor, domain::MunicipalityId m, TimePoint now) {
  auto admin = administers(tx, actor, m, now);
  if (!admin) return admin.error();
  policy::AccessFacts facts;
  facts.actor_is_municipal_admin = *admin;
  if (!policy::can(actor, policy::Action::kManageMunicipality, facts)) {
    return make_error(Errc::kForbidden, "not an administrator of this municipality");
  }
  return {};
}

}  // namespace

Result<std::vector<MunicipalitySettingsView>> administered_municipalities(store::Database& db,
                                                                         const policy::Actor& actor,
                                                                         const Clock& clock) {
  return store::transact_value<std::vector<MunicipalitySettingsView>>(
      db, TxMode::kRead, [&](Transaction& tx) -> Result<std::vector<MunicipalitySettingsView>> {
        const TimePoint now = clock.now();
        if (!policy::may_attempt(actor, policy::Action::kManageMunicipality)) {
          return make_error(Errc::kForbidden, "not an employee");
        }
        auto all = store::list_municipalities(tx);
        if (!all) return all.error();
        std::vector<MunicipalitySettingsView> out;
        for (const auto& m : *all) {
          auto admin = administers(tx, actor, m.id, now);
          if (!admin) return admin.error();
          policy::AccessFacts facts;
          facts.actor_is_municipal_admin = *admin;
          if (!policy::can(actor, policy::Action::kManageMunicipality, facts)) continue;
          auto settings = store::municipality_settings(tx, m.id);
          if (!settings) return settings.error();
          auto retention = store::retention_settings(tx, m.id);
          if (!retention) return retention.error();
          auto origins = store::embedding_origins(tx, m.id);
          if (!origins) return origins.error();
          out.push_back({m, *settings, *retention, std::move(*origins)});
        }
        if (out.empty()) return make_error(Errc::kForbidden, "administers no municipality");
        return out;
      });
}

Result<FieldErrors> save_settings(store::Database& db, const policy::Actor& actor, domain::MunicipalityId municipality,
                                  const domain::ConsentSettings& settings, const Clock& clock) {
  FieldErrors errors;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    if (auto allowed = require_admin(tx, actor, municipality, now); !allowed) return allowed;
    if (settings.child_consent_age < 7 || settings.child_consent_age > 18) {
      errors.push_back({"child_consent_age", "settings.error.age"});
    }
    if (settings.child_view_age < 7 || settings.child_view_age > 18) {
      errors.push_back({"child_view_age", "settings.error.age"});
    } else if (settings.child_view_age > settings.child_consent_age) {
      errors.push_back({"child_view_age", "settings.error.view_after_consent"});
    }
    if (!errors.empty()) return {};
    return store::save_municipality_settings(tx, municipality, settings, actor.person, now);
  });
  if (!r) return r.error();
  return errors;
}

Result<FieldErrors> save_retention(store::Database& db, const policy::Actor& actor, domain::MunicipalityId municipality,
                                   std::string_view closed_log_days, std::string_view access_record_days,
                                   const Clock& clock) {
  FieldErrors errors;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    if (auto allowed = require_admin(tx, actor, municipality, now); !allowed) return allowed;
    auto parsed = domain::parse_retention_settings(closed_log_days, access_record_days);
    if (!parsed.settings) {
      errors = std::move(parsed.problems);
      return {};
    }
    return store::save_retention_settings(tx, municipality, *parsed.settings, actor.person, now);
  });
  if (!r) return r.error();
  return errors;
}

Result<FieldErrors> save_embedding_origins(store::Database& db, const policy::Actor& actor,
                                           domain::MunicipalityId municipality, std::string_view lines,
                                           const Clock& clock) {
  FieldErrors errors;
  std::vector<std::string> origins;
  std::size_t start = 0;
  while (start <= lines.size()) {
    std::size_t end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    const auto line = lines.substr(start, end - start);
    if (line.find_first_not_of(" \r") != std::string_view::npos) {
      auto origin = domain::normalize_origin(line);
      if (!origin) {
        errors.push_back({"origins", "settings.error.origin"});
        break;
      }
      origins.push_back(*origin);
    }
    start = end + 1;
  }
  if (origins.size() > 20) errors.push_back({"origins", "settings.error.origin_count"});
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    if (auto allowed = require_admin(tx, actor, municipality, clock.now()); !allowed) return allowed;
    if (!errors.empty()) return {};
    return store::replace_embedding_origins(tx, municipality, origins);
  });
  if (!r) return r.error();
  return errors;
}

Result<bool> may_embed(store::Database& db, const std::string& kommunenummer, std::string_view origin) {
  return store::transact_value<bool>(db, TxMode::kRead, [&](Transaction& tx) -> Result<bool> {
    auto m = store::find_municipality_by_number(tx, kommunenummer);
    if (!m) return m.error();
    if (!*m) return false;
    auto origins = store::embedding_origins(tx, (*m)->id);
    if (!origins) return origins.error();
    for (const auto& o : *origins) {
      if (o == origin) return true;
    }
    return false;
  });
}

}  // namespace stafett::app
