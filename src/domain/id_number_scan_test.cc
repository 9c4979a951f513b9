#include "domain/id_number_scan.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/national_id.h"

namespace stafett::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

// Synthetic numbers only (month + 80): they can never belong to a person.
std::string synthetic(int seed) {
  return make_synthetic_national_id(year_month_day{year{2014}, month{3}, day{12}}, seed);
}

std::string with_wrong_checksum(std::string n) {
  n[10] = n[10] == '9' ? '0' : static_cast<char>(n[10] + 1);
  return n;
}

std::string split(const std::string& n, char separator) { return n.substr(0, 6) + separator + n.substr(6); }

TEST(IdNumberScan, TheTestNumbersAreSyntheticAndValid) {
  for (int seed : {0, 5, 123}) {
    ASSERT_TRUE(is_synthetic_national_id(synthetic(seed))) << synthetic(seed);
    ASSERT_FALSE(is_valid_national_id(with_wrong_checksum(synthetic(seed))));
  }
}

TEST(IdNumberScan, FindsANumberWrittenTogether) {
  const std::string n = synthetic(5);
  EXPECT_TRUE(contains_national_id(n));
  EXPECT_TRUE(contains_national_id("Gutten har fnr. " + n + " og går i 3. klasse."));
  EXPECT_TRUE(contains_national_id("(" + n + ")"));
  EXPECT_TRUE(contains_national_id("abc" + n + "xyz")) << "letters are not digits";
  EXPECT_TRUE(contains_national_id("1234 " + n));
  const std::string adult = make_synthetic_national_id(year_month_day{year{1985}, month{11}, day{30}}, 3);
  EXPECT_TRUE(contains_national_id("mor: " + adult));
}

TEST(IdNumberScan, FindsANumberSplitSixAndFive) {
  const std::string n = synthetic(5);
  for (char separator : {' ', '.', '-'}) {
    EXPECT_TRUE(contains_national_id(split(n, separator))) << separator;
    EXPECT_TRUE(contains_national_id("Fnr " + split(n, separator) + ", se vedlegg")) << separator;
  }
  EXPECT_TRUE(contains_national_id("nr" + split(n, ' ') + "x"));
}

TEST(IdNumberScan, LeavesOtherNumbersAlone) {
  const std::string n = synthetic(5);
  EXPECT_FALSE(contains_national_id(""));
  EXPECT_FALSE(contains_national_id("Møte 12.03.2024 kl. 14, ring 22 33 44 55 eller 41234567."));
  EXPECT_FALSE(contains_national_id(with_wrong_checksum(n))) << "a checksum-invalid run is an order number";
  EXPECT_FALSE(contains_national_id(split(with_wrong_checksum(n), ' ')));
  EXPECT_FALSE(contains_national_id(n + "7")) << "12-digit run";
  EXPECT_FALSE(contains_national_id("7" + n)) << "12-digit run";
  EXPECT_FALSE(contains_national_id("ordre " + n + "0000 sendt"));
  EXPECT_FALSE(contains_national_id(n.substr(0, 6) + "  " + n.substr(6))) << "two spaces";
  EXPECT_FALSE(contains_national_id(n.substr(0, 6) + "/" + n.substr(6))) << "other separator";
  EXPECT_FALSE(contains_national_id("1" + split(n, ' '))) << "7 + 5 digits";
  EXPECT_FALSE(contains_national_id(split(n, ' ') + "1")) << "6 + 6 digits";
  EXPECT_FALSE(contains_national_id(n.substr(0, 5) + " " + n.substr(5))) << "5 + 6 digits";
  EXPECT_FALSE(contains_national_id(n.substr(0, 10))) << "10 digits";
}

TEST(IdNumberScan, FindsANumberAfterOthers) {
  const std::string n = synthetic(123);
  EXPECT_TRUE(contains_national_id(with_wrong_checksum(n) + " og " + n));
  EXPECT_TRUE(contains_national_id(n + "7 og " + split(n, '-')));
}

}  // namespace
}  // namespace stafett::domain
