#include "http/router.h"

#include <gtest/gtest.h>

namespace stafett::http {
namespace {

using R = Router<int>;

TEST(Router, MatchesLiteralAndParameterRoutes) {
  R r;
  r.add(Method::kGet, "/", 1);
  r.add(Method::kGet, "/logger/{id}", 2);
  auto root = r.match(Method::kGet, {});
  ASSERT_TRUE(std::holds_alternative<R::Match>(root));
  EXPECT_EQ(*std::get<R::Match>(root).target, 1);
  auto log = r.match(Method::kGet, {"logger", "42"});
  ASSERT_TRUE(std::holds_alternative<R::Match>(log));
  EXPECT_EQ(std::get<R::Match>(log).params.at("id"), "42");
  EXPECT_EQ(std::get<R::Match>(log).pattern, "/logger/{id}");
}

TEST(Router, PrefersTheRouteWithMoreLiteralSegments) {
  R r;
  r.add(Method::kGet, "/logger/{id}", 1);
  r.add(Method::kGet, "/logger/ny", 2);
  EXPECT_EQ(*std::get<R::Match>(r.match(Method::kGet, {"logger", "ny"})).target, 2);
  EXPECT_EQ(*std::get<R::Match>(r.match(Method::kGet, {"logger", "7"})).target, 1);
}

TEST(Router, UnknownPathIsNotFound) {
  R r;
  r.add(Method::kGet, "/a", 1);
  EXPECT_TRUE(std::holds_alternative<R::NotFound>(r.match(Method::kGet, {"b"})));
  EXPECT_TRUE(std::holds_alternative<R::NotFound>(r.match(Method::kGet, {"a", "b"})));
  EXPECT_TRUE(std::holds_alternative<R::NotFound>(r.match(Method::kGet, {"a", ""})));
}

TEST(Router, WrongMethodGivesAllowHeaderIncludingHeadForGet) {
  R r;
  r.add(Method::kGet, "/a", 1);
  r.add(Method::kPost, "/a", 2);
  auto out = r.match(Method::kDelete, {"a"});
  ASSERT_TRUE(std::holds_alternative<R::MethodNotAllowed>(out));
  EXPECT_EQ(std::get<R::MethodNotAllowed>(out).allow, "GET, HEAD, POST");
}

TEST(Router, HeadIsServedByGetRoutes) {
  R r;
  r.add(Method::kGet, "/a", 1);
  EXPECT_TRUE(std::holds_alternative<R::Match>(r.match(Method::kHead, {"a"})));
}

TEST(Router, TailParameterTakesTheRestOfThePath) {
  R r;
  r.add(Method::kGet, "/static/{*path}", 1);
  auto m = r.match(Method::kGet, {"static", "css", "app.css"});
  ASSERT_TRUE(std::holds_alternative<R::Match>(m));
  EXPECT_EQ(std::get<R::Match>(m).params.at("path"), "css/app.css");
  EXPECT_TRUE(std::holds_alternative<R::NotFound>(r.match(Method::kGet, {"static"})));
  EXPECT_TRUE(std::holds_alternative<R::NotFound>(r.match(Method::kGet, {"static", "", "x"})));
}

TEST(Router, RefusesDuplicateAndMalformedPatterns) {
  R r;
  r.add(Method::kGet, "/a/{id}", 1);
  EXPECT_THROW(r.add(Method::kGet, "/a/{id}", 2), std::invalid_argument);
  EXPECT_THROW(r.add(Method::kGet, "a", 3), std::invalid_argument);
  EXPECT_THROW(r.add(Method::kGet, "/{*x}/b", 4), std::invalid_argument);
}

}  // namespace
}  // namespace stafett::http
