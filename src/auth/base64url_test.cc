#include "auth/base64url.h"

#include <gtest/gtest.h>

namespace stafett::auth {
namespace {

TEST(Base64Url, EncodesTheRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64Url, UsesTheUrlAlphabet) {
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url_decode("-_8"), std::string("\xfb\xff"));
}

TEST(Base64Url, DecodesWhatItEncodesForEveryByteAndLength) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t length = 0; length <= bytes.size(); ++length) {
    const std::string_view prefix(bytes.data(), length);
    EXPECT_EQ(base64url_decode(base64url_encode(prefix)), std::string(prefix)) << length;
  }
}

TEST(Base64Url, RefusesPadding) {
  EXPECT_EQ(base64url_decode("Zg=="), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm8="), std::nullopt);
}

TEST(Base64Url, RefusesCharactersOutsideTheUrlAlphabet) {
  EXPECT_EQ(base64url_decode("+_8"), std::nullopt);
  EXPECT_EQ(base64url_decode("-/8"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9 v"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9v\n"), std::nullopt);
  EXPECT_EQ(base64url_decode(std::string_view("Zm\0v", 4)), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9v.Zg"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9\xc3\xa6"), std::nullopt);
}

TEST(Base64Url, RefusesALoneTrailingCharacter) {
  EXPECT_EQ(base64url_decode("Z"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9vY"), std::nullopt);
}

TEST(Base64Url, RefusesNonZeroTrailingBitsSoEveryByteStringHasOneSpelling) {
  // "Zg" is "f"; "Zh".."Zv" carry the same byte with stray low bits.
  EXPECT_EQ(base64url_decode("Zg"), std::string("f"));
  EXPECT_EQ(base64url_decode("Zh"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zv"), std::nullopt);
  // "Zm8" is "fo"; "Zm9" differs only in the two unused bits.
  EXPECT_EQ(base64url_decode("Zm8"), std::string("fo"));
  EXPECT_EQ(base64url_decode("Zm9"), std::nullopt);
}

TEST(Base64Url, DecodesTheEmptyTextToNoBytes) { EXPECT_EQ(base64url_decode(""), std::string()); }

}  // namespace
}  // namespace stafett::auth
