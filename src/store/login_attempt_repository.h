#pragma once
// SQL for logins in progress at an identity provider (see migrations 0012 and 0013).
#include <optional>
#include <string>

#include "core/clock.h"
#include "store/database.h"

namespace stafett::store {

struct LoginAttemptRow {
  std::string provider;  // "citizen" or "employee"
  std::string nonce;
  std::string code_verifier;
  std::string return_path;
  Blob browser_hash;
  TimePoint created;
  std::optional<std::int64_t> renews_session;  // a renewal of this live session's authentication
};

Result<void> insert_login_attempt(Transaction& tx, const Blob& state_hash, const LoginAttemptRow& row);

// Marks the unused attempt with this state hash used and returns it; nullopt
// when there is none or it was used before. One UPDATE ... WHERE used_at_ms
// IS NULL, so of two concurrent callers exactly one gets it.
Result<std::optional<LoginAttemptRow>> consume_login_attempt(Transaction& tx, const Blob& state_hash, TimePoint now);

// Marks every unused attempt of this browser used (after a login: the
// pre-login cookie is then worth nothing).
Result<void> use_up_login_attempts_of_browser(Transaction& tx, const Blob& browser_hash, TimePoint now);

// Deletes attempts created before `before` (used or not).
Result<void> delete_login_attempts_before(Transaction& tx, TimePoint before);

}  // namespace stafett::store
