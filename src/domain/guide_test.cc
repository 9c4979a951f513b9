#include "domain/guide.h"

#include <gtest/gtest.h>

namespace stafett::domain {
namespace {

using namespace std::chrono;

Guide two_step_guide() {
  Guide g;
  g.title = {"Veileder", "Rettleiar"};
  g.citizen_intro = {"Ring 112", "Ring 112"};
  g.variants = {{"skole", {"Skole", "Skule"}}};
  for (int i = 0; i < 4; ++i) {
    GuideLevel l;
    l.level = i;
    l.title = {"Nivå", "Nivå"};
    GuideStep s;
    s.key = "s" + std::to_string(i);
    s.title = {"Observer", "Observer"};
    s.what_to_do = {"Skriv et **undringsnotat** om det du så på Østsiden.", "Skriv eit undringsnotat."};
    s.reviewed_on = year{2026} / November / 1;
    l.steps.push_back(s);
    g.levels.push_back(l);
  }
  g.levels[1].steps[0].variants = {"skole"};
  GuideTool t;
  t.key = "samtykke";
  t.kind = ToolKind::kConsent;
  t.title = {"Samtykke", "Samtykke"};
  t.body = {"Om samtykke", "Om samtykke"};
  t.reviewed_on = year{2025} / February / 28;
  g.tools.push_back(t);
  return g;
}

TEST(Guide, AWellFormedGuideHasNoProblemsAndABrokenOneNamesThem) {
  auto g = two_step_guide();
  EXPECT_TRUE(check_guide(g).empty());
  g.levels[2].steps[0].tools = {"finnes-ikke"};
  g.levels[3].steps[0].key = "s0";
  g.levels[0].steps[0].variants = {"barnehage"};
  g.tools[0].form = FormDefinition{};
  const auto problems = check_guide(g);
  auto has = [&](const std::string& field, const std::string& message) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const FieldProblem& p) { return p.field == field && p.message == message; });
  };
  EXPECT_TRUE(has("levels.2.steps.0.tools", "guide.error.unknown_tool"));
  EXPECT_TRUE(has("levels.3.steps.0.key", "guide.error.duplicate_key"));
  EXPECT_TRUE(has("levels.0.steps.0.variants", "guide.error.unknown_variant"));
  EXPECT_TRUE(has("tools.0.form", "guide.error.form_kind"));
}

TEST(Guide, SearchNeedsEveryWordAndFoldsCaseAndNorwegianLetters) {
  const auto g = two_step_guide();
  EXPECT_EQ(search_guide(g, "nb", "UNDRINGSNOTAT østsiden").size(), 4u);
  EXPECT_EQ(search_guide(g, "nb", "ØSTSIDEN").size(), 4u);
  EXPECT_TRUE(search_guide(g, "nn", "østsiden").empty()) << "nynorsk searches the nynorsk text";
  EXPECT_TRUE(search_guide(g, "nb", "undringsnotat barnevern").empty());
  EXPECT_TRUE(search_guide(g, "nb", "   ").empty());
  const auto tools = search_guide(g, "nb", "samtykke");
  ASSERT_EQ(tools.size(), 1u);
  EXPECT_TRUE(tools[0].is_tool);
}

TEST(Guide, StepsOfAVariantAndTheSharedOnes) {
  const auto g = two_step_guide();
  EXPECT_TRUE(step_in_variant(g.levels[0].steps[0], "skole"));
  EXPECT_TRUE(step_in_variant(g.levels[1].steps[0], "skole"));
  EXPECT_FALSE(step_in_variant(g.levels[1].steps[0], "barnehage"));
  EXPECT_TRUE(step_in_variant(g.levels[1].steps[0], "")) << "the common guide shows every step";
}

TEST(Guide, PagesNotReviewedForTwelveMonthsAreDue) {
  const auto g = two_step_guide();
  EXPECT_TRUE(due_for_review(g, year{2026} / February / 28).empty()) << "exactly a year is not over a year";
  const auto due = due_for_review(g, year{2026} / March / 1);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].key, "samtykke");
  EXPECT_EQ(due_for_review(g, year{2027} / November / 2).size(), 5u);
  // 29 February: a year later is the last day of February.
  auto leap = g;
  leap.tools[0].reviewed_on = year{2024} / February / 29;
  EXPECT_TRUE(due_for_review(leap, year{2025} / February / 28).empty());
  EXPECT_EQ(due_for_review(leap, year{2025} / March / 1).size(), 1u);
}

}  // namespace
}  // namespace stafett::domain
