#pragma once
// The municipality's cooperation arenas (samhandlingsarenaer) and their
// meetings. The arena's description is part of the model: public where the
// municipality marks it so, edited by its coordinator and administrators with
// versions in the history. Its meetings (the agenda of cases, minutes and
// decisions) are for its members only (policy use_arena). An anonymous case
// has no person in it; a case from a stafettlogg is brought, and its decision
// put into the log, only by someone who may write meeting entries in that log
// under the family's consent, and bringing it is recorded in the log's
// access chain.
#include <optional>
#include <string>
#include <vector>

#include "app/access_trail.h"
#include "app/log_use_cases.h"
#include "app/model_access.h"
#include "domain/arena.h"
#include "domain/small_counts.h"

namespace stafett::app {

struct ArenaEntry {
  domain::Arena arena;
  bool editable = false;
  bool member = false;                       // use_arena: sees and runs its meetings
  domain::ShownCount cases_last_year;        // small counts suppressed
  std::vector<domain::ArenaMeeting> meetings;  // members only, newest first, without cases
};

struct ArenaList {
  ModelRights rights;
  std::vector<ArenaEntry> arenas;  // by name; no meetings
};

Result<ArenaList> arena_list(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                             const Clock& clock);
// kNotFound unless the arena is the municipality's and the actor may see it.
Result<ArenaEntry> arena_entry(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                               std::int64_t arena, const Clock& clock);

struct ArenaForm {
  domain::ArenaInput input;
  std::string summary;
};
struct ArenaSaved {
  FieldErrors errors;  // nothing stored when not empty
  std::int64_t id = 0;
};
// The members must be units that serve the municipality.
Result<ArenaSaved> add_arena(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                             const ArenaForm& form, const Clock& clock);
Result<ArenaSaved> save_arena(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                              std::int64_t arena, const ArenaForm& form, const Clock& clock);

// --- Meetings ---

struct ArenaMeetingView {
  ArenaEntry arena;
  domain::ArenaMeeting meeting;  // with its cases
};
Result<ArenaMeetingView> arena_meeting(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                  std::int64_t arena, std::int64_t meeting, const Clock& clock);

struct Created {
  FieldErrors errors;
  std::int64_t id = 0;
};
// starts_at: "YYYY-MM-DDTHH:MM", Norwegian time.
Result<Created> schedule_meeting(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                 std::int64_t arena, const std::string& starts_at, const std::string& place,
                                 const Clock& clock);

struct CaseInput {
  std::string kind;  // "anonymous" or "log"
  std::string age_band;
  std::string description;
  std::string log;  // log id, for "log"
};
Result<Created> bring_case(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                           const std::string& kommunenummer, std::int64_t arena, std::int64_t meeting,
                           const CaseInput& input, const Clock& clock);

Result<FieldErrors> save_minutes(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                 std::int64_t arena, std::int64_t meeting, const std::string& minutes,
                                 const Clock& clock);

// Records the decision on a case, once. With `into_log` (a case from a log
// only) the decision also becomes a meeting entry in the log, through the
// same rules as any entry: refused when the consent does not allow it.
Result<FieldErrors> decide_case(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                const std::string& kommunenummer, std::int64_t arena, std::int64_t meeting,
                                std::int64_t case_id, const std::string& decision, bool into_log, const Clock& clock);

}  // namespace stafett::app
