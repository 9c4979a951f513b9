#pragma once
// Strong ids: a LogId cannot be passed where a PersonId is expected.
#include <compare>
#include <cstdint>
#include <functional>

namespace stafett::domain {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  friend auto operator<=>(Id, Id) = default;
  explicit operator bool() const { return value != 0; }
};

using PersonId = Id<struct PersonTag>;
using UnitId = Id<struct UnitTag>;
using LogId = Id<struct LogTag>;
using ParticipantId = Id<struct ParticipantTag>;
using ConsentId = Id<struct ConsentTag>;
using HandoverId = Id<struct HandoverTag>;
using CatalogueMeasureId = Id<struct CatalogueMeasureTag>;

}  // namespace stafett::domain

template <class Tag>
struct std::hash<stafett::domain::Id<Tag>> {
  std::size_t operator()(stafett::domain::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
