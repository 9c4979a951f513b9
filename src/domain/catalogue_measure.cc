#include "domain/catalogue_measure.h"

#include <algorithm>

#include "domain/contact_details.h"
#include "domain/model_text.h"
#include "domain/service_profile.h"

namespace stafett::domain {
namespace {

void note(FieldProblems& p, const std::string& field, const std::optional<std::string>& problem) {
  if (problem) p.push_back({field, *problem});
}

}  // namespace

MeasureCheck check_measure(const MeasureInput& in) {
  MeasureCheck out;
  auto& p = out.problems;
  auto& m = out.measure;
  note(p, "name", model_line_problem(in.name, 300, true));
  m.name = in.name;
  note(p, "description", model_markdown_problem(in.description, kMaxMeasureDescription));
  m.description = in.description;
  note(p, "target_group", model_line_problem(in.target_group, 300, false));
  m.target_group = in.target_group;
  const auto from = small_number_from_text(in.age_from, kMaxCatalogueAge);
  const auto to = small_number_from_text(in.age_to, kMaxCatalogueAge);
  if (!from) p.push_back({"age_from", "model.error.age"});
  if (!to) p.push_back({"age_to", "model.error.age"});
  if (from && to && *from > *to) p.push_back({"age_to", "model.error.age_order"});
  m.age_from = from.value_or(0);
  m.age_to = to.value_or(0);
  const auto level_from = small_number_from_text(in.level_from, 3);
  const auto level_to = small_number_from_text(in.level_to, 3);
  if (!level_from) p.push_back({"level_from", "model.error.level"});
  if (!level_to) p.push_back({"level_to", "model.error.level"});
  if (level_from && level_to && *level_from > *level_to) p.push_back({"level_to", "model.error.level_order"});
  m.level_from = level_from.value_or(0);
  m.level_to = level_to.value_or(0);
  for (const auto& text : in.providers) {
    const auto id = id_from_text(text);
    if (!id) {
      p.push_back({"providers", "model.error.provider"});
      break;
    }
    const MeasureProvider provider{UnitId{*id}, ""};
    if (std::find(m.providers.begin(), m.providers.end(), provider) == m.providers.end()) m.providers.push_back(provider);
  }
  if (in.providers.empty()) p.push_back({"providers", "model.error.no_provider"});
  note(p, "how_to_request", model_markdown_problem(in.how_to_request, 2000));
  m.how_to_request = in.how_to_request;
  note(p, "evidence", model_line_problem(in.evidence, 500, false));
  m.evidence = in.evidence;
  if (!in.evidence_url.empty() && !is_public_web_link(in.evidence_url)) {
    p.push_back({"evidence_url", "model.error.link"});
  }
  m.evidence_url = in.evidence_url;
  m.is_public = in.is_public;
  return out;
}

}  // namespace stafett::domain
