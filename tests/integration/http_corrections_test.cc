// Corrections of every kind of entry over real HTTP, as pages and as JSON:
// a correction is a new version with a reason and the old text stays; only
// the author (or the holder, for a colleague's entry) corrects; nobody
// corrects, or even learns of, an entry they cannot read; bad input writes
// nothing. Also the JSON twins of the minutes, decision, task and note-rule
// forms.
#include <boost/json/parse.hpp>

#include "server_fixture.h"
#include "support/demo_session.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1, kSara = 3, kMette = 5, kHanne = 9, kErik = 10;
constexpr const char* kCanary = "KANARIFUGL-4410";

using Who = DemoSession;

class CorrectionsHttp : public ServerSuite<CorrectionsHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

std::int64_t created_id(const HttpResponse& r) {
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  return boost::json::parse(r.body).at("id").as_int64();
}

std::int64_t participant_id(const Who& w, const std::string& name) {
  const auto log = boost::json::parse(w.get("/api/v1/logs/1").body);
  for (const auto& p : log.at("participants").as_array()) {
    if (p.at("name").as_string() == name) return p.at("id").as_int64();
  }
  return 0;
}

// The entry with `id` in list `list` of the log's JSON as `w` sees it; null
// when it is not there.
boost::json::value entry_json(const Who& w, const std::string& list, std::int64_t id) {
  const auto log = boost::json::parse(w.get("/api/v1/logs/1").body);
  for (const auto& e : log.at(list).as_array()) {
    if (e.at("id").as_int64() == id) return e;
  }
  return nullptr;
}

std::string correct_url(std::int64_t id) { return "/logger/1/innslag/" + std::to_string(id) + "/rett"; }

TEST_F(CorrectionsHttp, ANoteIsCorrectedAsANewVersionAndTheOldTextStaysReadable) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who hanne = demo_log_in(port(), kHanne, "citizen");
  const auto note = created_id(ingrid.json(
      "/api/v1/logs/1/notes", R"({"date":"2026-11-20","type":"observation","text":"Nora var sliten i timen."})"));
  // The form starts with the current text.
  auto form = ingrid.get(correct_url(note));
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Nora var sliten i timen."), std::string::npos);
  EXPECT_NE(form.body.find("name=\"version\" value=\"1\""), std::string::npos);
  // Bad input: no reason, an empty text, a bad date; nothing is written.
  EXPECT_EQ(ingrid.form(correct_url(note), "version=1&date=2026-11-20&type=observation&text=Ny&reason=").status, 422);
  EXPECT_EQ(ingrid.form(correct_url(note), "version=1&date=2026-11-20&type=observation&text=&reason=x").status, 422);
  EXPECT_EQ(ingrid.form(correct_url(note), "version=1&date=2026-13-01&type=observation&text=Ny&reason=x").status, 422);
  EXPECT_EQ(ingrid.form(correct_url(note), "version=x&date=2026-11-20&type=observation&text=Ny&reason=x").status, 400);
  auto script = ingrid.form(correct_url(note), "version=1&date=2026-11-20&type=gossip&text=%3Cscript%3Ealert(1)%3C%2Fscript%3E&reason=x");
  EXPECT_EQ(script.status, 422) << "an unknown type";
  EXPECT_EQ(script.body.find("<script>alert(1)"), std::string::npos) << "the text comes back escaped";
  EXPECT_NE(script.body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(entry_json(ingrid, "notes", note).at("version").as_int64(), 1) << "nothing written";
  // The correction.
  ASSERT_EQ(ingrid.form(correct_url(note), "version=1&date=2026-11-20&type=observation&text=Nora+var+trett+etter+"
                                           "gymtimen.&reason=Feil+time")
                .status,
            303);
  EXPECT_EQ(ingrid.form(correct_url(note), "version=1&date=2026-11-20&type=observation&text=Igjen&reason=x").status, 409)
      << "someone corrected it since version 1";
  // Everyone who reads the note sees the new text, "corrected", and the old one.
  for (const Who& reader : {ingrid, hanne}) {
    const auto page = reader.get("/logger/1").body;
    EXPECT_NE(page.find("Nora var trett etter gymtimen."), std::string::npos);
    EXPECT_NE(page.find("Rettet"), std::string::npos);
    EXPECT_NE(page.find("Nora var sliten i timen."), std::string::npos) << "the earlier version";
    EXPECT_NE(page.find("Feil time"), std::string::npos) << "and why it was corrected";
    const auto json = entry_json(reader, "notes", note);
    EXPECT_EQ(json.at("version").as_int64(), 2);
    EXPECT_TRUE(json.at("corrected").as_bool());
    ASSERT_EQ(json.at("history").as_array().size(), 1u);
    EXPECT_EQ(json.at("history").as_array()[0].at("text").as_string(), "Nora var sliten i timen.");
  }
  const auto print = ingrid.get("/logger/1/utskrift").body;
  EXPECT_NE(print.find("Tidligere versjon"), std::string::npos) << "the print view has the earlier version too";
  EXPECT_NE(print.find("Nora var sliten i timen."), std::string::npos);
  // The guardian reads it but may not correct it.
  EXPECT_FALSE(entry_json(hanne, "notes", note).at("can_correct").as_bool());
  EXPECT_EQ(hanne.get(correct_url(note)).status, 403);
  EXPECT_EQ(hanne.form(correct_url(note), "version=2&date=2026-11-20&type=other&text=x&reason=x").status, 403);
}

TEST_F(CorrectionsHttp, TheFamilyCorrectsTheirOwnLysglimtAndNobodyElseDoes) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who hanne = demo_log_in(port(), kHanne, "citizen");
  const Who erik = demo_log_in(port(), kErik, "citizen");
  const auto mine = created_id(hanne.json("/api/v1/logs/1/highlights", R"({"text":"Nora syklet til skolen"})"));
  const auto holders = created_id(ingrid.json("/api/v1/logs/1/highlights", R"({"text":"Fin dag i klassen"})"));
  EXPECT_EQ(ingrid.get(correct_url(mine)).status, 403) << "the holder never rewrites a parent's words";
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/entries/" + std::to_string(mine) + "/corrections",
                        R"({"version":1,"reason":"x","text":"y"})")
                .status,
            403);
  EXPECT_EQ(erik.get(correct_url(mine)).status, 403) << "the other parent did not write it";
  EXPECT_EQ(hanne.get(correct_url(holders)).status, 403);
  ASSERT_EQ(hanne.get(correct_url(mine)).status, 200);
  ASSERT_EQ(hanne.form(correct_url(mine), "version=1&text=Nora+syklet+til+skolen+alene&reason=Glemte+et+ord").status, 303);
  const auto json = entry_json(ingrid, "highlights", mine);
  EXPECT_EQ(json.at("text").as_string(), "Nora syklet til skolen alene");
  EXPECT_TRUE(json.at("corrected").as_bool());
  EXPECT_TRUE(entry_json(hanne, "highlights", mine).at("can_correct").as_bool());
  EXPECT_FALSE(entry_json(ingrid, "highlights", mine).at("can_correct").as_bool());
  EXPECT_EQ(hanne.form(correct_url(mine), "version=2&text=" + std::string(600, 'a') + "&reason=x").status, 422)
      << "lysglimt are short";
}

TEST_F(CorrectionsHttp, NobodyCorrectsOrLearnsOfANoteTheyCannotRead) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who sara = demo_log_in(port(), kSara, "employee");
  ASSERT_EQ(ingrid.form("/logger/1/notatregler", "notes_by=contributors").status, 303);
  const auto hidden = created_id(sara.json(
      "/api/v1/logs/1/notes", std::string(R"({"date":"2026-11-20","type":"conversation","health":true,"text":")") +
                                  kCanary +
                                  R"(","hidden_from_guardians":true,"hidden_reason":"Helsehjelp til ungdom",)"
                                  R"("legal_reference":"pasient- og brukerrettighetsloven § 3-4"})"));
  // The holder from another unit and the guardians: as if it did not exist.
  for (const Who& other : {ingrid, demo_log_in(port(), kHanne, "citizen")}) {
    auto form = other.get(correct_url(hidden));
    EXPECT_EQ(form.status, 404);
    EXPECT_EQ(form.body.find(kCanary), std::string::npos);
    auto post = other.json("/api/v1/logs/1/entries/" + std::to_string(hidden) + "/corrections",
                           R"({"version":1,"reason":"x","text":"overskrevet"})");
    EXPECT_EQ(post.status, 404);
    EXPECT_EQ(post.body.find(kCanary), std::string::npos);
  }
  // Its author corrects it; it stays hidden.
  auto form = sara.get(correct_url(hidden));
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find(kCanary), std::string::npos);
  ASSERT_EQ(sara.json("/api/v1/logs/1/entries/" + std::to_string(hidden) + "/corrections",
                      std::string(R"({"version":1,"reason":"Presisering","text":")") + kCanary + R"j( (rettet)"})j")
                .status,
            200);
  for (const char* path : {"/logger/1", "/api/v1/logs/1", "/api/v1/logs/1/timeline", "/logger/1/utskrift"}) {
    EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").get(path).body.find(kCanary), std::string::npos) << path;
    EXPECT_EQ(ingrid.get(path).body.find(kCanary), std::string::npos) << path;
  }
  EXPECT_TRUE(entry_json(sara, "notes", hidden).at("hidden_from_guardians").as_bool());
}

TEST_F(CorrectionsHttp, EvaluationsTasksMeetingsAndGoalsAreCorrectedWithTheirOwnRules) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who sara = demo_log_in(port(), kSara, "employee");
  const auto sara_part = participant_id(ingrid, "Sara Holmvik");
  const auto hanne_part = participant_id(ingrid, "Hanne Fjordstrand");
  const auto ingrid_part = participant_id(ingrid, "Ingrid Fjellstad");
  ASSERT_GT(sara_part, 0);
  ASSERT_GT(ingrid_part, 0);
  // A goal and a measure with an evaluation.
  const auto goal = created_id(ingrid.json("/api/v1/logs/1/goals", R"({"text":"Nora trives i friminuttene"})"));
  const auto measure = created_id(ingrid.json(
      "/api/v1/logs/1/measures",
      R"({"title":"Fast voksen i friminuttet","responsible_participant_id":)" + std::to_string(ingrid_part) +
          R"(,"unit_id":2,"start_date":"2026-10-01","evaluation_date":"2026-11-01","goal_ids":[)" +
          std::to_string(goal) + "]}"));
  const auto evaluation = created_id(ingrid.json(
      "/api/v1/logs/1/measures/" + std::to_string(measure) + "/evaluations",
      R"({"date":"2026-11-01","observed":"Bedre","outcome":"continue","next_evaluation_date":"2026-12-01"})"));
  // The goal: holder corrects through JSON; a contributor who did not write it may not.
  const std::string goal_api = "/api/v1/logs/1/entries/" + std::to_string(goal) + "/corrections";
  EXPECT_EQ(sara.json(goal_api, R"({"version":1,"reason":"x","text":"y"})").status, 403);
  EXPECT_EQ(ingrid.json(goal_api, R"({"version":1,"reason":"x","text":"y","status":"finished"})").status, 422);
  EXPECT_EQ(ingrid.json(goal_api, R"({"reason":"x","text":"y"})").status, 422) << "which version";
  EXPECT_EQ(ingrid.json(goal_api, "{not json").status, 400);
  auto ok = ingrid.json(goal_api, R"({"version":1,"reason":"Nådd","text":"Nora trives i friminuttene","status":"achieved"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(boost::json::parse(ok.body).at("version").as_int64(), 2);
  // A measure's goals change with a correction too: it no longer serves the goal.
  const std::string measure_api = "/api/v1/logs/1/entries/" + std::to_string(measure) + "/corrections";
  EXPECT_EQ(ingrid.json(measure_api, R"({"version":1,"reason":"x","goal_ids":[999999]})").status, 422);
  ASSERT_EQ(ingrid.json(measure_api, R"({"version":1,"reason":"Hører ikke til målet","goal_ids":[]})").status, 200);
  auto unlinked = boost::json::parse(ingrid.get("/api/v1/logs/1").body);
  for (const auto& mj : unlinked.at("measures").as_array()) {
    if (mj.at("id").as_int64() == measure) {
      EXPECT_TRUE(mj.at("goal_ids").as_array().empty());
    }
  }
  ASSERT_EQ(ingrid.json(measure_api, R"({"version":2,"reason":"Likevel","goal_ids":[)" + std::to_string(goal) + "]}").status,
            200);
  // The evaluation: checked against its measure as when written.
  const std::string ev = correct_url(evaluation);
  ASSERT_EQ(ingrid.get(ev).status, 200);
  EXPECT_EQ(ingrid.form(ev, "version=1&date=2026-09-01&observed=Bedre&outcome=continue&next_evaluation_date=2026-12-01"
                            "&reason=Feil+dato")
                .status,
            422)
      << "before the measure started";
  EXPECT_EQ(ingrid.form(ev, "version=1&date=2026-11-01&observed=Bedre&outcome=continue&next_evaluation_date="
                            "&reason=x")
                .status,
            422)
      << "continuing needs a next date";
  ASSERT_EQ(ingrid.form(ev, "version=1&date=2026-11-02&observed=Mye+bedre&outcome=continue&next_evaluation_date=2026-12-15"
                            "&reason=Feil+dato")
                .status,
            303);
  auto m = boost::json::parse(ingrid.get("/api/v1/logs/1").body);
  for (const auto& mj : m.at("measures").as_array()) {
    if (mj.at("id").as_int64() != measure) continue;
    EXPECT_EQ(mj.at("next_evaluation_due").as_string(), "2026-12-15") << "the corrected evaluation counts";
    EXPECT_TRUE(mj.at("evaluations").as_array()[0].at("corrected").as_bool());
  }
  // A task: the assignee must be in the log; being done survives a correction.
  const auto task = created_id(ingrid.json("/api/v1/logs/1/tasks", R"({"title":"Ringe mor","assignee_participant_id":)" +
                                                                        std::to_string(sara_part) +
                                                                        R"(,"due_date":"2026-12-01"})"));
  ASSERT_EQ(sara.json("/api/v1/logs/1/tasks/" + std::to_string(task) + "/done", R"({"version":1,"done":true})").status, 200);
  EXPECT_EQ(sara.json("/api/v1/logs/1/tasks/" + std::to_string(task) + "/done", R"({"version":1,"done":false})").status,
            409);
  EXPECT_EQ(sara.json("/api/v1/logs/1/tasks/" + std::to_string(task) + "/done", R"({"version":2})").status, 422);
  EXPECT_EQ(ingrid.form(correct_url(task), "version=2&title=Ringe+far&assignee=99999&due_date=2026-12-02&reason=x").status,
            422)
      << "someone who is not in the log";
  ASSERT_EQ(ingrid.form(correct_url(task), "version=2&title=Ringe+far&assignee=" + std::to_string(hanne_part) +
                                               "&due_date=2026-12-02&reason=Feil+forelder")
                .status,
            303);
  const auto t = entry_json(ingrid, "tasks", task);
  EXPECT_EQ(t.at("title").as_string(), "Ringe far");
  EXPECT_TRUE(t.at("done").as_bool()) << "a correction keeps the done state";
  EXPECT_EQ(t.at("history").as_array().size(), 2u);
  // A meeting: invitees must be in the log; the minutes stay.
  const auto meeting = created_id(ingrid.json(
      "/api/v1/logs/1/meetings", R"({"starts_at":"2026-12-03T14:00","place":"Skolen","invited_participant_ids":[)" +
                                     std::to_string(hanne_part) + R"(],"agenda":["Status"]})"));
  const std::string minutes = "/api/v1/logs/1/meetings/" + std::to_string(meeting) + "/minutes";
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").json(minutes, R"({"version":1,"minutes":"x","decisions":[]})").status,
            403);
  EXPECT_EQ(ingrid.json(minutes, R"({"version":1,"minutes":"","decisions":[]})").status, 422);
  ASSERT_EQ(ingrid.json(minutes, R"({"version":1,"minutes":"Godt møte.","decisions":["Sara ringer mor"]})").status, 200);
  const std::string decision = "/api/v1/logs/1/meetings/" + std::to_string(meeting) + "/decisions/0/task";
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/meetings/" + std::to_string(meeting) + "/decisions/5/task",
                        R"({"assignee_participant_id":)" + std::to_string(sara_part) + R"(,"due_date":"2026-12-10"})")
                .status,
            404);
  EXPECT_EQ(created_id(ingrid.json(decision, R"({"assignee_participant_id":)" + std::to_string(sara_part) +
                                                  R"(,"due_date":"2026-12-10"})")) > 0,
            true);
  EXPECT_EQ(ingrid.form(correct_url(meeting), "version=2&starts_at=2026-12-04T09:00&place=Skolen&invited=99999&reason=x")
                .status,
            422);
  ASSERT_EQ(ingrid.form(correct_url(meeting), "version=2&starts_at=2026-12-04T09:00&place=Helsestasjonen&invited=" +
                                                  std::to_string(hanne_part) + "&invited=" + std::to_string(sara_part) +
                                                  "&agenda=Status&reason=Nytt+tidspunkt")
                .status,
            303);
  const auto page = demo_log_in(port(), kHanne, "citizen").get("/logger/1").body;
  EXPECT_NE(page.find("Helsestasjonen"), std::string::npos);
  EXPECT_NE(page.find("Godt møte."), std::string::npos) << "the minutes survive the correction";
  EXPECT_NE(page.find("referat skrevet"), std::string::npos) << "the history names the minutes step in words";
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").get(correct_url(meeting)).status, 403) << "a reader";
  EXPECT_EQ(ingrid.get("/logger/1/innslag/99999/rett").status, 404);
  EXPECT_EQ(ingrid.get("/logger/2/innslag/" + std::to_string(meeting) + "/rett").status, 403)
      << "not Ingrid's log, and the entry is not in it";
}

TEST_F(CorrectionsHttp, NoteRulesHaveAJsonTwinForTheHolderOnly) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who sara = demo_log_in(port(), kSara, "employee");
  EXPECT_EQ(sara.json("/api/v1/logs/1/note-rules", R"({"notes_by":"contributors"})").status, 403);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/note-rules", R"({"notes_by":"everyone"})").status, 422);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/note-rules", "[]").status, 400);
  ASSERT_EQ(ingrid.json("/api/v1/logs/1/note-rules", R"({"notes_by":"contributors","guardians_may_write":true})").status,
            200);
  EXPECT_EQ(sara.json("/api/v1/logs/1/notes", R"({"date":"2026-11-20","type":"other","text":"Fra helsesykepleier"})").status,
            201);
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen")
                .json("/api/v1/logs/1/notes", R"({"date":"2026-11-20","type":"family_information","text":"Sov godt"})")
                .status,
            201);
}

TEST_F(CorrectionsHttp, AnExParticipantNeitherReadsNorWritesNorCorrectsEvenTheirOwnEntries) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who sara = demo_log_in(port(), kSara, "employee");
  ASSERT_EQ(ingrid.json("/api/v1/logs/1/note-rules", R"({"notes_by":"contributors"})").status, 200);
  const auto note = created_id(
      sara.json("/api/v1/logs/1/notes", R"({"date":"2026-11-20","type":"observation","text":"Skrevet av Sara"})"));
  const auto goal = created_id(sara.json("/api/v1/logs/1/goals", R"({"text":"Sara sitt mål"})"));
  ASSERT_EQ(ingrid.form("/logger/1/deltakere/" + std::to_string(participant_id(ingrid, "Sara Holmvik")) + "/fjern",
                        "reason=Avsluttet+oppf%C3%B8lging")
                .status,
            303);
  for (const char* path : {"/logger/1", "/api/v1/logs/1", "/api/v1/logs/1/timeline", "/logger/1/utskrift",
                           "/logger/1/tiltak/ny", "/api/v1/logs/1/measure-catalogue"}) {
    auto r = sara.get(path);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(r.body.find("Skrevet av Sara"), std::string::npos) << path;
  }
  EXPECT_EQ(sara.get(correct_url(note)).status, 403) << "not even her own note";
  EXPECT_EQ(sara.form(correct_url(goal), "version=1&text=Endret&status=active&reason=x").status, 403);
  EXPECT_EQ(sara.json("/api/v1/logs/1/notes", R"({"date":"2026-11-20","type":"other","text":"x"})").status, 403);
  EXPECT_EQ(sara.json("/api/v1/logs/1/highlights", R"({"text":"x"})").status, 403);
  // Her entries stay, with her name, for those still in the log.
  EXPECT_EQ(entry_json(ingrid, "notes", note).at("text").as_string(), "Skrevet av Sara");
}

}  // namespace
}  // namespace stafett::testing
