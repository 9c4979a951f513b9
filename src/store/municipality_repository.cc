#include "store/municipality_repository.h"

namespace stafett::store {

Result<std::vector<domain::Municipality>> list_municipalities(Transaction& tx) {
  auto rows = tx.query("SELECT id, name, kommunenummer FROM municipality ORDER BY name, id");
  if (!rows) return rows.error();
  std::vector<domain::Municipality> out;
  out.reserve(rows->size());
  for (const Row& row : *rows) {
    out.push_back(domain::Municipality{{row.int64(0)}, row.text(1), row.text(2)});
  }
  return out;
}

Result<domain::MunicipalityId> ensure_municipality(Transaction& tx, const domain::Municipality& m,
                                                   TimePoint now) {
  auto ins = tx.execute(
      "INSERT INTO municipality (name, kommunenummer, created_at_ms) VALUES (?, ?, ?)"
      " ON CONFLICT (kommunenummer) DO NOTHING",
      {m.name, m.kommunenummer, to_unix_ms(now)});
  if (!ins) return ins.error();
  auto rows = tx.query("SELECT id FROM municipality WHERE kommunenummer = ?", {m.kommunenummer});
  if (!rows) return rows.error();
  if (rows->empty()) return make_error(Errc::kInternal, "municipality vanished after insert");
  return domain::MunicipalityId{rows->front().int64(0)};
}

Result<std::optional<domain::MunicipalityId>> insert_municipality(Transaction& tx, const domain::Municipality& m,
                                                                  TimePoint now) {
  auto rows = tx.query(
      "INSERT INTO municipality (name, kommunenummer, created_at_ms) VALUES (?, ?, ?)"
      " ON CONFLICT (kommunenummer) DO NOTHING RETURNING id",
      {m.name, m.kommunenummer, to_unix_ms(now)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::MunicipalityId>{};
  return std::optional<domain::MunicipalityId>{domain::MunicipalityId{rows->front().int64(0)}};
}

namespace {
Result<std::optional<domain::Municipality>> one_municipality(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::Municipality>{};
  const Row& row = rows->front();
  return std::optional<domain::Municipality>{domain::Municipality{{row.int64(0)}, row.text(1), row.text(2)}};
}
}  // namespace

Result<std::optional<domain::Municipality>> find_municipality_by_number(Transaction& tx,
                                                                        const std::string& kommunenummer) {
  return one_municipality(
      tx.query("SELECT id, name, kommunenummer FROM municipality WHERE kommunenummer = ?", {kommunenummer}));
}

Result<std::vector<std::string>> embedding_origins(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query("SELECT origin FROM municipality_origin WHERE municipality_id = ? ORDER BY origin",
                       {municipality.value});
  if (!rows) return rows.error();
  std::vector<std::string> out;
  for (const Row& r : *rows) out.push_back(r.text(0));
  return out;
}

Result<void> replace_embedding_origins(Transaction& tx, domain::MunicipalityId municipality,
                                       const std::vector<std::string>& origins) {
  auto cleared = tx.execute("DELETE FROM municipality_origin WHERE municipality_id = ?", {municipality.value});
  if (!cleared) return cleared.error();
  for (const auto& o : origins) {
    auto r = tx.execute("INSERT INTO municipality_origin (municipality_id, origin) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        {municipality.value, o});
    if (!r) return r.error();
  }
  return {};
}

}  // namespace stafett::store
