#include "domain/municipality.h"

#include <algorithm>

namespace stafett::domain {

bool is_valid_kommunenummer(std::string_view number) {
  return number.size() == 4 &&
         std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<Municipality> make_municipality(std::string name, std::string kommunenummer) {
  if (name.empty() || name.size() > 200) return make_error(Errc::kInvalidInput, "name");
  if (!is_valid_kommunenummer(kommunenummer)) {
    return make_error(Errc::kInvalidInput, "kommunenummer");
  }
  return Municipality{{}, std::move(name), std::move(kommunenummer)};
}

}  // namespace stafett::domain
