#include "domain/national_id.h"

#include <gtest/gtest.h>

namespace stafett::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

TEST(NationalId, SyntheticNumbersAreValidAndMarkedSynthetic) {
  for (int seed = 0; seed < 50; ++seed) {
    const year_month_day birth{year{2014}, month{3}, day{static_cast<unsigned>(1 + seed % 28)}};
    const std::string n = make_synthetic_national_id(birth, seed * 7);
    ASSERT_EQ(n.size(), 11u);
    EXPECT_TRUE(is_valid_national_id(n)) << n;
    EXPECT_TRUE(is_synthetic_national_id(n)) << n;
    EXPECT_EQ(birth_date_of(n), birth) << n;
  }
  const year_month_day adult{year{1985}, month{11}, day{30}};
  EXPECT_EQ(birth_date_of(make_synthetic_national_id(adult, 3)), adult);
}

TEST(NationalId, RefusesWrongChecksumsLengthsAndDates) {
  std::string n = make_synthetic_national_id(year_month_day{year{2012}, month{6}, day{15}}, 1);
  n[10] = n[10] == '9' ? '0' : static_cast<char>(n[10] + 1);
  EXPECT_FALSE(is_valid_national_id(n));
  EXPECT_FALSE(is_valid_national_id("123"));
  EXPECT_FALSE(is_valid_national_id("1234567890a"));
  EXPECT_FALSE(is_valid_national_id("32139912345"));
}

TEST(NationalId, TheFixedDemoNumberIsSyntheticAndValid) {
  EXPECT_TRUE(is_synthetic_national_id("15881950062"));
  EXPECT_EQ(birth_date_of("15881950062"), (year_month_day{year{2019}, month{8}, day{15}}));
}

TEST(NationalId, AgeCountsWholeYears) {
  const year_month_day birth{year{2012}, month{6}, day{15}};
  EXPECT_EQ(age_on(birth, year_month_day{year{2024}, month{6}, day{14}}), 11);
  EXPECT_EQ(age_on(birth, year_month_day{year{2024}, month{6}, day{15}}), 12);
}

}  // namespace
}  // namespace stafett::domain
