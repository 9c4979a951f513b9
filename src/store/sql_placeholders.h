#pragma once
// Rewrites portable `?` placeholders into PostgreSQL's `$1, $2, ...`, leaving
// question marks inside string literals, quoted identifiers and comments alone.
#include <string>
#include <string_view>

namespace stafett::store {

std::string to_numbered_placeholders(std::string_view sql);

}  // namespace stafett::store
