// /api/v1/logs...: the JSON twins of the log pages, through the same use
// cases and so the same policy. State changes need the X-CSRF-Token header
// (or _csrf field) of the session.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

#include "app/content_use_cases.h"
#include "app/log_use_cases.h"
#include "web/pages/pages.h"
#include "web/json_input.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {


namespace json = boost::json;

// What every entry carries of its versions; `history` holds the earlier
// texts, oldest first, with why each was replaced.
void add_versions(json::object& o, const app::Versioned& v) {
  o["version"] = v.version;
  o["corrected"] = v.corrected;
  o["can_correct"] = v.can_correct;
  json::array history;
  for (const auto& h : v.history) {
    json::object item{{"version", h.version}, {"text", h.summary}, {"author", h.author_name}, {"at_ms", to_unix_ms(h.at)}};
    if (h.correction_reason) item["replaced_because"] = *h.correction_reason;
    history.push_back(std::move(item));
  }
  o["history"] = std::move(history);
}

json::value log_json(const app::LogView& v) {
  json::array participants;
  for (const auto& p : v.participants) {
    json::object o{{"id", p.id.value},
                   {"name", p.name},
                   {"role", domain::participant_role_code(p.role)},
                   {"hidden", p.hidden},
                   {"holder", p.is_holder}};
    if (p.unit_name) o["unit"] = *p.unit_name;
    participants.push_back(std::move(o));
  }
  json::array consents;
  for (const auto& c : v.consents) {
    json::array units, services, categories;
    for (auto u : c.consent.scope.units) units.push_back(u.value);
    for (auto s : c.consent.scope.service_types) services.push_back(json::string(domain::service_type_code(s)));
    for (auto cat : domain::kAllInfoCategories) {
      if (c.consent.scope.categories.contains(cat)) categories.push_back(json::string(domain::info_category_code(cat)));
    }
    json::object o{{"id", c.consent.id.value},
                   {"given_by", c.given_by_name},
                   {"given_as", c.consent.given_as == domain::ConsenterRole::kChild ? "child" : "guardian"},
                   {"method", c.consent.method == domain::ConsentMethod::kPaper ? "paper" : "digital"},
                   {"given_at_ms", to_unix_ms(c.consent.given_at)},
                   {"in_force", c.in_force},
                   {"superseded", c.superseded},
                   {"withdrawn", c.consent.withdrawal.has_value()},
                   {"scope", {{"units", units}, {"service_types", services}, {"categories", categories}}}};
    if (c.consent.valid_until) o["valid_until_ms"] = to_unix_ms(*c.consent.valid_until);
    consents.push_back(std::move(o));
  }
  auto measure_json = [](const app::MeasureView& m) {
    json::array evaluations;
    for (const auto& e : m.evaluations) {
      json::object o{{"id", e.id.value},
                     {"date", domain::date_code(e.body.date)},
                     {"observed", e.body.observed},
                     {"outcome", domain::outcome_code(e.body.outcome)}};
      if (e.body.next_evaluation_date) o["next_evaluation_date"] = domain::date_code(*e.body.next_evaluation_date);
      add_versions(o, e);
      evaluations.push_back(std::move(o));
    }
    json::array goal_ids;
    for (auto g : m.goals) goal_ids.push_back(g.value);
    json::object o{{"id", m.id.value},
                   {"title", m.body.title},
                   {"description", m.body.description},
                   {"responsible", m.responsible_name},
                   {"unit", m.unit_name},
                   {"start_date", domain::date_code(m.body.start_date)},
                   {"evaluation_date", domain::date_code(m.body.evaluation_date)},
                   {"status", domain::measure_status_code(m.status)},
                   {"overdue", m.overdue},
                   {"goal_ids", goal_ids},
                   {"evaluations", evaluations}};
    if (m.next_due) o["next_evaluation_due"] = domain::date_code(*m.next_due);
    if (m.body.catalogue) {
      o["catalogue_measure_id"] = m.body.catalogue->value;
      o["catalogue_measure"] = m.catalogue_name;
    }
    add_versions(o, m);
    return o;
  };
  json::array goals;
  json::array measures;
  for (const auto& g : v.content.goals) {
    json::object o{{"id", g.id.value}, {"text", g.body.text}, {"status", domain::goal_status_code(g.body.status)}};
    add_versions(o, g);
    goals.push_back(std::move(o));
  }
  std::vector<std::int64_t> seen;
  for (const auto& g : v.content.goals) {
    for (const auto& m : g.measures) {
      if (std::find(seen.begin(), seen.end(), m.id.value) != seen.end()) continue;
      seen.push_back(m.id.value);
      measures.push_back(measure_json(m));
    }
  }
  for (const auto& m : v.content.measures_without_goal) measures.push_back(measure_json(m));
  json::array notes;
  for (const auto& n : v.content.notes) {
    json::object o{{"id", n.id.value},
                   {"date", domain::date_code(n.body.date)},
                   {"type", domain::note_type_code(n.body.type)},
                   {"category", domain::info_category_code(n.category)},
                   {"text", n.body.text},
                   {"author", n.author_name},
                   {"hidden_from_guardians", n.hidden_from_guardians}};
    if (n.hidden_from_guardians) {
      o["hidden_reason"] = n.hidden_reason;
      o["legal_reference"] = n.legal_reference;
    }
    add_versions(o, n);
    notes.push_back(std::move(o));
  }
  json::array highlights;
  for (const auto& h : v.content.highlights) {
    json::object o{{"id", h.id.value}, {"text", h.text}, {"author", h.author_name}, {"at_ms", to_unix_ms(h.at)}};
    add_versions(o, h);
    highlights.push_back(std::move(o));
  }
  json::array tasks;
  for (const auto& t : v.content.tasks) {
    json::object o{{"id", t.id.value},          {"title", t.body.title},
                   {"assignee", t.assignee_name}, {"due_date", domain::date_code(t.body.due_date)},
                   {"done", t.body.done},         {"overdue", t.overdue}};
    add_versions(o, t);
    tasks.push_back(std::move(o));
  }
  json::array meetings;
  for (const auto& m : v.content.meetings) {
    json::array invited, agenda, decisions;
    for (const auto& n : m.invited_names) invited.push_back(json::value(n));
    for (const auto& a : m.body.agenda) agenda.push_back(json::value(a));
    for (const auto& d : m.decisions) decisions.push_back(json::value(d.text));
    json::object o{{"id", m.id.value},
                   {"starts_at", m.body.starts_at},
                   {"starts_at_ms", to_unix_ms(m.starts)},
                   {"upcoming", m.upcoming},
                   {"place", m.body.place},
                   {"video_link", m.body.video_link},
                   {"invited", invited},
                   {"agenda", agenda},
                   {"minutes", m.body.minutes},
                   {"decisions", decisions}};
    add_versions(o, m);
    meetings.push_back(std::move(o));
  }
  json::object out{{"id", v.log.id.value},
                   {"child", v.child_name},
                   {"tasks", tasks},
                   {"meetings", meetings},
                   {"notes", notes},
                   {"highlights", highlights},
                   {"goals", goals},
                   {"measures", measures},
                   {"overdue_measures", v.content.overdue},
                   {"level", v.log.level},
                   {"status", domain::log_status_code(v.log.status)},
                   {"consent_active", v.consent_active},
                   {"participants", participants},
                   {"consents", consents}};
  // The newest change this reader can see (the timeline holds only those).
  if (!v.content.timeline.empty()) out["last_updated_ms"] = to_unix_ms(v.content.timeline.front().at);
  return out;
}

}  // namespace

http::Response api_my_logs(const RequestContext& ctx) {
  auto logs = app::list_my_logs(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!logs) return failure_response(ctx, logs.error());
  json::array items;
  for (const auto& l : *logs) {
    items.push_back({{"id", l.id.value},
                     {"child", l.child_name},
                     {"level", l.level},
                     {"status", domain::log_status_code(l.status)},
                     {"holder", l.holder_name},
                     {"i_am_holder", l.i_am_holder},
                     {"entries", l.entries},
                     {"overdue_measures", l.overdue_measures},
                     {"my_open_tasks", l.my_open_tasks}});
    if (l.last_updated) items.back().as_object()["last_updated_ms"] = to_unix_ms(*l.last_updated);
  }
  return json_response(200, {{"logs", items}});
}

http::Response api_log(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  return json_response(200, log_json(*view));
}

// GET /api/v1/logs/{id}/timeline?kind=goal: the readable entries, newest
// first; without `kind`, every kind.
http::Response api_timeline(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto kind = entry_kind_query(ctx, "kind");
  if (!kind) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  json::array lines;
  for (const auto& item : app::timeline_of_kind(view->content.timeline, *kind)) {
    lines.push_back({{"entry", item.id.value},
                     {"kind", domain::entry_kind_code(item.kind)},
                     {"summary", item.summary},
                     {"author", item.author_name},
                     {"at_ms", to_unix_ms(item.at)},
                     {"version", item.version},
                     {"tool_record", item.tool_record == 0 ? boost::json::value(nullptr) : boost::json::value(item.tool_record)}});
  }
  return json_response(200, {{"timeline", lines}});
}

http::Response api_consents(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  return json_response(200, {{"consents", log_json(*view).at("consents")}});
}

http::Response api_withdraw_consent(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto consent = id_param(ctx, "consent");
  if (!id || !consent) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::withdraw_consent(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::ConsentId{*consent}, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return json_response(200, {{"withdrawn", *consent}});
}

http::Response api_close_log(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  const std::string reason = body ? json_string(*body, "reason").value_or("") : "";
  auto r = app::close_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, reason, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return json_response(200, {{"closed", *id}});
}

boost::json::value log_view_json(const app::LogView& view) { return log_json(view); }

}  // namespace stafett::web::pages
