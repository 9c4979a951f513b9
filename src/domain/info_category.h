#pragma once
// Information categories: what kinds of information a consent lets a unit
// see. Every entry in a log has exactly one; a consent lists the categories
// it covers. Stored as the code strings below.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace stafett::domain {

enum class InfoCategory : std::uint8_t {
  kBasic,           // grunnopplysninger: the child, participants, level, status
  kGoalsMeasures,   // mål og tiltak, evaluations, tasks
  kMeetings,        // møter og referat
  kNotes,           // observasjoner, samtaler, informasjon fra familien
  kHealth,          // helseopplysninger
};

inline constexpr std::array kAllInfoCategories = {
    InfoCategory::kBasic, InfoCategory::kGoalsMeasures, InfoCategory::kMeetings,
    InfoCategory::kNotes, InfoCategory::kHealth,
};

std::string_view info_category_code(InfoCategory category);
std::optional<InfoCategory> info_category_from_code(std::string_view code);

// A set of categories as a bit mask (small, cheap to copy and compare).
class CategorySet {
 public:
  constexpr CategorySet() = default;
  static constexpr CategorySet all() {
    CategorySet s;
    for (auto c : kAllInfoCategories) s.add(c);
    return s;
  }
  constexpr void add(InfoCategory c) { bits_ |= bit(c); }
  constexpr bool contains(InfoCategory c) const { return (bits_ & bit(c)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr CategorySet intersect(CategorySet o) const { return CategorySet(bits_ & o.bits_); }
  constexpr CategorySet unite(CategorySet o) const { return CategorySet(bits_ | o.bits_); }
  constexpr std::uint8_t bits() const { return bits_; }
  static constexpr CategorySet from_bits(std::uint8_t b) { return CategorySet(b); }
  friend constexpr bool operator==(CategorySet, CategorySet) = default;

 private:
  constexpr explicit CategorySet(std::uint8_t b) : bits_(b) {}
  static constexpr std::uint8_t bit(InfoCategory c) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c));
  }
  std::uint8_t bits_ = 0;
};

}  // namespace stafett::domain
