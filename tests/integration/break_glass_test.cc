// Break-glass (nødtilgang, issue 6, item 3) through the use cases, on both
// databases, with the demo data and a clock the test moves: who may open
// one, what it needs, what it lets them do and for how long, what the access
// records say, what the family sees, and the privacy officer's review queue.
#include <gtest/gtest.h>

#include "app/access_history.h"
#include "app/break_glass.h"
#include "app/content_use_cases.h"
#include "app/log_use_cases.h"
#include "store/break_glass_repository.h"
#include "support/collecting_trail.h"
#include "support/db_probe.h"
#include "support/demo_database.h"

namespace stafett {
namespace {

using domain::LogId;
using domain::PersonId;
using policy::Actor;
using policy::ActorKind;
using store::Transaction;
using store::TxMode;
using namespace std::chrono;

// Demo ids in seeding order (src/app/demo_seed.cc).
constexpr PersonId kIngrid{1}, kOle{2}, kSara{3}, kMette{5}, kLiv{8}, kMaria{14}, kRandi{19};
constexpr LogId kSofiesLog{3};
constexpr domain::UnitId kChildWelfare{5};
constexpr auto kWindow = minutes(120);
const std::string kWhy = "Barnevernvakten har fått en akutt melding i natt.";

Actor employee(PersonId p) { return Actor{ActorKind::kEmployee, p}; }
Actor citizen(PersonId p) { return Actor{ActorKind::kCitizen, p}; }

class BreakGlass : public ::testing::Test {
 protected:
  void SetUp() override { db_ = testing::demo_database(keys_, clock_); }

  Result<app::BreakGlassOpening> open(PersonId who, std::string_view reason = "emergency",
                                      std::string_view explanation = kWhy, minutes window = kWindow) {
    return app::open_break_glass(*db_, employee(who), kSofiesLog, reason, explanation, clock_, window);
  }
  Result<app::LogView> read(PersonId who) {
    return app::show_log(*db_, trail_, employee(who), kSofiesLog, clock_);
  }
  std::int64_t scalar(const std::string& sql) { return testing::scalar_in(*db_, sql); }
  Result<void> execute(const std::string& sql) { return testing::try_execute(*db_, sql); }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(11);
  FixedClock clock_{from_unix_ms(1'795'200'000'000)};
  std::unique_ptr<store::Database> db_;
  testing::CollectingTrail trail_;
};

TEST_F(BreakGlass, OnlyADesignatedEmployeeMayOpenOne) {
  for (PersonId who : {kOle, kIngrid, kLiv, kRandi}) {
    auto r = open(who);
    ASSERT_FALSE(r) << who.value;
    EXPECT_EQ(r.error().code, Errc::kForbidden);
  }
  auto family = app::open_break_glass(*db_, citizen(kMaria), kSofiesLog, "emergency", kWhy, clock_, kWindow);
  EXPECT_FALSE(family);
  auto missing = app::open_break_glass(*db_, employee(kMette), LogId{999}, "emergency", kWhy, clock_, kWindow);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::kForbidden) << "a missing log looks like a forbidden one";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM break_glass_access"), 0);
}

TEST_F(BreakGlass, WithoutAReasonNothingOpens) {
  auto none = open(kMette, "", "");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->access);
  ASSERT_EQ(none->errors.size(), 2u);
  EXPECT_EQ(none->errors[0].field, "reason");
  EXPECT_EQ(none->errors[1].field, "explanation");
  auto curious = open(kMette, "curiosity", kWhy);
  ASSERT_TRUE(curious);
  EXPECT_FALSE(curious->access);
  auto terse = open(kMette, "emergency", "akutt");
  ASSERT_TRUE(terse);
  EXPECT_FALSE(terse->access);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM break_glass_access"), 0);
  EXPECT_FALSE(read(kMette)) << "and the log stays closed to her";
}

TEST_F(BreakGlass, OpensTheLogForReadingOnlyWithTheReasonInEveryRecord) {
  ASSERT_FALSE(read(kMette));
  auto opened = open(kMette);
  ASSERT_TRUE(opened);
  ASSERT_TRUE(opened->access);
  EXPECT_EQ(opened->access->expires - opened->access->started, kWindow);
  EXPECT_EQ(opened->access->unit, kChildWelfare) << "her unit at the time";
  EXPECT_EQ(opened->access->explanation, kWhy);

  auto view = read(kMette);
  ASSERT_TRUE(view) << view.error().detail;
  ASSERT_TRUE(view->break_glass) << "the page shows the banner";
  EXPECT_EQ(view->break_glass->expires, clock_.now() + kWindow);
  ASSERT_EQ(trail_.records.size(), 1u);
  const auto& r = trail_.records.back();
  EXPECT_EQ(r.basis, domain::AccessBasis::kBreakGlass);
  EXPECT_EQ(r.break_glass_reason, "emergency");
  EXPECT_EQ(r.role, "break_glass");
  EXPECT_EQ(r.unit, kChildWelfare);
  EXPECT_EQ(r.service, "child_welfare");
  EXPECT_EQ(r.person, kMette);
  EXPECT_FALSE(r.consent) << "no consent behind it";
  EXPECT_FALSE(view->can.close || view->can.manage_participants || view->can.change_level) << "reading only";

  auto goal = app::add_goal(*db_, trail_, employee(kMette), kSofiesLog, {"Et mål", "active"}, clock_);
  ASSERT_FALSE(goal);
  EXPECT_EQ(goal.error().code, Errc::kForbidden);

  // Opening again while it lasts changes nothing: a second reason never extends it.
  clock_.advance(minutes(30));
  auto again = open(kMette, "other_legal_basis", "Enda en lang nok begrunnelse.");
  ASSERT_TRUE(again);
  ASSERT_TRUE(again->access);
  EXPECT_EQ(again->access->id, opened->access->id);
  EXPECT_EQ(again->access->expires, opened->access->expires);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM break_glass_access"), 1);
}

TEST_F(BreakGlass, EndsWhenTheWindowEnds) {
  ASSERT_TRUE(open(kMette, "emergency", kWhy, minutes(30)));
  clock_.advance(minutes(30) - milliseconds(1));
  EXPECT_TRUE(read(kMette)) << "the last millisecond of the window";
  clock_.advance(milliseconds(1));
  auto after = read(kMette);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, Errc::kForbidden);
  auto form = app::break_glass_form(*db_, employee(kMette), kSofiesLog, clock_, kWindow);
  ASSERT_TRUE(form);
  EXPECT_FALSE(form->open) << "she may open a new one, with a new reason";
}

TEST_F(BreakGlass, NeverLastsMoreThanTwoHours) {
  auto opened = open(kMette, "emergency", kWhy, minutes(24 * 60));
  ASSERT_TRUE(opened);
  ASSERT_TRUE(opened->access);
  EXPECT_EQ(opened->access->expires - opened->access->started, minutes(120));
}

TEST_F(BreakGlass, EndsWithTheDesignation) {
  ASSERT_TRUE(open(kMette));
  ASSERT_TRUE(read(kMette));
  ASSERT_TRUE(execute("UPDATE break_glass_designation SET valid_to_ms = " + std::to_string(to_unix_ms(clock_.now()) + 1)));
  clock_.advance(milliseconds(1));
  EXPECT_FALSE(read(kMette)) << "designation ended within the window";
}

TEST_F(BreakGlass, IsEvidenceThatCannotBeChangedOrDeleted) {
  ASSERT_TRUE(open(kMette));
  EXPECT_FALSE(execute("UPDATE break_glass_access SET expires_ms = expires_ms + 3600000"));
  EXPECT_FALSE(execute("UPDATE break_glass_access SET explanation = 'Noe annet enn det hun skrev.'"));
  EXPECT_FALSE(execute("DELETE FROM break_glass_access"));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM break_glass_access"), 1);
}

TEST_F(BreakGlass, TheFamilySeesWhoWhenAndWhy) {
  ASSERT_TRUE(open(kMette));
  ASSERT_TRUE(read(kMette));
  auto seen = app::log_accesses(*db_, citizen(kMaria), kSofiesLog, {}, clock_);
  ASSERT_TRUE(seen) << seen.error().detail;
  ASSERT_EQ(seen->break_glass.size(), 1u);
  EXPECT_EQ(seen->break_glass[0].person_name, "Mette Krogvik");
  EXPECT_EQ(seen->break_glass[0].explanation, kWhy);
  EXPECT_FALSE(seen->break_glass[0].review);
  // Even when the period chosen does not cover it.
  auto filtered = app::log_accesses(*db_, citizen(kMaria), kSofiesLog, {"2020-01-01", "2020-01-02", "", ""}, clock_);
  ASSERT_TRUE(filtered);
  EXPECT_EQ(filtered->break_glass.size(), 1u);
  bool recorded = false;
  for (const auto& line : seen->lines) recorded |= line.basis == domain::AccessBasis::kBreakGlass;
  EXPECT_TRUE(recorded || trail_.records.size() == 1u) << "the read itself is in the records (chain: HTTP suite)";
}

TEST_F(BreakGlass, ThePrivacyOfficerReviewsEachOnceAndOnlyTheirs) {
  ASSERT_TRUE(open(kMette));
  for (PersonId who : {kLiv, kMette, kIngrid}) {
    auto q = app::break_glass_queue(*db_, employee(who), clock_);
    ASSERT_FALSE(q) << who.value;
    EXPECT_EQ(q.error().code, Errc::kForbidden);
  }
  auto queue = app::break_glass_queue(*db_, employee(kRandi), clock_);
  ASSERT_TRUE(queue) << queue.error().detail;
  ASSERT_EQ(queue->unreviewed.size(), 1u);
  EXPECT_TRUE(queue->reviewed.empty());
  const auto id = queue->unreviewed[0].id;
  EXPECT_EQ(queue->unreviewed[0].child_name, "Sofie Lyngmo");

  auto by_admin = app::review_break_glass(*db_, employee(kLiv), id, "justified", "", clock_);
  ASSERT_FALSE(by_admin);
  EXPECT_EQ(by_admin.error().code, Errc::kForbidden);
  auto unknown = app::review_break_glass(*db_, employee(kRandi), 987654, "justified", "", clock_);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, Errc::kForbidden);

  auto bare = app::review_break_glass(*db_, employee(kRandi), id, "not_justified", " ", clock_);
  ASSERT_TRUE(bare);
  ASSERT_EQ(bare->errors.size(), 1u);
  EXPECT_EQ(bare->errors[0].message, "break_glass.error.comment_needed");
  auto garbage = app::review_break_glass(*db_, employee(kRandi), id, "'; DROP TABLE log; --", "", clock_);
  ASSERT_TRUE(garbage);
  EXPECT_EQ(garbage->errors.at(0).field, "outcome");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM break_glass_review"), 0);

  clock_.advance(hours(20));
  auto done = app::review_break_glass(*db_, employee(kRandi), id, "not_justified", "Ingen akutt fare. Tatt opp.", clock_);
  ASSERT_TRUE(done) << done.error().detail;
  ASSERT_TRUE(done->errors.empty());
  ASSERT_TRUE(done->access->review);
  EXPECT_EQ(done->access->review->reviewer, kRandi);
  EXPECT_EQ(done->access->review->at, clock_.now());

  auto twice = app::review_break_glass(*db_, employee(kRandi), id, "justified", "", clock_);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Errc::kConflict) << "an outcome is never changed";
  EXPECT_FALSE(execute("UPDATE break_glass_review SET outcome = 'justified'"));
  EXPECT_FALSE(execute("DELETE FROM break_glass_review"));

  auto after = app::break_glass_queue(*db_, employee(kRandi), clock_);
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->unreviewed.empty());
  ASSERT_EQ(after->reviewed.size(), 1u);
  EXPECT_EQ(after->reviewed[0].review->outcome, domain::BreakGlassOutcome::kNotJustified);
  auto family = app::log_accesses(*db_, citizen(kMaria), kSofiesLog, {}, clock_);
  ASSERT_TRUE(family);
  ASSERT_TRUE(family->break_glass.at(0).review) << "the family learns the outcome";
}

TEST_F(BreakGlass, AParticipantWithinTheConsentStillReadsByParticipation) {
  // Sara holds Sofie's log; even if she were designated, her reads rest on participation.
  ASSERT_TRUE(execute("INSERT INTO break_glass_designation (person_id, municipality_id, valid_from_ms) VALUES (3, 1, 0)"));
  auto opened = app::open_break_glass(*db_, employee(kSara), kSofiesLog, "emergency", kWhy, clock_, kWindow);
  ASSERT_TRUE(opened);
  auto view = read(kSara);
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->break_glass);
  EXPECT_EQ(trail_.records.back().basis, domain::AccessBasis::kParticipation);
}

}  // namespace
}  // namespace stafett
