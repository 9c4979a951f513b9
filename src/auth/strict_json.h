#pragma once
// Strict JSON for security tokens: one object, no duplicate keys, bounded depth.
// Why: Boost.JSON (like most parsers) accepts {"sub":"a","sub":"b"} and keeps
// one of the two; another parser along the way may keep the other. A token
// whose meaning depends on the parser is refused instead (RFC 7515 §5.2,
// RFC 8725 §3.11). Keys are compared after unescaping, so "s\u0075b" and "sub"
// are the same key. Comments, trailing commas and invalid UTF-8 are refused.
// Thread-safety: pure function.
#include <boost/assert/source_location.hpp>
#include <boost/json/object.hpp>
#include <boost/system/result.hpp>
#include <cstddef>
#include <string_view>

namespace stafett::auth {

enum class JsonDefect {
  kSyntax,        // not JSON, or trailing data, or invalid UTF-8
  kDuplicateKey,  // the same key twice in one object, at any depth
  kTooDeep,       // nesting beyond the limit
  kNotAnObject,   // valid JSON, but the top level is not an object
};

std::string_view json_defect_name(JsonDefect defect);

// Found by ADL when JsonResult::value() is called on a defect.
[[noreturn]] void throw_exception_from_error(const JsonDefect& defect,
                                             const boost::source_location& loc);

template <class T>
using JsonResult = boost::system::result<T, JsonDefect>;

// Token headers and claims are shallow; 16 is generous and still bounded.
inline constexpr std::size_t kDefaultMaxJsonDepth = 16;

JsonResult<boost::json::object> parse_strict_json_object(
    std::string_view text, std::size_t max_depth = kDefaultMaxJsonDepth);

}  // namespace stafett::auth
