#include "app/arenas.h"

#include <algorithm>
#include <cstdio>

#include "app/content_use_cases.h"
#include "app/entry_writing.h"
#include "core/oslo_time.h"
#include "core/utf8.h"
#include "domain/entry.h"
#include "domain/id_number_scan.h"
#include "domain/model_change.h"
#include "domain/model_text.h"
#include "policy/policy.h"
#include "store/arena_repository.h"
#include "store/log_repository.h"
#include "store/model_history_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

Error not_found() { return make_error(Errc::kNotFound, "arena"); }

bool visible(const domain::Arena& a, const ModelRights& rights) { return rights.read_internal || a.is_public; }

// use_arena, as the policy decides it.
Result<bool> is_member(Transaction& tx, const policy::Actor& actor, const domain::Arena& a, TimePoint now) {
  if (!policy::may_attempt(actor, policy::Action::kUseArena)) return false;
  policy::AccessFacts f;
  auto works = store::works_in_arena(tx, a.id, actor.person, now);
  auto coordinator = store::has_municipal_role(tx, actor.person, a.municipality, "bti_coordinator", now);
  if (!works) return works.error();
  if (!coordinator) return coordinator.error();
  f.actor_in_arena_unit = *works;
  f.actor_is_bti_coordinator = *coordinator;
  return static_cast<bool>(policy::can(actor, policy::Action::kUseArena, f));
}

Result<ArenaEntry> entry_of(Transaction& tx, const policy::Actor& actor, const ModelRights& rights, domain::Arena a,
                            TimePoint now, bool with_meetings) {
  auto member = is_member(tx, actor, a, now);
  if (!member) return member.error();
  auto cases = store::arena_case_count(tx, a.id, now - std::chrono::hours(24 * 365));
  if (!cases) return cases.error();
  ArenaEntry e{std::move(a), rights.edit, *member, domain::shown_count(*cases), {}};
  if (with_meetings && e.member) {
    auto meetings = store::meetings_of(tx, e.arena.id);
    if (!meetings) return meetings.error();
    e.meetings = std::move(*meetings);
  }
  return e;
}

// The arena of the municipality the actor may see, with the actor's standing.
Result<ArenaEntry> find_entry(Transaction& tx, const policy::Actor& actor, const std::string& kommunenummer,
                              std::int64_t arena, TimePoint now, bool with_meetings) {
  auto rights = model_rights(tx, actor, kommunenummer, now);
  if (!rights) return rights.error();
  auto found = store::find_arena(tx, arena);
  if (!found) return found.error();
  if (!*found || (*found)->municipality.value != rights->municipality.id.value || !visible(**found, *rights)) {
    return not_found();
  }
  return entry_of(tx, actor, *rights, std::move(**found), now, with_meetings);
}

// The arena for a member's act; kForbidden for anyone else.
Result<ArenaEntry> member_entry(Transaction& tx, const policy::Actor& actor, const std::string& kommunenummer,
                                std::int64_t arena, TimePoint now) {
  auto e = find_entry(tx, actor, kommunenummer, arena, now, false);
  if (!e) return e.error();
  if (!e->member) return make_error(Errc::kForbidden, "not a member of the arena");
  return e;
}

// A meeting of an arena the actor is a member of, with its cases.
Result<ArenaMeetingView> member_meeting(Transaction& tx, const policy::Actor& actor, const std::string& kommunenummer,
                                        std::int64_t arena, std::int64_t meeting, TimePoint now) {
  auto e = member_entry(tx, actor, kommunenummer, arena, now);
  if (!e) return e.error();
  auto m = store::find_arena_meeting(tx, arena, meeting);
  if (!m) return m.error();
  if (!*m) return make_error(Errc::kNotFound, "meeting");
  return ArenaMeetingView{std::move(*e), std::move(**m)};
}

Result<domain::ArenaCheck> check(Transaction& tx, const ArenaForm& form, domain::MunicipalityId municipality) {
  auto checked = domain::check_arena(form.input);
  auto serving = name_serving_units(tx, municipality, checked.arena.members);
  if (!serving) return serving.error();
  if (!*serving) checked.problems.push_back({"fixed_units", "model.error.provider"});
  if (auto p = domain::model_line_problem(form.summary, 500, false)) checked.problems.push_back({"summary", *p});
  checked.arena.municipality = municipality;
  return checked;
}

Result<void> record(Transaction& tx, const domain::Arena& a, const std::string& summary, const policy::Actor& actor,
                    TimePoint now) {
  auto v = store::append_model_change(tx, a.municipality, domain::ModelKind::kArena, a.id, domain::arena_snapshot(a),
                                      summary, actor.person, now);
  if (!v) return v.error();
  return {};
}

// "2026-12-05T14:30" in Oslo time, as a log's meeting entry takes it.
std::string local_minute(TimePoint t) {
  const auto local = t + oslo_offset(t);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::minutes>(local - day)};
  char out[24];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()));
  return out;
}

}  // namespace

Result<ArenaList> arena_list(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                             const Clock& clock) {
  return store::transact_value<ArenaList>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ArenaList> {
    const TimePoint now = clock.now();
    auto rights = model_rights(tx, actor, kommunenummer, now);
    if (!rights) return rights.error();
    auto all = store::arenas_of(tx, rights->municipality.id);
    if (!all) return all.error();
    ArenaList out{*rights, {}};
    for (auto& a : *all) {
      if (!visible(a, *rights)) continue;
      auto e = entry_of(tx, actor, *rights, std::move(a), now, false);
      if (!e) return e.error();
      out.arenas.push_back(std::move(*e));
    }
    return out;
  });
}

Result<ArenaEntry> arena_entry(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                               std::int64_t arena, const Clock& clock) {
  return store::transact_value<ArenaEntry>(db, TxMode::kRead, [&](Transaction& tx) {
    return find_entry(tx, actor, kommunenummer, arena, clock.now(), true);
  });
}

// A new arena (`existing` empty) or a new version of one of the municipality's.
Result<ArenaSaved> write_arena(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                               std::optional<std::int64_t> existing, const ArenaForm& form, const Clock& clock) {
  ArenaSaved out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto m = model_editor(tx, actor, kommunenummer, now);
    if (!m) return m.error();
    if (existing) {
      auto found = store::find_arena(tx, *existing);
      if (!found) return found.error();
      if (!*found || (*found)->municipality.value != m->id.value) return not_found();
    }
    auto checked = check(tx, form, m->id);
    if (!checked) return checked.error();
    out.errors = checked->problems;
    if (!out.errors.empty()) return {};
    if (existing) {
      checked->arena.id = *existing;
      if (auto u = store::update_arena(tx, checked->arena); !u) return u;
    } else {
      auto id = store::insert_arena(tx, checked->arena, now);
      if (!id) return id.error();
      checked->arena.id = *id;
    }
    out.id = checked->arena.id;
    return record(tx, checked->arena, form.summary, actor, now);
  });
  if (!r) return r.error();
  return out;
}

Result<ArenaSaved> add_arena(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                             const ArenaForm& form, const Clock& clock) {
  return write_arena(db, actor, kommunenummer, std::nullopt, form, clock);
}

Result<ArenaSaved> save_arena(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                              std::int64_t arena, const ArenaForm& form, const Clock& clock) {
  return write_arena(db, actor, kommunenummer, arena, form, clock);
}

Result<ArenaMeetingView> arena_meeting(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                  std::int64_t arena, std::int64_t meeting, const Clock& clock) {
  return store::transact_value<ArenaMeetingView>(db, TxMode::kRead, [&](Transaction& tx) -> Result<ArenaMeetingView> {
    return member_meeting(tx, actor, kommunenummer, arena, meeting, clock.now());
  });
}

Result<Created> schedule_meeting(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                 std::int64_t arena, const std::string& starts_at, const std::string& place,
                                 const Clock& clock) {
  Created out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto e = member_entry(tx, actor, kommunenummer, arena, now);
    if (!e) return e.error();
    domain::MeetingBody probe;
    probe.starts_at = starts_at;
    const auto start = domain::meeting_start(probe);
    if (!start) out.errors.push_back({"starts_at", "meeting.error.starts_at"});
    if (auto p = domain::model_line_problem(place, 300, false)) out.errors.push_back({"place", *p});
    if (!out.errors.empty()) return {};
    auto id = store::insert_arena_meeting(tx, arena, *start, place, actor.person, now);
    if (!id) return id.error();
    out.id = *id;
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<Created> bring_case(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                           const std::string& kommunenummer, std::int64_t arena, std::int64_t meeting,
                           const CaseInput& in, const Clock& clock) {
  Created out;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto v = member_meeting(tx, actor, kommunenummer, arena, meeting, now);
    if (!v) return v.error();
    domain::ArenaCase c;
    c.meeting = meeting;
    c.brought_by = actor.person;
    c.description = in.description;
    if (auto p = domain::case_description_problem(in.description)) out.errors.push_back({"description", *p});
    std::optional<policy::AccessFacts> facts;
    if (in.kind == "anonymous") {
      if (!v->arena.arena.anonymous_cases) out.errors.push_back({"kind", "arena.error.no_anonymous"});
      if (!domain::is_age_band(in.age_band)) out.errors.push_back({"age_band", "arena.error.age_band"});
      c.anonymous = true;
      c.age_band = in.age_band;
    } else if (in.kind == "log") {
      c.anonymous = false;
      if (!v->arena.arena.log_cases) out.errors.push_back({"kind", "arena.error.no_log_cases"});
      const auto id = domain::id_from_text(in.log);
      std::optional<store::LogRow> log;
      if (id) {
        auto found = store::find_log(tx, domain::LogId{*id});
        if (!found) return found.error();
        log = *found;
      }
      // The log must be this municipality's, and the consent must let the
      // bringer write meeting entries in it: never a log without consent.
      if (log && log->municipality.value == v->arena.arena.municipality.value) {
        auto allowed = writing::facts_for(tx, actor, log->id, policy::Action::kWriteEntry, now, nullptr,
                                          domain::EntryKind::kMeeting, domain::InfoCategory::kMeetings);
        if (allowed) facts = *allowed;
      }
      if (!facts) {
        out.errors.push_back({"log", "arena.error.log"});
      } else {
        c.log = log->id;
      }
    } else {
      out.errors.push_back({"kind", "arena.error.kind"});
    }
    if (!out.errors.empty()) return {};
    auto id = store::insert_arena_case(tx, c, now);
    if (!id) return id.error();
    out.id = *id;
    // Bringing a log's case to an arena tells its members about the child:
    // the family sees it in the log's access chain.
    if (c.log) return trail.record_in(tx, access_record_for(actor, *facts, *c.log, domain::AccessAction::kChange, now));
    return {};
  });
  if (!r) return r.error();
  return out;
}

Result<FieldErrors> save_minutes(store::Database& db, const policy::Actor& actor, const std::string& kommunenummer,
                                 std::int64_t arena, std::int64_t meeting, const std::string& minutes,
                                 const Clock& clock) {
  FieldErrors errors;
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto v = member_meeting(tx, actor, kommunenummer, arena, meeting, now);
    if (!v) return v.error();
    if (auto p = domain::model_markdown_problem(minutes, 20000)) errors.push_back({"minutes", *p});
    else if (domain::contains_national_id(minutes)) errors.push_back({"minutes", "model.error.national_id"});
    if (!errors.empty()) return {};
    return store::save_arena_minutes(tx, meeting, minutes, actor.person, now);
  });
  if (!r) return r.error();
  return errors;
}

Result<FieldErrors> decide_case(store::Database& db, AccessTrail& trail, const policy::Actor& actor,
                                const std::string& kommunenummer, std::int64_t arena, std::int64_t meeting,
                                std::int64_t case_id, const std::string& decision, bool into_log, const Clock& clock) {
  FieldErrors errors;
  // First the checks and what the log's meeting entry needs.
  std::optional<domain::ArenaCase> found_case;
  std::string arena_name;
  TimePoint starts_at{};
  std::optional<domain::ParticipantId> own_participant;
  auto read = db.transact(TxMode::kRead, [&](Transaction& tx) -> Result<void> {
    const TimePoint now = clock.now();
    auto v = member_meeting(tx, actor, kommunenummer, arena, meeting, now);
    if (!v) return v.error();
    for (const auto& c : v->meeting.cases) {
      if (c.id == case_id) found_case = c;
    }
    if (!found_case) return make_error(Errc::kNotFound, "case");
    arena_name = v->arena.arena.name;
    starts_at = v->meeting.starts_at;
    if (found_case->log) {
      auto participants = store::participants_of(tx, *found_case->log);
      if (!participants) return participants.error();
      for (const auto& p : *participants) {
        if (!p.participant.ended_at && p.participant.person == actor.person) own_participant = p.participant.id;
      }
    }
    return {};
  });
  if (!read) return read.error();
  if (found_case->decision) return FieldErrors{{"decision", "arena.error.decided"}};
  if (auto p = domain::case_description_problem(decision)) errors.push_back({"decision", *p});
  if (into_log && !found_case->log) errors.push_back({"into_log", "arena.error.not_a_log_case"});
  if (into_log) {
    // A log's meeting entry keeps at most 20 decisions of one line each.
    const auto lines = writing::lines_of(decision);
    if (lines.size() > domain::kMaxDecisions ||
        std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.size() > domain::kMaxShortText; })) {
      errors.push_back({"decision", "arena.error.decision_lines"});
    }
  }
  if (!errors.empty()) return errors;

  std::optional<domain::EntryId> entry;
  if (into_log) {
    // The decision goes into the log as a meeting entry, by the rules of any
    // entry: a participant writing meetings under the family's consent.
    if (!own_participant) return FieldErrors{{"into_log", "arena.error.log"}};
    MeetingInput meeting_in;
    meeting_in.starts_at = local_minute(starts_at);
    meeting_in.place = arena_name;
    meeting_in.invited = {std::to_string(own_participant->value)};
    meeting_in.agenda = first_words(found_case->description, domain::kMaxShortText - 10);
    meeting_in.decisions = decision;
    auto written = add_meeting(db, trail, actor, *found_case->log, meeting_in, clock);
    if (!written) {
      if (written.error().code == Errc::kForbidden) return FieldErrors{{"into_log", "arena.error.log"}};
      return written.error();
    }
    if (!written->errors.empty()) return FieldErrors{{"into_log", "arena.error.into_log"}};
    entry = written->entry;
  }
  auto r = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    return store::decide_arena_case(tx, case_id, decision, entry, actor.person, clock.now());
  });
  if (!r) return r.error();
  return errors;
}

}  // namespace stafett::app
