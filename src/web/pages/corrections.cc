// Correcting an entry of any kind (rett): one form that shows the fields of
// the entry's kind, filled with its current version, and asks why. Measures
// keep their own, larger form (content.cc); a correction of one posted here
// works the same way. The JSON twin takes the same fields as creating one.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/corrections.h"
#include "web/form_input.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;
using domain::EntryKind;

std::string field(const http::FormFields& form, std::string_view key) {
  return std::string(http::find_field(form, key).value_or(""));
}

std::string correct_url(std::int64_t log, std::int64_t entry) {
  return log_url(log) + "/innslag/" + std::to_string(entry) + "/rett";
}

// Where on the log page an entry of `kind` is shown.
std::string section_of(EntryKind kind) {
  switch (kind) {
    case EntryKind::kGoal:
    case EntryKind::kMeasure:
    case EntryKind::kEvaluation: return "#goals";
    case EntryKind::kMeeting: return "#meetings";
    case EntryKind::kTask: return "#tasks";
    case EntryKind::kNote: return "#notes";
    case EntryKind::kHighlight: return "#highlights";
  }
  return "";
}

// A <select> or checkbox list of codes with their catalog names.
mustache::data choices(const RequestContext& ctx, std::initializer_list<const char*> codes, const std::string& prefix,
                       const std::string& selected) {
  mustache::data list(mustache::data::type::list);
  for (const char* code : codes) {
    mustache::data item(mustache::data::type::object);
    item.set("code", code);
    item.set("name", text(ctx, prefix + code));
    item.set("selected", flag(selected == code));
    list.push_back(item);
  }
  return list;
}

http::Response correction_page(const RequestContext& ctx, std::int64_t log, const app::CorrectionDraft& d,
                               const std::string& reason, const app::FieldErrors& errors, int status) {
  mustache::data page(mustache::data::type::object);
  const std::string kind(domain::entry_kind_code(d.kind));
  page.set("title", text(ctx, "correction.title." + kind));
  page.set("heading", text(ctx, "correction.title." + kind));
  page.set("log_url", log_url(log));
  page.set("action", correct_url(log, d.id.value));
  page.set("version", std::to_string(d.version));
  page.set("reason", reason);
  page.set("is_" + kind, flag(true));
  auto people = [&](auto is_selected) {
    mustache::data list(mustache::data::type::list);
    for (const auto& [id, name] : d.participants) {
      mustache::data item(mustache::data::type::object);
      item.set("id", std::to_string(id.value));
      item.set("name", name);
      item.set("selected", flag(is_selected(std::to_string(id.value))));
      list.push_back(item);
    }
    return list;
  };
  switch (d.kind) {
    case EntryKind::kGoal:
      page.set("text", d.goal.text);
      page.set("goal_statuses", choices(ctx, {"active", "achieved", "dropped"}, "goal.status.", d.goal.status));
      break;
    case EntryKind::kMeasure: break;  // its own form
    case EntryKind::kEvaluation:
      page.set("date", d.evaluation.date);
      page.set("observed", d.evaluation.observed);
      page.set("next_evaluation_date", d.evaluation.next_evaluation_date);
      for (const char* o : {"continue", "change", "end"}) {
        page.set(std::string("outcome_") + o, flag(d.evaluation.outcome == o));
      }
      break;
    case EntryKind::kNote:
      page.set("date", d.note.date);
      page.set("text", d.note.text);
      page.set("note_types", choices(ctx, {"observation", "conversation", "family_information", "other"}, "note.type.",
                                     d.note.type));
      break;
    case EntryKind::kHighlight: page.set("text", d.highlight); break;
    case EntryKind::kTask:
      page.set("title", d.task.title);
      page.set("due_date", d.task.due_date);
      page.set("people", people([&](const std::string& id) { return id == d.task.assignee; }));
      break;
    case EntryKind::kMeeting:
      page.set("starts_at", d.meeting.starts_at);
      page.set("place", d.meeting.place);
      page.set("video_link", d.meeting.video_link);
      page.set("agenda", d.meeting.agenda);
      page.set("people", people([&](const std::string& id) {
                 return std::find(d.meeting.invited.begin(), d.meeting.invited.end(), id) != d.meeting.invited.end();
               }));
      break;
  }
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "entry_correct", page);
}

// The posted fields of the draft's kind, over its current values.
void fill_from_form(const http::FormFields& form, app::CorrectionDraft& d) {
  switch (d.kind) {
    case EntryKind::kGoal: d.goal = {field(form, "text"), field(form, "status")}; break;
    case EntryKind::kMeasure:
      d.measure.title = field(form, "title");
      d.measure.description = field(form, "description");
      d.measure.goals.clear();
      for (auto g : all_fields(form, "goal")) d.measure.goals.emplace_back(g);
      d.measure.responsible = field(form, "responsible");
      d.measure.unit = field(form, "unit");
      d.measure.start_date = field(form, "start_date");
      d.measure.evaluation_date = field(form, "evaluation_date");
      d.measure.status = field(form, "status");
      d.measure.status_reason = field(form, "status_reason");
      break;
    case EntryKind::kEvaluation:
      d.evaluation = {field(form, "date"), field(form, "observed"), field(form, "outcome"),
                      field(form, "next_evaluation_date")};
      break;
    case EntryKind::kNote:
      d.note.date = field(form, "date");
      d.note.type = field(form, "type");
      d.note.text = field(form, "text");
      break;
    case EntryKind::kHighlight: d.highlight = field(form, "text"); break;
    case EntryKind::kTask:
      d.task = {std::nullopt, field(form, "title"), field(form, "assignee"), field(form, "due_date")};
      break;
    case EntryKind::kMeeting:
      d.meeting.starts_at = field(form, "starts_at");
      d.meeting.place = field(form, "place");
      d.meeting.video_link = field(form, "video_link");
      d.meeting.invited.clear();
      for (auto v : all_fields(form, "invited")) d.meeting.invited.emplace_back(v);
      d.meeting.agenda = field(form, "agenda");
      break;
  }
}

// The JSON fields of the draft's kind (the same names as when creating one);
// a field left out keeps its current value.
void fill_from_json(const json::object& body, app::CorrectionDraft& d, app::FieldErrors& errors) {
  auto set = [&](std::string& target, std::string_view key) {
    if (auto v = json_string(body, key)) target = *v;
  };
  auto set_id = [&](std::string& target, std::string_view key) {
    if (body.contains(key)) {
      auto v = json_int(body, key);
      target = v ? std::to_string(*v) : "";
    }
  };
  switch (d.kind) {
    case EntryKind::kGoal:
      set(d.goal.text, "text");
      set(d.goal.status, "status");
      break;
    case EntryKind::kMeasure:
      set(d.measure.title, "title");
      set(d.measure.description, "description");
      set_id(d.measure.responsible, "responsible_participant_id");
      set_id(d.measure.unit, "unit_id");
      if (body.contains("goal_ids")) {
        d.measure.goals.clear();
        for (auto g : json_ids(body, "goal_ids", "goals", errors)) d.measure.goals.push_back(std::to_string(g));
      }
      set(d.measure.start_date, "start_date");
      set(d.measure.evaluation_date, "evaluation_date");
      set(d.measure.status, "status");
      set(d.measure.status_reason, "status_reason");
      break;
    case EntryKind::kEvaluation:
      set(d.evaluation.date, "date");
      set(d.evaluation.observed, "observed");
      set(d.evaluation.outcome, "outcome");
      set(d.evaluation.next_evaluation_date, "next_evaluation_date");
      break;
    case EntryKind::kNote:
      set(d.note.date, "date");
      set(d.note.type, "type");
      set(d.note.text, "text");
      break;
    case EntryKind::kHighlight: set(d.highlight, "text"); break;
    case EntryKind::kTask:
      set(d.task.title, "title");
      set_id(d.task.assignee, "assignee_participant_id");
      set(d.task.due_date, "due_date");
      break;
    case EntryKind::kMeeting:
      set(d.meeting.starts_at, "starts_at");
      set(d.meeting.place, "place");
      set(d.meeting.video_link, "video_link");
      if (body.contains("invited_participant_ids")) {
        d.meeting.invited.clear();
        for (auto p : json_ids(body, "invited_participant_ids", "invited", errors)) {
          d.meeting.invited.push_back(std::to_string(p));
        }
      }
      if (body.contains("agenda")) {
        d.meeting.agenda.clear();
        for (const auto& a : json_strings(body, "agenda", "agenda", errors)) d.meeting.agenda += a + "\n";
      }
      break;
  }
}

}  // namespace

// GET /logger/{id}/innslag/{entry}/rett
http::Response correction_form(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto draft = app::correction_draft(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                                     domain::EntryId{*entry}, ctx.app.clock);
  if (!draft) return failure_response(ctx, draft.error());
  if (draft->kind == EntryKind::kMeasure) {
    return http::Response::redirect(log_url(*id) + "/tiltak/" + std::to_string(*entry) + "/rett");
  }
  return correction_page(ctx, *id, *draft, "", {}, 200);
}

// POST /logger/{id}/innslag/{entry}/rett
http::Response correct_entry(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto version = parse_id(field(ctx.form, "version"));
  if (!version) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto reason = field(ctx.form, "reason");
  EntryKind kind = EntryKind::kNote;
  auto r = app::correct_entry(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                              {domain::EntryId{*entry}, static_cast<int>(*version), reason},
                              [&](app::CorrectionDraft& d, app::FieldErrors&) {
                                kind = d.kind;
                                fill_from_form(ctx.form, d);
                              },
                              ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (r->entry) return http::Response::redirect(log_url(*id) + section_of(kind));
  if (kind == EntryKind::kMeasure) return error_response(ctx.app, ctx.request, ctx.locale, 422);
  // Shown again with what was posted: this read is the request's one record
  // (the correction wrote and recorded nothing).
  auto draft = app::correction_draft(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                                     domain::EntryId{*entry}, ctx.app.clock);
  if (!draft) return failure_response(ctx, draft.error());
  fill_from_form(ctx.form, *draft);
  draft->version = static_cast<int>(*version);
  return correction_page(ctx, *id, *draft, reason, r->errors, 422);
}

// POST /api/v1/logs/{id}/entries/{entry}/corrections
// {"version": 1, "reason": "...", and the fields of the entry's kind}
http::Response api_correct_entry(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto entry = id_param(ctx, "entry");
  if (!id || !entry) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto version = json_version(*body);
  if (!version) return field_errors_response(ctx, {{"version", "entry.error.version"}});
  auto r = app::correct_entry(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id},
                              {domain::EntryId{*entry}, *version, json_string(*body, "reason").value_or("")},
                              [&](app::CorrectionDraft& d, app::FieldErrors& errors) { fill_from_json(*body, d, errors); },
                              ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->entry) return field_errors_response(ctx, r->errors);
  return json_response(200, {{"id", r->entry->value}, {"version", *version + 1}});
}

}  // namespace stafett::web::pages
