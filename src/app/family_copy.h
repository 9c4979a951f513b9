#pragma once
// The family's copy of their data (GDPR art. 15, issue 6, item 5): for one
// log, everything the platform holds about the child that the guardian (or
// the child from the consent age) may see: the log as on its page, every
// version of every entry they may read, the consents, the participants they
// may see, every access to the log and every break-glass access. Nothing
// hidden from them is in it (notes hidden from the guardians, what the
// policy does not let them read). Making it is itself recorded (kExport)
// before anything is returned.
#include <optional>
#include <string>
#include <vector>

#include "app/access_history.h"
#include "app/access_trail.h"
#include "app/log_views.h"
#include "core/clock.h"
#include "domain/entry.h"
#include "policy/actor.h"
#include "store/break_glass_repository.h"
#include "store/database.h"

namespace stafett::app {

struct CopyVersion {
  int version = 1;
  TimePoint at;
  std::string author_name;
  std::string body_json;  // the version exactly as stored (store/entry_codec.h)
  std::optional<std::string> correction_reason;  // why this version was made, when it corrects another
};

struct CopyEntry {
  domain::EntryId id;
  domain::EntryKind kind = domain::EntryKind::kNote;
  domain::InfoCategory category = domain::InfoCategory::kBasic;
  std::optional<domain::EntryId> parent;  // the measure an evaluation belongs to
  TimePoint created_at;
  std::string author_name;
  std::vector<CopyVersion> versions;  // oldest first
};

struct FamilyCopy {
  LogView log;                      // as the log page shows it to the reader
  std::vector<CopyEntry> entries;   // every readable entry, oldest first, with every version
  std::vector<AccessLine> accesses;  // every access to the log, newest first (this copy's own first)
  std::vector<store::BreakGlassRow> break_glass;
  TimePoint made_at;
};

// kExportFamilyCopy, then the export is recorded on `trail`; kForbidden
// (nothing recorded) for anyone else, kUnavailable when it cannot be recorded.
Result<FamilyCopy> family_copy(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                               const Clock& clock);

}  // namespace stafett::app
