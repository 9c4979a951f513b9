// `stafett identity` as an operator runs it: the real binary against a seeded
// database of the backend named by STAFETT_TEST_BACKEND (a SQLite file, or a
// fresh PostgreSQL database), with exit codes, stdout and stderr read apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/session_use_cases.h"
#include "store/database.h"
#include "support/child_process.h"
#include "support/server_process.h"
#include "support/test_database.h"

namespace stafett {
namespace {

constexpr const char* kEntra = "https://login.microsoftonline.com/422120d7-e75c-4fe9-bd95-aafc1e39881d/v2.0";
constexpr const char* kIngrid = "422120d7-e75c-4fe9-bd95-aafc1e39881d:d16930b1-dc17-45ac-80a8-69a8b01558cf";

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

struct CommandRun {
  int status = -1;
  std::string out;
  std::string err;
};

class IdentityCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir();
    url_ = testing::fresh_database_url();
    ASSERT_EQ(testing::run_stafett({"seed-demo", "--database-url", url_, "--key-file", dir_ + "/stafett.key"},
                                   dir_ + "/seed.log"),
              0)
        << read_file(dir_ + "/seed.log");
    // The configured employee provider is what `add` compares the issuer with.
    std::ofstream(dir_ + "/stafett.conf") << "employee_issuer = " << kEntra << "\n";
  }

  CommandRun identity(std::vector<std::string> args) {
    const std::string n = std::to_string(++runs_);
    const std::string out = dir_ + "/out" + n, err = dir_ + "/err" + n;
    args.insert(args.begin(), {testing::stafett_binary(), "--config", dir_ + "/stafett.conf", "--database-url", url_});
    const pid_t pid = testing::spawn_logged(args, out, -1, err);
    CommandRun run;
    run.status = testing::wait_exit(pid, 60000);
    run.out = read_file(out);
    run.err = read_file(err);
    return run;
  }

  std::string dir_;
  std::string url_;
  int runs_ = 0;
};

TEST_F(IdentityCommand, AddListAndRemoveALink) {
  auto added = identity({"identity", "add", "--issuer", kEntra, "--subject", kIngrid, "--person", "1"});
  ASSERT_EQ(added.status, 0) << added.out << added.err;
  EXPECT_EQ(added.out, std::string("Linked ") + kEntra + " " + kIngrid + " -> person 1 (Ingrid Fjellstad)\n");
  EXPECT_NE(added.err.find("employee identity added"), std::string::npos) << "logged for the operator trail";
  EXPECT_EQ(added.err.find("d16930b1"), std::string::npos) << "the account's object id is not logged";

  auto again = identity({"identity", "add", "--issuer", kEntra, "--subject", kIngrid, "--person", "1"});
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.out.find("Already linked (nothing changed)"), std::string::npos) << again.out;

  auto listed = identity({"identity", "list"});
  ASSERT_EQ(listed.status, 0) << listed.err;
  EXPECT_EQ(listed.out.substr(0, listed.out.find('\n') + 1), "issuer\tsubject\tperson\tname\tcreated\n");
  EXPECT_NE(listed.out.find(std::string(kEntra) + "\t" + kIngrid + "\t1\tIngrid Fjellstad\t20"), std::string::npos)
      << listed.out;
  EXPECT_EQ(lines(listed.out), 2u);

  auto one = identity({"identity", "list", "--person", "1"});
  EXPECT_EQ(one.status, 0);
  EXPECT_EQ(one.out, listed.out);
  auto none = identity({"identity", "list", "--person", "9"});
  EXPECT_EQ(none.status, 0);
  EXPECT_EQ(none.out, "No employee identities\n");

  // A live session of Ingrid's from this provider, as a login would have made it.
  {
    auto db = store::open_database(url_);
    ASSERT_TRUE(db);
    const SystemClock clock;
    auto s = app::start_session(**db, crypto::DataKeys::for_testing(3),
                                {domain::PersonId{1}, policy::ActorKind::kEmployee, kEntra, "sid-1", "a.b.c", {}}, clock);
    ASSERT_TRUE(s) << s.error().detail;
  }

  auto removed = identity({"identity", "remove", "--issuer", kEntra, "--subject", kIngrid});
  ASSERT_EQ(removed.status, 0) << removed.out << removed.err;
  EXPECT_NE(removed.out.find(std::string("Removed ") + kEntra + " " + kIngrid + " -> person 1 (Ingrid Fjellstad)"),
            std::string::npos)
      << removed.out;
  EXPECT_NE(removed.out.find("Ended 1 live session(s)"), std::string::npos) << removed.out;
  EXPECT_NE(removed.err.find("employee identity removed"), std::string::npos);
  EXPECT_EQ(removed.err.find("d16930b1"), std::string::npos);

  auto gone = identity({"identity", "remove", "--issuer", kEntra, "--subject", kIngrid});
  EXPECT_EQ(gone.status, 2);
  EXPECT_EQ(gone.err, "stafett identity remove: no link with this issuer and subject\n");
  EXPECT_EQ(identity({"identity", "list"}).out, "No employee identities\n");
}

TEST_F(IdentityCommand, ARefusalIsOneLineOnStderrWithExitCodeTwoAndWritesNothing) {
  const std::string other = "https://idp.fjordvik.example/employees";
  const std::vector<std::pair<std::vector<std::string>, std::string>> refused = {
      {{"--issuer", kEntra, "--subject", kIngrid, "--person", "9"}, "has no employment"},
      {{"--issuer", kEntra, "--subject", kIngrid, "--person", "9999"}, "there is no person 9999"},
      {{"--issuer", other, "--subject", "ingrid", "--person", "1"}, "add --force-issuer"},
      {{"--issuer", kEntra, "--subject", "ingrid.fjellstad@fjordvik.kommune.no", "--person", "1"},
       "never an e-mail address"},
      {{"--issuer", kEntra, "--subject", "", "--person", "1"}, "printable ASCII"},
  };
  for (const auto& [args, message] : refused) {
    std::vector<std::string> all{"identity", "add"};
    all.insert(all.end(), args.begin(), args.end());
    auto run = identity(all);
    EXPECT_EQ(run.status, 2) << message;
    EXPECT_EQ(lines(run.err), 1u) << run.err;
    EXPECT_TRUE(run.err.starts_with("stafett identity add: ")) << run.err;
    EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
  }
  EXPECT_EQ(identity({"identity", "list"}).out, "No employee identities\n");
  auto forced =
      identity({"identity", "add", "--issuer", other, "--subject", "ingrid", "--person", "1", "--force-issuer"});
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_NE(forced.err.find("--force-issuer"), std::string::npos) << "the log says the issuer was forced";
  auto unknown = identity({"identity", "list", "--person", "9999"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.err, "stafett identity list: there is no person 9999 in the register\n");
}

}  // namespace
}  // namespace stafett
