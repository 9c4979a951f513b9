// /api/v1/ twins of the log content forms: goals, measures, evaluations,
// meetings, tasks, notes, lysglimt and their corrections. JSON in, JSON out,
// through the same use cases (and so the same policy) as the pages.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/content_use_cases.h"
#include "app/corrections.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {

namespace json = boost::json;


http::Response api_add_meeting(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  app::FieldErrors errors;
  app::MeetingInput in;
  in.starts_at = json_string(*body, "starts_at").value_or("");
  in.place = json_string(*body, "place").value_or("");
  in.video_link = json_string(*body, "video_link").value_or("");
  for (auto p : json_ids(*body, "invited_participant_ids", "invited", errors)) in.invited.push_back(std::to_string(p));
  for (const auto& a : json_strings(*body, "agenda", "agenda", errors)) in.agenda += a + "\n";
  if (!errors.empty()) return field_errors_response(ctx, errors);
  auto r = app::add_meeting(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"id", r->entry->value}});
}

http::Response api_add_task(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto assignee = json_int(*body, "assignee_participant_id");
  auto r = app::add_task(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                         {std::nullopt, json_string(*body, "title").value_or(""), assignee ? std::to_string(*assignee) : "",
                          json_string(*body, "due_date").value_or("")},
                         ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"id", r->entry->value}});
}

http::Response api_my_tasks(const RequestContext& ctx) {
  auto tasks = app::my_tasks(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!tasks) return failure_response(ctx, tasks.error());
  json::array list;
  for (const auto& t : *tasks) {
    list.push_back({{"id", t.id.value},
                    {"log", t.log.value},
                    {"child", t.child_name},
                    {"title", t.body.title},
                    {"due_date", domain::date_code(t.body.due_date)},
                    {"overdue", t.overdue},
                    {"version", t.version}});
  }
  return json_response(200, {{"tasks", list}});
}

http::Response api_add_highlight(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::add_highlight(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, json_string(*body, "text").value_or(""),
                              ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"id", r->entry->value}});
}

http::Response api_add_note(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  app::NoteInput in{json_string(*body, "date").value_or(""),
                    json_string(*body, "type").value_or(""),
                    json_string(*body, "text").value_or(""),
                    json_bool(*body, "health").value_or(false),
                    json_bool(*body, "hidden_from_guardians").value_or(false),
                    json_string(*body, "hidden_reason").value_or(""),
                    json_string(*body, "legal_reference").value_or("")};
  auto r = app::add_note(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"id", r->entry->value}});
}

http::Response api_add_goal(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::add_goal(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                         {json_string(*body, "text").value_or(""), json_string(*body, "status").value_or("active")},
                         ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"id", r->entry->value}});
}

http::Response api_add_measure(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  app::FieldErrors errors;
  app::MeasureInput in;
  in.title = json_string(*body, "title").value_or("");
  in.description = json_string(*body, "description").value_or("");
  for (auto g : json_ids(*body, "goal_ids", "goals", errors)) in.goals.push_back(std::to_string(g));
  if (auto r = json_int(*body, "responsible_participant_id")) in.responsible = std::to_string(*r);
  if (auto u = json_int(*body, "unit_id")) in.unit = std::to_string(*u);
  in.start_date = json_string(*body, "start_date").value_or("");
  in.evaluation_date = json_string(*body, "evaluation_date").value_or("");
  in.status = json_string(*body, "status").value_or("planned");
  in.status_reason = json_string(*body, "status_reason").value_or("");
  if (body->contains("catalogue_measure_id")) {
    const auto c = json_int(*body, "catalogue_measure_id");
    in.catalogue = c ? std::to_string(*c) : "0";  // anything but an id is refused by the use case
  }
  const auto meeting = json_int(*body, "from_meeting_id");
  const auto decision = json_int(*body, "from_decision_index");
  if (meeting || decision) {
    in.from = app::FromDecision{domain::EntryId{meeting.value_or(0)}, decision && *decision >= 0 && *decision < 1000 ? static_cast<int>(*decision) : -1};
  }
  if (!errors.empty()) return field_errors_response(ctx, errors);
  auto r = app::add_measure(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"id", r->entry->value}});
}

http::Response api_add_evaluation(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  app::EvaluationInput in{json_string(*body, "date").value_or(""), json_string(*body, "observed").value_or(""),
                          json_string(*body, "outcome").value_or(""),
                          json_string(*body, "next_evaluation_date").value_or("")};
  auto r = app::add_evaluation(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::EntryId{*entry}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"id", r->entry->value}});
}

// GET /api/v1/logs/{id}/measure-catalogue: what the log's municipality
// offers, for those who may add a measure to the log.
http::Response api_measure_catalogue(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto catalogue = app::measure_catalogue(ctx.app.db, ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!catalogue) return failure_response(ctx, catalogue.error());
  json::array list;
  for (const auto& c : *catalogue) {
    json::object o{{"id", c.id.value},
                   {"name", c.name},
                   {"description", c.description},
                   {"level_from", c.level_from},
                   {"level_to", c.level_to},
                   {"provider", c.providers.empty() ? std::string() : c.providers.front().name},
                   {"how_to_request", c.how_to_request}};
    if (!c.providers.empty()) o["provider_unit_id"] = c.providers.front().unit.value;
    list.push_back(std::move(o));
  }
  return json_response(200, {{"measures", list}});
}

}  // namespace stafett::web::pages

namespace stafett::web::pages {

// POST /api/v1/logs/{id}/meetings/{entry}/minutes
// {"version": 1, "minutes": "...", "decisions": ["...", ...]}
http::Response api_record_minutes(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  app::FieldErrors errors;
  const auto version = json_version(*body);
  if (!version) errors.push_back({"version", "entry.error.version"});
  std::string decisions;
  for (const auto& d : json_strings(*body, "decisions", "decisions", errors)) decisions += d + "\n";
  if (!errors.empty()) return field_errors_response(ctx, errors);
  auto r = app::record_minutes(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::EntryId{*entry},
                               *version, json_string(*body, "minutes").value_or(""), decisions,
                               ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(200, {{"id", r->entry->value}, {"version", *version + 1}});
}

// POST /api/v1/logs/{id}/meetings/{entry}/decisions/{decision}/task
// {"assignee_participant_id": 3, "due_date": "2026-12-01"}: decision number
// {decision} (from 0) becomes a task linked to the meeting.
http::Response api_task_from_decision(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  const auto decision = ctx.params.find("decision");
  if (!id || !entry || decision == ctx.params.end()) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto& d = decision->second;
  if (d.empty() || d.size() > 3 || d.find_first_not_of("0123456789") != std::string::npos) {
    return error_response(ctx.app, ctx.request, ctx.locale, 404);
  }
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto assignee = json_int(*body, "assignee_participant_id");
  auto r = app::task_from_decision(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::EntryId{*entry}, std::stoi(d),
                                   assignee ? std::to_string(*assignee) : "",
                                   json_string(*body, "due_date").value_or(""), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(201, {{"id", r->entry->value}});
}

// POST /api/v1/logs/{id}/tasks/{entry}/done {"version": 1, "done": true}
http::Response api_set_task_done(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto version = json_version(*body);
  const auto done = json_bool(*body, "done");
  app::FieldErrors errors;
  if (!version) errors.push_back({"version", "entry.error.version"});
  if (!done) errors.push_back({"done", "entry.error.required"});
  if (!errors.empty()) return field_errors_response(ctx, errors);
  auto r = app::set_task_done(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::EntryId{*entry},
                              *version, *done, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return json_response(200, {{"id", *entry}, {"done", *done}});
}

// POST /api/v1/logs/{id}/note-rules
// {"notes_by": "holder" | "contributors", "guardians_may_write": false}
http::Response api_set_note_rules(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto by = json_string(*body, "notes_by");
  app::FieldErrors errors;
  if (!by || (*by != "holder" && *by != "contributors")) errors.push_back({"notes_by", "note.error.rules"});
  if (!errors.empty()) return field_errors_response(ctx, errors);
  const bool guardians = json_bool(*body, "guardians_may_write").value_or(false);
  auto r = app::set_note_rules(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, *by == "contributors", guardians,
                               ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return json_response(200, {{"notes_by", *by}, {"guardians_may_write", guardians}});
}

}  // namespace stafett::web::pages
