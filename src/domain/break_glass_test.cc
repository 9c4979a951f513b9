#include "domain/break_glass.h"

#include <gtest/gtest.h>

namespace stafett::domain {
namespace {

TEST(BreakGlass, CodesRoundTrip) {
  for (auto r : kAllBreakGlassReasons) EXPECT_EQ(break_glass_reason_from_code(break_glass_reason_code(r)), r);
  EXPECT_FALSE(break_glass_reason_from_code("curiosity"));
  EXPECT_FALSE(break_glass_reason_from_code(""));
  EXPECT_EQ(break_glass_outcome_from_code("not_justified"), BreakGlassOutcome::kNotJustified);
  EXPECT_FALSE(break_glass_outcome_from_code("maybe"));
}

TEST(BreakGlass, RequestNeedsAKnownReasonAndAnExplanation) {
  auto ok = validate_break_glass_request("emergency", "  Barnet er innlagt akutt, trenger oversikt over tiltak.\n");
  ASSERT_TRUE(ok.request) << ok.problems.size();
  EXPECT_EQ(ok.request->explanation, "Barnet er innlagt akutt, trenger oversikt over tiltak.");
  EXPECT_EQ(ok.request->reason, BreakGlassReason::kEmergency);

  auto none = validate_break_glass_request("", "");
  EXPECT_FALSE(none.request);
  ASSERT_EQ(none.problems.size(), 2u);
  EXPECT_EQ(none.problems[0].field, "reason");
  EXPECT_EQ(none.problems[1].message, "break_glass.error.explanation_short");

  EXPECT_FALSE(validate_break_glass_request("emergency", "   akutt    ").request) << "too short once trimmed";
  EXPECT_FALSE(validate_break_glass_request("emergency'; DROP TABLE log;--", "En lang nok forklaring her.").request);
  // 2000 characters of two bytes each is allowed; 2001 is not.
  std::string at_limit;
  for (int i = 0; i < 2000; ++i) at_limit += "\xC3\xB8";  // ø
  EXPECT_TRUE(validate_break_glass_request("other_legal_basis", at_limit).request);
  EXPECT_FALSE(validate_break_glass_request("other_legal_basis", at_limit + "x").request);
}

TEST(BreakGlass, ReviewOfAnUnjustifiedAccessNeedsAComment) {
  EXPECT_TRUE(validate_break_glass_review("justified", "").review);
  auto bare = validate_break_glass_review("not_justified", "  ");
  ASSERT_FALSE(bare.review);
  EXPECT_EQ(bare.problems.at(0).message, "break_glass.error.comment_needed");
  auto with = validate_break_glass_review("not_justified", "Ingen akutt situasjon. Tatt opp med leder.");
  ASSERT_TRUE(with.review);
  EXPECT_EQ(with.review->outcome, BreakGlassOutcome::kNotJustified);
  EXPECT_FALSE(validate_break_glass_review("", "").review);
}

}  // namespace
}  // namespace stafett::domain
