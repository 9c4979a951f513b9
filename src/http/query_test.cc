#include "http/query.h"

#include <gtest/gtest.h>

namespace stafett::http {
namespace {

TEST(Query, DecodesPairsWithPlusAsSpace) {
  auto fields = parse_query("a=1&b=hei+der&c=%C3%A5&flag&&d=");
  ASSERT_TRUE(fields);
  EXPECT_EQ(find_field(*fields, "b"), "hei der");
  EXPECT_EQ(find_field(*fields, "c"), "å");
  EXPECT_EQ(find_field(*fields, "flag"), "");
  EXPECT_EQ(find_field(*fields, "d"), "");
  EXPECT_FALSE(find_field(*fields, "missing"));
}

TEST(Query, RefusesControlCharactersBadEscapesAndBadUtf8) {
  for (const char* q : {"a=%00", "a=%0a", "a%01=1", "a=%zz", "a=%", "a=%ff", "a=%c0%af"}) {
    EXPECT_FALSE(parse_query(q)) << q;
  }
}

TEST(Query, FormBodiesMayHoldNewlinesButNotOtherControls) {
  auto ok = parse_form_body("text=line1%0D%0Aline2%09tab");
  ASSERT_TRUE(ok);
  EXPECT_EQ(find_field(*ok, "text"), "line1\r\nline2\ttab");
  EXPECT_FALSE(parse_form_body("text=%00"));
  EXPECT_FALSE(parse_form_body("te%0Axt=1"));
}

}  // namespace
}  // namespace stafett::http
