#pragma once
// Break-glass (nødtilgang): a designated employee opens a log they do not
// take part in, because the law allows it there and then (an emergency, the
// duty to inform child welfare). It is time-limited, needs a reason code and
// the employee's own explanation, is shown to the family and is reviewed by
// the municipality's privacy officer. docs/access-rules.md has the rules.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/field_problem.h"

namespace stafett::domain {

enum class BreakGlassReason {
  kEmergency,         // danger to the child's life or health right now
  kChildWelfareDuty,  // the duty to inform child welfare (barnevernsloven § 13-2)
  kOtherLegalBasis,   // another legal basis, named in the explanation
};
std::string_view break_glass_reason_code(BreakGlassReason reason);
std::optional<BreakGlassReason> break_glass_reason_from_code(std::string_view code);
inline constexpr BreakGlassReason kAllBreakGlassReasons[] = {
    BreakGlassReason::kEmergency, BreakGlassReason::kChildWelfareDuty, BreakGlassReason::kOtherLegalBasis};

// The privacy officer's finding.
enum class BreakGlassOutcome { kJustified, kNotJustified };
std::string_view break_glass_outcome_code(BreakGlassOutcome outcome);
std::optional<BreakGlassOutcome> break_glass_outcome_from_code(std::string_view code);

// The longest a break-glass access may last, whatever is configured.
inline constexpr std::chrono::minutes kMaxBreakGlassWindow{120};

struct BreakGlassRequest {
  BreakGlassReason reason = BreakGlassReason::kEmergency;
  std::string explanation;  // trimmed, 10 to 2000 characters
};

// The request from form or JSON fields, or what is wrong with them (fields
// "reason" and "explanation", catalog keys under break_glass.error).
struct BreakGlassRequestOrProblems {
  std::optional<BreakGlassRequest> request;
  FieldProblems problems;
};
BreakGlassRequestOrProblems validate_break_glass_request(std::string_view reason, std::string_view explanation);

// A review outcome and comment (an outcome is required; a comment is
// required when the access was not justified; at most 2000 characters).
struct BreakGlassReview {
  BreakGlassOutcome outcome = BreakGlassOutcome::kJustified;
  std::string comment;
};
struct BreakGlassReviewOrProblems {
  std::optional<BreakGlassReview> review;
  FieldProblems problems;
};
BreakGlassReviewOrProblems validate_break_glass_review(std::string_view outcome, std::string_view comment);

}  // namespace stafett::domain
