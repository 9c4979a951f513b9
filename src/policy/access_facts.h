#pragma once
// AccessFacts: everything the policy needs to decide about one actor and one
// log, loaded in one go by the store (store/access_facts_repository.h) at the
// moment of the request. The policy never reads anything else, so a decision
// can be reproduced from its facts alone.
//
// Defaults describe "nothing known": a fact that could not be loaded stays at
// its default and the decision is deny.
#include <cstdint>
#include <optional>

#include "domain/break_glass.h"
#include "domain/consent.h"
#include "domain/entry.h"
#include "domain/ids.h"
#include "domain/info_category.h"
#include "domain/log.h"
#include "domain/service_type.h"

namespace stafett::policy {

// The actor's own active participation in the log.
struct Participation {
  domain::ParticipantRole role = domain::ParticipantRole::kReader;
  std::optional<domain::UnitId> unit;
  std::optional<domain::ServiceType> unit_service = {};
  // Employees: an employment in `unit` that is valid now.
  bool employment_active = false;
};

// A unit an action is aimed at: a participant to add, a new holder's unit,
// the unit a new log is created for.
struct TargetUnit {
  domain::UnitId unit;
  domain::ServiceType service = domain::ServiceType::kOther;
  bool serves_log_municipality = false;  // the unit serves the child's home municipality
  bool named_in_consent = false;         // the consent names this very unit (a move)
  bool actor_employed_there = false;     // the actor has an active employment in it
};

// A break-glass access the actor opened to this log, unexpired at the moment
// of the request (store::active_break_glass).
struct BreakGlassFacts {
  std::int64_t id = 0;
  domain::BreakGlassReason reason = domain::BreakGlassReason::kEmergency;
  std::optional<domain::UnitId> unit = {};  // the actor's unit when they opened it
  std::optional<domain::ServiceType> unit_service = {};
};

struct AccessFacts {
  bool log_found = false;
  domain::LogStatus status = domain::LogStatus::kClosed;
  domain::PersonId child;  // whom the log is about (access records name the child)

  std::optional<Participation> participation;
  bool actor_is_holder = false;
  bool actor_is_guardian = false;   // active parental responsibility for the log's child
  bool actor_is_child = false;      // the actor is the child the log is about
  int child_age = 0;
  domain::ConsentSettings settings;
  domain::EffectiveConsent consent;

  // The category of information the action touches (content actions).
  domain::InfoCategory category = domain::InfoCategory::kBasic;
  std::optional<TargetUnit> target;
  bool actor_is_handover_target = false;  // a pending handover names the actor
  bool actor_is_entry_author = false;     // kCorrectEntry: the actor wrote the entry
  bool entry_by_family = false;           // kCorrectEntry: a guardian or the child wrote it
  // kWriteEntry / kCorrectEntry: what kind of entry, and the log's note settings.
  domain::EntryKind entry_kind = domain::EntryKind::kGoal;
  bool notes_by_all_contributors = false;  // else only the holder writes notes
  bool guardians_may_write_notes = false;

  // For kManageMunicipality: the actor administers the municipality in question.
  bool actor_is_municipal_admin = false;
  // For the privacy officer's actions (access record search, break-glass
  // review): an active privacy_officer role in the municipality in question
  // (store::has_municipal_role). Never grants access to log content.
  bool actor_is_privacy_officer = false;

  // Break-glass (nødtilgang): the actor is designated for it in the log's
  // municipality and has an active employment now; and the unexpired
  // break-glass access they opened to this log, if any. Lets them read the
  // log (kReadLog, kViewConsents), never change it.
  bool actor_may_break_glass = false;
  std::optional<BreakGlassFacts> break_glass;

  // kUseTool: the actor has an active employment in the unit a tool record
  // belongs to (or is to belong to). A record before any log and consent is
  // the unit's internal documentation, for nobody outside it.
  bool actor_in_record_unit = false;
  // ... and a draft is its author's alone until it is submitted.
  bool record_is_draft = false;
  bool actor_is_record_author = false;
  // kEditGuide: an active bti_coordinator role in the municipality in question.
  bool actor_is_bti_coordinator = false;
  // kReadModel: an active employment in a unit that serves the municipality
  // in question (store::works_for_municipality).
  bool actor_works_for_municipality = false;
  // kUseArena: an active employment in one of the arena's member units.
  bool actor_in_arena_unit = false;
  // kManageDeployment: an active operator role (store::has_operator_role).
  bool actor_is_operator = false;
};

}  // namespace stafett::policy
