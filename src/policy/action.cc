#include "policy/action.h"

namespace stafett::policy {

std::string_view action_name(Action action) {
  switch (action) {
    case Action::kViewPublicPage: return "view_public_page";
    case Action::kReadStaticAsset: return "read_static_asset";
    case Action::kChooseLanguage: return "choose_language";
    case Action::kCheckHealth: return "check_health";
  }
  return "unknown";
}

}  // namespace stafett::policy
