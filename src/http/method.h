#pragma once
// HTTP methods the router knows. Anything else is kOther and gets 405 or 501.
#include <string_view>

namespace stafett::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

Method method_from_string(std::string_view text);
std::string_view method_name(Method method);

}  // namespace stafett::http
