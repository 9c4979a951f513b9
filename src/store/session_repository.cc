#include "store/session_repository.h"

namespace stafett::store {

Result<void> insert_session(Transaction& tx, const Blob& token_hash, domain::PersonId person,
                            const std::string& actor_kind, const std::string& csrf_token, TimePoint now,
                            TimePoint expires) {
  auto r = tx.execute(
      "INSERT INTO session (token_hash, person_id, actor_kind, csrf_token, created_at_ms, last_seen_at_ms,"
      " expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {token_hash, person.value, actor_kind, csrf_token, to_unix_ms(now), to_unix_ms(now), to_unix_ms(expires)});
  if (!r) return r.error();
  return {};
}

Result<std::optional<SessionRow>> find_live_session(Transaction& tx, const Blob& token_hash, TimePoint now) {
  auto rows = tx.query(
      "SELECT id, person_id, actor_kind, csrf_token, last_seen_at_ms, expires_at_ms FROM session"
      " WHERE token_hash = ? AND ended_at_ms IS NULL AND expires_at_ms > ?",
      {token_hash, to_unix_ms(now)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<SessionRow>{};
  const Row& r = rows->front();
  return std::optional<SessionRow>{SessionRow{r.int64(0), domain::PersonId{r.int64(1)}, r.text(2), r.text(3),
                                              from_unix_ms(r.int64(4)), from_unix_ms(r.int64(5))}};
}

Result<void> touch_session(Transaction& tx, std::int64_t id, TimePoint now) {
  auto r = tx.execute("UPDATE session SET last_seen_at_ms = ? WHERE id = ?", {to_unix_ms(now), id});
  if (!r) return r.error();
  return {};
}

Result<void> end_session(Transaction& tx, std::int64_t id, TimePoint now) {
  auto r = tx.execute("UPDATE session SET ended_at_ms = ? WHERE id = ? AND ended_at_ms IS NULL", {to_unix_ms(now), id});
  if (!r) return r.error();
  return {};
}

}  // namespace stafett::store
