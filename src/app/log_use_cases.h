#pragma once
// Use cases of the stafettlogg core. Each opens one transaction, loads the
// facts, asks policy::can, and only then reads or writes. A denial returns
// Errc::kForbidden and carries nothing about the log (a missing log and a
// forbidden one look the same, so ids cannot be probed).
//
// Inputs are allow-listed structs: author, time, log and child ids come from
// the actor and the URL, never from a request body.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/access_trail.h"
#include "app/log_views.h"
#include "core/clock.h"
#include "crypto/data_keys.h"
#include "domain/consent.h"
#include "domain/field_problem.h"
#include "policy/actor.h"
#include "store/database.h"

namespace stafett::app {

// Units a consent can name: those serving the child's home municipality, and
// the rest (for a move to another municipality, where the unit itself must be
// named).
struct ConsentUnitChoices {
  std::vector<store::UnitRow> home;
  std::vector<store::UnitRow> elsewhere;
};

// A problem with one form field: `field` is the input's name, `message` a
// catalog key shown next to it.
using FieldError = domain::FieldProblem;
using FieldErrors = domain::FieldProblems;

// The consent part of a form: what is shared, with whom, for how long, and
// the version and hash of the information text the family was shown.
struct ConsentInput {
  std::set<domain::UnitId> units;
  std::set<domain::ServiceType> services;
  domain::CategorySet categories;
  std::optional<TimePoint> valid_until;
  std::optional<TimePoint> review_at;
  std::string info_text_version;
  std::string info_text_hash;
};

struct CreateLogInput {
  std::string child_national_id;
  domain::UnitId unit;  // the employee's own unit, which will hold the log
  int level = 1;
  // kPaper: the employee attests signed paper forms (below) and the log opens
  // at once. kDigital: the log waits, closed, until the family consents when
  // they log in; nobody but the family can read it before that.
  domain::ConsentMethod method = domain::ConsentMethod::kPaper;
  ConsentInput consent;
  // Paper consent forms the employee has in hand and attests.
  std::vector<domain::PersonId> signed_by_guardians;
  bool signed_by_child = false;
};

struct CreateLogOutcome {
  std::optional<domain::LogId> log;
  FieldErrors errors;
};

// The logs the actor may see, newest first.
Result<std::vector<LogListItem>> list_my_logs(store::Database& db, const policy::Actor& actor, const Clock& clock);

// The log as `actor` may see it. The access is recorded on `trail` (as
// `action`: a view, or a print of the whole log) before the view is returned;
// when it cannot be recorded the answer is kUnavailable and no view.
Result<LogView> show_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                         const Clock& clock, domain::AccessAction action = domain::AccessAction::kView);

// Who the employee could create a log for: the guardians registered for the
// child with this national id (so the form can list whose paper consent is
// needed). kNotFound when no such child is registered.
struct ChildLookup {
  domain::PersonId child;
  std::string child_name;
  int age = 0;
  std::vector<std::pair<domain::PersonId, std::string>> guardians;
  bool child_consent_needed = false;
};
Result<ChildLookup> look_up_child(store::Database& db, const crypto::DataKeys& keys, const policy::Actor& actor,
                                  const std::string& national_id, domain::UnitId unit, const Clock& clock);

Result<CreateLogOutcome> create_log(store::Database& db, AccessTrail& trail, const crypto::DataKeys& keys, const policy::Actor& actor,
                                    const CreateLogInput& input, const Clock& clock);

// A guardian or the child gives consent digitally, replacing their own
// consent in force (if any).
Result<FieldErrors> give_consent(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                 const ConsentInput& input, const Clock& clock);

// The people whose consent counts for this log now: its child's guardians,
// and the child when old enough. For the paper consent form.
struct Consenter {
  domain::PersonId person;
  std::string name;
  domain::ConsenterRole role = domain::ConsenterRole::kGuardian;
};
// What the holder needs to record a paper consent, also on a closed log
// without consent: the child's name, who may consent, and the units a
// consent may name. Nothing else of the log. The read is recorded on `trail`
// as a view of the log before the view is returned (kUnavailable: no view).
struct PaperConsentView {
  std::string child_name;
  std::vector<Consenter> consenters;
  ConsentUnitChoices units;
};
Result<PaperConsentView> paper_consent_view(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                            domain::LogId log, const Clock& clock);

// The holder records a consent a guardian (or the child) signed on paper;
// it replaces that person's consent in force.
Result<FieldErrors> record_paper_consent(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                         domain::PersonId given_by, const ConsentInput& input, const Clock& clock);

// Withdraws the actor's own consent. When no consent is left the log closes.
Result<void> withdraw_consent(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              domain::ConsentId consent, const Clock& clock);

Result<void> close_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                       const std::string& reason, const Clock& clock);
Result<void> reopen_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                        const std::string& reason, const Clock& clock);

// The holder moves the log to level 0-3 of the action guide, with a reason.
Result<FieldErrors> change_level(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log, int level,
                                 const std::string& reason, const Clock& clock);

struct AddParticipantInput {
  domain::UnitId unit;
  domain::PersonId person;  // an employee of `unit`
  domain::ParticipantRole role = domain::ParticipantRole::kReader;
  bool hidden = false;
};
Result<FieldErrors> add_participant(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                    const AddParticipantInput& input, const Clock& clock);
Result<void> set_participant_hidden(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                    domain::ParticipantId participant, bool hidden, const Clock& clock);

// Employees the holder could add: people with an active employment in a unit
// that serves the log's municipality and that the consent covers (names of
// colleagues, nothing of the child). Records nothing: it is shown only on
// the participants page, next to the log that show_log read and recorded, so
// that request leaves one record. REQUIRES: the caller shows the candidates
// only together with show_log for the same log.
struct Candidate {
  domain::PersonId person;
  domain::UnitId unit;
  std::string name;
  std::string unit_name;
  std::string title;
};
Result<std::vector<Candidate>> participant_candidates(store::Database& db, const policy::Actor& actor,
                                                      domain::LogId log, const Clock& clock);

// Units a consent for this log could name, for the family's consent form.
// Opening the form is recorded on `trail` as a view of the log (the family's
// own right) before the units are returned.
Result<ConsentUnitChoices> units_for_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                         domain::LogId log, const Clock& clock);
// Units an employee could put in the consent of a new log held by `unit`.
Result<ConsentUnitChoices> units_for_new_log(store::Database& db, const policy::Actor& actor, domain::UnitId unit,
                                             const Clock& clock);
// The employee's own units (where they could hold a log).
Result<std::vector<store::UnitRow>> my_units(store::Database& db, const policy::Actor& actor, const Clock& clock);

Result<void> remove_participant(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                domain::ParticipantId participant, const std::string& reason, const Clock& clock);

Result<void> propose_handover(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              domain::ParticipantId to, const Clock& clock);
// accept: the actor becomes the holder; otherwise the proposal is rejected.
// When the new holder's unit does not serve the log's home municipality (the
// child has moved), the log moves to the unit's municipality, recorded.
Result<void> answer_handover(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log, bool accept,
                             const Clock& clock);

}  // namespace stafett::app
