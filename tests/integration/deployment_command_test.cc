// `stafett municipality` and `stafett operator` as an operator runs them: the
// real binary against a seeded database of the backend named by
// STAFETT_TEST_BACKEND, exit codes and output read apart.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/child_process.h"
#include "support/server_process.h"
#include "support/sql_probe.h"
#include "support/test_database.h"

namespace stafett {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CommandRun {
  int status = -1;
  std::string out;
  std::string err;
};

class DeploymentCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir();
    url_ = testing::fresh_database_url();
    ASSERT_EQ(testing::run_stafett({"seed-demo", "--database-url", url_, "--key-file", dir_ + "/stafett.key"},
                                   dir_ + "/seed.log"),
              0)
        << read_file(dir_ + "/seed.log");
  }

  CommandRun run(std::vector<std::string> args) {
    const std::string n = std::to_string(++runs_);
    const std::string out = dir_ + "/out" + n, err = dir_ + "/err" + n;
    args.insert(args.begin(), {testing::stafett_binary(), "--database-url", url_});
    const pid_t pid = testing::spawn_logged(args, out, -1, err);
    CommandRun r;
    r.status = testing::wait_exit(pid, 60000);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
  }

  std::int64_t count(const std::string& table) { return testing::scalar(url_, "SELECT COUNT(*) FROM " + table); }

  std::string dir_;
  std::string url_;
  int runs_ = 0;
};

const std::vector<std::string> kStorfjell = {"municipality", "add", "--number", "9903", "--name", "Storfjell kommune",
                                             "--admin-unit", "Kommunalavdeling oppvekst", "--admin-given-name", "Turid",
                                             "--admin-family-name", "Brekkestø", "--admin-title", "Kommunalsjef"};

TEST_F(DeploymentCommand, AddsAMunicipalityWithItsFirstAdministrator) {
  const auto people = count("person");
  auto added = run(kStorfjell);
  ASSERT_EQ(added.status, 0) << added.out << added.err;
  EXPECT_NE(added.out.find("Added Storfjell kommune (9903)"), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("stafett identity add --person " + std::to_string(people + 1)), std::string::npos)
      << "tells the operator how to link the administrator's login: " << added.out;
  const auto m = testing::scalar(url_, "SELECT id FROM municipality WHERE kommunenummer = '9903'");
  EXPECT_EQ(testing::scalar(url_, "SELECT COUNT(*) FROM municipal_role WHERE role = 'admin' AND municipality_id = " +
                                      std::to_string(m)),
            1);
  EXPECT_EQ(testing::scalar(url_, "SELECT COUNT(*) FROM municipality_settings WHERE municipality_id = " +
                                      std::to_string(m)),
            1);
  EXPECT_EQ(testing::scalar(url_, "SELECT COUNT(*) FROM employment e JOIN unit u ON u.id = e.unit_id"
                                  " WHERE u.municipality_id = " + std::to_string(m) + " AND e.valid_to_ms IS NULL"),
            1);

  auto listed = run({"municipality", "list"});
  ASSERT_EQ(listed.status, 0) << listed.err;
  EXPECT_NE(listed.out.find("9903\tStorfjell kommune\tTurid Brekkestø\t1\n"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("9901\tFjordvik kommune\t"), std::string::npos) << listed.out;
}

TEST_F(DeploymentCommand, RefusalsWriteNothing) {
  const auto municipalities = count("municipality"), people = count("person"), units = count("unit");
  auto taken = kStorfjell;
  taken[3] = "9901";  // Fjordvik's number
  auto r = run(taken);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "stafett municipality add: --number: a municipality with this number exists\n");
  auto bad = kStorfjell;
  bad[3] = "99O3";  // a letter O
  bad[5] = "";
  r = run(bad);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--number: four digits"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--name: 1 to 200 characters"), std::string::npos) << r.err;
  EXPECT_EQ(count("municipality"), municipalities);
  EXPECT_EQ(count("person"), people);
  EXPECT_EQ(count("unit"), units);
  EXPECT_EQ(count("municipal_role WHERE municipality_id NOT IN (SELECT id FROM municipality)"), 0);
}

TEST_F(DeploymentCommand, ShareAUnitAndAddAnOperator) {
  ASSERT_EQ(run(kStorfjell).status, 0);
  // PPT (unit 4 in the demo) also serves Storfjell from now on.
  const auto ppt = testing::scalar(url_, "SELECT id FROM unit WHERE service_type = 'ppt'");
  auto shared = run({"municipality", "share", "--unit", std::to_string(ppt), "--with", "9903"});
  ASSERT_EQ(shared.status, 0) << shared.err;
  EXPECT_EQ(testing::scalar(url_, "SELECT COUNT(*) FROM unit_serves s JOIN municipality m ON m.id = s.municipality_id"
                                  " WHERE m.kommunenummer = '9903' AND s.unit_id = " + std::to_string(ppt)),
            1);
  auto again = run({"municipality", "share", "--unit", std::to_string(ppt), "--with", "9903"});
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("already serves"), std::string::npos);
  EXPECT_EQ(run({"municipality", "share", "--unit", "9999", "--with", "9903"}).status, 2);
  EXPECT_EQ(run({"municipality", "share", "--unit", std::to_string(ppt), "--with", "9998"}).status, 2);

  const auto operators = count("operator_role");
  auto op = run({"operator", "add", "--person", "1"});
  ASSERT_EQ(op.status, 0) << op.err;
  EXPECT_EQ(count("operator_role"), operators + 1);
  EXPECT_EQ(run({"operator", "add", "--person", "1"}).status, 2) << "once is enough";
  auto nobody = run({"operator", "add", "--person", "999999"});
  EXPECT_EQ(nobody.status, 2);
  EXPECT_EQ(nobody.err, "stafett operator add: there is no person 999999 in the register\n");
  EXPECT_EQ(count("operator_role"), operators + 1);
}

}  // namespace
}  // namespace stafett
