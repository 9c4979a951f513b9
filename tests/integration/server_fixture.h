#pragma once
// One real stafett server per test suite, on a fresh database of the backend
// under test, seeded with the demo data. Suites that need other server flags
// override extra_args().
#include <gtest/gtest.h>

#include <memory>
#include <regex>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/test_database.h"

namespace stafett::testing {

template <class Suite>
class ServerSuite : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    database_url_ = fresh_database_url();
    server_ = ServerProcess::start(database_url_, Suite::extra_args());
  }
  static void TearDownTestSuite() {
    if (server_ && server_->running()) {
      EXPECT_EQ(server_->stop(), 0) << "server did not exit cleanly:\n" << server_->output();
    }
    server_.reset();
  }
  static std::vector<std::string> extra_args() { return {}; }
  static std::uint16_t port() { return server_->port(); }

 protected:

  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::string database_url_;
};

// The first stylesheet URL of the start page: its fingerprinted Designsystemet CSS.
inline std::string first_stylesheet(const std::string& html, const std::string& which) {
  std::smatch m;
  const std::regex re("href=\"(/static/" + which + "\\.[0-9a-f]{16}\\.css)\"");
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

}  // namespace stafett::testing
