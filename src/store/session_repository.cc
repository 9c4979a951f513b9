#include "store/session_repository.h"

namespace stafett::store {

Result<void> insert_session(Transaction& tx, const Blob& token_hash, domain::PersonId person,
                            const std::string& actor_kind, const std::string& csrf_token, TimePoint now,
                            TimePoint expires, TimePoint authenticated_at, const std::string& assurance,
                            const std::optional<SessionProvider>& provider) {
  const Value issuer = provider ? Value(provider->issuer) : Value(Null{});
  const Value sid = provider && provider->sid ? Value(*provider->sid) : Value(Null{});
  const Value id_token = provider ? Value(provider->id_token) : Value(Null{});
  auto r = tx.execute(
      "INSERT INTO session (token_hash, person_id, actor_kind, csrf_token, created_at_ms, last_seen_at_ms,"
      " expires_at_ms, authenticated_at_ms, assurance, provider_issuer, provider_sid, id_token)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {token_hash, person.value, actor_kind, csrf_token, to_unix_ms(now), to_unix_ms(now), to_unix_ms(expires),
       to_unix_ms(authenticated_at), assurance, issuer, sid, id_token});
  if (!r) return r.error();
  return {};
}

namespace {

constexpr const char* kSessionColumns =
    "SELECT id, person_id, actor_kind, csrf_token, last_seen_at_ms, expires_at_ms,"
    " COALESCE(authenticated_at_ms, created_at_ms), provider_issuer, COALESCE(assurance, '') FROM session";

Result<std::optional<SessionRow>> one_session(Result<Rows> rows) {
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<SessionRow>{};
  const Row& r = rows->front();
  SessionRow row{r.int64(0), domain::PersonId{r.int64(1)}, r.text(2), r.text(3), from_unix_ms(r.int64(4)),
                 from_unix_ms(r.int64(5)), from_unix_ms(r.int64(6)), std::nullopt, r.text(8)};
  if (!r.is_null(7)) row.provider_issuer = r.text(7);
  return std::optional<SessionRow>{std::move(row)};
}

}  // namespace

Result<std::optional<SessionRow>> find_live_session(Transaction& tx, const Blob& token_hash, TimePoint now) {
  return one_session(tx.query(std::string(kSessionColumns) +
                                  " WHERE token_hash = ? AND ended_at_ms IS NULL AND expires_at_ms > ?",
                              {token_hash, to_unix_ms(now)}));
}

Result<std::optional<SessionRow>> find_live_session_by_id(Transaction& tx, std::int64_t id, TimePoint now) {
  return one_session(tx.query(std::string(kSessionColumns) + " WHERE id = ? AND ended_at_ms IS NULL AND expires_at_ms > ?",
                              {id, to_unix_ms(now)}));
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

Result<std::optional<SessionProvider>> find_session_provider(Transaction& tx, std::int64_t id) {
  auto rows = tx.query("SELECT provider_issuer, provider_sid, id_token FROM session WHERE id = ?", {id});
  if (!rows) return rows.error();
  if (rows->empty() || rows->front().is_null(0) || rows->front().is_null(2)) {
    return std::optional<SessionProvider>{};
  }
  const Row& r = rows->front();
  SessionProvider out{r.text(0), std::nullopt, r.text(2)};
  if (!r.is_null(1)) out.sid = r.text(1);
  return std::optional<SessionProvider>{std::move(out)};
}

Result<std::int64_t> end_sessions_by_provider_sid(Transaction& tx, const std::string& issuer, const std::string& sid,
                                                  TimePoint now) {
  return tx.execute(
      "UPDATE session SET ended_at_ms = ? WHERE provider_issuer = ? AND provider_sid = ? AND ended_at_ms IS NULL",
      {to_unix_ms(now), issuer, sid});
}

Result<std::int64_t> end_sessions_of_person_from_issuer(Transaction& tx, domain::PersonId person,
                                                        const std::string& issuer, TimePoint now) {
  return tx.execute(
      "UPDATE session SET ended_at_ms = ? WHERE person_id = ? AND provider_issuer = ? AND ended_at_ms IS NULL"
      " AND expires_at_ms > ?",
      {to_unix_ms(now), person.value, issuer, to_unix_ms(now)});
}

}  // namespace stafett::store
