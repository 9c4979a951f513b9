// The service catalogue (tjenesteoversikt) over real HTTP, on both databases
// (issue 8, items 1, 2 and 7): the public sees the entries marked public and
// nothing personal; the people who work for a municipality see its other
// entries too, a shared unit's employee those of every municipality it
// serves, and nobody those of another municipality; only the municipality's
// coordinator and administrators add and edit, each save a version in the
// history; bad input (nonsense opening hours, a wrong phone number, Markdown
// with script, ...) is an error beside the field and stores nothing.
#include "http/form_urlencode.h"
#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/http_client.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;  // teacher, Fjordvik skole
constexpr int kJonas = 4;   // PPT: a unit shared by Fjordvik and Lauvåsen
constexpr int kLiv = 8;     // Fjordvik's administrator
constexpr int kHanne = 9;   // a guardian
constexpr int kBjorn = 20;  // Fjordvik's BTI coordinator
constexpr int kGry = 21;    // Lauvåsen's BTI coordinator (works at Lauvåsen skule)

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

std::string enc(const std::string& s) { return http::form_urlencode({{"x", s}}).substr(2); }

struct Entry {
  std::string name = "Familiesenteret";
  std::string type = "health_station";
  std::string description = "Samtaler for **foreldre** og barn.";
  std::string age_from = "0";
  std::string age_to = "12";
  std::string phone = "22 00 30 01";
  std::string hours = "man–fre 08.00–15.30";
  std::string url = "https://www.fjordvik.example/familiesenteret";
  bool is_public = true;

  std::string form() const {
    return "name=" + enc(name) + "&service_type=" + type + "&description=" + enc(description) + "&age_from=" +
           enc(age_from) + "&age_to=" + enc(age_to) + "&needs=family&needs=mental_health&levels=1&levels=2&phone=" +
           enc(phone) + "&address=" + enc("Torget 3, Fjordvik") + "&opening_hours=" + enc(hours) +
           "&contact_form_url=" + enc(url) + (is_public ? "&is_public=ja" : "") + "&summary=" + enc("Ny tjeneste");
  }
};

class ServicesHttp : public ServerSuite<ServicesHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static std::int64_t count(const std::string& what) { return scalar(database_url_, "SELECT COUNT(*) FROM " + what); }
};

TEST_F(ServicesHttp, ThePublicSeesPublicEntriesAndNothingPersonal) {
  auto page = get(port(), "/kommune/9901/tjenester");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "Fjordvik helsestasjon og skolehelsetjeneste"));
  EXPECT_TRUE(has(page.body, "href=\"tel:+4722001003\""));
  EXPECT_FALSE(has(page.body, "Oppvekstkontoret")) << "not marked public";
  // No child, guardian or employee of the demo appears on a public page.
  for (const char* canary : {"Nora", "Fjordstrand", "Sofie", "Lyngmo", "Bakkeli", "Ingrid", "Fjellstad"}) {
    EXPECT_FALSE(has(page.body, canary)) << canary;
  }
  EXPECT_EQ(get(port(), "/kommune/9901/tjenester/7").status, 404) << "the administration's entry is internal";
  // Lauvåsen's catalogue has its own school and the shared units, not Fjordvik's own.
  auto lauvasen = get(port(), "/api/v1/municipalities/9902/services");
  ASSERT_EQ(lauvasen.status, 200);
  EXPECT_TRUE(has(lauvasen.body, "Lauvåsen skule"));
  EXPECT_TRUE(has(lauvasen.body, "PPT Fjordregionen"));
  EXPECT_FALSE(has(lauvasen.body, "Fjordvik skole"));
  EXPECT_FALSE(has(lauvasen.body, "\"internal\":true"));
  EXPECT_EQ(get(port(), "/api/v1/municipalities/9902/services/2").status, 404) << "Fjordvik's school does not serve 9902";
  EXPECT_EQ(get(port(), "/kommune/9999/tjenester").status, 404);
  EXPECT_EQ(get(port(), "/kommune/abc/tjenester").status, 404);
}

TEST_F(ServicesHttp, TheFilterFindsByAgeNeedLevelAndWords) {
  const auto names = [&](const std::string& query) {
    return get(port(), "/api/v1/municipalities/9901/services" + query).body;
  };
  auto small_child_language = names("?age=3&need=language");
  EXPECT_TRUE(has(small_child_language, "Solsikken barnehage"));
  EXPECT_TRUE(has(small_child_language, "PPT Fjordregionen"));
  EXPECT_FALSE(has(small_child_language, "Fjordvik skole"));
  auto teenager = names("?alder=15&behov=absence");
  EXPECT_TRUE(has(teenager, "Fjordvik skole"));
  EXPECT_FALSE(has(teenager, "Solsikken"));
  EXPECT_TRUE(has(names("?q=drop-in"), "helsestasjon"));
  EXPECT_FALSE(has(names("?q=drop-in"), "Fjordvik skole"));
  EXPECT_TRUE(has(names("?level=3"), "Barneverntjenesten"));
  EXPECT_FALSE(has(names("?level=3"), "Solsikken"));
  // Nonsense in the filter is ignored, never an error.
  EXPECT_EQ(get(port(), "/kommune/9901/tjenester?alder=x&behov=%3Cscript%3E&niva=9").status, 200);
  auto page = get(port(), "/kommune/9901/tjenester?alder=3&behov=language");
  EXPECT_TRUE(has(page.body, "<option value=\"language\" selected>"));
  EXPECT_TRUE(has(page.body, "value=\"3\""));
}

TEST_F(ServicesHttp, EmployeesSeeTheirMunicipalitysInternalEntriesOnly) {
  // Gry adds an internal entry in Lauvåsen.
  auto gry = demo_log_in(port(), kGry, "employee");
  Entry internal;
  internal.name = "Lauvåsen ressursteam";
  internal.type = "other";
  internal.is_public = false;
  ASSERT_EQ(gry.form("/kommune/9902/tjenester/ny", internal.form()).status, 303);
  const auto unit = scalar(database_url_, "SELECT id FROM unit WHERE name = 'Lauvåsen ressursteam'");
  const auto path = "/kommune/9902/tjenester/" + std::to_string(unit);

  EXPECT_EQ(get(port(), path).status, 404) << "the public";
  EXPECT_EQ(gry.get(path).status, 200) << "Lauvåsen's own";
  auto jonas = demo_log_in(port(), kJonas, "employee");
  EXPECT_EQ(jonas.get(path).status, 200) << "PPT serves Lauvåsen too";
  EXPECT_EQ(jonas.get("/kommune/9901/tjenester/7").status, 200) << "and Fjordvik";
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  EXPECT_EQ(ingrid.get(path).status, 404) << "Fjordvik's teacher sees nothing of Lauvåsen's internal entries";
  EXPECT_FALSE(has(ingrid.get("/kommune/9902/tjenester").body, "Lauvåsen ressursteam"));
  EXPECT_FALSE(has(ingrid.get("/api/v1/municipalities/9902/services").body, "ressursteam"));
  EXPECT_TRUE(has(ingrid.get("/kommune/9901/tjenester").body, "Oppvekstkontoret")) << "but Fjordvik's";
  // The participant picker of a log links each unit on offer to its catalogue
  // entry: Sara, holding Sofie's log, may add the school's teacher.
  auto picker = demo_log_in(port(), 3, "employee").get("/logger/3/deltakere");
  ASSERT_EQ(picker.status, 200);
  EXPECT_TRUE(has(picker.body, "href=\"/kommune/9901/tjenester/2\">Fjordvik skole</a>")) << picker.body;
  EXPECT_EQ(gry.get("/kommune/9901/tjenester/7").status, 404) << "and Gry nothing of Fjordvik's";
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  EXPECT_EQ(hanne.get(path).status, 404) << "a guardian is the public here";
}

TEST_F(ServicesHttp, OnlyTheMunicipalitysCoordinatorAndAdministratorsEdit) {
  Entry e;
  for (auto [person, kind] : {std::pair{kIngrid, "employee"}, std::pair{kGry, "employee"},
                              std::pair{kJonas, "employee"}, std::pair{kHanne, "citizen"}}) {
    auto s = demo_log_in(port(), person, kind);
    EXPECT_EQ(s.get("/kommune/9901/tjenester/ny").status, 403) << person;
    EXPECT_EQ(s.form("/kommune/9901/tjenester/ny", e.form()).status, 403) << person;
    EXPECT_EQ(s.form("/kommune/9901/tjenester/2/rediger", e.form()).status, 403) << person;
    EXPECT_EQ(s.get("/kommune/9901/samhandling/historikk").status, 403) << person;
    EXPECT_EQ(s.json("/api/v1/municipalities/9901/services", "{}").status, 403) << person;
  }
  EXPECT_EQ(count("unit WHERE name = 'Familiesenteret'"), 0);

  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  auto added = bjorn.form("/kommune/9901/tjenester/ny", e.form());
  ASSERT_EQ(added.status, 303) << added.body;
  const auto unit = scalar(database_url_, "SELECT id FROM unit WHERE name = 'Familiesenteret'");
  auto shown = get(port(), "/kommune/9901/tjenester/" + std::to_string(unit));
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(has(shown.body, "<strong>foreldre</strong>"));
  EXPECT_TRUE(has(shown.body, "https://www.fjordvik.example/familiesenteret"));

  // The administrator edits it too; the kind of service stays.
  auto liv = demo_log_in(port(), kLiv, "employee");
  Entry changed = e;
  changed.hours = "man–tor 08.00–15.30, fre 08.00–14.00";
  auto saved = liv.form("/kommune/9901/tjenester/" + std::to_string(unit) + "/rediger", changed.form());
  EXPECT_EQ(saved.status, 303) << saved.body;
  changed.type = "school";
  EXPECT_EQ(liv.form("/kommune/9901/tjenester/" + std::to_string(unit) + "/rediger", changed.form()).status, 422);

  // A shared unit is edited where it belongs: Lauvåsen's coordinator cannot edit PPT.
  auto gry = demo_log_in(port(), kGry, "employee");
  EXPECT_EQ(gry.form("/kommune/9902/tjenester/4/rediger", e.form()).status, 404);
  EXPECT_EQ(gry.form("/kommune/9902/tjenester/2/rediger", e.form()).status, 404);

  // The history: two versions, the second naming the changed opening hours.
  EXPECT_EQ(count("model_change WHERE kind = 'service' AND item_id = " + std::to_string(unit)), 2);
  auto history = bjorn.get("/kommune/9901/samhandling/historikk");
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(has(history.body, "Familiesenteret, versjon 2"));
  EXPECT_TRUE(has(history.body, "Liv Aasmo"));
  const auto second = scalar(database_url_, "SELECT id FROM model_change WHERE item_id = " + std::to_string(unit) +
                                                " AND kind = 'service' AND version = 2");
  auto diff = bjorn.get("/kommune/9901/samhandling/historikk/" + std::to_string(second));
  ASSERT_EQ(diff.status, 200);
  EXPECT_TRUE(has(diff.body, "Åpningstider"));
  EXPECT_TRUE(has(diff.body, "<ins>+ man–tor 08.00–15.30, fre 08.00–14.00</ins>")) << diff.body;
  EXPECT_FALSE(has(diff.body, "<strong>Beskrivelse</strong>")) << "unchanged fields are not listed";
  EXPECT_EQ(gry.get("/kommune/9902/samhandling/historikk/" + std::to_string(second)).status, 404)
      << "another municipality's change is not found from there";
  auto api = bjorn.get("/api/v1/municipalities/9901/model/history/" + std::to_string(second));
  EXPECT_TRUE(has(api.body, "\"changed_fields\":[\"opening_hours\"]")) << api.body;
}

TEST_F(ServicesHttp, BadInputIsAnErrorBesideTheFieldAndStoresNothing) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  const auto units = count("unit"), profiles = count("unit_profile"), changes = count("model_change");
  const auto refused = [&](Entry e, const std::string& message) {
    auto r = bjorn.form("/kommune/9901/tjenester/ny", e.form());
    EXPECT_EQ(r.status, 422) << message;
    EXPECT_TRUE(has(r.body, message)) << message;
    EXPECT_TRUE(has(r.body, "aria-invalid=\"true\"")) << message;
    return r;
  };
  Entry e;
  e.hours = "hele tiden";
  auto r = refused(e, "Skriv åpningstidene som for eksempel");
  EXPECT_TRUE(has(r.body, "value=\"hele tiden\"")) << "what was typed comes back";
  e = Entry{};
  e.phone = "22-33-44-55";
  refused(e, "Skriv et norsk telefonnummer med 8 siffer");
  e = Entry{};
  e.description = "Hei <script>alert(1)</script>";
  r = refused(e, "HTML er ikke tillatt her");
  EXPECT_FALSE(has(r.body, "<script>alert(1)")) << "the typed text comes back escaped";
  e = Entry{};
  e.description = "[Trykk her](javascript:alert(1))";
  refused(e, "En lenke må gå til en https-adresse");
  e = Entry{};
  e.age_from = "12";
  e.age_to = "3";
  refused(e, "Alderen «til» kan ikke være lavere");
  e = Entry{};
  e.url = "http://www.fjordvik.example/skjema";
  refused(e, "Lenken må være en hel https-adresse");
  e = Entry{};
  e.phone = "";
  e.url = "";
  auto no_contact = bjorn.form("/kommune/9901/tjenester/ny",
                               "name=Uten+kontakt&service_type=other&age_from=0&age_to=18&levels=1&is_public=ja");
  EXPECT_EQ(no_contact.status, 422);
  EXPECT_TRUE(has(no_contact.body, "En offentlig tjeneste må ha telefon, adresse eller kontaktskjema"));
  auto no_level = bjorn.form("/kommune/9901/tjenester/ny", "name=X&service_type=other&age_from=0&age_to=18");
  EXPECT_TRUE(has(no_level.body, "Velg minst ett nivå"));
  // The JSON twin: 422 with the fields, 400 for a body that is not an object of the right shapes.
  auto api = bjorn.json("/api/v1/municipalities/9901/services",
                        R"({"name":"X","service_type":"other","age_from":0,"age_to":18,"levels":[1],)"
                        R"("opening_hours":"når som helst","phone":"123"})");
  EXPECT_EQ(api.status, 422);
  EXPECT_TRUE(has(api.body, "\"field\":\"opening_hours\"")) << api.body;
  EXPECT_TRUE(has(api.body, "\"field\":\"phone\""));
  EXPECT_EQ(bjorn.json("/api/v1/municipalities/9901/services", R"({"needs":"family"})").status, 400);
  EXPECT_EQ(bjorn.json("/api/v1/municipalities/9901/services", "[1,2]").status, 400);
  EXPECT_EQ(count("unit"), units);
  EXPECT_EQ(count("unit_profile"), profiles);
  EXPECT_EQ(count("model_change"), changes);
  // A good one through the API.
  auto ok = bjorn.json("/api/v1/municipalities/9901/services",
                       R"({"name":"Ungdomskontakten","service_type":"culture_leisure","age_from":12,"age_to":20,)"
                       R"("needs":["leisure"],"levels":[0,1],"phone":"+47 22003002","public":true})");
  EXPECT_EQ(ok.status, 201) << ok.body;
  EXPECT_TRUE(has(get(port(), "/kommune/9901/tjenester").body, "22 00 30 02")) << "shown in the canonical form";
}

}  // namespace
}  // namespace stafett::testing
