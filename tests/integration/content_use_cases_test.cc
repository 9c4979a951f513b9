// Log content (goals, measures, evaluations) through the use cases, on the
// backend named by STAFETT_TEST_BACKEND, with a clock the test controls.
#include <gtest/gtest.h>

#include "app/content_use_cases.h"
#include "app/corrections.h"
#include "app/demo_seed.h"
#include "core/oslo_time.h"
#include "store/log_repository.h"
#include "store/migrations.h"
#include "support/collecting_trail.h"
#include "support/demo_database.h"

namespace stafett {
namespace {

using domain::LogId;
using domain::PersonId;
using policy::Actor;
using policy::ActorKind;
using store::Transaction;
using store::TxMode;

constexpr PersonId kIngrid{1}, kOle{2}, kSara{3}, kMette{5}, kTone{7}, kHanne{9}, kAmina{12};
constexpr LogId kNorasLog{1}, kLeosLog{2};
const Actor employee(PersonId p) { return Actor{ActorKind::kEmployee, p}; }
const Actor citizen(PersonId p) { return Actor{ActorKind::kCitizen, p}; }

class LogContent : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::demo_database(keys_, clock_);
  }

  std::string day(int offset) const {
    return domain::date_code(oslo_date(clock_.now() + std::chrono::days(offset)));
  }

  std::int64_t participant(LogId log, PersonId person) {
    auto p = store::transact_value<std::optional<store::ParticipantRow>>(
        *db_, TxMode::kRead, [&](Transaction& tx) { return store::active_participation(tx, log, person); });
    return p && *p ? (*p)->participant.id.value : 0;
  }

  std::int64_t count(const char* table) {
    return *store::transact_value<std::int64_t>(*db_, TxMode::kRead, [&](Transaction& tx) -> Result<std::int64_t> {
      auto rows = tx.query(std::string("SELECT COUNT(*) FROM ") + table);
      if (!rows) return rows.error();
      return rows->front().int64(0);
    });
  }

  app::MeasureInput a_measure(std::int64_t responsible, std::int64_t unit, int evaluate_in_days) {
    app::MeasureInput m;
    m.title = "Fast samtale med helsesykepleier";
    m.description = "Hver fjortende dag, på skolen.";
    m.responsible = std::to_string(responsible);
    m.unit = std::to_string(unit);
    m.start_date = day(0);
    m.evaluation_date = day(evaluate_in_days);
    m.status = "active";
    return m;
  }

  app::ContentView content(const Actor& actor, LogId log) {
    auto view = app::show_log(*db_, testing::test_trail(), actor, log, clock_);
    EXPECT_TRUE(view) << (view ? "" : view.error().detail);
    return view ? view->content : app::ContentView{};
  }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(5);
  FixedClock clock_{from_unix_ms(1'795'000'000'000)};
  std::unique_ptr<store::Database> db_;
};

TEST_F(LogContent, TheHolderAddsAGoalWithAMeasureThatEveryoneInTheLogSees) {
  auto goal = app::add_goal(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {"Nora har det godt på skolen", "active"}, clock_);
  ASSERT_TRUE(goal && goal->entry) << (goal ? "" : goal.error().detail);
  auto m = a_measure(participant(kNorasLog, kSara), 3, 14);
  m.goals = {std::to_string(goal->entry->value)};
  auto measure = app::add_measure(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, m, clock_);
  ASSERT_TRUE(measure && measure->entry) << (measure && !measure->errors.empty() ? measure->errors.front().field : "");
  for (const Actor& who : {employee(kIngrid), employee(kSara), citizen(kHanne)}) {
    const auto c = content(who, kNorasLog);
    ASSERT_EQ(c.goals.size(), 1u);
    ASSERT_EQ(c.goals[0].measures.size(), 1u);
    EXPECT_EQ(c.goals[0].measures[0].responsible_name, "Sara Holmvik");
    EXPECT_EQ(c.goals[0].measures[0].unit_name, "Fjordvik helsestasjon og skolehelsetjeneste");
  }
  EXPECT_TRUE(content(employee(kIngrid), kNorasLog).can_write);
  EXPECT_FALSE(content(citizen(kHanne), kNorasLog).can_write);
}

TEST_F(LogContent, AMeasurePastItsEvaluationDateIsOverdueUntilEvaluated) {
  auto m1 = app::add_measure(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, a_measure(participant(kNorasLog, kIngrid), 2, 30), clock_);
  auto m2 = app::add_measure(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, a_measure(participant(kNorasLog, kSara), 3, 5), clock_);
  ASSERT_TRUE(m1 && m1->entry && m2 && m2->entry);
  EXPECT_EQ(content(employee(kIngrid), kNorasLog).overdue, 0);
  clock_.advance(std::chrono::days(6));  // past m2's evaluation date, no sleeping
  auto c = content(employee(kIngrid), kNorasLog);
  EXPECT_EQ(c.overdue, 1);
  ASSERT_EQ(c.measures_without_goal.size(), 2u);
  EXPECT_TRUE(c.measures_without_goal[0].overdue) << "overdue measures come first";
  EXPECT_EQ(c.measures_without_goal[0].id, *m2->entry);
  EXPECT_TRUE(content(citizen(kHanne), kNorasLog).measures_without_goal[0].overdue) << "overdue everywhere it appears";
  // The evaluation sets the next date and clears the overdue state.
  auto e = app::add_evaluation(*db_, testing::test_trail(), employee(kSara), kNorasLog, *m2->entry,
                               {day(0), "Nora forteller at samtalene hjelper.", "continue", day(30)}, clock_);
  ASSERT_TRUE(e && e->entry) << (e && !e->errors.empty() ? e->errors.front().field : "");
  c = content(employee(kIngrid), kNorasLog);
  EXPECT_EQ(c.overdue, 0);
  clock_.advance(std::chrono::days(31));
  EXPECT_EQ(content(employee(kIngrid), kNorasLog).overdue, 2) << "both dates have now passed";
}

TEST_F(LogContent, ReadersGuardiansAndFormerParticipantsCannotWrite) {
  const auto before = count("entry");
  const app::GoalInput goal{"Et mål", "active"};
  for (const Actor& who : {employee(kMette), citizen(kHanne), employee(kTone), employee(kOle)}) {
    auto r = app::add_goal(*db_, testing::test_trail(), who, kNorasLog, goal, clock_);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, Errc::kForbidden);
  }
  EXPECT_FALSE(app::show_log(*db_, testing::test_trail(), employee(kTone), kNorasLog, clock_)) << "an ex-employee reads nothing";
  EXPECT_EQ(count("entry"), before);
}

TEST_F(LogContent, BadInputNamesTheFieldAndWritesNothing) {
  const auto before = count("entry");
  const auto own = participant(kNorasLog, kIngrid);
  auto expect_error = [&](const app::MeasureInput& in, const std::string& field) {
    auto r = app::add_measure(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, in, clock_);
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->entry) << field;
    EXPECT_TRUE(std::any_of(r->errors.begin(), r->errors.end(), [&](const auto& e) { return e.field == field; }))
        << "no error for " << field;
  };
  auto m = a_measure(own, 2, 10);
  m.title = "";
  expect_error(m, "title");
  m = a_measure(own, 2, 10);
  m.evaluation_date = day(-3);
  expect_error(m, "evaluation_date");
  m = a_measure(own, 2, 10);
  m.start_date = "2026-02-30";
  expect_error(m, "start_date");
  m = a_measure(participant(kLeosLog, kOle), 2, 10);  // someone from another log
  expect_error(m, "responsible");
  m = a_measure(own, 6, 10);  // NAV takes no part in Nora's log
  expect_error(m, "unit");
  m = a_measure(own, 2, 10);
  m.status = "stopped";
  expect_error(m, "status_reason");
  m = a_measure(own, 2, 10);
  m.goals = {"999"};
  expect_error(m, "goals");
  m = a_measure(own, 2, 10);
  m.description = std::string(1'000'000, 'x');
  expect_error(m, "description");
  auto huge = app::add_goal(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {std::string(1'000'000, 'a'), "active"}, clock_);
  ASSERT_TRUE(huge);
  EXPECT_FALSE(huge->entry);
  auto nothing = app::add_goal(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {"", "active"}, clock_);
  ASSERT_TRUE(nothing);
  EXPECT_FALSE(nothing->entry);
  auto measure = app::add_measure(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, a_measure(own, 2, 10), clock_);
  ASSERT_TRUE(measure && measure->entry);
  auto early = app::add_evaluation(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, *measure->entry,
                                   {day(-10), "før start", "continue", day(20)}, clock_);
  ASSERT_TRUE(early);
  EXPECT_FALSE(early->entry) << "an evaluation before the measure started";
  EXPECT_EQ(count("entry"), before + 1) << "only the one valid measure";
}

TEST_F(LogContent, ACorrectionIsANewVersionAndTheOldTextStays) {
  auto goal = app::add_goal(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {"Nora har venner", "active"}, clock_);
  ASSERT_TRUE(goal && goal->entry);
  const app::GoalInput fixed{"Nora har gode venner i klassen", "active"};
  auto by_other = app::correct_goal(*db_, testing::test_trail(), employee(kSara), kNorasLog, {*goal->entry, 1, "skrivefeil"}, fixed, clock_);
  ASSERT_FALSE(by_other);
  EXPECT_EQ(by_other.error().code, Errc::kForbidden) << "neither author nor holder";
  auto no_reason = app::correct_goal(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {*goal->entry, 1, ""}, fixed, clock_);
  ASSERT_TRUE(no_reason);
  EXPECT_FALSE(no_reason->entry);
  ASSERT_TRUE(app::correct_goal(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {*goal->entry, 1, "Mer presist"}, fixed, clock_));
  auto stale = app::correct_goal(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {*goal->entry, 1, "igjen"}, fixed, clock_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, Errc::kConflict);
  for (const Actor& who : {employee(kIngrid), citizen(kHanne)}) {
    const auto c = content(who, kNorasLog);
    ASSERT_EQ(c.goals.size(), 1u);
    EXPECT_TRUE(c.goals[0].corrected);
    EXPECT_EQ(c.goals[0].body.text, "Nora har gode venner i klassen");
    ASSERT_EQ(c.goals[0].history.size(), 1u);
    EXPECT_EQ(c.goals[0].history[0].summary, "Nora har venner");
    EXPECT_EQ(c.goals[0].history[0].correction_reason, "Mer presist");
  }
  EXPECT_EQ(count("entry_version"), 2);
}

// The correction form reads one entry: recorded as a view of it before the
// draft is returned; a correction records only its change.
TEST_F(LogContent, ACorrectionDraftIsRecordedAsAViewOfItsEntry) {
  auto goal = app::add_goal(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {"Nora har venner", "active"}, clock_);
  ASSERT_TRUE(goal && goal->entry);
  testing::CollectingTrail trail;
  auto draft = app::correction_draft(*db_, trail, employee(kIngrid), kNorasLog, *goal->entry, clock_);
  ASSERT_TRUE(draft) << draft.error().detail;
  EXPECT_EQ(draft->goal.text, "Nora har venner");
  ASSERT_EQ(trail.records.size(), 1u);
  EXPECT_EQ(trail.records[0].action, domain::AccessAction::kView);
  EXPECT_EQ(trail.records[0].person, kIngrid);
  EXPECT_EQ(trail.records[0].record_kind, domain::EntryKind::kGoal);
  EXPECT_EQ(trail.records[0].record, *goal->entry);
  // May read, may not correct: refused before anything is recorded.
  auto by_other = app::correction_draft(*db_, trail, employee(kSara), kNorasLog, *goal->entry, clock_);
  ASSERT_FALSE(by_other);
  EXPECT_EQ(by_other.error().code, Errc::kForbidden);
  EXPECT_EQ(trail.records.size(), 1u);
  // No record, no draft.
  trail.refuse = true;
  auto refused = app::correction_draft(*db_, trail, employee(kIngrid), kNorasLog, *goal->entry, clock_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kUnavailable);
  trail.refuse = false;
  // A correction fills the posted fields over the entry it reads, and
  // records the change only; with field errors it records nothing.
  auto empty = app::correct_entry(*db_, trail, employee(kIngrid), kNorasLog, {*goal->entry, 1, "x"},
                                  [](app::CorrectionDraft& d, app::FieldErrors&) { d.goal.text = ""; }, clock_);
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->entry);
  EXPECT_EQ(trail.records.size(), 1u);
  auto done = app::correct_entry(*db_, trail, employee(kIngrid), kNorasLog, {*goal->entry, 1, "Mer presist"},
                                 [](app::CorrectionDraft& d, app::FieldErrors&) { d.goal.text = "Nora har gode venner"; },
                                 clock_);
  ASSERT_TRUE(done && done->entry);
  ASSERT_EQ(trail.records.size(), 2u);
  EXPECT_EQ(trail.records[1].action, domain::AccessAction::kCorrect);
  EXPECT_EQ(trail.records[1].record, *goal->entry);
}

TEST_F(LogContent, ContentOutsideTheConsentsCategoriesIsNeitherShownNorWritable) {
  ASSERT_TRUE(app::add_goal(*db_, testing::test_trail(), employee(kOle), kLeosLog, {"Leo snakker mer", "active"}, clock_));
  // Amina narrows her consent to the basic information only.
  app::ConsentInput only_basic;
  only_basic.units = {domain::UnitId{1}, domain::UnitId{4}};
  only_basic.categories.add(domain::InfoCategory::kBasic);
  only_basic.valid_until = clock_.now() + std::chrono::days(100);
  only_basic.info_text_version = "2026-11";
  only_basic.info_text_hash = "test";
  ASSERT_TRUE(app::give_consent(*db_, testing::test_trail(), citizen(kAmina), kLeosLog, only_basic, clock_));
  const auto c = content(employee(kOle), kLeosLog);
  EXPECT_TRUE(c.goals.empty()) << "goals are outside the consent now";
  EXPECT_FALSE(c.can_write);
  EXPECT_FALSE(app::add_goal(*db_, testing::test_trail(), employee(kOle), kLeosLog, {"Nytt mål", "active"}, clock_));
  EXPECT_EQ(content(citizen(kAmina), kLeosLog).goals.size(), 1u) << "the family still sees everything";
}

}  // namespace
}  // namespace stafett
