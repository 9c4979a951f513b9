#pragma once
// What the log use cases hand to the web layer: plain values holding only
// what the actor may see (hidden participants are already left out for those
// who may not see them).
#include <optional>
#include <string>
#include <vector>

#include "app/content_views.h"
#include "core/clock.h"
#include "domain/consent.h"
#include "domain/log.h"
#include "policy/policy.h"
#include "store/break_glass_repository.h"
#include "store/log_repository.h"

namespace stafett::app {

struct LogListItem {
  domain::LogId id;
  std::string child_name;
  int level = 0;
  domain::LogStatus status = domain::LogStatus::kOpen;
  bool i_am_holder = false;
  std::string holder_name;
  std::string holder_unit;
  // A log the actor asked the family to consent to digitally, not yet
  // consented: only the child's name is shown (the actor typed the id).
  bool awaiting_consent = false;
  // What changed and what waits, counted only from the entries this reader
  // may see (a note hidden from them moves neither): the newest version's
  // time, measures past their evaluation date, their own open tasks.
  std::optional<TimePoint> last_updated;
  int entries = 0;
  int overdue_measures = 0;
  int my_open_tasks = 0;
};

struct ParticipantView {
  domain::ParticipantId id;
  std::string name;
  domain::ParticipantRole role = domain::ParticipantRole::kReader;
  std::optional<std::string> unit_name;
  bool hidden = false;
  bool is_holder = false;
  bool is_me = false;
};

struct ConsentView {
  domain::Consent consent;
  std::string given_by_name;
  std::optional<std::string> attested_by_name;
  std::vector<std::string> unit_names;
  bool in_force = false;
  bool superseded = false;
  bool mine = false;
};

struct HandoverView {
  std::string from_name;
  std::string to_name;
  bool to_me = false;
  TimePoint proposed_at;
};

// What the actor may do on this log, each from policy::can with the same facts.
struct LogCapabilities {
  bool manage_participants = false;
  bool propose_handover = false;
  bool answer_handover = false;
  bool close = false;
  bool reopen = false;
  bool change_level = false;
  bool give_consent = false;
  bool record_paper_consent = false;
};

struct LogView {
  store::LogRow log;
  std::string child_name;
  int child_age = 0;
  std::vector<ParticipantView> participants;  // active ones the actor may see
  std::vector<ConsentView> consents;          // every consent, newest first
  bool consent_active = false;
  std::vector<store::LogEventRow> events;
  std::optional<HandoverView> pending_handover;
  ContentView content;
  LogCapabilities can;
  // Set when the actor reads only through a break-glass access: its reason
  // and when it ends, for the banner on every page of the log.
  std::optional<store::BreakGlassRow> break_glass;
};

}  // namespace stafett::app
