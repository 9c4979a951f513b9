// /api/v1/ twins of the log forms. JSON in, JSON out, through the same use
// cases as the pages. Field errors answer 422 {"errors": [{field, message}]}
// with the message in the request's language.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/log_use_cases.h"
#include "web/form_input.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace json = boost::json;

http::Response bad_body(const RequestContext& ctx) { return error_response(ctx.app, ctx.request, ctx.locale, 400); }

}  // namespace

http::Response api_session(const RequestContext& ctx) {
  if (!ctx.session) return error_response(ctx.app, ctx.request, ctx.locale, 401);
  return json_response(200, {{"person", ctx.session->actor.person.value},
                             {"kind", ctx.session->actor.kind == policy::ActorKind::kEmployee ? "employee" : "citizen"},
                             {"name", ctx.session->display_name},
                             {"csrf_token", ctx.session->csrf_token}});
}

http::Response api_consent_text(const RequestContext& ctx) {
  const auto t = consent_text(ctx.app, ctx.locale);
  return json_response(200, {{"version", t.version}, {"hash", t.hash}, {"text", t.text}});
}

http::Response api_create_log(const RequestContext& ctx) {
  auto body = json_body(ctx.request);
  if (!body) return bad_body(ctx);
  app::FieldErrors errors;
  app::CreateLogInput in;
  in.child_national_id = json_string(*body, "child_national_id").value_or("");
  const auto unit = json_int(*body, "unit_id");
  if (!unit || *unit <= 0) errors.push_back({"unit", "api.error.type"});
  in.unit = domain::UnitId{unit.value_or(0)};
  in.level = static_cast<int>(json_int(*body, "level").value_or(1));
  const auto method = json_string(*body, "method").value_or("paper");
  if (method != "paper" && method != "digital") errors.push_back({"method", "api.error.type"});
  in.method = method == "digital" ? domain::ConsentMethod::kDigital : domain::ConsentMethod::kPaper;
  for (auto id : json_ids(*body, "signed_by_guardians", "guardians", errors)) {
    in.signed_by_guardians.push_back(domain::PersonId{id});
  }
  in.signed_by_child = json_bool(*body, "signed_by_child").value_or(false);
  auto consent = body->find("consent");
  if (consent == body->end() || !consent->value().is_object()) {
    errors.push_back({"consent", "api.error.type"});
  } else {
    in.consent = read_consent_json(ctx.app, consent->value().as_object(), errors);
  }
  if (!errors.empty()) return field_errors_response(ctx, errors);
  auto out = app::create_log(ctx.app.db, access_trail(ctx), ctx.app.keys, ctx.actor, in, ctx.app.clock);
  if (!out) return failure_response(ctx, out.error());
  if (!out->log) return field_errors_response(ctx, out->errors);
  auto r = json_response(201, {{"id", out->log->value}});
  r.add_header("Location", "/api/v1/logs/" + std::to_string(out->log->value));
  return r;
}

http::Response api_give_consent(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return bad_body(ctx);
  app::FieldErrors errors;
  const auto in = read_consent_json(ctx.app, *body, errors);
  if (!errors.empty()) return field_errors_response(ctx, errors);
  auto r = app::give_consent(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  return json_response(201, {{"log", *id}});
}

http::Response api_add_participant(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return bad_body(ctx);
  app::FieldErrors errors;
  const auto unit = json_int(*body, "unit_id");
  const auto person = json_int(*body, "person_id");
  const auto role = json_string(*body, "role").value_or("");
  if (!unit || !person || *unit <= 0 || *person <= 0) errors.push_back({"candidate", "participants.error.choose"});
  if (role != "contributor" && role != "reader") errors.push_back({"role", "participants.error.role"});
  if (!errors.empty()) return field_errors_response(ctx, errors);
  app::AddParticipantInput in{domain::UnitId{*unit}, domain::PersonId{*person},
                              role == "contributor" ? domain::ParticipantRole::kContributor
                                                    : domain::ParticipantRole::kReader,
                              json_bool(*body, "hidden").value_or(false)};
  auto r = app::add_participant(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, in, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  return json_response(201, {{"log", *id}});
}

http::Response api_remove_participant(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  const auto participant = id_param(ctx, "participant");
  if (!id || !participant) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  const std::string reason = body ? json_string(*body, "reason").value_or("") : "";
  auto r = app::remove_participant(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::ParticipantId{*participant},
                                   reason, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return json_response(200, {{"removed", *participant}});
}

http::Response api_propose_handover(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return bad_body(ctx);
  const auto to = json_int(*body, "to_participant_id");
  if (!to || *to <= 0) return field_errors_response(ctx, {{"to", "participants.error.choose"}});
  auto r = app::propose_handover(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::ParticipantId{*to}, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return json_response(201, {{"log", *id}});
}

http::Response api_answer_handover(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return bad_body(ctx);
  const auto accept = json_bool(*body, "accept");
  if (!accept) return field_errors_response(ctx, {{"accept", "api.error.type"}});
  auto r = app::answer_handover(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, *accept, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return json_response(200, {{"accepted", *accept}});
}

http::Response api_change_level(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return bad_body(ctx);
  const auto level = json_int(*body, "level");
  if (!level) return field_errors_response(ctx, {{"level", "api.error.type"}});
  auto r = app::change_level(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, static_cast<int>(*level),
                             json_string(*body, "reason").value_or(""), ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  return json_response(200, {{"level", *level}});
}

http::Response api_reopen_log(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  const std::string reason = body ? json_string(*body, "reason").value_or("") : "";
  auto r = app::reopen_log(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, reason, ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  return json_response(200, {{"reopened", *id}});
}

http::Response api_record_paper_consent(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return bad_body(ctx);
  app::FieldErrors errors;
  const auto in = read_consent_json(ctx.app, *body, errors);
  const auto given_by = json_int(*body, "given_by_person_id");
  if (!given_by || *given_by <= 0) errors.push_back({"given_by", "api.error.type"});
  if (!errors.empty()) return field_errors_response(ctx, errors);
  auto r = app::record_paper_consent(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, domain::PersonId{*given_by}, in,
                                     ctx.app.clock);
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  return json_response(201, {{"log", *id}});
}

}  // namespace stafett::web::pages
