#include "http/target.h"

#include <gtest/gtest.h>

namespace stafett::http {
namespace {

std::vector<std::string> segments_of(std::string_view target) {
  auto parsed = parse_target(target);
  EXPECT_TRUE(std::holds_alternative<ParsedTarget>(parsed)) << target;
  if (!std::holds_alternative<ParsedTarget>(parsed)) return {};
  return std::get<ParsedTarget>(parsed).segments;
}

TargetProblem problem_of(std::string_view target) {
  auto parsed = parse_target(target);
  EXPECT_TRUE(std::holds_alternative<TargetProblem>(parsed)) << target;
  if (!std::holds_alternative<TargetProblem>(parsed)) return TargetProblem::kBadRequest;
  return std::get<TargetProblem>(parsed);
}

TEST(Target, DecodesSegmentsAndKeepsQuery) {
  auto parsed = std::get<ParsedTarget>(parse_target("/a/b%20c/%C3%A6?x=1&y=%C3%B8"));
  EXPECT_EQ(parsed.segments, (std::vector<std::string>{"a", "b c", "æ"}));
  EXPECT_EQ(parsed.query, "x=1&y=%C3%B8");
  EXPECT_TRUE(segments_of("/").empty());
}

TEST(Target, TraversalInEveryEncodingIsNotFound) {
  for (const char* t : {"/static/../CMakeLists.txt", "/static/%2e%2e/x", "/static/%2E%2E/x",
                        "/static/.%2e/x", "/static/./css/app.css", "/static/css%2f..%2f..%2fx",
                        "/static/css%2F%2E%2E%2Fx", "/static/..%5c..%5cx", "/static/a%5cb"}) {
    EXPECT_EQ(problem_of(t), TargetProblem::kNotFound) << t;
  }
}

TEST(Target, ControlCharactersAndBadUtf8AreBadRequests) {
  for (const char* t : {"/static/app.css%00.png", "/a%01b", "/a%7f", "/a%ff", "/a%c3%28",
                        "/a%ed%a0%80", "/a?x=%00", "/a?x=%ff", "/a?x=%0a", "/a?%zz=1", "/a%zz",
                        "/a%", "relative", "//evil.example/", "http://evil.example/", ""}) {
    EXPECT_EQ(problem_of(t), TargetProblem::kBadRequest) << t;
  }
}

TEST(Target, ABadByteAfterTraversalIsStillABadRequest) {
  EXPECT_EQ(problem_of("/static/../%00"), TargetProblem::kBadRequest);
}

}  // namespace
}  // namespace stafett::http
