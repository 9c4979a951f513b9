#include "store/value.h"

#include <stdexcept>

namespace stafett::store {
namespace {

template <class T>
const T& get_as(const std::vector<Value>& values, std::size_t i, const char* type) {
  const Value& v = values.at(i);
  if (const T* p = std::get_if<T>(&v)) return *p;
  throw std::logic_error(std::string("column ") + std::to_string(i) + " is not " + type);
}

}  // namespace

bool Row::is_null(std::size_t i) const { return std::holds_alternative<Null>(values_.at(i)); }

std::int64_t Row::int64(std::size_t i) const {
  return get_as<std::int64_t>(values_, i, "an integer");
}

double Row::real(std::size_t i) const {
  if (const auto* n = std::get_if<std::int64_t>(&values_.at(i))) return static_cast<double>(*n);
  return get_as<double>(values_, i, "a real");
}

const std::string& Row::text(std::size_t i) const {
  return get_as<std::string>(values_, i, "text");
}

const Blob& Row::blob(std::size_t i) const { return get_as<Blob>(values_, i, "a blob"); }

}  // namespace stafett::store
