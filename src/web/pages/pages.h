#pragma once
// Page and API handlers. Each is thin: read the request, call one app/ use
// case, map the result to a view, render. Listed with their policies in routes.cc.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <kainjow/mustache.hpp>

#include <optional>

#include "http/response.h"
#include "app/access_history.h"
#include "app/guide_editing.h"
#include "app/guide_library.h"
#include "app/log_use_cases.h"
#include "store/break_glass_repository.h"
#include "web/app_context.h"

namespace stafett::web::pages {

http::Response start_page(const RequestContext& ctx);
http::Response choose_language(const RequestContext& ctx);
http::Response static_asset(const RequestContext& ctx);
http::Response healthz(const RequestContext& ctx);
http::Response readyz(const RequestContext& ctx);
http::Response api_municipalities(const RequestContext& ctx);

// The public handlingsveileder and "Bekymret for et barn?" (pages/guide.cc).
http::Response guide_choose_page(const RequestContext& ctx);
http::Response citizen_choose_page(const RequestContext& ctx);
http::Response guide_overview_page(const RequestContext& ctx);
http::Response guide_step_page(const RequestContext& ctx);
// A step page of `guide`; `preview` marks it as the coordinator's unpublished draft.
http::Response render_guide_step(const RequestContext& ctx, const app::PublishedGuide& guide,
                                 const std::string& step_key, bool preview);
http::Response render_guide_tool(const RequestContext& ctx, const app::PublishedGuide& guide,
                                 const std::string& tool_key, bool preview);
http::Response guide_tool_page(const RequestContext& ctx);
http::Response guide_search_page(const RequestContext& ctx);
http::Response citizen_page(const RequestContext& ctx);
http::Response api_guide(const RequestContext& ctx);
http::Response api_guide_search(const RequestContext& ctx);

// The coordinator's guide editor (pages/guide_editor.cc).
http::Response guide_editor_page(const RequestContext& ctx);
http::Response render_guide_editor(const RequestContext& ctx, const app::GuideDraft& draft,
                                   const app::FieldErrors& errors, const std::string& summary, int status);
http::Response guide_edit_step_page(const RequestContext& ctx);
http::Response guide_save_step(const RequestContext& ctx);
http::Response guide_move_step(const RequestContext& ctx);
http::Response guide_new_step_page(const RequestContext& ctx);
http::Response guide_add_step(const RequestContext& ctx);
http::Response guide_remove_step(const RequestContext& ctx);
http::Response guide_texts_page(const RequestContext& ctx);
http::Response guide_save_texts(const RequestContext& ctx);
http::Response guide_edit_tool_page(const RequestContext& ctx);
http::Response guide_save_tool(const RequestContext& ctx);
http::Response guide_preview_step(const RequestContext& ctx);
http::Response guide_preview_tool(const RequestContext& ctx);
http::Response guide_publish(const RequestContext& ctx);
http::Response guide_history_page(const RequestContext& ctx);
http::Response guide_version_page(const RequestContext& ctx);
http::Response api_guide_draft(const RequestContext& ctx);
http::Response api_save_guide_draft(const RequestContext& ctx);
http::Response api_publish_guide(const RequestContext& ctx);
http::Response api_guide_versions(const RequestContext& ctx);
http::Response api_guide_version_diff(const RequestContext& ctx);

// Filling in the guide's tools (pages/tool_records.cc).
http::Response worried_employee(const RequestContext& ctx);
http::Response tool_records_page(const RequestContext& ctx);
http::Response new_tool_form_page(const RequestContext& ctx);
http::Response create_tool_record(const RequestContext& ctx);
http::Response tool_record_page(const RequestContext& ctx);
http::Response save_tool_record_page(const RequestContext& ctx);
http::Response delete_tool_draft_page(const RequestContext& ctx);
http::Response tool_outcome_page(const RequestContext& ctx);
http::Response attach_tool_record_page(const RequestContext& ctx);
http::Response log_tool_record_page(const RequestContext& ctx);
http::Response api_tool_form(const RequestContext& ctx);
http::Response api_tool_records(const RequestContext& ctx);
http::Response api_create_tool_record(const RequestContext& ctx);
http::Response api_save_tool_record(const RequestContext& ctx);
http::Response api_tool_record(const RequestContext& ctx);
http::Response api_tool_outcome(const RequestContext& ctx);
http::Response api_attach_tool_record(const RequestContext& ctx);
http::Response api_log_tool_record(const RequestContext& ctx);

http::Response login_page(const RequestContext& ctx);
http::Response demo_login(const RequestContext& ctx);
http::Response logout(const RequestContext& ctx);
http::Response start_citizen_login(const RequestContext& ctx);
http::Response start_employee_login(const RequestContext& ctx);
http::Response login_callback(const RequestContext& ctx);
http::Response front_channel_logout(const RequestContext& ctx);
// GET /logg-inn/fornye: prove who you are again (at the provider the session
// came from; a confirmation page for demo sessions), then back to ?tilbake=.
http::Response renew_login(const RequestContext& ctx);
http::Response confirm_demo_renewal(const RequestContext& ctx);

http::Response my_logs(const RequestContext& ctx);
// The log page, with field errors from a form posted on it (status 422).
// `kind` narrows the timeline to one kind of entry (GET /logger/{id}?vis=goal).
http::Response render_log_page(const RequestContext& ctx, std::int64_t id, const app::FieldErrors& errors, int status,
                               std::optional<domain::EntryKind> kind = std::nullopt);
http::Response log_page(const RequestContext& ctx);
http::Response withdraw_consent(const RequestContext& ctx);
http::Response close_log(const RequestContext& ctx);
http::Response reopen_log(const RequestContext& ctx);
http::Response change_level(const RequestContext& ctx);

http::Response new_log_form(const RequestContext& ctx);
http::Response new_log_find_child(const RequestContext& ctx);
http::Response create_log(const RequestContext& ctx);
http::Response consent_form(const RequestContext& ctx);
http::Response give_consent(const RequestContext& ctx);
http::Response paper_consent_form(const RequestContext& ctx);
http::Response record_paper_consent(const RequestContext& ctx);
http::Response participants_page(const RequestContext& ctx);
http::Response add_participant(const RequestContext& ctx);
http::Response remove_participant(const RequestContext& ctx);
http::Response hide_participant(const RequestContext& ctx);
http::Response propose_handover(const RequestContext& ctx);
http::Response answer_handover(const RequestContext& ctx);

http::Response api_session(const RequestContext& ctx);
http::Response api_consent_text(const RequestContext& ctx);
http::Response api_create_log(const RequestContext& ctx);
http::Response api_give_consent(const RequestContext& ctx);
http::Response api_add_participant(const RequestContext& ctx);
http::Response api_remove_participant(const RequestContext& ctx);
http::Response api_propose_handover(const RequestContext& ctx);
http::Response api_answer_handover(const RequestContext& ctx);
http::Response api_reopen_log(const RequestContext& ctx);
http::Response api_change_level(const RequestContext& ctx);
http::Response api_consents(const RequestContext& ctx);
http::Response api_record_paper_consent(const RequestContext& ctx);

// Who has seen a log (its family) and an employee's own accesses, with their
// JSON twins; filtered by ?from, to, person, before.
http::Response log_accesses_page(const RequestContext& ctx);
http::Response my_accesses_page(const RequestContext& ctx);
http::Response api_log_accesses(const RequestContext& ctx);
http::Response api_my_accesses(const RequestContext& ctx);

// The privacy officer's search of their municipality's access records
// (/personvern) and its export (?format=csv|json), with their JSON twins.
http::Response privacy_search_page(const RequestContext& ctx);
http::Response privacy_export(const RequestContext& ctx);
http::Response api_privacy_accesses(const RequestContext& ctx);
http::Response api_privacy_export(const RequestContext& ctx);

// Break-glass (nødtilgang): the form and its JSON twin; the offer shown
// instead of the log page's 403 to an employee designated for it (nullopt
// for everyone else: they get the ordinary 403).
http::Response break_glass_form_page(const RequestContext& ctx);
http::Response open_break_glass(const RequestContext& ctx);
http::Response api_open_break_glass(const RequestContext& ctx);
std::optional<http::Response> break_glass_offer(const RequestContext& ctx, std::int64_t log);
// The search by a child's national identity number that comes before it.
http::Response break_glass_search_page(const RequestContext& ctx);
http::Response search_for_break_glass(const RequestContext& ctx);
http::Response api_search_for_break_glass(const RequestContext& ctx);
boost::json::object break_glass_json(const store::BreakGlassRow& access);
// name, unit, started_at, expires_at, reason (in words), explanation.
kainjow::mustache::data break_glass_item_data(const RequestContext& ctx, const store::BreakGlassRow& access);
// The family's copy of their data (GDPR art. 15): a readable document
// (/logger/{id}/kopi) and the same as JSON (/api/v1/logs/{id}/export).
http::Response family_copy_page(const RequestContext& ctx);
http::Response api_family_copy(const RequestContext& ctx);
// Pieces the copy shares with the log page, its JSON twin and the family's
// access page.
kainjow::mustache::data log_document_data(const RequestContext& ctx, const app::LogView& view);
boost::json::value log_view_json(const app::LogView& view);
boost::json::object access_json(const app::AccessLine& access);

// The privacy officer's review queue (/personvern/gjennomgang) and the
// recording of one review's outcome, with their JSON twins.
http::Response break_glass_queue_page(const RequestContext& ctx);
http::Response review_break_glass(const RequestContext& ctx);
http::Response api_break_glass_queue(const RequestContext& ctx);
http::Response api_review_break_glass(const RequestContext& ctx);

// The samhandlingsmodell: the service catalogue and the model's history.
http::Response services_page(const RequestContext& ctx);
http::Response service_page(const RequestContext& ctx);
http::Response new_service_page(const RequestContext& ctx);
http::Response add_service(const RequestContext& ctx);
http::Response edit_service_page(const RequestContext& ctx);
http::Response save_service(const RequestContext& ctx);
http::Response api_services(const RequestContext& ctx);
http::Response api_service(const RequestContext& ctx);
http::Response api_add_service(const RequestContext& ctx);
http::Response api_save_service(const RequestContext& ctx);
http::Response catalogue_measures_page(const RequestContext& ctx);
http::Response catalogue_measure_page(const RequestContext& ctx);
http::Response catalogue_new_measure_page(const RequestContext& ctx);
http::Response catalogue_add_measure(const RequestContext& ctx);
http::Response catalogue_edit_measure_page(const RequestContext& ctx);
http::Response catalogue_save_measure(const RequestContext& ctx);
http::Response catalogue_api_measures(const RequestContext& ctx);
http::Response catalogue_api_measure(const RequestContext& ctx);
http::Response catalogue_api_add_measure(const RequestContext& ctx);
http::Response catalogue_api_save_measure(const RequestContext& ctx);
http::Response arenas_page(const RequestContext& ctx);
http::Response arena_page(const RequestContext& ctx);
http::Response new_arena_page(const RequestContext& ctx);
http::Response add_arena(const RequestContext& ctx);
http::Response edit_arena_page(const RequestContext& ctx);
http::Response save_arena(const RequestContext& ctx);
http::Response schedule_arena_meeting(const RequestContext& ctx);
http::Response arena_meeting_page(const RequestContext& ctx);
http::Response bring_arena_case(const RequestContext& ctx);
http::Response save_arena_minutes(const RequestContext& ctx);
http::Response decide_arena_case(const RequestContext& ctx);
http::Response api_arenas(const RequestContext& ctx);
http::Response api_arena(const RequestContext& ctx);
http::Response api_add_arena(const RequestContext& ctx);
http::Response api_save_arena(const RequestContext& ctx);
http::Response api_arena_meeting(const RequestContext& ctx);
http::Response api_schedule_arena_meeting(const RequestContext& ctx);
http::Response api_bring_arena_case(const RequestContext& ctx);
http::Response api_save_arena_minutes(const RequestContext& ctx);
http::Response api_decide_arena_case(const RequestContext& ctx);
http::Response plans_page(const RequestContext& ctx);
http::Response plan_page(const RequestContext& ctx);
http::Response new_plan_page(const RequestContext& ctx);
http::Response add_plan(const RequestContext& ctx);
http::Response edit_plan_page(const RequestContext& ctx);
http::Response save_plan(const RequestContext& ctx);
http::Response api_plans(const RequestContext& ctx);
http::Response api_plan(const RequestContext& ctx);
http::Response api_add_plan(const RequestContext& ctx);
http::Response api_save_plan(const RequestContext& ctx);
http::Response model_overview_page(const RequestContext& ctx);
http::Response api_model_overview(const RequestContext& ctx);
http::Response model_history_page(const RequestContext& ctx);
http::Response model_change_page(const RequestContext& ctx);
http::Response api_model_history(const RequestContext& ctx);
http::Response api_model_change(const RequestContext& ctx);

// The deployment's municipalities (an operator).
http::Response deployment_municipalities(const RequestContext& ctx);
http::Response deployment_add_municipality(const RequestContext& ctx);
http::Response api_deployment_municipalities(const RequestContext& ctx);
http::Response api_add_municipality(const RequestContext& ctx);

http::Response admin_settings(const RequestContext& ctx);
http::Response admin_save_origins(const RequestContext& ctx);
http::Response api_save_origins(const RequestContext& ctx);
http::Response admin_save_settings(const RequestContext& ctx);
http::Response api_admin_settings(const RequestContext& ctx);
// How long the municipality keeps closed logs and their access records.
http::Response admin_save_retention(const RequestContext& ctx);
http::Response api_save_retention(const RequestContext& ctx);

http::Response add_goal(const RequestContext& ctx);
http::Response correct_goal(const RequestContext& ctx);
http::Response new_measure_form(const RequestContext& ctx);
http::Response add_measure(const RequestContext& ctx);
http::Response correct_measure_form(const RequestContext& ctx);
http::Response correct_measure(const RequestContext& ctx);
http::Response evaluation_form(const RequestContext& ctx);
http::Response add_evaluation(const RequestContext& ctx);
http::Response add_meeting(const RequestContext& ctx);
http::Response record_minutes(const RequestContext& ctx);
http::Response task_from_decision(const RequestContext& ctx);
http::Response api_add_meeting(const RequestContext& ctx);
http::Response add_task(const RequestContext& ctx);
http::Response set_task_done(const RequestContext& ctx);
http::Response my_tasks_page(const RequestContext& ctx);
http::Response api_add_task(const RequestContext& ctx);
http::Response api_my_tasks(const RequestContext& ctx);
http::Response add_highlight(const RequestContext& ctx);
http::Response add_note(const RequestContext& ctx);
http::Response set_note_rules(const RequestContext& ctx);
http::Response api_add_highlight(const RequestContext& ctx);
http::Response api_add_note(const RequestContext& ctx);
http::Response api_add_goal(const RequestContext& ctx);
http::Response api_add_measure(const RequestContext& ctx);
http::Response api_add_evaluation(const RequestContext& ctx);
http::Response api_record_minutes(const RequestContext& ctx);
http::Response api_task_from_decision(const RequestContext& ctx);
http::Response api_set_task_done(const RequestContext& ctx);
http::Response api_set_note_rules(const RequestContext& ctx);
http::Response api_measure_catalogue(const RequestContext& ctx);
// corrections.cc: any kind of entry
http::Response correction_form(const RequestContext& ctx);
http::Response correct_entry(const RequestContext& ctx);
http::Response api_correct_entry(const RequestContext& ctx);

http::Response api_my_logs(const RequestContext& ctx);
http::Response api_log(const RequestContext& ctx);
http::Response log_print_page(const RequestContext& ctx);
http::Response api_timeline(const RequestContext& ctx);
http::Response api_withdraw_consent(const RequestContext& ctx);
http::Response api_close_log(const RequestContext& ctx);

}  // namespace stafett::web::pages
