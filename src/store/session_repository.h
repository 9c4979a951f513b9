#pragma once
// SQL for server-side sessions. The browser holds a random token; the
// database holds only its hash, so a copy of the database logs nobody in.
#include <optional>
#include <string>

#include "core/clock.h"
#include "domain/ids.h"
#include "store/database.h"

namespace stafett::store {

struct SessionRow {
  std::int64_t id = 0;
  domain::PersonId person;
  std::string actor_kind;  // "employee" or "citizen"
  std::string csrf_token;
  TimePoint last_seen;
  TimePoint expires;
  TimePoint authenticated_at;  // last proof of identity at the provider (or the demo login)
  std::optional<std::string> provider_issuer;  // nullopt for demo sessions
  std::string assurance;                       // the login's acr ("demo" for demo sessions)
};

// Where a session came from, for sessions from an identity provider.
struct SessionProvider {
  std::string issuer;
  std::optional<std::string> sid;  // the provider's session id, for front-channel logout
  std::string id_token;            // for id_token_hint at logout; never leaves the server otherwise
};

Result<void> insert_session(Transaction& tx, const Blob& token_hash, domain::PersonId person,
                            const std::string& actor_kind, const std::string& csrf_token, TimePoint now,
                            TimePoint expires, TimePoint authenticated_at, const std::string& assurance,
                            const std::optional<SessionProvider>& provider = std::nullopt);
// The provider of session `id`, or nullopt for a demo session.
Result<std::optional<SessionProvider>> find_session_provider(Transaction& tx, std::int64_t id);
// Ends every live session from `issuer` with the provider session id `sid`;
// returns how many.
Result<std::int64_t> end_sessions_by_provider_sid(Transaction& tx, const std::string& issuer, const std::string& sid,
                                                  TimePoint now);
// Ends every live session of `person` that came from `issuer` (an employee
// identity at that provider was removed); returns how many.
Result<std::int64_t> end_sessions_of_person_from_issuer(Transaction& tx, domain::PersonId person,
                                                        const std::string& issuer, TimePoint now);
// The live session with this token hash (not ended, not expired at `now`).
Result<std::optional<SessionRow>> find_live_session(Transaction& tx, const Blob& token_hash, TimePoint now);
// The same by the session's id (a renewal of its authentication names it).
Result<std::optional<SessionRow>> find_live_session_by_id(Transaction& tx, std::int64_t id, TimePoint now);
Result<void> touch_session(Transaction& tx, std::int64_t id, TimePoint now);
Result<void> end_session(Transaction& tx, std::int64_t id, TimePoint now);

}  // namespace stafett::store
