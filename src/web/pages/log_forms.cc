// The forms of the stafettlogg core:
//   /logger/ny            an employee starts a log for a child, with consent
//   /logger/{id}/samtykke a guardian or the young person gives consent
//   /logger/{id}/deltakere the holder adds, hides and removes participants,
//                         and hands the log over
// Forms are two-step where they must be (the guardians are known only once
// the child is found). National identity numbers travel only in POST bodies,
// never in a URL.
#include <set>

#include "app/log_use_cases.h"
#include "app/tool_records.h"
#include "http/form_urlencode.h"
#include "web/form_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;

bool checked(const http::FormFields& form, std::string_view key, std::string_view value) {
  for (auto v : all_fields(form, key)) {
    if (v == value) return true;
  }
  return false;
}

// Scope, categories and validity: the part of every consent form.
void set_consent_fields(const RequestContext& ctx, mustache::data& page, const app::ConsentUnitChoices& units,
                        const http::FormFields& form) {
  auto unit_list = [&](const std::vector<store::UnitRow>& rows) {
    mustache::data list(mustache::data::type::list);
    for (const auto& u : rows) {
      mustache::data item(mustache::data::type::object);
      item.set("id", std::to_string(u.id.value));
      item.set("name", u.name);
      item.set("checked", flag(checked(form, "scope_unit", std::to_string(u.id.value))));
      list.push_back(item);
    }
    return list;
  };
  page.set("units", unit_list(units.home));
  page.set("units_elsewhere", unit_list(units.elsewhere));
  page.set("has_units_elsewhere", flag(!units.elsewhere.empty()));
  mustache::data services(mustache::data::type::list);
  for (auto s : domain::kAllServiceTypes) {
    mustache::data item(mustache::data::type::object);
    const std::string code(domain::service_type_code(s));
    item.set("code", code);
    item.set("name", text(ctx, "service_type." + code));
    item.set("checked", flag(checked(form, "scope_service", code)));
    services.push_back(item);
  }
  page.set("services", services);
  mustache::data categories(mustache::data::type::list);
  for (auto c : domain::kAllInfoCategories) {
    mustache::data item(mustache::data::type::object);
    const std::string code(domain::info_category_code(c));
    item.set("code", code);
    item.set("name", text(ctx, "category." + code));
    // First display (no consent submitted yet): the basic category, which
    // every consent needs, starts ticked.
    const bool first_display = !http::find_field(form, "info_text_hash");
    item.set("checked", flag(first_display ? c == domain::InfoCategory::kBasic : checked(form, "category", code)));
    categories.push_back(item);
  }
  page.set("categories", categories);
  page.set("valid_until", std::string(http::find_field(form, "valid_until").value_or("")));
  page.set("review_at", std::string(http::find_field(form, "review_at").value_or("")));
  const auto info = consent_text(ctx.app, ctx.locale);
  page.set("info_text", info.text);
  page.set("info_text_version", info.version);
  page.set("info_text_hash", info.hash);
}

// Step 2 of a new log: the child was found; choose consent and guardians.
http::Response new_log_step_two(const RequestContext& ctx, const std::string& national_id, domain::UnitId unit,
                                const app::FieldErrors& errors, int status) {
  auto child = app::look_up_child(ctx.app.db, ctx.app.keys, ctx.actor, national_id, unit, ctx.app.clock);
  if (!child) {
    if (child.error().code == Errc::kForbidden) return failure_response(ctx, child.error());
    // Not found or malformed: back to step 1 with the message next to the field.
    mustache::data page(mustache::data::type::object);
    page.set("title", text(ctx, "new_log.title"));
    page.set("step_one", flag(true));
    auto units = app::my_units(ctx.app.db, ctx.actor, ctx.app.clock);
    if (!units) return failure_response(ctx, units.error());
    mustache::data list(mustache::data::type::list);
    for (const auto& u : *units) {
      mustache::data item(mustache::data::type::object);
      item.set("id", std::to_string(u.id.value));
      item.set("name", u.name);
      item.set("selected", flag(u.id == unit));
      list.push_back(item);
    }
    page.set("my_units", list);
    set_errors(ctx, page,
               {{"national_id", child.error().code == Errc::kNotFound ? "log.error.child_unknown" : "log.error.national_id"}});
    return page_response(ctx, 422, "new_log", page);
  }
  auto units = app::units_for_new_log(ctx.app.db, ctx.actor, unit, ctx.app.clock);
  if (!units) return failure_response(ctx, units.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "new_log.title"));
  page.set("step_two", flag(true));
  page.set("tool_record", std::string(http::find_field(ctx.form, "skjema").value_or("")));
  page.set("national_id", national_id);
  page.set("unit", std::to_string(unit.value));
  page.set("child_name", child->child_name);
  page.set("child_age", std::to_string(child->age));
  mustache::data guardians(mustache::data::type::list);
  for (const auto& [id, name] : child->guardians) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(id.value));
    item.set("name", name);
    item.set("checked", flag(checked(ctx.form, "guardian", std::to_string(id.value))));
    guardians.push_back(item);
  }
  page.set("guardians", guardians);
  page.set("child_consent_needed", flag(child->child_consent_needed));
  page.set("digital", flag(http::find_field(ctx.form, "method") == std::optional<std::string_view>("digital")));
  const auto level = http::find_field(ctx.form, "level").value_or("1");
  for (const char* l : {"1", "2", "3"}) page.set(std::string("level_") + l, flag(level == l));
  set_consent_fields(ctx, page, *units, ctx.form);
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "new_log", page);
}

}  // namespace

http::Response new_log_form(const RequestContext& ctx) {
  auto units = app::my_units(ctx.app.db, ctx.actor, ctx.app.clock);
  if (!units) return failure_response(ctx, units.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "new_log.title"));
  page.set("step_one", flag(true));
  // Started from a form of the guide (an undringsnotat): it goes into the new log.
  if (auto query = http::parse_query(ctx.request.query)) {
    if (auto record = parse_id(http::find_field(*query, "skjema").value_or(""))) {
      page.set("tool_record", std::to_string(*record));
    }
  }
  mustache::data list(mustache::data::type::list);
  for (const auto& u : *units) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(u.id.value));
    item.set("name", u.name);
    list.push_back(item);
  }
  page.set("my_units", list);
  set_errors(ctx, page, {});
  return page_response(ctx, 200, "new_log", page);
}

http::Response new_log_find_child(const RequestContext& ctx) {
  const auto national_id = http::find_field(ctx.form, "national_id");
  const auto unit = parse_id(http::find_field(ctx.form, "unit").value_or(""));
  if (!national_id || !unit) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  std::string digits;
  for (char c : *national_id) {
    if (c != ' ') digits += c;  // people type "010112 34567"
  }
  return new_log_step_two(ctx, digits, domain::UnitId{*unit}, {}, 200);
}

http::Response create_log(const RequestContext& ctx) {
  const auto national_id = http::find_field(ctx.form, "national_id");
  const auto unit = parse_id(http::find_field(ctx.form, "unit").value_or(""));
  if (!national_id || !unit) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  app::FieldErrors errors;
  app::CreateLogInput in;
  in.child_national_id = std::string(*national_id);
  in.unit = domain::UnitId{*unit};
  const auto level = http::find_field(ctx.form, "level").value_or("1");
  in.level = level == "1" ? 1 : level == "2" ? 2 : level == "3" ? 3 : 0;
  in.method = http::find_field(ctx.form, "method") == std::optional<std::string_view>("digital")
                  ? domain::ConsentMethod::kDigital
                  : domain::ConsentMethod::kPaper;
  in.consent = read_consent_input(ctx.app, ctx.form, errors);
  for (auto g : all_fields(ctx.form, "guardian")) {
    if (auto id = parse_id(g)) {
      in.signed_by_guardians.push_back(domain::PersonId{*id});
    } else {
      errors.push_back({"guardians", "log.error.not_a_guardian"});
    }
  }
  in.signed_by_child = http::find_field(ctx.form, "child_signed") == std::optional<std::string_view>("1");
  if (errors.empty()) {
    auto out = app::create_log(ctx.app.db, access_trail(ctx), ctx.app.keys, ctx.actor, in, ctx.app.clock);
    if (!out) return failure_response(ctx, out.error());
    if (out->log) {
      // A form from the guide the log was started with goes into it now. When
      // it cannot yet (the log waits for the family's digital consent), it
      // stays with the unit and can be added from the form's page later.
      if (auto record = parse_id(http::find_field(ctx.form, "skjema").value_or(""))) {
        if (!app::attach_tool_record(ctx.app.db, access_trail(ctx), ctx.actor, *record, *out->log, ctx.app.clock.now())) {
          // Say so, where it can be added once the consent allows it.
          return http::Response::redirect("/skjema/" + std::to_string(*record) + "?ikke_lagt=1");
        }
      }
      return http::Response::redirect(log_url(out->log->value));
    }
    errors = out->errors;
  }
  return new_log_step_two(ctx, in.child_national_id, in.unit, errors, 422);
}

http::Response consent_form(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto units = app::units_for_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!units) return failure_response(ctx, units.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "consent.form_title"));
  page.set("log_url", log_url(*id));
  page.set("action", log_url(*id) + "/samtykke");
  set_consent_fields(ctx, page, *units, ctx.form);
  set_errors(ctx, page, {});
  return page_response(ctx, 200, "consent_form", page);
}

http::Response give_consent(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  app::FieldErrors errors;
  const auto in = read_consent_input(ctx.app, ctx.form, errors);
  if (errors.empty()) {
    auto r = app::give_consent(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
    if (!r) return failure_response(ctx, r.error());
    if (r->empty()) return http::Response::redirect(log_url(*id));
    errors = *r;
  }
  auto units = app::units_for_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!units) return failure_response(ctx, units.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "consent.form_title"));
  page.set("log_url", log_url(*id));
  page.set("action", log_url(*id) + "/samtykke");
  set_consent_fields(ctx, page, *units, ctx.form);
  set_errors(ctx, page, errors);
  return page_response(ctx, 422, "consent_form", page);
}

namespace {

http::Response paper_consent_page(const RequestContext& ctx, std::int64_t id, const app::FieldErrors& errors,
                                  int status) {
  auto view = app::paper_consent_view(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{id}, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "paper_consent.title"));
  page.set("log_url", log_url(id));
  page.set("child_name", view->child_name);
  page.set("action", log_url(id) + "/samtykker/papir");
  mustache::data consenters(mustache::data::type::list);
  for (const auto& c : view->consenters) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(c.person.value));
    item.set("name", c.name + " (" + text(ctx, c.role == domain::ConsenterRole::kChild ? "consent.as_child" : "consent.as_guardian") + ")");
    item.set("selected", flag(http::find_field(ctx.form, "given_by") == std::optional<std::string_view>(std::to_string(c.person.value))));
    consenters.push_back(item);
  }
  page.set("consenters", consenters);
  set_consent_fields(ctx, page, view->units, ctx.form);
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "paper_consent", page);
}

}  // namespace

http::Response paper_consent_form(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  return paper_consent_page(ctx, *id, {}, 200);
}

http::Response record_paper_consent(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  app::FieldErrors errors;
  const auto in = read_consent_input(ctx.app, ctx.form, errors);
  const auto given_by = parse_id(http::find_field(ctx.form, "given_by").value_or(""));
  if (!given_by) errors.push_back({"given_by", "log.error.not_a_guardian"});
  if (errors.empty()) {
    auto r = app::record_paper_consent(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::PersonId{*given_by}, in,
                                       ctx.app.clock);
    if (!r) return failure_response(ctx, r.error());
    if (r->empty()) return http::Response::redirect(log_url(*id));
    errors = *r;
  }
  return paper_consent_page(ctx, *id, errors, 422);
}

namespace {

http::Response participants_page_with(const RequestContext& ctx, std::int64_t id, const app::FieldErrors& errors,
                                      int status) {
  // The candidates first: they need the holder's right (kManageParticipants),
  // so a reader is refused before anything is read and recorded. show_log
  // then records this page's one access; the candidates record nothing.
  auto candidates = app::participant_candidates(ctx.app.db, ctx.actor, domain::LogId{id}, ctx.app.clock);
  if (!candidates) return failure_response(ctx, candidates.error());
  auto view = app::show_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{id}, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "participants.title"));
  page.set("child_name", view->child_name);
  page.set("log_url", log_url(id));
  // Adding someone needs a recent login: say so before the form is filled in.
  if (ctx.session && !app::recently_authenticated(*ctx.session, ctx.app.clock.now(), ctx.app.sessions)) {
    page.set("renew_url", "/logg-inn/fornye?" + http::form_urlencode({{"tilbake", log_url(id) + "/deltakere"}}));
  }
  mustache::data participants(mustache::data::type::list);
  mustache::data handover_targets(mustache::data::type::list);
  for (const auto& p : view->participants) {
    mustache::data item(mustache::data::type::object);
    item.set("name", p.name);
    item.set("role", text(ctx, "role." + std::string(domain::participant_role_code(p.role))));
    if (p.unit_name) item.set("unit", *p.unit_name);
    item.set("hidden", flag(p.hidden));
    item.set("holder", flag(p.is_holder));
    const bool employee = domain::is_employee_role(p.role);
    item.set("can_remove", flag(employee && !p.is_holder));
    item.set("can_hide", flag(employee));
    const std::string base = log_url(id) + "/deltakere/" + std::to_string(p.id.value);
    item.set("remove_action", base + "/fjern");
    item.set("hide_action", base + "/skjul");
    item.set("hide_value", p.hidden ? "0" : "1");
    item.set("hide_label", text(ctx, p.hidden ? "participants.unhide" : "participants.hide"));
    participants.push_back(item);
    if (employee && !p.is_holder) {
      mustache::data target(mustache::data::type::object);
      target.set("id", std::to_string(p.id.value));
      target.set("name", p.name + (p.unit_name ? ", " + *p.unit_name : ""));
      handover_targets.push_back(target);
    }
  }
  page.set("participants", participants);
  mustache::data list(mustache::data::type::list);
  for (const auto& c : *candidates) {
    mustache::data item(mustache::data::type::object);
    item.set("value", std::to_string(c.unit.value) + ":" + std::to_string(c.person.value));
    item.set("label", c.name + " – " + c.title + ", " + c.unit_name);
    list.push_back(item);
  }
  page.set("candidates", list);
  // What each unit on offer does, from the municipality's service catalogue.
  std::string kommune;
  if (ctx.app.guides != nullptr) {
    if (auto all = ctx.app.guides->municipalities(ctx.app.db, ctx.app.clock.now())) {
      for (const auto& m : *all) {
        if (m.id.value == view->log.municipality.value) kommune = m.kommunenummer;
      }
    }
  }
  mustache::data catalogue(mustache::data::type::list);
  std::set<std::int64_t> seen;
  for (const auto& c : *candidates) {
    if (kommune.empty() || !seen.insert(c.unit.value).second) continue;
    mustache::data item(mustache::data::type::object);
    item.set("unit_name", c.unit_name);
    item.set("unit_href", "/kommune/" + kommune + "/tjenester/" + std::to_string(c.unit.value));
    catalogue.push_back(item);
  }
  page.set("has_catalogue_units", flag(!seen.empty()));
  page.set("catalogue_units", catalogue);
  page.set("add_action", log_url(id) + "/deltakere");
  page.set("handover_action", log_url(id) + "/overlevering");
  page.set("handover_targets", handover_targets);
  page.set("can_hand_over", flag(view->can.propose_handover));
  set_errors(ctx, page, errors);
  return page_response(ctx, status, "participants", page);
}

}  // namespace

http::Response participants_page(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  return participants_page_with(ctx, *id, {}, 200);
}

http::Response add_participant(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  app::FieldErrors errors;
  app::AddParticipantInput in;
  // "unit:person" from the picker; nothing else from the form is trusted.
  const std::string_view pick = http::find_field(ctx.form, "candidate").value_or("");
  const auto colon = pick.find(':');
  const auto unit = colon == std::string_view::npos ? std::nullopt : parse_id(pick.substr(0, colon));
  const auto person = colon == std::string_view::npos ? std::nullopt : parse_id(pick.substr(colon + 1));
  const auto role = http::find_field(ctx.form, "role").value_or("");
  if (!unit || !person) errors.push_back({"candidate", "participants.error.choose"});
  if (role != "contributor" && role != "reader") errors.push_back({"role", "participants.error.role"});
  if (errors.empty()) {
    in.unit = domain::UnitId{*unit};
    in.person = domain::PersonId{*person};
    in.role = role == "contributor" ? domain::ParticipantRole::kContributor : domain::ParticipantRole::kReader;
    in.hidden = http::find_field(ctx.form, "hidden") == std::optional<std::string_view>("1");
    auto r = app::add_participant(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
    if (!r) return failure_response(ctx, r.error());
    if (r->empty()) return http::Response::redirect(log_url(*id) + "/deltakere");
    errors = *r;
  }
  return participants_page_with(ctx, *id, errors, 422);
}

http::Response remove_participant(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto participant = id_param(ctx, "participant");
  if (!id || !participant) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto reason = http::find_field(ctx.form, "reason").value_or("");
  auto r = app::remove_participant(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::ParticipantId{*participant},
                                   std::string(reason), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return http::Response::redirect(log_url(*id) + "/deltakere");
}

http::Response hide_participant(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto participant = id_param(ctx, "participant");
  if (!id || !participant) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto hidden = http::find_field(ctx.form, "hidden").value_or("");
  if (hidden != "0" && hidden != "1") return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::set_participant_hidden(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::ParticipantId{*participant},
                                       hidden == "1", ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return http::Response::redirect(log_url(*id) + "/deltakere");
}

http::Response propose_handover(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto to = parse_id(http::find_field(ctx.form, "to").value_or(""));
  if (!to) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::propose_handover(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::ParticipantId{*to}, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return http::Response::redirect(log_url(*id));
}

http::Response answer_handover(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto answer = http::find_field(ctx.form, "answer").value_or("");
  if (answer != "accept" && answer != "reject") return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::answer_handover(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, answer == "accept", ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return http::Response::redirect(log_url(*id));
}

}  // namespace stafett::web::pages
