#include "store/log_repository.h"

namespace stafett::store {
namespace {

constexpr const char* kParticipantSelect =
    "SELECT p.id, p.log_id, p.person_id, p.role, p.unit_id, p.hidden, p.added_at_ms, p.ended_at_ms,"
    " pe.given_name, pe.family_name, pe.birth_date, u.municipality_id, u.name, u.service_type"
    " FROM participant p JOIN person pe ON pe.id = p.person_id LEFT JOIN unit u ON u.id = p.unit_id ";

Result<ParticipantRow> participant_of(const Row& r) {
  auto role = domain::participant_role_from_code(r.text(3));
  if (!role) return make_error(Errc::kInternal, "unknown participant role in database");
  ParticipantRow out;
  auto& p = out.participant;
  p.id = domain::ParticipantId{r.int64(0)};
  p.log = domain::LogId{r.int64(1)};
  p.person = domain::PersonId{r.int64(2)};
  p.role = *role;
  if (!r.is_null(4)) p.unit = domain::UnitId{r.int64(4)};
  p.hidden = r.int64(5) != 0;
  p.added_at = from_unix_ms(r.int64(6));
  if (!r.is_null(7)) p.ended_at = from_unix_ms(r.int64(7));
  out.person = PersonRow{p.person, r.text(8), r.text(9),
                         r.is_null(10) ? std::nullopt : std::optional<std::string>(r.text(10))};
  if (p.unit) {
    auto service = domain::service_type_from_code(r.text(13));
    if (!service) return make_error(Errc::kInternal, "unknown service type in database");
    out.unit = UnitRow{*p.unit, domain::MunicipalityId{r.int64(11)}, r.text(12), *service};
  }
  return out;
}

Result<std::vector<ParticipantRow>> participants_from(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  std::vector<ParticipantRow> out;
  for (const Row& r : *rows) {
    auto p = participant_of(r);
    if (!p) return p.error();
    out.push_back(std::move(*p));
  }
  return out;
}

}  // namespace

Result<domain::LogId> insert_log(Transaction& tx, domain::PersonId child, domain::MunicipalityId municipality,
                                 int level, domain::PersonId opened_by, const std::string& reason, TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO log (child_person_id, municipality_id, status, level, opened_at_ms, opened_by_person_id)"
      " VALUES (?, ?, 'closed', ?, ?, ?) RETURNING id",
      {child.value, municipality.value, std::int64_t{level}, to_unix_ms(now), opened_by.value});
  if (!rows) return rows.error();
  const domain::LogId id{rows->front().int64(0)};
  auto ev = tx.execute(
      "INSERT INTO log_event (log_id, kind, to_level, reason, by_person_id, at_ms) VALUES (?, 'opened', ?, ?, ?, ?)",
      {id.value, std::int64_t{level}, reason, opened_by.value, to_unix_ms(now)});
  if (!ev) return ev.error();
  return id;
}

Result<void> open_new_log(Transaction& tx, domain::LogId log) {
  auto r = tx.execute("UPDATE log SET status = 'open' WHERE id = ? AND status = 'closed'", {log.value});
  if (!r) return r.error();
  if (*r != 1) return make_error(Errc::kConflict, "log is not new");
  return {};
}

Result<std::optional<LogRow>> find_log(Transaction& tx, domain::LogId id) {
  auto rows = tx.query(
      "SELECT id, child_person_id, municipality_id, status, level, opened_at_ms FROM log WHERE id = ?", {id.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<LogRow>{};
  const Row& r = rows->front();
  auto status = domain::log_status_from_code(r.text(3));
  if (!status) return make_error(Errc::kInternal, "unknown log status in database");
  return std::optional<LogRow>{LogRow{domain::LogId{r.int64(0)}, domain::PersonId{r.int64(1)},
                                      domain::MunicipalityId{r.int64(2)}, *status, static_cast<int>(r.int64(4)),
                                      from_unix_ms(r.int64(5))}};
}

Result<void> set_log_status(Transaction& tx, domain::LogId log, domain::LogStatus status, const std::string& kind,
                            const std::string& reason, std::optional<domain::PersonId> by, TimePoint now) {
  const std::string code(domain::log_status_code(status));
  auto changed = tx.execute("UPDATE log SET status = ? WHERE id = ? AND status <> ?", {code, log.value, code});
  if (!changed) return changed.error();
  if (*changed != 1) return make_error(Errc::kConflict, "log already " + code);
  return record_log_event(tx, log, kind, reason, by, now);
}

Result<void> record_log_event(Transaction& tx, domain::LogId log, const std::string& kind, const std::string& reason,
                              std::optional<domain::PersonId> by, TimePoint now) {
  auto ev = tx.execute("INSERT INTO log_event (log_id, kind, reason, by_person_id, at_ms) VALUES (?, ?, ?, ?, ?)",
                       {log.value, kind, reason, by ? Value{by->value} : Value{Null{}}, to_unix_ms(now)});
  if (!ev) return ev.error();
  return {};
}

Result<void> change_level(Transaction& tx, domain::LogId log, int from, int to, const std::string& reason,
                          domain::PersonId by, TimePoint now) {
  auto changed = tx.execute("UPDATE log SET level = ? WHERE id = ? AND level = ?",
                            {std::int64_t{to}, log.value, std::int64_t{from}});
  if (!changed) return changed.error();
  if (*changed != 1) return make_error(Errc::kConflict, "the level changed in the meantime");
  auto ev = tx.execute(
      "INSERT INTO log_event (log_id, kind, from_level, to_level, reason, by_person_id, at_ms)"
      " VALUES (?, 'level_changed', ?, ?, ?, ?, ?)",
      {log.value, std::int64_t{from}, std::int64_t{to}, reason, by.value, to_unix_ms(now)});
  if (!ev) return ev.error();
  return {};
}

Result<void> move_log(Transaction& tx, domain::LogId log, domain::MunicipalityId to, domain::PersonId by,
                      TimePoint now) {
  auto rows = tx.query("SELECT municipality_id FROM log WHERE id = ?", {log.value});
  if (!rows) return rows.error();
  if (rows->empty()) return make_error(Errc::kNotFound, "log");
  const std::int64_t from = rows->front().int64(0);
  if (from == to.value) return {};
  auto moved = tx.execute("UPDATE log SET municipality_id = ? WHERE id = ? AND municipality_id = ?",
                          {to.value, log.value, from});
  if (!moved) return moved.error();
  if (*moved != 1) return make_error(Errc::kConflict, "log moved in the meantime");
  auto r = tx.execute(
      "INSERT INTO log_move (log_id, from_municipality_id, to_municipality_id, by_person_id, at_ms)"
      " VALUES (?, ?, ?, ?, ?)",
      {log.value, from, to.value, by.value, to_unix_ms(now)});
  if (!r) return r.error();
  return {};
}

Result<std::vector<LogEventRow>> log_events(Transaction& tx, domain::LogId log) {
  auto rows = tx.query(
      "SELECT kind, from_level, to_level, reason, by_person_id, at_ms FROM log_event WHERE log_id = ? ORDER BY id",
      {log.value});
  if (!rows) return rows.error();
  std::vector<LogEventRow> out;
  for (const Row& r : *rows) {
    LogEventRow e;
    e.kind = r.text(0);
    if (!r.is_null(1)) e.from_level = static_cast<int>(r.int64(1));
    if (!r.is_null(2)) e.to_level = static_cast<int>(r.int64(2));
    e.reason = r.text(3);
    if (!r.is_null(4)) e.by = domain::PersonId{r.int64(4)};
    e.at = from_unix_ms(r.int64(5));
    out.push_back(std::move(e));
  }
  return out;
}

Result<domain::ParticipantId> insert_participant(Transaction& tx, const domain::Participant& p,
                                                 domain::PersonId added_by) {
  auto rows = tx.query(
      "INSERT INTO participant (log_id, person_id, role, unit_id, hidden, added_at_ms, added_by_person_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {p.log.value, p.person.value, std::string(domain::participant_role_code(p.role)),
       p.unit ? Value{p.unit->value} : Value{Null{}}, std::int64_t{p.hidden ? 1 : 0}, to_unix_ms(p.added_at),
       added_by.value});
  if (!rows) return rows.error();
  return domain::ParticipantId{rows->front().int64(0)};
}

Result<std::vector<ParticipantRow>> participants_of(Transaction& tx, domain::LogId log) {
  return participants_from(tx.query(std::string(kParticipantSelect) + "WHERE p.log_id = ? ORDER BY p.id", {log.value}));
}

Result<std::optional<ParticipantRow>> active_participation(Transaction& tx, domain::LogId log,
                                                           domain::PersonId person) {
  auto list = participants_from(tx.query(
      std::string(kParticipantSelect) + "WHERE p.log_id = ? AND p.person_id = ? AND p.ended_at_ms IS NULL",
      {log.value, person.value}));
  if (!list) return list.error();
  if (list->empty()) return std::optional<ParticipantRow>{};
  return std::optional<ParticipantRow>{std::move(list->front())};
}

Result<std::optional<ParticipantRow>> find_participant(Transaction& tx, domain::ParticipantId id) {
  auto list = participants_from(tx.query(std::string(kParticipantSelect) + "WHERE p.id = ?", {id.value}));
  if (!list) return list.error();
  if (list->empty()) return std::optional<ParticipantRow>{};
  return std::optional<ParticipantRow>{std::move(list->front())};
}

Result<void> end_participant(Transaction& tx, domain::ParticipantId id, domain::PersonId by,
                             const std::string& reason, TimePoint now) {
  auto r = tx.execute(
      "UPDATE participant SET ended_at_ms = ?, ended_by_person_id = ?, end_reason = ?"
      " WHERE id = ? AND ended_at_ms IS NULL",
      {to_unix_ms(now), by.value, reason, id.value});
  if (!r) return r.error();
  if (*r != 1) return make_error(Errc::kConflict, "participant already ended");
  return {};
}

Result<void> set_participant_hidden(Transaction& tx, domain::ParticipantId id, bool hidden) {
  auto r = tx.execute("UPDATE participant SET hidden = ? WHERE id = ? AND ended_at_ms IS NULL",
                      {std::int64_t{hidden ? 1 : 0}, id.value});
  if (!r) return r.error();
  if (*r != 1) return make_error(Errc::kConflict, "participant has ended");
  return {};
}

Result<void> insert_holder(Transaction& tx, domain::LogId log, domain::ParticipantId holder, TimePoint now) {
  auto r = tx.execute("INSERT INTO log_holder (log_id, participant_id, since_ms) VALUES (?, ?, ?)",
                      {log.value, holder.value, to_unix_ms(now)});
  if (!r) return r.error();
  return {};
}

Result<std::optional<domain::ParticipantId>> holder_of(Transaction& tx, domain::LogId log) {
  auto rows = tx.query("SELECT participant_id FROM log_holder WHERE log_id = ?", {log.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::ParticipantId>{};
  return std::optional<domain::ParticipantId>{domain::ParticipantId{rows->front().int64(0)}};
}

Result<domain::HandoverId> insert_handover(Transaction& tx, domain::LogId log, domain::ParticipantId from,
                                           domain::ParticipantId to, domain::PersonId by, TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO handover (log_id, from_participant_id, to_participant_id, proposed_at_ms,"
      " proposed_by_person_id, status) VALUES (?, ?, ?, ?, ?, 'pending') RETURNING id",
      {log.value, from.value, to.value, to_unix_ms(now), by.value});
  if (!rows) return rows.error();
  return domain::HandoverId{rows->front().int64(0)};
}

Result<std::optional<HandoverRow>> pending_handover(Transaction& tx, domain::LogId log) {
  auto rows = tx.query(
      "SELECT id, log_id, from_participant_id, to_participant_id, proposed_at_ms FROM handover"
      " WHERE log_id = ? AND status = 'pending'",
      {log.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<HandoverRow>{};
  const Row& r = rows->front();
  return std::optional<HandoverRow>{HandoverRow{domain::HandoverId{r.int64(0)}, domain::LogId{r.int64(1)},
                                                domain::ParticipantId{r.int64(2)}, domain::ParticipantId{r.int64(3)},
                                                from_unix_ms(r.int64(4))}};
}

Result<void> decide_handover(Transaction& tx, domain::HandoverId id, const std::string& status,
                             domain::PersonId by, TimePoint now) {
  auto r = tx.execute(
      "UPDATE handover SET status = ?, decided_at_ms = ?, decided_by_person_id = ? WHERE id = ? AND status = 'pending'",
      {status, to_unix_ms(now), by.value, id.value});
  if (!r) return r.error();
  if (*r != 1) return make_error(Errc::kConflict, "handover already decided");
  return {};
}

Result<void> accept_handover(Transaction& tx, const HandoverRow& h, domain::PersonId by, TimePoint now) {
  if (auto d = decide_handover(tx, h.id, "accepted", by, now); !d) return d.error();
  auto moved = tx.execute(
      "UPDATE log_holder SET participant_id = ?, since_ms = ? WHERE log_id = ? AND participant_id = ?",
      {h.to.value, to_unix_ms(now), h.log.value, h.from.value});
  if (!moved) return moved.error();
  if (*moved != 1) return make_error(Errc::kConflict, "the log changed holder in the meantime");
  return {};
}

Result<std::vector<domain::LogId>> candidate_logs(Transaction& tx, domain::PersonId person, TimePoint now) {
  auto rows = tx.query(
      "SELECT id FROM log WHERE id IN ("
      "  SELECT log_id FROM participant WHERE person_id = ? AND ended_at_ms IS NULL"
      "  UNION SELECT l.id FROM log l JOIN parental_responsibility pr ON pr.child_person_id = l.child_person_id"
      "   WHERE pr.guardian_person_id = ? AND pr.valid_from_ms <= ? AND (pr.valid_to_ms IS NULL OR pr.valid_to_ms > ?)"
      "  UNION SELECT id FROM log WHERE child_person_id = ?)"
      " ORDER BY id DESC",
      {person.value, person.value, to_unix_ms(now), to_unix_ms(now), person.value});
  if (!rows) return rows.error();
  std::vector<domain::LogId> out;
  for (const Row& r : *rows) out.push_back(domain::LogId{r.int64(0)});
  return out;
}

}  // namespace stafett::store
