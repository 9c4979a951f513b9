#include "store/people_repository.h"

#include <algorithm>

namespace stafett::store {
namespace {

Value opt(const std::optional<TimePoint>& t) {
  return t ? Value{to_unix_ms(*t)} : Value{Null{}};
}

Result<UnitRow> unit_of(const Row& r, std::size_t at) {
  auto service = domain::service_type_from_code(r.text(at + 3));
  if (!service) return make_error(Errc::kInternal, "unknown service type in database");
  return UnitRow{domain::UnitId{r.int64(at)}, domain::MunicipalityId{r.int64(at + 1)}, r.text(at + 2), *service};
}

// Columns id, given_name, family_name, birth_date starting at `at`.
PersonRow person_of(const Row& r, std::size_t at) {
  return PersonRow{domain::PersonId{r.int64(at)}, r.text(at + 1), r.text(at + 2),
                   r.is_null(at + 3) ? std::nullopt : std::optional<std::string>(r.text(at + 3))};
}

template <class T>
Result<std::vector<T>> ids_of(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  std::vector<T> out;
  for (const Row& r : *rows) out.push_back(T{r.int64(0)});
  return out;
}

}  // namespace

Result<domain::UnitId> insert_unit(Transaction& tx, domain::MunicipalityId owner, const std::string& name,
                                   domain::ServiceType service, TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO unit (municipality_id, name, service_type, created_at_ms) VALUES (?, ?, ?, ?) RETURNING id",
      {owner.value, name, std::string(domain::service_type_code(service)), to_unix_ms(now)});
  if (!rows) return rows.error();
  const domain::UnitId id{rows->front().int64(0)};
  if (auto r = add_unit_serves(tx, id, owner); !r) return r.error();
  return id;
}

Result<void> add_unit_serves(Transaction& tx, domain::UnitId unit, domain::MunicipalityId municipality) {
  auto r = tx.execute(
      "INSERT INTO unit_serves (unit_id, municipality_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
      {unit.value, municipality.value});
  if (!r) return r.error();
  return {};
}

Result<std::optional<UnitRow>> find_unit(Transaction& tx, domain::UnitId unit) {
  auto rows = tx.query("SELECT id, municipality_id, name, service_type FROM unit WHERE id = ?", {unit.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<UnitRow>{};
  auto u = unit_of(rows->front(), 0);
  if (!u) return u.error();
  return std::optional<UnitRow>{*u};
}

Result<bool> unit_serves(Transaction& tx, domain::UnitId unit, domain::MunicipalityId municipality) {
  auto rows = tx.query("SELECT 1 FROM unit_serves WHERE unit_id = ? AND municipality_id = ?",
                       {unit.value, municipality.value});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::vector<UnitRow>> units_serving(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(
      "SELECT u.id, u.municipality_id, u.name, u.service_type FROM unit u"
      " JOIN unit_serves s ON s.unit_id = u.id WHERE s.municipality_id = ? ORDER BY u.name, u.id",
      {municipality.value});
  if (!rows) return rows.error();
  std::vector<UnitRow> out;
  for (const Row& r : *rows) {
    auto u = unit_of(r, 0);
    if (!u) return u.error();
    out.push_back(*u);
  }
  return out;
}

Result<std::vector<UnitRow>> all_units(Transaction& tx) {
  auto rows = tx.query("SELECT id, municipality_id, name, service_type FROM unit ORDER BY municipality_id, name, id");
  if (!rows) return rows.error();
  std::vector<UnitRow> out;
  for (const Row& r : *rows) {
    auto u = unit_of(r, 0);
    if (!u) return u.error();
    out.push_back(*u);
  }
  return out;
}

Result<domain::PersonId> insert_person(Transaction& tx, const NewPerson& p, TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO person (given_name, family_name, national_id_hash, national_id_sealed, birth_date,"
      " created_at_ms) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {p.given_name, p.family_name, p.national_id_hash ? Value{*p.national_id_hash} : Value{Null{}},
       p.national_id_sealed ? Value{*p.national_id_sealed} : Value{Null{}},
       p.birth_date ? Value{*p.birth_date} : Value{Null{}}, to_unix_ms(now)});
  if (!rows) return rows.error();
  return domain::PersonId{rows->front().int64(0)};
}

Result<std::optional<PersonRow>> find_person(Transaction& tx, domain::PersonId id) {
  auto rows = tx.query("SELECT id, given_name, family_name, birth_date FROM person WHERE id = ?", {id.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<PersonRow>{};
  return std::optional<PersonRow>{person_of(rows->front(), 0)};
}

Result<std::vector<PersonRow>> all_people(Transaction& tx) {
  auto rows = tx.query("SELECT id, given_name, family_name, birth_date FROM person ORDER BY id");
  if (!rows) return rows.error();
  std::vector<PersonRow> out;
  for (const Row& r : *rows) out.push_back(person_of(r, 0));
  return out;
}

Result<std::optional<domain::PersonId>> find_person_by_national_id_hash(Transaction& tx, const Blob& hash) {
  auto rows = tx.query("SELECT id FROM person WHERE national_id_hash = ?", {hash});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::PersonId>{};
  return std::optional<domain::PersonId>{domain::PersonId{rows->front().int64(0)}};
}

Result<std::int64_t> insert_employment(Transaction& tx, domain::PersonId person, domain::UnitId unit,
                                       const std::string& title, TimePoint from, std::optional<TimePoint> to) {
  auto rows = tx.query(
      "INSERT INTO employment (person_id, unit_id, title, valid_from_ms, valid_to_ms) VALUES (?, ?, ?, ?, ?)"
      " RETURNING id",
      {person.value, unit.value, title, to_unix_ms(from), opt(to)});
  if (!rows) return rows.error();
  return rows->front().int64(0);
}

Result<void> end_employment(Transaction& tx, std::int64_t employment_id, TimePoint at) {
  auto r = tx.execute("UPDATE employment SET valid_to_ms = ? WHERE id = ? AND (valid_to_ms IS NULL OR valid_to_ms > ?)",
                      {to_unix_ms(at), employment_id, to_unix_ms(at)});
  if (!r) return r.error();
  return {};
}

Result<std::vector<EmploymentRow>> active_employments(Transaction& tx, domain::PersonId person, TimePoint now) {
  auto rows = tx.query(
      "SELECT e.id, u.id, u.municipality_id, u.name, u.service_type, e.title FROM employment e"
      " JOIN unit u ON u.id = e.unit_id"
      " WHERE e.person_id = ? AND e.valid_from_ms <= ? AND (e.valid_to_ms IS NULL OR e.valid_to_ms > ?)"
      " ORDER BY u.name, e.id",
      {person.value, to_unix_ms(now), to_unix_ms(now)});
  if (!rows) return rows.error();
  std::vector<EmploymentRow> out;
  for (const Row& r : *rows) {
    auto u = unit_of(r, 1);
    if (!u) return u.error();
    out.push_back(EmploymentRow{r.int64(0), *u, r.text(5)});
  }
  return out;
}

Result<bool> has_any_employment(Transaction& tx, domain::PersonId person) {
  auto rows = tx.query("SELECT 1 FROM employment WHERE person_id = ? LIMIT 1", {person.value});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::vector<EmployeeRow>> employees_of_unit(Transaction& tx, domain::UnitId unit, TimePoint now) {
  auto rows = tx.query(
      "SELECT p.id, p.given_name, p.family_name, p.birth_date, e.title FROM employment e"
      " JOIN person p ON p.id = e.person_id"
      " WHERE e.unit_id = ? AND e.valid_from_ms <= ? AND (e.valid_to_ms IS NULL OR e.valid_to_ms > ?)"
      " ORDER BY p.family_name, p.given_name, p.id",
      {unit.value, to_unix_ms(now), to_unix_ms(now)});
  if (!rows) return rows.error();
  std::vector<EmployeeRow> out;
  for (const Row& r : *rows) out.push_back(EmployeeRow{person_of(r, 0), r.text(4)});
  return out;
}

Result<void> insert_municipal_role(Transaction& tx, domain::PersonId person, domain::MunicipalityId municipality,
                                   const std::string& role, TimePoint from) {
  auto r = tx.execute(
      "INSERT INTO municipal_role (person_id, municipality_id, role, valid_from_ms) VALUES (?, ?, ?, ?)",
      {person.value, municipality.value, role, to_unix_ms(from)});
  if (!r) return r.error();
  return {};
}

Result<bool> has_municipal_role(Transaction& tx, domain::PersonId person, domain::MunicipalityId municipality,
                                const std::string& role, TimePoint now) {
  auto rows = tx.query(
      "SELECT 1 FROM municipal_role WHERE person_id = ? AND municipality_id = ? AND role = ?"
      " AND valid_from_ms <= ? AND (valid_to_ms IS NULL OR valid_to_ms > ?)",
      {person.value, municipality.value, role, to_unix_ms(now), to_unix_ms(now)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::vector<PersonRow>> municipal_role_holders(Transaction& tx, domain::MunicipalityId municipality,
                                                      const std::string& role, TimePoint now) {
  auto rows = tx.query(
      "SELECT DISTINCT p.id, p.given_name, p.family_name, p.birth_date FROM municipal_role r"
      " JOIN person p ON p.id = r.person_id"
      " WHERE r.municipality_id = ? AND r.role = ? AND r.valid_from_ms <= ? AND (r.valid_to_ms IS NULL OR r.valid_to_ms > ?)"
      " ORDER BY p.family_name, p.given_name, p.id",
      {municipality.value, role, to_unix_ms(now), to_unix_ms(now)});
  if (!rows) return rows.error();
  std::vector<PersonRow> out;
  for (const Row& r : *rows) out.push_back(person_of(r, 0));
  return out;
}

Result<bool> works_for_municipality(Transaction& tx, domain::PersonId person, domain::MunicipalityId municipality,
                                    TimePoint now) {
  auto rows = tx.query(
      "SELECT 1 FROM employment e JOIN unit_serves s ON s.unit_id = e.unit_id"
      " WHERE e.person_id = ? AND s.municipality_id = ? AND e.valid_from_ms <= ?"
      " AND (e.valid_to_ms IS NULL OR e.valid_to_ms > ?) LIMIT 1",
      {person.value, municipality.value, to_unix_ms(now), to_unix_ms(now)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<void> rename_unit(Transaction& tx, domain::UnitId unit, const std::string& name) {
  auto r = tx.execute("UPDATE unit SET name = ? WHERE id = ?", {name, unit.value});
  if (!r) return r.error();
  return {};
}

Result<void> insert_operator_role(Transaction& tx, domain::PersonId person, TimePoint from) {
  auto r = tx.execute("INSERT INTO operator_role (person_id, valid_from_ms) VALUES (?, ?)",
                      {person.value, to_unix_ms(from)});
  if (!r) return r.error();
  return {};
}

Result<bool> has_operator_role(Transaction& tx, domain::PersonId person, TimePoint now) {
  auto rows = tx.query(
      "SELECT 1 FROM operator_role WHERE person_id = ? AND valid_from_ms <= ? AND (valid_to_ms IS NULL OR valid_to_ms > ?)",
      {person.value, to_unix_ms(now), to_unix_ms(now)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<void> insert_parental_responsibility(Transaction& tx, domain::PersonId guardian, domain::PersonId child,
                                            TimePoint from, std::optional<TimePoint> to, TimePoint now) {
  auto r = tx.execute(
      "INSERT INTO parental_responsibility (guardian_person_id, child_person_id, source, valid_from_ms,"
      " valid_to_ms, recorded_at_ms) VALUES (?, ?, 'registry', ?, ?, ?)",
      {guardian.value, child.value, to_unix_ms(from), opt(to), to_unix_ms(now)});
  if (!r) return r.error();
  return {};
}

Result<std::vector<domain::PersonId>> guardians_of(Transaction& tx, domain::PersonId child, TimePoint now) {
  // A child has a handful of rows: sorting them here is cheaper than asking
  // the database to set up a DISTINCT sort on every log page.
  auto ids = ids_of<domain::PersonId>(tx.query(
      "SELECT guardian_person_id FROM parental_responsibility WHERE child_person_id = ?"
      " AND valid_from_ms <= ? AND (valid_to_ms IS NULL OR valid_to_ms > ?)",
      {child.value, to_unix_ms(now), to_unix_ms(now)}));
  if (!ids) return ids;
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  return ids;
}

Result<domain::ConsentSettings> municipality_settings(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(
      "SELECT consent_rule, child_consent_age, child_view_age FROM municipality_settings WHERE municipality_id = ?",
      {municipality.value});
  if (!rows) return rows.error();
  domain::ConsentSettings s;  // the defaults when the municipality has chosen nothing
  if (!rows->empty()) {
    const Row& r = rows->front();
    s.rule = r.text(0) == "one_guardian" ? domain::ConsentRule::kOneGuardian : domain::ConsentRule::kAllGuardians;
    s.child_consent_age = static_cast<int>(r.int64(1));
    s.child_view_age = static_cast<int>(r.int64(2));
  }
  return s;
}

Result<void> save_municipality_settings(Transaction& tx, domain::MunicipalityId municipality,
                                        const domain::ConsentSettings& s, std::optional<domain::PersonId> by,
                                        TimePoint now) {
  auto r = tx.execute(
      "INSERT INTO municipality_settings (municipality_id, consent_rule, child_consent_age, child_view_age,"
      " updated_at_ms, updated_by_person_id) VALUES (?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (municipality_id) DO UPDATE SET consent_rule = excluded.consent_rule,"
      " child_consent_age = excluded.child_consent_age, child_view_age = excluded.child_view_age,"
      " updated_at_ms = excluded.updated_at_ms, updated_by_person_id = excluded.updated_by_person_id",
      {municipality.value, std::string(s.rule == domain::ConsentRule::kOneGuardian ? "one_guardian" : "all_guardians"),
       std::int64_t{s.child_consent_age}, std::int64_t{s.child_view_age}, to_unix_ms(now),
       by ? Value{by->value} : Value{Null{}}});
  if (!r) return r.error();
  return {};
}

}  // namespace stafett::store
