#include "http/security_headers.h"

#include <gtest/gtest.h>

namespace stafett::http {
namespace {

TEST(SecurityHeaders, FormActionMayNameTheIdentityProvidersLogoutOrigins) {
  EXPECT_EQ(content_security_policy({}), kContentSecurityPolicy);
  const auto policy = content_security_policy({"https://idporten.no", "https://login.microsoftonline.com"});
  EXPECT_NE(policy.find("form-action 'self' https://idporten.no https://login.microsoftonline.com;"), std::string::npos)
      << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << "the rest is unchanged";
  Headers headers;
  add_security_headers(headers, CachePolicy::kNoStore, policy);
  EXPECT_EQ(headers.front().second, policy);
}

}  // namespace
}  // namespace stafett::http

namespace stafett::http {
namespace {

TEST(SecurityHeaders, FramingIsAllowedOnlyForTheNamedOriginsAndOnlyWhenAsked) {
  const auto policy = with_frame_ancestors(kContentSecurityPolicy, {"https://idporten.example"});
  EXPECT_NE(policy.find("frame-ancestors https://idporten.example"), std::string::npos);
  EXPECT_EQ(policy.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(with_frame_ancestors(kContentSecurityPolicy, {}), kContentSecurityPolicy) << "no origins: still none";
  Headers framed;
  add_security_headers(framed, CachePolicy::kNoStore, policy, true);
  Headers normal;
  add_security_headers(normal, CachePolicy::kNoStore);
  auto has_xfo = [](const Headers& h) {
    for (const auto& [name, value] : h) {
      if (name == "X-Frame-Options") return true;
    }
    return false;
  };
  EXPECT_FALSE(has_xfo(framed));
  EXPECT_TRUE(has_xfo(normal));
}

}  // namespace
}  // namespace stafett::http
