#include "domain/retention.h"

#include <charconv>

namespace stafett::domain {
namespace {

// Empty: unset. Otherwise whole days in the allowed range, digits only.
std::optional<std::optional<int>> days(std::string_view text) {
  if (text.empty()) return std::optional<int>{};
  if (text.size() > 5) return std::nullopt;
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (n < kMinRetentionDays || n > kMaxRetentionDays) return std::nullopt;
  return std::optional<int>{n};
}

}  // namespace

RetentionSettingsOrProblems parse_retention_settings(std::string_view closed_log_days,
                                                     std::string_view access_record_days) {
  RetentionSettingsOrProblems out;
  const auto logs = days(closed_log_days);
  const auto records = days(access_record_days);
  if (!logs) out.problems.push_back({"closed_log_days", "retention.error.days"});
  if (!records) out.problems.push_back({"access_record_days", "retention.error.days"});
  if (out.problems.empty()) out.settings = RetentionSettings{*logs, *records};
  return out;
}

}  // namespace stafett::domain
