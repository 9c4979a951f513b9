#include "domain/entry.h"

#include <gtest/gtest.h>

namespace stafett::domain {
namespace {

using namespace std::chrono;

MeasureBody a_measure() {
  MeasureBody m;
  m.title = "Fast samtale med helsesykepleier";
  m.responsible = ParticipantId{1};
  m.unit = UnitId{3};
  m.start_date = year{2026} / November / 1;
  m.evaluation_date = year{2026} / December / 1;
  m.status = MeasureStatus::kActive;
  return m;
}

TEST(Measure, IsOverdueOnlyAfterItsEvaluationDatePassesWithoutAnEvaluation) {
  const auto m = a_measure();
  EXPECT_FALSE(is_overdue(m, {}, year{2026} / December / 1)) << "due today is not overdue";
  EXPECT_TRUE(is_overdue(m, {}, year{2026} / December / 2));
  EvaluationBody e{year{2026} / December / 3, "Går bedre", EvaluationOutcome::kContinue, year{2027} / February / 1};
  EXPECT_FALSE(is_overdue(m, {e}, year{2026} / December / 10)) << "evaluated: the next date counts";
  EXPECT_TRUE(is_overdue(m, {e}, year{2027} / February / 2));
  e.outcome = EvaluationOutcome::kEnd;
  EXPECT_FALSE(is_overdue(m, {e}, year{2030} / January / 1)) << "an ending evaluation sets no next date";
  auto done = m;
  done.status = MeasureStatus::kCompleted;
  EXPECT_FALSE(is_overdue(done, {}, year{2030} / January / 1));
}

TEST(Measure, ValidationNamesEveryBadField) {
  MeasureBody m;
  m.title = std::string(400, 'x');
  m.start_date = year{2026} / May / 10;
  m.evaluation_date = year{2026} / May / 1;
  m.status = MeasureStatus::kStopped;
  const auto problems = validate(m);
  auto has = [&](const std::string& field) {
    return std::any_of(problems.begin(), problems.end(), [&](const auto& p) { return p.field == field; });
  };
  for (const char* f : {"title", "responsible", "unit", "evaluation_date", "status_reason"}) EXPECT_TRUE(has(f)) << f;
  EXPECT_TRUE(validate(a_measure()).empty());
}

TEST(Evaluation, NeedsANextDateAfterItselfUnlessItEndsTheMeasure) {
  const auto m = a_measure();
  EXPECT_FALSE(validate(EvaluationBody{year{2026} / December / 3, "ok", EvaluationOutcome::kContinue, std::nullopt}, m).empty());
  EXPECT_FALSE(validate(EvaluationBody{year{2026} / December / 3, "ok", EvaluationOutcome::kChange,
                                       year{2026} / December / 3}, m).empty());
  EXPECT_FALSE(validate(EvaluationBody{year{2026} / October / 3, "ok", EvaluationOutcome::kEnd, std::nullopt}, m).empty())
      << "before the measure started";
  EXPECT_TRUE(validate(EvaluationBody{year{2026} / December / 3, "ok", EvaluationOutcome::kEnd, std::nullopt}, m).empty());
}

TEST(Measure, AnEndingEvaluationCompletesIt) {
  const auto m = a_measure();
  EXPECT_EQ(effective_status(m, {}), MeasureStatus::kActive);
  EXPECT_EQ(effective_status(m, {{year{2026} / December / 3, "ferdig", EvaluationOutcome::kEnd, std::nullopt}}),
            MeasureStatus::kCompleted);
}

TEST(Goal, TextIsRequiredBoundedAndFreeOfControlCharacters) {
  EXPECT_FALSE(validate(GoalBody{"", GoalStatus::kActive}).empty());
  EXPECT_FALSE(validate(GoalBody{"   \n ", GoalStatus::kActive}).empty()) << "blank is empty";
  EXPECT_FALSE(validate(GoalBody{std::string(kMaxLongText + 1, 'a'), GoalStatus::kActive}).empty());
  EXPECT_FALSE(validate(GoalBody{std::string("a\0b", 3), GoalStatus::kActive}).empty());
  EXPECT_TRUE(validate(GoalBody{"Nora trives på skolen\nog har venner", GoalStatus::kActive}).empty());
}

TEST(Dates, RoundTripAndRefuseNonsense) {
  EXPECT_EQ(date_code(*date_from_code("2027-02-28")), "2027-02-28");
  for (const char* bad : {"2027-02-30", "27-02-28", "2027/02/28", "", "abcd-ef-gh", "1800-01-01"}) {
    EXPECT_FALSE(date_from_code(bad)) << bad;
  }
}

}  // namespace
}  // namespace stafett::domain
