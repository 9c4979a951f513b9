// The stafettlogg forms and their JSON twins over real HTTP: creating a log
// with consent, giving consent, managing participants, handing over. Each
// test gets its own server and database because they change data.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "server_fixture.h"
#include "support/demo_session.h"
#include "support/sql_probe.h"
#include "store/database.h"

namespace stafett::testing {
namespace {

constexpr int kIngrid = 1, kOle = 2, kSara = 3, kAhmed = 6, kHanne = 9, kAmina = 12, kKristin = 17;
constexpr const char* kIben = "15881950062";  // the demo child without a log (synthetic number)
constexpr int kIbenPerson = 18;

using Session = DemoSession;


std::string consent_hash(std::uint16_t port) {
  return std::string(boost::json::parse(get(port, "/api/v1/consent-text").body).at("hash").as_string());
}

class LogForms : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = fresh_database_url();
    server_ = ServerProcess::start(url_, {"--demo"});
  }
  void TearDown() override { EXPECT_EQ(server_->stop(), 0); }
  std::uint16_t port() const { return server_->port(); }
  std::string url_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(LogForms, AnEmployeeCreatesALogThroughTheFormAndExtraFieldsAreIgnored) {
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  auto step_two = ingrid.form("/logger/ny/barn", std::string("national_id=") + kIben + "&unit=2");
  ASSERT_EQ(step_two.status, 200);
  EXPECT_NE(step_two.body.find("Iben Nesvold"), std::string::npos);
  EXPECT_NE(step_two.body.find("Kristin Nesvold"), std::string::npos) << "the guardian is listed for signing";
  const auto logs_before = scalar(url_, "SELECT COUNT(*) FROM log");
  auto created = ingrid.form("/logger/ny",
                             std::string("national_id=") + kIben + "&unit=2&level=2&method=paper&guardian=" +
                                 std::to_string(kKristin) + "&scope_unit=2&category=basic&category=meetings" +
                                 "&valid_until=2027-06-30&info_text_version=2026-11-v1&info_text_hash=" +
                                 consent_hash(port()) +
                                 // mass assignment attempts: none of these may reach a row
                                 "&author_id=9&child_id=13&log_id=2&created_at=0&role=holder&opened_by_person_id=9"
                                 "&status=closed&attested_by=9");
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 400);
  const std::string location = *created.header("location");
  ASSERT_TRUE(location.starts_with("/logger/"));
  const std::string id = location.substr(8);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM log"), logs_before + 1);
  // The stored rows come from the session and the form's allow-list only.
  EXPECT_EQ(scalar(url_, "SELECT opened_by_person_id FROM log WHERE id = " + id), kIngrid);
  EXPECT_EQ(scalar(url_, "SELECT level FROM log WHERE id = " + id), 2);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM log WHERE id = " + id + " AND status = 'open'"), 1);
  EXPECT_EQ(scalar(url_, "SELECT child_person_id FROM log WHERE id = " + id), kIbenPerson) << "not child_id=13";
  EXPECT_EQ(scalar(url_, "SELECT attested_by_person_id FROM consent WHERE log_id = " + id), kIngrid);
  EXPECT_EQ(scalar(url_, "SELECT recorded_by_person_id FROM consent WHERE log_id = " + id), kIngrid);
  EXPECT_EQ(scalar(url_, "SELECT given_by_person_id FROM consent WHERE log_id = " + id), kKristin);
  EXPECT_EQ(scalar(url_, "SELECT p.person_id FROM log_holder h JOIN participant p ON p.id = h.participant_id"
                         " WHERE h.log_id = " + id),
            kIngrid);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM log WHERE id = 2 AND status = 'open'"), 1) << "log 2 untouched";
  // The log shows up for the holder and the guardian, not for others.
  EXPECT_EQ(ingrid.get(location).status, 200);
  EXPECT_EQ(demo_log_in(port(), kKristin, "citizen").get(location).status, 200);
  EXPECT_EQ(demo_log_in(port(), kOle, "employee").get(location).status, 403);
}

TEST_F(LogForms, BadInputOnTheNewLogFormShowsErrorsAndStoresNothing) {
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  const auto logs_before = scalar(url_, "SELECT COUNT(*) FROM log");
  const auto consents_before = scalar(url_, "SELECT COUNT(*) FROM consent");
  const std::string base = std::string("national_id=") + kIben + "&unit=2&level=1&method=paper&guardian=" +
                           std::to_string(kKristin) + "&info_text_version=2026-11-v1&info_text_hash=" + consent_hash(port());
  struct Case {
    std::string body;
    std::string message;
  };
  const Case cases[] = {
      {base + "&category=basic&valid_until=2027-06-30", "Velg minst én enhet eller tjeneste."},          // empty scope
      {base + "&scope_unit=2&valid_until=2027-06-30", "Velg hvilke opplysninger som kan deles."},        // no categories
      {base + "&scope_unit=2&category=basic&valid_until=2020-01-01", "Datoen må være fram i tid."},      // past
      {base + "&scope_unit=2&category=basic&valid_until=31.12.2027", "Skriv en gyldig dato."},           // format
      {base + "&scope_unit=2&category=basic&valid_until=2027-06-30&review_at=2027-12-01",
       "Datoen for ny vurdering må være før samtykket utløper."},                                          // wrong order
      {base + "&scope_unit=2&category=basic&category=secret&valid_until=2027-06-30", "Ett av valgene finnes ikke."},
      {base + "&scope_unit=abc&category=basic&valid_until=2027-06-30", "Ett av valgene finnes ikke."},
      {std::string("national_id=") + kIben + "&unit=2&level=1&method=paper&scope_unit=2&category=basic"
                                             "&valid_until=2027-06-30&info_text_version=x&info_text_hash=y" + "&guardian=" +
           std::to_string(kKristin),
       "Informasjonsteksten mangler."},                                                                    // unknown text
      {std::string("national_id=") + kIben + "&unit=2&level=1&method=paper&scope_unit=2&category=basic"
                                             "&valid_until=2027-06-30&info_text_version=2026-11-v1&info_text_hash=" +
           consent_hash(port()),
       "Kryss av for hvem som har skrevet under samtykket."},                                             // nobody signed
      {base + "&guardian=" + std::to_string(kHanne) + "&scope_unit=2&category=basic&valid_until=2027-06-30",
       "Personen har ikke foreldreansvar for barnet."},                                                    // not a guardian
      {base + "&scope_unit=2&category=basic&valid_until=2027-06-30&level=9", "Velg nivå 1, 2 eller 3."},
  };
  for (const auto& c : cases) {
    std::string body = c.body;
    if (c.message == "Velg nivå 1, 2 eller 3.") body.replace(body.find("level=1"), 7, "level=9");
    auto r = ingrid.form("/logger/ny", body);
    EXPECT_EQ(r.status, 422) << c.message;
    EXPECT_NE(r.body.find(c.message), std::string::npos) << "missing: " << c.message;
    EXPECT_NE(r.body.find("role=\"alert\""), std::string::npos) << "error summary for " << c.message;
  }
  auto script = ingrid.form("/logger/ny/barn", "national_id=%3Cscript%3Ealert(1)%3C%2Fscript%3E&unit=2");
  EXPECT_EQ(script.status, 422);
  EXPECT_EQ(script.body.find("<script>alert"), std::string::npos) << "input must never come back unescaped";
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM log"), logs_before);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM consent"), consents_before);
}

TEST_F(LogForms, OnlyEmployeesOfTheUnitMayCreateAndNobodyWithoutAWrongToken) {
  const Session kristin = demo_log_in(port(), kKristin, "citizen");
  EXPECT_EQ(kristin.get("/logger/ny").status, 403) << "a guardian creates no logs";
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  EXPECT_EQ(ingrid.form("/logger/ny/barn", std::string("national_id=") + kIben + "&unit=1").status, 403)
      << "not Ingrid's unit";
  auto wrong_token = request(port(), "POST", "/logger/ny",
                             {{"Cookie", ingrid.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                             std::string("_csrf=") + std::string(64, 'f') + "&national_id=" + kIben);
  EXPECT_EQ(wrong_token.status, 403);
}

TEST_F(LogForms, TheApiCreatesALogAndRefusesMalformedBodies) {
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  const std::string body = std::string(R"({"child_national_id":")") + kIben +
                           R"(","unit_id":2,"level":1,"method":"paper","signed_by_guardians":[)" +
                           std::to_string(kKristin) +
                           R"(],"consent":{"unit_ids":[2],"categories":["basic"],"valid_until":"2027-06-30",)"
                           R"("info_text_version":"2026-11-v1","info_text_hash":")" +
                           consent_hash(port()) + R"("},"author_id":9,"child_id":13,"created_at":0})";
  EXPECT_EQ(ingrid.json("/api/v1/logs", "not json").status, 400);
  EXPECT_EQ(ingrid.json("/api/v1/logs", "[1,2]").status, 400);
  auto typed = ingrid.json("/api/v1/logs", R"({"unit_id":"two","consent":{}})");
  EXPECT_EQ(typed.status, 422);
  EXPECT_NE(typed.body.find("\"field\":\"unit\""), std::string::npos);
  auto created = ingrid.json("/api/v1/logs", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = boost::json::parse(created.body).at("id").as_int64();
  auto view = boost::json::parse(ingrid.get("/api/v1/logs/" + std::to_string(id)).body);
  EXPECT_EQ(view.at("child").as_string(), "Iben Nesvold");
  EXPECT_EQ(scalar(url_, "SELECT opened_by_person_id FROM log WHERE id = " + std::to_string(id)), kIngrid);
  // Without the session's token the API refuses.
  auto no_token = request(port(), "POST", "/api/v1/logs",
                          {{"Cookie", ingrid.cookie}, {"Content-Type", "application/json"}}, body);
  EXPECT_EQ(no_token.status, 403);
}

TEST_F(LogForms, DigitalConsentOpensTheLogOnlyWhenTheFamilyConsents) {
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  auto created = ingrid.form("/logger/ny", std::string("national_id=") + kIben +
                                               "&unit=2&level=1&method=digital&scope_unit=2&category=basic"
                                               "&valid_until=2027-06-30&info_text_version=2026-11-v1&info_text_hash=" +
                                               consent_hash(port()));
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 300);
  const std::string location = *created.header("location");
  EXPECT_EQ(ingrid.get(location).status, 403) << "nothing to read before the family consents";
  EXPECT_NE(ingrid.get("/logger").body.find("Venter på samtykke"), std::string::npos);
  const Session kristin = demo_log_in(port(), kKristin, "citizen");
  EXPECT_EQ(kristin.get(location).status, 200);
  auto form = kristin.get(location + "/samtykke");
  EXPECT_EQ(form.status, 200);
  auto bad = kristin.form(location + "/samtykke", "category=basic&valid_until=2027-06-30&info_text_version=2026-11-v1"
                                                  "&info_text_hash=" + consent_hash(port()));
  EXPECT_EQ(bad.status, 422) << "no scope";
  auto given = kristin.form(location + "/samtykke", "scope_unit=2&category=basic&category=goals_measures"
                                                    "&valid_until=2027-06-30&info_text_version=2026-11-v1&info_text_hash=" +
                                                        consent_hash(port()));
  EXPECT_EQ(given.status, 303);
  EXPECT_EQ(ingrid.get(location).status, 200) << "the family consented: the holder may read";
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").get(location + "/samtykke").status, 403) << "not Iben's guardian";
}

TEST_F(LogForms, TheHolderManagesParticipantsWithinTheConsent) {
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  // NAV is outside the consent of Nora's log.
  EXPECT_EQ(ingrid.form("/logger/1/deltakere", "candidate=6:" + std::to_string(kAhmed) + "&role=reader").status, 403);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/participants", R"({"unit_id":6,"person_id":6,"role":"reader"})").status, 403);
  // Bad input.
  EXPECT_EQ(ingrid.form("/logger/1/deltakere", "candidate=nonsense&role=reader").status, 422);
  EXPECT_EQ(ingrid.form("/logger/1/deltakere", "candidate=2:1&role=holder").status, 422);
  // Not the holder / not an employee.
  EXPECT_EQ(demo_log_in(port(), kSara, "employee").get("/logger/1/deltakere").status, 403);
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").form("/logger/1/deltakere", "candidate=2:1&role=reader").status, 403);
  // Hide and show Sara; remove Tone (participant 7 = Tone in the demo).
  const auto sara_part = scalar(url_, "SELECT id FROM participant WHERE log_id = 1 AND person_id = 3");
  EXPECT_EQ(ingrid.form("/logger/1/deltakere/" + std::to_string(sara_part) + "/skjul", "hidden=1").status, 303);
  EXPECT_EQ(scalar(url_, "SELECT hidden FROM participant WHERE id = " + std::to_string(sara_part)), 1);
  EXPECT_EQ(ingrid.form("/logger/1/deltakere/" + std::to_string(sara_part) + "/skjul", "hidden=maybe").status, 400);
  const auto tone_part = scalar(url_, "SELECT id FROM participant WHERE log_id = 1 AND person_id = 7");
  EXPECT_EQ(ingrid.form("/logger/1/deltakere/" + std::to_string(tone_part) + "/fjern", "reason=Sluttet").status, 303);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM participant WHERE id = " + std::to_string(tone_part) +
                         " AND ended_at_ms IS NOT NULL"),
            1)
      << "removed means ended, never deleted";
  // The holder and the guardians cannot be removed.
  const auto ingrid_part = scalar(url_, "SELECT id FROM participant WHERE log_id = 1 AND person_id = 1");
  EXPECT_EQ(ingrid.form("/logger/1/deltakere/" + std::to_string(ingrid_part) + "/fjern", "").status, 409);
  // A participant id from another log is not found through this log.
  const auto leo_part = scalar(url_, "SELECT id FROM participant WHERE log_id = 2 AND person_id = 4");
  EXPECT_EQ(ingrid.form("/logger/1/deltakere/" + std::to_string(leo_part) + "/fjern", "").status, 404);
}

TEST_F(LogForms, HandoverThroughTheFormsMovesTheHolderOnAcceptance) {
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  const Session sara = demo_log_in(port(), kSara, "employee");
  const auto sara_part = scalar(url_, "SELECT id FROM participant WHERE log_id = 1 AND person_id = 3");
  EXPECT_EQ(sara.form("/logger/1/overlevering", "to=" + std::to_string(sara_part)).status, 403) << "not the holder";
  EXPECT_EQ(ingrid.form("/logger/1/overlevering", "to=" + std::to_string(sara_part)).status, 303);
  EXPECT_NE(sara.get("/logger/1").body.find("Godta å bli stafettholder"), std::string::npos);
  EXPECT_EQ(ingrid.form("/logger/1/overlevering/svar", "answer=accept").status, 403) << "the proposer cannot accept";
  EXPECT_EQ(sara.form("/logger/1/overlevering/svar", "answer=perhaps").status, 400);
  EXPECT_EQ(sara.form("/logger/1/overlevering/svar", "answer=accept").status, 303);
  EXPECT_EQ(scalar(url_, "SELECT p.person_id FROM log_holder h JOIN participant p ON p.id = h.participant_id"
                         " WHERE h.log_id = 1"),
            kSara);
  EXPECT_EQ(sara.form("/logger/1/overlevering/svar", "answer=accept").status, 403) << "nothing pending any more";
  EXPECT_EQ(ingrid.form("/logger/1/lukk", "reason=x").status, 403) << "the old holder no longer manages";
}

TEST_F(LogForms, AClosedLogReopensOnlyAfterANewConsentRecordedOnPaper) {
  const Session hanne = demo_log_in(port(), kHanne, "citizen");
  const auto hanne_consent = scalar(url_, "SELECT id FROM consent WHERE log_id = 1 AND given_by_person_id = 9");
  ASSERT_EQ(hanne.form("/logger/1/samtykker/" + std::to_string(hanne_consent) + "/trekk-tilbake", "").status, 303);
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  EXPECT_EQ(ingrid.form("/logger/1/gjenapne", "reason=x").status, 403) << "no consent, no reopening";
  EXPECT_EQ(demo_log_in(port(), kSara, "employee").get("/logger/1/samtykker/papir").status, 403) << "only the holder";
  auto form = ingrid.get("/logger/1/samtykker/papir");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Hanne Fjordstrand"), std::string::npos);
  const std::string consent = "&scope_unit=2&category=basic&valid_until=2027-06-30&info_text_version=2026-11-v1"
                              "&info_text_hash=" + consent_hash(port());
  auto stranger = ingrid.form("/logger/1/samtykker/papir", "given_by=" + std::to_string(kAmina) + consent);
  EXPECT_EQ(stranger.status, 422) << "Amina is not Nora's guardian";
  EXPECT_EQ(ingrid.form("/logger/1/samtykker/papir", "given_by=" + std::to_string(kHanne) + consent).status, 303);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM consent WHERE log_id = 1 AND given_by_person_id = 9 AND method = 'paper'"
                         " AND attested_by_person_id = 1"),
            2)
      << "the original paper consent and the new one";
  EXPECT_EQ(ingrid.form("/logger/1/gjenapne", "reason=Nytt+samtykke").status, 303);
  EXPECT_EQ(ingrid.get("/logger/1").status, 200);
  auto consents = boost::json::parse(ingrid.get("/api/v1/logs/1/consents").body);
  EXPECT_GE(consents.at("consents").as_array().size(), 3u) << "withdrawn consents stay in the history";
}

TEST_F(LogForms, OnlyTheMunicipalAdministratorChangesTheConsentSettings) {
  constexpr int kLiv = 8;
  const Session liv = demo_log_in(port(), kLiv, "employee");
  auto page = liv.get("/admin/innstillinger");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Fjordvik kommune"), std::string::npos);
  EXPECT_EQ(page.body.find("Lauvåsen kommune"), std::string::npos) << "Liv administers Fjordvik only";
  for (int who : {kIngrid, kSara}) {
    EXPECT_EQ(demo_log_in(port(), who, "employee").get("/admin/innstillinger").status, 403);
  }
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").get("/admin/innstillinger").status, 403);
  EXPECT_EQ(liv.form("/admin/kommuner/2/innstillinger", "consent_rule=one_guardian&child_consent_age=15&child_view_age=12")
                .status,
            403)
      << "another municipality";
  // Bad input: clear errors, nothing stored.
  for (const char* body : {"consent_rule=everyone&child_consent_age=15&child_view_age=12",
                           "consent_rule=one_guardian&child_consent_age=4&child_view_age=4",
                           "consent_rule=one_guardian&child_consent_age=fifteen&child_view_age=12",
                           "consent_rule=one_guardian&child_consent_age=13&child_view_age=16"}) {
    EXPECT_EQ(liv.form("/admin/kommuner/1/innstillinger", body).status, 422) << body;
  }
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM municipality_settings WHERE municipality_id = 1"
                         " AND consent_rule = 'all_guardians' AND child_consent_age = 15"),
            1);
  // One guardian's consent is now enough: Hanne's alone keeps Nora's log open after Erik withdraws.
  EXPECT_EQ(liv.form("/admin/kommuner/1/innstillinger", "consent_rule=one_guardian&child_consent_age=15&child_view_age=12")
                .status,
            200);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM municipality_settings WHERE municipality_id = 1"
                         " AND consent_rule = 'one_guardian'"),
            1);
  constexpr int kErik = 10;
  const auto erik_consent = scalar(url_, "SELECT id FROM consent WHERE log_id = 1 AND given_by_person_id = 10");
  ASSERT_EQ(demo_log_in(port(), kErik, "citizen")
                .form("/logger/1/samtykker/" + std::to_string(erik_consent) + "/trekk-tilbake", "")
                .status,
            303);
  EXPECT_EQ(demo_log_in(port(), kIngrid, "employee").get("/logger/1").status, 200);
  // And the administrator still reads no log.
  EXPECT_EQ(liv.get("/logger/1").status, 403);
  EXPECT_EQ(liv.get("/api/v1/admin/settings").status, 200);
}

TEST_F(LogForms, TheHolderChangesTheLevelWithAReasonKeptInTheHistory) {
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  EXPECT_EQ(demo_log_in(port(), kSara, "employee").form("/logger/1/niva", "level=3&reason=x").status, 403) << "not the holder";
  EXPECT_EQ(demo_log_in(port(), kHanne, "citizen").form("/logger/1/niva", "level=3&reason=x").status, 403);
  EXPECT_EQ(ingrid.form("/logger/1/niva", "level=7&reason=x").status, 400);
  EXPECT_EQ(ingrid.form("/logger/1/niva", "level=3&reason=").status, 400);
  EXPECT_EQ(ingrid.form("/logger/1/niva", "level=2&reason=same").status, 400);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/level", R"({"level":"three","reason":"x"})").status, 422);
  EXPECT_EQ(scalar(url_, "SELECT level FROM log WHERE id = 1"), 2) << "refused changes write nothing";
  EXPECT_EQ(ingrid.form("/logger/1/niva", "level=3&reason=Flere+tjenester+trengs").status, 303);
  EXPECT_EQ(scalar(url_, "SELECT level FROM log WHERE id = 1"), 3);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM log_event WHERE log_id = 1 AND kind = 'level_changed'"
                         " AND from_level = 2 AND to_level = 3 AND by_person_id = 1"),
            1);
  EXPECT_NE(ingrid.get("/logger/1").body.find("Flere tjenester trengs"), std::string::npos);
  EXPECT_EQ(ingrid.json("/api/v1/logs/1/level", R"({"level":1,"reason":"Bedre nå"})").status, 200);
}

TEST_F(LogForms, EndingAnEmploymentEndsTheRightsAtTheNextRequest) {
  const Session sara = demo_log_in(port(), kSara, "employee");
  ASSERT_EQ(sara.get("/logger/1").status, 200);
  execute(url_, "UPDATE employment SET valid_to_ms = valid_from_ms + 1 WHERE person_id = 3");
  // The session itself ends: the very next request is anonymous.
  auto page = sara.get("/logger/1");
  EXPECT_EQ(page.status, 303) << "the same cookie, the very next request";
  EXPECT_EQ(page.header("location"), "/logg-inn");
  EXPECT_EQ(sara.get("/api/v1/logs/3").status, 401);
  EXPECT_EQ(sara.get("/api/v1/logs").status, 401);
}

TEST_F(LogForms, NationalIdentityNumbersNeverReachTheServerLog) {
  const Session ingrid = demo_log_in(port(), kIngrid, "employee");
  ASSERT_EQ(ingrid.form("/logger/ny/barn", std::string("national_id=") + kIben + "&unit=2").status, 200);
  ASSERT_EQ(ingrid.form("/logger/ny/barn", "national_id=12345678901&unit=2").status, 422);
  const std::string log = server_->output();
  EXPECT_EQ(log.find(kIben), std::string::npos);
  EXPECT_EQ(log.find("12345678901"), std::string::npos);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM person WHERE national_id_hash IS NOT NULL AND national_id_sealed IS NOT NULL"),
            scalar(url_, "SELECT COUNT(*) FROM person WHERE national_id_hash IS NOT NULL"));
}

TEST_F(LogForms, AGuardianCannotUseTheApiOnAnotherFamilysLog) {
  const Session amina = demo_log_in(port(), kAmina, "citizen");
  const std::string body = R"({"unit_ids":[2],"categories":["basic"],"valid_until":"2027-06-30",)"
                           R"("info_text_version":"2026-11-v1","info_text_hash":")" + consent_hash(port()) + R"("})";
  EXPECT_EQ(amina.json("/api/v1/logs/1/consents", body).status, 403);
  EXPECT_EQ(amina.json("/api/v1/logs/2/consents", body).status, 201);
  EXPECT_EQ(scalar(url_, "SELECT COUNT(*) FROM consent WHERE log_id = 1 AND given_by_person_id = 12"), 0);
}

}  // namespace
}  // namespace stafett::testing
