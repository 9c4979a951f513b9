#pragma once
// The handlingsveileder (action guide) of one municipality: four levels of
// ordered steps (trinn), the tools (verktøy) beside them, service variants
// that share what they agree on, and the citizen page. A plain value; the
// document format is described in docs/guide-content.md.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/field_problem.h"
#include "domain/form_definition.h"
#include "domain/local_text.h"

namespace stafett::domain {

struct GuideVariant {
  std::string key;
  LocalText title;
};

struct GuideStep {
  std::string key;
  LocalText title;
  LocalText what_to_do;   // Markdown
  LocalText responsible;  // plain text
  LocalText think_about;  // Markdown
  std::vector<std::string> tools;
  std::vector<std::string> variants;  // empty: every variant
  std::vector<std::pair<std::string, LocalText>> variant_notes;  // Markdown per variant
  std::chrono::year_month_day reviewed_on{};
};

struct GuideLevel {
  int level = 0;
  LocalText title;
  LocalText summary;
  std::vector<GuideStep> steps;
};

enum class ToolKind { kForm, kPage, kConsent };
std::string_view tool_kind_code(ToolKind kind);
std::optional<ToolKind> tool_kind_from_code(std::string_view code);

struct GuideTool {
  std::string key;
  ToolKind kind = ToolKind::kPage;
  LocalText title;
  LocalText summary;
  LocalText body;  // Markdown
  std::optional<FormDefinition> form;
  std::chrono::year_month_day reviewed_on{};
};

struct CitizenContact {
  LocalText name;
  std::string phone;
  LocalText when;
  LocalText about;
};

struct Guide {
  int format = 1;
  LocalText title;
  LocalText intro;  // Markdown
  std::vector<GuideVariant> variants;
  std::vector<GuideLevel> levels;
  std::vector<GuideTool> tools;
  LocalText citizen_intro;  // Markdown
  std::vector<CitizenContact> contacts;
};

// Guide keys (steps, tools, variants): 1-60 of [a-z0-9-], starting with a letter.
bool is_guide_key(std::string_view key);

// Every problem that makes a document unusable: four levels 0-3 in order,
// unique keys, tools that exist, forms that check (check_form_definition),
// Markdown texts within the subset's limits, both languages present.
FieldProblems check_guide(const Guide& guide);

// The problems of one tool on its own (check_guide checks every tool with it).
FieldProblems check_tool(const GuideTool& tool);

const GuideTool* find_tool(const Guide& guide, std::string_view key);
// The step and the level it belongs to.
std::optional<std::pair<const GuideLevel*, const GuideStep*>> find_step(const Guide& guide, std::string_view key);

// Whether a step is shown in a variant ("" is the common guide: every step).
bool step_in_variant(const GuideStep& step, std::string_view variant);

// A step or tool whose text matches every word of a query (case-insensitive
// for ASCII and æøå), in guide order.
struct GuideHit {
  bool is_tool = false;
  std::string key;
};
std::vector<GuideHit> search_guide(const Guide& guide, std::string_view language, std::string_view query);

// Steps and tools whose reviewed_on is more than 12 months before `today`.
std::vector<GuideHit> due_for_review(const Guide& guide, std::chrono::year_month_day today);

}  // namespace stafett::domain
