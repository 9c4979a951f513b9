#include "cli/config.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

namespace stafett::cli {
namespace {

TEST(Config, FileSettingsApplyAndCommentsAreIgnored) {
  const auto file = std::filesystem::temp_directory_path() / ("stafett-config-test-" + std::to_string(::getpid()) + ".conf");
  std::ofstream(file) << "# comment\ndatabase_url = postgresql://x@127.0.0.1/db  # trailing\n\nworkers=3\n";
  Config c;
  ASSERT_TRUE(apply_config_file(c, file));
  EXPECT_EQ(c.database_url, "postgresql://x@127.0.0.1/db");
  EXPECT_EQ(c.workers, 3u);
  std::filesystem::remove(file);
}

TEST(Config, BadLinesNameTheLine) {
  const auto file = std::filesystem::temp_directory_path() / ("stafett-config-bad-" + std::to_string(::getpid()) + ".conf");
  std::ofstream(file) << "workers = 2\nworkers = lots\n";
  Config c;
  auto r = apply_config_file(c, file);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find(":2:"), std::string::npos) << r.error().detail;
  std::filesystem::remove(file);
}

TEST(Config, RefusesUnknownKeysAndBadValues) {
  Config c;
  EXPECT_FALSE(apply_setting(c, "colour", "blue"));
  EXPECT_FALSE(apply_setting(c, "workers", "0"));
  EXPECT_FALSE(apply_setting(c, "listen", "nohost"));
  EXPECT_FALSE(apply_setting(c, "listen", "127.0.0.1:99999"));
  EXPECT_FALSE(apply_setting(c, "log_level", "loud"));
}

TEST(Config, SessionLimitsAreConfigurableWithinBounds) {
  Config c;
  EXPECT_EQ(c.sessions.idle, std::chrono::minutes(30)) << "the defaults the issue asks for";
  EXPECT_EQ(c.sessions.citizen, std::chrono::hours(2));
  EXPECT_EQ(c.sessions.employee, std::chrono::hours(12));
  ASSERT_TRUE(apply_setting(c, "session_idle_minutes", "15"));
  ASSERT_TRUE(apply_setting(c, "session_citizen_minutes", "60"));
  ASSERT_TRUE(apply_setting(c, "session_employee_minutes", "480"));
  EXPECT_EQ(c.sessions.idle, std::chrono::minutes(15));
  EXPECT_EQ(c.sessions.citizen, std::chrono::minutes(60));
  EXPECT_EQ(c.sessions.employee, std::chrono::minutes(480));
  EXPECT_FALSE(apply_setting(c, "session_idle_minutes", "0"));
  EXPECT_FALSE(apply_setting(c, "session_employee_minutes", "100000")) << "never more than a day";
  EXPECT_FALSE(apply_setting(c, "session_citizen_minutes", "two hours"));
  EXPECT_EQ(c.sessions.recent_login, std::chrono::minutes(15));
  ASSERT_TRUE(apply_setting(c, "recent_login_minutes", "5"));
  EXPECT_EQ(c.sessions.recent_login, std::chrono::minutes(5));
  EXPECT_FALSE(apply_setting(c, "recent_login_minutes", "0"));
  EXPECT_FALSE(apply_setting(c, "recent_login_minutes", "600")) << "recent means recent";
}

TEST(Config, CheckpointFilesLiveOutsideTheDatabaseAndCanBeMoved) {
  Config c;
  EXPECT_EQ(checkpoint_key_path(c), "var/stafett-checkpoint.key") << "beside the data keys by default";
  EXPECT_EQ(checkpoint_file_path(c), "var/stafett-checkpoints.txt");
  ASSERT_TRUE(apply_setting(c, "key_file", "/srv/stafett/keys/stafett.key"));
  EXPECT_EQ(checkpoint_file_path(c), "/srv/stafett/keys/stafett-checkpoints.txt");
  ASSERT_TRUE(apply_setting(c, "checkpoint_key_file", "/etc/stafett/checkpoint.key"));
  ASSERT_TRUE(apply_setting(c, "checkpoint_file", "/srv/audit/checkpoints.txt"));
  EXPECT_EQ(checkpoint_key_path(c), "/etc/stafett/checkpoint.key");
  EXPECT_EQ(checkpoint_file_path(c), "/srv/audit/checkpoints.txt");
  EXPECT_FALSE(apply_setting(c, "checkpoint_file", ""));
  EXPECT_EQ(c.checkpoint_interval_minutes, 15);
  ASSERT_TRUE(apply_setting(c, "checkpoint_interval_minutes", "0"));
  EXPECT_FALSE(apply_setting(c, "checkpoint_interval_minutes", "-1"));
  EXPECT_FALSE(apply_setting(c, "checkpoint_interval_minutes", "10000"));
  EXPECT_EQ(c.break_glass_minutes, 120);
  ASSERT_TRUE(apply_setting(c, "break_glass_minutes", "30"));
  EXPECT_EQ(c.break_glass_minutes, 30);
  EXPECT_FALSE(apply_setting(c, "break_glass_minutes", "121")) << "at most two hours";
  EXPECT_FALSE(apply_setting(c, "break_glass_minutes", "0"));
  EXPECT_EQ(c.retention_interval_hours, 24);
  ASSERT_TRUE(apply_setting(c, "retention_interval_hours", "0"));
  EXPECT_FALSE(apply_setting(c, "retention_interval_hours", "-1"));
  EXPECT_FALSE(apply_setting(c, "retention_interval_hours", "1000"));
}

TEST(Config, ParsesListenAddresses) {
  auto v4 = parse_listen("127.0.0.1:8080");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 8080);
  auto v6 = parse_listen("[::1]:0");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
}

TEST(Config, LoginSettingsAreOptionalButCompleteWhenAProviderIsSet) {
  Config c;
  EXPECT_TRUE(check_login_settings(c)) << "no provider: only the demo login";
  ASSERT_TRUE(apply_setting(c, "citizen_issuer", "https://test.idporten.no"));
  EXPECT_FALSE(check_login_settings(c)) << "needs public_base_url, client id and key";
  ASSERT_TRUE(apply_setting(c, "public_base_url", "https://stafett.example.kommune.no"));
  ASSERT_TRUE(apply_setting(c, "citizen_client_id", "abc"));
  ASSERT_TRUE(apply_setting(c, "citizen_client_key_file", "/etc/stafett/key.pem"));
  EXPECT_FALSE(check_login_settings(c)) << "needs the key id";
  ASSERT_TRUE(apply_setting(c, "citizen_client_key_id", "kid-1"));
  EXPECT_TRUE(check_login_settings(c));
  EXPECT_EQ(c.citizen.acr_values, std::vector<std::string>{"idporten-loa-high"}) << "the default";
  ASSERT_TRUE(apply_setting(c, "employee_issuer", "https://login.microsoftonline.com/t1/v2.0"));
  ASSERT_TRUE(apply_setting(c, "employee_client_id", "app"));
  ASSERT_TRUE(apply_setting(c, "employee_client_secret_file", "/etc/stafett/secret"));
  EXPECT_FALSE(check_login_settings(c)) << "an employee provider needs an allow-list of tenants";
  ASSERT_TRUE(apply_setting(c, "employee_allowed_tenants", "t1, t2"));
  EXPECT_EQ(c.employee.allowed_tenants, (std::vector<std::string>{"t1", "t2"}));
  EXPECT_TRUE(check_login_settings(c));
}

TEST(Config, LoginUrlsMustBeHttpsExceptALoopbackBaseUrl) {
  Config c;
  EXPECT_FALSE(apply_setting(c, "citizen_issuer", "http://test.idporten.no"));
  EXPECT_FALSE(apply_setting(c, "employee_issuer", "login.microsoftonline.com"));
  EXPECT_FALSE(apply_setting(c, "public_base_url", "http://stafett.example.no"));
  EXPECT_FALSE(apply_setting(c, "public_base_url", "https://stafett.example.no/"));
  EXPECT_TRUE(apply_setting(c, "public_base_url", "http://127.0.0.1:8080"));
  EXPECT_TRUE(apply_setting(c, "citizen_acr_values", "idporten-loa-high idporten-loa-substantial"));
  EXPECT_EQ(c.citizen.acr_values.size(), 2u);
}

}  // namespace
}  // namespace stafett::cli
