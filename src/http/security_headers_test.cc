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
