#pragma once
// describe_schema(): the tables and columns of the application schema as sorted
// "table.column" strings, from either backend's catalog. Tests use it to prove
// the migrations have the same effect on SQLite and PostgreSQL.
#include <string>
#include <vector>

#include "store/database.h"

namespace stafett::store {

Result<std::vector<std::string>> describe_schema(Database& db);

}  // namespace stafett::store
