#pragma once
// Building "a, b, c" lists for pages and history snapshots. One function, so
// no caller writes `list += (list.empty() ? "" : ", ") + item`, which GCC 12
// flags with a false -Wrestrict in release builds.
#include <string>
#include <string_view>

namespace stafett {

// Appends `item` to `list`, with `separator` before it unless `list` is empty.
inline void append_item(std::string& list, std::string_view separator, std::string_view item) {
  if (!list.empty()) list.append(separator);
  list.append(item);
}

}  // namespace stafett
