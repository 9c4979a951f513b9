#include "domain/plan.h"

#include <array>

#include "domain/entry.h"
#include "domain/model_text.h"

namespace stafett::domain {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 2> kLevels = {"municipality", "service"};
constexpr std::array<std::string_view, 3> kKinds = {"plan", "agreement", "routine"};

template <class E, std::size_t N>
std::optional<E> from(const std::array<std::string_view, N>& codes, std::string_view code) {
  for (std::size_t i = 0; i < N; ++i) {
    if (codes[i] == code) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view plan_level_code(PlanLevel level) { return kLevels[static_cast<std::size_t>(level) % kLevels.size()]; }
std::optional<PlanLevel> plan_level_from_code(std::string_view code) { return from<PlanLevel>(kLevels, code); }
std::string_view plan_kind_code(PlanKind kind) { return kKinds[static_cast<std::size_t>(kind) % kKinds.size()]; }
std::optional<PlanKind> plan_kind_from_code(std::string_view code) { return from<PlanKind>(kKinds, code); }

PlanCheck check_plan(const PlanInput& in, year_month_day today) {
  PlanCheck out;
  auto& p = out.problems;
  auto& plan = out.plan;
  const auto level = plan_level_from_code(in.level);
  const auto kind = plan_kind_from_code(in.kind);
  if (!level) p.push_back({"level", "plan.error.level"});
  if (!kind) p.push_back({"kind", "plan.error.kind"});
  plan.level = level.value_or(PlanLevel::kMunicipality);
  plan.kind = kind.value_or(PlanKind::kPlan);
  if (auto e = model_line_problem(in.title, 300, true)) p.push_back({"title", *e});
  plan.title = in.title;
  if (auto e = model_markdown_problem(in.body, kMaxPlanBody)) p.push_back({"body", *e});
  plan.body = in.body;
  if (auto e = model_line_problem(in.owner, 300, true)) p.push_back({"owner", *e});
  plan.owner = in.owner;
  const auto reviewed = date_from_code(in.reviewed_on);
  if (!reviewed) {
    p.push_back({"reviewed_on", "plan.error.date"});
  } else if (sys_days{*reviewed} > sys_days{today}) {
    p.push_back({"reviewed_on", "plan.error.future"});
  } else {
    plan.reviewed_on = *reviewed;
  }
  plan.is_public = in.is_public;
  return out;
}

bool plan_due_for_review(const Plan& plan, year_month_day today) {
  auto limit = today - years{1};
  if (!limit.ok()) limit = limit.year() / limit.month() / last;  // 29 February
  return sys_days{plan.reviewed_on} < sys_days{limit};
}

}  // namespace stafett::domain
