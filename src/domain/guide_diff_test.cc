#include "domain/guide_diff.h"

#include <gtest/gtest.h>

namespace stafett::domain {
namespace {

using K = DiffLine::Kind;

TEST(GuideDiff, LinesKeepWhatIsCommonAndMarkTheRest) {
  const auto d = diff_lines("a\nb\nc", "a\nx\nc\nd");
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].kind, K::kSame);
  EXPECT_EQ(d[1].kind, K::kAdded);
  EXPECT_EQ(d[1].text, "x");
  EXPECT_EQ(d[2].kind, K::kRemoved);
  EXPECT_EQ(d[2].text, "b");
  EXPECT_EQ(d[3].kind, K::kSame);
  EXPECT_EQ(d[4].kind, K::kAdded);
}

Guide small_guide() {
  Guide g;
  for (int i = 0; i < 4; ++i) {
    GuideLevel l;
    l.level = i;
    l.title = {"Nivå", "Nivå"};
    GuideStep s;
    s.key = "s" + std::to_string(i);
    s.title = {"Tittel", "Tittel"};
    s.what_to_do = {"Gjør dette", "Gjer dette"};
    l.steps.push_back(s);
    g.levels.push_back(l);
  }
  return g;
}

TEST(GuideDiff, NamesChangedTextsAddedAndRemovedStepsAndMoves) {
  const auto before = small_guide();
  auto after = before;
  after.levels[0].steps[0].what_to_do.nn = "Gjer noko anna";
  GuideStep extra;
  extra.key = "ny";
  extra.title = {"Ny", "Ny"};
  after.levels[0].steps.insert(after.levels[0].steps.begin(), extra);
  after.levels[1].steps.clear();
  const auto changes = diff_guides(before, after);
  auto has = [&](const std::string& where, const std::string& field, GuideChange::Kind kind) {
    return std::any_of(changes.begin(), changes.end(), [&](const GuideChange& c) {
      return c.where == where && c.field == field && c.kind == kind;
    });
  };
  EXPECT_TRUE(has("steps.s0", "what_to_do.nn", GuideChange::Kind::kChanged));
  EXPECT_FALSE(has("steps.s0", "what_to_do.nb", GuideChange::Kind::kChanged));
  EXPECT_TRUE(has("steps.ny", "", GuideChange::Kind::kAdded));
  EXPECT_TRUE(has("steps.s1", "", GuideChange::Kind::kRemoved));
  EXPECT_TRUE(diff_guides(before, before).empty());

  auto swapped = before;
  GuideStep second;
  second.key = "b";
  swapped.levels[2].steps.push_back(second);
  auto moved = swapped;
  std::swap(moved.levels[2].steps[0], moved.levels[2].steps[1]);
  const auto m = diff_guides(swapped, moved);
  EXPECT_TRUE(std::any_of(m.begin(), m.end(), [](const GuideChange& c) {
    return c.where == "levels.2.steps" && c.kind == GuideChange::Kind::kMoved;
  }));
}

}  // namespace
}  // namespace stafett::domain
