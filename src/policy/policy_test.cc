#include "policy/policy.h"

#include <gtest/gtest.h>

namespace stafett::policy {
namespace {

TEST(Policy, AnonymousMayAttemptEveryPublicAction) {
  const Actor anonymous;
  for (Action a : {Action::kViewPublicPage, Action::kReadStaticAsset, Action::kChooseLanguage,
                   Action::kCheckHealth}) {
    EXPECT_TRUE(may_attempt(anonymous, a)) << action_name(a);
  }
}

TEST(Policy, DeniesActionsOutsideTheEnumeration) {
  // A corrupted or future value must fall through to deny.
  EXPECT_FALSE(may_attempt(Actor{}, static_cast<Action>(9999)));
}

TEST(Policy, EveryActionHasAName) {
  for (Action a : kAllActions) EXPECT_NE(action_name(a), "unknown");
}

}  // namespace
}  // namespace stafett::policy
