#include "store/catalogue_repository.h"

namespace stafett::store {
namespace {

constexpr const char* kColumns =
    "SELECT c.id, c.municipality_id, c.name, c.description, c.level_from, c.level_to, c.provider_unit_id,"
    " COALESCE(u.name, ''), c.how_to_request FROM catalogue_measure c LEFT JOIN unit u ON u.id = c.provider_unit_id ";

domain::CatalogueMeasure from_row(const Row& r) {
  domain::CatalogueMeasure m;
  m.id = domain::CatalogueMeasureId{r.int64(0)};
  m.municipality = domain::MunicipalityId{r.int64(1)};
  m.name = r.text(2);
  m.description = r.text(3);
  m.level_from = static_cast<int>(r.int64(4));
  m.level_to = static_cast<int>(r.int64(5));
  if (!r.is_null(6)) m.provider = domain::UnitId{r.int64(6)};
  m.provider_name = r.text(7);
  m.how_to_request = r.text(8);
  return m;
}

}  // namespace

Result<domain::CatalogueMeasureId> insert_catalogue_measure(Transaction& tx, const domain::CatalogueMeasure& m,
                                                            TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO catalogue_measure (municipality_id, name, description, level_from, level_to, provider_unit_id,"
      " how_to_request, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.municipality.value, m.name, m.description, static_cast<std::int64_t>(m.level_from),
       static_cast<std::int64_t>(m.level_to), m.provider ? Value{m.provider->value} : Value{Null{}}, m.how_to_request,
       to_unix_ms(now)});
  if (!rows) return rows.error();
  return domain::CatalogueMeasureId{rows->front().int64(0)};
}

Result<std::vector<domain::CatalogueMeasure>> catalogue_of(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(std::string(kColumns) +
                           "WHERE c.municipality_id = ? AND c.retired_at_ms IS NULL ORDER BY c.name, c.id",
                       {municipality.value});
  if (!rows) return rows.error();
  std::vector<domain::CatalogueMeasure> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(from_row(r));
  return out;
}

Result<std::optional<domain::CatalogueMeasure>> find_catalogue_measure(Transaction& tx, domain::CatalogueMeasureId id) {
  auto rows = tx.query(std::string(kColumns) + "WHERE c.id = ?", {id.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::CatalogueMeasure>{};
  return std::optional<domain::CatalogueMeasure>{from_row(rows->front())};
}

}  // namespace stafett::store
