#include "auth/strict_json.h"

#include <gtest/gtest.h>

#include <string>

namespace stafett::auth {
namespace {

JsonDefect defect_of(std::string_view text, std::size_t max_depth = kDefaultMaxJsonDepth) {
  auto parsed = parse_strict_json_object(text, max_depth);
  EXPECT_FALSE(parsed) << text;
  return parsed ? JsonDefect::kSyntax : parsed.error();
}

std::string nested_objects(std::size_t depth) {
  std::string text;
  for (std::size_t i = 1; i < depth; ++i) text += R"({"a":)";
  text += "{}";
  for (std::size_t i = 1; i < depth; ++i) text += "}";
  return text;
}

TEST(StrictJson, ParsesAnObjectWithNestedValues) {
  auto parsed =
      parse_strict_json_object(R"({"sub":"abc","aud":["x","y"],"n":{"exp":1,"ok":true}} )");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->at("sub").as_string(), "abc");
  EXPECT_EQ(parsed->at("aud").as_array().size(), 2u);
  EXPECT_EQ(parsed->at("n").as_object().at("exp").as_int64(), 1);
}

TEST(StrictJson, RefusesADuplicateKeyAtTheTopLevel) {
  EXPECT_EQ(defect_of(R"({"sub":"a","sub":"b"})"), JsonDefect::kDuplicateKey);
  EXPECT_EQ(defect_of(R"({"sub":"a","sub":"a"})"), JsonDefect::kDuplicateKey);
}

TEST(StrictJson, RefusesADuplicateKeyAtAnyDepth) {
  EXPECT_EQ(defect_of(R"({"a":{"b":1,"b":2}})"), JsonDefect::kDuplicateKey);
  EXPECT_EQ(defect_of(R"({"a":[{"x":1},{"b":1,"c":{"d":1,"d":1}}]})"), JsonDefect::kDuplicateKey);
}

TEST(StrictJson, ComparesKeysAfterUnescaping) {
  EXPECT_EQ(defect_of(R"({"sub":"a","s\u0075b":"b"})"), JsonDefect::kDuplicateKey);
}

TEST(StrictJson, AllowsTheSameKeyInDifferentObjects) {
  auto parsed =
      parse_strict_json_object(R"({"a":{"k":1},"b":{"k":2},"c":[{"k":3},{"k":4}],"k":5})");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->at("k").as_int64(), 5);
}

TEST(StrictJson, RefusesATopLevelThatIsNotAnObject) {
  EXPECT_EQ(defect_of("[]"), JsonDefect::kNotAnObject);
  EXPECT_EQ(defect_of(R"("text")"), JsonDefect::kNotAnObject);
  EXPECT_EQ(defect_of("42"), JsonDefect::kNotAnObject);
  EXPECT_EQ(defect_of("null"), JsonDefect::kNotAnObject);
}

TEST(StrictJson, RefusesWhatIsNotStandardJson) {
  EXPECT_EQ(defect_of(""), JsonDefect::kSyntax);
  EXPECT_EQ(defect_of("{"), JsonDefect::kSyntax);
  EXPECT_EQ(defect_of("{}{}"), JsonDefect::kSyntax);
  EXPECT_EQ(defect_of("{} x"), JsonDefect::kSyntax);
  EXPECT_EQ(defect_of(R"({"a":1,})"), JsonDefect::kSyntax);
  EXPECT_EQ(defect_of(R"({"a":1 /* note */})"), JsonDefect::kSyntax);
  EXPECT_EQ(defect_of(R"({'a':1})"), JsonDefect::kSyntax);
  EXPECT_EQ(defect_of("{\"a\":\"\xff\"}"), JsonDefect::kSyntax);
  EXPECT_EQ(defect_of(std::string_view("{\"a\":1}\0", 8)), JsonDefect::kSyntax);
}

TEST(StrictJson, LimitsNestingDepth) {
  EXPECT_TRUE(parse_strict_json_object(nested_objects(kDefaultMaxJsonDepth)));
  EXPECT_EQ(defect_of(nested_objects(kDefaultMaxJsonDepth + 1)), JsonDefect::kTooDeep);
  EXPECT_TRUE(parse_strict_json_object(nested_objects(3), 3));
  EXPECT_EQ(defect_of(nested_objects(4), 3), JsonDefect::kTooDeep);
  EXPECT_EQ(defect_of(R"({"a":[[[1]]]})", 3), JsonDefect::kTooDeep);
}

TEST(StrictJson, NamesEveryDefect) {
  EXPECT_EQ(json_defect_name(JsonDefect::kDuplicateKey), "duplicate_key");
  EXPECT_EQ(json_defect_name(JsonDefect::kTooDeep), "too_deep");
  EXPECT_EQ(json_defect_name(JsonDefect::kNotAnObject), "not_an_object");
  EXPECT_EQ(json_defect_name(JsonDefect::kSyntax), "syntax");
}

}  // namespace
}  // namespace stafett::auth
