#pragma once
// A measure in the municipality's measures catalogue (tiltaksoversikt): what
// the municipality offers, at which BTI levels, from which unit, and how to
// ask for it. A measure in a stafettlogg may be picked from it (and then
// names it) or be written freely.
#include <optional>
#include <string>

#include "domain/ids.h"
#include "domain/municipality.h"

namespace stafett::domain {

struct CatalogueMeasure {
  CatalogueMeasureId id;
  MunicipalityId municipality;
  std::string name;
  std::string description;
  int level_from = 0;  // BTI levels 0-3 it is offered at
  int level_to = 3;
  std::optional<UnitId> provider;
  std::string provider_name;  // filled when read, for display
  std::string how_to_request;
};

}  // namespace stafett::domain
