#pragma once
// Retention (issue 6, item 6): how long a municipality keeps a closed log,
// and the access records of a closed log, counted in days from when the log
// was closed and from each access. Unset: kept until the municipality
// decides. An open log, and everything about it, is never removed.
#include <optional>
#include <string_view>

#include "domain/field_problem.h"

namespace stafett::domain {

inline constexpr int kMinRetentionDays = 30;
inline constexpr int kMaxRetentionDays = 36500;

struct RetentionSettings {
  std::optional<int> closed_log_days;
  std::optional<int> access_record_days;
};

// The settings from two typed fields (empty: unset), or what is wrong with
// them (fields closed_log_days and access_record_days; catalog keys under
// retention.error).
struct RetentionSettingsOrProblems {
  std::optional<RetentionSettings> settings;
  FieldProblems problems;
};
RetentionSettingsOrProblems parse_retention_settings(std::string_view closed_log_days,
                                                     std::string_view access_record_days);

}  // namespace stafett::domain
