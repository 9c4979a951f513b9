// Cooperation arenas (samhandlingsarenaer): the public description and the
// editor's forms; for the arena's members its meetings, the agenda of cases,
// minutes and decisions. JSON twins under /api/v1/municipalities/{kommune}/arenas.
// Rights: app/arenas.h.
#include <boost/json/array.hpp>

#include "app/arenas.h"
#include "app/service_catalogue.h"
#include "core/join.h"
#include "core/oslo_time.h"
#include "web/json_input.h"
#include "web/markdown_view.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

std::string arenas_url(const std::string& kommune) { return "/kommune/" + kommune + "/arenaer"; }
std::string arena_url(const std::string& kommune, std::int64_t arena) {
  return arenas_url(kommune) + "/" + std::to_string(arena);
}
std::string meeting_url(const std::string& kommune, std::int64_t arena, std::int64_t meeting) {
  return arena_url(kommune, arena) + "/moter/" + std::to_string(meeting);
}

std::string field(const http::FormFields& form, std::string_view key) {
  return std::string(http::find_field(form, key).value_or(""));
}

std::string levels_text(const RequestContext& ctx, int from, int to) {
  const auto one = [&](int l) { return text(ctx, "model.level." + std::to_string(l)); };
  return from == to ? one(from) : one(from) + " – " + one(to);
}

mustache::data arena_data(const RequestContext& ctx, const app::ArenaEntry& e, const std::string& kommune) {
  const auto& a = e.arena;
  mustache::data d(mustache::data::type::object);
  d.set("name", a.name);
  d.set("href", arena_url(kommune, a.id));
  d.set("edit_href", arena_url(kommune, a.id) + "/rediger");
  d.set("editable", flag(e.editable));
  d.set("member", flag(e.member));
  set_moved(d, "purpose", markdown_data(a.purpose));
  set_moved(d, "how_to_bring", markdown_data(a.how_to_bring));
  d.set("has_how_to_bring", flag(!a.how_to_bring.empty()));
  d.set("levels", levels_text(ctx, a.level_from, a.level_to));
  d.set("frequency", a.frequency);
  d.set("has_frequency", flag(!a.frequency.empty()));
  d.set("children", text(ctx, "arena.attendance." + std::string(domain::attendance_code(a.children))));
  d.set("parents", text(ctx, "arena.attendance." + std::string(domain::attendance_code(a.parents))));
  std::string fixed, on_demand;
  for (const auto& m : a.members) {
    auto& list = m.fixed ? fixed : on_demand;
    append_item(list, ", ", m.name);
  }
  d.set("fixed_units", fixed);
  d.set("on_demand_units", on_demand);
  d.set("has_on_demand", flag(!on_demand.empty()));
  d.set("anonymous_cases", flag(a.anonymous_cases));
  d.set("log_cases", flag(a.log_cases));
  d.set("not_public", flag(!a.is_public));
  d.set("cases_last_year",
        e.cases_last_year.suppressed ? text(ctx, "model.measure.fewer_than_three") : std::to_string(e.cases_last_year.value));
  return d;
}

json::object arena_json(const app::ArenaEntry& e) {
  const auto& a = e.arena;
  json::array members;
  for (const auto& m : a.members) members.push_back({{"unit_id", m.unit.value}, {"name", m.name}, {"fixed", m.fixed}});
  return {{"id", a.id},
          {"name", a.name},
          {"purpose", a.purpose},
          {"level_from", a.level_from},
          {"level_to", a.level_to},
          {"frequency", a.frequency},
          {"children_attend", std::string(domain::attendance_code(a.children))},
          {"parents_attend", std::string(domain::attendance_code(a.parents))},
          {"how_to_bring", a.how_to_bring},
          {"anonymous_cases", a.anonymous_cases},
          {"log_cases", a.log_cases},
          {"members", members},
          {"public", a.is_public},
          {"cases_last_year",
           e.cases_last_year.suppressed ? json::value("fewer_than_3") : json::value(e.cases_last_year.value)}};
}

app::ArenaForm form_from(const http::FormFields& form) {
  app::ArenaForm f;
  auto& in = f.input;
  in.name = field(form, "name");
  in.purpose = field(form, "purpose");
  in.level_from = field(form, "level_from");
  in.level_to = field(form, "level_to");
  in.frequency = field(form, "frequency");
  in.children = field(form, "children");
  in.parents = field(form, "parents");
  in.how_to_bring = field(form, "how_to_bring");
  for (const auto& [k, v] : form) {
    if (k == "fixed_units") in.fixed_units.push_back(v);
    if (k == "on_demand_units") in.on_demand_units.push_back(v);
  }
  in.anonymous_cases = field(form, "anonymous_cases") == "ja";
  in.log_cases = field(form, "log_cases") == "ja";
  in.is_public = field(form, "is_public") == "ja";
  f.summary = field(form, "summary");
  return f;
}

app::ArenaForm form_of(const domain::Arena& a) {
  app::ArenaForm f;
  auto& in = f.input;
  in.name = a.name;
  in.purpose = a.purpose;
  in.level_from = std::to_string(a.level_from);
  in.level_to = std::to_string(a.level_to);
  in.frequency = a.frequency;
  in.children = std::string(domain::attendance_code(a.children));
  in.parents = std::string(domain::attendance_code(a.parents));
  in.how_to_bring = a.how_to_bring;
  for (const auto& m : a.members) (m.fixed ? in.fixed_units : in.on_demand_units).push_back(std::to_string(m.unit.value));
  in.anonymous_cases = a.anonymous_cases;
  in.log_cases = a.log_cases;
  in.is_public = a.is_public;
  return f;
}

std::optional<app::ArenaForm> form_of_json(const json::object& o) {
  app::ArenaForm f;
  bool ok = true;
  const auto str = [&](std::string_view key) { return json_form_text(o, key, ok); };
  const auto ids = [&](std::string_view key, std::vector<std::string>& out) { out = json_form_ids(o, key, ok); };
  const auto boolean = [&](std::string_view key) { return json_bool(o, key).value_or(false); };
  auto& in = f.input;
  in.name = str("name");
  in.purpose = str("purpose");
  in.level_from = str("level_from");
  in.level_to = str("level_to");
  in.frequency = str("frequency");
  in.children = str("children_attend");
  in.parents = str("parents_attend");
  in.how_to_bring = str("how_to_bring");
  ids("fixed_units", in.fixed_units);
  ids("on_demand_units", in.on_demand_units);
  in.anonymous_cases = boolean("anonymous_cases");
  in.log_cases = boolean("log_cases");
  in.is_public = boolean("public");
  f.summary = str("summary");
  if (!ok) return std::nullopt;
  return f;
}

http::Response form_page(const RequestContext& ctx, const std::string& kommune, const app::ArenaForm& form,
                         const app::FieldErrors& errors, int status, const std::string& action, bool is_new) {
  auto units = app::service_catalogue(ctx.app.db, ctx.actor, kommune, {}, ctx.app.clock);
  if (!units) return failure_response(ctx, units.error());
  const auto& in = form.input;
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, is_new ? "arena.new_title" : "arena.edit_title"));
  page.set("action", action);
  page.set("list_href", arenas_url(kommune));
  page.set("f_name", in.name);
  page.set("f_purpose", in.purpose);
  page.set("f_frequency", in.frequency);
  page.set("f_how_to_bring", in.how_to_bring);
  page.set("f_anonymous_cases", flag(in.anonymous_cases));
  page.set("f_log_cases", flag(in.log_cases));
  page.set("f_is_public", flag(in.is_public));
  page.set("f_summary", form.summary);
  page.set("level_from_options", select_options(ctx, {"0", "1", "2", "3"}, "model.level.", in.level_from));
  page.set("level_to_options", select_options(ctx, {"0", "1", "2", "3"}, "model.level.", in.level_to));
  page.set("children_options", select_options(ctx, {"no", "when_relevant", "yes"}, "arena.attendance.", in.children));
  page.set("parents_options", select_options(ctx, {"no", "when_relevant", "yes"}, "arena.attendance.", in.parents));
  const auto unit_list = [&](const std::vector<std::string>& chosen) {
    mustache::data list(mustache::data::type::list);
    for (const auto& s : units->services) {
      const auto id = std::to_string(s.service.unit.id.value);
      mustache::data item(mustache::data::type::object);
      item.set("code", id);
      item.set("label", s.service.unit.name);
      item.set("checked", flag(std::find(chosen.begin(), chosen.end(), id) != chosen.end()));
      push_moved(list, std::move(item));
    }
    return list;
  };
  page.set("fixed_options", unit_list(in.fixed_units));
  page.set("on_demand_options", unit_list(in.on_demand_units));
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "arena_form", page);
}

std::optional<std::int64_t> param(const RequestContext& ctx, std::string_view name) { return id_param(ctx, name); }

// `failed_case`: the case whose decision form `errors` belong to, if any.
http::Response meeting_page(const RequestContext& ctx, const app::FieldErrors& errors, int status,
                            std::optional<std::int64_t> failed_case = std::nullopt) {
  const auto kommune = kommune_param(ctx);
  const auto arena = param(ctx, "arena");
  const auto meeting = param(ctx, "meeting");
  if (!arena || !meeting) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::arena_meeting(ctx.app.db, ctx.actor, kommune, *arena, *meeting, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  const auto& m = view->meeting;
  auto page = arena_data(ctx, view->arena, kommune);
  page.set("title", view->arena.arena.name + " " + format_time(m.starts_at));
  page.set("arena_href", arena_url(kommune, *arena));
  page.set("starts_at", format_time(m.starts_at));
  page.set("place", m.place);
  page.set("action_base", meeting_url(kommune, *arena, *meeting));
  // After a decision or the minutes were saved (POST, then redirect here).
  std::string notice;
  if (auto fields = http::parse_query(ctx.request.query)) {
    const auto saved = http::find_field(*fields, "lagret").value_or("");
    if (saved == "vedtak") notice = text(ctx, "arena.decided");
    if (saved == "referat") notice = text(ctx, "model.saved");
  }
  page.set("notice", notice);
  page.set("has_notice", flag(!notice.empty()));
  page.set("f_minutes", m.minutes);
  page.set("has_minutes", flag(!m.minutes.empty()));
  set_moved(page, "minutes", markdown_data(m.minutes));
  if (m.minutes_at) page.set("minutes_meta", format_time(*m.minutes_at) + ", " + m.minutes_by_name);
  mustache::data cases(mustache::data::type::list);
  for (const auto& c : m.cases) {
    mustache::data item(mustache::data::type::object);
    item.set("case_id", std::to_string(c.id));
    item.set("anonymous", flag(c.anonymous));
    item.set("age_band", c.age_band);
    if (c.log) {
      item.set("log_href", "/logger/" + std::to_string(c.log->value));
      item.set("log_number", std::to_string(c.log->value));
    }
    item.set("description", c.description);
    item.set("brought_by", c.brought_by_name);
    item.set("decided", flag(c.decision.has_value()));
    item.set("decision", c.decision.value_or(""));
    item.set("in_log", flag(c.decision_entry.has_value()));
    item.set("decide_action", meeting_url(kommune, *arena, *meeting) + "/saker/" + std::to_string(c.id) + "/vedtak");
    // The decision form that failed shows its errors beside its own fields.
    const bool failed = failed_case && *failed_case == c.id;
    item.set("failed", flag(failed));
    item.set("f_decision", failed ? field(ctx.form, "decision") : std::string());
    for (const auto& e : failed ? errors : app::FieldErrors{}) {
      if (e.field == "decision") item.set("decision_error", text(ctx, e.message));
      if (e.field == "into_log") item.set("into_log_error", text(ctx, e.message));
    }
    push_moved(cases, std::move(item));
  }
  page.set("has_cases", flag(!m.cases.empty()));
  set_moved(page, "cases", std::move(cases));
  mustache::data bands(mustache::data::type::list);
  const auto typed_band = field(ctx.form, "age_band");
  for (auto band : domain::kAgeBands) {
    mustache::data item(mustache::data::type::object);
    item.set("code", std::string(band));
    item.set("selected", flag(typed_band == band));
    push_moved(bands, std::move(item));
  }
  set_moved(page, "age_bands", std::move(bands));
  page.set("f_description", errors.empty() ? std::string() : field(ctx.form, "description"));
  page.set("f_log", errors.empty() ? std::string() : field(ctx.form, "log"));
  page.set("f_kind_log", flag(field(ctx.form, "kind") == "log"));
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "arena_meeting", page);
}

json::object meeting_json(const domain::ArenaMeeting& m) {
  json::array cases;
  for (const auto& c : m.cases) {
    json::object o{{"id", c.id}, {"kind", c.anonymous ? "anonymous" : "log"}, {"description", c.description},
                   {"brought_by", c.brought_by_name}};
    if (c.anonymous) o["age_band"] = c.age_band;
    if (c.log) o["log_id"] = c.log->value;
    o["decision"] = c.decision ? json::value(*c.decision) : json::value();
    if (c.decision_entry) o["decision_entry_id"] = c.decision_entry->value;
    cases.push_back(std::move(o));
  }
  return {{"id", m.id}, {"arena_id", m.arena}, {"starts_at", format_time(m.starts_at)}, {"place", m.place},
          {"minutes", m.minutes}, {"cases", cases}};
}

}  // namespace

// GET /kommune/{kommune}/arenaer
http::Response arenas_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto list = app::arena_list(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "arena.title") + " – " + list->rights.municipality.name);
  page.set("municipality_name", list->rights.municipality.name);
  page.set("can_edit", flag(list->rights.edit));
  page.set("new_href", arenas_url(kommune) + "/ny");
  page.set("history_href", "/kommune/" + kommune + "/samhandling/historikk");
  mustache::data items(mustache::data::type::list);
  for (const auto& e : list->arenas) push_moved(items, arena_data(ctx, e, kommune));
  page.set("has_arenas", flag(!list->arenas.empty()));
  set_moved(page, "arenas", std::move(items));
  return page_response(ctx, 200, "arenas", page);
}

// GET /kommune/{kommune}/arenaer/{arena}
http::Response arena_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto arena = param(ctx, "arena");
  if (!arena) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto e = app::arena_entry(ctx.app.db, ctx.actor, kommune, *arena, ctx.app.clock);
  if (!e) return failure_response(ctx, e.error());
  auto page = arena_data(ctx, *e, kommune);
  page.set("title", e->arena.name);
  page.set("list_href", arenas_url(kommune));
  page.set("schedule_action", arena_url(kommune, *arena) + "/moter");
  mustache::data meetings(mustache::data::type::list);
  for (const auto& m : e->meetings) {
    mustache::data item(mustache::data::type::object);
    item.set("meeting_href", meeting_url(kommune, *arena, m.id));
    item.set("starts_at", format_time(m.starts_at));
    item.set("place", m.place);
    push_moved(meetings, std::move(item));
  }
  page.set("has_meetings", flag(!e->meetings.empty()));
  set_moved(page, "meetings", std::move(meetings));
  auto fields = http::parse_query(ctx.request.query);
  page.set("saved", flag(fields && http::find_field(*fields, "lagret").has_value()));
  return page_response(ctx, 200, "arena", page);
}

// GET /kommune/{kommune}/arenaer/ny
http::Response new_arena_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  auto list = app::arena_list(ctx.app.db, ctx.actor, kommune, ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  if (!list->rights.edit) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  app::ArenaForm form;
  form.input.level_from = "1";
  form.input.level_to = "2";
  form.input.children = "no";
  form.input.parents = "when_relevant";
  form.input.anonymous_cases = true;
  form.input.log_cases = true;
  return form_page(ctx, kommune, form, {}, 200, arenas_url(kommune) + "/ny", true);
}

// POST /kommune/{kommune}/arenaer/ny
http::Response add_arena(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto form = form_from(ctx.form);
  auto saved = app::add_arena(ctx.app.db, ctx.actor, kommune, form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return form_page(ctx, kommune, form, saved->errors, 422, arenas_url(kommune) + "/ny", true);
  return http::Response::redirect(arena_url(kommune, saved->id) + "?lagret=1");
}

// GET /kommune/{kommune}/arenaer/{arena}/rediger
http::Response edit_arena_page(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto arena = param(ctx, "arena");
  if (!arena) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto e = app::arena_entry(ctx.app.db, ctx.actor, kommune, *arena, ctx.app.clock);
  if (!e) return failure_response(ctx, e.error());
  if (!e->editable) return error_response(ctx.app, ctx.request, ctx.locale, 403);
  return form_page(ctx, kommune, form_of(e->arena), {}, 200, arena_url(kommune, *arena) + "/rediger", false);
}

// POST /kommune/{kommune}/arenaer/{arena}/rediger
http::Response save_arena(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto arena = param(ctx, "arena");
  if (!arena) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto form = form_from(ctx.form);
  auto saved = app::save_arena(ctx.app.db, ctx.actor, kommune, *arena, form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) {
    return form_page(ctx, kommune, form, saved->errors, 422, arena_url(kommune, *arena) + "/rediger", false);
  }
  return http::Response::redirect(arena_url(kommune, *arena) + "?lagret=1");
}

// POST /kommune/{kommune}/arenaer/{arena}/moter
http::Response schedule_arena_meeting(const RequestContext& ctx) {
  const auto kommune = kommune_param(ctx);
  const auto arena = param(ctx, "arena");
  if (!arena) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto made = app::schedule_meeting(ctx.app.db, ctx.actor, kommune, *arena, field(ctx.form, "starts_at"),
                                    field(ctx.form, "place"), ctx.app.clock);
  if (!made) return failure_response(ctx, made.error());
  if (!made->errors.empty()) {
    // Back to the arena's page with the errors beside the schedule form.
    auto e = app::arena_entry(ctx.app.db, ctx.actor, kommune, *arena, ctx.app.clock);
    if (!e) return failure_response(ctx, e.error());
    auto page = arena_data(ctx, *e, kommune);
    page.set("title", e->arena.name);
    page.set("list_href", arenas_url(kommune));
    page.set("schedule_action", arena_url(kommune, *arena) + "/moter");
    page.set("f_starts_at", field(ctx.form, "starts_at"));
    page.set("f_place", field(ctx.form, "place"));
    set_errors(ctx, page, made->errors);
    return page_response(ctx, 422, "arena", page);
  }
  return http::Response::redirect(meeting_url(kommune, *arena, made->id));
}

// GET /kommune/{kommune}/arenaer/{arena}/moter/{meeting}
http::Response arena_meeting_page(const RequestContext& ctx) { return meeting_page(ctx, {}, 200); }

// POST /kommune/{kommune}/arenaer/{arena}/moter/{meeting}/saker
http::Response bring_arena_case(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  const auto meeting = param(ctx, "meeting");
  if (!arena || !meeting) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const app::CaseInput in{field(ctx.form, "kind"), field(ctx.form, "age_band"), field(ctx.form, "description"),
                          field(ctx.form, "log")};
  auto made = app::bring_case(ctx.app.db, access_trail(ctx), ctx.actor, kommune_param(ctx), *arena, *meeting, in,
                              ctx.app.clock);
  if (!made) return failure_response(ctx, made.error());
  if (!made->errors.empty()) return meeting_page(ctx, made->errors, 422);
  return http::Response::redirect(meeting_url(kommune_param(ctx), *arena, *meeting) + "#saker");
}

// POST /kommune/{kommune}/arenaer/{arena}/moter/{meeting}/referat
http::Response save_arena_minutes(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  const auto meeting = param(ctx, "meeting");
  if (!arena || !meeting) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto errors = app::save_minutes(ctx.app.db, ctx.actor, kommune_param(ctx), *arena, *meeting, field(ctx.form, "minutes"),
                                  ctx.app.clock);
  if (!errors) return failure_response(ctx, errors.error());
  if (!errors->empty()) return meeting_page(ctx, *errors, 422);
  return http::Response::redirect(meeting_url(kommune_param(ctx), *arena, *meeting) + "?lagret=referat#referat");
}

// POST /kommune/{kommune}/arenaer/{arena}/moter/{meeting}/saker/{case}/vedtak
http::Response decide_arena_case(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  const auto meeting = param(ctx, "meeting");
  const auto case_id = param(ctx, "case");
  if (!arena || !meeting || !case_id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto errors = app::decide_case(ctx.app.db, access_trail(ctx), ctx.actor, kommune_param(ctx), *arena, *meeting, *case_id,
                                 field(ctx.form, "decision"), field(ctx.form, "into_log") == "ja", ctx.app.clock);
  if (!errors) return failure_response(ctx, errors.error());
  if (!errors->empty()) return meeting_page(ctx, *errors, 422, *case_id);
  return http::Response::redirect(meeting_url(kommune_param(ctx), *arena, *meeting) + "?lagret=vedtak#saker");
}

// GET /api/v1/municipalities/{kommune}/arenas
http::Response api_arenas(const RequestContext& ctx) {
  auto list = app::arena_list(ctx.app.db, ctx.actor, kommune_param(ctx), ctx.app.clock);
  if (!list) return failure_response(ctx, list.error());
  json::array items;
  for (const auto& e : list->arenas) items.push_back(arena_json(e));
  return json_response(200, {{"arenas", items}, {"internal", list->rights.read_internal}});
}

// GET /api/v1/municipalities/{kommune}/arenas/{arena}: with its meetings for members.
http::Response api_arena(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  if (!arena) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto e = app::arena_entry(ctx.app.db, ctx.actor, kommune_param(ctx), *arena, ctx.app.clock);
  if (!e) return failure_response(ctx, e.error());
  auto o = arena_json(*e);
  if (e->member) {
    json::array meetings;
    for (const auto& m : e->meetings) meetings.push_back(meeting_json(m));
    o["meetings"] = meetings;
  }
  return json_response(200, o);
}

// POST /api/v1/municipalities/{kommune}/arenas
http::Response api_add_arena(const RequestContext& ctx) {
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto form = form_of_json(*body);
  if (!form) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto saved = app::add_arena(ctx.app.db, ctx.actor, kommune_param(ctx), *form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return field_errors_response(ctx, saved->errors);
  return json_response(201, {{"id", saved->id}});
}

// POST /api/v1/municipalities/{kommune}/arenas/{arena}
http::Response api_save_arena(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  if (!arena) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto form = form_of_json(*body);
  if (!form) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto saved = app::save_arena(ctx.app.db, ctx.actor, kommune_param(ctx), *arena, *form, ctx.app.clock);
  if (!saved) return failure_response(ctx, saved.error());
  if (!saved->errors.empty()) return field_errors_response(ctx, saved->errors);
  return json_response(200, {{"id", *arena}});
}

// GET /api/v1/municipalities/{kommune}/arenas/{arena}/meetings/{meeting}
http::Response api_arena_meeting(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  const auto meeting = param(ctx, "meeting");
  if (!arena || !meeting) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto view = app::arena_meeting(ctx.app.db, ctx.actor, kommune_param(ctx), *arena, *meeting, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  return json_response(200, meeting_json(view->meeting));
}

namespace {
std::string json_text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}
}  // namespace

// POST /api/v1/municipalities/{kommune}/arenas/{arena}/meetings {"starts_at", "place"}
http::Response api_schedule_arena_meeting(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  if (!arena) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto made = app::schedule_meeting(ctx.app.db, ctx.actor, kommune_param(ctx), *arena, json_text(*body, "starts_at"),
                                    json_text(*body, "place"), ctx.app.clock);
  if (!made) return failure_response(ctx, made.error());
  if (!made->errors.empty()) return field_errors_response(ctx, made->errors);
  return json_response(201, {{"id", made->id}});
}

// POST .../meetings/{meeting}/cases {"kind": "anonymous"|"log", "age_band", "description", "log_id"}
http::Response api_bring_arena_case(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  const auto meeting = param(ctx, "meeting");
  if (!arena || !meeting) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto* log = body->if_contains("log_id");
  const app::CaseInput in{json_text(*body, "kind"), json_text(*body, "age_band"), json_text(*body, "description"),
                          log != nullptr && log->is_int64() ? std::to_string(log->as_int64()) : std::string()};
  auto made = app::bring_case(ctx.app.db, access_trail(ctx), ctx.actor, kommune_param(ctx), *arena, *meeting, in,
                              ctx.app.clock);
  if (!made) return failure_response(ctx, made.error());
  if (!made->errors.empty()) return field_errors_response(ctx, made->errors);
  return json_response(201, {{"id", made->id}});
}

// POST .../meetings/{meeting}/minutes {"minutes"}
http::Response api_save_arena_minutes(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  const auto meeting = param(ctx, "meeting");
  if (!arena || !meeting) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto errors = app::save_minutes(ctx.app.db, ctx.actor, kommune_param(ctx), *arena, *meeting, json_text(*body, "minutes"),
                                  ctx.app.clock);
  if (!errors) return failure_response(ctx, errors.error());
  if (!errors->empty()) return field_errors_response(ctx, *errors);
  return json_response(200, {{"saved", *meeting}});
}

// POST .../meetings/{meeting}/cases/{case}/decision {"decision", "into_log": bool}
http::Response api_decide_arena_case(const RequestContext& ctx) {
  const auto arena = param(ctx, "arena");
  const auto meeting = param(ctx, "meeting");
  const auto case_id = param(ctx, "case");
  if (!arena || !meeting || !case_id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  const auto* into = body->if_contains("into_log");
  auto errors = app::decide_case(ctx.app.db, access_trail(ctx), ctx.actor, kommune_param(ctx), *arena, *meeting, *case_id,
                                 json_text(*body, "decision"), into != nullptr && into->is_bool() && into->as_bool(),
                                 ctx.app.clock);
  if (!errors) return failure_response(ctx, errors.error());
  if (!errors->empty()) return field_errors_response(ctx, *errors);
  return json_response(200, {{"decided", *case_id}});
}

}  // namespace stafett::web::pages
