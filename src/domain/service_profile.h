#pragma once
// A unit's entry in the municipality's service catalogue (tjenesteoversikt):
// what the public reads about it, who it is for and how to reach it. Plain
// values and their rules; the store keeps the current profile and every
// earlier one (model_change).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact_details.h"
#include "domain/field_problem.h"

namespace stafett::domain {

// What a family may need help with: the catalogue's filter. Codes are
// stored; the catalogs name them ("model.need.<code>").
enum class Need {
  kLanguage, kLearning, kBehaviour, kMentalHealth, kPhysicalHealth, kSubstance, kViolence, kFamily, kEconomy,
  kLeisure, kAbsence,
};
inline constexpr std::array kAllNeeds = {Need::kLanguage,     Need::kLearning,  Need::kBehaviour, Need::kMentalHealth,
                                         Need::kPhysicalHealth, Need::kSubstance, Need::kViolence, Need::kFamily,
                                         Need::kEconomy,      Need::kLeisure,   Need::kAbsence};
std::string_view need_code(Need need);
std::optional<Need> need_from_code(std::string_view code);

// BTI levels 0-3 something is offered or worked at.
struct LevelSet {
  std::array<bool, 4> at{};
  bool contains(int level) const { return level >= 0 && level <= 3 && at[static_cast<std::size_t>(level)]; }
  bool empty() const { return !at[0] && !at[1] && !at[2] && !at[3]; }
  std::string code() const;  // "0,1,2"
  friend bool operator==(const LevelSet&, const LevelSet&) = default;
};
std::optional<LevelSet> level_set_from_code(std::string_view code);  // "" → empty set

inline constexpr int kMaxCatalogueAge = 25;
inline constexpr std::size_t kMaxServiceDescription = 5000;

struct ServiceProfile {
  std::string description;  // Markdown (domain/model_text.h)
  int age_from = 0;
  int age_to = 18;
  std::vector<Need> needs;  // in kAllNeeds order, each once
  LevelSet levels;
  std::string phone;         // normalize_phone's form, or empty
  std::string address;       // one line, or empty
  OpeningHours opening_hours;
  std::string contact_form_url;  // an https link, or empty
  bool referral_needed = false;
  bool is_public = false;
  friend bool operator==(const ServiceProfile&, const ServiceProfile&) = default;
};

// The profile's fields as a form or a JSON body carries them, untrusted.
struct ServiceProfileInput {
  std::string description;
  std::string age_from;
  std::string age_to;
  std::vector<std::string> needs;   // codes
  std::vector<std::string> levels;  // "0".."3"
  std::string phone;
  std::string address;
  std::string opening_hours;
  std::string contact_form_url;
  bool referral_needed = false;
  bool is_public = false;
};

struct ServiceProfileCheck {
  ServiceProfile profile;  // meaningful only when problems is empty
  FieldProblems problems;  // field names as in ServiceProfileInput
};
// Every field's rules: ages 0-25 with from <= to, known needs, at least one
// level, a Norwegian phone number, opening hours that parse, an https link,
// safe Markdown; a public entry needs a way to get in touch (phone, address
// or contact form).
ServiceProfileCheck check_service_profile(const ServiceProfileInput& in);

// Whether a profile matches a catalogue filter (each part optional).
struct ServiceFilter {
  std::optional<int> age;
  std::optional<Need> need;
  std::optional<int> level;
  std::string words;  // lower-case words, all of which must occur in the name or description
};
bool matches(const ServiceProfile& profile, std::string_view unit_name, const ServiceFilter& filter);

// Lower-cases ASCII and the Norwegian letters, for search.
std::string fold_case(std::string_view text);

}  // namespace stafett::domain
