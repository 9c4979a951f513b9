#pragma once
// Value and Row: what crosses the storage interface. SQL parameters are Values;
// query results are Rows of Values. Both backends map their types onto these five.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace stafett::store {

using Blob = std::vector<std::uint8_t>;
struct Null {
  friend bool operator==(Null, Null) = default;
};
using Value = std::variant<Null, std::int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

// One result row. Accessors throw std::logic_error on a type mismatch: that is a
// programming error in a repository, caught at the request boundary as a 500.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool is_null(std::size_t i) const;
  std::int64_t int64(std::size_t i) const;
  double real(std::size_t i) const;
  const std::string& text(std::size_t i) const;
  const Blob& blob(std::size_t i) const;
  const Value& at(std::size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

}  // namespace stafett::store
