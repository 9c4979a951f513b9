#pragma once
// Where to send the browser "back" to after an action (language choice now,
// login later): only a same-site path. Anything that could leave the site
// ("//evil.example", "/\evil.example", "https://evil.example", control
// characters) becomes "/".
#include <string>
#include <string_view>

namespace stafett::web {

std::string safe_return_path(std::string_view candidate);

}  // namespace stafett::web
