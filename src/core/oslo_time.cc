#include "core/oslo_time.h"

#include <cstdio>

namespace stafett {
namespace {

using namespace std::chrono;

// 01:00 UTC on the last Sunday of `m` in year `y`.
sys_time<milliseconds> last_sunday_0100_utc(year y, month m) {
  const sys_days last{y / m / std::chrono::last};
  const weekday wd{last};
  const sys_days sunday = last - (wd - Sunday);
  return time_point_cast<milliseconds>(sunday + hours(1));
}

}  // namespace

minutes oslo_offset(TimePoint utc) {
  const year y = year_month_day{floor<days>(utc)}.year();
  const bool summer = utc >= last_sunday_0100_utc(y, March) && utc < last_sunday_0100_utc(y, October);
  return summer ? minutes(120) : minutes(60);
}

year_month_day oslo_date(TimePoint utc) { return year_month_day{floor<days>(utc + oslo_offset(utc))}; }

TimePoint oslo_end_of_day(year_month_day date) {
  const auto local_midnight = time_point_cast<milliseconds>(sys_days{date} + days(1));
  // The offset that applies then: transitions happen at 01:00 UTC, never
  // around local midnight, so the offset two hours earlier is the same one.
  return local_midnight - oslo_offset(local_midnight - hours(2));
}

std::string format_time(TimePoint t) {
  const TimePoint local = t + oslo_offset(t);
  const auto day_start = floor<days>(local);
  const year_month_day ymd{day_start};
  const hh_mm_ss hms{floor<minutes>(local - day_start)};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d kl. %02d.%02d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()));
  return buf;
}

std::string format_date(TimePoint t) { return format_date(oslo_date(t)); }

std::string format_date(year_month_day ymd) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                static_cast<int>(ymd.year()));
  return buf;
}

std::string format_last_day(TimePoint end) { return format_date(end - milliseconds(1)); }

std::string iso_date(year_month_day d) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

}  // namespace stafett
