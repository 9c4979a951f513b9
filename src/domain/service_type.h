#pragma once
// The kinds of service a unit (enhet) provides. Stored as the code strings
// below; shown to people through the catalogs ("service_type.<code>").
#include <array>
#include <optional>
#include <string_view>

namespace stafett::domain {

enum class ServiceType {
  kKindergarten,      // barnehage
  kSchool,            // skole
  kHealthStation,     // helsestasjon / skolehelsetjeneste
  kEducationalPsychology,  // PPT
  kChildWelfare,      // barnevern
  kNav,               // NAV
  kCultureLeisure,    // kultur / fritid
  kSpecialistHealth,  // BUP / spesialisthelsetjeneste
  kVoluntary,         // frivillig
  kOther,             // annet
};

inline constexpr std::array kAllServiceTypes = {
    ServiceType::kKindergarten,  ServiceType::kSchool,        ServiceType::kHealthStation,
    ServiceType::kEducationalPsychology, ServiceType::kChildWelfare, ServiceType::kNav,
    ServiceType::kCultureLeisure, ServiceType::kSpecialistHealth, ServiceType::kVoluntary,
    ServiceType::kOther,
};

std::string_view service_type_code(ServiceType type);
std::optional<ServiceType> service_type_from_code(std::string_view code);

}  // namespace stafett::domain
