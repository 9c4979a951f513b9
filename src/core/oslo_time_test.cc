#include "core/oslo_time.h"

#include <gtest/gtest.h>

namespace stafett {
namespace {

using namespace std::chrono;

TimePoint utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return time_point_cast<milliseconds>(sys_days{year{y} / month{m} / day{d}} + hours(h) + minutes(min));
}

TEST(OsloTime, WinterIsUtcPlusOneAndSummerUtcPlusTwo) {
  EXPECT_EQ(format_time(utc(2026, 11, 23, 16, 5)), "23.11.2026 kl. 17.05");
  EXPECT_EQ(format_time(utc(2026, 7, 1, 22, 30)), "02.07.2026 kl. 00.30");
}

TEST(OsloTime, SwitchesOnTheLastSundaysOfMarchAndOctober) {
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(oslo_offset(utc(2026, 3, 29, 0, 59)), minutes(60));
  EXPECT_EQ(oslo_offset(utc(2026, 3, 29, 1, 0)), minutes(120));
  EXPECT_EQ(oslo_offset(utc(2026, 10, 25, 0, 59)), minutes(120));
  EXPECT_EQ(oslo_offset(utc(2026, 10, 25, 1, 0)), minutes(60));
}

TEST(OsloTime, AnInclusiveLastDayShowsAsEntered) {
  for (const auto d : {year{2027} / June / 30, year{2027} / December / 31, year{2027} / March / 28}) {
    const TimePoint end = oslo_end_of_day(d);
    EXPECT_EQ(format_last_day(end), format_date(time_point_cast<milliseconds>(sys_days{d}) + hours(12)));
    EXPECT_EQ(oslo_date(end), year_month_day{sys_days{d} + days(1)}) << "the end is the next local midnight";
  }
  EXPECT_EQ(format_time(oslo_end_of_day(year{2027} / June / 30)), "01.07.2027 kl. 00.00");
  EXPECT_EQ(format_time(oslo_end_of_day(year{2027} / January / 15)), "16.01.2027 kl. 00.00");
}

TEST(OsloTime, ACalendarDateShowsAsTheSameDayWhateverTheOffset) {
  EXPECT_EQ(format_date(year_month_day{year{2026}, month{11}, day{3}}), "03.11.2026");
  // Near midnight UTC an instant is already the next day in Oslo; a date is not an instant.
  EXPECT_EQ(format_date(time_point_cast<milliseconds>(sys_days{year_month_day{year{2026}, month{6}, day{30}}}) + hours(23)),
            "01.07.2026");
  EXPECT_EQ(format_date(year_month_day{year{2026}, month{6}, day{30}}), "30.06.2026");
}

}  // namespace
}  // namespace stafett
