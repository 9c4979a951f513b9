#pragma once
// Result<T>: the value-or-error type that crosses every module boundary.
// Why: errors are values (like leveldb's Status); no exception crosses a layer.
// An Error's `detail` is for the server log only: it must never contain personal
// data and is never shown to a user (pages show text from the message catalogs).
#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace stafett {

// Closed set of failure kinds; every layer maps to and from these only.
enum class Errc {
  kNotFound,
  kForbidden,
  kInvalidInput,
  kConflict,
  kUnavailable,
  kInternal,
};

std::string_view errc_name(Errc code);

struct Error {
  Errc code = Errc::kInternal;
  std::string detail;
};

// Found by ADL when Result<T>::value() is called on an error.
[[noreturn]] void throw_exception_from_error(const Error& error, const boost::source_location& loc);

template <class T = void>
using Result = boost::system::result<T, Error>;

inline Error make_error(Errc code, std::string detail = {}) { return Error{code, std::move(detail)}; }

}  // namespace stafett
