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

}  // namespace stafett::store
