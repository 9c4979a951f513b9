#pragma once
// SQL for logs, their participants, the holder, handovers and the log's
// history of events. Nothing here deletes: participants are ended, handovers
// are decided, status changes are recorded as events.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/ids.h"
#include "domain/log.h"
#include "domain/municipality.h"
#include "store/database.h"
#include "store/people_repository.h"

namespace stafett::store {

struct LogRow {
  domain::LogId id;
  domain::PersonId child;
  domain::MunicipalityId municipality;
  domain::LogStatus status = domain::LogStatus::kOpen;
  int level = 0;
  TimePoint opened_at;
};

struct ParticipantRow {
  domain::Participant participant;
  PersonRow person;
  std::optional<UnitRow> unit;
};

struct HandoverRow {
  domain::HandoverId id;
  domain::LogId log;
  domain::ParticipantId from;
  domain::ParticipantId to;
  TimePoint proposed_at;
};

struct LogEventRow {
  std::string kind;  // opened, closed, reopened, level_changed
  std::optional<int> from_level;
  std::optional<int> to_level;
  std::string reason;
  std::optional<domain::PersonId> by;
  TimePoint at;
};

// Inserts the log closed: the database opens a log only once it has a holder
// (migration 0005), so callers insert the holder, then open_new_log().
Result<domain::LogId> insert_log(Transaction& tx, domain::PersonId child, domain::MunicipalityId municipality,
                                 int level, domain::PersonId opened_by, const std::string& reason, TimePoint now);
// Opens a log just created by insert_log (no event: "opened" is already recorded).
Result<void> open_new_log(Transaction& tx, domain::LogId log);
Result<std::optional<LogRow>> find_log(Transaction& tx, domain::LogId id);
// Records an event in the log's history (no change of state).
Result<void> record_log_event(Transaction& tx, domain::LogId log, const std::string& kind, const std::string& reason,
                              std::optional<domain::PersonId> by, TimePoint now);
// Sets the status and records why. `by` empty: the system did it.
Result<void> set_log_status(Transaction& tx, domain::LogId log, domain::LogStatus status, const std::string& kind,
                            const std::string& reason, std::optional<domain::PersonId> by, TimePoint now);
// Sets the level and records the change with its reason; kConflict when the
// log changed level in the meantime (compare and set on `from`).
Result<void> change_level(Transaction& tx, domain::LogId log, int from, int to, const std::string& reason,
                          domain::PersonId by, TimePoint now);
// Moves the log to another home municipality and records the move.
Result<void> move_log(Transaction& tx, domain::LogId log, domain::MunicipalityId to, domain::PersonId by,
                      TimePoint now);
Result<std::vector<LogEventRow>> log_events(Transaction& tx, domain::LogId log);

Result<domain::ParticipantId> insert_participant(Transaction& tx, const domain::Participant& p,
                                                 domain::PersonId added_by);
// Every participant of the log, active and ended, oldest first.
Result<std::vector<ParticipantRow>> participants_of(Transaction& tx, domain::LogId log);
Result<std::optional<ParticipantRow>> active_participation(Transaction& tx, domain::LogId log,
                                                           domain::PersonId person);
Result<std::optional<ParticipantRow>> find_participant(Transaction& tx, domain::ParticipantId id);
// Ends an active participation; kConflict if it had already ended.
Result<void> end_participant(Transaction& tx, domain::ParticipantId id, domain::PersonId by,
                             const std::string& reason, TimePoint now);
Result<void> set_participant_hidden(Transaction& tx, domain::ParticipantId id, bool hidden);

Result<void> insert_holder(Transaction& tx, domain::LogId log, domain::ParticipantId holder, TimePoint now);
Result<std::optional<domain::ParticipantId>> holder_of(Transaction& tx, domain::LogId log);

// A new pending handover; kConflict if one is already pending for the log.
Result<domain::HandoverId> insert_handover(Transaction& tx, domain::LogId log, domain::ParticipantId from,
                                           domain::ParticipantId to, domain::PersonId by, TimePoint now);
Result<std::optional<HandoverRow>> pending_handover(Transaction& tx, domain::LogId log);
// Accepts the pending handover: moves the holder from `from` to `to` only if
// `from` still holds the log and the handover is still pending (compare and
// set), so two acceptances at once end with exactly one holder. kConflict if
// anything changed in between.
Result<void> accept_handover(Transaction& tx, const HandoverRow& handover, domain::PersonId by, TimePoint now);
Result<void> decide_handover(Transaction& tx, domain::HandoverId id, const std::string& status,
                             domain::PersonId by, TimePoint now);

// Logs the person may have some relation to: an active participation, a log
// about a child they have parental responsibility for now, or about themselves.
Result<std::vector<domain::LogId>> candidate_logs(Transaction& tx, domain::PersonId person, TimePoint now);

}  // namespace stafett::store
