#include "app/log_use_cases.h"

#include <algorithm>
#include <map>

#include "app/access.h"
#include "app/content_use_cases.h"
#include "domain/national_id.h"
#include "store/break_glass_repository.h"
#include "store/consent_repository.h"
#include "store/log_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using policy::Action;
using store::Transaction;
using store::TxMode;

constexpr std::size_t kMaxReasonLength = 2000;

Error forbidden() { return make_error(Errc::kForbidden, "denied by policy"); }

// The reasons a person may write are free text; keep them within bounds.
std::string clamp_reason(const std::string& reason, const char* fallback) {
  if (reason.empty()) return fallback;
  return reason.substr(0, kMaxReasonLength);
}

FieldErrors validate_consent_input(const ConsentInput& in, TimePoint now) {
  FieldErrors errors;
  if (in.units.empty() && in.services.empty()) errors.push_back({"scope", "consent.error.scope_empty"});
  if (in.categories.empty()) {
    errors.push_back({"categories", "consent.error.categories_empty"});
  } else if (!in.categories.contains(domain::InfoCategory::kBasic)) {
    errors.push_back({"categories", "consent.error.basic_required"});
  }
  if (!in.valid_until) {
    errors.push_back({"valid_until", "consent.error.valid_until_missing"});
  } else if (*in.valid_until <= now) {
    errors.push_back({"valid_until", "consent.error.valid_until_past"});
  } else if (*in.valid_until > now + std::chrono::days(3 * 366)) {
    errors.push_back({"valid_until", "consent.error.valid_until_too_far"});
  }
  if (in.review_at && in.valid_until && *in.review_at > *in.valid_until) {
    errors.push_back({"review_at", "consent.error.review_after_expiry"});
  }
  if (in.info_text_version.empty() || in.info_text_hash.empty()) {
    errors.push_back({"info_text", "consent.error.info_text"});
  }
  return errors;
}

domain::Consent consent_from(const ConsentInput& in, domain::LogId log, domain::PersonId by,
                             domain::ConsenterRole as, domain::PersonId recorded_by, TimePoint now) {
  domain::Consent c;
  c.log = log;
  c.given_by = by;
  c.given_as = as;
  c.recorded_by = recorded_by;
  c.given_at = now;
  c.valid_until = in.valid_until;
  c.review_at = in.review_at;
  c.info_text_version = in.info_text_version;
  c.info_text_hash = in.info_text_hash;
  c.scope.units = in.units;
  c.scope.service_types = in.services;
  c.scope.categories = in.categories;
  return c;
}

// A change to one log: the permission it needs, how the access chain names
// it, and where the body leaves field errors (then nothing changed, and
// nothing is recorded).
struct Change {
  Action action;
  domain::AccessAction recorded = domain::AccessAction::kChange;
  FactsQuery query = {};
  const FieldErrors* errors = nullptr;
};

// Runs `body` in a write transaction after `change.action` was allowed on
// `log`, and records the change on `trail` in that same transaction, so the
// change and its access record commit together or not at all.
template <class F>
Result<void> with_permission(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                             const Clock& clock, const Change& change, F&& body) {
  return db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, log, now, change.query);
    if (!facts || !policy::can(actor, change.action, *facts)) return forbidden();
    if (auto r = body(tx, now); !r) return r;
    if (change.errors != nullptr && !change.errors->empty()) return {};
    return trail.record_in(tx, access_record_for(actor, *facts, log, change.recorded, now));
  });
}

Result<ConsentUnitChoices> consent_unit_choices(Transaction& tx, domain::MunicipalityId municipality) {
  ConsentUnitChoices out;
  auto home = store::units_serving(tx, municipality);
  if (!home) return home.error();
  auto all = store::all_units(tx);
  if (!all) return all.error();
  for (const auto& u : *all) {
    const bool at_home = std::any_of(home->begin(), home->end(), [&](const auto& h) { return h.id == u.id; });
    if (!at_home) out.elsewhere.push_back(u);
  }
  out.home = std::move(*home);
  return out;
}

// A log created for digital consent that the family has not consented to yet,
// and that `actor` holds.
Result<bool> awaiting_consent_for(Transaction& tx, const policy::Actor& actor, domain::LogId log) {
  auto consents = store::consents_of(tx, log);
  if (!consents) return consents.error();
  if (!consents->empty()) return false;
  auto holder = store::holder_of(tx, log);
  if (!holder) return holder.error();
  if (!*holder) return false;
  auto p = store::find_participant(tx, **holder);
  if (!p) return p.error();
  return *p && (*p)->person.id == actor.person && actor.kind == policy::ActorKind::kEmployee;
}

}  // namespace

Result<std::vector<LogListItem>> list_my_logs(store::Database& db, const policy::Actor& actor, const Clock& clock) {
  return store::transact_value<std::vector<LogListItem>>(db, TxMode::kRead, [&](Transaction& tx)
                                                             -> Result<std::vector<LogListItem>> {
    const TimePoint now = clock.now();
    if (!policy::can(actor, Action::kListOwnLogs, {})) return forbidden();
    auto ids = store::candidate_logs(tx, actor.person, now);
    if (!ids) return ids.error();
    std::vector<LogListItem> out;
    for (domain::LogId id : *ids) {
      // The list uses the same decision as opening the log: no drift.
      bool awaiting = false;
      auto facts = load_access_facts(tx, actor, id, now);
      const bool reads = facts && policy::can(actor, Action::kReadLog, *facts);
      if (!reads) {
        auto waiting = awaiting_consent_for(tx, actor, id);
        if (!waiting) return waiting.error();
        if (!*waiting) continue;
        awaiting = true;
      }
      auto log = store::find_log(tx, id);
      if (!log) return log.error();
      auto child = store::find_person(tx, (*log)->child);
      if (!child) return child.error();
      LogListItem item;
      item.id = id;
      item.child_name = *child ? (*child)->full_name() : "";
      item.level = (*log)->level;
      item.status = (*log)->status;
      item.awaiting_consent = awaiting;
      if (reads) {
        // From the same content view as the log page, so the counts cannot
        // include anything the page would hide.
        auto content = load_content(tx, actor, *facts, id, now);
        if (!content) return content.error();
        if (!content->timeline.empty()) item.last_updated = content->timeline.front().at;
        item.entries = static_cast<int>(content->timeline.size());
        item.overdue_measures = content->overdue;
        for (const auto& t : content->tasks) item.my_open_tasks += t.mine && !t.body.done;
      }
      auto holder = store::holder_of(tx, id);
      if (!holder) return holder.error();
      if (*holder) {
        auto h = store::find_participant(tx, **holder);
        if (!h) return h.error();
        if (*h) {
          item.holder_name = (*h)->person.full_name();
          item.holder_unit = (*h)->unit ? (*h)->unit->name : "";
          item.i_am_holder = (*h)->person.id == actor.person;
        }
      }
      out.push_back(std::move(item));
    }
    return out;
  });
}

Result<LogView> show_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId id,
                         const Clock& clock, domain::AccessAction action) {
  std::optional<PendingAccess> access;
  auto shown = store::transact_value<LogView>(db, TxMode::kRead, [&](Transaction& tx) -> Result<LogView> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, id, now);
    if (!facts) return forbidden();
    const policy::Decision read = policy::can(actor, Action::kReadLog, *facts);
    if (!read) return forbidden();

    LogView view;
    auto log = store::find_log(tx, id);
    if (!log || !*log) return forbidden();
    view.log = **log;
    if (read.break_glass && facts->break_glass) {
      auto glass = store::find_break_glass(tx, facts->break_glass->id);
      if (!glass) return glass.error();
      view.break_glass = std::move(*glass);
    }
    // Submitted as soon as the read is allowed, so its commit runs while the
    // rest of the log is read; waited for below, before anything leaves.
    if (!access) access.emplace(trail.record_soon(access_record_for(actor, *facts, id, action, now)));
    auto child = store::find_person(tx, view.log.child);
    if (!child) return child.error();
    view.child_name = *child ? (*child)->full_name() : "";
    view.child_age = facts->child_age;
    view.consent_active = facts->consent.any();

    auto holder = store::holder_of(tx, id);
    if (!holder) return holder.error();
    auto participants = store::participants_of(tx, id);
    if (!participants) return participants.error();
    std::map<std::int64_t, std::string> names;
    for (const auto& p : *participants) {
      names[p.participant.id.value] = p.person.full_name();
      if (p.participant.ended_at) continue;
      const bool me = p.person.id == actor.person;
      // A hidden participant is invisible to others unless the decision says otherwise.
      if (p.participant.hidden && !me && !read.visibility.hidden_participants) continue;
      ParticipantView v;
      v.id = p.participant.id;
      v.name = p.person.full_name();
      v.role = p.participant.role;
      if (p.unit) v.unit_name = p.unit->name;
      v.hidden = p.participant.hidden;
      v.is_holder = *holder && **holder == p.participant.id;
      v.is_me = me;
      view.participants.push_back(std::move(v));
    }

    auto consents = store::consents_of(tx, id);
    if (!consents) return consents.error();
    std::map<std::int64_t, std::string> unit_names;
    if (auto units = store::units_serving(tx, view.log.municipality)) {
      for (const auto& u : *units) unit_names[u.id.value] = u.name;
    }
    for (auto it = consents->rbegin(); it != consents->rend(); ++it) {
      ConsentView c;
      c.consent = *it;
      auto by = store::find_person(tx, it->given_by);
      if (!by) return by.error();
      c.given_by_name = *by ? (*by)->full_name() : "";
      if (it->attested_by) {
        auto att = store::find_person(tx, *it->attested_by);
        if (!att) return att.error();
        if (*att) c.attested_by_name = (*att)->full_name();
      }
      for (auto u : it->scope.units) {
        auto found = unit_names.find(u.value);
        if (found != unit_names.end()) {
          c.unit_names.push_back(found->second);
        } else {
          // Appended, not "#" + ...: GCC 12's -Wrestrict misfires on that in release builds.
          std::string unknown = "#";
          unknown += std::to_string(u.value);
          c.unit_names.push_back(std::move(unknown));
        }
      }
      c.in_force = domain::in_force(*it, *consents, now);
      c.superseded = std::any_of(consents->begin(), consents->end(),
                                 [&](const domain::Consent& o) { return o.supersedes && *o.supersedes == it->id; });
      c.mine = it->given_by == actor.person;
      view.consents.push_back(std::move(c));
    }

    auto events = store::log_events(tx, id);
    if (!events) return events.error();
    view.events = std::move(*events);

    auto content = load_content(tx, actor, *facts, id, now);
    if (!content) return content.error();
    view.content = std::move(*content);

    auto handover = store::pending_handover(tx, id);
    if (!handover) return handover.error();
    if (*handover && (facts->actor_is_holder || facts->actor_is_handover_target || actor.kind == policy::ActorKind::kCitizen)) {
      view.pending_handover = HandoverView{names[(*handover)->from.value], names[(*handover)->to.value],
                                           facts->actor_is_handover_target, (*handover)->proposed_at};
    }

    view.can.manage_participants = policy::can(actor, Action::kManageParticipants, *facts).allowed;
    view.can.propose_handover = facts->actor_is_holder && view.can.manage_participants && !*handover;
    view.can.answer_handover = policy::can(actor, Action::kAnswerHandover, *facts).allowed;
    view.can.close = policy::can(actor, Action::kCloseLog, *facts).allowed;
    view.can.reopen = policy::can(actor, Action::kReopenLog, *facts).allowed;
    view.can.change_level = policy::can(actor, Action::kChangeLevel, *facts).allowed;
    view.can.give_consent = policy::can(actor, Action::kGiveConsent, *facts).allowed;
    view.can.record_paper_consent = policy::can(actor, Action::kRecordPaperConsent, *facts).allowed;
    return view;
  });
  // Recorded before anything is shown: no record, no access.
  if (access) {
    if (auto recorded = access->wait(); !recorded) return recorded.error();
  }
  return shown;
}

Result<ChildLookup> look_up_child(store::Database& db, const crypto::DataKeys& keys, const policy::Actor& actor,
                                  const std::string& national_id, domain::UnitId unit, const Clock& clock) {
  return store::transact_value<ChildLookup>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ChildLookup> {
    const TimePoint now = clock.now();
    if (!policy::may_attempt(actor, Action::kCreateLog)) return forbidden();
    // Only employees of a unit may look a child up, and only for their own unit.
    auto employments = store::active_employments(tx, actor.person, now);
    if (!employments) return employments.error();
    const auto employment = std::find_if(employments->begin(), employments->end(),
                                         [&](const auto& e) { return e.unit.id == unit; });
    if (employment == employments->end()) return forbidden();
    if (!domain::is_valid_national_id(national_id)) return make_error(Errc::kInvalidInput, "national_id");
    auto person = store::find_person_by_national_id_hash(tx, keys.lookup_hash(national_id));
    if (!person) return person.error();
    if (!*person) return make_error(Errc::kNotFound, "no such child");
    auto child = store::find_person(tx, **person);
    if (!child || !*child) return make_error(Errc::kNotFound, "no such child");
    ChildLookup out;
    out.child = **person;
    out.child_name = (*child)->full_name();
    out.age = age_of((*child)->birth_date, now);
    auto guardians = store::guardians_of(tx, out.child, now);
    if (!guardians) return guardians.error();
    for (auto g : *guardians) {
      auto gp = store::find_person(tx, g);
      if (!gp) return gp.error();
      out.guardians.emplace_back(g, *gp ? (*gp)->full_name() : "");
    }
    auto settings = store::municipality_settings(tx, employment->unit.municipality);
    if (!settings) return settings.error();
    out.child_consent_needed = out.age >= settings->child_consent_age;
    return out;
  });
}

Result<CreateLogOutcome> create_log(store::Database& db, AccessTrail& trail, const crypto::DataKeys& keys, const policy::Actor& actor,
                                    const CreateLogInput& in, const Clock& clock) {
  CreateLogOutcome outcome;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    if (!policy::may_attempt(actor, Action::kCreateLog)) return forbidden();
    FieldErrors& errors = outcome.errors;
    if (!domain::is_valid_national_id(in.child_national_id)) errors.push_back({"national_id", "log.error.national_id"});
    if (in.level < 1 || in.level > domain::kMaxLevel) errors.push_back({"level", "log.error.level"});
    for (auto& e : validate_consent_input(in.consent, now)) errors.push_back(e);
    auto employments = store::active_employments(tx, actor.person, now);
    if (!employments) return employments.error();
    const auto employment = std::find_if(employments->begin(), employments->end(),
                                         [&](const auto& e) { return e.unit.id == in.unit; });
    if (employment == employments->end()) return forbidden();
    if (!errors.empty()) return {};

    auto child_id = store::find_person_by_national_id_hash(tx, keys.lookup_hash(in.child_national_id));
    if (!child_id) return child_id.error();
    if (!*child_id) {
      errors.push_back({"national_id", "log.error.child_unknown"});
      return {};
    }
    const domain::PersonId child = **child_id;
    const domain::MunicipalityId municipality = employment->unit.municipality;
    auto guardians = store::guardians_of(tx, child, now);
    if (!guardians) return guardians.error();
    for (auto g : in.signed_by_guardians) {
      if (std::find(guardians->begin(), guardians->end(), g) == guardians->end()) {
        errors.push_back({"guardians", "log.error.not_a_guardian"});
        return {};
      }
    }
    const bool digital = in.method == domain::ConsentMethod::kDigital;
    if (!digital && in.signed_by_guardians.empty() && !in.signed_by_child) {
      errors.push_back({"guardians", "log.error.no_consent"});
      return {};
    }

    auto log = store::insert_log(tx, child, municipality, in.level, actor.person,
                                 digital ? "awaiting digital consent" : "opened with consent", now);
    if (!log) return log.error();
    for (auto g : digital ? std::vector<domain::PersonId>{} : in.signed_by_guardians) {
      auto c = consent_from(in.consent, *log, g, domain::ConsenterRole::kGuardian, actor.person, now);
      c.method = domain::ConsentMethod::kPaper;
      c.attested_by = actor.person;
      if (auto id = store::insert_consent(tx, c); !id) return id.error();
    }
    if (in.signed_by_child && !digital) {
      auto c = consent_from(in.consent, *log, child, domain::ConsenterRole::kChild, actor.person, now);
      c.method = domain::ConsentMethod::kPaper;
      c.attested_by = actor.person;
      if (auto id = store::insert_consent(tx, c); !id) return id.error();
    }
    // The consents given must be enough under the municipality's rule, and
    // must cover the unit that will hold the log.
    auto facts = load_access_facts(tx, actor, *log, now, {domain::InfoCategory::kBasic, in.unit});
    if (!facts) return facts.error();
    if (facts->target) {
      facts->target->actor_employed_there = true;
    }
    if (!digital && !policy::can(actor, Action::kCreateLog, *facts)) {
      errors.push_back({"guardians", "log.error.consent_insufficient"});
      return make_error(Errc::kInvalidInput, "consent does not cover the holder's unit");  // rolls back
    }

    domain::Participant holder;
    holder.log = *log;
    holder.person = actor.person;
    holder.role = domain::ParticipantRole::kContributor;
    holder.unit = in.unit;
    holder.added_at = now;
    auto holder_id = store::insert_participant(tx, holder, actor.person);
    if (!holder_id) return holder_id.error();
    if (auto h = store::insert_holder(tx, *log, *holder_id, now); !h) return h.error();
    for (auto g : *guardians) {
      domain::Participant p;
      p.log = *log;
      p.person = g;
      p.role = domain::ParticipantRole::kGuardian;
      p.added_at = now;
      if (auto id = store::insert_participant(tx, p, actor.person); !id) return id.error();
    }
    domain::Participant c;
    c.log = *log;
    c.person = child;
    c.role = domain::ParticipantRole::kChild;
    c.added_at = now;
    if (auto id = store::insert_participant(tx, c, actor.person); !id) return id.error();
    if (digital) {
      // Stays closed until the family consents; give_consent opens it.
      auto ev = store::record_log_event(tx, *log, "closed", "awaiting digital consent", actor.person, now);
      if (!ev) return ev.error();
    } else if (auto o = store::open_new_log(tx, *log); !o) {
      return o.error();
    }
    outcome.log = *log;
    // Recorded as the person who now takes part in it: the facts after the change.
    auto after = load_access_facts(tx, actor, *log, now);
    if (!after) return after.error();
    return trail.record_in(tx, access_record_for(actor, *after, *log, domain::AccessAction::kCreate, now));
  });
  if (!r) {
    if (r.error().code == Errc::kInvalidInput && !outcome.errors.empty()) {
      outcome.log.reset();
      return outcome;
    }
    return r.error();
  }
  return outcome;
}

Result<FieldErrors> give_consent(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                 const ConsentInput& in, const Clock& clock) {
  FieldErrors errors;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kGiveConsent, *facts)) return forbidden();
    errors = validate_consent_input(in, now);
    if (!errors.empty()) return {};
    auto consents = store::consents_of(tx, log);
    if (!consents) return consents.error();
    const auto as = facts->actor_is_guardian ? domain::ConsenterRole::kGuardian : domain::ConsenterRole::kChild;
    auto c = consent_from(in, log, actor.person, as, actor.person, now);
    c.method = domain::ConsentMethod::kDigital;
    for (const auto& existing : *consents) {
      if (existing.given_by == actor.person && domain::in_force(existing, *consents, now)) c.supersedes = existing.id;
    }
    auto id = store::insert_consent(tx, c);
    if (!id) return id.error();
    if (auto a = trail.record_in(tx, access_record_for(actor, *facts, log, domain::AccessAction::kConsentChange, now));
        !a) {
      return a;
    }
    // A log that was waiting for its first consent opens once the family's
    // consent covers the holder's unit. (A log closed after consent was
    // withdrawn stays closed until its holder reopens it.)
    if (consents->empty() && facts->status == domain::LogStatus::kClosed) {
      auto l = store::find_log(tx, log);
      if (!l || !*l) return make_error(Errc::kInternal, "log vanished");
      auto holder = store::holder_of(tx, log);
      if (!holder || !*holder) return make_error(Errc::kInternal, "log without holder");
      auto hp = store::find_participant(tx, **holder);
      if (!hp || !*hp || !(*hp)->unit) return make_error(Errc::kInternal, "holder without unit");
      auto effective = effective_consent_of(tx, **l, facts->settings, now);
      if (!effective) return effective.error();
      if (effective->covers_unit((*hp)->unit->id, (*hp)->unit->service)) {
        return store::set_log_status(tx, log, domain::LogStatus::kOpen, "reopened", "consent given", std::nullopt, now);
      }
    }
    return {};
  });
  if (!r) return r.error();
  return errors;
}

namespace {

// Who may consent for `log` now, as (person, role), from the register.
Result<std::vector<Consenter>> current_consenters(Transaction& tx, const store::LogRow& log,
                                                  const domain::ConsentSettings& settings, TimePoint now) {
  std::vector<Consenter> out;
  auto guardians = store::guardians_of(tx, log.child, now);
  if (!guardians) return guardians.error();
  for (auto g : *guardians) {
    auto p = store::find_person(tx, g);
    if (!p) return p.error();
    out.push_back({g, *p ? (*p)->full_name() : "", domain::ConsenterRole::kGuardian});
  }
  auto child = store::find_person(tx, log.child);
  if (!child) return child.error();
  if (*child && age_of((*child)->birth_date, now) >= settings.child_consent_age) {
    out.push_back({log.child, (*child)->full_name(), domain::ConsenterRole::kChild});
  }
  return out;
}

}  // namespace

Result<PaperConsentView> paper_consent_view(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                            domain::LogId log, const Clock& clock) {
  domain::AccessRecord access;
  auto shown = store::transact_value<PaperConsentView>(db, TxMode::kRead, [&](Transaction& tx) -> Result<PaperConsentView> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kRecordPaperConsent, *facts)) return forbidden();
    auto l = store::find_log(tx, log);
    if (!l || !*l) return forbidden();
    access = access_record_for(actor, *facts, log, domain::AccessAction::kView, now);
    PaperConsentView view;
    auto child = store::find_person(tx, (*l)->child);
    if (!child) return child.error();
    view.child_name = *child ? (*child)->full_name() : "";
    auto who = current_consenters(tx, **l, facts->settings, now);
    if (!who) return who.error();
    view.consenters = std::move(*who);
    auto units = consent_unit_choices(tx, (*l)->municipality);
    if (!units) return units.error();
    view.units = std::move(*units);
    return view;
  });
  if (!shown) return shown;
  // The child's name and the family: recorded before anything is shown.
  if (auto recorded = trail.record(std::move(access)); !recorded) return recorded.error();
  return shown;
}

Result<FieldErrors> record_paper_consent(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                         domain::PersonId given_by, const ConsentInput& in, const Clock& clock) {
  FieldErrors errors;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kRecordPaperConsent, *facts)) return forbidden();
    errors = validate_consent_input(in, now);
    auto l = store::find_log(tx, log);
    if (!l || !*l) return forbidden();
    auto who = current_consenters(tx, **l, facts->settings, now);
    if (!who) return who.error();
    const auto consenter = std::find_if(who->begin(), who->end(), [&](const Consenter& c) { return c.person == given_by; });
    if (consenter == who->end()) errors.push_back({"given_by", "log.error.not_a_guardian"});
    if (!errors.empty()) return {};
    auto consents = store::consents_of(tx, log);
    if (!consents) return consents.error();
    auto c = consent_from(in, log, given_by, consenter->role, actor.person, now);
    c.method = domain::ConsentMethod::kPaper;
    c.attested_by = actor.person;
    for (const auto& existing : *consents) {
      if (existing.given_by == given_by && domain::in_force(existing, *consents, now)) c.supersedes = existing.id;
    }
    auto id = store::insert_consent(tx, c);
    if (!id) return id.error();
    return trail.record_in(tx, access_record_for(actor, *facts, log, domain::AccessAction::kConsentChange, now));
  });
  if (!r) return r.error();
  return errors;
}

Result<void> withdraw_consent(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              domain::ConsentId consent, const Clock& clock) {
  return with_permission(db, trail, actor, log, clock, {Action::kWithdrawConsent, domain::AccessAction::kConsentChange},
                         [&](Transaction& tx, TimePoint now) -> Result<void> {
    auto consents = store::consents_of(tx, log);
    if (!consents) return consents.error();
    const auto it = std::find_if(consents->begin(), consents->end(),
                                 [&](const domain::Consent& c) { return c.id == consent; });
    // Only one's own consent, and only one that is still in force.
    if (it == consents->end() || it->given_by != actor.person) return forbidden();
    if (!domain::in_force(*it, *consents, now)) return make_error(Errc::kConflict, "consent not in force");
    if (auto w = store::insert_withdrawal(tx, consent, actor.person, actor.person, now); !w) return w.error();
    auto l = store::find_log(tx, log);
    if (!l || !*l) return make_error(Errc::kInternal, "log vanished");
    auto settings = store::municipality_settings(tx, (*l)->municipality);
    if (!settings) return settings.error();
    auto effective = effective_consent_of(tx, **l, *settings, now);
    if (!effective) return effective.error();
    if (!effective->any() && (*l)->status == domain::LogStatus::kOpen) {
      return store::set_log_status(tx, log, domain::LogStatus::kClosed, "closed", "all consent withdrawn",
                                   std::nullopt, now);
    }
    return {};
  });
}

Result<void> close_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log, const std::string& reason,
                       const Clock& clock) {
  return with_permission(db, trail, actor, log, clock, {Action::kCloseLog}, [&](Transaction& tx, TimePoint now) {
    return store::set_log_status(tx, log, domain::LogStatus::kClosed, "closed", clamp_reason(reason, "closed"),
                                 actor.person, now);
  });
}

Result<void> reopen_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                        const std::string& reason, const Clock& clock) {
  return with_permission(db, trail, actor, log, clock, {Action::kReopenLog}, [&](Transaction& tx, TimePoint now) {
    return store::set_log_status(tx, log, domain::LogStatus::kOpen, "reopened", clamp_reason(reason, "reopened"),
                                 actor.person, now);
  });
}

Result<FieldErrors> change_level(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log, int level,
                                 const std::string& reason, const Clock& clock) {
  FieldErrors errors;
  auto r = with_permission(db, trail, actor, log, clock, {Action::kChangeLevel, domain::AccessAction::kChange, {}, &errors},
                           [&](Transaction& tx, TimePoint now) -> Result<void> {
    auto l = store::find_log(tx, log);
    if (!l || !*l) return forbidden();
    if (level < domain::kMinLevel || level > domain::kMaxLevel) errors.push_back({"level", "log.error.level_range"});
    else if (level == (*l)->level) errors.push_back({"level", "log.error.level_same"});
    if (reason.empty() || reason.size() > kMaxReasonLength) errors.push_back({"reason", "log.error.reason"});
    if (!errors.empty()) return {};
    return store::change_level(tx, log, (*l)->level, level, reason, actor.person, now);
  });
  if (!r) return r.error();
  return errors;
}

Result<FieldErrors> add_participant(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                    const AddParticipantInput& in, const Clock& clock) {
  FieldErrors errors;
  auto r = with_permission(
      db, trail, actor, log, clock,
      {Action::kManageParticipants, domain::AccessAction::kChange, {domain::InfoCategory::kBasic, in.unit}, &errors},
      [&](Transaction& tx, TimePoint now) -> Result<void> {
        if (!domain::is_employee_role(in.role)) {
          errors.push_back({"role", "participants.error.role"});
          return {};
        }
        auto employments = store::active_employments(tx, in.person, now);
        if (!employments) return employments.error();
        const bool works_there = std::any_of(employments->begin(), employments->end(),
                                             [&](const auto& e) { return e.unit.id == in.unit; });
        if (!works_there) {
          errors.push_back({"person", "participants.error.not_employed"});
          return {};
        }
        auto existing = store::active_participation(tx, log, in.person);
        if (!existing) return existing.error();
        if (*existing) {
          errors.push_back({"person", "participants.error.already"});
          return {};
        }
        domain::Participant p;
        p.log = log;
        p.person = in.person;
        p.role = in.role;
        p.unit = in.unit;
        p.hidden = in.hidden;
        p.added_at = now;
        auto id = store::insert_participant(tx, p, actor.person);
        if (!id) return id.error();
        return {};
      });
  if (!r) return r.error();
  return errors;
}

Result<void> set_participant_hidden(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                    domain::ParticipantId participant, bool hidden, const Clock& clock) {
  return with_permission(db, trail, actor, log, clock, {Action::kManageParticipants},
                         [&](Transaction& tx, TimePoint) -> Result<void> {
                           auto p = store::find_participant(tx, participant);
                           if (!p) return p.error();
                           if (!*p || (*p)->participant.log != log || !domain::is_employee_role((*p)->participant.role)) {
                             return make_error(Errc::kNotFound, "participant");
                           }
                           return store::set_participant_hidden(tx, participant, hidden);
                         });
}

Result<std::vector<Candidate>> participant_candidates(store::Database& db, const policy::Actor& actor,
                                                      domain::LogId log, const Clock& clock) {
  return store::transact_value<std::vector<Candidate>>(db, TxMode::kRead, [&](Transaction& tx)
                                                           -> Result<std::vector<Candidate>> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kManageParticipants, *facts)) return forbidden();
    auto l = store::find_log(tx, log);
    if (!l || !*l) return forbidden();
    auto choices = consent_unit_choices(tx, (*l)->municipality);
    if (!choices) return choices.error();
    std::vector<store::UnitRow> units;
    for (const auto& u : choices->home) {
      if (facts->consent.covers_unit(u.id, u.service)) units.push_back(u);
    }
    for (const auto& u : choices->elsewhere) {
      if (facts->consent.names_unit(u.id)) units.push_back(u);  // a move: the family named the unit
    }
    std::vector<Candidate> out;
    for (const auto& u : units) {
      auto employees = store::employees_of_unit(tx, u.id, now);
      if (!employees) return employees.error();
      for (const auto& e : *employees) {
        auto already = store::active_participation(tx, log, e.person.id);
        if (!already) return already.error();
        if (*already) continue;
        out.push_back(Candidate{e.person.id, u.id, e.person.full_name(), u.name, e.title});
      }
    }
    return out;
  });
}

Result<ConsentUnitChoices> units_for_log(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                         domain::LogId log, const Clock& clock) {
  domain::AccessRecord access;
  auto shown = store::transact_value<ConsentUnitChoices>(db, TxMode::kRead, [&](Transaction& tx)
                                                             -> Result<ConsentUnitChoices> {
    const TimePoint now = clock.now();
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kGiveConsent, *facts)) return forbidden();
    auto l = store::find_log(tx, log);
    if (!l || !*l) return forbidden();
    access = access_record_for(actor, *facts, log, domain::AccessAction::kView, now);
    return consent_unit_choices(tx, (*l)->municipality);
  });
  if (!shown) return shown;
  if (auto recorded = trail.record(std::move(access)); !recorded) return recorded.error();
  return shown;
}

Result<std::vector<store::UnitRow>> my_units(store::Database& db, const policy::Actor& actor, const Clock& clock) {
  return store::transact_value<std::vector<store::UnitRow>>(db, TxMode::kRead, [&](Transaction& tx)
                                                                -> Result<std::vector<store::UnitRow>> {
    if (!policy::may_attempt(actor, Action::kCreateLog)) return forbidden();
    auto employments = store::active_employments(tx, actor.person, clock.now());
    if (!employments) return employments.error();
    std::vector<store::UnitRow> out;
    for (const auto& e : *employments) out.push_back(e.unit);
    return out;
  });
}

Result<ConsentUnitChoices> units_for_new_log(store::Database& db, const policy::Actor& actor, domain::UnitId unit,
                                             const Clock& clock) {
  return store::transact_value<ConsentUnitChoices>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ConsentUnitChoices> {
    if (!policy::may_attempt(actor, Action::kCreateLog)) return forbidden();
    auto employments = store::active_employments(tx, actor.person, clock.now());
    if (!employments) return employments.error();
    for (const auto& e : *employments) {
      if (e.unit.id == unit) return consent_unit_choices(tx, e.unit.municipality);
    }
    return forbidden();
  });
}

Result<void> remove_participant(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                                domain::ParticipantId participant, const std::string& reason, const Clock& clock) {
  return with_permission(db, trail, actor, log, clock, {Action::kManageParticipants},
                         [&](Transaction& tx, TimePoint now) -> Result<void> {
                           auto p = store::find_participant(tx, participant);
                           if (!p) return p.error();
                           if (!*p || (*p)->participant.log != log) return make_error(Errc::kNotFound, "participant");
                           // The holder cannot be removed (hand over first); families are not removed.
                           auto holder = store::holder_of(tx, log);
                           if (!holder) return holder.error();
                           if ((*holder && **holder == participant) || !domain::is_employee_role((*p)->participant.role)) {
                             return make_error(Errc::kConflict, "this participant cannot be removed");
                           }
                           return store::end_participant(tx, participant, actor.person,
                                                         clamp_reason(reason, "removed"), now);
                         });
}

Result<void> propose_handover(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                              domain::ParticipantId to, const Clock& clock) {
  return db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto target = store::find_participant(tx, to);
    if (!target) return target.error();
    if (!*target || (*target)->participant.log != log || (*target)->participant.ended_at || !(*target)->unit ||
        !domain::is_employee_role((*target)->participant.role)) {
      return forbidden();
    }
    auto facts = load_access_facts(tx, actor, log, now, {domain::InfoCategory::kBasic, (*target)->unit->id});
    if (!facts || !policy::can(actor, Action::kProposeHandover, *facts)) return forbidden();
    auto holder = store::holder_of(tx, log);
    if (!holder || !*holder) return make_error(Errc::kInternal, "log without holder");
    if (**holder == to) return make_error(Errc::kConflict, "already the holder");
    auto id = store::insert_handover(tx, log, **holder, to, actor.person, now);
    if (!id) return id.error();
    return trail.record_in(tx, access_record_for(actor, *facts, log, domain::AccessAction::kChange, now));
  });
}

Result<void> answer_handover(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log, bool accept,
                             const Clock& clock) {
  return with_permission(db, trail, actor, log, clock, {Action::kAnswerHandover},
                         [&](Transaction& tx, TimePoint now) -> Result<void> {
                           auto pending = store::pending_handover(tx, log);
                           if (!pending) return pending.error();
                           if (!*pending) return make_error(Errc::kConflict, "no pending handover");
                           if (!accept) return store::decide_handover(tx, (*pending)->id, "rejected", actor.person, now);
                           if (auto a = store::accept_handover(tx, **pending, actor.person, now); !a) return a.error();
                           auto holder = store::find_participant(tx, (*pending)->to);
                           auto l = store::find_log(tx, log);
                           if (!holder || !*holder || !(*holder)->unit || !l || !*l) {
                             return make_error(Errc::kInternal, "handover target vanished");
                           }
                           auto serves = store::unit_serves(tx, (*holder)->unit->id, (*l)->municipality);
                           if (!serves) return serves.error();
                           if (*serves) return {};
                           return store::move_log(tx, log, (*holder)->unit->municipality, actor.person, now);
                         });
}

}  // namespace stafett::app
