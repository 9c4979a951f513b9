// The public JSON of a municipality's model embedded in its own web site, on
// both databases (issue 8, item 8): CORS headers only for the origins the
// municipality's administrator configured, only on the public JSON routes,
// never with credentials; bad origins are refused with nothing stored.
#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/http_client.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kLiv = 8;     // Fjordvik's administrator
constexpr int kBjorn = 20;  // Fjordvik's coordinator (not its administrator)

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

class EmbeddingHttp : public ServerSuite<EmbeddingHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static std::int64_t origins() { return scalar(database_url_, "SELECT COUNT(*) FROM municipality_origin"); }
  static std::optional<std::string> allowed(const std::string& path, const std::string& origin) {
    auto r = get(port(), path, {{"Origin", origin}});
    EXPECT_FALSE(r.has_header("access-control-allow-credentials")) << path;
    return r.header("access-control-allow-origin");
  }
};

TEST_F(EmbeddingHttp, OnlyTheConfiguredOriginsMayEmbedOnlyThePublicJson) {
  const std::string site = "https://www.fjordvik.example";
  EXPECT_FALSE(allowed("/api/v1/municipalities/9901/services", site)) << "nothing configured yet";
  auto liv = demo_log_in(port(), kLiv, "employee");
  auto saved = liv.form("/admin/kommuner/1/nettsteder",
                        "origins=" + std::string("https%3A%2F%2FWWW.Fjordvik.example%2F%0D%0Ahttps%3A%2F%2Ftjenester.fjordvik.example%3A8443"));
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(origins(), 2);
  EXPECT_TRUE(has(liv.get("/admin/innstillinger").body, "https://www.fjordvik.example")) << "stored in canonical form";

  for (const char* path : {"/api/v1/municipalities/9901/services", "/api/v1/municipalities/9901/measures",
                           "/api/v1/municipalities/9901/arenas", "/api/v1/municipalities/9901/plans",
                           "/api/v1/municipalities/9901/model", "/api/v1/municipalities/9901/services/3"}) {
    EXPECT_EQ(allowed(path, site), site) << path;
    EXPECT_EQ(allowed(path, "https://tjenester.fjordvik.example:8443"), "https://tjenester.fjordvik.example:8443");
    EXPECT_FALSE(allowed(path, "https://evil.example")) << path;
    EXPECT_FALSE(allowed(path, "null")) << path;
    EXPECT_EQ(get(port(), path, {{"Origin", site}}).header("vary"), "Origin") << path;
  }
  EXPECT_FALSE(allowed("/api/v1/municipalities/9902/services", site)) << "Lauvåsen did not allow Fjordvik's site";
  EXPECT_FALSE(allowed("/api/v1/municipalities/9901/services/7", site)) << "an internal entry is a 404, not embedded";
  EXPECT_FALSE(allowed("/api/v1/logs/1", site)) << "never a child's data";
  EXPECT_FALSE(allowed("/api/v1/municipalities/9901/model/history", site)) << "never the editors' pages";
  EXPECT_FALSE(allowed("/kommune/9901/tjenester", site)) << "pages are not embedded";
}

TEST_F(EmbeddingHttp, BadOriginsAreRefusedAndOnlyTheAdministratorSetsThem) {
  auto liv = demo_log_in(port(), kLiv, "employee");
  const auto before = origins();
  for (const char* bad : {"http%3A%2F%2Fwww.fjordvik.example", "https%3A%2F%2Fwww.fjordvik.example%2Fside",
                          "javascript%3Aalert(1)", "https%3A%2F%2Flocalhost", "*"}) {
    auto r = liv.form("/admin/kommuner/1/nettsteder", std::string("origins=") + bad);
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_TRUE(has(r.body, "Skriv hver adresse som https://www.kommune.no")) << bad;
  }
  EXPECT_EQ(liv.json("/api/v1/admin/municipalities/1/origins", R"({"origins":"https://a.example"})").status, 400);
  EXPECT_EQ(liv.json("/api/v1/admin/municipalities/1/origins", R"({"origins":["http://a.example"]})").status, 422);
  EXPECT_EQ(origins(), before);
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  EXPECT_EQ(bjorn.form("/admin/kommuner/1/nettsteder", "origins=https%3A%2F%2Fa.example").status, 403);
  EXPECT_EQ(liv.form("/admin/kommuner/2/nettsteder", "origins=https%3A%2F%2Fa.example").status, 403)
      << "Fjordvik's administrator does not administer Lauvåsen";
  EXPECT_EQ(origins(), before);
  EXPECT_EQ(liv.json("/api/v1/admin/municipalities/1/origins", R"({"origins":["https://www.fjordvik.example"]})").status,
            200);
  EXPECT_EQ(origins(), 1);
}

}  // namespace
}  // namespace stafett::testing
