#pragma once
// SQL for cooperation arenas, their members, meetings and cases.
#include <optional>
#include <vector>

#include "core/clock.h"
#include "domain/arena.h"
#include "store/database.h"

namespace stafett::store {

Result<std::int64_t> insert_arena(Transaction& tx, const domain::Arena& arena, TimePoint now);
// Replaces the arena's fields and members with `arena`'s.
Result<void> update_arena(Transaction& tx, const domain::Arena& arena);
// The municipality's arenas with their members (by name), by name.
Result<std::vector<domain::Arena>> arenas_of(Transaction& tx, domain::MunicipalityId municipality);
Result<std::optional<domain::Arena>> find_arena(Transaction& tx, std::int64_t id);
// Whether `person` has an active employment in one of the arena's member units.
Result<bool> works_in_arena(Transaction& tx, std::int64_t arena, domain::PersonId person, TimePoint now);

Result<std::int64_t> insert_arena_meeting(Transaction& tx, std::int64_t arena, TimePoint starts_at,
                                          const std::string& place, domain::PersonId by, TimePoint now);
// The arena's meetings (without their cases), newest first.
Result<std::vector<domain::ArenaMeeting>> meetings_of(Transaction& tx, std::int64_t arena);
// One meeting of the arena with its cases, oldest first.
Result<std::optional<domain::ArenaMeeting>> find_arena_meeting(Transaction& tx, std::int64_t arena,
                                                               std::int64_t meeting);
Result<void> save_arena_minutes(Transaction& tx, std::int64_t meeting, const std::string& minutes,
                                domain::PersonId by, TimePoint now);

Result<std::int64_t> insert_arena_case(Transaction& tx, const domain::ArenaCase& c, TimePoint now);
// Records a case's decision (once), and the log entry it went into, if any.
Result<void> decide_arena_case(Transaction& tx, std::int64_t case_id, const std::string& decision,
                               std::optional<domain::EntryId> entry, domain::PersonId by, TimePoint now);
// How many cases the arena had in meetings starting at or after `since`.
Result<std::int64_t> arena_case_count(Transaction& tx, std::int64_t arena, TimePoint since);

}  // namespace stafett::store
