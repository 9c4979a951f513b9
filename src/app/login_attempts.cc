#include "app/login_attempts.h"

#include <sodium.h>

#include "crypto/data_keys.h"
#include "store/login_attempt_repository.h"

namespace stafett::app {
namespace {

store::Blob hash_of(const std::string& secret) {
  const auto h = crypto::token_hash(secret);
  return store::Blob(h.begin(), h.end());
}

bool same_hash(const store::Blob& a, const store::Blob& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

Result<void> begin_login(store::Database& db, const std::string& state, const std::string& browser_token,
                         const LoginAttempt& attempt, const Clock& clock) {
  if (state.size() < 22 || browser_token.size() < 22) return make_error(Errc::kInvalidInput, "weak login state");
  if (attempt.kind == policy::ActorKind::kAnonymous) return make_error(Errc::kInvalidInput, "no provider");
  return db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    // Old attempts are of no use to anyone: drop them as new ones come.
    if (auto r = store::delete_login_attempts_before(tx, now - std::chrono::hours(24)); !r) return r.error();
    store::LoginAttemptRow row{attempt.kind == policy::ActorKind::kEmployee ? "employee" : "citizen",
                               attempt.nonce,
                               attempt.code_verifier,
                               attempt.return_path,
                               hash_of(browser_token),
                               now,
                               attempt.renews_session};
    return store::insert_login_attempt(tx, hash_of(state), row);
  });
}

Result<std::optional<LoginAttempt>> finish_login(store::Database& db, const std::string& state,
                                                 const std::string& browser_token, const Clock& clock) {
  if (state.empty() || state.size() > 200 || browser_token.empty()) return std::optional<LoginAttempt>{};
  return store::transact_value<std::optional<LoginAttempt>>(
      db, store::TxMode::kWrite, [&](store::Transaction& tx) -> Result<std::optional<LoginAttempt>> {
        const TimePoint now = clock.now();
        // Consumed whatever comes next: a state is tried once, also by the wrong browser.
        auto row = store::consume_login_attempt(tx, hash_of(state), now);
        if (!row) return row.error();
        if (!*row) return std::optional<LoginAttempt>{};
        if (!same_hash((*row)->browser_hash, hash_of(browser_token))) return std::optional<LoginAttempt>{};
        if ((*row)->created + kLoginAttemptLifetime <= now || (*row)->created > now + std::chrono::minutes(1)) {
          return std::optional<LoginAttempt>{};
        }
        // Other logins this browser started (other tabs) end here too: after
        // this answer the pre-login cookie is worth nothing.
        if (auto r = store::use_up_login_attempts_of_browser(tx, (*row)->browser_hash, now); !r) return r.error();
        return std::optional<LoginAttempt>{LoginAttempt{
            (*row)->provider == "employee" ? policy::ActorKind::kEmployee : policy::ActorKind::kCitizen,
            (*row)->nonce, (*row)->code_verifier, (*row)->return_path, (*row)->renews_session, (*row)->created}};
      });
}

}  // namespace stafett::app
