#include "domain/break_glass.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/utf8.h"

namespace stafett::domain {
namespace {

constexpr std::array<std::pair<BreakGlassReason, std::string_view>, 3> kReasons{{
    {BreakGlassReason::kEmergency, "emergency"},
    {BreakGlassReason::kChildWelfareDuty, "child_welfare_duty"},
    {BreakGlassReason::kOtherLegalBasis, "other_legal_basis"},
}};
constexpr std::array<std::pair<BreakGlassOutcome, std::string_view>, 2> kOutcomes{{
    {BreakGlassOutcome::kJustified, "justified"},
    {BreakGlassOutcome::kNotJustified, "not_justified"},
}};

constexpr std::size_t kMinExplanation = 10;
constexpr std::size_t kMaxText = 2000;

std::string trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Characters as the databases count them (UTF-8 code points), not bytes.
std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string_view break_glass_reason_code(BreakGlassReason reason) {
  for (const auto& [r, code] : kReasons) {
    if (r == reason) return code;
  }
  return "emergency";
}

std::optional<BreakGlassReason> break_glass_reason_from_code(std::string_view code) {
  for (const auto& [r, c] : kReasons) {
    if (c == code) return r;
  }
  return std::nullopt;
}

std::string_view break_glass_outcome_code(BreakGlassOutcome outcome) {
  for (const auto& [o, code] : kOutcomes) {
    if (o == outcome) return code;
  }
  return "justified";
}

std::optional<BreakGlassOutcome> break_glass_outcome_from_code(std::string_view code) {
  for (const auto& [o, c] : kOutcomes) {
    if (c == code) return o;
  }
  return std::nullopt;
}

BreakGlassRequestOrProblems validate_break_glass_request(std::string_view reason, std::string_view explanation) {
  BreakGlassRequestOrProblems out;
  const auto r = break_glass_reason_from_code(reason);
  if (!r) out.problems.push_back({"reason", "break_glass.error.reason"});
  std::string text = trimmed(explanation);
  const auto n = characters(text);
  if (!is_valid_utf8(text) || has_control_characters(text, true)) {
    out.problems.push_back({"explanation", "break_glass.error.characters"});
  } else if (n < kMinExplanation) {
    out.problems.push_back({"explanation", "break_glass.error.explanation_short"});
  }
  if (n > kMaxText) out.problems.push_back({"explanation", "break_glass.error.too_long"});
  if (out.problems.empty()) out.request = BreakGlassRequest{*r, std::move(text)};
  return out;
}

BreakGlassReviewOrProblems validate_break_glass_review(std::string_view outcome, std::string_view comment) {
  BreakGlassReviewOrProblems out;
  const auto o = break_glass_outcome_from_code(outcome);
  if (!o) out.problems.push_back({"outcome", "break_glass.error.outcome"});
  std::string text = trimmed(comment);
  if (!is_valid_utf8(text) || has_control_characters(text, true)) {
    out.problems.push_back({"comment", "break_glass.error.characters"});
  } else if (characters(text) > kMaxText) {
    out.problems.push_back({"comment", "break_glass.error.too_long"});
  } else if (o == BreakGlassOutcome::kNotJustified && text.empty()) {
    out.problems.push_back({"comment", "break_glass.error.comment_needed"});
  }
  if (out.problems.empty()) out.review = BreakGlassReview{*o, std::move(text)};
  return out;
}

}  // namespace stafett::domain
