#include "store/catalogue_repository.h"

namespace stafett::store {
namespace {

constexpr const char* kColumns =
    "SELECT c.id, c.municipality_id, c.name, c.description, c.level_from, c.level_to, c.how_to_request,"
    " c.target_group, c.age_from, c.age_to, c.evidence, c.evidence_url, c.is_public FROM catalogue_measure c ";

domain::CatalogueMeasure from_row(const Row& r) {
  domain::CatalogueMeasure m;
  m.id = domain::CatalogueMeasureId{r.int64(0)};
  m.municipality = domain::MunicipalityId{r.int64(1)};
  m.name = r.text(2);
  m.description = r.text(3);
  m.level_from = static_cast<int>(r.int64(4));
  m.level_to = static_cast<int>(r.int64(5));
  m.how_to_request = r.text(6);
  m.target_group = r.text(7);
  m.age_from = static_cast<int>(r.int64(8));
  m.age_to = static_cast<int>(r.int64(9));
  m.evidence = r.text(10);
  m.evidence_url = r.text(11);
  m.is_public = r.int64(12) != 0;
  return m;
}

// Fills in each measure's providers, by name.
Result<void> add_providers(Transaction& tx, std::vector<domain::CatalogueMeasure>& measures, const std::string& which,
                           const Params& params) {
  auto rows = tx.query(
      "SELECT p.measure_id, u.id, u.name FROM catalogue_measure_provider p JOIN unit u ON u.id = p.unit_id"
      " WHERE p.measure_id IN (" + which + ") ORDER BY u.name, u.id",
      params);
  if (!rows) return rows.error();
  for (const Row& r : *rows) {
    for (auto& m : measures) {
      if (m.id.value == r.int64(0)) m.providers.push_back({domain::UnitId{r.int64(1)}, r.text(2)});
    }
  }
  return {};
}

Result<void> write_providers(Transaction& tx, const domain::CatalogueMeasure& m) {
  for (const auto& p : m.providers) {
    auto r = tx.execute("INSERT INTO catalogue_measure_provider (measure_id, unit_id) VALUES (?, ?)",
                        {m.id.value, p.unit.value});
    if (!r) return r.error();
  }
  return {};
}

}  // namespace

Result<domain::CatalogueMeasureId> insert_catalogue_measure(Transaction& tx, const domain::CatalogueMeasure& m,
                                                            TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO catalogue_measure (municipality_id, name, description, level_from, level_to, provider_unit_id,"
      " how_to_request, created_at_ms, target_group, age_from, age_to, evidence, evidence_url, is_public)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.municipality.value, m.name, m.description, static_cast<std::int64_t>(m.level_from),
       static_cast<std::int64_t>(m.level_to),
       m.providers.empty() ? Value{Null{}} : Value{m.providers.front().unit.value}, m.how_to_request, to_unix_ms(now),
       m.target_group, static_cast<std::int64_t>(m.age_from), static_cast<std::int64_t>(m.age_to), m.evidence,
       m.evidence_url, std::int64_t{m.is_public ? 1 : 0}});
  if (!rows) return rows.error();
  domain::CatalogueMeasure stored = m;
  stored.id = domain::CatalogueMeasureId{rows->front().int64(0)};
  if (auto r = write_providers(tx, stored); !r) return r.error();
  return stored.id;
}

Result<void> update_catalogue_measure(Transaction& tx, const domain::CatalogueMeasure& m) {
  auto r = tx.execute(
      "UPDATE catalogue_measure SET name = ?, description = ?, level_from = ?, level_to = ?, provider_unit_id = ?,"
      " how_to_request = ?, target_group = ?, age_from = ?, age_to = ?, evidence = ?, evidence_url = ?, is_public = ?"
      " WHERE id = ?",
      {m.name, m.description, static_cast<std::int64_t>(m.level_from), static_cast<std::int64_t>(m.level_to),
       m.providers.empty() ? Value{Null{}} : Value{m.providers.front().unit.value}, m.how_to_request, m.target_group,
       static_cast<std::int64_t>(m.age_from), static_cast<std::int64_t>(m.age_to), m.evidence, m.evidence_url,
       std::int64_t{m.is_public ? 1 : 0}, m.id.value});
  if (!r) return r.error();
  auto cleared = tx.execute("DELETE FROM catalogue_measure_provider WHERE measure_id = ?", {m.id.value});
  if (!cleared) return cleared.error();
  return write_providers(tx, m);
}

Result<std::vector<domain::CatalogueMeasure>> catalogue_of(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(std::string(kColumns) +
                           "WHERE c.municipality_id = ? AND c.retired_at_ms IS NULL ORDER BY c.name, c.id",
                       {municipality.value});
  if (!rows) return rows.error();
  std::vector<domain::CatalogueMeasure> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(from_row(r));
  if (auto p = add_providers(tx, out, "SELECT id FROM catalogue_measure WHERE municipality_id = ?",
                             {municipality.value});
      !p) {
    return p.error();
  }
  return out;
}

Result<std::optional<domain::CatalogueMeasure>> find_catalogue_measure(Transaction& tx, domain::CatalogueMeasureId id) {
  auto rows = tx.query(std::string(kColumns) + "WHERE c.id = ?", {id.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::CatalogueMeasure>{};
  std::vector<domain::CatalogueMeasure> one{from_row(rows->front())};
  if (auto p = add_providers(tx, one, "?", {id.value}); !p) return p.error();
  return std::optional<domain::CatalogueMeasure>{std::move(one.front())};
}

Result<std::map<std::int64_t, std::int64_t>> open_logs_per_measure(Transaction& tx,
                                                                   domain::MunicipalityId municipality) {
  auto rows = tx.query(
      "SELECT mu.catalogue_measure_id, COUNT(DISTINCT e.log_id) FROM measure_use mu"
      " JOIN entry_version v ON v.id = mu.entry_version_id"
      " JOIN entry e ON e.id = v.entry_id"
      " JOIN log l ON l.id = e.log_id"
      " WHERE l.status = 'open' AND l.municipality_id = ?"
      " AND v.version = (SELECT MAX(v2.version) FROM entry_version v2 WHERE v2.entry_id = v.entry_id)"
      " GROUP BY mu.catalogue_measure_id",
      {municipality.value});
  if (!rows) return rows.error();
  std::map<std::int64_t, std::int64_t> out;
  for (const Row& r : *rows) out[r.int64(0)] = r.int64(1);
  return out;
}

}  // namespace stafett::store
