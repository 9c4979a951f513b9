#pragma once
// Action: every named permission in Stafett. Each route declares exactly one;
// policy::may_attempt and policy::can are the only code that interprets them.
// Adding an action: add it here, to kAllActions and action_name(), then give it
// a rule in policy.cc (the switches have no default, so the compiler reminds
// you) and a row in docs/access-rules.md.
#include <array>
#include <string_view>

namespace stafett::policy {

enum class Action {
  // Public: no personal data.
  kViewPublicPage,    // start page, error pages
  kReadStaticAsset,   // CSS, images
  kChooseLanguage,    // set the language cookie
  kCheckHealth,       // /healthz, /readyz
  kDemoLogin,         // pick a demo persona (only exists with `serve --demo`)
  kLogout,            // end one's own session
  kLogin,             // start a login at an identity provider, or come back from it
  kProviderLogout,    // the identity provider ends its sessions (front-channel logout)
  kRenewLogin,        // prove who one is again, for an act that needs a recent login
  // A person's own overview.
  kListOwnLogs,       // "Mine stafettlogger" / the family's list of their logs
  // One log.
  kCreateLog,         // an employee opens a log for a child, with consent
  kReadLog,           // overview: child, level, holder, participants, consent state
  kManageParticipants,  // add, hide or remove participants (the holder)
  kProposeHandover,   // the holder proposes a new holder
  kAnswerHandover,    // the proposed holder accepts or rejects
  kCloseLog,
  kReopenLog,
  kChangeLevel,       // the holder moves the log to another level of the guide
  kWriteEntry,        // add content (a goal, a measure, an evaluation...) in a category
  kCorrectEntry,      // a new version of an entry (its author or the holder)
  kConfigureLog,      // the holder's settings for the log (who may write notes)
  kViewConsents,      // see every consent of the log and its history
  kGiveConsent,       // a guardian or the child consents for themselves, digitally
  kWithdrawConsent,   // ... or withdraws their own consent
  kRecordPaperConsent,  // an employee records a paper consent they attest
  // Who has read or changed the child's data (the access chain).
  kViewAccessRecords,  // "Hvem har sett loggen?": the family sees every access to their log
  kListOwnAccesses,    // "Mine oppslag": an employee's own accesses, in every log
  // The family's copy of everything held about the child in a log (GDPR art. 15).
  kExportFamilyCopy,
  // The privacy officer (personvernombud): the access records of their
  // municipality's logs, never the logs' content.
  kSearchAccessRecords,  // search by person, child, unit, log, period, action, basis
  kExportAccessRecords,  // the same selection as a file (CSV, JSON) for an inquiry
  kReviewBreakGlass,     // the queue of break-glass accesses, and recording a review's outcome
  // Break-glass (nødtilgang): a designated employee opens a log they do not
  // take part in, with a reason, for a limited time (reads only).
  kBreakGlass,
  // ... and first finds the child's logs by the child's national identity
  // number (each log found is recorded as found).
  kFindForBreakGlass,
  // Municipal administration: never log content.
  kManageMunicipality,  // units, employments, settings
  // The handlingsveileder (the guide itself is public: kViewPublicPage).
  kUseTool,    // fill in a tool's form, and read and follow up the tool records of one's own unit
  kEditGuide,  // edit, preview and publish the municipality's guide (its BTI coordinator)
  // The samhandlingsmodell (its public parts are kViewPublicPage).
  kReadModel,         // the parts of the municipality's model it has not made public (its employees)
  kEditModel,         // services, measures, arenas and plans of the municipality (its coordinator or administrator)
  kUseArena,          // a cooperation arena's meetings: schedule, bring cases, minutes, decisions (its members)
  // The deployment itself.
  kManageDeployment,  // create municipalities and their first administrator (an operator)
};

inline constexpr std::array kAllActions = {
    Action::kViewPublicPage,   Action::kReadStaticAsset,  Action::kChooseLanguage,
    Action::kCheckHealth,      Action::kDemoLogin,        Action::kLogout,
    Action::kLogin,            Action::kProviderLogout,   Action::kRenewLogin,
    Action::kListOwnLogs,      Action::kCreateLog,        Action::kReadLog,
    Action::kManageParticipants, Action::kProposeHandover, Action::kAnswerHandover,
    Action::kCloseLog,         Action::kReopenLog,        Action::kChangeLevel,
    Action::kWriteEntry,       Action::kCorrectEntry,     Action::kConfigureLog,
    Action::kViewConsents,
    Action::kGiveConsent,      Action::kWithdrawConsent,  Action::kRecordPaperConsent,
    Action::kViewAccessRecords, Action::kListOwnAccesses, Action::kExportFamilyCopy,
    Action::kSearchAccessRecords, Action::kExportAccessRecords, Action::kReviewBreakGlass,
    Action::kBreakGlass, Action::kFindForBreakGlass,
    Action::kManageMunicipality,
    Action::kUseTool,          Action::kEditGuide,        Action::kReadModel,
    Action::kEditModel,        Action::kUseArena,         Action::kManageDeployment,
};

std::string_view action_name(Action action);

}  // namespace stafett::policy
