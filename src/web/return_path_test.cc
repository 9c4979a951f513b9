#include "web/return_path.h"

#include <gtest/gtest.h>

namespace stafett::web {
namespace {

TEST(ReturnPath, KeepsSameSitePaths) {
  EXPECT_EQ(safe_return_path("/"), "/");
  EXPECT_EQ(safe_return_path("/logger/42"), "/logger/42");
  EXPECT_EQ(safe_return_path("/s%C3%B8k?q=1"), "/s%C3%B8k?q=1");
}

TEST(ReturnPath, OpenRedirectAttemptsGoToTheStartPage) {
  for (const char* bad : {"//evil.example", "/\\evil.example", "https://evil.example", "evil.example",
                          "/%2F%2Fevil.example", "/a\\b", "", "/../x", "/a%00", "javascript:alert(1)",
                          "\t//evil.example"}) {
    EXPECT_EQ(safe_return_path(bad), "/") << bad;
  }
  EXPECT_EQ(safe_return_path(std::string(2000, 'a').insert(0, "/")), "/");
}

}  // namespace
}  // namespace stafett::web
