// The guide's forms filled in, over real HTTP on both databases (issue 7,
// items 3 and 7): the form engine checks every field type on the server and
// stores nothing invalid or unexpected; an undringsnotat written at level 0
// is read only within the author's unit (a draft only by its author); once
// attached to a log it is read through the log, by its participants under the
// consent's notes category, and never before; a submitted record and a
// published guide version cannot be changed, not even in SQL.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;  // teacher, Fjordvik skole; holder of Nora's log (1, every category)
constexpr int kOle = 2;     // kindergarten; holder of Leo's log (2, no notes in the consent)
constexpr int kSara = 3;    // health nurse, contributor in log 1
constexpr int kAhmed = 6;   // NAV; given a job at the school in SetUp (a colleague of Ingrid's)
constexpr int kHanne = 9;   // Nora's mother
constexpr int kAmina = 12;  // Leo's mother

const std::string kCanary = "UNDRING-KANARI-7731";

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

std::string note_json(const std::string& observed, bool submit, const std::string& extra = "") {
  return R"({"tool":"undringsnotat","submit":)" + std::string(submit ? "true" : "false") +
         R"(,"answers":{"observed_on":"2026-11-30","observed":")" + observed +
         R"(","worry":"2","next_step":"drofte_anonymt")" + extra + "}}";
}

std::vector<std::string> error_fields(const std::string& body) {
  std::vector<std::string> fields;
  const auto v = boost::json::parse(body);
  for (const auto& e : v.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
  return fields;
}

class ToolRecordsHttp : public ServerSuite<ToolRecordsHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
  static void SetUpTestSuite() {
    ServerSuite<ToolRecordsHttp>::SetUpTestSuite();
    // Ahmed also works at Fjordvik skole now: Ingrid's colleague, in no log of Nora's.
    execute(database_url_,
            "INSERT INTO employment (person_id, unit_id, title, valid_from_ms) SELECT 6, unit_id, 'Miljøterapeut', 0"
            " FROM employment WHERE person_id = 1 LIMIT 1");
  }

 protected:
  static std::int64_t count_records() { return scalar(database_url_, "SELECT COUNT(*) FROM tool_record"); }
};

TEST_F(ToolRecordsHttp, TheFormIsTheGuidesToolWithTheAuthorsUnits) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto r = ingrid.get("/api/v1/tools/undringsnotat/form");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = boost::json::parse(r.body);
  EXPECT_EQ(v.at("tool").at("key").as_string(), "undringsnotat");
  EXPECT_FALSE(v.at("units").as_array().empty());
  EXPECT_EQ(ingrid.get("/api/v1/tools/tegn-og-signaler/form").status, 404) << "a page, not a form";
  EXPECT_EQ(ingrid.get("/api/v1/tools/finnes-ikke/form").status, 404);
  EXPECT_EQ(get(port(), "/api/v1/tools/undringsnotat/form", {{"Accept", "application/json"}}).status, 401);
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").get("/api/v1/tools/undringsnotat/form").status, 403);
}

TEST_F(ToolRecordsHttp, EveryFieldTypeIsCheckedAndNothingInvalidIsStored) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto before = count_records();
  // Required fields, a future date, a choice outside the list, a scale out of range.
  auto r = ingrid.json("/api/v1/tool-records", R"({"tool":"undringsnotat","submit":true,"answers":{)"
                                               R"("observed_on":"2999-01-01","worry":"9","next_step":"ringe_politiet"}})");
  ASSERT_EQ(r.status, 422) << r.body;
  const auto fields = error_fields(r.body);
  for (const char* f : {"observed_on", "observed", "worry", "next_step"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f << " in " << r.body;
  }
  // Too long, a control character, a malformed date.
  r = ingrid.json("/api/v1/tool-records", note_json(std::string(5000, 'x'), true));
  EXPECT_EQ(r.status, 422);
  r = ingrid.json("/api/v1/tool-records", R"({"tool":"undringsnotat","answers":{"observed":"a\u0001b","observed_on":"30.11.2026"}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(error_fields(r.body), (std::vector<std::string>{"observed_on", "observed"}));
  // Repeating groups, checklists, unit and person pickers (the observation form and the meeting template).
  r = ingrid.json("/api/v1/tool-records", R"({"tool":"observasjonsskjema","submit":true,"answers":{)"
                                          R"("observations":[{"date":"nope"}],"behaviour":["flyr"]}})");
  EXPECT_EQ(r.status, 422) << r.body;
  r = ingrid.json("/api/v1/tool-records", R"({"tool":"overgangsrutine","answers":{"receiving_school":"999999"}})");
  EXPECT_EQ(r.status, 422) << r.body;
  // Extra fields, in the answers and around them; answers of the wrong shape.
  r = ingrid.json("/api/v1/tool-records", note_json("Sett noe", true, R"(,"national_id":"03831259298")"));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "national_id"));
  r = ingrid.json("/api/v1/tool-records", R"({"tool":"undringsnotat","author":1,"answers":{}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(ingrid.json("/api/v1/tool-records", R"({"tool":"undringsnotat","answers":[1,2]})").status, 422);
  EXPECT_EQ(ingrid.json("/api/v1/tool-records", R"({"tool":"undringsnotat","answers":{"observed":{"a":1}}})").status, 422);
  EXPECT_EQ(ingrid.json("/api/v1/tool-records", "not json").status, 400);
  EXPECT_EQ(ingrid.json("/api/v1/tool-records", R"({"tool":"tegn-og-signaler","answers":{}})").status, 404);
  EXPECT_EQ(ingrid.json("/api/v1/tool-records", R"({"tool":"undringsnotat","unit":5,"answers":{}})").status, 422)
      << "a unit that is not the author's own";
  EXPECT_EQ(count_records(), before) << "nothing invalid was stored";
}

TEST_F(ToolRecordsHttp, AnUndringsnotatStaysInTheUnitUntilItIsAttachedToALogWithConsent) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  auto ahmed = demo_log_in(port(), kAhmed, "employee");
  auto sara = demo_log_in(port(), kSara, "employee");
  auto ole = demo_log_in(port(), kOle, "employee");
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  // A draft is Ingrid's alone.
  auto r = ingrid.json("/api/v1/tool-records", note_json(kCanary, false));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = boost::json::parse(r.body).at("id").as_int64();
  const auto path = "/api/v1/tool-records/" + std::to_string(id);
  EXPECT_EQ(ingrid.get(path).status, 200);
  EXPECT_EQ(ahmed.get(path).status, 403) << "a colleague does not see a draft";
  // Submitted: the unit's.
  r = ingrid.json(path, note_json(kCanary, true));
  ASSERT_EQ(r.status, 200) << r.body;
  r = ahmed.get(path);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, kCanary));
  EXPECT_TRUE(has(boost::json::serialize(boost::json::parse(r.body).at("anonymous")), "true")) << "no child named";
  for (auto* other : {&sara, &ole}) {
    const auto denied = other->get(path);
    EXPECT_EQ(denied.status, 403);
    EXPECT_FALSE(has(denied.body, kCanary));
  }
  EXPECT_EQ(hanne.get(path).status, 403);
  // Not in any log yet: the log's participants and family see nothing of it.
  const auto in_log = "/api/v1/logs/1/tool-records/" + std::to_string(id);
  EXPECT_EQ(sara.get(in_log).status, 404);
  EXPECT_EQ(hanne.get(in_log).status, 404);
  EXPECT_FALSE(has(sara.get("/api/v1/logs/1/timeline").body, "\"tool_record\":" + std::to_string(id)));
  // A submitted record is never changed or deleted.
  EXPECT_EQ(ingrid.json(path, note_json("endret", true)).status, 409);
  EXPECT_EQ(ingrid.form("/skjema/" + std::to_string(id) + "/slett", "").status, 409);

  // Attaching: not by someone outside the unit, not into a log whose consent has no notes.
  EXPECT_EQ(ole.json(path + "/attach", R"({"log":1})").status, 403);
  EXPECT_EQ(ingrid.json(path + "/attach", R"({"log":2})").status, 403) << "Ingrid takes no part in Leo's log";
  EXPECT_EQ(ingrid.json(path + "/attach", R"({"log":"1"})").status, 422);
  r = ingrid.json(path + "/attach", R"({"log":1})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(ingrid.json(path + "/attach", R"({"log":1})").status, 409) << "once only";
  // Now the log's: its participants and family read it under the consent...
  for (auto* reader : {&sara, &hanne, &ingrid}) {
    const auto read = reader->get(in_log);
    EXPECT_EQ(read.status, 200) << read.body;
    EXPECT_TRUE(has(read.body, kCanary));
  }
  const auto timeline = sara.get("/api/v1/logs/1/timeline");
  EXPECT_TRUE(has(timeline.body, "\"tool_record\":" + std::to_string(id))) << timeline.body;
  // ... and the unit alone no longer does.
  EXPECT_EQ(ahmed.get(in_log).status, 403);
  EXPECT_FALSE(has(ahmed.get(path).body, kCanary));
  // The attaching is in the log's access chain, and each read after it.
  EXPECT_GE(scalar(database_url_, "SELECT COUNT(*) FROM access_record WHERE log_id = 1 AND action = 'change'"
                                  " AND person_id = 1"),
            1);
}

TEST_F(ToolRecordsHttp, ALogWhoseConsentHasNoNotesTakesNoForms) {
  auto ole = demo_log_in(port(), kOle, "employee");
  auto r = ole.json("/api/v1/tool-records", note_json("Leo leker alene", true));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = boost::json::parse(r.body).at("id").as_int64();
  EXPECT_EQ(ole.json("/api/v1/tool-records/" + std::to_string(id) + "/attach", R"({"log":2})").status, 403);
  EXPECT_EQ(demo_log_in(port(), kAmina, "citizen").get("/api/v1/logs/2/tool-records/" + std::to_string(id)).status, 404);
}

TEST_F(ToolRecordsHttp, SubmittedRecordsAndPublishedGuidesAreRefusedAtTheStorageLevelToo) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  auto r = ingrid.json("/api/v1/tool-records", note_json("Lagret for godt", true));
  ASSERT_EQ(r.status, 201);
  const auto id = std::to_string(boost::json::parse(r.body).at("id").as_int64());
  EXPECT_THROW(execute(database_url_, "UPDATE tool_record SET answers = '{}' WHERE id = " + id), std::runtime_error);
  EXPECT_THROW(execute(database_url_, "UPDATE tool_record SET unit_id = 1 WHERE id = " + id), std::runtime_error);
  EXPECT_THROW(execute(database_url_, "DELETE FROM tool_record WHERE id = " + id), std::runtime_error);
  execute(database_url_, "UPDATE tool_record SET outcome = 'closed' WHERE id = " + id);  // its outcome may change
  execute(database_url_,
          "INSERT INTO guide_version (municipality_id, number, document, summary, published_at_ms) VALUES (2, 1, '{}', '', 1)");
  EXPECT_THROW(execute(database_url_, "UPDATE guide_version SET document = '[]' WHERE municipality_id = 2"),
               std::runtime_error);
  EXPECT_THROW(execute(database_url_, "DELETE FROM guide_version WHERE municipality_id = 2"), std::runtime_error);
}

TEST_F(ToolRecordsHttp, TheFormPageShowsErrorsNextToFieldsAndKeepsWhatWasTyped) {
  auto ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto page = ingrid.get("/skjema/ny/undringsnotat");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "name=\"f.observed\""));
  const auto before = count_records();
  const auto r = ingrid.form("/skjema/ny/undringsnotat", "handling=send&f.observed=" + kCanary + "&f.observed_on=2999-01-01&f.ekstra=1");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "aria-invalid=\"true\""));
  EXPECT_TRUE(has(r.body, kCanary)) << "what was typed stays";
  EXPECT_TRUE(has(r.body, "ekstra")) << "an unknown field is named, not dropped";
  EXPECT_EQ(count_records(), before);
  // Adding a row to a repeating group saves nothing.
  const auto more = ingrid.form("/skjema/ny/observasjonsskjema", "handling=rad%3Aobservations&f.observations.0.description=en");
  EXPECT_EQ(more.status, 200);
  EXPECT_TRUE(has(more.body, "name=\"f.observations.1.description\""));
  EXPECT_EQ(count_records(), before);
}

}  // namespace
}  // namespace stafett::testing
