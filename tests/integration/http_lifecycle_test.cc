// Connections over time: slow clients, readiness, graceful shutdown, and the
// access log.
#include <libpq-fe.h>
#include <signal.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "server_fixture.h"

namespace stafett::testing {
namespace {

using namespace std::chrono_literals;

class SlowClients : public ServerSuite<SlowClients> {
 public:
  static std::vector<std::string> extra_args() { return {"--request-timeout-ms", "500"}; }
};

TEST_F(SlowClients, AClientThatNeverFinishesItsRequestIsCutOff) {
  Connection slow(port());
  slow.send("GET / HTTP/1.1\r\nHost: x\r\n");  // headers never end
  const auto start = std::chrono::steady_clock::now();
  // Meanwhile everybody else is served at once.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get(port(), "/healthz").status, 200);
  EXPECT_TRUE(slow.closed_by_server(5s)) << "slow client kept its connection";
  const auto held = std::chrono::steady_clock::now() - start;
  EXPECT_GE(held, 400ms);
  EXPECT_LT(held, 4s);
}

TEST_F(SlowClients, TricklingBytesDoesNotExtendTheDeadline) {
  Connection slow(port());
  const auto start = std::chrono::steady_clock::now();
  slow.send("GET / HTTP/1.1\r\n");
  bool closed = false;
  for (int i = 0; i < 40 && !closed; ++i) {
    try {
      slow.send("X-Drip: a\r\n");
    } catch (const std::exception&) {
      closed = true;
      break;
    }
    closed = slow.closed_by_server(100ms);
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

TEST_F(SlowClients, AnIdleKeepAliveConnectionIsClosed) {
  Connection c(port());
  c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(c.read_response());
  EXPECT_TRUE(c.closed_by_server(5s));
}

class Readiness : public ::testing::Test {};

TEST_F(Readiness, ServerRefusesToStartWithoutItsDatabase) {
  const std::string dir = make_temp_dir();
  const std::string url = backend_under_test() == TestBackend::kSqlite
                              ? "sqlite:/proc/stafett-cannot-exist/x.db"
                              : "postgresql://nobody:s3cret-password@127.0.0.1:1/none?connect_timeout=2";
  const int status = run_stafett({"serve", "--database-url", url, "--listen", "127.0.0.1:0"}, dir + "/log");
  EXPECT_EQ(status, 1);
  std::ifstream in(dir + "/log");
  std::stringstream log;
  log << in.rdbuf();
  EXPECT_NE(log.str().find("cannot open database"), std::string::npos) << log.str();
  EXPECT_EQ(log.str().find("s3cret-password"), std::string::npos) << "password leaked into the log";
}

TEST_F(Readiness, ReadyzReportsALostDatabase) {
  if (backend_under_test() == TestBackend::kSqlite) {
    GTEST_SKIP() << "an embedded SQLite file cannot be taken away from a running process";
  }
  const std::string url = fresh_database_url();
  auto server = ServerProcess::start(url);
  EXPECT_EQ(get(server->port(), "/readyz").status, 200);
  const std::string name = url.substr(url.rfind('/') + 1);
  run_postgres_admin("DROP DATABASE " + name + " WITH (FORCE)");
  auto r = get(server->port(), "/readyz");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body, R"({"status":"unavailable"})");
  EXPECT_EQ(get(server->port(), "/healthz").status, 200) << "the process itself is alive";
  auto page = get(server->port(), "/");
  EXPECT_EQ(page.status, 503);
  EXPECT_NE(page.body.find("ikke tilgjengelig"), std::string::npos);
  EXPECT_EQ(server->stop(), 0);
}

class Shutdown : public ::testing::Test {};

TEST_F(Shutdown, SigtermUnderLoadEndsCleanlyWithNoResponseCutHalfway) {
  auto server = ServerProcess::start(fresh_database_url());
  const std::uint16_t port = server->port();
  std::atomic<bool> stop_sent{false};
  std::atomic<int> complete{0}, after_signal{0}, cut{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&] {
      for (;;) {
        std::unique_ptr<Connection> c;
        try {
          c = std::make_unique<Connection>(port);
        } catch (const std::exception&) {
          return;  // refused: the server no longer accepts, as it should
        }
        for (;;) {
          try {
            c->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
          } catch (const std::exception&) {
            break;
          }
          std::optional<HttpResponse> r;
          try {
            r = c->read_response();
          } catch (const std::exception&) {
            ++cut;  // a response that started but did not finish
            return;
          }
          if (!r) break;  // closed between responses: allowed
          if (r->status != 200 || r->body.find("</html>") == std::string::npos) ++cut;
          ++complete;
          if (stop_sent) ++after_signal;
          if (r->header("connection") == "close") break;
        }
      }
    });
  }
  while (complete < 200) std::this_thread::sleep_for(5ms);
  stop_sent = true;
  const int status = server->stop(SIGTERM, 15000);
  for (auto& th : clients) th.join();
  EXPECT_EQ(status, 0) << server->output();
  EXPECT_EQ(cut.load(), 0);
  EXPECT_GE(complete.load(), 200);
  EXPECT_THROW(Connection{port}, std::runtime_error) << "still accepting after shutdown";
  EXPECT_NE(server->output().find("server stopped"), std::string::npos);
}

TEST_F(Shutdown, ARequestInFlightIsFinishedBeforeExit) {
  if (backend_under_test() == TestBackend::kSqlite) {
    GTEST_SKIP() << "needs a lock that blocks readers; SQLite's WAL mode never blocks them";
  }
  const std::string url = fresh_database_url();
  auto server = ServerProcess::start(url);
  // Hold a lock so that GET / (which reads municipalities) waits inside its handler.
  PGconn* lock = PQconnectdb(url.c_str());
  ASSERT_EQ(PQstatus(lock), CONNECTION_OK);
  PQclear(PQexec(lock, "BEGIN"));
  PQclear(PQexec(lock, "LOCK TABLE municipality IN ACCESS EXCLUSIVE MODE"));
  Connection c(server->port());
  c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(300ms);
  ::kill(server->pid(), SIGTERM);
  std::this_thread::sleep_for(500ms);
  EXPECT_TRUE(server->running()) << "exited with a request still in flight";
  PQclear(PQexec(lock, "COMMIT"));
  PQfinish(lock);
  auto r = c.read_response();
  ASSERT_TRUE(r) << "in-flight request was dropped";
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_NE(r->body.find("Fjordvik kommune"), std::string::npos);
  EXPECT_EQ(server->stop(SIGTERM, 15000), 0);
}

TEST_F(Shutdown, SigintAlsoStopsTheServerCleanly) {
  auto server = ServerProcess::start(fresh_database_url());
  EXPECT_EQ(get(server->port(), "/healthz").status, 200);
  EXPECT_EQ(server->stop(SIGINT), 0);
}

class AccessLog : public ServerSuite<AccessLog> {};

TEST_F(AccessLog, OneLinePerRequestWithPatternStatusAndNoPersonalData) {
  get(port(), "/api/v1/municipalities?fnr=01019912345&token=SECRETTOKEN",
      {{"Cookie", "session=COOKIESECRET"}, {"Authorization", "Bearer BEARERSECRET"}});
  get(port(), "/sprak/nn?tilbake=%2Fhemmelig-sti");
  get(port(), "/finnes-ikke-SECRETPATH");
  get(port(), "/static/css/app.css?v=QUERYSECRET");
  get(port(), "/");
  // The line is written when the response has been sent, a moment after the
  // client has it: wait for the last one.
  std::string log;
  const std::regex last(R"(GET / 200 [0-9.]+ms)");
  for (int i = 0; i < 200 && !std::regex_search(log = server_->output(), last); ++i) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_NE(log.find("GET /api/v1/municipalities 200"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /sprak/{code} 303"), std::string::npos) << log;
  EXPECT_NE(log.find("GET - 404"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /static/{*path} 200"), std::string::npos) << log;
  for (const char* secret : {"01019912345", "SECRETTOKEN", "COOKIESECRET", "BEARERSECRET", "hemmelig",
                             "SECRETPATH", "QUERYSECRET", "fnr="}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << "log contains " << secret << ":\n" << log;
  }
  EXPECT_TRUE(std::regex_search(log, last)) << "duration missing:\n" << log;
}

}  // namespace
}  // namespace stafett::testing
