// Several municipalities in one deployment over real HTTP, on both databases
// (issue 8, item 1): only an operator creates a municipality and its first
// administrator (an administrator, a coordinator, an employee and a guardian
// get 403); bad input is a clear error beside the field and writes nothing;
// the new administrator administers the new municipality and nothing of the
// others.
#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/http_client.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;
constexpr int kLiv = 8;     // Fjordvik's administrator
constexpr int kHanne = 9;
constexpr int kBjorn = 20;  // Fjordvik's BTI coordinator
constexpr int kKjell = 22;  // the deployment's operator

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

const std::string kStorfjell =
    "name=Storfjell+kommune&kommunenummer=9903&admin_unit=Kommunalavdeling+oppvekst&admin_given_name=Turid"
    "&admin_family_name=Brekkest%C3%B8&admin_title=Kommunalsjef";

class DeploymentHttp : public ServerSuite<DeploymentHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static std::int64_t count(const std::string& table) {
    return scalar(database_url_, "SELECT COUNT(*) FROM " + table);
  }
};

TEST_F(DeploymentHttp, OnlyAnOperatorCreatesMunicipalities) {
  for (auto [person, kind] : {std::pair{kLiv, "employee"}, std::pair{kBjorn, "employee"},
                              std::pair{kIngrid, "employee"}, std::pair{kHanne, "citizen"}}) {
    auto s = demo_log_in(port(), person, kind);
    EXPECT_EQ(s.get("/drift/kommuner").status, 403) << person;
    EXPECT_EQ(s.form("/drift/kommuner", kStorfjell).status, 403) << person;
    EXPECT_EQ(s.get("/api/v1/deployment/municipalities").status, 403) << person;
  }
  EXPECT_EQ(get(port(), "/drift/kommuner").status, 303) << "to the login";
  EXPECT_EQ(count("municipality WHERE kommunenummer = '9903'"), 0);

  auto kjell = demo_log_in(port(), kKjell, "employee");
  auto page = kjell.get("/drift/kommuner");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "Fjordvik kommune"));
  EXPECT_TRUE(has(page.body, "Liv Aasmo")) << "the administrators are listed";
  EXPECT_FALSE(has(page.body, "Nora")) << "nothing of any child";
  auto created = kjell.form("/drift/kommuner", kStorfjell);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(has(created.body, "Storfjell kommune"));
  EXPECT_TRUE(has(created.body, "Turid Brekkestø"));
  EXPECT_EQ(count("municipality WHERE kommunenummer = '9903'"), 1);

  // The new administrator administers Storfjell, and only Storfjell.
  const auto turid = scalar(database_url_, "SELECT id FROM person WHERE given_name = 'Turid'");
  auto admin = demo_log_in(port(), static_cast<int>(turid), "employee");
  auto settings = admin.get("/api/v1/admin/settings");
  ASSERT_EQ(settings.status, 200);
  EXPECT_TRUE(has(settings.body, "Storfjell kommune"));
  EXPECT_FALSE(has(settings.body, "Fjordvik")) << settings.body;
  EXPECT_EQ(admin.get("/drift/kommuner").status, 403) << "an administrator is not an operator";
  EXPECT_EQ(admin.get("/logger/1").status, 403) << "and reads no log";
}

TEST_F(DeploymentHttp, BadInputIsAnErrorBesideTheFieldAndWritesNothing) {
  auto kjell = demo_log_in(port(), kKjell, "employee");
  const auto municipalities = count("municipality"), people = count("person"), units = count("unit");
  auto r = kjell.form("/drift/kommuner",
                      "name=&kommunenummer=12a4&admin_unit=Oppvekst&admin_given_name=%09&admin_family_name=Vik"
                      "&admin_title=Kommunalsjef");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "Kommunenummeret er fire sifre")) << r.body;
  EXPECT_TRUE(has(r.body, "Skriv navnet på kommunen"));
  EXPECT_TRUE(has(r.body, "Skriv administratorens fornavn"));
  EXPECT_TRUE(has(r.body, "value=\"12a4\"")) << "what was typed comes back";
  EXPECT_TRUE(has(r.body, "aria-invalid=\"true\" aria-describedby=\"kommunenummer-error\""));
  // A number that exists: refused, with nothing half-written.
  r = kjell.form("/drift/kommuner",
                 "name=Kopi&kommunenummer=9901&admin_unit=Oppvekst&admin_given_name=Per&admin_family_name=Vik"
                 "&admin_title=Kommunalsjef");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "Det finnes allerede en kommune med dette kommunenummeret"));
  auto api = kjell.json("/api/v1/deployment/municipalities", R"({"name":"X","kommunenummer":"99999"})");
  EXPECT_EQ(api.status, 422);
  EXPECT_TRUE(has(api.body, "\"field\":\"kommunenummer\"")) << api.body;
  EXPECT_TRUE(has(api.body, "\"field\":\"admin_unit\""));
  EXPECT_EQ(kjell.json("/api/v1/deployment/municipalities", "{not json").status, 400);
  EXPECT_EQ(count("municipality"), municipalities);
  EXPECT_EQ(count("person"), people);
  EXPECT_EQ(count("unit"), units);
}

}  // namespace
}  // namespace stafett::testing
