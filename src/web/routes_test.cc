// The route inventory: every route declares a known policy action, patterns
// are unique, and the pipeline can be built from the table.
#include "web/routes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "http/router.h"

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

}  // namespace
}  // namespace stafett::web
