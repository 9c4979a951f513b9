#pragma once
// The stafettlogg (Log) and the people in it (Participant). A log belongs to
// one child and one home municipality, is open or closed, and is at a level
// 0-3 of the action guide. Exactly one participant is its holder
// (stafettholder) at a time; see docs/access-rules.md.
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "domain/service_type.h"

namespace stafett::domain {

enum class LogStatus { kOpen, kClosed };
std::string_view log_status_code(LogStatus status);
std::optional<LogStatus> log_status_from_code(std::string_view code);

// The base role of a participant. Holding the log (stafettholder) is not a
// role but a pointer from the log to one employee participant, so there can
// never be two.
enum class ParticipantRole { kContributor, kReader, kGuardian, kChild };
std::string_view participant_role_code(ParticipantRole role);
std::optional<ParticipantRole> participant_role_from_code(std::string_view code);
inline bool is_employee_role(ParticipantRole r) {
  return r == ParticipantRole::kContributor || r == ParticipantRole::kReader;
}

inline constexpr int kMinLevel = 0;
inline constexpr int kMaxLevel = 3;

struct Participant {
  ParticipantId id;
  LogId log;
  PersonId person;
  ParticipantRole role = ParticipantRole::kReader;
  std::optional<UnitId> unit;  // employees take part on behalf of one unit
  bool hidden = false;         // involvement not shown to other participants
  TimePoint added_at;
  std::optional<TimePoint> ended_at;
};

}  // namespace stafett::domain
