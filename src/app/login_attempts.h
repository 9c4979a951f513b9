#pragma once
// Logins in progress at an identity provider. begin_login() remembers what
// the answer must match (state, nonce, PKCE verifier) and binds it to the
// browser's pre-login cookie; finish_login() hands it out exactly once,
// within kLoginAttemptLifetime, and only to the same browser. A state that
// is unknown, used, too old or from another browser gives nothing.
// The state and browser cookie are stored only as hashes.
#include <chrono>
#include <optional>
#include <string>

#include "core/clock.h"
#include "policy/actor.h"
#include "store/database.h"

namespace stafett::app {

inline constexpr std::chrono::minutes kLoginAttemptLifetime{10};

struct LoginAttempt {
  policy::ActorKind kind = policy::ActorKind::kCitizen;  // which provider: citizen or employee
  std::string nonce;
  std::string code_verifier;
  std::string return_path;  // already allow-listed by the caller
  // Set: the attempt renews this live session's authentication (prompt=login),
  // and the answer's auth_time must not be older than `started_at`.
  std::optional<std::int64_t> renews_session;
  TimePoint started_at;  // filled in by begin_login / finish_login
};

// Stores the attempt under `state`. REQUIRES: state and browser_token are
// random (>= 128 bits); kind is kCitizen or kEmployee.
Result<void> begin_login(store::Database& db, const std::string& state, const std::string& browser_token,
                         const LoginAttempt& attempt, const Clock& clock);

// The attempt for `state`, consumed, or nullopt (see above). On success the
// browser's other unused attempts are used up as well.
Result<std::optional<LoginAttempt>> finish_login(store::Database& db, const std::string& state,
                                                 const std::string& browser_token, const Clock& clock);

}  // namespace stafett::app
