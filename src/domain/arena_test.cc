#include "domain/arena.h"

#include <gtest/gtest.h>

#include "domain/national_id.h"

namespace stafett::domain {
namespace {

ArenaInput good() {
  return {"Ressursteam", "Drøfting av **elever**.", "0", "2", "Annenhver tirsdag", "no", "when_relevant",
          "Meld til rektor.", {"2", "3"}, {"4"}, true, true, true};
}

std::string first(const ArenaCheck& c) { return c.problems.empty() ? "" : c.problems[0].field + ":" + c.problems[0].message; }

TEST(Arena, AGoodArenaKeepsFixedAndOnDemandMembers) {
  const auto c = check_arena(good());
  ASSERT_TRUE(c.problems.empty()) << first(c);
  ASSERT_EQ(c.arena.members.size(), 3u);
  EXPECT_TRUE(c.arena.members[0].fixed);
  EXPECT_FALSE(c.arena.members[2].fixed);
  auto both = good();
  both.on_demand_units = {"2"};
  EXPECT_EQ(check_arena(both).arena.members.size(), 2u) << "a unit is a member once; fixed wins";
}

TEST(Arena, AnArenaNeedsAFixedParticipantAndAWayToBringCases) {
  auto in = good();
  in.fixed_units = {};
  EXPECT_EQ(first(check_arena(in)), "fixed_units:model.error.no_participants");
  in.on_demand_units = {};
  EXPECT_EQ(first(check_arena(in)), "fixed_units:model.error.no_participants");
  in = good();
  in.fixed_units = {"x"};
  EXPECT_EQ(first(check_arena(in)), "fixed_units:model.error.provider");
  in = good();
  in.anonymous_cases = in.log_cases = false;
  EXPECT_EQ(first(check_arena(in)), "cases:model.error.no_case_mode");
  in = good();
  in.purpose = "<iframe src=x>";
  EXPECT_EQ(first(check_arena(in)), "purpose:model.error.markdown_html");
  in = good();
  in.level_from = "3";
  EXPECT_EQ(first(check_arena(in)), "level_to:model.error.level_order");
  in = good();
  in.parents = "sometimes";
  EXPECT_EQ(first(check_arena(in)), "parents:model.error.attendance");
}

TEST(Arena, ACaseDescriptionNeverCarriesANationalId) {
  const std::string number = make_synthetic_national_id(
      std::chrono::year_month_day{std::chrono::year{2016}, std::chrono::month{5}, std::chrono::day{2}}, 11);
  EXPECT_EQ(case_description_problem("Jente, " + number), "model.error.national_id");
  EXPECT_EQ(case_description_problem("Jente, " + number.substr(0, 6) + "-" + number.substr(6)),
            "model.error.national_id");
  EXPECT_FALSE(case_description_problem("Jente i 3. klasse.\nMye fravær siste måned."));
  EXPECT_EQ(case_description_problem("  "), "model.error.required");
  EXPECT_EQ(case_description_problem(std::string(kMaxCaseDescription + 1, 'a')), "model.error.too_long");
  EXPECT_TRUE(is_age_band("6-9"));
  EXPECT_FALSE(is_age_band("7"));
}

}  // namespace
}  // namespace stafett::domain
