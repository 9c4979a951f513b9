#pragma once
// How a citizen reaches a unit in the public service catalogue: phone number,
// opening hours and a contact-form link. Employees type these as free text;
// these functions accept the usual Norwegian ways of writing them and give
// back one canonical form, so every page shows them alike.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stafett::domain {

// --- Phone numbers ---

// Accepts 8-digit Norwegian numbers (first digit 2-9, optionally after "+47"
// or "0047") and the national short numbers 1xx and 116xxx, with spaces
// between digits. Returns "22 33 44 55", "112" or "116 111"; nullopt for
// anything else.
std::optional<std::string> normalize_phone(std::string_view typed);

// The tel: target for a number from normalize_phone: "+4722334455", "112", "116111".
// REQUIRES: `canonical` came from normalize_phone.
std::string phone_link(std::string_view canonical);

// --- Opening hours ---

struct OpeningPeriod {
  int first_day = 0;      // 0 = Monday .. 6 = Sunday
  int last_day = 0;       // >= first_day
  int opens_minute = 0;   // minutes since midnight, inclusive
  int closes_minute = 0;  // exclusive; up to 1440 (24.00)
  friend bool operator==(const OpeningPeriod&, const OpeningPeriod&) = default;
};

struct OpeningHours {
  std::vector<OpeningPeriod> periods;  // in the order typed; no day in two periods
  friend bool operator==(const OpeningHours&, const OpeningHours&) = default;
};

inline constexpr std::size_t kMaxOpeningHoursBytes = 500;
inline constexpr std::size_t kMaxOpeningPeriods = 14;

// Periods like "man–fre 08.00–15.30, lør 10–14" separated by ',', ';' or
// newline; bokmål and nynorsk day names, any case, '-', '–' or '—'. Blank
// input is valid and gives no periods ("not given"); nullopt for nonsense.
std::optional<OpeningHours> parse_opening_hours(std::string_view typed);

// "man–fre 08.00–15.30, lør 10.00–14.00"; parse_opening_hours reads it back
// to the same value.
std::string format_opening_hours(const OpeningHours& hours);

// Whether some period covers `day` (0-6) at `minute` (0-1439).
bool is_open_at(const OpeningHours& hours, int day, int minute);

// --- Contact-form links ---

inline constexpr std::size_t kMaxWebLinkLength = 500;

// Only plain "https://host.tld[:port][/path?query#fragment]" links, so a link
// shown to citizens can never run script, carry data or leave HTTPS.
bool is_public_web_link(std::string_view url);

}  // namespace stafett::domain
