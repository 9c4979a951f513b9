// The access policy: named behaviour tests, and a property test comparing
// can() with a plainly written reference model of the rules in
// docs/access-rules.md on many generated states.
#include "policy/policy.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

namespace stafett::policy {
namespace {

using domain::Consent;
using domain::ConsenterRole;
using domain::ConsentRule;
using domain::ConsentScope;
using domain::InfoCategory;
using domain::LogStatus;
using domain::ParticipantRole;
using domain::PersonId;
using domain::ServiceType;
using domain::UnitId;

const TimePoint kNow = from_unix_ms(1'800'000'000'000);
constexpr UnitId kSchool{1};
constexpr UnitId kHealthStation{2};
constexpr UnitId kChildWelfare{3};
constexpr PersonId kMother{10};
constexpr PersonId kFather{11};
constexpr PersonId kChild{20};
constexpr PersonId kTeacher{30};

Consent consent_by(PersonId who, ConsenterRole as, ConsentScope scope, std::int64_t id) {
  Consent c;
  c.id = domain::ConsentId{id};
  c.given_by = who;
  c.given_as = as;
  c.scope = std::move(scope);
  c.given_at = kNow - std::chrono::hours(24);
  c.valid_until = kNow + std::chrono::hours(24 * 365);
  return c;
}

ConsentScope school_all_categories() {
  ConsentScope s;
  s.units = {kSchool};
  s.categories = domain::CategorySet::all();
  return s;
}

// A teacher who is the holder of an open log both parents consented to.
AccessFacts teacher_holding_open_log() {
  AccessFacts f;
  f.log_found = true;
  f.status = LogStatus::kOpen;
  f.participation = Participation{ParticipantRole::kContributor, kSchool, ServiceType::kSchool, true};
  f.actor_is_holder = true;
  f.child_age = 10;
  f.consent = domain::effective_consent(
      {consent_by(kMother, ConsenterRole::kGuardian, school_all_categories(), 1),
       consent_by(kFather, ConsenterRole::kGuardian, school_all_categories(), 2)},
      {{kMother, kFather}, std::nullopt}, ConsentRule::kAllGuardians, kNow);
  return f;
}

const Actor kTeacherActor{ActorKind::kEmployee, kTeacher};

TEST(Policy, AllowsTheHolderToReadTheirLog) {
  EXPECT_TRUE(can(kTeacherActor, Action::kReadLog, teacher_holding_open_log()));
}

TEST(Policy, DeniesReadAfterConsentWithdrawn) {
  auto f = teacher_holding_open_log();
  auto withdrawn = consent_by(kFather, ConsenterRole::kGuardian, school_all_categories(), 2);
  withdrawn.withdrawal = domain::ConsentWithdrawal{kFather, kNow - std::chrono::minutes(1)};
  f.consent = domain::effective_consent(
      {consent_by(kMother, ConsenterRole::kGuardian, school_all_categories(), 1), withdrawn},
      {{kMother, kFather}, std::nullopt}, ConsentRule::kAllGuardians, kNow);
  auto d = can(kTeacherActor, Action::kReadLog, f);
  EXPECT_FALSE(d);
  EXPECT_EQ(d.reason, DenyReason::kNoConsent);
}

TEST(Policy, OneGuardiansConsentIsEnoughWhenTheMunicipalityChoseSo) {
  auto f = teacher_holding_open_log();
  f.consent = domain::effective_consent({consent_by(kMother, ConsenterRole::kGuardian, school_all_categories(), 1)},
                                        {{kMother, kFather}, std::nullopt}, ConsentRule::kOneGuardian, kNow);
  EXPECT_TRUE(can(kTeacherActor, Action::kReadLog, f));
  f.consent = domain::effective_consent({consent_by(kMother, ConsenterRole::kGuardian, school_all_categories(), 1)},
                                        {{kMother, kFather}, std::nullopt}, ConsentRule::kAllGuardians, kNow);
  EXPECT_FALSE(can(kTeacherActor, Action::kReadLog, f));
}

TEST(Policy, DeniesAnEmployeeWhoseEmploymentEnded) {
  auto f = teacher_holding_open_log();
  f.participation->employment_active = false;
  auto d = can(kTeacherActor, Action::kReadLog, f);
  EXPECT_FALSE(d);
  EXPECT_EQ(d.reason, DenyReason::kEmploymentEnded);
}

TEST(Policy, ACorrectLogIdIsNotEnough) {
  auto f = teacher_holding_open_log();
  f.participation.reset();
  f.actor_is_holder = false;
  EXPECT_EQ(can(kTeacherActor, Action::kReadLog, f).reason, DenyReason::kNotParticipant);
}

TEST(Policy, HealthNotesNeedAConsentThatCoversHealth) {
  auto f = teacher_holding_open_log();
  ConsentScope no_health = school_all_categories();
  no_health.categories = domain::CategorySet{};
  for (auto c : {InfoCategory::kBasic, InfoCategory::kGoalsMeasures, InfoCategory::kMeetings}) no_health.categories.add(c);
  f.consent = domain::effective_consent({consent_by(kMother, ConsenterRole::kGuardian, no_health, 1)},
                                        {{kMother}, std::nullopt}, ConsentRule::kAllGuardians, kNow);
  f.category = InfoCategory::kHealth;
  EXPECT_FALSE(can(kTeacherActor, Action::kReadLog, f));
  f.category = InfoCategory::kMeetings;
  EXPECT_TRUE(can(kTeacherActor, Action::kReadLog, f));
}

TEST(Policy, TheHolderMayNotAddAUnitOutsideTheConsent) {
  auto f = teacher_holding_open_log();
  f.target = TargetUnit{kChildWelfare, ServiceType::kChildWelfare, true, false};
  EXPECT_EQ(can(kTeacherActor, Action::kManageParticipants, f).reason, DenyReason::kOutsideConsent);
  f.target = TargetUnit{kSchool, ServiceType::kSchool, true, false};
  EXPECT_TRUE(can(kTeacherActor, Action::kManageParticipants, f));
}

TEST(Policy, AUnitInAnotherMunicipalityMustBeNamedInTheConsent) {
  auto f = teacher_holding_open_log();
  constexpr UnitId kSchoolElsewhere{9};
  f.target = TargetUnit{kSchoolElsewhere, ServiceType::kSchool, /*serves_log_municipality=*/false, false, false};
  EXPECT_EQ(can(kTeacherActor, Action::kProposeHandover, f).reason, DenyReason::kOutsideConsent);
  f.target->named_in_consent = true;
  EXPECT_TRUE(can(kTeacherActor, Action::kProposeHandover, f));
  // A consent for "all schools" does not reach into another municipality.
  ConsentScope all_schools;
  all_schools.service_types = {ServiceType::kSchool};
  all_schools.categories = domain::CategorySet::all();
  f.consent = domain::effective_consent({consent_by(kMother, ConsenterRole::kGuardian, all_schools, 1)},
                                        {{kMother}, std::nullopt}, ConsentRule::kAllGuardians, kNow);
  f.target->named_in_consent = f.consent.names_unit(kSchoolElsewhere);
  EXPECT_FALSE(can(kTeacherActor, Action::kProposeHandover, f));
}

TEST(Policy, ContributorsWriteReadersDoNot) {
  auto f = teacher_holding_open_log();
  f.category = InfoCategory::kGoalsMeasures;
  EXPECT_TRUE(can(kTeacherActor, Action::kWriteEntry, f));
  f.participation->role = ParticipantRole::kReader;
  EXPECT_EQ(can(kTeacherActor, Action::kWriteEntry, f).reason, DenyReason::kReadOnlyRole);
  f.participation->role = ParticipantRole::kContributor;
  f.actor_is_holder = false;
  EXPECT_EQ(can(kTeacherActor, Action::kCorrectEntry, f).reason, DenyReason::kNotAuthor);
  f.actor_is_entry_author = true;
  EXPECT_TRUE(can(kTeacherActor, Action::kCorrectEntry, f));
  f.status = LogStatus::kClosed;
  EXPECT_EQ(can(kTeacherActor, Action::kWriteEntry, f).reason, DenyReason::kLogClosed);
  const Actor mother{ActorKind::kCitizen, kMother};
  AccessFacts family;
  family.log_found = true;
  family.status = LogStatus::kOpen;
  family.actor_is_guardian = true;
  family.entry_kind = domain::EntryKind::kMeasure;
  EXPECT_FALSE(can(mother, Action::kWriteEntry, family)) << "a guardian never writes a measure";
  family.entry_kind = domain::EntryKind::kHighlight;
  EXPECT_TRUE(can(mother, Action::kWriteEntry, family)) << "but adds lysglimt";
  family.entry_kind = domain::EntryKind::kNote;
  EXPECT_FALSE(can(mother, Action::kWriteEntry, family));
  family.guardians_may_write_notes = true;
  EXPECT_TRUE(can(mother, Action::kWriteEntry, family)) << "notes when the holder allows it";
  family.entry_kind = domain::EntryKind::kHighlight;
  EXPECT_EQ(can(mother, Action::kCorrectEntry, family).reason, DenyReason::kNotAuthor) << "only her own lysglimt";
  family.actor_is_entry_author = true;
  EXPECT_TRUE(can(mother, Action::kCorrectEntry, family));
  // The holder corrects a colleague's entry but never the family's words.
  auto holder = teacher_holding_open_log();
  holder.category = InfoCategory::kNotes;
  holder.entry_kind = domain::EntryKind::kNote;
  EXPECT_TRUE(can(kTeacherActor, Action::kCorrectEntry, holder));
  holder.entry_by_family = true;
  EXPECT_EQ(can(kTeacherActor, Action::kCorrectEntry, holder).reason, DenyReason::kNotAuthor);
}

TEST(Policy, OnlyTheHolderManagesParticipants) {
  auto f = teacher_holding_open_log();
  f.actor_is_holder = false;
  EXPECT_EQ(can(kTeacherActor, Action::kManageParticipants, f).reason, DenyReason::kNotHolder);
}

TEST(Policy, AClosedLogIsReadOnly) {
  auto f = teacher_holding_open_log();
  f.status = LogStatus::kClosed;
  EXPECT_TRUE(can(kTeacherActor, Action::kReadLog, f));
  EXPECT_EQ(can(kTeacherActor, Action::kManageParticipants, f).reason, DenyReason::kLogClosed);
  EXPECT_EQ(can(kTeacherActor, Action::kCloseLog, f).reason, DenyReason::kLogClosed);
  EXPECT_TRUE(can(kTeacherActor, Action::kReopenLog, f));
}

TEST(Policy, GuardiansReadAndConsentButNeverManage) {
  AccessFacts f;
  f.log_found = true;
  f.status = LogStatus::kOpen;
  f.actor_is_guardian = true;
  const Actor mother{ActorKind::kCitizen, kMother};
  EXPECT_TRUE(can(mother, Action::kReadLog, f));
  EXPECT_TRUE(can(mother, Action::kGiveConsent, f));
  EXPECT_TRUE(can(mother, Action::kWithdrawConsent, f));
  EXPECT_FALSE(can(mother, Action::kManageParticipants, f));
  EXPECT_FALSE(can(mother, Action::kCloseLog, f));
  EXPECT_FALSE(may_attempt(mother, Action::kManageMunicipality));
}

TEST(Policy, TheChildSeesTheLogFromTheConfiguredAge) {
  AccessFacts f;
  f.log_found = true;
  f.actor_is_child = true;
  f.settings.child_view_age = 12;
  f.settings.child_consent_age = 15;
  const Actor child{ActorKind::kCitizen, kChild};
  f.child_age = 11;
  EXPECT_EQ(can(child, Action::kReadLog, f).reason, DenyReason::kTooYoung);
  f.child_age = 12;
  EXPECT_TRUE(can(child, Action::kReadLog, f));
  EXPECT_EQ(can(child, Action::kGiveConsent, f).reason, DenyReason::kTooYoung);
  f.child_age = 15;
  EXPECT_TRUE(can(child, Action::kGiveConsent, f));
}

TEST(Policy, TheFamilySeesWhoHasSeenTheLogButNoEmployeeDoes) {
  AccessFacts f;
  f.log_found = true;
  f.actor_is_guardian = true;
  const Actor mother{ActorKind::kCitizen, kMother};
  EXPECT_TRUE(can(mother, Action::kViewAccessRecords, f));
  f.status = LogStatus::kClosed;
  EXPECT_TRUE(can(mother, Action::kViewAccessRecords, f)) << "a closed log's accesses are still hers to see";
  f.actor_is_guardian = false;
  EXPECT_EQ(can(mother, Action::kViewAccessRecords, f).reason, DenyReason::kNotParticipant)
      << "another child's mother";
  // Not even the holder: the page is the family's view of the chain.
  EXPECT_FALSE(may_attempt(kTeacherActor, Action::kViewAccessRecords));
  EXPECT_EQ(can(kTeacherActor, Action::kViewAccessRecords, teacher_holding_open_log()).reason,
            DenyReason::kWrongKindOfActor);
  f.actor_is_guardian = true;
  f.log_found = false;
  EXPECT_EQ(can(mother, Action::kViewAccessRecords, f).reason, DenyReason::kLogNotFound);
}

TEST(Policy, TheChildSeesWhoHasSeenTheLogFromTheViewAge) {
  AccessFacts f;
  f.log_found = true;
  f.actor_is_child = true;
  f.settings.child_view_age = 12;
  const Actor child{ActorKind::kCitizen, kChild};
  f.child_age = 11;
  EXPECT_EQ(can(child, Action::kViewAccessRecords, f).reason, DenyReason::kTooYoung);
  f.child_age = 12;
  EXPECT_TRUE(can(child, Action::kViewAccessRecords, f));
}

TEST(Policy, OnlyEmployeesListTheirOwnAccesses) {
  EXPECT_TRUE(can(kTeacherActor, Action::kListOwnAccesses, AccessFacts{}));
  EXPECT_FALSE(may_attempt(Actor{ActorKind::kCitizen, kMother}, Action::kListOwnAccesses));
  EXPECT_FALSE(may_attempt(Actor{ActorKind::kEmployee, PersonId{0}}, Action::kListOwnAccesses));
}

TEST(Policy, OnlyThePrivacyOfficerSearchesAndExportsAccessRecords) {
  const Actor officer{ActorKind::kEmployee, PersonId{41}};
  AccessFacts f;
  for (Action a : {Action::kSearchAccessRecords, Action::kExportAccessRecords}) {
    EXPECT_EQ(can(officer, a, f).reason, DenyReason::kNotPrivacyOfficer) << action_name(a);
    f.actor_is_municipal_admin = true;
    EXPECT_EQ(can(officer, a, f).reason, DenyReason::kNotPrivacyOfficer) << "an administrator is not one";
    f.actor_is_privacy_officer = true;
    EXPECT_TRUE(can(officer, a, f)) << action_name(a) << ": not about one log, no log needed";
    EXPECT_FALSE(may_attempt(Actor{ActorKind::kCitizen, kMother}, a));
    EXPECT_EQ(can(Actor{}, a, f).reason, DenyReason::kNotLoggedIn);
    f = AccessFacts{};
  }
}

TEST(Policy, BreakGlassNeedsADesignationAndOpensReadsOnly) {
  auto f = teacher_holding_open_log();
  f.participation.reset();
  f.actor_is_holder = false;
  const Actor worker{ActorKind::kEmployee, PersonId{42}};
  EXPECT_EQ(can(worker, Action::kBreakGlass, f).reason, DenyReason::kNotBreakGlassDesignated);
  EXPECT_EQ(can(worker, Action::kReadLog, f).reason, DenyReason::kNotParticipant);
  f.actor_may_break_glass = true;
  EXPECT_TRUE(can(worker, Action::kBreakGlass, f));
  EXPECT_FALSE(can(worker, Action::kReadLog, f)) << "designated is not yet opened";
  f.break_glass = BreakGlassFacts{.id = 7};
  const auto read = can(worker, Action::kReadLog, f);
  EXPECT_TRUE(read);
  EXPECT_TRUE(read.break_glass) << "the record's basis is break-glass";
  EXPECT_FALSE(read.visibility.hidden_participants);
  f.category = domain::InfoCategory::kHealth;
  EXPECT_TRUE(can(worker, Action::kReadLog, f)) << "an emergency reads every category";
  EXPECT_TRUE(can(worker, Action::kViewConsents, f));
  for (Action a : {Action::kWriteEntry, Action::kCorrectEntry, Action::kCloseLog, Action::kManageParticipants,
                   Action::kProposeHandover, Action::kRecordPaperConsent, Action::kViewAccessRecords}) {
    EXPECT_FALSE(can(worker, a, f)) << action_name(a) << ": break-glass never changes a log";
  }
  f.actor_may_break_glass = false;  // the designation or the employment ended within the window
  EXPECT_FALSE(can(worker, Action::kReadLog, f));
  EXPECT_FALSE(may_attempt(Actor{ActorKind::kCitizen, kMother}, Action::kBreakGlass));
  // A participant reading within the consent reads by participation, not break-glass.
  auto own = teacher_holding_open_log();
  own.actor_may_break_glass = true;
  own.break_glass = BreakGlassFacts{.id = 8};
  EXPECT_FALSE(can(kTeacherActor, Action::kReadLog, own).break_glass);
}

TEST(Policy, TheFamilyCopyIsForGuardiansAndTheCompetentChild) {
  AccessFacts f;
  f.log_found = true;
  f.settings.child_view_age = 12;
  f.settings.child_consent_age = 15;
  const Actor child{ActorKind::kCitizen, kChild};
  f.actor_is_child = true;
  f.child_age = 14;
  EXPECT_TRUE(can(child, Action::kViewAccessRecords, f)) << "reads from the view age...";
  EXPECT_EQ(can(child, Action::kExportFamilyCopy, f).reason, DenyReason::kTooYoung) << "...but the copy from consent age";
  f.child_age = 15;
  EXPECT_TRUE(can(child, Action::kExportFamilyCopy, f));
  f = AccessFacts{};
  f.log_found = true;
  f.actor_is_guardian = true;
  EXPECT_TRUE(can(Actor{ActorKind::kCitizen, kMother}, Action::kExportFamilyCopy, f));
  auto holder = teacher_holding_open_log();
  EXPECT_FALSE(can(kTeacherActor, Action::kExportFamilyCopy, holder)) << "never an employee, not even the holder";
  f.actor_is_guardian = false;
  EXPECT_EQ(can(Actor{ActorKind::kCitizen, kMother}, Action::kExportFamilyCopy, f).reason,
            DenyReason::kNotParticipant);
}

TEST(Policy, OnlyThePrivacyOfficerReviewsBreakGlass) {
  const Actor officer{ActorKind::kEmployee, PersonId{41}};
  AccessFacts f;
  f.actor_is_municipal_admin = true;
  EXPECT_EQ(can(officer, Action::kReviewBreakGlass, f).reason, DenyReason::kNotPrivacyOfficer);
  f.actor_is_privacy_officer = true;
  EXPECT_TRUE(can(officer, Action::kReviewBreakGlass, f));
  EXPECT_FALSE(may_attempt(Actor{ActorKind::kCitizen, kMother}, Action::kReviewBreakGlass));
}

TEST(Policy, APrivacyOfficerCannotReadLogContent) {
  auto f = teacher_holding_open_log();
  f.participation.reset();
  f.actor_is_holder = false;
  f.actor_is_privacy_officer = true;
  const Actor officer{ActorKind::kEmployee, PersonId{41}};
  EXPECT_TRUE(can(officer, Action::kSearchAccessRecords, f));
  for (Action a : kAllActions) {
    if (a == Action::kSearchAccessRecords || a == Action::kExportAccessRecords || a == Action::kReviewBreakGlass) {
      continue;
    }
    // Only what every employee may do without a log: no read, no change.
    if (can(officer, a, f)) {
      EXPECT_TRUE(a == Action::kViewPublicPage || a == Action::kReadStaticAsset || a == Action::kChooseLanguage ||
                  a == Action::kCheckHealth || a == Action::kDemoLogin || a == Action::kLogin ||
                  a == Action::kProviderLogout || a == Action::kLogout || a == Action::kRenewLogin ||
                  a == Action::kListOwnLogs || a == Action::kListOwnAccesses)
          << action_name(a);
    }
  }
}

TEST(Policy, AnAdministratorCannotReadLogContent) {
  AccessFacts f;
  f.log_found = true;
  f.status = LogStatus::kOpen;
  f.actor_is_municipal_admin = true;
  const Actor admin{ActorKind::kEmployee, PersonId{40}};
  EXPECT_TRUE(can(admin, Action::kManageMunicipality, f));
  EXPECT_FALSE(can(admin, Action::kReadLog, f));
  EXPECT_FALSE(can(admin, Action::kViewConsents, f));
}

TEST(Policy, OnlyTheProposedHolderAnswersAHandover) {
  auto f = teacher_holding_open_log();
  f.actor_is_holder = false;
  EXPECT_EQ(can(kTeacherActor, Action::kAnswerHandover, f).reason, DenyReason::kNoHandover);
  f.actor_is_handover_target = true;
  EXPECT_TRUE(can(kTeacherActor, Action::kAnswerHandover, f));
}

TEST(Policy, NothingIsAllowedOnALogThatWasNotFound) {
  auto f = teacher_holding_open_log();
  f.log_found = false;
  for (Action a : kAllActions) {
    if (a == Action::kReadLog || a == Action::kCloseLog || a == Action::kManageParticipants) {
      EXPECT_EQ(can(kTeacherActor, a, f).reason, DenyReason::kLogNotFound) << action_name(a);
    }
  }
}

TEST(Policy, AnonymousMayOnlyDoPublicThings) {
  const Actor anonymous;
  for (Action a : kAllActions) {
    const bool is_public = a == Action::kViewPublicPage || a == Action::kReadStaticAsset ||
                           a == Action::kChooseLanguage || a == Action::kCheckHealth || a == Action::kDemoLogin ||
                           a == Action::kLogin || a == Action::kProviderLogout;
    EXPECT_EQ(may_attempt(anonymous, a), is_public) << action_name(a);
    EXPECT_EQ(can(anonymous, a, teacher_holding_open_log()).allowed, is_public) << action_name(a);
  }
}

TEST(Policy, DeniesActionsOutsideTheEnumeration) {
  EXPECT_FALSE(may_attempt(kTeacherActor, static_cast<Action>(9999)));
  EXPECT_FALSE(can(kTeacherActor, static_cast<Action>(9999), teacher_holding_open_log()));
}

TEST(Policy, EveryActionHasAName) {
  for (Action a : kAllActions) EXPECT_NE(action_name(a), "unknown");
}

// ---------------------------------------------------------------------------
// Property test. The world below is generated at random; the reference model
// decides from the raw world (consents, who must consent, roles) with the
// rules written out once more, plainly, without sharing code with policy.cc
// or domain/consent.cc.

struct World {
  ActorKind kind;
  PersonId person;
  bool log_found;
  LogStatus status;
  std::optional<Participation> participation;
  bool holder, guardian, is_child, handover_target, admin, author, by_family;
  bool privacy_officer;
  bool record_unit_member, record_draft, record_author, coordinator, operator_role;
  bool works_for_municipality, arena_member;
  bool break_glass_designated, break_glass_open;
  domain::EntryKind entry_kind;
  bool notes_by_all, guardians_write_notes;
  int child_age;
  domain::ConsentSettings settings;
  std::vector<Consent> consents;
  domain::Consenters consenters;
  InfoCategory category;
  std::optional<TargetUnit> target;
};

bool ref_consent_active(const World& w, const Consent& c) {
  if (c.withdrawal.has_value()) return false;
  if (c.valid_until.has_value() && !(*c.valid_until > kNow)) return false;
  for (const Consent& other : w.consents) {
    if (other.supersedes.has_value() && other.supersedes->value == c.id.value) return false;
  }
  return true;
}

bool ref_person_covers(const World& w, PersonId p, ConsenterRole as, UnitId u, ServiceType s, InfoCategory cat) {
  for (const Consent& c : w.consents) {
    if (c.given_by.value != p.value || c.given_as != as || !ref_consent_active(w, c)) continue;
    const bool unit_ok = c.scope.units.count(u) > 0 || c.scope.service_types.count(s) > 0;
    if (unit_ok && c.scope.categories.contains(cat)) return true;
  }
  return false;
}

// Every required party has an in-force consent listing unit `u` by id, with basic.
bool ref_names(const World& w, UnitId u) {
  auto person_names = [&](PersonId p, ConsenterRole as) {
    for (const Consent& c : w.consents) {
      if (c.given_by.value == p.value && c.given_as == as && ref_consent_active(w, c) && c.scope.units.count(u) > 0 &&
          c.scope.categories.contains(InfoCategory::kBasic)) {
        return true;
      }
    }
    return false;
  };
  const auto& g = w.consenters.guardians;
  if (g.empty() && !w.consenters.child.has_value()) return false;
  bool guardians_ok = g.empty();
  if (!g.empty() && w.settings.rule == ConsentRule::kAllGuardians) {
    guardians_ok = true;
    for (PersonId p : g) guardians_ok = guardians_ok && person_names(p, ConsenterRole::kGuardian);
  } else if (!g.empty()) {
    for (PersonId p : g) guardians_ok = guardians_ok || person_names(p, ConsenterRole::kGuardian);
  }
  const bool child_ok = !w.consenters.child.has_value() || person_names(*w.consenters.child, ConsenterRole::kChild);
  return guardians_ok && child_ok;
}

bool ref_covers(const World& w, UnitId u, ServiceType s, InfoCategory cat) {
  const auto& g = w.consenters.guardians;
  if (g.empty() && !w.consenters.child.has_value()) return false;
  bool guardians_ok;
  if (g.empty()) {
    guardians_ok = true;
  } else if (w.settings.rule == ConsentRule::kAllGuardians) {
    guardians_ok = true;
    for (PersonId p : g) guardians_ok = guardians_ok && ref_person_covers(w, p, ConsenterRole::kGuardian, u, s, cat);
  } else {
    guardians_ok = false;
    for (PersonId p : g) guardians_ok = guardians_ok || ref_person_covers(w, p, ConsenterRole::kGuardian, u, s, cat);
  }
  const bool child_ok = !w.consenters.child.has_value() ||
                        ref_person_covers(w, *w.consenters.child, ConsenterRole::kChild, u, s, cat);
  return guardians_ok && child_ok;
}

bool reference_allows(const World& w, Action a) {
  const bool employee = w.kind == ActorKind::kEmployee && w.person.value != 0;
  const bool citizen = w.kind == ActorKind::kCitizen && w.person.value != 0;
  const bool employee_here = employee && w.participation.has_value() &&
                             (w.participation->role == ParticipantRole::kContributor ||
                              w.participation->role == ParticipantRole::kReader) &&
                             w.participation->unit.has_value() && w.participation->unit_service.has_value() &&
                             w.participation->employment_active;
  auto own_covers = [&](InfoCategory cat) {
    return employee_here && ref_covers(w, *w.participation->unit, *w.participation->unit_service, cat);
  };
  auto target_ok = [&] {
    if (!w.target.has_value()) return false;
    if (w.target->serves_log_municipality) return ref_covers(w, w.target->unit, w.target->service, InfoCategory::kBasic);
    return ref_names(w, w.target->unit);  // another municipality: the unit must be named
  };
  const bool open = w.status == LogStatus::kOpen;
  const bool family_reader = citizen && (w.guardian || (w.is_child && w.child_age >= w.settings.child_view_age));
  // An open break-glass access lets a still-designated employee read, whatever else holds.
  const bool break_glass_reader = employee && w.break_glass_designated && w.break_glass_open;

  switch (a) {
    case Action::kViewPublicPage:
    case Action::kReadStaticAsset:
    case Action::kChooseLanguage:
    case Action::kCheckHealth:
    case Action::kDemoLogin:
    case Action::kLogin:
    case Action::kProviderLogout: return true;
    case Action::kLogout:
    case Action::kRenewLogin:
    case Action::kListOwnLogs: return employee || citizen;
    case Action::kCreateLog:
      return employee && w.target.has_value() && w.target->actor_employed_there &&
             w.target->serves_log_municipality && ref_covers(w, w.target->unit, w.target->service, InfoCategory::kBasic);
    case Action::kManageMunicipality: return employee && w.admin;
    case Action::kReadLog: return w.log_found && (own_covers(w.category) || family_reader || break_glass_reader);
    case Action::kViewConsents:
      return w.log_found && (own_covers(InfoCategory::kBasic) || family_reader || break_glass_reader);
    case Action::kBreakGlass: return w.log_found && employee && w.break_glass_designated;
    case Action::kFindForBreakGlass: return employee && w.break_glass_designated;
    case Action::kManageParticipants:
      return w.log_found && w.holder && open && own_covers(InfoCategory::kBasic) && (!w.target.has_value() || target_ok());
    case Action::kProposeHandover:
      return w.log_found && w.holder && open && own_covers(InfoCategory::kBasic) && target_ok();
    case Action::kAnswerHandover:
      return w.log_found && w.handover_target && open && own_covers(InfoCategory::kBasic);
    case Action::kCloseLog:
    case Action::kChangeLevel:
    case Action::kConfigureLog: return w.log_found && w.holder && open && own_covers(InfoCategory::kBasic);
    case Action::kReopenLog: return w.log_found && w.holder && !open && own_covers(InfoCategory::kBasic);
    case Action::kRecordPaperConsent: return w.log_found && w.holder && employee_here;
    case Action::kWriteEntry:
    case Action::kCorrectEntry: {
      const bool write = a == Action::kWriteEntry;
      if (!w.log_found || !open) return false;
      if (citizen) {
        // Families add lysglimt, and notes when allowed; they correct only
        // what they wrote.
        const bool in_family = w.guardian || (w.is_child && w.child_age >= w.settings.child_view_age);
        if ((!write && !w.author) || !in_family) return false;
        return w.entry_kind == domain::EntryKind::kHighlight ||
               (w.entry_kind == domain::EntryKind::kNote && w.guardian && w.guardians_write_notes);
      }
      if (!employee_here) return false;
      if (w.entry_kind == domain::EntryKind::kHighlight) return own_covers(InfoCategory::kBasic) && (write || w.author);
      if (w.participation->role != ParticipantRole::kContributor) return false;
      if (w.entry_kind == domain::EntryKind::kNote && !w.holder && !w.notes_by_all) return false;
      return own_covers(w.category) && (write || w.author || (w.holder && !w.by_family));
    }
    case Action::kGiveConsent:
    case Action::kWithdrawConsent:
      return w.log_found && citizen && (w.guardian || (w.is_child && w.child_age >= w.settings.child_consent_age));
    case Action::kViewAccessRecords: return w.log_found && family_reader;
    case Action::kExportFamilyCopy:
      return w.log_found && citizen && (w.guardian || (w.is_child && w.child_age >= w.settings.child_consent_age));
    case Action::kListOwnAccesses: return employee;
    case Action::kSearchAccessRecords:
    case Action::kExportAccessRecords:
    case Action::kReviewBreakGlass: return employee && w.privacy_officer;
    case Action::kUseTool: return employee && w.record_unit_member && (!w.record_draft || w.record_author);
    case Action::kEditGuide: return employee && w.coordinator;
    case Action::kReadModel: return employee && (w.works_for_municipality || w.coordinator || w.admin);
    case Action::kEditModel: return employee && (w.coordinator || w.admin);
    case Action::kUseArena: return employee && (w.arena_member || w.coordinator);
    case Action::kManageDeployment: return employee && w.operator_role;
  }
  return false;
}

World random_world(std::mt19937_64& rng) {
  auto coin = [&](double p = 0.5) { return std::bernoulli_distribution(p)(rng); };
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const UnitId units[] = {kSchool, kHealthStation, kChildWelfare};
  const ServiceType services[] = {ServiceType::kSchool, ServiceType::kHealthStation, ServiceType::kChildWelfare};
  World w{};
  w.kind = static_cast<ActorKind>(pick(3));
  w.person = coin(0.95) ? PersonId{kTeacher.value + pick(3)} : PersonId{0};
  w.log_found = coin(0.9);
  w.status = coin(0.7) ? LogStatus::kOpen : LogStatus::kClosed;
  if (coin(0.7)) {
    Participation p;
    p.role = static_cast<ParticipantRole>(pick(4));
    const int u = pick(3);
    if (coin(0.95)) p.unit = units[u];
    if (coin(0.95)) p.unit_service = services[coin(0.9) ? u : pick(3)];
    p.employment_active = coin(0.8);
    w.participation = p;
  }
  w.holder = coin(0.4);
  w.guardian = coin(0.25);
  w.is_child = coin(0.15);
  w.handover_target = coin(0.2);
  w.admin = coin(0.15);
  w.privacy_officer = coin(0.15);
  w.record_unit_member = coin(0.5);
  w.record_draft = coin(0.5);
  w.record_author = coin(0.5);
  w.coordinator = coin(0.15);
  w.operator_role = coin(0.1);
  w.works_for_municipality = coin(0.3);
  w.arena_member = coin(0.3);
  w.break_glass_designated = coin(0.2);
  w.break_glass_open = coin(0.2);
  w.author = coin(0.3);
  w.by_family = coin(0.3);
  const domain::EntryKind kinds[] = {domain::EntryKind::kGoal, domain::EntryKind::kMeasure, domain::EntryKind::kNote,
                                     domain::EntryKind::kHighlight};
  w.entry_kind = kinds[pick(4)];
  w.notes_by_all = coin();
  w.guardians_write_notes = coin(0.3);
  w.child_age = pick(19);
  w.settings.rule = coin() ? ConsentRule::kAllGuardians : ConsentRule::kOneGuardian;
  w.settings.child_view_age = 10 + pick(6);
  w.settings.child_consent_age = 12 + pick(6);
  const int n_guardians = pick(3);
  if (n_guardians >= 1) w.consenters.guardians.push_back(kMother);
  if (n_guardians >= 2) w.consenters.guardians.push_back(kFather);
  if (coin(0.3)) w.consenters.child = kChild;
  const PersonId consenters[] = {kMother, kFather, kChild, PersonId{99}};
  const int n_consents = pick(5);
  for (int i = 0; i < n_consents; ++i) {
    ConsentScope s;
    for (int u = 0; u < 3; ++u) {
      if (coin(0.35)) s.units.insert(units[u]);
      if (coin(0.2)) s.service_types.insert(services[u]);
    }
    for (auto c : domain::kAllInfoCategories) {
      if (coin(0.6)) s.categories.add(c);
    }
    const PersonId by = consenters[pick(4)];
    Consent c = consent_by(by, by == kChild && coin(0.9) ? ConsenterRole::kChild : ConsenterRole::kGuardian, s, i + 1);
    if (coin(0.2)) c.withdrawal = domain::ConsentWithdrawal{by, kNow - std::chrono::hours(1)};
    if (coin(0.15)) c.valid_until = kNow - std::chrono::hours(pick(2));  // expired, or expiring exactly now
    if (i > 0 && coin(0.2)) c.supersedes = domain::ConsentId{pick(i) + 1};
    w.consents.push_back(c);
  }
  w.category = domain::kAllInfoCategories[static_cast<std::size_t>(pick(5))];
  if (coin(0.6)) {
    const int u = pick(3);
    w.target = TargetUnit{units[u], services[coin(0.9) ? u : pick(3)], coin(0.85), coin(0.7)};
  }
  return w;
}

AccessFacts facts_of(const World& w) {
  AccessFacts f;
  // named_in_consent is a fact the store derives from the consent; derive it
  // here the same way so the generated states stay consistent.
  f.log_found = w.log_found;
  f.status = w.status;
  f.participation = w.participation;
  f.actor_is_holder = w.holder;
  f.actor_is_guardian = w.guardian;
  f.actor_is_child = w.is_child;
  f.child_age = w.child_age;
  f.settings = w.settings;
  f.consent = domain::effective_consent(w.consents, w.consenters, w.settings.rule, kNow);
  f.category = w.category;
  f.target = w.target;
  if (f.target) f.target->named_in_consent = f.consent.names_unit(f.target->unit);
  f.actor_is_handover_target = w.handover_target;
  f.actor_is_municipal_admin = w.admin;
  f.actor_is_privacy_officer = w.privacy_officer;
  f.actor_in_record_unit = w.record_unit_member;
  f.record_is_draft = w.record_draft;
  f.actor_is_record_author = w.record_author;
  f.actor_is_bti_coordinator = w.coordinator;
  f.actor_is_operator = w.operator_role;
  f.actor_works_for_municipality = w.works_for_municipality;
  f.actor_in_arena_unit = w.arena_member;
  f.actor_may_break_glass = w.break_glass_designated;
  if (w.break_glass_open) f.break_glass = BreakGlassFacts{.id = 1};
  f.actor_is_entry_author = w.author;
  f.entry_by_family = w.by_family;
  f.entry_kind = w.entry_kind;
  f.notes_by_all_contributors = w.notes_by_all;
  f.guardians_may_write_notes = w.guardians_write_notes;
  return f;
}

std::string describe(const World& w, Action a) {
  std::string s = "action=" + std::string(action_name(a)) + " kind=" + std::to_string(static_cast<int>(w.kind)) +
                  " person=" + std::to_string(w.person.value) + " found=" + std::to_string(w.log_found) +
                  " open=" + std::to_string(w.status == LogStatus::kOpen) + " holder=" + std::to_string(w.holder) +
                  " guardian=" + std::to_string(w.guardian) + " child=" + std::to_string(w.is_child) +
                  " age=" + std::to_string(w.child_age) + " consents=" + std::to_string(w.consents.size()) +
                  " rule=" + std::to_string(static_cast<int>(w.settings.rule)) +
                  " category=" + std::string(domain::info_category_code(w.category)) +
                  " admin=" + std::to_string(w.admin) + " privacy_officer=" + std::to_string(w.privacy_officer) +
                  " break_glass_designated=" + std::to_string(w.break_glass_designated) +
                  " break_glass_open=" + std::to_string(w.break_glass_open);
  if (w.participation) {
    s += " part.role=" + std::string(domain::participant_role_code(w.participation->role)) +
         " part.unit=" + std::to_string(w.participation->unit ? w.participation->unit->value : -1) +
         " part.employed=" + std::to_string(w.participation->employment_active);
  }
  if (w.target) s += " target=" + std::to_string(w.target->unit.value);
  return s;
}

TEST(PolicyProperty, AgreesWithTheReferenceModelOnGeneratedStates) {
  std::uint64_t seed = std::random_device{}();
  if (const char* env = std::getenv("STAFETT_PROPERTY_SEED")) seed = std::strtoull(env, nullptr, 10);
  std::cout << "policy property test seed: " << seed << " (set STAFETT_PROPERTY_SEED to repeat)\n";
  std::mt19937_64 rng(seed);
  constexpr int kStates = 20000;
  int allowed = 0, denied = 0, failures = 0;
  for (int i = 0; i < kStates && failures < 5; ++i) {
    const World w = random_world(rng);
    const AccessFacts f = facts_of(w);
    const Actor actor{w.kind, w.person};
    for (Action a : kAllActions) {
      const bool expected = reference_allows(w, a);
      const Decision got = can(actor, a, f);
      (got.allowed ? allowed : denied)++;
      if (got.allowed != expected) {
        ++failures;
        ADD_FAILURE() << "seed " << seed << " state " << i << ": can() says " << got.allowed << " ("
                      << deny_reason_name(got.reason) << "), reference says " << expected << "\n  "
                      << describe(w, a);
      }
      EXPECT_EQ(got.allowed, got.reason == DenyReason::kNone) << "a denial must say why";
    }
  }
  // The generator must reach both outcomes often, or the test proves little.
  EXPECT_GT(allowed, kStates / 2) << "too few allowed decisions generated";
  EXPECT_GT(denied, kStates) << "too few denied decisions generated";
}

}  // namespace
}  // namespace stafett::policy
