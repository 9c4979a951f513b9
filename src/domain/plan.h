#pragma once
// A plan or routine of the municipality's model (kommunenivå or
// tjenestenivå): the plan for preventive work, a cooperation agreement
// between services, a transition routine. Markdown with an owner and the day
// it was last reviewed; one not reviewed for 12 months is due.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/field_problem.h"
#include "domain/municipality.h"

namespace stafett::domain {

enum class PlanLevel { kMunicipality, kService };
enum class PlanKind { kPlan, kAgreement, kRoutine };
std::string_view plan_level_code(PlanLevel level);
std::optional<PlanLevel> plan_level_from_code(std::string_view code);
std::string_view plan_kind_code(PlanKind kind);
std::optional<PlanKind> plan_kind_from_code(std::string_view code);

inline constexpr std::size_t kMaxPlanBody = 50000;

struct Plan {
  std::int64_t id = 0;
  MunicipalityId municipality;
  PlanLevel level = PlanLevel::kMunicipality;
  PlanKind kind = PlanKind::kPlan;
  std::string title;
  std::string body;   // Markdown
  std::string owner;  // one line: who answers for it
  std::chrono::year_month_day reviewed_on{};
  bool is_public = false;
};

struct PlanInput {
  std::string level, kind, title, body, owner, reviewed_on;  // reviewed_on: YYYY-MM-DD
  bool is_public = false;
};

struct PlanCheck {
  Plan plan;
  FieldProblems problems;
};
// Every field's rules; the review date may not lie after `today`.
PlanCheck check_plan(const PlanInput& in, std::chrono::year_month_day today);

// Not reviewed for 12 months on `today`.
bool plan_due_for_review(const Plan& plan, std::chrono::year_month_day today);

}  // namespace stafett::domain
