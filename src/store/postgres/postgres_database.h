#pragma once
// PostgreSQL backend of store::Database, on libpq with a connection pool.
// Statements are prepared once per connection and reused. Calls block; the
// HTTP layer runs them on its worker pool (docs/architecture.md explains why).
#include <memory>
#include <string>

#include "store/database.h"

namespace stafett::store {

// `uri` is a libpq connection URI ("postgresql://user@host:port/db").
Result<std::unique_ptr<Database>> open_postgres_database(const std::string& uri,
                                                         const DatabaseOptions& options);

}  // namespace stafett::store
