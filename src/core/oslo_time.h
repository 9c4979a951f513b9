#pragma once
// Norwegian wall-clock time for people. Times are stored in UTC; pages show
// them as in Oslo: CET (UTC+1), and CEST (UTC+2) from the last Sunday of
// March 01:00 UTC to the last Sunday of October 01:00 UTC, the EU rule
// Norway follows. Pure functions: no time-zone database, no global state.
#include <chrono>
#include <string>

#include "core/clock.h"

namespace stafett {

std::chrono::minutes oslo_offset(TimePoint utc);

// The Oslo calendar date of an instant.
std::chrono::year_month_day oslo_date(TimePoint utc);

// The first instant after `date` ends in Oslo (its next local midnight).
// "Valid up to and including 30.06.2027" is stored as this instant.
TimePoint oslo_end_of_day(std::chrono::year_month_day date);

// "23.11.2026 kl. 17.05"
std::string format_time(TimePoint t);
// "23.11.2026"
std::string format_date(TimePoint t);
// "23.11.2026" for a calendar date (a due date, a note's date).
std::string format_date(std::chrono::year_month_day date);
// The last day a period ending (exclusively) at `end` covers: format_date of
// the instant just before `end`, so oslo_end_of_day(d) shows as d again.
std::string format_last_day(TimePoint end);
// "2026-11-23", for <input type="date"> values.
std::string iso_date(std::chrono::year_month_day date);

}  // namespace stafett
