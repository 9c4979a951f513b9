#include "web/routes.h"

#include "web/pages/pages.h"

namespace stafett::web {

using http::Method;
using policy::Action;

std::span<const Route> route_table() {
  static constexpr Route kRoutes[] = {
      // Public pages
      {Method::kGet, "/", Action::kViewPublicPage, pages::start_page},
      {Method::kGet, "/sprak/{code}", Action::kChooseLanguage, pages::choose_language},
      {Method::kGet, "/static/{*path}", Action::kReadStaticAsset, pages::static_asset},
      // Operations
      {Method::kGet, "/healthz", Action::kCheckHealth, pages::healthz},
      {Method::kGet, "/readyz", Action::kCheckHealth, pages::readyz},
      // Login (the demo personas only with `serve --demo`)
      {Method::kGet, "/logg-inn", Action::kViewPublicPage, pages::login_page},
      {Method::kPost, "/demo/logg-inn", Action::kDemoLogin, pages::demo_login, true},
      {Method::kPost, "/logg-ut", Action::kLogout, pages::logout},
      // Login with an identity provider (OpenID Connect): ID-porten, Entra ID
      {Method::kGet, "/logg-inn/innbygger", Action::kLogin, pages::start_citizen_login},
      {Method::kGet, "/logg-inn/ansatt", Action::kLogin, pages::start_employee_login},
      {Method::kGet, "/innlogging/tilbake", Action::kLogin, pages::login_callback},
      {Method::kGet, "/innlogging/frontkanal", Action::kProviderLogout, pages::front_channel_logout},
      // Stafettlogger
      {Method::kGet, "/logger", Action::kListOwnLogs, pages::my_logs},
      {Method::kGet, "/logger/ny", Action::kCreateLog, pages::new_log_form},
      {Method::kPost, "/logger/ny/barn", Action::kCreateLog, pages::new_log_find_child},
      {Method::kPost, "/logger/ny", Action::kCreateLog, pages::create_log},
      {Method::kGet, "/logger/{id}", Action::kReadLog, pages::log_page},
      {Method::kGet, "/logger/{id}/utskrift", Action::kReadLog, pages::log_print_page},
      {Method::kGet, "/logger/{id}/samtykke", Action::kGiveConsent, pages::consent_form},
      {Method::kPost, "/logger/{id}/samtykke", Action::kGiveConsent, pages::give_consent},
      {Method::kGet, "/logger/{id}/samtykker/papir", Action::kRecordPaperConsent, pages::paper_consent_form},
      {Method::kPost, "/logger/{id}/samtykker/papir", Action::kRecordPaperConsent, pages::record_paper_consent},
      {Method::kGet, "/logger/{id}/deltakere", Action::kManageParticipants, pages::participants_page},
      {Method::kPost, "/logger/{id}/deltakere", Action::kManageParticipants, pages::add_participant},
      {Method::kPost, "/logger/{id}/deltakere/{participant}/fjern", Action::kManageParticipants,
       pages::remove_participant},
      {Method::kPost, "/logger/{id}/deltakere/{participant}/skjul", Action::kManageParticipants,
       pages::hide_participant},
      {Method::kPost, "/logger/{id}/overlevering", Action::kProposeHandover, pages::propose_handover},
      {Method::kPost, "/logger/{id}/overlevering/svar", Action::kAnswerHandover, pages::answer_handover},
      {Method::kPost, "/logger/{id}/samtykker/{consent}/trekk-tilbake", Action::kWithdrawConsent,
       pages::withdraw_consent},
      {Method::kPost, "/logger/{id}/lukk", Action::kCloseLog, pages::close_log},
      {Method::kPost, "/logger/{id}/gjenapne", Action::kReopenLog, pages::reopen_log},
      {Method::kPost, "/logger/{id}/niva", Action::kChangeLevel, pages::change_level},
      // Log content: goals, measures, evaluations
      {Method::kPost, "/logger/{id}/mal", Action::kWriteEntry, pages::add_goal},
      {Method::kPost, "/logger/{id}/lysglimt", Action::kWriteEntry, pages::add_highlight},
      {Method::kPost, "/logger/{id}/oppgaver", Action::kWriteEntry, pages::add_task},
      {Method::kPost, "/logger/{id}/moter", Action::kWriteEntry, pages::add_meeting},
      {Method::kPost, "/logger/{id}/moter/{entry}/referat", Action::kWriteEntry, pages::record_minutes},
      {Method::kPost, "/logger/{id}/moter/{entry}/oppgave", Action::kWriteEntry, pages::task_from_decision},
      {Method::kPost, "/logger/{id}/oppgaver/{entry}/utfort", Action::kWriteEntry, pages::set_task_done},
      {Method::kGet, "/oppgaver", Action::kListOwnLogs, pages::my_tasks_page},
      {Method::kPost, "/logger/{id}/notater", Action::kWriteEntry, pages::add_note},
      {Method::kPost, "/logger/{id}/notatregler", Action::kConfigureLog, pages::set_note_rules},
      {Method::kPost, "/logger/{id}/mal/{entry}/rett", Action::kCorrectEntry, pages::correct_goal},
      {Method::kGet, "/logger/{id}/tiltak/ny", Action::kWriteEntry, pages::new_measure_form},
      {Method::kPost, "/logger/{id}/tiltak", Action::kWriteEntry, pages::add_measure},
      {Method::kGet, "/logger/{id}/tiltak/{entry}/rett", Action::kCorrectEntry, pages::correct_measure_form},
      {Method::kPost, "/logger/{id}/tiltak/{entry}/rett", Action::kCorrectEntry, pages::correct_measure},
      {Method::kGet, "/logger/{id}/tiltak/{entry}/evaluering", Action::kWriteEntry, pages::evaluation_form},
      {Method::kPost, "/logger/{id}/tiltak/{entry}/evaluering", Action::kWriteEntry, pages::add_evaluation},
      {Method::kGet, "/logger/{id}/innslag/{entry}/rett", Action::kCorrectEntry, pages::correction_form},
      {Method::kPost, "/logger/{id}/innslag/{entry}/rett", Action::kCorrectEntry, pages::correct_entry},
      // Municipal administration (never log content)
      {Method::kGet, "/admin/innstillinger", Action::kManageMunicipality, pages::admin_settings},
      {Method::kPost, "/admin/kommuner/{municipality}/innstillinger", Action::kManageMunicipality,
       pages::admin_save_settings},
      // JSON API
      {Method::kGet, "/api/v1/admin/settings", Action::kManageMunicipality, pages::api_admin_settings},
      {Method::kGet, "/api/v1/municipalities", Action::kViewPublicPage, pages::api_municipalities},
      {Method::kGet, "/api/v1/logs", Action::kListOwnLogs, pages::api_my_logs},
      {Method::kGet, "/api/v1/logs/{id}", Action::kReadLog, pages::api_log},
      {Method::kGet, "/api/v1/logs/{id}/timeline", Action::kReadLog, pages::api_timeline},
      {Method::kPost, "/api/v1/logs/{id}/consents/{consent}/withdraw", Action::kWithdrawConsent,
       pages::api_withdraw_consent},
      {Method::kPost, "/api/v1/logs/{id}/close", Action::kCloseLog, pages::api_close_log},
      {Method::kPost, "/api/v1/logs/{id}/reopen", Action::kReopenLog, pages::api_reopen_log},
      {Method::kPost, "/api/v1/logs/{id}/level", Action::kChangeLevel, pages::api_change_level},
      {Method::kPost, "/api/v1/logs/{id}/goals", Action::kWriteEntry, pages::api_add_goal},
      {Method::kPost, "/api/v1/logs/{id}/highlights", Action::kWriteEntry, pages::api_add_highlight},
      {Method::kPost, "/api/v1/logs/{id}/tasks", Action::kWriteEntry, pages::api_add_task},
      {Method::kPost, "/api/v1/logs/{id}/meetings", Action::kWriteEntry, pages::api_add_meeting},
      {Method::kGet, "/api/v1/tasks", Action::kListOwnLogs, pages::api_my_tasks},
      {Method::kPost, "/api/v1/logs/{id}/notes", Action::kWriteEntry, pages::api_add_note},
      {Method::kPost, "/api/v1/logs/{id}/measures", Action::kWriteEntry, pages::api_add_measure},
      {Method::kPost, "/api/v1/logs/{id}/measures/{entry}/evaluations", Action::kWriteEntry,
       pages::api_add_evaluation},
      {Method::kPost, "/api/v1/logs/{id}/entries/{entry}/corrections", Action::kCorrectEntry, pages::api_correct_entry},
      {Method::kPost, "/api/v1/logs/{id}/meetings/{entry}/minutes", Action::kWriteEntry, pages::api_record_minutes},
      {Method::kPost, "/api/v1/logs/{id}/meetings/{entry}/decisions/{decision}/task", Action::kWriteEntry,
       pages::api_task_from_decision},
      {Method::kPost, "/api/v1/logs/{id}/tasks/{entry}/done", Action::kWriteEntry, pages::api_set_task_done},
      {Method::kPost, "/api/v1/logs/{id}/note-rules", Action::kConfigureLog, pages::api_set_note_rules},
      {Method::kGet, "/api/v1/logs/{id}/measure-catalogue", Action::kWriteEntry, pages::api_measure_catalogue},
      {Method::kGet, "/api/v1/session", Action::kListOwnLogs, pages::api_session},
      {Method::kGet, "/api/v1/consent-text", Action::kViewPublicPage, pages::api_consent_text},
      {Method::kPost, "/api/v1/logs", Action::kCreateLog, pages::api_create_log},
      {Method::kPost, "/api/v1/logs/{id}/consents", Action::kGiveConsent, pages::api_give_consent},
      {Method::kGet, "/api/v1/logs/{id}/consents", Action::kViewConsents, pages::api_consents},
      {Method::kPost, "/api/v1/logs/{id}/consents/paper", Action::kRecordPaperConsent, pages::api_record_paper_consent},
      {Method::kPost, "/api/v1/logs/{id}/participants", Action::kManageParticipants, pages::api_add_participant},
      {Method::kPost, "/api/v1/logs/{id}/participants/{participant}/remove", Action::kManageParticipants,
       pages::api_remove_participant},
      {Method::kPost, "/api/v1/logs/{id}/handover", Action::kProposeHandover, pages::api_propose_handover},
      {Method::kPost, "/api/v1/logs/{id}/handover/answer", Action::kAnswerHandover, pages::api_answer_handover},
  };
  return kRoutes;
}

}  // namespace stafett::web
