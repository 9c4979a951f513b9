#include "domain/service_profile.h"

#include <gtest/gtest.h>

#include "domain/model_change.h"
#include "domain/model_text.h"

namespace stafett::domain {
namespace {

ServiceProfileInput good() {
  return {"Samtaler for **foreldre**.", "0", "12", {"family", "language"}, {"1", "2"}, "+47 22 00 30 01",
          "Torget 3", "man–fre 8-16", "https://www.fjordvik.example/skjema", false, true};
}

std::vector<std::string> fields(const ServiceProfileCheck& c) {
  std::vector<std::string> out;
  for (const auto& p : c.problems) out.push_back(p.field + ":" + p.message);
  return out;
}

TEST(ServiceProfile, AGoodEntryIsNormalised) {
  const auto c = check_service_profile(good());
  ASSERT_TRUE(c.problems.empty()) << fields(c)[0];
  EXPECT_EQ(c.profile.phone, "22 00 30 01");
  EXPECT_EQ(format_opening_hours(c.profile.opening_hours), "man–fre 08.00–16.00");
  EXPECT_EQ(c.profile.needs, (std::vector<Need>{Need::kLanguage, Need::kFamily})) << "in the catalogue's order";
  EXPECT_EQ(c.profile.levels.code(), "1,2");
}

TEST(ServiceProfile, EveryFieldHasItsRule) {
  const auto problem = [](auto change) {
    auto in = good();
    change(in);
    const auto f = fields(check_service_profile(in));
    return f.empty() ? std::string() : f.front();
  };
  EXPECT_EQ(problem([](auto& in) { in.opening_hours = "hele tiden"; }), "opening_hours:model.error.opening_hours");
  EXPECT_EQ(problem([](auto& in) { in.phone = "22-33-44-55"; }), "phone:model.error.phone");
  EXPECT_EQ(problem([](auto& in) { in.phone = "112"; }), "phone:model.error.phone") << "never a unit's number";
  EXPECT_EQ(problem([](auto& in) { in.description = "<script>alert(1)</script>"; }),
            "description:model.error.markdown_html");
  EXPECT_EQ(problem([](auto& in) { in.description = "[x](javascript:alert(1))"; }),
            "description:model.error.markdown_link");
  EXPECT_EQ(problem([](auto& in) { in.age_from = "13"; }), "age_to:model.error.age_order");
  EXPECT_EQ(problem([](auto& in) { in.age_to = "26"; }), "age_to:model.error.age");
  EXPECT_EQ(problem([](auto& in) { in.age_from = "-1"; }), "age_from:model.error.age");
  EXPECT_EQ(problem([](auto& in) { in.needs = {"magic"}; }), "needs:model.error.need");
  EXPECT_EQ(problem([](auto& in) { in.levels = {}; }), "levels:model.error.levels");
  EXPECT_EQ(problem([](auto& in) { in.levels = {"4"}; }), "levels:model.error.levels");
  EXPECT_EQ(problem([](auto& in) { in.contact_form_url = "http://x.example"; }), "contact_form_url:model.error.link");
  EXPECT_EQ(problem([](auto& in) { in.address = "Linje 1\nLinje 2"; }), "address:model.error.invalid_text");
  EXPECT_EQ(problem([](auto& in) {
              in.phone = "";
              in.address = " ";
              in.contact_form_url = "";
            }),
            "phone:model.error.no_contact");
  EXPECT_EQ(problem([](auto& in) {
              in.phone = "";
              in.address = "";
              in.contact_form_url = "";
              in.is_public = false;
            }),
            "") << "an internal entry needs no contact";
}

TEST(ServiceProfile, ModelMarkdownRefusesMarkupButKeepsComparisons) {
  EXPECT_FALSE(model_markdown_problem("Barn fra 3 < 5 år, <3", 100));
  EXPECT_FALSE(model_markdown_problem("Se [siden](https://a.example/x) og [ring](tel:22003001).", 200));
  EXPECT_EQ(model_markdown_problem("<img src=x onerror=alert(1)>", 100), "model.error.markdown_html");
  EXPECT_EQ(model_markdown_problem("</div>", 100), "model.error.markdown_html");
  EXPECT_EQ(model_markdown_problem("<!-- x -->", 100), "model.error.markdown_html");
  EXPECT_EQ(model_markdown_problem("[x](data:text/html,abc)", 100), "model.error.markdown_link");
  EXPECT_EQ(model_markdown_problem("[x](//evil.example)", 100), "model.error.markdown_link");
  EXPECT_EQ(model_markdown_problem(std::string(101, 'a'), 100), "model.error.too_long");
}

TEST(ServiceProfile, TheFilterMatchesAgeNeedLevelAndEveryWord) {
  const auto p = check_service_profile(good()).profile;
  EXPECT_TRUE(matches(p, "Familiesenteret", {}));
  EXPECT_TRUE(matches(p, "Familiesenteret", {12, Need::kFamily, 2, ""}));
  EXPECT_FALSE(matches(p, "Familiesenteret", {13, std::nullopt, std::nullopt, ""}));
  EXPECT_FALSE(matches(p, "Familiesenteret", {std::nullopt, Need::kSubstance, std::nullopt, ""}));
  EXPECT_FALSE(matches(p, "Familiesenteret", {std::nullopt, std::nullopt, 3, ""}));
  EXPECT_TRUE(matches(p, "Familiesenteret", {std::nullopt, std::nullopt, std::nullopt, fold_case("FAMILIE foreldre")}));
  EXPECT_FALSE(matches(p, "Familiesenteret", {std::nullopt, std::nullopt, std::nullopt, "familie barnevern"}));
  EXPECT_EQ(fold_case("ÆØÅ Skole"), "æøå skole");
}

TEST(ModelChange, TheDiffNamesOnlyChangedFields) {
  const auto before = service_snapshot("Familiesenteret", ServiceType::kHealthStation, check_service_profile(good()).profile);
  auto in = good();
  in.opening_hours = "man-tor 8-16";
  const auto after = service_snapshot("Familiesenteret", ServiceType::kHealthStation, check_service_profile(in).profile);
  const auto diffs = diff_snapshots(before, after);
  ASSERT_EQ(diffs.size(), 1u);
  EXPECT_EQ(diffs[0].field, "opening_hours");
  EXPECT_EQ(diff_snapshots({}, after).size(), after.size()) << "a first version shows every field";
  EXPECT_EQ(snapshot_value(after, "name"), "Familiesenteret");
  EXPECT_EQ(model_kind_from_code(model_kind_code(ModelKind::kPlan)), ModelKind::kPlan);
}

}  // namespace
}  // namespace stafett::domain
