// The route inventory: every route declares a known policy action, patterns
// are unique, and the pipeline can be built from the table.
#include "web/routes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "http/router.h"
#include "policy/policy.h"

namespace stafett::web {
namespace {

TEST(RouteInventory, EveryRouteDeclaresAKnownPolicyAction) {
  ASSERT_FALSE(route_table().empty());
  for (const Route& route : route_table()) {
    EXPECT_NE(std::find(policy::kAllActions.begin(), policy::kAllActions.end(), route.action),
              policy::kAllActions.end())
        << route.pattern << " has an action outside policy::kAllActions";
    EXPECT_NE(policy::action_name(route.action), "unknown") << route.pattern;
    EXPECT_NE(route.handler, nullptr) << route.pattern;
  }
}

TEST(RouteInventory, PatternsAreUniquePerMethodAndBuildARouter) {
  http::Router<const Route*> router;
  for (const Route& route : route_table()) {
    EXPECT_NO_THROW(router.add(route.method, std::string(route.pattern), &route)) << route.pattern;
  }
}

TEST(RouteInventory, ApiRoutesLiveUnderVersionedPrefix) {
  for (const Route& route : route_table()) {
    if (route.pattern.starts_with("/api")) {
      EXPECT_TRUE(route.pattern.starts_with("/api/v1/")) << route.pattern;
    }
  }
}

// The login routes are reachable without a session (that is their point) and
// are only GETs that change nothing but a login attempt; the two actions are
// used by them alone, so no other route becomes public through them.
TEST(RouteInventory, LoginAndProviderLogoutRoutesAreTheOnlyOnesWithTheirActions) {
  const std::set<std::string_view> login = {"/logg-inn/innbygger", "/logg-inn/ansatt", "/innlogging/tilbake"};
  int seen = 0;
  for (const Route& route : route_table()) {
    if (route.action == policy::Action::kLogin) {
      EXPECT_TRUE(login.contains(route.pattern)) << route.pattern;
      EXPECT_EQ(route.method, http::Method::kGet) << route.pattern;
      ++seen;
    }
    if (route.action == policy::Action::kProviderLogout) {
      EXPECT_EQ(route.pattern, "/innlogging/frontkanal");
      EXPECT_EQ(route.method, http::Method::kGet);
      ++seen;
    }
  }
  EXPECT_EQ(seen, 4);
  EXPECT_TRUE(policy::may_attempt(policy::Actor{}, policy::Action::kLogin));
  EXPECT_TRUE(policy::may_attempt(policy::Actor{}, policy::Action::kProviderLogout));
}

}  // namespace
}  // namespace stafett::web
