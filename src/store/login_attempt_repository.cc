#include "store/login_attempt_repository.h"

namespace stafett::store {

Result<void> insert_login_attempt(Transaction& tx, const Blob& state_hash, const LoginAttemptRow& row) {
  auto r = tx.execute(
      "INSERT INTO login_attempt (state_hash, browser_hash, provider, nonce, code_verifier, return_path,"
      " created_at_ms, renews_session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {state_hash, row.browser_hash, row.provider, row.nonce, row.code_verifier, row.return_path,
       to_unix_ms(row.created), row.renews_session ? Value(*row.renews_session) : Value(Null{})});
  if (!r) return r.error();
  return {};
}

Result<std::optional<LoginAttemptRow>> consume_login_attempt(Transaction& tx, const Blob& state_hash, TimePoint now) {
  auto changed = tx.execute("UPDATE login_attempt SET used_at_ms = ? WHERE state_hash = ? AND used_at_ms IS NULL",
                            {to_unix_ms(now), state_hash});
  if (!changed) return changed.error();
  if (*changed != 1) return std::optional<LoginAttemptRow>{};
  auto rows = tx.query(
      "SELECT provider, nonce, code_verifier, return_path, browser_hash, created_at_ms, renews_session_id"
      " FROM login_attempt"
      " WHERE state_hash = ?",
      {state_hash});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<LoginAttemptRow>{};
  const Row& r = rows->front();
  LoginAttemptRow row{r.text(0), r.text(1), r.text(2), r.text(3), r.blob(4), from_unix_ms(r.int64(5)), std::nullopt};
  if (!r.is_null(6)) row.renews_session = r.int64(6);
  return std::optional<LoginAttemptRow>{std::move(row)};
}

Result<void> use_up_login_attempts_of_browser(Transaction& tx, const Blob& browser_hash, TimePoint now) {
  auto r = tx.execute("UPDATE login_attempt SET used_at_ms = ? WHERE browser_hash = ? AND used_at_ms IS NULL",
                      {to_unix_ms(now), browser_hash});
  if (!r) return r.error();
  return {};
}

Result<void> delete_login_attempts_before(Transaction& tx, TimePoint before) {
  auto r = tx.execute("DELETE FROM login_attempt WHERE created_at_ms < ?", {to_unix_ms(before)});
  if (!r) return r.error();
  return {};
}

}  // namespace stafett::store
