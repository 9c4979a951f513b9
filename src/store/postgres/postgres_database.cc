#include "store/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

#include "store/connection_pool.h"
#include "store/sql_placeholders.h"

namespace stafett::store {
namespace {

// Type OIDs from pg_type.h (stable across PostgreSQL versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

Errc errc_of_sqlstate(const char* state) {
  if (state == nullptr) return Errc::kUnavailable;  // no server answer: connection trouble
  const std::string_view s(state);
  if (s.starts_with("23")) return Errc::kConflict;               // integrity constraint
  if (s == "40001" || s == "40P01") return Errc::kConflict;      // serialization, deadlock
  if (s.starts_with("08") || s.starts_with("57")) return Errc::kUnavailable;
  if (s.starts_with("53")) return Errc::kUnavailable;            // insufficient resources
  return Errc::kInternal;
}

Result<Blob> decode_bytea_hex(const char* text, std::size_t len) {
  if (len < 2 || text[0] != '\\' || text[1] != 'x' || len % 2 != 0) {
    return make_error(Errc::kInternal, "unexpected bytea format");
  }
  Blob out;
  out.reserve((len - 2) / 2);
  for (std::size_t i = 2; i < len; i += 2) {
    unsigned v = 0;
    auto [p, ec] = std::from_chars(text + i, text + i + 2, v, 16);
    if (ec != std::errc() || p != text + i + 2) return make_error(Errc::kInternal, "bad bytea");
    out.push_back(static_cast<std::uint8_t>(v));
  }
  return out;
}

class PgConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection() { PQfinish(conn_); }

  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

  Error error_of(const PGresult* res, std::string_view what) const {
    const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const char* message = res != nullptr ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    return make_error(errc_of_sqlstate(state), std::string(what) + ": " + message);
  }

  Result<void> exec(const std::string& sql) {
    PgResult res(PQexec(conn_, sql.c_str()));
    const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return error_of(res.get(), "exec");
    return {};
  }

  // Prepares `sql` on first use (named per connection) and executes it.
  Result<PgResult> run(std::string_view sql, const Params& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      // Built with append, not "s" + to_string(): GCC 12's -Wrestrict misfires on the latter at -O2.
      std::string name(1, 's');
      name.append(std::to_string(prepared_.size()));
      const std::string numbered = to_numbered_placeholders(sql);
      PgResult res(PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr));
      if (!res || PQresultStatus(res.get()) != PGRES_COMMAND_OK) return error_of(res.get(), "prepare");
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        text[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        char buf[64];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        text[i].assign(buf, end);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        text[i] = *s;
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        values[i] = reinterpret_cast<const char*>(b->data());
        lengths[i] = static_cast<int>(b->size());
        formats[i] = 1;  // binary: raw bytes for bytea
        continue;
      } else {
        continue;  // NULL
      }
      values[i] = text[i].c_str();
      lengths[i] = static_cast<int>(text[i].size());
    }
    PgResult res(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                values.data(), lengths.data(), formats.data(), 0));
    const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return error_of(res.get(), "execute");
    return res;
  }

 private:
  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

Result<Value> to_value(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return Value{Null{}};
  const char* text = PQgetvalue(res, row, col);
  const auto len = static_cast<std::size_t>(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t n = 0;
      auto [p, ec] = std::from_chars(text, text + len, n);
      if (ec != std::errc()) return make_error(Errc::kInternal, "bad integer from server");
      return Value{n};
    }
    case kBoolOid: return Value{std::int64_t{text[0] == 't' ? 1 : 0}};
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: return Value{std::stod(std::string(text, len))};
    case kByteaOid: {
      auto blob = decode_bytea_hex(text, len);
      if (!blob) return blob.error();
      return Value{std::move(*blob)};
    }
    default: return Value{std::string(text, len)};
  }
}

class PgTransaction final : public Transaction {
 public:
  explicit PgTransaction(PgConnection& conn) : conn_(conn) {}
  Backend backend() const override { return Backend::kPostgres; }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    auto res = conn_.run(sql, params);
    if (!res) return res.error();
    const PGresult* r = res->get();
    const int nrows = PQntuples(r);
    const int ncols = PQnfields(r);
    Rows rows;
    rows.reserve(static_cast<std::size_t>(nrows));
    for (int i = 0; i < nrows; ++i) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(ncols));
      for (int c = 0; c < ncols; ++c) {
        auto v = to_value(r, i, c);
        if (!v) return v.error();
        values.push_back(std::move(*v));
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    auto res = conn_.run(sql, params);
    if (!res) return res.error();
    const char* n = PQcmdTuples(res->get());
    return n[0] == '\0' ? std::int64_t{0} : std::stoll(n);
  }

  Result<void> execute_script(std::string_view sql) override { return conn_.exec(std::string(sql)); }

 private:
  PgConnection& conn_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string uri, DatabaseOptions options)
      : uri_(std::move(uri)),
        options_(options),
        pool_(options.max_connections, [this] { return open_connection(); }) {}

  Backend backend() const override { return Backend::kPostgres; }

  Result<void> transact(TxMode mode,
                        const std::function<Result<void>(Transaction&)>& body) override {
    auto lease = pool_.acquire(options_.acquire_timeout);
    if (!lease) return lease.error();
    PgConnection& conn = **lease;
    if (auto r = conn.exec(mode == TxMode::kWrite ? "BEGIN" : "BEGIN READ ONLY"); !r) {
      if (!conn.healthy()) lease->discard();
      return r.error();
    }
    PgTransaction tx(conn);
    Result<void> outcome = make_error(Errc::kInternal, "transaction body did not run");
    try {
      outcome = body(tx);
    } catch (const std::exception& e) {
      outcome = make_error(Errc::kInternal, std::string("exception in transaction: ") + e.what());
    }
    if (!outcome) {
      if (!conn.exec("ROLLBACK") || !conn.healthy()) lease->discard();
      return outcome;
    }
    if (auto r = conn.exec("COMMIT"); !r) {
      if (!conn.exec("ROLLBACK") || !conn.healthy()) lease->discard();
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
  Result<std::unique_ptr<PgConnection>> open_connection() {
    PGconn* raw = PQconnectdb(uri_.c_str());
    auto conn = std::make_unique<PgConnection>(raw);
    if (raw == nullptr || !conn->healthy()) {
      // libpq's message may contain the host but never a password from the URI.
      return make_error(Errc::kUnavailable, "cannot connect to PostgreSQL");
    }
    // Notices ("relation already exists, skipping") are not errors; keep them out of stderr.
    PQsetNoticeProcessor(raw, [](void*, const char*) {}, nullptr);
    if (auto r = conn->exec("SET TIME ZONE 'UTC'"); !r) return r.error();
    return conn;
  }

  std::string uri_;
  DatabaseOptions options_;
  ConnectionPool<PgConnection> pool_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres_database(const std::string& uri,
                                                         const DatabaseOptions& options) {
  auto db = std::make_unique<PostgresDatabase>(uri, options);
  if (auto r = db->ping(); !r) return r.error();
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace stafett::store
