#pragma once
// SQLite backend of store::Database: WAL journal, synchronous=FULL (an
// acknowledged write survives power loss), foreign keys on, a busy timeout,
// and prepared statements cached per connection and reused.
#include <memory>
#include <string>

#include "store/database.h"

namespace stafett::store {

// `path` is a file name; its parent folders are created.
Result<std::unique_ptr<Database>> open_sqlite_database(const std::string& path,
                                                       const DatabaseOptions& options);

}  // namespace stafett::store
