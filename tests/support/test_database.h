#pragma once
// Which database backend a test run is for, and fresh databases to test on.
// The integration suites run twice under ctest: STAFETT_TEST_BACKEND=sqlite and
// =postgres. PostgreSQL comes from STAFETT_TEST_PG_URL (set by
// scripts/with-postgres.sh under `make test`); without it a postgres run fails
// loudly instead of passing without having tested anything.
#include <string>

namespace stafett::testing {

enum class TestBackend { kSqlite, kPostgres };

TestBackend backend_under_test();
const char* backend_label();

// A new, empty database for the backend under test, as a URL for
// store::open_database / `stafett --database-url`.
std::string fresh_database_url();

// A new empty folder under the system temp folder.
std::string make_temp_dir();

// Runs one SQL statement on the PostgreSQL server outside a transaction
// (CREATE/DROP DATABASE). REQUIRES: backend_under_test() == kPostgres.
void run_postgres_admin(const std::string& sql);

}  // namespace stafett::testing
