#pragma once
// The history of a municipality's samhandlingsmodell: every saved state of a
// service's profile, a measure, an arena or a plan, as a snapshot of its
// fields as text, so any two versions can be compared field by field.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "domain/arena.h"
#include "domain/catalogue_measure.h"
#include "domain/guide_diff.h"
#include "domain/ids.h"
#include "domain/municipality.h"
#include "domain/plan.h"
#include "domain/service_profile.h"
#include "domain/service_type.h"

namespace stafett::domain {

enum class ModelKind { kService, kMeasure, kArena, kPlan };
std::string_view model_kind_code(ModelKind kind);
std::optional<ModelKind> model_kind_from_code(std::string_view code);

// Field name → the field's value as text, in a fixed order per kind. Field
// names are stable codes; the catalogs name them ("model.field.<name>").
using ModelSnapshot = std::vector<std::pair<std::string, std::string>>;

struct ModelChange {
  std::int64_t id = 0;
  MunicipalityId municipality;
  ModelKind kind = ModelKind::kService;
  std::int64_t item = 0;  // the unit, measure, arena or plan
  int version = 1;
  ModelSnapshot snapshot;
  std::string summary;
  TimePoint saved_at;
  std::optional<PersonId> saved_by;  // none: the system (demo data)
  std::string saved_by_name;
};

// The value of `field`, or "" when the snapshot has none.
std::string snapshot_value(const ModelSnapshot& snapshot, std::string_view field);

struct FieldDiff {
  std::string field;
  std::vector<DiffLine> lines;
};
// The fields whose text differs, each with a line diff; every field of
// `after` when `before` is empty (the first version).
std::vector<FieldDiff> diff_snapshots(const ModelSnapshot& before, const ModelSnapshot& after);

// A catalogue measure as its history keeps it (providers by name).
ModelSnapshot measure_snapshot(const CatalogueMeasure& measure);

// A cooperation arena as its history keeps it (members by name).
ModelSnapshot arena_snapshot(const Arena& arena);

// A plan or routine as its history keeps it.
ModelSnapshot plan_snapshot(const Plan& plan);

// A service's entry as its history keeps it.
ModelSnapshot service_snapshot(std::string_view unit_name, ServiceType type, const ServiceProfile& profile);

}  // namespace stafett::domain
