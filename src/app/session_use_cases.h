#pragma once
// Sessions: who is logged in. Until ID-porten and the employee identity
// provider are connected, the only way in is the demo login (serve --demo),
// which picks one of the demo personas.
//
// A session lasts at most 12 hours (employees) or 2 hours (citizens) and ends
// after 30 minutes without a request; an employee's also ends at the next
// request after their last employment has ended. Rights are never stored in it: every
// request loads employments, parental responsibility and consent afresh.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "crypto/data_keys.h"
#include "policy/actor.h"
#include "store/database.h"

namespace stafett::app {

struct SessionInfo {
  std::int64_t id = 0;
  policy::Actor actor;
  std::string csrf_token;
  std::string display_name;
  TimePoint authenticated_at;  // the last proof of identity (see recently_authenticated)
  std::optional<std::string> provider_issuer;  // nullopt for demo sessions
  // For access records: the hex hash of the session token (never the token)
  // and the login's level of assurance.
  std::string token_hash;
  std::string assurance;
};

struct NewSession {
  std::string token;  // goes into the cookie; only its hash is stored
  SessionInfo info;
};

// How long a session may live: idle time since the last request, and at
// most since login. Configurable per deployment (cli/config.h).
struct SessionLimits {
  std::chrono::minutes idle{30};
  std::chrono::minutes citizen{120};
  std::chrono::minutes employee{720};
  // How recent the last proof of identity must be for acts that need a
  // recent login (consent on someone else's behalf, adding a participant,
  // exporting a whole log).
  std::chrono::minutes recent_login{15};
};

// True when the person proved who they are within `limits.recent_login`.
bool recently_authenticated(const SessionInfo& session, TimePoint now, const SessionLimits& limits);
// A session's last_seen is written at most this often (see resume_session).
inline constexpr std::chrono::minutes kTouchInterval{1};

// kForbidden when the person cannot log in as that kind of actor (an
// employee needs an active employment; a citizen a log they may see).
Result<NewSession> start_demo_session(store::Database& db, domain::PersonId person, policy::ActorKind kind,
                                      const Clock& clock, const SessionLimits& limits = {});
// A login verified by an identity provider (the id_token was validated and
// the person identified by app/login_identity.h).
struct VerifiedLoginSession {
  domain::PersonId person;
  policy::ActorKind kind = policy::ActorKind::kCitizen;
  std::string issuer;              // the provider's issuer
  std::optional<std::string> sid;  // its session id, for front-channel logout
  std::string id_token;            // kept server-side, for id_token_hint at logout
  std::optional<TimePoint> authenticated_at;  // the id_token's auth_time; absent: now
  std::string assurance = {};                 // the id_token's acr; empty when it has none
};
// A new session (a new random id, never one the browser had before) with the
// same checks as start_demo_session.
// The id_token is stored sealed with `keys` (it carries the national identity
// number), never in clear.
Result<NewSession> start_session(store::Database& db, const crypto::DataKeys& keys, const VerifiedLoginSession& login,
                                 const Clock& clock, const SessionLimits& limits = {});

// A renewed proof of identity for the live session `session_id`: one
// transaction ends it and starts a new session (a new id, a new CSRF token)
// for the same person and kind. A login by someone else renews nothing: the
// old session is ended all the same and the answer is nullopt. kNotFound when
// the old session is no longer live.
Result<std::optional<NewSession>> renew_session(store::Database& db, const crypto::DataKeys& keys,
                                                std::int64_t session_id, const VerifiedLoginSession& login,
                                                const Clock& clock, const SessionLimits& limits = {});
// The same for a demo session (serve --demo): the demo persona confirms.
Result<NewSession> renew_demo_session(store::Database& db, std::int64_t session_id, const Clock& clock,
                                      const SessionLimits& limits = {});

// What RP-initiated logout needs: the issuer and id_token of a session that
// came from an identity provider; nullopt for demo sessions.
struct ProviderLogoutHint {
  std::string issuer;
  std::string id_token;
};
Result<std::optional<ProviderLogoutHint>> provider_logout_hint(store::Database& db, const crypto::DataKeys& keys,
                                                              std::int64_t session_id);

// Front-channel logout: ends every live session with this issuer and
// provider session id (none found: nothing happens). Returns how many.
Result<std::int64_t> end_provider_sessions(store::Database& db, const std::string& issuer, const std::string& sid,
                                           const Clock& clock);

// The session for a cookie token, or nullopt when it does not exist, has
// ended, or has expired (idle or absolute).
Result<std::optional<SessionInfo>> resume_session(store::Database& db, const std::string& token, const Clock& clock,
                                                  const SessionLimits& limits = {});
Result<void> end_session(store::Database& db, std::int64_t session_id, const Clock& clock);

struct DemoPersona {
  domain::PersonId person;
  policy::ActorKind kind = policy::ActorKind::kEmployee;
  std::string name;
  std::string description;  // unit and title, or "guardian of ..."
};
Result<std::vector<DemoPersona>> demo_personas(store::Database& db, const Clock& clock);

}  // namespace stafett::app
