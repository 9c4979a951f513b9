// The BTI coordinator's guide editor over real HTTP, on both databases
// (issue 7, item 4): only the coordinator of municipality A edits A's guide
// (B's coordinator, an ordinary employee, an administrator and a guardian
// get 403); changes go into a draft the public does not see until it is
// published; publishing makes a version with who and what changed; every
// editable text is Markdown in the safe subset (script, javascript: links,
// event handlers, inline styles and raw HTML never reach a page as markup);
// bad input (an oversized text, a form with an unknown field type or a
// cycle, a broken document) is a clear error and nothing is stored.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/form_urlencode.h"
#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/http_client.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;
constexpr int kLiv = 8;     // Fjordvik's administrator (not its coordinator)
constexpr int kHanne = 9;
constexpr int kBjorn = 20;  // BTI coordinator, Fjordvik (9901)
constexpr int kGry = 21;    // BTI coordinator, Lauvåsen (9902)

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

std::string enc(const std::string& s) { return http::form_urlencode({{"x", s}}).substr(2); }

// The step form as the editor page sends it, with `what_nb` as the bokmål text.
std::string step_form(const std::string& title, const std::string& what_nb) {
  return "step_title_nb=" + enc(title) + "&step_title_nn=" + enc(title) + "&what_to_do_nb=" + enc(what_nb) +
         "&what_to_do_nn=" + enc("Gjer dette") + "&responsible_nb=&responsible_nn=&think_about_nb=&think_about_nn=" +
         "&tools=undringsnotat";
}

class GuideEditorHttp : public ServerSuite<GuideEditorHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

 protected:
  static std::int64_t versions() { return scalar(database_url_, "SELECT COUNT(*) FROM guide_version"); }
  static std::string draft() {
    return std::to_string(scalar(database_url_, "SELECT COUNT(*) FROM guide_draft WHERE municipality_id = 1"));
  }
};

TEST_F(GuideEditorHttp, OnlyTheMunicipalitysOwnCoordinatorMayEditItsGuide) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  EXPECT_EQ(bjorn.get("/kommune/9901/rediger").status, 200);
  EXPECT_EQ(bjorn.get("/api/v1/municipalities/9901/guide/draft").status, 200);
  for (auto [person, kind] : {std::pair{kGry, "employee"}, std::pair{kIngrid, "employee"}, std::pair{kLiv, "employee"},
                              std::pair{kHanne, "citizen"}}) {
    auto s = demo_log_in(port(), person, kind);
    EXPECT_EQ(s.get("/kommune/9901/rediger").status, 403) << person;
    EXPECT_EQ(s.get("/kommune/9901/rediger/trinn/n0-observer").status, 403) << person;
    EXPECT_EQ(s.form("/kommune/9901/rediger/trinn/n0-observer", step_form("Kapret", "x")).status, 403) << person;
    EXPECT_EQ(s.form("/kommune/9901/rediger/publiser", "summary=x").status, 403) << person;
    EXPECT_EQ(s.get("/api/v1/municipalities/9901/guide/versions").status, 403) << person;
    EXPECT_EQ(s.json("/api/v1/municipalities/9901/guide/publish", R"({"summary":"x"})").status, 403) << person;
  }
  EXPECT_EQ(demo_log_in(port(), kGry, "employee").get("/kommune/9902/rediger").status, 200) << "her own";
  const auto anonymous = get(port(), "/kommune/9901/rediger");
  EXPECT_TRUE(anonymous.status == 303 || anonymous.status == 401) << anonymous.status;
  EXPECT_EQ(bjorn.get("/kommune/9999/rediger").status, 404);
  EXPECT_EQ(draft(), "0") << "nothing was changed by the refused requests";
}

TEST_F(GuideEditorHttp, ADraftIsPrivateUntilPublishedAndTheHistorySaysWhoChangedWhat) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  const std::string title = "Se, lytt og undre deg";
  auto r = bjorn.form("/kommune/9901/rediger/trinn/n0-observer", step_form(title, "- Se etter\n- Lytt etter"));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_FALSE(has(get(port(), "/kommune/9901/veileder/trinn/n0-observer").body, title)) << "the public sees no draft";
  EXPECT_TRUE(has(bjorn.get("/kommune/9901/rediger/forhandsvis/n0-observer").body, title));
  // Publishing needs a word on what changed.
  r = bjorn.form("/kommune/9901/rediger/publiser", "summary=+");
  EXPECT_EQ(r.status, 422);
  const auto before = versions();
  r = bjorn.form("/kommune/9901/rediger/publiser", "summary=" + enc("Nytt navn på første trinn"));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(versions(), before + 1);
  EXPECT_TRUE(has(get(port(), "/kommune/9901/veileder/trinn/n0-observer").body, title)) << "published: public at once";
  EXPECT_FALSE(has(get(port(), "/kommune/9902/veileder/trinn/n0-observer").body, title)) << "Lauvåsen's is its own";
  const auto history = bjorn.get("/kommune/9901/historikk");
  EXPECT_TRUE(has(history.body, "Bjørn Lindvik"));
  EXPECT_TRUE(has(history.body, "Nytt navn på første trinn"));
  const auto diff = boost::json::parse(bjorn.get("/api/v1/municipalities/9901/guide/versions/1").body);
  bool title_changed = false;
  for (const auto& c : diff.at("changes").as_array()) {
    title_changed = title_changed || (c.at("where").as_string() == "steps.n0-observer" && c.at("field").as_string() == "title.nb");
  }
  EXPECT_TRUE(title_changed) << boost::json::serialize(diff);
  EXPECT_EQ(bjorn.get("/kommune/9901/historikk/1").status, 200);
  EXPECT_EQ(bjorn.get("/kommune/9901/historikk/99").status, 404);
  EXPECT_EQ(boost::json::parse(get(port(), "/api/v1/municipalities/9901/guide").body).at("version").as_int64(), 1);
}

TEST_F(GuideEditorHttp, MarkdownNeverBecomesMarkupOnAnyPage) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  const std::string hostile =
      "<script>alert('xss')</script>\n\n[klikk](javascript:alert(1)) [data](data:text/html,x)\n\n"
      "<img src=x onerror=alert(2)> <p style=\"color:red\" onclick=\"alert(3)\">rå html</p>";
  auto r = bjorn.form("/kommune/9901/rediger/trinn/n0-drofte", step_form("Drøft <b>anonymt</b>", hostile));
  ASSERT_EQ(r.status, 303) << r.body;
  r = bjorn.form("/kommune/9901/rediger/verktoy/tegn-og-signaler",
                 "tool_title_nb=Tegn&tool_title_nn=Teikn&summary_nb=&summary_nn=&body_nb=" + enc(hostile) +
                     "&body_nn=" + enc(hostile));
  ASSERT_EQ(r.status, 303) << r.body;
  ASSERT_EQ(bjorn.form("/kommune/9901/rediger/publiser", "summary=Test").status, 303);
  for (const char* path : {"/kommune/9901/veileder/trinn/n0-drofte", "/kommune/9901/veileder/verktoy/tegn-og-signaler",
                           "/kommune/9901/veileder", "/kommune/9901/veileder/sok?q=klikk"}) {
    const auto page = get(port(), path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_FALSE(has(page.body, "<script>alert")) << path;
    EXPECT_FALSE(has(page.body, "href=\"javascript:")) << path;
    EXPECT_FALSE(has(page.body, "href=\"data:")) << path;
    EXPECT_FALSE(has(page.body, "<img")) << path;
    EXPECT_FALSE(has(page.body, "<b>anonymt")) << path;
    EXPECT_FALSE(has(page.body, "style=\"color:red\"")) << path;
  }
  const auto step = get(port(), "/kommune/9901/veileder/trinn/n0-drofte");
  EXPECT_TRUE(has(step.body, "&lt;script&gt;")) << "shown as the text it is";
  EXPECT_TRUE(has(step.body, "klikk")) << "the words of a refused link stay";
  // The editor's own pages show it escaped too.
  EXPECT_FALSE(has(bjorn.get("/kommune/9901/rediger/trinn/n0-drofte").body, "<script>alert"));
}

TEST_F(GuideEditorHttp, BadInputIsAClearErrorAndNothingIsStored) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  // A fresh draft state to compare against.
  ASSERT_EQ(bjorn.form("/kommune/9901/rediger/trinn/n1-samtykke", step_form("Samtykke", "Be om samtykke")).status, 303);
  const auto stored = [] {
    return scalar(database_url_, "SELECT length(document) FROM guide_draft WHERE municipality_id = 1");
  };
  const auto before = stored();
  auto r = bjorn.form("/kommune/9901/rediger/trinn/n1-samtykke", step_form("Samtykke", std::string(20001, 'a')));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "20 000"));
  r = bjorn.form("/kommune/9901/rediger/trinn/n1-samtykke", step_form("", "tekst"));
  EXPECT_EQ(r.status, 422);
  // A form definition with an unknown field type, a cycle, broken JSON.
  const std::string tool = "/kommune/9901/rediger/verktoy/bekymringsskala";
  auto tool_form = [](const std::string& form) {
    return "tool_title_nb=Skala&tool_title_nn=Skala&summary_nb=&summary_nn=&body_nb=&body_nn=&form_json=" + enc(form);
  };
  r = bjorn.form(tool, tool_form(R"({"fields":[{"key":"x","type":"file_upload","label":{"nb":"X","nn":"X"}}]})"));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "Ukjent felttype")) << r.body.substr(0, 2000);
  r = bjorn.form(tool, tool_form(R"({"fields":[{"key":"a","type":"group","group":"g","max_items":2,"label":{"nb":"A","nn":"A"}}],)"
                                 R"("groups":{"g":{"fields":[{"key":"b","type":"group","group":"g","max_items":2,"label":{"nb":"B","nn":"B"}}]}}})"));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "sirkel"));
  EXPECT_EQ(bjorn.form(tool, tool_form("{not json")).status, 422);
  EXPECT_EQ(stored(), before) << "nothing of it was stored";
  // A whole document through the API: wrong member types, a broken structure, not JSON.
  for (const char* doc : {R"({"format":1})", R"({"format":"1","levels":[]})", "[]", "not json"}) {
    const auto api = bjorn.json("/api/v1/municipalities/9901/guide/draft", doc);
    EXPECT_EQ(api.status, 422) << doc;
    EXPECT_TRUE(has(api.body, "errors")) << doc;
  }
  EXPECT_EQ(stored(), before);
  // Publishing a summary that is too long.
  EXPECT_EQ(bjorn.json("/api/v1/municipalities/9901/guide/publish", R"({"summary":")" + std::string(501, 'x') + R"("})").status,
            422);
}

TEST_F(GuideEditorHttp, StepsMoveWithinTheirLevelAndReviewDatesAreListed) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  const auto draft_before = boost::json::parse(bjorn.get("/api/v1/municipalities/9901/guide/draft").body);
  const auto& steps = draft_before.at("guide").at("levels").at(2).at("steps").as_array();
  const std::string first(steps.at(0).at("key").as_string()), second(steps.at(1).at("key").as_string());
  ASSERT_EQ(bjorn.form("/kommune/9901/rediger/trinn/" + second + "/flytt", "retning=opp").status, 303);
  const auto draft_after = boost::json::parse(bjorn.get("/api/v1/municipalities/9901/guide/draft").body);
  EXPECT_EQ(draft_after.at("guide").at("levels").at(2).at("steps").at(0).at("key").as_string(), second);
  EXPECT_EQ(bjorn.form("/kommune/9901/rediger/trinn/" + second + "/flytt", "retning=sidelengs").status, 400);
  // The default content was reviewed on 2026-11-01: nothing is due yet.
  EXPECT_TRUE(draft_after.at("due_for_review").as_array().empty());
  (void)first;
}

TEST_F(GuideEditorHttp, StepsAreAddedAndRemovedAndTheWholeGuidesTextsEdited) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  EXPECT_EQ(bjorn.get("/kommune/9901/rediger/niva/2/nytt-trinn").status, 200);
  EXPECT_EQ(bjorn.get("/kommune/9901/rediger/niva/4/nytt-trinn").status, 404);
  EXPECT_EQ(bjorn.form("/kommune/9901/rediger/niva/2/nytt-trinn", step_form("", "tekst")).status, 422);
  auto r = bjorn.form("/kommune/9901/rediger/niva/2/nytt-trinn", step_form("Møte med PPT", "- Avtal tid"));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_TRUE(has(*r.header("location"), "n2-mote-med-ppt"));
  EXPECT_TRUE(has(bjorn.get("/kommune/9901/rediger/forhandsvis/n2-mote-med-ppt").body, "Møte med PPT"));
  r = bjorn.form("/kommune/9901/rediger/niva/2/nytt-trinn", step_form("Møte med PPT", "Igjen"));
  ASSERT_EQ(r.status, 303);
  EXPECT_TRUE(has(*r.header("location"), "n2-mote-med-ppt-2")) << "keys stay unique";
  EXPECT_EQ(bjorn.form("/kommune/9901/rediger/trinn/n2-mote-med-ppt-2/slett", "").status, 303);
  EXPECT_EQ(bjorn.get("/kommune/9901/rediger/forhandsvis/n2-mote-med-ppt-2").status, 404);
  // A level keeps at least one step.
  const auto draft = boost::json::parse(bjorn.get("/api/v1/municipalities/9901/guide/draft").body);
  for (const auto& s : draft.at("guide").at("levels").at(3).at("steps").as_array()) {
    const std::string key(s.at("key").as_string());
    bjorn.form("/kommune/9901/rediger/trinn/" + key + "/slett", "");
  }
  EXPECT_FALSE(boost::json::parse(bjorn.get("/api/v1/municipalities/9901/guide/draft").body)
                   .at("guide").at("levels").at(3).at("steps").as_array().empty());
  // The guide's own texts and the citizen page's contacts; a bad phone number is refused.
  const std::string texts =
      "guide_title_nb=Fjordviks+veileder&guide_title_nn=Fjordviks+rettleiar&intro_nb=&intro_nn="
      "&level_title_0_nb=Niv%C3%A5+0&level_title_0_nn=Niv%C3%A5+0&level_title_1_nb=Niv%C3%A5+1&level_title_1_nn=Niv%C3%A5+1"
      "&level_title_2_nb=Niv%C3%A5+2&level_title_2_nn=Niv%C3%A5+2&level_title_3_nb=Niv%C3%A5+3&level_title_3_nn=Niv%C3%A5+3"
      "&citizen_intro_nb=Ring+112&citizen_intro_nn=Ring+112"
      "&contact_name_0_nb=Barnevernet&contact_name_0_nn=Barnevernet&contact_phone_0=";
  EXPECT_EQ(bjorn.form("/kommune/9901/rediger/tekster", texts + enc("ring oss")).status, 422);
  r = bjorn.form("/kommune/9901/rediger/tekster", texts + enc("+47 400 00 099"));
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  const auto after = boost::json::parse(bjorn.get("/api/v1/municipalities/9901/guide/draft").body);
  EXPECT_EQ(after.at("guide").at("title").at("nb").as_string(), "Fjordviks veileder");
  EXPECT_EQ(after.at("guide").at("citizen").at("contacts").as_array().size(), 1u);
}

TEST_F(GuideEditorHttp, AVariantsOwnParagraphAndAToolArePreviewed) {
  auto bjorn = demo_log_in(port(), kBjorn, "employee");
  const std::string note = "Kontakt skolens sosiallærer først.";
  auto r = bjorn.form("/kommune/9901/rediger/trinn/n2-roller",
                      step_form("Avklar hvem som gjør hva", "- Avtal roller") + "&note_skole_nb=" + enc(note) +
                          "&note_skole_nn=" + enc("Kontakt sosiallæraren på skulen først."));
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  EXPECT_TRUE(has(bjorn.get("/kommune/9901/rediger/forhandsvis/n2-roller?tjeneste=skole").body, note));
  EXPECT_FALSE(has(bjorn.get("/kommune/9901/rediger/forhandsvis/n2-roller?tjeneste=nav").body, note));
  // One language only is not enough for a variant's paragraph.
  r = bjorn.form("/kommune/9901/rediger/trinn/n2-roller",
                 step_form("Avklar hvem som gjør hva", "- Avtal roller") + "&note_skole_nb=" + enc(note) + "&note_skole_nn=");
  EXPECT_EQ(r.status, 422);
  const auto preview = bjorn.get("/kommune/9901/rediger/forhandsvis-verktoy/samtykke");
  EXPECT_EQ(preview.status, 200);
  EXPECT_TRUE(has(preview.body, "guide-preview"));
  EXPECT_EQ(bjorn.get("/kommune/9901/rediger/forhandsvis-verktoy/finnes-ikke").status, 404);
  EXPECT_EQ(demo_log_in(port(), kGry, "employee").get("/kommune/9901/rediger/forhandsvis-verktoy/samtykke").status, 403);
}

}  // namespace
}  // namespace stafett::testing
