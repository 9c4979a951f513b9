#include "policy/policy.h"

namespace stafett::policy {
namespace {

using domain::InfoCategory;
using domain::LogStatus;

// An employee acting through their own, live participation in the log: an
// employee role, a unit, and an employment in that unit that is valid now.
// Returns kNone when all of that holds.
DenyReason employee_standing(const AccessFacts& f) {
  if (!f.participation || !domain::is_employee_role(f.participation->role) || !f.participation->unit ||
      !f.participation->unit_service) {
    return DenyReason::kNotParticipant;
  }
  if (!f.participation->employment_active) return DenyReason::kEmploymentEnded;
  return DenyReason::kNone;
}

bool consent_covers_own_unit(const AccessFacts& f, InfoCategory category) {
  return f.consent.covers(*f.participation->unit, *f.participation->unit_service, category);
}

// Reading the log or its consents: employees under participation, employment
// and consent; guardians always; the child from the configured age.
Decision read_decision(const Actor& actor, const AccessFacts& f, InfoCategory category) {
  if (actor.kind == ActorKind::kEmployee) {
    auto r = employee_standing(f);
    if (r == DenyReason::kNone && !consent_covers_own_unit(f, category)) r = DenyReason::kNoConsent;
    if (r == DenyReason::kNone) return Decision::allow({.hidden_participants = f.actor_is_holder});
    // Break-glass reads what participation would not let them, and no more
    // than a reader sees: hidden participants stay hidden.
    if (f.break_glass && f.actor_may_break_glass) return Decision::allow_by_break_glass();
    return Decision::deny(r);
  }
  if (actor.kind == ActorKind::kCitizen) {
    if (f.actor_is_guardian) return Decision::allow({.hidden_participants = true});
    if (f.actor_is_child) {
      if (f.child_age < f.settings.child_view_age) return Decision::deny(DenyReason::kTooYoung);
      return Decision::allow({.hidden_participants = true});
    }
  }
  return Decision::deny(DenyReason::kNotParticipant);
}

// The holder acting on an open log they may read.
Decision holder_decision(const AccessFacts& f) {
  if (auto r = employee_standing(f); r != DenyReason::kNone) return Decision::deny(r);
  if (!f.actor_is_holder) return Decision::deny(DenyReason::kNotHolder);
  if (f.status != LogStatus::kOpen) return Decision::deny(DenyReason::kLogClosed);
  if (!consent_covers_own_unit(f, InfoCategory::kBasic)) return Decision::deny(DenyReason::kNoConsent);
  return Decision::allow({.hidden_participants = true});
}

// A unit the holder wants to bring in must be inside the consent. A unit of
// the child's home municipality may be covered by its kind of service; a unit
// elsewhere (the child moves) must be named in the consent itself.
Decision target_decision(const AccessFacts& f) {
  if (!f.target) return Decision::deny(DenyReason::kOutsideConsent);
  const bool inside = f.target->serves_log_municipality
                          ? f.consent.covers_unit(f.target->unit, f.target->service)
                          : f.target->named_in_consent;
  if (!inside) return Decision::deny(DenyReason::kOutsideConsent);
  return Decision::allow({.hidden_participants = true});
}

Decision consent_decision(const Actor& actor, const AccessFacts& f) {
  if (actor.kind != ActorKind::kCitizen) return Decision::deny(DenyReason::kWrongKindOfActor);
  if (f.actor_is_guardian) return Decision::allow();
  if (f.actor_is_child) {
    if (f.child_age < f.settings.child_consent_age) return Decision::deny(DenyReason::kTooYoung);
    return Decision::allow();
  }
  return Decision::deny(DenyReason::kNotParticipant);
}

// Who has seen the log is the family's to know (GDPR art. 15): the readers
// of the log by their own right, never employees, not even the holder.
Decision access_records_decision(const Actor& actor, const AccessFacts& f) {
  if (actor.kind != ActorKind::kCitizen) return Decision::deny(DenyReason::kWrongKindOfActor);
  if (f.actor_is_guardian) return Decision::allow();
  if (f.actor_is_child) {
    if (f.child_age < f.settings.child_view_age) return Decision::deny(DenyReason::kTooYoung);
    return Decision::allow();
  }
  return Decision::deny(DenyReason::kNotParticipant);
}

// The family's copy of its data (GDPR art. 15): guardians, and the child
// once old enough to consent for themselves (then competent to ask for it).
Decision family_copy_decision(const Actor& actor, const AccessFacts& f) {
  if (actor.kind != ActorKind::kCitizen) return Decision::deny(DenyReason::kWrongKindOfActor);
  if (f.actor_is_guardian) return Decision::allow({.hidden_participants = true});
  if (f.actor_is_child) {
    if (f.child_age < f.settings.child_consent_age) return Decision::deny(DenyReason::kTooYoung);
    return Decision::allow({.hidden_participants = true});
  }
  return Decision::deny(DenyReason::kNotParticipant);
}

}  // namespace

std::string_view deny_reason_name(DenyReason reason) {
  switch (reason) {
    case DenyReason::kNone: return "none";
    case DenyReason::kNotLoggedIn: return "not_logged_in";
    case DenyReason::kWrongKindOfActor: return "wrong_kind_of_actor";
    case DenyReason::kLogNotFound: return "log_not_found";
    case DenyReason::kNotParticipant: return "not_participant";
    case DenyReason::kEmploymentEnded: return "employment_ended";
    case DenyReason::kNoConsent: return "no_consent";
    case DenyReason::kLogClosed: return "log_closed";
    case DenyReason::kLogOpen: return "log_open";
    case DenyReason::kNotHolder: return "not_holder";
    case DenyReason::kOutsideConsent: return "outside_consent";
    case DenyReason::kTooYoung: return "too_young";
    case DenyReason::kNotAdmin: return "not_admin";
    case DenyReason::kNoHandover: return "no_handover";
    case DenyReason::kReadOnlyRole: return "read_only_role";
    case DenyReason::kNotAuthor: return "not_author";
    case DenyReason::kNotPrivacyOfficer: return "not_privacy_officer";
    case DenyReason::kNotBreakGlassDesignated: return "not_break_glass_designated";
    case DenyReason::kNotInUnit: return "not_in_unit";
    case DenyReason::kNotCoordinator: return "not_coordinator";
    case DenyReason::kNotOperator: return "not_operator";
  }
  return "unknown";
}

bool may_attempt(const Actor& actor, Action action) {
  const bool employee = actor.kind == ActorKind::kEmployee && actor.person;
  const bool citizen = actor.kind == ActorKind::kCitizen && actor.person;
  switch (action) {
    // Public actions show no personal data, so anyone may attempt them.
    case Action::kViewPublicPage:
    case Action::kReadStaticAsset:
    case Action::kChooseLanguage:
    case Action::kCheckHealth:
    case Action::kDemoLogin:
    case Action::kLogin:
    case Action::kProviderLogout:
      return true;
    case Action::kLogout:
    case Action::kRenewLogin:
    case Action::kListOwnLogs:
    case Action::kReadLog:
    case Action::kViewConsents:
      return employee || citizen;
    case Action::kCreateLog:
    case Action::kManageParticipants:
    case Action::kProposeHandover:
    case Action::kAnswerHandover:
    case Action::kCloseLog:
    case Action::kReopenLog:
    case Action::kChangeLevel:
    case Action::kConfigureLog:
    case Action::kRecordPaperConsent:
    case Action::kManageMunicipality:
      return employee;
    case Action::kWriteEntry:
    case Action::kCorrectEntry:
      return employee || citizen;  // families may add lysglimt (and notes when allowed) and correct their own
    case Action::kGiveConsent:
    case Action::kWithdrawConsent:
    case Action::kViewAccessRecords:
    case Action::kExportFamilyCopy:
      return citizen;
    case Action::kListOwnAccesses:
    case Action::kSearchAccessRecords:
    case Action::kExportAccessRecords:
    case Action::kReviewBreakGlass:
    case Action::kBreakGlass:
    case Action::kFindForBreakGlass:
    case Action::kUseTool:
    case Action::kEditGuide:
    case Action::kReadModel:
    case Action::kEditModel:
    case Action::kUseArena:
    case Action::kManageDeployment:
      return employee;
  }
  return false;  // deny by default, also for values outside the enum
}

Decision can(const Actor& actor, Action action, const AccessFacts& f) {
  if (!may_attempt(actor, action)) {
    return Decision::deny(actor.kind == ActorKind::kAnonymous ? DenyReason::kNotLoggedIn
                                                              : DenyReason::kWrongKindOfActor);
  }
  switch (action) {
    case Action::kViewPublicPage:
    case Action::kReadStaticAsset:
    case Action::kChooseLanguage:
    case Action::kCheckHealth:
    case Action::kDemoLogin:
    case Action::kLogin:
    case Action::kProviderLogout:
    case Action::kLogout:
    case Action::kRenewLogin:
    case Action::kListOwnLogs:  // the list itself; every log in it is checked with kReadLog
    case Action::kListOwnAccesses:  // one's own accesses only; each log named is checked with kReadLog
      return Decision::allow();

    case Action::kCreateLog:
      if (!f.target || !f.target->actor_employed_there) return Decision::deny(DenyReason::kEmploymentEnded);
      if (!f.target->serves_log_municipality) return Decision::deny(DenyReason::kOutsideConsent);
      if (!f.consent.covers_unit(f.target->unit, f.target->service)) {
        return Decision::deny(DenyReason::kNoConsent);
      }
      return Decision::allow();

    case Action::kManageMunicipality:
      return f.actor_is_municipal_admin ? Decision::allow() : Decision::deny(DenyReason::kNotAdmin);

    // The access records of the municipality in question, never log
    // content: only its privacy officer (not its administrator).
    case Action::kSearchAccessRecords:
    case Action::kExportAccessRecords:
    case Action::kReviewBreakGlass:
      return f.actor_is_privacy_officer ? Decision::allow() : Decision::deny(DenyReason::kNotPrivacyOfficer);

    // Searching a municipality's logs by a child's number: designated for
    // break-glass in that municipality and employed.
    case Action::kFindForBreakGlass:
      return f.actor_may_break_glass ? Decision::allow() : Decision::deny(DenyReason::kNotBreakGlassDesignated);

    // A tool record (an undringsnotat before any log) stays within its unit.
    case Action::kUseTool:
      if (!f.actor_in_record_unit) return Decision::deny(DenyReason::kNotInUnit);
      if (f.record_is_draft && !f.actor_is_record_author) return Decision::deny(DenyReason::kNotAuthor);
      return Decision::allow();

    // The guide of the municipality in question: its BTI coordinator only.
    case Action::kEditGuide:
      return f.actor_is_bti_coordinator ? Decision::allow() : Decision::deny(DenyReason::kNotCoordinator);

    // What the municipality has not made public of its model: the people
    // who work for it (a shared unit works for every municipality it serves).
    case Action::kReadModel:
      return f.actor_works_for_municipality || f.actor_is_bti_coordinator || f.actor_is_municipal_admin
                 ? Decision::allow()
                 : Decision::deny(DenyReason::kNotInUnit);

    // The municipality's own map of services, measures, arenas and plans:
    // its coordinator or its administrator.
    case Action::kEditModel:
      return f.actor_is_bti_coordinator || f.actor_is_municipal_admin ? Decision::allow()
                                                                       : Decision::deny(DenyReason::kNotCoordinator);

    // An arena's meetings and their cases: the people of its member units,
    // and the municipality's coordinator who runs the model.
    case Action::kUseArena:
      return f.actor_in_arena_unit || f.actor_is_bti_coordinator ? Decision::allow()
                                                                  : Decision::deny(DenyReason::kNotInUnit);

    // Creating municipalities: the deployment's operators only.
    case Action::kManageDeployment:
      return f.actor_is_operator ? Decision::allow() : Decision::deny(DenyReason::kNotOperator);

    case Action::kReadLog:
    case Action::kViewConsents:
    case Action::kManageParticipants:
    case Action::kProposeHandover:
    case Action::kAnswerHandover:
    case Action::kCloseLog:
    case Action::kReopenLog:
    case Action::kChangeLevel:
    case Action::kWriteEntry:
    case Action::kCorrectEntry:
    case Action::kConfigureLog:
    case Action::kGiveConsent:
    case Action::kWithdrawConsent:
    case Action::kRecordPaperConsent:
    case Action::kViewAccessRecords:
    case Action::kBreakGlass:
    case Action::kExportFamilyCopy:
      break;  // decided below, about one log
  }

  if (!f.log_found) return Decision::deny(DenyReason::kLogNotFound);
  switch (action) {
    case Action::kReadLog:
      return read_decision(actor, f, f.category);
    case Action::kViewConsents:
      return read_decision(actor, f, InfoCategory::kBasic);

    case Action::kManageParticipants: {
      auto d = holder_decision(f);
      if (!d || !f.target) return d;  // hiding or removing has no target unit
      return target_decision(f);
    }
    case Action::kProposeHandover: {
      auto d = holder_decision(f);
      if (!d) return d;
      return target_decision(f);
    }
    case Action::kAnswerHandover:
      if (auto r = employee_standing(f); r != DenyReason::kNone) return Decision::deny(r);
      if (!f.actor_is_handover_target) return Decision::deny(DenyReason::kNoHandover);
      if (f.status != LogStatus::kOpen) return Decision::deny(DenyReason::kLogClosed);
      if (!consent_covers_own_unit(f, InfoCategory::kBasic)) return Decision::deny(DenyReason::kOutsideConsent);
      return Decision::allow();

    case Action::kCloseLog:
    case Action::kChangeLevel:
    case Action::kConfigureLog:
      return holder_decision(f);

    case Action::kWriteEntry:
    case Action::kCorrectEntry: {
      if (f.status != LogStatus::kOpen) return Decision::deny(DenyReason::kLogClosed);
      // The family: lysglimt always (the child from the view age), notes
      // when the holder allows guardians to write them. Never other kinds.
      if (actor.kind == ActorKind::kCitizen) {
        // A family member corrects only what they wrote themselves.
        if (action == Action::kCorrectEntry && !f.actor_is_entry_author) return Decision::deny(DenyReason::kNotAuthor);
        const bool reads = f.actor_is_guardian || (f.actor_is_child && f.child_age >= f.settings.child_view_age);
        if (!reads) return Decision::deny(f.actor_is_child ? DenyReason::kTooYoung : DenyReason::kNotParticipant);
        if (f.entry_kind == domain::EntryKind::kHighlight) return Decision::allow();
        if (f.entry_kind == domain::EntryKind::kNote && f.actor_is_guardian && f.guardians_may_write_notes) {
          return Decision::allow();
        }
        return Decision::deny(DenyReason::kReadOnlyRole);
      }
      if (auto r = employee_standing(f); r != DenyReason::kNone) return Decision::deny(r);
      // Lysglimt: every employee in the log, readers too, within the consent.
      if (f.entry_kind == domain::EntryKind::kHighlight) {
        if (!consent_covers_own_unit(f, InfoCategory::kBasic)) return Decision::deny(DenyReason::kNoConsent);
        if (action == Action::kCorrectEntry && !f.actor_is_entry_author) return Decision::deny(DenyReason::kNotAuthor);
        return Decision::allow();
      }
      // Other content: contributors (the holder is one) write in categories
      // the consent covers for their unit; readers only read. Notes only
      // when the holder lets every contributor write them.
      if (f.participation->role != domain::ParticipantRole::kContributor) {
        return Decision::deny(DenyReason::kReadOnlyRole);
      }
      if (f.entry_kind == domain::EntryKind::kNote && !f.actor_is_holder && !f.notes_by_all_contributors) {
        return Decision::deny(DenyReason::kNotHolder);
      }
      if (!consent_covers_own_unit(f, f.category)) return Decision::deny(DenyReason::kNoConsent);
      // The holder may correct a colleague's entry, never a family member's
      // words: those stay as the family wrote them.
      if (action == Action::kCorrectEntry && !f.actor_is_entry_author && (!f.actor_is_holder || f.entry_by_family)) {
        return Decision::deny(DenyReason::kNotAuthor);
      }
      return Decision::allow();
    }

    case Action::kReopenLog:
      if (auto r = employee_standing(f); r != DenyReason::kNone) return Decision::deny(r);
      if (!f.actor_is_holder) return Decision::deny(DenyReason::kNotHolder);
      if (f.status != LogStatus::kClosed) return Decision::deny(DenyReason::kLogOpen);
      if (!consent_covers_own_unit(f, InfoCategory::kBasic)) return Decision::deny(DenyReason::kNoConsent);
      return Decision::allow({.hidden_participants = true});

    case Action::kRecordPaperConsent:
      // Also on a closed log: a new paper consent is how it can be reopened.
      if (auto r = employee_standing(f); r != DenyReason::kNone) return Decision::deny(r);
      if (!f.actor_is_holder) return Decision::deny(DenyReason::kNotHolder);
      return Decision::allow();

    case Action::kGiveConsent:
    case Action::kWithdrawConsent:
      return consent_decision(actor, f);

    case Action::kViewAccessRecords:
      return access_records_decision(actor, f);
    case Action::kExportFamilyCopy:
      return family_copy_decision(actor, f);

    // Opening a break-glass access: designated for the log's municipality
    // and employed now. Whether the law allows it this time is the
    // employee's reasoned judgement, which the privacy officer reviews.
    case Action::kBreakGlass:
      return f.actor_may_break_glass ? Decision::allow() : Decision::deny(DenyReason::kNotBreakGlassDesignated);

    case Action::kViewPublicPage:
    case Action::kReadStaticAsset:
    case Action::kChooseLanguage:
    case Action::kCheckHealth:
    case Action::kDemoLogin:
    case Action::kLogin:
    case Action::kProviderLogout:
    case Action::kLogout:
    case Action::kRenewLogin:
    case Action::kListOwnLogs:
    case Action::kListOwnAccesses:
    case Action::kCreateLog:
    case Action::kManageMunicipality:
    case Action::kSearchAccessRecords:
    case Action::kExportAccessRecords:
    case Action::kReviewBreakGlass:
    case Action::kFindForBreakGlass:
    case Action::kUseTool:
    case Action::kEditGuide:
    case Action::kReadModel:
    case Action::kEditModel:
    case Action::kUseArena:
    case Action::kManageDeployment:
      break;  // handled above
  }
  return Decision::deny(DenyReason::kNotParticipant);
}

}  // namespace stafett::policy
