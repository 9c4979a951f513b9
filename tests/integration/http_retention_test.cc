// The municipality's retention settings over real HTTP, on both databases
// (issue 6, item 6): the administrator sets how long closed logs and their
// accesses are kept on the settings page and through the JSON API; bad
// values are a clear error and change nothing; nobody else may. What a run
// removes is tested in suites Retention and RetentionCommand.
#include <boost/json/parse.hpp>

#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;
constexpr int kLiv = 8;  // Fjordvik's administrator
constexpr int kRandi = 19;

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

class RetentionHttp : public ServerSuite<RetentionHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

TEST_F(RetentionHttp, TheAdministratorSetsItOnTheSettingsPage) {
  auto liv = demo_log_in(port(), kLiv, "employee");
  auto page = liv.get("/admin/innstillinger");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "/admin/kommuner/1/oppbevaring"));
  EXPECT_TRUE(has(page.body, "Slett avsluttede logger etter (dager)"));
  auto saved = liv.form("/admin/kommuner/1/oppbevaring", "closed_log_days=3650&access_record_days=730");
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_TRUE(has(saved.body, "value=\"3650\""));
  EXPECT_TRUE(has(saved.body, "value=\"730\""));
  EXPECT_EQ(scalar(database_url_, "SELECT closed_log_days FROM retention_settings WHERE municipality_id = 1"), 3650);

  auto bad = liv.form("/admin/kommuner/1/oppbevaring", "closed_log_days=7&access_record_days=%3Cscript%3E");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad.body, "Skriv et helt antall dager fra 30 til 36500, eller la feltet stå tomt."));
  EXPECT_TRUE(has(bad.body, "value=\"7\"")) << "what was typed, shown again";
  EXPECT_FALSE(has(bad.body, "<script>"));
  EXPECT_EQ(scalar(database_url_, "SELECT access_record_days FROM retention_settings WHERE municipality_id = 1"), 730)
      << "nothing changed";

  auto cleared = liv.form("/admin/kommuner/1/oppbevaring", "closed_log_days=&access_record_days=");
  ASSERT_EQ(cleared.status, 200);
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM retention_settings WHERE closed_log_days IS NULL"
                                  " AND access_record_days IS NULL AND municipality_id = 1"),
            1)
      << "empty: kept until decided";
}

TEST_F(RetentionHttp, TheJsonApiSetsAndShowsIt) {
  auto liv = demo_log_in(port(), kLiv, "employee");
  auto set = liv.json("/api/v1/admin/municipalities/1/retention", R"({"closed_log_days":1825,"access_record_days":null})");
  ASSERT_EQ(set.status, 200) << set.body;
  auto shown = liv.get("/api/v1/admin/settings");
  const auto m = boost::json::parse(shown.body).at("municipalities").at(0);
  EXPECT_EQ(m.at("retention").at("closed_log_days").as_int64(), 1825);
  EXPECT_TRUE(m.at("retention").at("access_record_days").is_null());
  EXPECT_EQ(liv.json("/api/v1/admin/municipalities/1/retention", R"({"closed_log_days":"1825"})").status, 422)
      << "a number, not text";
  EXPECT_EQ(liv.json("/api/v1/admin/municipalities/1/retention", R"({"closed_log_days":10})").status, 422);
  EXPECT_EQ(liv.json("/api/v1/admin/municipalities/1/retention", "not json").status, 400);
  EXPECT_EQ(liv.json("/api/v1/admin/municipalities/999999999999999999999/retention", "{}").status, 404);
}

TEST_F(RetentionHttp, NobodyElseMay) {
  for (int who : {kIngrid, kRandi}) {
    auto other = demo_log_in(port(), who, "employee");
    EXPECT_EQ(other.form("/admin/kommuner/1/oppbevaring", "closed_log_days=30").status, 403);
    EXPECT_EQ(other.json("/api/v1/admin/municipalities/1/retention", R"({"closed_log_days":30})").status, 403);
  }
  EXPECT_NE(scalar(database_url_, "SELECT COUNT(*) FROM retention_settings WHERE closed_log_days = 30"), 1);
}

}  // namespace
}  // namespace stafett::testing
