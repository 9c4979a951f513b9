#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "store/connection_pool.h"

namespace stafett::store {
namespace {

Errc errc_of(int rc) {
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT: return Errc::kConflict;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_IOERR: return Errc::kUnavailable;
    default: return Errc::kInternal;
  }
}

// One open database handle with its statement cache. Not thread-safe: owned by
// one transaction at a time through the pool.
class SqliteConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  sqlite3* handle() const { return db_; }

  Error error(int rc, std::string_view what) const {
    return make_error(errc_of(rc), std::string(what) + ": " + sqlite3_errmsg(db_));
  }

  Result<sqlite3_stmt*> prepare(std::string_view sql) {
    auto it = statements_.find(std::string(sql));
    if (it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return error(rc, "prepare");
    statements_.emplace(std::string(sql), stmt);
    return stmt;
  }

  // Runs a statement without parameters or rows through the cache: BEGIN and
  // COMMIT come twice per request, and sqlite3_exec parses them anew each time.
  Result<void> run_cached(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    const int rc = sqlite3_step(*stmt);
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return error(rc, sql);
    return {};
  }

  Result<void> exec(const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return {};
    std::string text = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return make_error(errc_of(rc), text);
  }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// Resets a cached statement whatever way the caller leaves.
class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* stmt) : stmt_(stmt) {}
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  ~StatementUse() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_;
};

class SqliteTransaction final : public Transaction {
 public:
  explicit SqliteTransaction(SqliteConnection& conn) : conn_(conn) {}
  Backend backend() const override { return Backend::kSqlite; }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    Rows rows;
    auto r = run(sql, params, &rows);
    if (!r) return r.error();
    return rows;
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    auto r = run(sql, params, nullptr);
    if (!r) return r.error();
    return static_cast<std::int64_t>(sqlite3_changes64(conn_.handle()));
  }

  Result<void> execute_script(std::string_view sql) override {
    return conn_.exec(std::string(sql).c_str());
  }

 private:
  Result<void> run(std::string_view sql, const Params& params, Rows* rows) {
    auto prepared = conn_.prepare(sql);
    if (!prepared) return prepared.error();
    sqlite3_stmt* stmt = *prepared;
    StatementUse use(stmt);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return make_error(Errc::kInternal, "wrong number of SQL parameters");
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (const auto* d = std::get_if<double>(&params[i])) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else if (const auto* b = std::get_if<Blob>(&params[i])) {
        rc = sqlite3_bind_blob64(stmt, idx, b->data(), b->size(), SQLITE_TRANSIENT);
      } else {
        rc = sqlite3_bind_null(stmt, idx);
      }
      if (rc != SQLITE_OK) return conn_.error(rc, "bind");
    }
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return {};
      if (rc != SQLITE_ROW) return conn_.error(rc, "step");
      if (rows == nullptr) continue;
      const int n = sqlite3_column_count(stmt);
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(n));
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER: values.emplace_back(std::int64_t{sqlite3_column_int64(stmt, c)}); break;
          case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, c)); break;
          case SQLITE_TEXT: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            values.emplace_back(std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
            break;
          }
          case SQLITE_BLOB: {
            const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, c));
            values.emplace_back(Blob(p, p + sqlite3_column_bytes(stmt, c)));
            break;
          }
          default: values.emplace_back(Null{}); break;
        }
      }
      rows->emplace_back(std::move(values));
    }
  }

  SqliteConnection& conn_;
};

// Checkpoints the write-ahead log in a thread of its own, on a connection of
// its own. Left to itself SQLite runs the checkpoint inside whichever commit
// pushes the log past 1000 pages: that commit, and every request waiting on
// it for its access record, would wait for the database file's fsync (the
// log page's p99 was 2.2x the unrecorded baseline with it, 1.3x without:
// bench/README.md). A PASSIVE checkpoint never waits for readers or writers.
// The last connection to close checkpoints whatever is left.
class WalCheckpointer {
 public:
  WalCheckpointer(const std::string& path, std::chrono::milliseconds interval) : interval_(interval) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      sqlite3_close_v2(db_);
      db_ = nullptr;
      return;  // the pool's own connections report why; without us SQLite just checkpoints less often
    }
    thread_ = std::thread([this] { run(); });
  }
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;
  ~WalCheckpointer() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (db_ != nullptr) sqlite3_close_v2(db_);
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval_, [this] { return stop_; })) {
      lock.unlock();
      // SQLITE_BUSY (another checkpoint running) is fine: the next round catches up.
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
    }
  }

  const std::chrono::milliseconds interval_;
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, DatabaseOptions options)
      : path_(std::move(path)),
        options_(options),
        pool_(options.max_connections, [this] { return open_connection(); }) {}

  // The checkpointer's connection opens an existing file only, so it starts
  // once the pool's first connection has created the database.
  void start_checkpointer() { checkpointer_.emplace(path_, std::chrono::milliseconds(500)); }

  Backend backend() const override { return Backend::kSqlite; }

  Result<void> transact(TxMode mode,
                        const std::function<Result<void>(Transaction&)>& body) override {
    auto lease = pool_.acquire(options_.acquire_timeout);
    if (!lease) return lease.error();
    SqliteConnection& conn = **lease;
    // BEGIN IMMEDIATE takes the write lock now, so a writer never fails later
    // trying to upgrade a read lock held while another writer waits.
    if (auto r = conn.run_cached(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN"); !r) {
      return r.error();
    }
    SqliteTransaction tx(conn);
    Result<void> outcome = make_error(Errc::kInternal, "transaction body did not run");
    try {
      outcome = body(tx);
    } catch (const std::exception& e) {
      outcome = make_error(Errc::kInternal, std::string("exception in transaction: ") + e.what());
    }
    if (!outcome) {
      if (!conn.run_cached("ROLLBACK")) lease->discard();
      return outcome;
    }
    if (auto r = conn.run_cached("COMMIT"); !r) {
      if (!conn.run_cached("ROLLBACK")) lease->discard();
      return r.error();
    }
    return {};
  }

  Result<void> ping() override {
    return transact(TxMode::kRead, [](Transaction& tx) -> Result<void> {
      auto r = tx.query("SELECT 1");
      if (!r) return r.error();
      return {};
    });
  }

 private:
  Result<std::unique_ptr<SqliteConnection>> open_connection() {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path_.c_str(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                       SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                                   nullptr);
    auto conn = std::make_unique<SqliteConnection>(db);  // owns db even when open failed
    if (rc != SQLITE_OK) return make_error(Errc::kUnavailable, "cannot open SQLite database");
    sqlite3_busy_timeout(db, static_cast<int>(options_.busy_timeout.count()));
    // wal_autocheckpoint=0: the WalCheckpointer does it, outside any commit.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA trusted_schema=OFF", "PRAGMA wal_autocheckpoint=0"}) {
      if (auto r = conn->exec(pragma); !r) return r.error();
    }
    return conn;
  }

  std::string path_;
  DatabaseOptions options_;
  ConnectionPool<SqliteConnection> pool_;
  std::optional<WalCheckpointer> checkpointer_;  // last: stopped before the pool goes
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite_database(const std::string& path,
                                                       const DatabaseOptions& options) {
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto db = std::make_unique<SqliteDatabase>(path, options);
  if (auto r = db->ping(); !r) return r.error();
  db->start_checkpointer();
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace stafett::store
