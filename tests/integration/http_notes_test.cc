// Notes and lysglimt over real HTTP: who may write what, and a note hidden
// from guardians whose canary text never reaches a guardian or another unit.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "server_fixture.h"
#include "support/demo_session.h"
#include "store/database.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1, kOle = 2, kSara = 3, kMette = 5, kHanne = 9, kNora = 11, kSofie = 16, kMaria = 14;
constexpr const char* kCanary = "KANARIFUGL-7731";

using Who = DemoSession;


class NotesHttp : public ServerSuite<NotesHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

TEST_F(NotesHttp, EveryoneInTheLogAddsLysglimtTheFamilyIncluded) {
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").form("/logger/1/lysglimt", "text=Nora+lo+hele+veien+hjem").status, 303);
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").form("/logger/1/lysglimt", "text=Fin+samtale").status, 303)
      << "readers too";
  EXPECT_EQ(demo_log_in(port(), kSofie, "citizen").json("/api/v1/logs/3/highlights", R"({"text":"Jeg klarte prøven"})").status,
            201)
      << "the young person herself";
  EXPECT_EQ(demo_log_in(port(), kNora, "citizen").form("/logger/1/lysglimt", "text=x").status, 403) << "below the view age";
  EXPECT_EQ(demo_log_in(port(), kMaria, "citizen").form("/logger/1/lysglimt", "text=x").status, 403) << "another family";
  auto page = demo_log_in(port(), kIngrid, "employee").get("/logger/1").body;
  EXPECT_NE(page.find("Nora lo hele veien hjem"), std::string::npos);
  auto empty = demo_log_in(port(), kHanne, "citizen").form("/logger/1/lysglimt", "text=");
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("Dette feltet må fylles ut."), std::string::npos);
}

TEST_F(NotesHttp, OnlyTheHolderWritesNotesUntilTheHolderAllowsOthers) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who sara = demo_log_in(port(), kSara, "employee");
  const Who hanne = demo_log_in(port(), kHanne, "citizen");
  const std::string note = "date=2026-11-20&type=observation&text=Sliten+i+timene";
  EXPECT_EQ(sara.form("/logger/1/notater", note).status, 403) << "contributors wait for the holder";
  EXPECT_EQ(hanne.form("/logger/1/notater", note).status, 403);
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").form("/logger/1/notater", note).status, 403) << "a reader";
  EXPECT_EQ(ingrid.form("/logger/1/notater", note).status, 303);
  EXPECT_EQ(sara.form("/logger/1/notatregler", "notes_by=contributors&guardians=1").status, 403) << "not the holder";
  EXPECT_EQ(ingrid.form("/logger/1/notatregler", "notes_by=everyone").status, 400);
  EXPECT_EQ(ingrid.form("/logger/1/notatregler", "notes_by=contributors&guardians=1").status, 303);
  EXPECT_EQ(sara.form("/logger/1/notater", note).status, 303);
  EXPECT_EQ(hanne.form("/logger/1/notater", "date=2026-11-21&type=family_information&text=Sov+d%C3%A5rlig").status, 303);
  auto hidden_by_parent = hanne.form("/logger/1/notater", note + "&hidden=1&hidden_reason=x&legal_reference=y");
  EXPECT_EQ(hidden_by_parent.status, 422) << "only employees hide notes";
  EXPECT_EQ(ingrid.form("/logger/1/notater", "date=2026-11-40&type=observation&text=x").status, 422);
  EXPECT_EQ(ingrid.form("/logger/1/notater", "date=2026-11-20&type=gossip&text=x").status, 422);
}

TEST_F(NotesHttp, AHiddenNoteNeverReachesGuardiansOrOtherUnits) {
  const Who sara = demo_log_in(port(), kSara, "employee");
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  ASSERT_EQ(ingrid.form("/logger/1/notatregler", "notes_by=contributors").status, 303);
  auto missing_basis = sara.form("/logger/1/notater", std::string("date=2026-11-20&type=conversation&health=1&text=") +
                                                          kCanary + "&hidden=1&hidden_reason=Ungdommens+helse");
  EXPECT_EQ(missing_basis.status, 422) << "hiding needs a legal basis";
  EXPECT_EQ(missing_basis.body.find(kCanary), std::string::npos) << "not even echoed on the error page";
  // What the guardian's list and log say about changes, before the note.
  const Who hanne = demo_log_in(port(), kHanne, "citizen");
  auto freshness = [](const Who& who) {
    const auto list = boost::json::parse(who.get("/api/v1/logs").body).at("logs").as_array();
    const auto log = boost::json::parse(who.get("/api/v1/logs/1").body).as_object();
    std::string out;
    for (const auto& l : list) {
      if (l.at("id").as_int64() != 1) continue;
      out += boost::json::serialize(l.at("entries")) + "/" + boost::json::serialize(l.at("overdue_measures")) + "/";
      if (l.as_object().contains("last_updated_ms")) out += boost::json::serialize(l.at("last_updated_ms"));
    }
    if (log.contains("last_updated_ms")) out += "/" + boost::json::serialize(log.at("last_updated_ms"));
    return out;
  };
  const std::string guardian_before = freshness(hanne);
  const std::string author_before = freshness(sara);
  ASSERT_EQ(sara.form("/logger/1/notater", std::string("date=2026-11-20&type=conversation&health=1&text=") + kCanary +
                                               "&hidden=1&hidden_reason=Helsehjelp+til+ungdom"
                                               "&legal_reference=pasient-+og+brukerrettighetsloven+%C2%A7+3-4")
                .status,
            303);
  // The author's unit sees it.
  EXPECT_NE(sara.get("/logger/1").body.find(kCanary), std::string::npos);
  // Nobody else: not the holder from another unit, not the parents, in no response.
  for (const Who& other : {ingrid, demo_log_in(port(), kHanne, "citizen"), demo_log_in(port(), 10, "citizen")}) {
    for (const char* path : {"/logger", "/logger/1", "/logger/1?vis=note", "/api/v1/logs", "/api/v1/logs/1",
                             "/api/v1/logs/1/consents", "/api/v1/logs/1/timeline", "/api/v1/logs/1/timeline?kind=note",
                             "/logger/1/utskrift"}) {
      auto r = other.get(path);
      EXPECT_EQ(r.body.find(kCanary), std::string::npos) << path << " leaks the hidden note";
      EXPECT_EQ(r.body.find("Helsehjelp til ungdom"), std::string::npos) << path << " leaks the reason";
    }
  }
  // Not even as a change: the guardian's counts and "last changed" stay put,
  // while the author's move.
  EXPECT_EQ(freshness(hanne), guardian_before) << "the hidden note shows in the guardian's counts or times";
  EXPECT_NE(freshness(sara), author_before) << "the check can see a change at all";
  auto api = boost::json::parse(demo_log_in(port(), kHanne, "citizen").get("/api/v1/logs/1").body);
  for (const auto& n : api.at("notes").as_array()) EXPECT_FALSE(n.at("hidden_from_guardians").as_bool());
}

class TasksHttp : public ServerSuite<TasksHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

std::int64_t participant_id(const Who& w, const std::string& name) {
  const auto log = boost::json::parse(w.get("/api/v1/logs/1").body);
  for (const auto& p : log.at("participants").as_array()) {
    if (p.at("name").as_string() == name) return p.at("id").as_int64();
  }
  return 0;
}

TEST_F(TasksHttp, TasksReachTheirAssigneesAcrossLogsAndAreTickedOff) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who sara = demo_log_in(port(), kSara, "employee");
  const Who hanne = demo_log_in(port(), kHanne, "citizen");
  const auto sara_part = participant_id(ingrid, "Sara Holmvik");
  const auto hanne_part = participant_id(ingrid, "Hanne Fjordstrand");
  ASSERT_GT(sara_part, 0);
  ASSERT_EQ(ingrid.form("/logger/1/oppgaver", "title=Kalle+inn+til+m%C3%B8te&assignee=" + std::to_string(sara_part) +
                                                 "&due_date=2026-12-01").status,
            303);
  ASSERT_EQ(ingrid.form("/logger/1/oppgaver", "title=Ta+med+vaksinekortet&assignee=" + std::to_string(hanne_part) +
                                                 "&due_date=2026-12-05").status,
            303);
  // Bad input and wrong roles write nothing.
  EXPECT_EQ(ingrid.form("/logger/1/oppgaver", "title=&assignee=" + std::to_string(sara_part) + "&due_date=2026-12-01").status, 422);
  EXPECT_EQ(ingrid.form("/logger/1/oppgaver", "title=x&assignee=99999&due_date=2026-12-01").status, 422);
  EXPECT_EQ(ingrid.form("/logger/1/oppgaver", "title=x&assignee=" + std::to_string(sara_part) + "&due_date=1.12.26").status, 422);
  EXPECT_EQ(hanne.form("/logger/1/oppgaver", "title=x&assignee=" + std::to_string(hanne_part) + "&due_date=2026-12-01").status, 403);
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").form("/logger/1/oppgaver", "title=x&assignee=1&due_date=2026-12-01").status, 403);
  // The log list counts each person's own open tasks.
  EXPECT_NE(sara.get("/logger").body.find("Dine oppgaver: 1"), std::string::npos);
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").get("/logger").body.find("Dine oppgaver:"), std::string::npos);
  // Each assignee finds their own task in "Mine oppgaver", and only theirs.
  auto sara_tasks = boost::json::parse(sara.get("/api/v1/tasks").body).at("tasks").as_array();
  ASSERT_EQ(sara_tasks.size(), 1u);
  EXPECT_EQ(sara_tasks[0].at("title").as_string(), "Kalle inn til møte");
  EXPECT_NE(hanne.get("/oppgaver").body.find("Ta med vaksinekortet"), std::string::npos);
  EXPECT_EQ(hanne.get("/oppgaver").body.find("Kalle inn"), std::string::npos);
  // Sara ticks hers off; a second tick with the old version is a conflict.
  const auto task = std::to_string(sara_tasks[0].at("id").as_int64());
  EXPECT_EQ(hanne.form("/logger/1/oppgaver/" + task + "/utfort", "version=1&done=1").status, 403) << "not hers";
  EXPECT_EQ(sara.form("/logger/1/oppgaver/" + task + "/utfort", "version=1&done=1&back=mine").status, 303);
  EXPECT_EQ(sara.form("/logger/1/oppgaver/" + task + "/utfort", "version=1&done=0").status, 409);
  EXPECT_EQ(sara.form("/logger/1/oppgaver/" + task + "/utfort", "version=2&done=maybe").status, 400);
  EXPECT_TRUE(boost::json::parse(sara.get("/api/v1/tasks").body).at("tasks").as_array().empty());
  auto log = boost::json::parse(ingrid.get("/api/v1/logs/1").body);
  bool done = false;
  for (const auto& t : log.at("tasks").as_array()) done |= t.at("title").as_string() == "Kalle inn til møte" && t.at("done").as_bool();
  EXPECT_TRUE(done);
}

class MeetingsHttp : public ServerSuite<MeetingsHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

TEST_F(MeetingsHttp, MinutesDecisionsBecomeTasksInOneStepAndTheFamilySeesIt) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who hanne = demo_log_in(port(), kHanne, "citizen");
  const auto hanne_part = participant_id(ingrid, "Hanne Fjordstrand");
  const auto sara_part = participant_id(ingrid, "Sara Holmvik");
  const std::string invited = "&invited=" + std::to_string(hanne_part) + "&invited=" + std::to_string(sara_part);
  // Bad input first: nothing is stored.
  EXPECT_EQ(ingrid.form("/logger/1/moter", "starts_at=2026-12-03T14:00" + invited).status, 422) << "no place or link";
  EXPECT_EQ(ingrid.form("/logger/1/moter", "starts_at=2026-12-03T14:00&video_link=http%3A%2F%2Fx.example" + invited).status,
            422)
      << "only https links";
  EXPECT_EQ(ingrid.form("/logger/1/moter", "starts_at=2026-12-03T14:00&place=Skolen&invited=99999").status, 422)
      << "only people in the log";
  EXPECT_EQ(ingrid.form("/logger/1/moter", "starts_at=3.12.2026&place=Skolen" + invited).status, 422);
  EXPECT_EQ(demo_log_in(port(), kMette, "employee").form("/logger/1/moter", "starts_at=2026-12-03T14:00&place=x" + invited).status,
            403)
      << "a reader";
  EXPECT_EQ(hanne.form("/logger/1/moter", "starts_at=2026-12-03T14:00&place=x" + invited).status, 403);
  // The meeting, then its minutes with two decisions.
  ASSERT_EQ(ingrid.form("/logger/1/moter", "starts_at=2026-12-03T14:00&place=M%C3%B8terom+2" + invited +
                                               "&agenda=Hvordan+g%C3%A5r+det%3F%0ANeste+steg")
                .status,
            303);
  auto page = hanne.get("/logger/1").body;
  EXPECT_NE(page.find("Møterom 2"), std::string::npos);
  EXPECT_NE(page.find("Hvordan går det?"), std::string::npos) << "the invited guardian sees the agenda";
  const std::string meeting_url = "/logger/1/moter/";
  EXPECT_EQ(page.find("/referat"), std::string::npos) << "a guardian gets no minutes form";
  // Find the meeting id from the holder's minutes form.
  std::smatch m;
  const std::string ingrid_page = ingrid.get("/logger/1").body;
  ASSERT_TRUE(std::regex_search(ingrid_page, m, std::regex("/logger/1/moter/([0-9]+)/referat")));
  const std::string id = m[1];
  EXPECT_EQ(ingrid.form(meeting_url + id + "/referat", "version=1&minutes=&decisions=x").status, 422) << "empty minutes";
  ASSERT_EQ(ingrid.form(meeting_url + id + "/referat",
                        "version=1&minutes=Nora+har+det+bedre.&decisions=Sara+ringer+mor%0ANytt+m%C3%B8te+i+januar")
                .status,
            303);
  EXPECT_EQ(ingrid.form(meeting_url + id + "/referat", "version=1&minutes=igjen&decisions=").status, 409) << "stale";
  ASSERT_EQ(ingrid.form(meeting_url + id + "/oppgave", "decision=0&assignee=" + std::to_string(sara_part) +
                                                          "&due_date=2026-12-10")
                .status,
            303);
  EXPECT_EQ(ingrid.form(meeting_url + id + "/oppgave", "decision=7&assignee=" + std::to_string(sara_part) +
                                                          "&due_date=2026-12-10")
                .status,
            404)
      << "no such decision";
  // The task exists, linked to the meeting, and Sara finds it.
  auto tasks = boost::json::parse(demo_log_in(port(), kSara, "employee").get("/api/v1/tasks").body).at("tasks").as_array();
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].at("title").as_string(), "Sara ringer mor");
  page = hanne.get("/logger/1").body;
  EXPECT_NE(page.find("Nora har det bedre."), std::string::npos) << "the family reads the minutes";
  EXPECT_NE(page.find("Oppgave laget"), std::string::npos) << "the decision shows its task";

  // The second decision becomes a measure in one step: the form starts with
  // the decision's text, and the measure is linked to the meeting.
  const std::string measure_form = "/logger/1/tiltak/ny?mote=" + id + "&vedtak=1";
  EXPECT_NE(ingrid.get("/logger/1").body.find("/logger/1/tiltak/ny?mote=" + id + "&amp;vedtak=1"), std::string::npos);
  const auto form = ingrid.get(measure_form);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"Nytt møte i januar\""), std::string::npos) << "title starts as the decision";
  EXPECT_NE(form.body.find("name=\"from_meeting\" value=\"" + id + "\""), std::string::npos);
  EXPECT_EQ(ingrid.get("/logger/1/tiltak/ny?mote=" + id + "&vedtak=9").status, 404) << "no such decision";
  EXPECT_EQ(ingrid.get("/logger/1/tiltak/ny?mote=abc&vedtak=0").status, 404);
  EXPECT_EQ(hanne.get(measure_form).status, 403) << "guardians make no measures";
  const std::string measure = "title=Foreldrem%C3%B8te+i+januar&responsible=" + std::to_string(sara_part) +
                              "&unit=3&start_date=2026-12-01&evaluation_date=2027-01-15&status=planned";
  EXPECT_EQ(ingrid.form("/logger/1/tiltak", measure + "&from_meeting=" + id + "&from_decision=5").status, 404)
      << "a mangled decision makes nothing";
  EXPECT_EQ(ingrid.form("/logger/1/tiltak", measure + "&from_meeting=x&from_decision=0").status, 404);
  ASSERT_EQ(ingrid.form("/logger/1/tiltak", measure + "&from_meeting=" + id + "&from_decision=1").status, 303);
  page = hanne.get("/logger/1").body;
  EXPECT_NE(page.find("Tiltak laget av vedtak i møtet: Foreldremøte i januar"), std::string::npos)
      << "the meeting lists the measure made from it";
  // Only one measure was made, despite the refused attempts.
  const auto log = boost::json::parse(ingrid.get("/api/v1/logs/1").body);
  int made = 0;
  for (const auto& item : log.at("measures").as_array()) made += item.at("title").as_string() == "Foreldremøte i januar";
  EXPECT_EQ(made, 1);
}

class TimelineHttp : public ServerSuite<TimelineHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }
};

TEST_F(TimelineHttp, EveryEntryNewestFirstAndFilteredByKind) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who hanne = demo_log_in(port(), kHanne, "citizen");
  ASSERT_EQ(ingrid.form("/logger/1/mal", "text=Nora+leser+h%C3%B8yt+i+klassen").status, 303);
  ASSERT_EQ(hanne.form("/logger/1/lysglimt", "text=Nora+leste+for+lillebror").status, 303);
  // A note of the longest allowed text, all two-byte letters, shows as one
  // short line in the timeline without a broken character.
  std::string long_text;
  for (int i = 0; i < 4999; ++i) long_text += "%C3%A6";
  ASSERT_EQ(ingrid.form("/logger/1/notater", "date=2026-11-20&type=observation&text=" + long_text).status, 303);

  auto all = boost::json::parse(ingrid.get("/api/v1/logs/1/timeline").body).at("timeline").as_array();
  ASSERT_GE(all.size(), 3u);
  EXPECT_EQ(all[0].at("kind").as_string(), "note") << "newest first";
  const std::string summary(all[0].at("summary").as_string());
  EXPECT_LT(summary.size(), 200u);
  EXPECT_EQ(summary.substr(summary.size() - 3), "\u2026") << "cut text is marked";
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_GE(all[i - 1].at("at_ms").as_int64(), all[i].at("at_ms").as_int64());
  }
  auto goals = boost::json::parse(ingrid.get("/api/v1/logs/1/timeline?kind=goal").body).at("timeline").as_array();
  ASSERT_FALSE(goals.empty());
  bool found = false;
  for (const auto& g : goals) {
    EXPECT_EQ(g.at("kind").as_string(), "goal");
    found |= g.at("summary").as_string() == "Nora leser høyt i klassen";
  }
  EXPECT_TRUE(found);

  // The page: the filter keeps only lysglimt, and the guardian sees hers.
  const auto page = hanne.get("/logger/1?vis=highlight").body;
  const auto timeline = page.substr(page.find("id=\"timeline\""));
  EXPECT_NE(timeline.find("Nora leste for lillebror"), std::string::npos);
  EXPECT_EQ(timeline.find("Nora leser høyt i klassen"), std::string::npos) << "goals filtered out";
  EXPECT_NE(timeline.find("value=\"highlight\" selected"), std::string::npos) << "the filter shows its choice";

  // Bad filters are clear errors, not an empty page.
  EXPECT_EQ(ingrid.get("/logger/1?vis=diagnose").status, 400);
  EXPECT_EQ(ingrid.get("/api/v1/logs/1/timeline?kind=diagnose").status, 400);
  EXPECT_EQ(ingrid.get("/api/v1/logs/1/timeline?kind=%ZZ").status, 400);
  // Someone outside the log sees no timeline at all.
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").get("/api/v1/logs/1/timeline").status, 403);
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").get("/logger/1?vis=goal").status, 403);
}

TEST_F(TimelineHttp, ThePrintoutSaysWhoPrintedItAndHasNoForms) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  ASSERT_EQ(ingrid.form("/logger/1/mal", "text=Nora+leser+h%C3%B8yt+i+klassen").status, 303);
  const auto printout = ingrid.get("/logger/1/utskrift");
  ASSERT_EQ(printout.status, 200);
  EXPECT_NE(printout.body.find("Nora leser høyt i klassen"), std::string::npos);
  EXPECT_NE(printout.body.find("Skrevet ut"), std::string::npos);
  EXPECT_NE(printout.body.find("av Ingrid"), std::string::npos) << "the printout names who printed it";
  EXPECT_NE(printout.body.find("taushetsplikt"), std::string::npos) << "marked confidential";
  const auto content = printout.body.substr(printout.body.find("class=\"print-view\""));
  EXPECT_EQ(content.find("<form"), std::string::npos) << "no forms on paper (the layout's are hidden by print CSS)";
  EXPECT_NE(ingrid.get("/logger/1").body.find("/logger/1/utskrift"), std::string::npos) << "linked from the log";
  // The family may print what they may read; outsiders may not.
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").get("/logger/1/utskrift").status, 200);
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").get("/logger/1/utskrift").status, 403);
  EXPECT_EQ(ingrid.get("/logger/abc/utskrift").status, 404);
}

TEST_F(TimelineHttp, AMegabyteOfTextIsRefusedEverywhereAndNothingIsWritten) {
  const Who ingrid = demo_log_in(port(), kIngrid, "employee");
  const Who hanne = demo_log_in(port(), kHanne, "citizen");
  const auto before = boost::json::parse(ingrid.get("/api/v1/logs/1/timeline").body).at("timeline").as_array().size();
  const std::string megabyte(1 << 20, 'x');
  const std::string just_over(10001, 'x');  // one byte over the longest text field
  // A megabyte is over the request limit: 413 before any handler runs.
  EXPECT_EQ(ingrid.form("/logger/1/mal", "text=" + megabyte).status, 413);
  EXPECT_EQ(ingrid.form("/logger/1/notater", "date=2026-11-20&type=observation&text=" + megabyte).status, 413);
  EXPECT_EQ(hanne.form("/logger/1/lysglimt", "text=" + megabyte).status, 413);
  // Just over a field's limit: a clear message on the form.
  for (const auto& [path, body] : std::vector<std::pair<std::string, std::string>>{
           {"/logger/1/mal", "text=" + just_over},
           {"/logger/1/notater", "date=2026-11-20&type=observation&text=" + just_over},
           {"/logger/1/lysglimt", "text=" + std::string(501, 'x')}}) {
    const auto r = ingrid.form(path, body);
    EXPECT_EQ(r.status, 422) << path;
    EXPECT_NE(r.body.find("Teksten er for lang."), std::string::npos) << path;
  }
  const auto after = boost::json::parse(ingrid.get("/api/v1/logs/1/timeline").body).at("timeline").as_array().size();
  EXPECT_EQ(after, before) << "nothing was written";
}

}  // namespace
}  // namespace stafett::testing
