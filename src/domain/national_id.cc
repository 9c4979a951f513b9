#include "domain/national_id.h"

#include <algorithm>
#include <cstdio>

namespace stafett::domain {
namespace {

int digit(std::string_view s, std::size_t i) { return s[i] - '0'; }

std::optional<int> check_digit(std::string_view digits, const int* weights, std::size_t n) {
  int sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += digit(digits, i) * weights[i];
  const int k = 11 - sum % 11;
  if (k == 11) return 0;
  if (k == 10) return std::nullopt;
  return k;
}

constexpr int kWeights1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
constexpr int kWeights2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

bool checksums_ok(std::string_view n) {
  const auto k1 = check_digit(n, kWeights1, 9);
  const auto k2 = check_digit(n, kWeights2, 10);
  return k1 && k2 && *k1 == digit(n, 9) && *k2 == digit(n, 10);
}

}  // namespace

bool is_valid_national_id(std::string_view n) {
  if (n.size() != 11 || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  return checksums_ok(n) && birth_date_of(n).has_value();
}

bool is_synthetic_national_id(std::string_view n) {
  return is_valid_national_id(n) && digit(n, 2) * 10 + digit(n, 3) > 80;
}

std::optional<std::chrono::year_month_day> birth_date_of(std::string_view n) {
  if (n.size() != 11 || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int day = digit(n, 0) * 10 + digit(n, 1);
  int month = digit(n, 2) * 10 + digit(n, 3);
  const int yy = digit(n, 4) * 10 + digit(n, 5);
  const int individual = digit(n, 6) * 100 + digit(n, 7) * 10 + digit(n, 8);
  if (day > 40) day -= 40;        // D-number
  if (month > 80) month -= 80;    // synthetic (test registry)
  else if (month > 40) month -= 40;  // H-number style test numbers
  int year;
  if (individual <= 499) year = 1900 + yy;
  else if (individual <= 749 && yy >= 54) year = 1800 + yy;
  else if (individual >= 900 && yy >= 40) year = 1900 + yy;
  else year = 2000 + yy;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string make_synthetic_national_id(std::chrono::year_month_day birth, int seed) {
  const int y = static_cast<int>(birth.year());
  const int yy = y % 100;
  // Individual number ranges that give back the right century.
  const int first = y >= 2000 ? 500 : 0;
  for (int i = 0; i < 500; ++i) {
    const int individual = first + (seed + i) % 500;
    // Every part is bounded (day <= 31, month + 80 <= 92, yy and individual
    // < 1000), but the optimiser cannot see it; room for the widest ints.
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02u%02u%02d%03d", static_cast<unsigned>(birth.day()) % 100,
                  (static_cast<unsigned>(birth.month()) + 80) % 100, yy, individual % 1000);
    std::string n(buf, 9);
    const auto k1 = check_digit(n, kWeights1, 9);
    if (!k1) continue;
    n += static_cast<char>('0' + *k1);
    const auto k2 = check_digit(n, kWeights2, 10);
    if (!k2) continue;
    n += static_cast<char>('0' + *k2);
    return n;
  }
  return {};
}

int age_on(std::chrono::year_month_day birth, std::chrono::year_month_day on) {
  int age = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --age;
  return age;
}

}  // namespace stafett::domain
