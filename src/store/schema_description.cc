#include "store/schema_description.h"

#include <algorithm>

namespace stafett::store {

Result<std::vector<std::string>> describe_schema(Database& db) {
  std::vector<std::string> out;
  auto r = db.transact(TxMode::kRead, [&](Transaction& tx) -> Result<void> {
    const char* sql =
        tx.backend() == Backend::kSqlite
            ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p"
              " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            : "SELECT table_name, column_name FROM information_schema.columns"
              " WHERE table_schema = current_schema()";
    auto rows = tx.query(sql);
    if (!rows) return rows.error();
    for (const Row& row : *rows) out.push_back(row.text(0) + "." + row.text(1));
    return {};
  });
  if (!r) return r.error();
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace stafett::store
