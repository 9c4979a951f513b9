#pragma once
// SQL for retention (migrations 0018-0019): each municipality's settings, the
// closed logs and access records a run may remove, the gate that lets a run
// past the append-only triggers, and the removal itself. app/retention.h
// decides what is past retention and records it in the access chain.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "domain/retention.h"
#include "store/database.h"

namespace stafett::store {

// The settings of `municipality`; both unset when it has none.
Result<domain::RetentionSettings> retention_settings(Transaction& tx, domain::MunicipalityId municipality);
Result<void> save_retention_settings(Transaction& tx, domain::MunicipalityId municipality,
                                     const domain::RetentionSettings& settings, std::optional<domain::PersonId> by,
                                     TimePoint now);

struct ClosedLog {
  domain::LogId log;
  domain::PersonId child;
  TimePoint closed_since;  // the newest 'closed' event, or its creation for a log never opened
};
// Every closed log of `municipality`.
Result<std::vector<ClosedLog>> closed_logs(Transaction& tx, domain::MunicipalityId municipality);
// `log` when it is closed and still belongs to `municipality`; nullopt otherwise.
Result<std::optional<ClosedLog>> closed_log(Transaction& tx, domain::MunicipalityId municipality, domain::LogId log);

// One chained access record a run will redact: its sequence and stored hash.
struct ChainLink {
  std::int64_t sequence = 0;
  Blob hash;
};
// Every access record of `log` not yet redacted, by sequence.
Result<std::vector<ChainLink>> access_links_of_log(Transaction& tx, domain::LogId log);
// The reads (view, print, export) of `log` before `before`, by sequence.
Result<std::vector<ChainLink>> read_links_of_log_before(Transaction& tx, domain::LogId log, TimePoint before);

// Replaces each record's bytes with {"redacted_by":<by>} and clears its
// queryable copies (person, child, log, unit: 0 or NULL), keeping sequence
// and hash, so the chain still links through it.
Result<void> redact_access_records(Transaction& tx, const std::vector<ChainLink>& links, std::int64_t by);

// Opens the gate past the append-only delete triggers for the rest of `tx`;
// close_retention_gate() before `tx` commits.
Result<void> open_retention_gate(Transaction& tx);
Result<void> close_retention_gate(Transaction& tx);

// Deletes every row of `log` (content, consents, participants, events,
// moves, break-glass accesses, the log itself). Refuses, changing nothing,
// a log that is not closed. REQUIRES: the gate is open.
Result<void> delete_closed_log(Transaction& tx, domain::LogId log);

// The canonical bytes of a redacted record (the marker the verifier reads).
std::string redacted_record(std::int64_t by);
// The removal event's sequence a redacted record names; nullopt for any other record.
std::optional<std::int64_t> redacted_by(std::string_view record);

}  // namespace stafett::store
