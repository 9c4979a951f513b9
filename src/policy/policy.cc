#include "policy/policy.h"

namespace stafett::policy {

bool may_attempt(const Actor& actor, Action action) {
  (void)actor;
  switch (action) {
    // Public actions show no personal data, so anyone may attempt them.
    case Action::kViewPublicPage:
    case Action::kReadStaticAsset:
    case Action::kChooseLanguage:
    case Action::kCheckHealth:
      return true;
  }
  return false;  // deny by default, also for values outside the enum
}

}  // namespace stafett::policy
