#pragma once
// SQL for the handlingsveileder (migrations 0020-0021): a municipality's
// published versions (immutable), the coordinator's draft, and the tool
// records employees fill in from the guide's forms.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "store/database.h"

namespace stafett::store {

struct GuideVersionRow {
  std::int64_t id = 0;
  int number = 0;
  std::string summary;
  TimePoint published_at;
  std::optional<domain::PersonId> published_by;
  std::string published_by_name;  // "" when installed by the system
  std::string document;           // empty in lists
};

// The newest published version with its document, nullopt when none.
Result<std::optional<GuideVersionRow>> latest_guide_version(Transaction& tx, domain::MunicipalityId municipality);
// Only the newest version's number (0: none), for checking a cache.
Result<int> latest_guide_number(Transaction& tx, domain::MunicipalityId municipality);
// One version with its document.
Result<std::optional<GuideVersionRow>> guide_version(Transaction& tx, domain::MunicipalityId municipality, int number);
// Every version, newest first, without documents.
Result<std::vector<GuideVersionRow>> guide_versions(Transaction& tx, domain::MunicipalityId municipality);
// Publishes `document` as the next number; returns it.
Result<GuideVersionRow> insert_guide_version(Transaction& tx, domain::MunicipalityId municipality,
                                             const std::string& document, const std::string& summary,
                                             std::optional<domain::PersonId> by, TimePoint now);

struct GuideDraftRow {
  std::string document;
  int based_on_number = 0;
  TimePoint updated_at;
  domain::PersonId updated_by;
};
Result<std::optional<GuideDraftRow>> guide_draft(Transaction& tx, domain::MunicipalityId municipality);
Result<void> save_guide_draft(Transaction& tx, domain::MunicipalityId municipality, const std::string& document,
                              int based_on_number, domain::PersonId by, TimePoint now);
Result<void> delete_guide_draft(Transaction& tx, domain::MunicipalityId municipality);

}  // namespace stafett::store
