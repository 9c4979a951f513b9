#include "store/database.h"

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace stafett::store {

std::string_view backend_name(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgresql";
}

Result<std::unique_ptr<Database>> open_database(std::string_view url,
                                                const DatabaseOptions& options) {
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (path.starts_with("//")) path.erase(0, 2);  // sqlite:///abs/path
    if (path.empty()) return make_error(Errc::kInvalidInput, "sqlite URL has no path");
    return open_sqlite_database(path, options);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return open_postgres_database(std::string(url), options);
  }
  return make_error(Errc::kInvalidInput,
                    "database URL must start with sqlite: or postgresql://");
}

}  // namespace stafett::store
