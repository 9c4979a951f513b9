#pragma once
// A measure in the municipality's measures catalogue (tiltaksoversikt): what
// the municipality offers, for whom, at which BTI levels, from which units,
// how to ask for it and what it builds on. A measure in a stafettlogg may be
// picked from it (and then names it) or be written freely.
#include <optional>
#include <string>
#include <vector>

#include "domain/field_problem.h"
#include "domain/ids.h"
#include "domain/municipality.h"

namespace stafett::domain {

struct MeasureProvider {
  UnitId unit;
  std::string name;  // filled when read, for display
  friend bool operator==(const MeasureProvider&, const MeasureProvider&) = default;
};

struct CatalogueMeasure {
  CatalogueMeasureId id;
  MunicipalityId municipality;
  std::string name;
  std::string description;  // Markdown (domain/model_text.h)
  std::string target_group;  // one line: "Foreldre til barn 0-6 år"
  int age_from = 0;
  int age_to = 18;
  int level_from = 0;  // BTI levels 0-3 it is offered at
  int level_to = 3;
  std::vector<MeasureProvider> providers;  // by name
  std::string how_to_request;
  std::string evidence;      // one line: what it builds on
  std::string evidence_url;  // an https link, or empty
  bool is_public = true;
};

inline constexpr std::size_t kMaxMeasureDescription = 10000;

// The measure's fields as a form or a JSON body carries them, untrusted.
struct MeasureInput {
  std::string name;
  std::string description;
  std::string target_group;
  std::string age_from;
  std::string age_to;
  std::string level_from;
  std::string level_to;
  std::vector<std::string> providers;  // unit ids
  std::string how_to_request;
  std::string evidence;
  std::string evidence_url;
  bool is_public = false;
};

struct MeasureCheck {
  CatalogueMeasure measure;  // providers' ids only; meaningful when problems is empty
  FieldProblems problems;    // field names as in MeasureInput
};
// The rules of each field; whether the providers serve the municipality is
// the caller's to check (it needs the register).
MeasureCheck check_measure(const MeasureInput& in);

}  // namespace stafett::domain
