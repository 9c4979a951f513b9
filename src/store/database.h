#pragma once
// Database: the one storage interface. Two backends implement it, SQLite
// (embedded default) and PostgreSQL (production), chosen by the URL given to
// open_database(). SQL is written once, with `?` placeholders, in portable SQL;
// repositories in src/store/ are the only code that contains SQL.
//
// Thread-safety: a Database is shared by all request threads; each transact()
// call takes its own connection from a pool. A Transaction must not leave the
// callback it is handed to. Calls block: run them on worker threads, never on
// the HTTP I/O thread.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/value.h"

namespace stafett::store {

enum class Backend { kSqlite, kPostgres };
std::string_view backend_name(Backend backend);

// kWrite takes the write lock up front (SQLite's BEGIN IMMEDIATE) so two writers
// never deadlock upgrading a read lock.
enum class TxMode { kRead, kWrite };

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Backend backend() const = 0;
  // Runs one statement and returns its rows.
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations only).
  virtual Result<void> execute_script(std::string_view sql) = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Backend backend() const = 0;
  // Runs `body` inside one transaction: commits when it returns a value,
  // rolls back when it returns an error or throws (then kInternal). Nothing
  // half-written survives a failed call.
  virtual Result<void> transact(TxMode mode,
                                const std::function<Result<void>(Transaction&)>& body) = 0;
  // Cheap round trip for /readyz.
  virtual Result<void> ping() = 0;
};

struct DatabaseOptions {
  std::size_t max_connections = 8;
  std::chrono::milliseconds acquire_timeout{5000};
  std::chrono::milliseconds busy_timeout{5000};
};

// url: "sqlite:PATH" (parent folders are created) or "postgresql://..." /
// "postgres://..." (a libpq connection URI). kInvalidInput for anything else,
// kUnavailable when the database cannot be opened.
Result<std::unique_ptr<Database>> open_database(std::string_view url,
                                                const DatabaseOptions& options = {});

// Convenience for callers that compute a value inside a transaction.
template <class T, class F>
Result<T> transact_value(Database& db, TxMode mode, F&& body) {
  std::optional<T> out;
  auto r = db.transact(mode, [&](Transaction& tx) -> Result<void> {
    auto v = body(tx);
    if (!v) return v.error();
    out.emplace(std::move(*v));
    return {};
  });
  if (!r) return r.error();
  return std::move(*out);
}

}  // namespace stafett::store
