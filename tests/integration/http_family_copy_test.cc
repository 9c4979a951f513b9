// The family's copy of their data (GDPR art. 15, issue 6, item 5) over real
// HTTP, on both databases: Nora's parents download everything Stafett holds
// about her in log 1 that they may see, as a document and as JSON. It holds
// every version of every entry they may read (a goal corrected twice: three
// versions, and why each correction was made), the consents, the participants, every access (their
// own export first) and the break-glass accesses; never a note hidden from
// the guardians (canary). Making it is one access record with the action
// export. Employees, other families and nobody are refused; bad ids are a
// clear error.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1;  // holder of Nora's log
constexpr int kMette = 5;   // hidden reader in Nora's log, designated for break-glass
constexpr int kHanne = 9;   // Nora's mother
constexpr int kErik = 10;   // Nora's father
constexpr int kAmina = 12;  // Leo's mother

const std::string kCanary = "SKJULT-KOPI-KANARI-5519";
const std::string kFirst = "Nora leser ti minutter hver dag";
const std::string kSecond = "Nora leser et kvarter hver dag";
const std::string kThird = "Nora leser en halvtime hver dag";
const std::string kWhy = "Barnevernvakten trenger oversikt i natt.";

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

class FamilyCopyHttp : public ServerSuite<FamilyCopyHttp> {
 public:
  static std::vector<std::string> extra_args() { return {"--demo"}; }

  static void SetUpTestSuite() {
    ServerSuite<FamilyCopyHttp>::SetUpTestSuite();
    auto ingrid = demo_log_in(port(), kIngrid, "employee");
    auto goal = ingrid.json("/api/v1/logs/1/goals", R"({"text":")" + kFirst + R"("})");
    ASSERT_EQ(goal.status, 201) << goal.body;
    goal_ = boost::json::parse(goal.body).at("id").as_int64();
    const std::string corrections = "/api/v1/logs/1/entries/" + std::to_string(goal_) + "/corrections";
    ASSERT_EQ(ingrid.json(corrections, R"({"version":1,"reason":"Mer tid","text":")" + kSecond + R"("})").status, 200);
    ASSERT_EQ(ingrid.json(corrections, R"({"version":2,"reason":"Enda mer","text":")" + kThird + R"("})").status, 200);
    auto note = ingrid.json("/api/v1/logs/1/notes",
                            R"({"date":"2026-11-13","type":"conversation","text":")" + kCanary + R"(",)"
                            R"("hidden_from_guardians":true,"hidden_reason":"Barnets egen fortrolighet",)"
                            R"("legal_reference":"barnelova § 33"})");
    ASSERT_EQ(note.status, 201) << note.body;
    // Mette opens the log with break-glass (she takes part as a reader, yet may).
    auto mette = demo_log_in(port(), kMette, "employee");
    ASSERT_EQ(mette.json("/api/v1/logs/1/break-glass", R"({"reason":"emergency","explanation":")" + kWhy + R"("})")
                  .status,
              201);
  }

 protected:
  static inline std::int64_t goal_ = 0;
};

std::int64_t exports(const std::string& url) {
  return scalar(url, "SELECT COUNT(*) FROM access_record WHERE action = 'export'");
}

TEST_F(FamilyCopyHttp, TheJsonHoldsEveryVersionAndNothingHidden) {
  auto erik = demo_log_in(port(), kErik, "citizen");
  const auto before = exports(database_url_);
  auto got = erik.get("/api/v1/logs/1/export");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(exports(database_url_), before + 1) << "the copy is itself one access";
  EXPECT_EQ(got.header("content-disposition").value_or(""), "attachment; filename=\"stafettlogg-1.json\"");
  EXPECT_FALSE(has(got.body, kCanary)) << "a note hidden from the guardians is not in their copy";
  const auto copy = boost::json::parse(got.body).as_object();
  EXPECT_EQ(copy.at("log").at("child").as_string(), "Nora Fjordstrand");

  bool found = false;
  for (const auto& e : copy.at("entries").as_array()) {
    if (e.at("id").as_int64() != goal_) continue;
    found = true;
    EXPECT_EQ(e.at("kind").as_string(), "goal");
    const auto& versions = e.at("versions").as_array();
    ASSERT_EQ(versions.size(), 3u) << "every version";
    EXPECT_EQ(versions[0].at("content").at("text").as_string(), kFirst);
    EXPECT_FALSE(versions[0].as_object().contains("correction_reason")) << "written, not corrected";
    EXPECT_EQ(versions[1].at("content").at("text").as_string(), kSecond);
    EXPECT_EQ(versions[2].at("content").at("text").as_string(), kThird);
    EXPECT_EQ(versions[1].at("correction_reason").as_string(), "Mer tid") << "why this version was made";
    EXPECT_EQ(versions[2].at("correction_reason").as_string(), "Enda mer");
    EXPECT_EQ(versions[0].at("author").as_string(), "Ingrid Fjellstad");
  }
  EXPECT_TRUE(found);
  EXPECT_FALSE(copy.at("log").at("consents").as_array().empty());
  EXPECT_FALSE(copy.at("log").at("participants").as_array().empty());

  const auto& accesses = copy.at("accesses").as_array();
  ASSERT_FALSE(accesses.empty());
  EXPECT_EQ(accesses[0].at("action").as_string(), "export") << "its own making, newest first";
  EXPECT_EQ(accesses[0].at("person").as_int64(), kErik);
  bool hidden_masked = false;
  for (const auto& a : accesses) hidden_masked |= a.at("target").as_string() == "hidden_entry";
  EXPECT_TRUE(hidden_masked) << "Ingrid's writing of the hidden note shows as an entry they cannot see";
  const auto& glass = copy.at("break_glass").as_array();
  ASSERT_EQ(glass.size(), 1u);
  EXPECT_EQ(glass[0].at("explanation").as_string(), kWhy);
}

TEST_F(FamilyCopyHttp, TheDocumentIsReadableAndPrintable) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  auto log = hanne.get("/logger/1");
  EXPECT_TRUE(has(log.body, "/logger/1/kopi")) << "the log page links to it";
  const auto before = exports(database_url_);
  auto page = hanne.get("/logger/1/kopi");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(exports(database_url_), before + 1);
  EXPECT_TRUE(has(page.body, "Kopi av opplysningene: Nora Fjordstrand"));
  for (const auto& text : {kFirst, kSecond, kThird}) EXPECT_TRUE(has(page.body, text)) << text;
  EXPECT_TRUE(has(page.body, "Rettet fordi: Mer tid"));
  EXPECT_TRUE(has(page.body, kWhy));
  EXPECT_TRUE(has(page.body, "Hanne Fjordstrand"));
  EXPECT_TRUE(has(page.body, "/api/v1/logs/1/export"));
  EXPECT_FALSE(has(page.body, kCanary));
}

TEST_F(FamilyCopyHttp, OnlyTheFamilyOfTheChildGetsOne) {
  const auto before = exports(database_url_);
  EXPECT_EQ(demo_log_in(port(), kIngrid, "employee").get("/api/v1/logs/1/export").status, 403) << "not the holder";
  EXPECT_EQ(demo_log_in(port(), kIngrid, "employee").get("/logger/1/kopi").status, 403);
  auto amina = demo_log_in(port(), kAmina, "citizen");
  EXPECT_EQ(amina.get("/api/v1/logs/1/export").status, 403);
  EXPECT_EQ(amina.get("/logger/1/kopi").status, 403);
  const int nobody = get(port(), "/api/v1/logs/1/export").status;
  EXPECT_TRUE(nobody == 401 || nobody == 303) << nobody;
  EXPECT_EQ(exports(database_url_), before) << "a refused copy records nothing";
}

TEST_F(FamilyCopyHttp, BadIdsAreAClearError) {
  auto hanne = demo_log_in(port(), kHanne, "citizen");
  EXPECT_EQ(hanne.get("/api/v1/logs/abc/export").status, 404);
  EXPECT_EQ(hanne.get("/api/v1/logs/99999999999999999999/export").status, 404);
  EXPECT_EQ(hanne.get("/api/v1/logs/987654/export").status, 403) << "a missing log looks like a forbidden one";
  EXPECT_EQ(hanne.get("/logger/-1/kopi").status, 404);
}

}  // namespace
}  // namespace stafett::testing
