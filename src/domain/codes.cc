// Code strings for the domain enumerations: the values stored in the database
// and used in URLs and JSON. Changing one needs a migration.
#include "domain/info_category.h"
#include "domain/service_type.h"

namespace stafett::domain {

std::string_view service_type_code(ServiceType type) {
  switch (type) {
    case ServiceType::kKindergarten: return "kindergarten";
    case ServiceType::kSchool: return "school";
    case ServiceType::kHealthStation: return "health_station";
    case ServiceType::kEducationalPsychology: return "ppt";
    case ServiceType::kChildWelfare: return "child_welfare";
    case ServiceType::kNav: return "nav";
    case ServiceType::kCultureLeisure: return "culture_leisure";
    case ServiceType::kSpecialistHealth: return "specialist_health";
    case ServiceType::kVoluntary: return "voluntary";
    case ServiceType::kOther: return "other";
  }
  return "other";
}

std::optional<ServiceType> service_type_from_code(std::string_view code) {
  for (ServiceType t : kAllServiceTypes) {
    if (service_type_code(t) == code) return t;
  }
  return std::nullopt;
}

std::string_view info_category_code(InfoCategory category) {
  switch (category) {
    case InfoCategory::kBasic: return "basic";
    case InfoCategory::kGoalsMeasures: return "goals_measures";
    case InfoCategory::kMeetings: return "meetings";
    case InfoCategory::kNotes: return "notes";
    case InfoCategory::kHealth: return "health";
  }
  return "basic";
}

std::optional<InfoCategory> info_category_from_code(std::string_view code) {
  for (InfoCategory c : kAllInfoCategories) {
    if (info_category_code(c) == code) return c;
  }
  return std::nullopt;
}

}  // namespace stafett::domain
