#pragma once
// A web site's origin as CORS compares it: "https://www.fjordvik.no" or
// "https://host:8443", lower case, without a path. Municipalities list the
// origins that may embed the public JSON of their model.
#include <optional>
#include <string>
#include <string_view>

namespace stafett::domain {

// The canonical origin of what an administrator typed ("https://WWW.Fjordvik.no/"
// gives "https://www.fjordvik.no"); nullopt unless it is https, a host with a
// dot, an optional port, and nothing after it but one "/".
std::optional<std::string> normalize_origin(std::string_view typed);

}  // namespace stafett::domain
