#include "store/arena_repository.h"

namespace stafett::store {
namespace {

constexpr const char* kArenaColumns =
    "SELECT id, municipality_id, name, purpose, level_from, level_to, frequency, children_attend, parents_attend,"
    " how_to_bring, anonymous_cases, log_cases, is_public FROM arena ";

domain::Arena arena_of(const Row& r) {
  domain::Arena a;
  a.id = r.int64(0);
  a.municipality = domain::MunicipalityId{r.int64(1)};
  a.name = r.text(2);
  a.purpose = r.text(3);
  a.level_from = static_cast<int>(r.int64(4));
  a.level_to = static_cast<int>(r.int64(5));
  a.frequency = r.text(6);
  a.children = domain::attendance_from_code(r.text(7)).value_or(domain::Attendance::kNo);
  a.parents = domain::attendance_from_code(r.text(8)).value_or(domain::Attendance::kNo);
  a.how_to_bring = r.text(9);
  a.anonymous_cases = r.int64(10) != 0;
  a.log_cases = r.int64(11) != 0;
  a.is_public = r.int64(12) != 0;
  return a;
}

Result<void> add_members(Transaction& tx, std::vector<domain::Arena>& arenas, const std::string& which,
                         const Params& params) {
  auto rows = tx.query("SELECT m.arena_id, u.id, u.name, m.fixed FROM arena_member m JOIN unit u ON u.id = m.unit_id"
                       " WHERE m.arena_id IN (" + which + ") ORDER BY m.fixed DESC, u.name, u.id",
                       params);
  if (!rows) return rows.error();
  for (const Row& r : *rows) {
    for (auto& a : arenas) {
      if (a.id == r.int64(0)) a.members.push_back({domain::UnitId{r.int64(1)}, r.text(2), r.int64(3) != 0});
    }
  }
  return {};
}

Result<void> write_members(Transaction& tx, const domain::Arena& a) {
  for (const auto& m : a.members) {
    auto r = tx.execute("INSERT INTO arena_member (arena_id, unit_id, fixed) VALUES (?, ?, ?)",
                        {a.id, m.unit.value, std::int64_t{m.fixed ? 1 : 0}});
    if (!r) return r.error();
  }
  return {};
}

Params arena_values(const domain::Arena& a) {
  return {a.name, a.purpose, static_cast<std::int64_t>(a.level_from), static_cast<std::int64_t>(a.level_to),
          a.frequency, std::string(domain::attendance_code(a.children)), std::string(domain::attendance_code(a.parents)),
          a.how_to_bring, std::int64_t{a.anonymous_cases ? 1 : 0}, std::int64_t{a.log_cases ? 1 : 0},
          std::int64_t{a.is_public ? 1 : 0}};
}


}  // namespace

Result<std::int64_t> insert_arena(Transaction& tx, const domain::Arena& a, TimePoint now) {
  Params params{a.municipality.value};
  for (auto& v : arena_values(a)) params.push_back(std::move(v));
  params.push_back(to_unix_ms(now));
  auto rows = tx.query(
      "INSERT INTO arena (municipality_id, name, purpose, level_from, level_to, frequency, children_attend,"
      " parents_attend, how_to_bring, anonymous_cases, log_cases, is_public, created_at_ms)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      params);
  if (!rows) return rows.error();
  domain::Arena stored = a;
  stored.id = rows->front().int64(0);
  if (auto r = write_members(tx, stored); !r) return r.error();
  return stored.id;
}

Result<void> update_arena(Transaction& tx, const domain::Arena& a) {
  Params params = arena_values(a);
  params.push_back(a.id);
  auto r = tx.execute(
      "UPDATE arena SET name = ?, purpose = ?, level_from = ?, level_to = ?, frequency = ?, children_attend = ?,"
      " parents_attend = ?, how_to_bring = ?, anonymous_cases = ?, log_cases = ?, is_public = ? WHERE id = ?",
      params);
  if (!r) return r.error();
  auto cleared = tx.execute("DELETE FROM arena_member WHERE arena_id = ?", {a.id});
  if (!cleared) return cleared.error();
  return write_members(tx, a);
}

Result<std::vector<domain::Arena>> arenas_of(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(std::string(kArenaColumns) + "WHERE municipality_id = ? ORDER BY name, id", {municipality.value});
  if (!rows) return rows.error();
  std::vector<domain::Arena> out;
  for (const Row& r : *rows) out.push_back(arena_of(r));
  if (auto m = add_members(tx, out, "SELECT id FROM arena WHERE municipality_id = ?", {municipality.value}); !m) {
    return m.error();
  }
  return out;
}

Result<std::optional<domain::Arena>> find_arena(Transaction& tx, std::int64_t id) {
  auto rows = tx.query(std::string(kArenaColumns) + "WHERE id = ?", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::Arena>{};
  std::vector<domain::Arena> one{arena_of(rows->front())};
  if (auto m = add_members(tx, one, "?", {id}); !m) return m.error();
  return std::optional<domain::Arena>{std::move(one.front())};
}

Result<bool> works_in_arena(Transaction& tx, std::int64_t arena, domain::PersonId person, TimePoint now) {
  auto rows = tx.query(
      "SELECT 1 FROM employment e JOIN arena_member m ON m.unit_id = e.unit_id"
      " WHERE m.arena_id = ? AND e.person_id = ? AND e.valid_from_ms <= ? AND (e.valid_to_ms IS NULL OR e.valid_to_ms > ?)"
      " LIMIT 1",
      {arena, person.value, to_unix_ms(now), to_unix_ms(now)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::int64_t> insert_arena_meeting(Transaction& tx, std::int64_t arena, TimePoint starts_at,
                                          const std::string& place, domain::PersonId by, TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO arena_meeting (arena_id, starts_at_ms, place, minutes, created_at_ms, created_by_person_id)"
      " VALUES (?, ?, ?, '', ?, ?) RETURNING id",
      {arena, to_unix_ms(starts_at), place, to_unix_ms(now), by.value});
  if (!rows) return rows.error();
  return rows->front().int64(0);
}

namespace {
constexpr const char* kMeetingColumns =
    "SELECT m.id, m.arena_id, m.starts_at_ms, m.place, m.minutes, m.minutes_at_ms,"
    " COALESCE(p.given_name || ' ' || p.family_name, '') FROM arena_meeting m"
    " LEFT JOIN person p ON p.id = m.minutes_by_person_id ";

domain::ArenaMeeting meeting_of(const Row& r) {
  domain::ArenaMeeting m;
  m.id = r.int64(0);
  m.arena = r.int64(1);
  m.starts_at = from_unix_ms(r.int64(2));
  m.place = r.text(3);
  m.minutes = r.text(4);
  if (!r.is_null(5)) m.minutes_at = from_unix_ms(r.int64(5));
  m.minutes_by_name = r.text(6);
  return m;
}
}  // namespace

Result<std::vector<domain::ArenaMeeting>> meetings_of(Transaction& tx, std::int64_t arena) {
  auto rows = tx.query(std::string(kMeetingColumns) + "WHERE m.arena_id = ? ORDER BY m.starts_at_ms DESC, m.id DESC",
                       {arena});
  if (!rows) return rows.error();
  std::vector<domain::ArenaMeeting> out;
  for (const Row& r : *rows) out.push_back(meeting_of(r));
  return out;
}

Result<std::optional<domain::ArenaMeeting>> find_arena_meeting(Transaction& tx, std::int64_t arena,
                                                               std::int64_t meeting) {
  auto rows = tx.query(std::string(kMeetingColumns) + "WHERE m.arena_id = ? AND m.id = ?", {arena, meeting});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::ArenaMeeting>{};
  auto m = meeting_of(rows->front());
  auto cases = tx.query(
      "SELECT c.id, c.kind, COALESCE(c.age_band, ''), c.log_id, c.description, c.brought_by_person_id,"
      " p.given_name || ' ' || p.family_name, c.brought_at_ms, c.decision, c.decision_entry_id"
      " FROM arena_case c JOIN person p ON p.id = c.brought_by_person_id WHERE c.meeting_id = ? ORDER BY c.id",
      {meeting});
  if (!cases) return cases.error();
  for (const Row& r : *cases) {
    domain::ArenaCase c;
    c.id = r.int64(0);
    c.meeting = meeting;
    c.anonymous = r.text(1) == "anonymous";
    c.age_band = r.text(2);
    if (!r.is_null(3)) c.log = domain::LogId{r.int64(3)};
    c.description = r.text(4);
    c.brought_by = domain::PersonId{r.int64(5)};
    c.brought_by_name = r.text(6);
    c.brought_at = from_unix_ms(r.int64(7));
    if (!r.is_null(8)) c.decision = r.text(8);
    if (!r.is_null(9)) c.decision_entry = domain::EntryId{r.int64(9)};
    m.cases.push_back(std::move(c));
  }
  return std::optional<domain::ArenaMeeting>{std::move(m)};
}

Result<void> save_arena_minutes(Transaction& tx, std::int64_t meeting, const std::string& minutes,
                                domain::PersonId by, TimePoint now) {
  auto r = tx.execute("UPDATE arena_meeting SET minutes = ?, minutes_at_ms = ?, minutes_by_person_id = ? WHERE id = ?",
                      {minutes, to_unix_ms(now), by.value, meeting});
  if (!r) return r.error();
  return {};
}

Result<std::int64_t> insert_arena_case(Transaction& tx, const domain::ArenaCase& c, TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO arena_case (meeting_id, kind, age_band, description, log_id, brought_by_person_id, brought_at_ms)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {c.meeting, std::string(c.anonymous ? "anonymous" : "log"), c.anonymous ? Value{c.age_band} : Value{Null{}},
       c.description, c.log ? Value{c.log->value} : Value{Null{}}, c.brought_by.value, to_unix_ms(now)});
  if (!rows) return rows.error();
  return rows->front().int64(0);
}

Result<void> decide_arena_case(Transaction& tx, std::int64_t case_id, const std::string& decision,
                               std::optional<domain::EntryId> entry, domain::PersonId by, TimePoint now) {
  auto r = tx.execute(
      "UPDATE arena_case SET decision = ?, decided_at_ms = ?, decided_by_person_id = ?, decision_entry_id = ?"
      " WHERE id = ? AND decision IS NULL",
      {decision, to_unix_ms(now), by.value, entry ? Value{entry->value} : Value{Null{}}, case_id});
  if (!r) return r.error();
  return {};
}

Result<std::int64_t> arena_case_count(Transaction& tx, std::int64_t arena, TimePoint since) {
  auto rows = tx.query(
      "SELECT COUNT(*) FROM arena_case c JOIN arena_meeting m ON m.id = c.meeting_id"
      " WHERE m.arena_id = ? AND m.starts_at_ms >= ?",
      {arena, to_unix_ms(since)});
  if (!rows) return rows.error();
  return rows->front().int64(0);
}

}  // namespace stafett::store
