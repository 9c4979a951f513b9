#include "domain/log.h"

namespace stafett::domain {

std::string_view log_status_code(LogStatus status) {
  return status == LogStatus::kOpen ? "open" : "closed";
}

std::optional<LogStatus> log_status_from_code(std::string_view code) {
  if (code == "open") return LogStatus::kOpen;
  if (code == "closed") return LogStatus::kClosed;
  return std::nullopt;
}

std::string_view participant_role_code(ParticipantRole role) {
  switch (role) {
    case ParticipantRole::kContributor: return "contributor";
    case ParticipantRole::kReader: return "reader";
    case ParticipantRole::kGuardian: return "guardian";
    case ParticipantRole::kChild: return "child";
  }
  return "reader";
}

std::optional<ParticipantRole> participant_role_from_code(std::string_view code) {
  for (auto r : {ParticipantRole::kContributor, ParticipantRole::kReader, ParticipantRole::kGuardian,
                 ParticipantRole::kChild}) {
    if (participant_role_code(r) == code) return r;
  }
  return std::nullopt;
}

}  // namespace stafett::domain
