#include "web/csv.h"

#include <gtest/gtest.h>

namespace stafett::web {
namespace {

TEST(Csv, QuotesEveryCellAndDoublesQuotes) {
  EXPECT_EQ(csv_cell("Ingrid Fjellstad"), "\"Ingrid Fjellstad\"");
  EXPECT_EQ(csv_cell(""), "\"\"");
  EXPECT_EQ(csv_cell("Sa \"hei\", og gikk"), "\"Sa \"\"hei\"\", og gikk\"");
  EXPECT_EQ(csv_cell("to\r\nlinjer"), "\"to\r\nlinjer\"");
  EXPECT_EQ(csv_cell("Vikås"), "\"Vikås\"");
}

TEST(Csv, PrefixesCellsASpreadsheetWouldRunAsAFormula) {
  EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_cell("+47 123"), "\"'+47 123\"");
  EXPECT_EQ(csv_cell("-1+2"), "\"'-1+2\"");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(csv_cell("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(csv_cell("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(csv_cell("a=1"), "\"a=1\"") << "only the first character matters";
}

TEST(Csv, StartsWithAByteOrderMarkAndEndsRowsWithCrlf) {
  CsvWriter w;
  w.row({"a", "b"});
  w.row({"=c"});
  EXPECT_EQ(w.text(), "\xEF\xBB\xBF\"a\",\"b\"\r\n\"'=c\"\r\n");
}

}  // namespace
}  // namespace stafett::web
