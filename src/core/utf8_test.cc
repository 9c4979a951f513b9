#include "core/utf8.h"

#include <gtest/gtest.h>

namespace stafett {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Bærum, Ørsta og Åfjord"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // emoji
}

TEST(Utf8, RefusesMalformedOverlongAndSurrogates) {
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(Utf8, FindsControlCharacters) {
  EXPECT_TRUE(has_control_characters(std::string_view("a\0b", 3)));
  EXPECT_TRUE(has_control_characters("a\x7f"));
  EXPECT_TRUE(has_control_characters("a\nb"));
  EXPECT_FALSE(has_control_characters("a\nb\tc\r", /*allow_newlines=*/true));
  EXPECT_FALSE(has_control_characters("vanlig tekst"));
}

TEST(Utf8, FirstWordsCutsAtLineAndCharacterBoundaries) {
  EXPECT_EQ(first_words("kort", 10), "kort");
  EXPECT_EQ(first_words("første linje\nandre linje", 100), "første linje\u2026");
  EXPECT_EQ(first_words("bare én linje\n\n", 100), "bare én linje");
  // "æøå" is six bytes; a cut at 3 must not leave half a character.
  EXPECT_EQ(first_words("æøå", 3), "æ\u2026");
  const std::string megabyte(1 << 20, 'x');
  const auto cut = first_words(megabyte, 160);
  EXPECT_EQ(cut.size(), 160u + 3u);
  EXPECT_TRUE(is_valid_utf8(cut));
}

}  // namespace
}  // namespace stafett
