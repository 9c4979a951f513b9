#include "policy/action.h"

namespace stafett::policy {

std::string_view action_name(Action action) {
  switch (action) {
    case Action::kViewPublicPage: return "view_public_page";
    case Action::kReadStaticAsset: return "read_static_asset";
    case Action::kChooseLanguage: return "choose_language";
    case Action::kCheckHealth: return "check_health";
    case Action::kDemoLogin: return "demo_login";
    case Action::kLogout: return "logout";
    case Action::kLogin: return "login";
    case Action::kProviderLogout: return "provider_logout";
    case Action::kRenewLogin: return "renew_login";
    case Action::kListOwnLogs: return "list_own_logs";
    case Action::kCreateLog: return "create_log";
    case Action::kReadLog: return "read_log";
    case Action::kManageParticipants: return "manage_participants";
    case Action::kProposeHandover: return "propose_handover";
    case Action::kAnswerHandover: return "answer_handover";
    case Action::kCloseLog: return "close_log";
    case Action::kReopenLog: return "reopen_log";
    case Action::kChangeLevel: return "change_level";
    case Action::kWriteEntry: return "write_entry";
    case Action::kCorrectEntry: return "correct_entry";
    case Action::kConfigureLog: return "configure_log";
    case Action::kViewConsents: return "view_consents";
    case Action::kGiveConsent: return "give_consent";
    case Action::kWithdrawConsent: return "withdraw_consent";
    case Action::kRecordPaperConsent: return "record_paper_consent";
    case Action::kViewAccessRecords: return "view_access_records";
    case Action::kListOwnAccesses: return "list_own_accesses";
    case Action::kSearchAccessRecords: return "search_access_records";
    case Action::kExportAccessRecords: return "export_access_records";
    case Action::kReviewBreakGlass: return "review_break_glass";
    case Action::kBreakGlass: return "break_glass";
    case Action::kFindForBreakGlass: return "find_for_break_glass";
    case Action::kExportFamilyCopy: return "export_family_copy";
    case Action::kManageMunicipality: return "manage_municipality";
    case Action::kUseTool: return "use_tool";
    case Action::kEditGuide: return "edit_guide";
    case Action::kReadModel: return "read_model";
    case Action::kEditModel: return "edit_model";
    case Action::kUseArena: return "use_arena";
    case Action::kManageDeployment: return "manage_deployment";
  }
  return "unknown";
}

}  // namespace stafett::policy
