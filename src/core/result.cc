#include "core/result.h"

#include <stdexcept>

namespace stafett {

std::string_view errc_name(Errc code) {
  switch (code) {
    case Errc::kNotFound: return "not_found";
    case Errc::kForbidden: return "forbidden";
    case Errc::kInvalidInput: return "invalid_input";
    case Errc::kConflict: return "conflict";
    case Errc::kUnavailable: return "unavailable";
    case Errc::kInternal: return "internal";
  }
  return "internal";
}

void throw_exception_from_error(const Error& error, const boost::source_location&) {
  throw std::runtime_error(std::string(errc_name(error.code)) + ": " + error.detail);
}

}  // namespace stafett
