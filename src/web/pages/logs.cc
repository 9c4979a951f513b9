// The stafettlogg pages: "Mine stafettlogger", one log, and the state
// changes on it (withdraw one's own consent, close, reopen). Every call goes
// through an app:: use case, which asks the policy.
#include "app/break_glass.h"
#include "app/content_use_cases.h"
#include "app/log_use_cases.h"
#include "policy/policy.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;

mustache::data consent_data(const RequestContext& ctx, const app::ConsentView& c, domain::LogId log) {
  mustache::data d(mustache::data::type::object);
  d.set("id", std::to_string(c.consent.id.value));
  d.set("given_by", c.given_by_name);
  d.set("given_as", text(ctx, c.consent.given_as == domain::ConsenterRole::kChild ? "consent.as_child" : "consent.as_guardian"));
  d.set("method", text(ctx, c.consent.method == domain::ConsentMethod::kPaper ? "consent.paper" : "consent.digital"));
  if (c.attested_by_name) d.set("attested_by", *c.attested_by_name);
  d.set("given_at", format_time(c.consent.given_at));
  if (c.consent.valid_until) d.set("valid_until", format_last_day(*c.consent.valid_until));
  mustache::data scope(mustache::data::type::list);
  for (const auto& u : c.unit_names) scope.push_back(mustache::data(u));
  for (auto s : c.consent.scope.service_types) {
    scope.push_back(mustache::data(text(ctx, "service_type." + std::string(domain::service_type_code(s)))));
  }
  set_moved(d, "scope", std::move(scope));
  mustache::data categories(mustache::data::type::list);
  for (auto cat : domain::kAllInfoCategories) {
    if (c.consent.scope.categories.contains(cat)) {
      categories.push_back(mustache::data(text(ctx, "category." + std::string(domain::info_category_code(cat)))));
    }
  }
  set_moved(d, "categories", std::move(categories));
  std::string state = "consent.state.in_force";
  if (c.consent.withdrawal) {
    state = "consent.state.withdrawn";
    d.set("withdrawn_at", format_time(c.consent.withdrawal->at));
  } else if (c.superseded) {
    state = "consent.state.superseded";
  } else if (!c.in_force) {
    state = "consent.state.expired";
  }
  d.set("state", text(ctx, state));
  d.set("in_force", flag(c.in_force));
  d.set("can_withdraw", flag(c.in_force && c.mine));
  d.set("withdraw_action", log_url(log) + "/samtykker/" + std::to_string(c.consent.id.value) + "/trekk-tilbake");
  return d;
}

// The earlier versions of an entry, each with why it was replaced. Reasons
// the system wrote itself ("@task_done") are shown from the catalog.
mustache::data history_data(const RequestContext& ctx, const std::vector<app::VersionView>& history) {
  mustache::data list(mustache::data::type::list);
  for (const auto& h : history) {
    mustache::data item(mustache::data::type::object);
    item.set("summary", h.summary);
    item.set("at", format_time(h.at));
    item.set("author", h.author_name);
    if (h.correction_reason) {
      const auto& r = *h.correction_reason;
      item.set("reason", !r.empty() && r[0] == '@' ? text(ctx, "entry.reason." + r.substr(1)) : r);
    }
    push_moved(list, std::move(item));
  }
  return list;
}

// What every entry shows of its versions: the "corrected" tag, the earlier
// versions and, for those who may, the link to correct it. Every key is set
// on every item so that a nested entry never shows its parent's values.
void set_versions(const RequestContext& ctx, mustache::data& d, const app::Versioned& v, domain::LogId log,
                  domain::EntryId entry) {
  d.set("version", std::to_string(v.version));
  d.set("corrected", flag(v.corrected));
  set_moved(d, "history", history_data(ctx, v.history));
  d.set("has_history", flag(!v.history.empty()));
  d.set("can_correct", flag(v.can_correct));
  d.set("correct_url", log_url(log) + "/innslag/" + std::to_string(entry.value) + "/rett");
}

mustache::data measure_data(const RequestContext& ctx, const app::MeasureView& m, domain::LogId log) {
  mustache::data d(mustache::data::type::object);
  d.set("id", std::to_string(m.id.value));
  d.set("title", m.body.title);
  if (!m.body.description.empty()) d.set("description", m.body.description);
  d.set("responsible", m.responsible_name);
  d.set("unit", m.unit_name);
  if (!m.catalogue_name.empty()) d.set("catalogue_name", m.catalogue_name);
  d.set("start_date", format_date(m.body.start_date));
  if (m.next_due) {
    d.set("next_due", format_date(*m.next_due));
  }
  d.set("overdue", flag(m.overdue));
  d.set("status", text(ctx, "measure.status." + std::string(domain::measure_status_code(m.status))));
  if (!m.body.status_reason.empty()) d.set("status_reason", m.body.status_reason);
  set_versions(ctx, d, m, log, m.id);
  mustache::data evaluations(mustache::data::type::list);
  for (const auto& e : m.evaluations) {
    mustache::data item(mustache::data::type::object);
    item.set("date", format_date(e.body.date));
    item.set("observed", e.body.observed);
    item.set("outcome", text(ctx, "evaluation.outcome." + std::string(domain::outcome_code(e.body.outcome))));
    item.set("author", e.author_name);
    set_versions(ctx, item, e, log, e.id);
    push_moved(evaluations, std::move(item));
  }
  set_moved(d, "evaluations", std::move(evaluations));
  d.set("has_evaluations", flag(!m.evaluations.empty()));
  d.set("evaluate_url", log_url(log) + "/tiltak/" + std::to_string(m.id.value) + "/evaluering");
  d.set("correct_url", log_url(log) + "/tiltak/" + std::to_string(m.id.value) + "/rett");  // its own form
  return d;
}

mustache::data log_data(const RequestContext& ctx, const app::LogView& v) {
  mustache::data d(mustache::data::type::object);
  d.set("title", v.child_name);
  d.set("id", std::to_string(v.log.id.value));
  d.set("url", log_url(v.log.id));
  d.set("child_name", v.child_name);
  d.set("child_age", std::to_string(v.child_age));
  d.set("level", std::to_string(v.log.level));
  d.set("open", flag(v.log.status == domain::LogStatus::kOpen));
  d.set("status", text(ctx, "status." + std::string(domain::log_status_code(v.log.status))));
  d.set("opened_at", format_date(v.log.opened_at));
  // The newest change this reader can see (the timeline holds only those).
  if (!v.content.timeline.empty()) d.set("last_updated", format_time(v.content.timeline.front().at));
  d.set("consent_active", flag(v.consent_active));
  if (v.break_glass) {
    mustache::data glass(mustache::data::type::object);
    glass.set("until", format_time(v.break_glass->expires));
    glass.set("reason",
              text(ctx, "break_glass.reason." + std::string(domain::break_glass_reason_code(v.break_glass->reason))));
    d.set("break_glass", glass);
  }
  mustache::data participants(mustache::data::type::list);
  for (const auto& p : v.participants) {
    mustache::data item(mustache::data::type::object);
    item.set("name", p.name);
    item.set("role", text(ctx, "role." + std::string(domain::participant_role_code(p.role))));
    if (p.unit_name) item.set("unit", *p.unit_name);
    item.set("hidden", flag(p.hidden));
    item.set("holder", flag(p.is_holder));
    item.set("me", flag(p.is_me));
    push_moved(participants, std::move(item));
    if (p.is_holder) {
      d.set("holder_name", p.name);
      if (p.unit_name) d.set("holder_unit", *p.unit_name);
    }
  }
  set_moved(d, "participants", std::move(participants));
  mustache::data consents(mustache::data::type::list);
  for (const auto& c : v.consents) push_moved(consents, consent_data(ctx, c, v.log.id));
  set_moved(d, "consents", std::move(consents));
  mustache::data events(mustache::data::type::list);
  for (const auto& e : v.events) {
    mustache::data item(mustache::data::type::object);
    item.set("what", text(ctx, "log.event." + e.kind));
    std::string detail;
    if (e.kind == "level_changed" && e.from_level && e.to_level) {
      detail = std::to_string(*e.from_level) + " → " + std::to_string(*e.to_level) + ". ";
    }
    if (e.kind != "opened") detail += e.reason;
    if (!detail.empty()) item.set("detail", detail);
    item.set("at", format_time(e.at));
    push_moved(events, std::move(item));
  }
  set_moved(d, "events", std::move(events));
  if (v.pending_handover) {
    mustache::data h(mustache::data::type::object);
    h.set("from", v.pending_handover->from_name);
    h.set("to", v.pending_handover->to_name);
    h.set("to_me", flag(v.pending_handover->to_me));
    set_moved(d, "handover", std::move(h));
  }
  const auto& content = v.content;
  mustache::data goals(mustache::data::type::list);
  for (const auto& g : content.goals) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(g.id.value));
    item.set("text", g.body.text);
    set_versions(ctx, item, g, v.log.id, g.id);
    item.set("correct_action", log_url(v.log.id) + "/mal/" + std::to_string(g.id.value) + "/rett");
    mustache::data measures(mustache::data::type::list);
    for (const auto& m : g.measures) push_moved(measures, measure_data(ctx, m, v.log.id));
    set_moved(item, "measures", std::move(measures));
    item.set("has_measures", flag(!g.measures.empty()));
    push_moved(goals, std::move(item));
  }
  set_moved(d, "goals", std::move(goals));
  d.set("has_goals", flag(!content.goals.empty()));
  mustache::data loose(mustache::data::type::list);
  for (const auto& m : content.measures_without_goal) push_moved(loose, measure_data(ctx, m, v.log.id));
  set_moved(d, "measures_without_goal", std::move(loose));
  d.set("has_measures_without_goal", flag(!content.measures_without_goal.empty()));
  d.set("overdue_count", std::to_string(content.overdue));
  d.set("has_overdue", flag(content.overdue > 0));
  d.set("can_write", flag(content.can_write));
  d.set("goal_action", log_url(v.log.id) + "/mal");
  d.set("new_measure_url", log_url(v.log.id) + "/tiltak/ny");
  mustache::data highlights(mustache::data::type::list);
  for (const auto& h : content.highlights) {
    mustache::data item(mustache::data::type::object);
    item.set("text", h.text);
    item.set("author", h.author_name);
    item.set("at", format_time(h.at));
    set_versions(ctx, item, h, v.log.id, h.id);
    push_moved(highlights, std::move(item));
  }
  mustache::data tasks(mustache::data::type::list);
  for (const auto& t : content.tasks) {
    mustache::data item(mustache::data::type::object);
    item.set("title", t.body.title);
    item.set("assignee", t.assignee_name);
    item.set("due", format_date(t.body.due_date));
    item.set("done", flag(t.body.done));
    item.set("overdue", flag(t.overdue));
    set_versions(ctx, item, t, v.log.id, t.id);
    item.set("done_action", log_url(v.log.id) + "/oppgaver/" + std::to_string(t.id.value) + "/utfort");
    item.set("toggle_value", t.body.done ? "0" : "1");
    item.set("toggle_label", text(ctx, t.body.done ? "task.reopen" : "task.mark_done"));
    item.set("can_toggle", flag(t.mine || content.can_write_tasks));
    push_moved(tasks, std::move(item));
  }
  mustache::data meetings(mustache::data::type::list);
  for (const auto& m : content.meetings) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(m.id.value));
    set_versions(ctx, item, m, v.log.id, m.id);
    item.set("starts", format_time(m.starts));
    item.set("upcoming", flag(m.upcoming));
    if (!m.body.place.empty()) item.set("place", m.body.place);
    if (!m.body.video_link.empty()) item.set("video_link", m.body.video_link);
    std::string invited;
    for (const auto& n : m.invited_names) invited += (invited.empty() ? "" : ", ") + n;
    item.set("invited", invited);
    mustache::data agenda(mustache::data::type::list);
    for (const auto& a : m.body.agenda) agenda.push_back(mustache::data(a));
    set_moved(item, "agenda", std::move(agenda));
    item.set("has_agenda", flag(!m.body.agenda.empty()));
    if (!m.body.minutes.empty()) item.set("minutes", m.body.minutes);
    mustache::data decisions(mustache::data::type::list);
    for (std::size_t i = 0; i < m.decisions.size(); ++i) {
      mustache::data dd(mustache::data::type::object);
      dd.set("index", std::to_string(i));
      dd.set("text", m.decisions[i].text);
      std::string made;
      for (const auto& t : m.decisions[i].tasks) made += (made.empty() ? "" : "; ") + t;
      if (!made.empty()) dd.set("tasks", made);
      dd.set("task_action", log_url(v.log.id) + "/moter/" + std::to_string(m.id.value) + "/oppgave");
      dd.set("measure_url", log_url(v.log.id) + "/tiltak/ny?mote=" + std::to_string(m.id.value) +
                                "&vedtak=" + std::to_string(i));
      push_moved(decisions, std::move(dd));
    }
    set_moved(item, "decisions", std::move(decisions));
    item.set("has_decisions", flag(!m.decisions.empty()));
    std::string measures_made;
    for (const auto& t : m.measures_made) measures_made += (measures_made.empty() ? "" : "; ") + t;
    if (!measures_made.empty()) item.set("measures_made", measures_made);
    item.set("minutes_action", log_url(v.log.id) + "/moter/" + std::to_string(m.id.value) + "/referat");
    push_moved(meetings, std::move(item));
  }
  set_moved(d, "meetings", std::move(meetings));
  d.set("has_meetings", flag(!content.meetings.empty()));
  d.set("can_write_meetings", flag(content.can_write_meetings));
  d.set("meeting_action", log_url(v.log.id) + "/moter");
  set_moved(d, "tasks", std::move(tasks));
  d.set("has_tasks", flag(!content.tasks.empty()));
  d.set("can_write_tasks", flag(content.can_write_tasks));
  d.set("task_action", log_url(v.log.id) + "/oppgaver");
  mustache::data assignees(mustache::data::type::list);
  for (const auto& p : v.participants) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(p.id.value));
    item.set("name", p.name + (p.unit_name ? ", " + *p.unit_name : ""));
    push_moved(assignees, std::move(item));
  }
  set_moved(d, "assignees", std::move(assignees));
  set_moved(d, "highlights", std::move(highlights));
  d.set("has_highlights", flag(!content.highlights.empty()));
  d.set("can_write_highlights", flag(content.can_write_highlights));
  d.set("highlight_action", log_url(v.log.id) + "/lysglimt");
  mustache::data notes(mustache::data::type::list);
  for (const auto& n : content.notes) {
    mustache::data item(mustache::data::type::object);
    item.set("date", format_date(n.body.date));
    item.set("type", text(ctx, "note.type." + std::string(domain::note_type_code(n.body.type))));
    item.set("text", n.body.text);
    item.set("author", n.author_name);
    if (!n.author_unit.empty()) item.set("unit", n.author_unit);
    item.set("health", flag(n.category == domain::InfoCategory::kHealth));
    item.set("hidden", flag(n.hidden_from_guardians));
    if (n.hidden_from_guardians) {
      item.set("hidden_reason", n.hidden_reason);
      item.set("legal_reference", n.legal_reference);
    }
    set_versions(ctx, item, n, v.log.id, n.id);
    push_moved(notes, std::move(item));
  }
  set_moved(d, "notes", std::move(notes));
  d.set("has_notes", flag(!content.notes.empty()));
  d.set("can_write_notes", flag(content.can_write_notes));
  d.set("can_hide_notes", flag(content.can_hide_notes));
  d.set("note_action", log_url(v.log.id) + "/notater");
  d.set("today", domain::date_code(oslo_date(ctx.app.clock.now())));
  d.set("can_configure", flag(content.can_configure));
  d.set("note_rules_action", log_url(v.log.id) + "/notatregler");
  d.set("notes_by_all", flag(content.notes_by_all_contributors));
  d.set("guardians_write_notes", flag(content.guardians_may_write_notes));
  d.set("can_manage", flag(v.can.manage_participants));
  d.set("can_give_consent", flag(v.can.give_consent));
  d.set("can_record_paper_consent", flag(v.can.record_paper_consent));
  d.set("can_close", flag(v.can.close));
  d.set("can_change_level", flag(v.can.change_level));
  d.set("level_action", log_url(v.log.id) + "/niva");
  mustache::data levels(mustache::data::type::list);
  for (int l = domain::kMinLevel; l <= domain::kMaxLevel; ++l) {
    mustache::data item(mustache::data::type::object);
    item.set("value", std::to_string(l));
    item.set("selected", flag(l == v.log.level));
    push_moved(levels, std::move(item));
  }
  set_moved(d, "levels", std::move(levels));
  // Who has seen the log: the family's page. A citizen who reads the log is
  // its family (guardian, or the child from the view age), so the role-level
  // gate is the whole question here; the page itself asks can() again.
  d.set("can_view_accesses", flag(policy::may_attempt(ctx.actor, policy::Action::kViewAccessRecords)));
  d.set("can_copy", flag(policy::may_attempt(ctx.actor, policy::Action::kExportFamilyCopy)));
  d.set("can_reopen", flag(v.can.reopen));
  d.set("close_action", log_url(v.log.id) + "/lukk");
  d.set("reopen_action", log_url(v.log.id) + "/gjenapne");
  return d;
}

// After a form POST: back to the log page (Post/Redirect/Get).
http::Response back_to_log(domain::LogId id) { return http::Response::redirect(log_url(id)); }

}  // namespace

http::Response my_logs(const RequestContext& ctx) {
  auto logs = app::list_my_logs(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!logs) return failure_response(ctx, logs.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "logs.title"));
  mustache::data items(mustache::data::type::list);
  for (const auto& l : *logs) {
    mustache::data item(mustache::data::type::object);
    item.set("url", log_url(l.id));
    item.set("child_name", l.child_name);
    item.set("level", std::to_string(l.level));
    item.set("status", text(ctx, "status." + std::string(domain::log_status_code(l.status))));
    item.set("holder", l.holder_name);
    item.set("holder_unit", l.holder_unit);
    item.set("i_am_holder", flag(l.i_am_holder));
    item.set("awaiting_consent", flag(l.awaiting_consent));
    if (l.last_updated) item.set("last_updated", format_time(*l.last_updated));
    if (l.overdue_measures > 0) item.set("overdue_measures", std::to_string(l.overdue_measures));
    if (l.my_open_tasks > 0) item.set("my_open_tasks", std::to_string(l.my_open_tasks));
    push_moved(items, std::move(item));
  }
  page.set("has_logs", flag(!logs->empty()));
  set_moved(page, "logs", std::move(items));
  page.set("break_glass_find", flag(app::may_find_for_break_glass(ctx.app.db, ctx.actor, ctx.app.clock)));
  // The privacy officer's way to their tasks, with what waits for them.
  if (auto waiting = app::break_glass_waiting(ctx.app.db, ctx.actor, ctx.app.clock)) {
    mustache::data privacy(mustache::data::type::object);
    privacy.set("waiting", std::to_string(*waiting));
    privacy.set("any_waiting", flag(*waiting > 0));
    page.set("privacy", privacy);
  }
  return page_response(ctx, 200, "logs", page);
}

namespace {

constexpr domain::EntryKind kTimelineKinds[] = {
    domain::EntryKind::kGoal, domain::EntryKind::kMeasure, domain::EntryKind::kEvaluation, domain::EntryKind::kMeeting,
    domain::EntryKind::kTask, domain::EntryKind::kNote,    domain::EntryKind::kHighlight};

void add_timeline(const RequestContext& ctx, const app::ContentView& content, std::optional<domain::EntryKind> kind,
                  domain::LogId log, mustache::data& d) {
  mustache::data lines(mustache::data::type::list);
  // Filtered in place: timeline_of_kind would copy the whole timeline first.
  for (const auto& item : content.timeline) {
    if (kind && item.kind != *kind) continue;
    mustache::data line(mustache::data::type::object);
    line.set("kind", text(ctx, "timeline.kind." + std::string(domain::entry_kind_code(item.kind))));
    line.set("summary", item.summary);
    if (item.tool_record != 0) {
      line.set("kind", text(ctx, "timeline.kind.tool_record"));
      line.set("summary", item.tool_title.in(ctx.locale == Locale::kNn ? "nn" : "nb"));
      line.set("href", log_url(log) + "/skjema/" + std::to_string(item.tool_record));
    }
    line.set("author", item.author_name);
    line.set("at", format_time(item.at));
    if (item.version > 1) line.set("version", std::to_string(item.version));
    push_moved(lines, std::move(line));
  }
  d.set("has_timeline", flag(!lines.is_empty_list()));
  set_moved(d, "timeline", std::move(lines));
  mustache::data kinds(mustache::data::type::list);
  mustache::data all(mustache::data::type::object);
  all.set("code", "");
  all.set("label", text(ctx, "timeline.all"));
  all.set("selected", flag(!kind));
  push_moved(kinds, std::move(all));
  for (auto k : kTimelineKinds) {
    mustache::data option(mustache::data::type::object);
    option.set("code", std::string(domain::entry_kind_code(k)));
    option.set("label", text(ctx, "timeline.kind." + std::string(domain::entry_kind_code(k))));
    option.set("selected", flag(kind == k));
    push_moved(kinds, std::move(option));
  }
  set_moved(d, "timeline_kinds", std::move(kinds));
}

}  // namespace

http::Response render_log_page(const RequestContext& ctx, std::int64_t id, const app::FieldErrors& errors,
                               int status, std::optional<domain::EntryKind> kind) {
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{id}, ctx.app.clock);
  if (!view) {
    // An employee designated for break-glass is offered it instead of a bare refusal.
    if (view.error().code == Errc::kForbidden) {
      if (auto offer = break_glass_offer(ctx, id)) return std::move(*offer);
    }
    return failure_response(ctx, view.error());
  }
  auto data = log_data(ctx, *view);
  add_timeline(ctx, view->content, kind, view->log.id, data);
  set_errors(ctx, data, errors);
  return page_response(ctx, status, "log", data);
}

// GET /logger/{id}/utskrift: everything the reader may see, without forms,
// stamped with who printed it and when (a printout travels without the log).
http::Response log_print_page(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock,
                            domain::AccessAction::kPrint);
  if (!view) return failure_response(ctx, view.error());
  auto data = log_data(ctx, *view);
  data.set("printed_at", format_time(ctx.app.clock.now()));
  data.set("printed_by", ctx.session ? ctx.session->display_name : std::string());
  return page_response(ctx, 200, "log_print", data);
}

http::Response log_page(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto kind = entry_kind_query(ctx, "vis");
  if (!kind) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  return render_log_page(ctx, *id, {}, 200, *kind);
}

http::Response withdraw_consent(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto consent = id_param(ctx, "consent");
  if (!id || !consent) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::withdraw_consent(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::ConsentId{*consent}, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return back_to_log(domain::LogId{*id});
}

http::Response close_log(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto reason = http::find_field(ctx.form, "reason");
  auto r = app::close_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, std::string(reason.value_or("")), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return back_to_log(domain::LogId{*id});
}

http::Response change_level(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto level = http::find_field(ctx.form, "level").value_or("");
  const auto reason = http::find_field(ctx.form, "reason").value_or("");
  const int value = level.size() == 1 && level[0] >= '0' && level[0] <= '9' ? level[0] - '0' : -1;
  auto r = app::change_level(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, value, std::string(reason), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  return back_to_log(domain::LogId{*id});
}

http::Response reopen_log(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto reason = http::find_field(ctx.form, "reason");
  auto r = app::reopen_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, std::string(reason.value_or("")), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return back_to_log(domain::LogId{*id});
}

kainjow::mustache::data log_document_data(const RequestContext& ctx, const app::LogView& view) {
  return log_data(ctx, view);
}

}  // namespace stafett::web::pages
