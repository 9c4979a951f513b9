#pragma once
// Municipality (kommune): the tenant every record belongs to.
// Plain value type with its invariants; no I/O.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace stafett::domain {

struct MunicipalityId {
  std::int64_t value = 0;
  friend bool operator==(MunicipalityId, MunicipalityId) = default;
};

struct Municipality {
  MunicipalityId id;
  std::string name;           // "Fjordvik kommune"
  std::string kommunenummer;  // four digits, e.g. "9901"
};

// A kommunenummer is exactly four ASCII digits.
bool is_valid_kommunenummer(std::string_view number);

// REQUIRES nothing; returns kInvalidInput with a field name in `detail` when a
// field breaks an invariant (empty or over-long name, malformed kommunenummer).
Result<Municipality> make_municipality(std::string name, std::string kommunenummer);

}  // namespace stafett::domain
