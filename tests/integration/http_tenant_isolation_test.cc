// Tenant isolation, table-driven over the whole route table (issue 8, item 1):
// every GET route is asked for municipality A's things (Fjordvik, 9901: its
// internal service entry, internal measure, internal arena and its meeting,
// internal plan, its logs) by a user of municipality B (Gry, Lauvåsen's
// coordinator), and no answer may carry any of A's non-public data; every
// state-changing route of A's model refuses her before anything is read. A
// shared unit's employee (Jonas, PPT, serving both) sees the internal parts
// of both municipalities' models.
#include <map>
#include <set>
#include <string>

#include "http/method.h"
#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/http_client.h"
#include "support/sql_probe.h"
#include "web/routes.h"

namespace stafett::testing {
namespace {

constexpr int kJonas = 4;   // PPT Fjordregionen: serves Fjordvik and Lauvåsen
constexpr int kBjorn = 20;  // Fjordvik's coordinator
constexpr int kGry = 21;    // Lauvåsen's coordinator, employed at Lauvåsen skule

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

// What only people who work for Fjordvik may read: internal entries of its
// model (made in SetUpTestSuite or by the demo) and its children.
const char* const kFjordvikInternal[] = {
    "Oppvekstkontoret i Fjordvik", "BTI-team Fjordvik", "Internt kurs i Fjordvik", "Intern rutine i Fjordvik",
    "Uro i friminuttene",          "Nora",              "Fjordstrand",              "Sofie",
    "Lyngmo",                      "Bakkeli"};

class TenantIsolation : public ServerSuite<TenantIsolation> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static void SetUpTestSuite() {
    ServerSuite<TenantIsolation>::SetUpTestSuite();
    // Fjordvik's internal measure and plan, a meeting of its internal arena with an anonymous case,
    // and an internal entry in Lauvåsen's model.
    auto bjorn = demo_log_in(port(), kBjorn, "employee");
    ASSERT_EQ(bjorn.form("/kommune/9901/tiltak/ny",
                         "name=Internt+kurs+i+Fjordvik&age_from=0&age_to=18&level_from=1&level_to=2&providers=7")
                  .status,
              303);
    ASSERT_EQ(bjorn.form("/kommune/9901/planer/ny",
                         "title=Intern+rutine+i+Fjordvik&level=service&kind=routine&owner=Leder&reviewed_on=2026-11-01"
                         "&body=Tekst")
                  .status,
              303);
    const auto bti = std::to_string(scalar(database_url_, "SELECT id FROM arena WHERE name = 'BTI-team Fjordvik'"));
    ASSERT_EQ(bjorn.form("/kommune/9901/arenaer/" + bti + "/moter", "starts_at=2026-12-20T10%3A00&place=Rom+1").status,
              303);
    const auto meeting = std::to_string(scalar(database_url_, "SELECT MAX(id) FROM arena_meeting"));
    ASSERT_EQ(bjorn.form("/kommune/9901/arenaer/" + bti + "/moter/" + meeting + "/saker",
                         "kind=anonymous&age_band=6-9&description=Uro+i+friminuttene")
                  .status,
              303);
    auto gry = demo_log_in(port(), kGry, "employee");
    ASSERT_EQ(gry.form("/kommune/9902/tjenester/ny",
                       "name=Lauv%C3%A5sen+ressursteam&service_type=other&age_from=6&age_to=13&levels=1")
                  .status,
              303);
    params_ = {
        {"kommune", "9901"},
        {"municipality", "1"},
        {"id", "1"},
        {"unit", std::to_string(scalar(database_url_, "SELECT id FROM unit WHERE name = 'Oppvekstkontoret i Fjordvik'"))},
        {"measure", std::to_string(scalar(database_url_, "SELECT id FROM catalogue_measure WHERE name = 'Internt kurs i Fjordvik'"))},
        {"plan", std::to_string(scalar(database_url_, "SELECT id FROM plan WHERE title = 'Intern rutine i Fjordvik'"))},
        {"arena", bti},
        {"meeting", meeting},
        {"case", std::to_string(scalar(database_url_, "SELECT MAX(id) FROM arena_case"))},
        {"change", std::to_string(scalar(database_url_, "SELECT MAX(id) FROM model_change WHERE municipality_id = 1"))},
        {"step", "n0-observer"},
        {"tool", "undringsnotat"},
        {"version", "1"},
        {"level", "1"},
        {"record", "1"},
        {"entry", "1"},
        {"code", "nb"},
    };
  }

  // The route's pattern with Fjordvik's things filled in.
  static std::string path_of(std::string_view pattern) {
    std::string out;
    std::size_t i = 0;
    while (i < pattern.size()) {
      if (pattern[i] != '{') {
        out += pattern[i++];
        continue;
      }
      const auto end = pattern.find('}', i);
      const std::string name(pattern.substr(i + 1, end - i - 1));
      const auto it = params_.find(name);
      out += it == params_.end() ? std::string("1") : it->second;
      i = end + 1;
    }
    return out;
  }

  static inline std::map<std::string, std::string> params_;
};

TEST_F(TenantIsolation, AnotherMunicipalitysUserSeesNothingOfItsNonPublicDataOnAnyRoute) {
  auto gry = demo_log_in(port(), kGry, "employee");
  int asked = 0;
  for (const web::Route& route : web::route_table()) {
    // Static files hold no tenant's data; with `serve --demo` the login page
    // and the demo login list the fictional personas, by design.
    if (route.pattern.find("{*") != std::string_view::npos || route.option == web::RouteOption::kDemoOnly ||
        route.pattern == "/logg-inn") {
      continue;
    }
    const auto path = path_of(route.pattern);
    if (route.method == http::Method::kGet) {
      auto r = gry.get(path);
      ++asked;
      for (const char* canary : kFjordvikInternal) {
        EXPECT_FALSE(r.status == 200 && has(r.body, canary)) << route.pattern << " (" << path << ") showed " << canary;
      }
    } else if (route.method == http::Method::kPost &&
               (route.pattern.find("{kommune}") != std::string_view::npos ||
                route.pattern.find("{municipality}") != std::string_view::npos) &&
               route.action != policy::Action::kViewPublicPage) {
      // Changing Fjordvik's model or settings: refused (a body it cannot use,
      // or no right) before anything is read or written.
      const bool json = route.pattern.starts_with("/api/");
      auto r = json ? gry.json(path, "{}") : gry.form(path, "");
      ++asked;
      EXPECT_TRUE(r.status == 400 || r.status == 403 || r.status == 404) << route.pattern << " answered " << r.status;
    }
  }
  EXPECT_GT(asked, 100) << "the table was walked";
  EXPECT_EQ(scalar(database_url_, "SELECT COUNT(*) FROM model_change WHERE saved_by_person_id = " +
                                      std::to_string(kGry) + " AND municipality_id = 1"),
            0)
      << "nothing of Fjordvik's was changed by her";
}

TEST_F(TenantIsolation, ASharedUnitsEmployeeSeesTheInternalPartsOfBoth) {
  auto jonas = demo_log_in(port(), kJonas, "employee");
  EXPECT_TRUE(has(jonas.get("/kommune/9901/tjenester").body, "Oppvekstkontoret i Fjordvik"));
  EXPECT_TRUE(has(jonas.get("/kommune/9902/tjenester").body, "Lauvåsen ressursteam"));
  EXPECT_TRUE(has(jonas.get("/api/v1/municipalities/9901/measures").body, "Internt kurs i Fjordvik"));
  EXPECT_TRUE(has(jonas.get("/kommune/9901/samhandling").body, "BTI-team Fjordvik"));
  EXPECT_TRUE(has(jonas.get("/kommune/9901/planer").body, "Intern rutine i Fjordvik"));
  // ... while Gry, of Lauvåsen alone, sees Lauvåsen's and not Fjordvik's.
  auto gry = demo_log_in(port(), kGry, "employee");
  EXPECT_TRUE(has(gry.get("/kommune/9902/tjenester").body, "Lauvåsen ressursteam"));
  EXPECT_FALSE(has(gry.get("/kommune/9901/tjenester").body, "Oppvekstkontoret i Fjordvik"));
  // The public sees neither.
  EXPECT_FALSE(has(get(port(), "/kommune/9902/tjenester").body, "Lauvåsen ressursteam"));
}

}  // namespace
}  // namespace stafett::testing
