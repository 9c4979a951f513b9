#pragma once
// Action: every named permission in Stafett. Each route declares exactly one;
// policy::may_attempt and policy::can are the only code that interprets them.
// Adding an action: add it here, to kAllActions and action_name(), then give it
// a rule in policy.cc (the switch has no default, so the compiler reminds you).
#include <array>
#include <string_view>

namespace stafett::policy {

enum class Action {
  kViewPublicPage,    // start page, error pages: no personal data
  kReadStaticAsset,   // CSS, images
  kChooseLanguage,    // set the language cookie
  kCheckHealth,       // /healthz, /readyz: operational status, no data
};

inline constexpr std::array kAllActions = {
    Action::kViewPublicPage,
    Action::kReadStaticAsset,
    Action::kChooseLanguage,
    Action::kCheckHealth,
};

std::string_view action_name(Action action);

}  // namespace stafett::policy
