#pragma once
// Norwegian national identity numbers (fødselsnummer and D-nummer): 11 digits,
// DDMMYY + individual number + two mod-11 check digits.
//
// Stafett never stores or logs one in clear text (see crypto/). Tests and demo
// data use only *synthetic* numbers, whose month is raised by 80 (the
// convention of the national test registry), so they can never belong to a
// real person.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace stafett::domain {

// 11 digits with both check digits right (real, D-number or synthetic).
bool is_valid_national_id(std::string_view number);
bool is_synthetic_national_id(std::string_view number);

// The birth date the number encodes, or nullopt for an invalid number.
std::optional<std::chrono::year_month_day> birth_date_of(std::string_view number);

// A synthetic, checksum-valid number for `birth` (years 1900-2039), using the
// first individual number from `seed` (0-999) that gives valid check digits.
std::string make_synthetic_national_id(std::chrono::year_month_day birth, int seed);

// Whole years from `birth` to `on`.
int age_on(std::chrono::year_month_day birth, std::chrono::year_month_day on);

}  // namespace stafett::domain
