#include "support/test_database.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string_view>

namespace stafett::testing {
namespace {

std::string random_suffix() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned long long> dist;
  return std::to_string(dist(rd) % 1000000000000ULL);
}

std::string pg_url() {
  const char* url = std::getenv("STAFETT_TEST_PG_URL");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "STAFETT_TEST_PG_URL is not set: run the PostgreSQL tests through `make test` "
        "(scripts/with-postgres.sh starts a throwaway server)");
  }
  return url;
}

// Replaces the database name at the end of a postgresql:// URL.
std::string with_database(const std::string& url, const std::string& name) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme + 3);
  const auto query = url.find('?', scheme + 3);
  std::string base = url.substr(0, slash == std::string::npos ? query : slash);
  std::string tail = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + name + tail;
}

}  // namespace

TestBackend backend_under_test() {
  const char* b = std::getenv("STAFETT_TEST_BACKEND");
  if (b == nullptr || std::string_view(b) == "sqlite") return TestBackend::kSqlite;
  if (std::string_view(b) == "postgres") return TestBackend::kPostgres;
  throw std::runtime_error("STAFETT_TEST_BACKEND must be sqlite or postgres");
}

const char* backend_label() {
  return backend_under_test() == TestBackend::kSqlite ? "sqlite" : "postgres";
}

std::string make_temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("stafett-test-" + random_suffix());
  std::filesystem::create_directories(dir);
  return dir.string();
}

void run_postgres_admin(const std::string& sql) {
  PGconn* conn = PQconnectdb(pg_url().c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to test PostgreSQL: " + message);
  }
  PGresult* res = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;
  std::string message = ok ? "" : PQresultErrorMessage(res);
  PQclear(res);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("SQL failed: " + sql + ": " + message);
}

std::string fresh_database_url() {
  if (backend_under_test() == TestBackend::kSqlite) {
    return "sqlite:" + make_temp_dir() + "/stafett.db";
  }
  const std::string name = "stafett_test_" + random_suffix();
  run_postgres_admin("CREATE DATABASE " + name);
  return with_database(pg_url(), name);
}

}  // namespace stafett::testing
