// Goals, measures and evaluations of a log: the forms that add and correct
// them, and their JSON twins. The log page (logs.cc) shows them.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/content_use_cases.h"
#include "app/corrections.h"
#include "http/query.h"
#include "web/form_input.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

std::string field(const http::FormFields& form, std::string_view key) {
  return std::string(http::find_field(form, key).value_or(""));
}

// A meeting decision named by two numbers ("12", "0"); nullopt when both
// are empty. Anything else names no decision (meeting 0), which the use case
// answers with 404, so a mangled form never makes an unlinked measure.
std::optional<app::FromDecision> decision_source(std::string_view meeting, std::string_view decision) {
  if (meeting.empty() && decision.empty()) return std::nullopt;
  auto number = [](std::string_view t) -> std::int64_t {
    if (t.empty() || t.size() > 9) return -1;
    std::int64_t v = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  const auto m = number(meeting);
  const auto d = number(decision);
  return app::FromDecision{domain::EntryId{m > 0 ? m : 0}, d >= 0 ? static_cast<int>(d) : -1};
}

app::MeasureInput measure_input(const http::FormFields& form) {
  app::MeasureInput in;
  in.title = field(form, "title");
  in.description = field(form, "description");
  for (auto g : all_fields(form, "goal")) in.goals.emplace_back(g);
  in.responsible = field(form, "responsible");
  in.unit = field(form, "unit");
  in.start_date = field(form, "start_date");
  in.evaluation_date = field(form, "evaluation_date");
  in.status = field(form, "status");
  in.status_reason = field(form, "status_reason");
  in.from = decision_source(field(form, "from_meeting"), field(form, "from_decision"));
  in.catalogue = field(form, "catalogue");
  return in;
}

// The measure form (new or correction) for the log in `view`, filled from
// `in`. With `title_from_decision`, the title starts as the text of the
// decision `in.from` names (404 when the log has no such decision).
http::Response measure_form_page(const RequestContext& ctx, const app::LogView& view, std::int64_t log,
                                 app::MeasureInput in, std::optional<std::int64_t> correcting, int version,
                                 const app::FieldErrors& errors, int status, bool title_from_decision = false) {
  if (!view.content.can_write) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  if (title_from_decision) {
    bool found = false;
    for (const auto& m : view.content.meetings) {
      if (!in.from || m.id != in.from->meeting || in.from->decision < 0 ||
          in.from->decision >= static_cast<int>(m.decisions.size())) {
        continue;
      }
      in.title = m.decisions[static_cast<std::size_t>(in.from->decision)].text;
      found = true;
    }
    if (!found) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  }
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, correcting ? "measure.correct_title" : "measure.new_title"));
  page.set("heading", text(ctx, correcting ? "measure.correct_title" : "measure.new_title"));
  page.set("log_url", log_url(log));
  page.set("child_name", view.child_name);
  page.set("action", correcting ? log_url(log) + "/tiltak/" + std::to_string(*correcting) + "/rett"
                                : log_url(log) + "/tiltak");
  page.set("correcting", flag(correcting.has_value()));
  if (in.from) {
    page.set("from_meeting", std::to_string(in.from->meeting.value));
    page.set("from_decision", std::to_string(in.from->decision));
  }
  page.set("version", std::to_string(version));
  page.set("reason", field(ctx.form, "reason"));
  for (const char* key : {"title", "description", "start_date", "evaluation_date", "status_reason"}) {
    std::string value = key == std::string("title") ? in.title
                        : key == std::string("description") ? in.description
                        : key == std::string("start_date") ? in.start_date
                        : key == std::string("evaluation_date") ? in.evaluation_date
                                                                : in.status_reason;
    page.set(key, value);
  }
  mustache::data goals(mustache::data::type::list);
  for (const auto& g : view.content.goals) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(g.id.value));
    item.set("text", g.body.text);
    item.set("checked", flag(std::find(in.goals.begin(), in.goals.end(), std::to_string(g.id.value)) != in.goals.end()));
    goals.push_back(item);
  }
  page.set("goals", goals);
  page.set("has_goals", flag(!view.content.goals.empty()));
  mustache::data people(mustache::data::type::list);
  mustache::data units(mustache::data::type::list);
  for (const auto& p : view.participants) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(p.id.value));
    item.set("name", p.name + (p.unit_name ? ", " + *p.unit_name : ""));
    item.set("selected", flag(in.responsible == std::to_string(p.id.value)));
    people.push_back(item);
  }
  auto unit_ids = app::units_taking_part(ctx.app.db, ctx.actor, domain::LogId{log}, ctx.app.clock);
  if (!unit_ids) return failure_response(ctx, unit_ids.error());
  for (const auto& [id, name] : *unit_ids) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(id.value));
    item.set("name", name);
    item.set("selected", flag(in.unit == std::to_string(id.value)));
    units.push_back(item);
  }
  page.set("people", people);
  page.set("units", units);
  mustache::data statuses(mustache::data::type::list);
  for (const char* s : {"planned", "active", "completed", "stopped"}) {
    mustache::data item(mustache::data::type::object);
    item.set("code", s);
    item.set("name", text(ctx, std::string("measure.status.") + s));
    item.set("selected", flag(in.status == s || (in.status.empty() && std::string(s) == "planned")));
    statuses.push_back(item);
  }
  page.set("statuses", statuses);
  // The municipality's measures catalogue: pick one (a GET that refills this
  // form) or write freely. The chosen one travels as a hidden field.
  auto catalogue = app::measure_catalogue(ctx.app.db, ctx.actor, domain::LogId{log}, ctx.app.clock);
  if (!catalogue) return failure_response(ctx, catalogue.error());
  mustache::data offered(mustache::data::type::list);
  for (const auto& c : *catalogue) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(c.id.value));
    item.set("name", c.name);
    if (!c.providers.empty()) item.set("provider", c.providers.front().name);
    item.set("selected", flag(in.catalogue == std::to_string(c.id.value)));
    offered.push_back(item);
    if (in.catalogue == std::to_string(c.id.value)) page.set("catalogue_name", c.name);
  }
  if (!in.catalogue.empty()) page.set("catalogue_id", in.catalogue);
  page.set("catalogue", offered);
  page.set("has_catalogue", flag(!correcting && !catalogue->empty()));
  page.set("new_url", log_url(log) + "/tiltak/ny");
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "measure_form", page);
}

// The same, reading the log first: show_log records the request's one access.
http::Response measure_form_page(const RequestContext& ctx, std::int64_t log, app::MeasureInput in,
                                 std::optional<std::int64_t> correcting, int version, const app::FieldErrors& errors,
                                 int status, bool title_from_decision = false) {
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{log}, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  return measure_form_page(ctx, *view, log, std::move(in), correcting, version, errors, status, title_from_decision);
}

}  // namespace

http::Response add_goal(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::add_goal(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, {field(ctx.form, "text"), "active"}, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) {
    // Show the log again with the message next to the goal field.
    app::FieldErrors errors;
    for (const auto& e : r->errors) errors.push_back({"goal_" + e.field, e.message});
    return render_log_page(ctx, *id, errors, 422);
  }
  return http::Response::redirect(log_url(*id) + "#goals");
}

// GET /logger/{id}/tiltak/ny, or ?mote={meeting}&vedtak={index} to make a
// measure from a meeting decision: the title starts as the decision's text.
http::Response new_measure_form(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  app::MeasureInput in;
  auto query = http::parse_query(ctx.request.query);
  if (!query) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  in.from = decision_source(http::find_field(*query, "mote").value_or(""), http::find_field(*query, "vedtak").value_or(""));
  if (auto picked = http::find_field(*query, "katalog"); picked && !picked->empty()) {
    // ?katalog={id}: the form starts with that catalogue measure's text.
    auto catalogue = app::measure_catalogue(ctx.app.db, ctx.actor, domain::LogId{*id}, ctx.app.clock);
    if (!catalogue) return failure_response(ctx, catalogue.error());
    auto it = std::find_if(catalogue->begin(), catalogue->end(),
                           [&](const auto& c) { return std::to_string(c.id.value) == *picked; });
    if (it == catalogue->end()) return error_response(ctx.app, ctx.request, ctx.locale, 404);
    in.catalogue = std::to_string(it->id.value);
    in.title = it->name;
    in.description = it->description;
  }
  return measure_form_page(ctx, *id, in, std::nullopt, 1, {}, 200, in.from.has_value());
}

http::Response add_measure(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto in = measure_input(ctx.form);
  auto r = app::add_measure(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (r->entry) return http::Response::redirect(log_url(*id) + "#goals");
  return measure_form_page(ctx, *id, in, std::nullopt, 1, r->errors, 422);
}

http::Response correct_measure_form(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  // The form shows the log around the measure (its goals, the participants),
  // so it starts from show_log, which records the request's one access; the
  // measure is taken from what that view lets this reader see.
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  const app::MeasureView* measure = nullptr;
  for (const auto& m : view->content.measures_without_goal) {
    if (m.id.value == *entry) measure = &m;
  }
  for (const auto& g : view->content.goals) {
    for (const auto& m : g.measures) {
      if (m.id.value == *entry) measure = &m;
    }
  }
  if (measure == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  if (!measure->can_correct) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  return measure_form_page(ctx, *view, *id, app::measure_input_of(measure->body, measure->goals), *entry,
                           measure->version, {}, 200);
}

http::Response correct_measure(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto version = parse_id(field(ctx.form, "version"));
  if (!version) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto in = measure_input(ctx.form);
  auto r = app::correct_measure(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                                {domain::EntryId{*entry}, static_cast<int>(*version), field(ctx.form, "reason")}, in,
                                ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (r->entry) return http::Response::redirect(log_url(*id) + "#goals");
  return measure_form_page(ctx, *id, in, *entry, static_cast<int>(*version), r->errors, 422);
}

http::Response add_evaluation(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  app::EvaluationInput in{field(ctx.form, "date"), field(ctx.form, "observed"), field(ctx.form, "outcome"),
                          field(ctx.form, "next_evaluation_date")};
  auto r = app::add_evaluation(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::EntryId{*entry}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (r->entry) return http::Response::redirect(log_url(*id) + "#goals");
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "evaluation.title"));
  page.set("log_url", log_url(*id));
  page.set("action", log_url(*id) + "/tiltak/" + std::to_string(*entry) + "/evaluering");
  page.set("date", in.date);
  page.set("observed", in.observed);
  page.set("next_evaluation_date", in.next_evaluation_date);
  for (const char* o : {"continue", "change", "end"}) page.set(std::string("outcome_") + o, flag(in.outcome == o));
  set_errors(ctx, page, r->errors);
  return page_response(ctx, 422, "evaluation_form", page);
}

http::Response evaluation_form(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  if (!view->content.can_write) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  bool exists = false;
  for (const auto& m : view->content.measures_without_goal) exists |= m.id.value == *entry;
  for (const auto& g : view->content.goals) {
    for (const auto& m : g.measures) exists |= m.id.value == *entry;
  }
  if (!exists) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "evaluation.title"));
  page.set("log_url", log_url(*id));
  page.set("action", log_url(*id) + "/tiltak/" + std::to_string(*entry) + "/evaluering");
  page.set("date", domain::date_code(oslo_date(ctx.app.clock.now())));
  page.set("outcome_continue", flag(true));
  set_errors(ctx, page, {});
  return page_response(ctx, 200, "evaluation_form", page);
}

http::Response correct_goal(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto version = parse_id(field(ctx.form, "version"));
  if (!version) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto status = field(ctx.form, "status");
  auto r = app::correct_goal(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                             {domain::EntryId{*entry}, static_cast<int>(*version), field(ctx.form, "reason")},
                             {field(ctx.form, "text"), status.empty() ? "active" : status}, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) {
    app::FieldErrors errors;
    for (const auto& e : r->errors) errors.push_back({"goal_correction_" + e.field, e.message});
    return render_log_page(ctx, *id, errors, 422);
  }
  return http::Response::redirect(log_url(*id) + "#goals");
}

http::Response add_highlight(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::add_highlight(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, field(ctx.form, "text"), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) {
    app::FieldErrors errors;
    for (const auto& e : r->errors) errors.push_back({"highlight_" + e.field, e.message});
    return render_log_page(ctx, *id, errors, 422);
  }
  return http::Response::redirect(log_url(*id) + "#highlights");
}

http::Response add_note(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  app::NoteInput in{field(ctx.form, "date"),
                    field(ctx.form, "type"),
                    field(ctx.form, "text"),
                    field(ctx.form, "health") == "1",
                    field(ctx.form, "hidden") == "1",
                    field(ctx.form, "hidden_reason"),
                    field(ctx.form, "legal_reference")};
  auto r = app::add_note(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) {
    app::FieldErrors errors;
    for (const auto& e : r->errors) errors.push_back({"note_" + e.field, e.message});
    return render_log_page(ctx, *id, errors, 422);
  }
  return http::Response::redirect(log_url(*id) + "#notes");
}

http::Response set_note_rules(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto by = field(ctx.form, "notes_by");
  if (by != "holder" && by != "contributors") return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::set_note_rules(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, by == "contributors",
                               field(ctx.form, "guardians") == "1", ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return http::Response::redirect(log_url(*id) + "#notes");
}

http::Response add_task(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::add_task(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                         {std::nullopt, field(ctx.form, "title"), field(ctx.form, "assignee"), field(ctx.form, "due_date")},
                         ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) {
    app::FieldErrors errors;
    for (const auto& e : r->errors) errors.push_back({"task_" + e.field, e.message});
    return render_log_page(ctx, *id, errors, 422);
  }
  return http::Response::redirect(log_url(*id) + "#tasks");
}

http::Response set_task_done(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto version = parse_id(field(ctx.form, "version"));
  const auto done = field(ctx.form, "done");
  if (!version || (done != "1" && done != "0")) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::set_task_done(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::EntryId{*entry},
                              static_cast<int>(*version), done == "1", ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  const auto back = field(ctx.form, "back");
  return http::Response::redirect(back == "mine" ? "/oppgaver" : log_url(*id) + "#tasks");
}

http::Response my_tasks_page(const RequestContext& ctx) {
  auto tasks = app::my_tasks(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!tasks) return failure_response(ctx, tasks.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "task.mine_title"));
  mustache::data list(mustache::data::type::list);
  for (const auto& t : *tasks) {
    mustache::data item(mustache::data::type::object);
    item.set("title", t.body.title);
    item.set("child_name", t.child_name);
    item.set("log_url", log_url(t.log.value));
    item.set("due", format_date(t.body.due_date));
    item.set("overdue", flag(t.overdue));
    item.set("done_action", log_url(t.log.value) + "/oppgaver/" + std::to_string(t.id.value) + "/utfort");
    item.set("version", std::to_string(t.version));
    list.push_back(item);
  }
  page.set("tasks", list);
  page.set("has_tasks", flag(!tasks->empty()));
  return page_response(ctx, 200, "my_tasks", page);
}

http::Response add_meeting(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  app::MeetingInput in;
  in.starts_at = field(ctx.form, "starts_at");
  in.place = field(ctx.form, "place");
  in.video_link = field(ctx.form, "video_link");
  for (auto v : all_fields(ctx.form, "invited")) in.invited.emplace_back(v);
  in.agenda = field(ctx.form, "agenda");
  auto r = app::add_meeting(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) {
    app::FieldErrors errors;
    for (const auto& e : r->errors) errors.push_back({"meeting_" + e.field, e.message});
    return render_log_page(ctx, *id, errors, 422);
  }
  return http::Response::redirect(log_url(*id) + "#meetings");
}

http::Response record_minutes(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto version = parse_id(field(ctx.form, "version"));
  if (!version) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::record_minutes(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::EntryId{*entry},
                               static_cast<int>(*version), field(ctx.form, "minutes"), field(ctx.form, "decisions"),
                               ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) {
    app::FieldErrors errors;
    for (const auto& e : r->errors) errors.push_back({"minutes_" + e.field, e.message});
    return render_log_page(ctx, *id, errors, 422);
  }
  return http::Response::redirect(log_url(*id) + "#meetings");
}

http::Response task_from_decision(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto decision = field(ctx.form, "decision");
  if (decision.empty() || decision.size() > 3 || decision.find_first_not_of("0123456789") != std::string::npos) {
    return error_response(ctx.app, ctx.request, ctx.locale, 400);
  }
  auto r = app::task_from_decision(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::EntryId{*entry},
                                   std::stoi(decision), field(ctx.form, "assignee"), field(ctx.form, "due_date"),
                                   ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) {
    app::FieldErrors errors;
    for (const auto& e : r->errors) errors.push_back({"decision_" + e.field, e.message});
    return render_log_page(ctx, *id, errors, 422);
  }
  return http::Response::redirect(log_url(*id) + "#meetings");
}

}  // namespace stafett::web::pages
