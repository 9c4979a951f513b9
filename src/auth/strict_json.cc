#include "auth/strict_json.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace stafett::auth {
namespace {

using boost::json::error_code;
using boost::json::string_view;

// A basic_parser handler that builds nothing: it only remembers the keys of
// every open object and stops at the first repeated one. The value itself is
// built afterwards by boost::json::parse, which then cannot meet a duplicate.
class DuplicateKeyFinder {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  bool found_duplicate() const { return found_duplicate_; }

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_array_begin(error_code&) { return true; }
  bool on_array_end(std::size_t, error_code&) { return true; }
  bool on_object_begin(error_code&) {
    open_objects_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, error_code&) {
    open_objects_.pop_back();
    return true;
  }
  bool on_string_part(string_view, std::size_t, error_code&) { return true; }
  bool on_string(string_view, std::size_t, error_code&) { return true; }
  bool on_key_part(string_view part, std::size_t, error_code&) {
    key_.append(part.data(), part.size());
    return true;
  }
  bool on_key(string_view last, std::size_t, error_code& ec) {
    key_.append(last.data(), last.size());
    const bool inserted = open_objects_.back().insert(std::move(key_)).second;
    key_.clear();
    if (!inserted) {
      found_duplicate_ = true;
      ec = boost::json::error::syntax;
      return false;
    }
    return true;
  }
  bool on_number_part(string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, string_view, error_code&) { return true; }
  bool on_uint64(std::uint64_t, string_view, error_code&) { return true; }
  bool on_double(double, string_view, error_code&) { return true; }
  bool on_bool(bool, error_code&) { return true; }
  bool on_null(error_code&) { return true; }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }

 private:
  std::vector<std::set<std::string>> open_objects_;
  std::string key_;
  bool found_duplicate_ = false;
};

boost::json::parse_options strict_options(std::size_t max_depth) {
  boost::json::parse_options options;
  options.max_depth = max_depth;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  options.allow_invalid_utf8 = false;
  return options;
}

}  // namespace

std::string_view json_defect_name(JsonDefect defect) {
  switch (defect) {
    case JsonDefect::kSyntax: return "syntax";
    case JsonDefect::kDuplicateKey: return "duplicate_key";
    case JsonDefect::kTooDeep: return "too_deep";
    case JsonDefect::kNotAnObject: return "not_an_object";
  }
  return "syntax";
}

void throw_exception_from_error(const JsonDefect& defect, const boost::source_location&) {
  throw std::runtime_error("strict json: " + std::string(json_defect_name(defect)));
}

JsonResult<boost::json::object> parse_strict_json_object(std::string_view text,
                                                         std::size_t max_depth) {
  const auto options = strict_options(max_depth);
  {
    boost::json::basic_parser<DuplicateKeyFinder> finder(options);
    error_code ec;
    const std::size_t consumed = finder.write_some(false, text.data(), text.size(), ec);
    if (finder.handler().found_duplicate()) return JsonDefect::kDuplicateKey;
    if (ec == boost::json::error::too_deep) return JsonDefect::kTooDeep;
    if (ec || consumed != text.size()) return JsonDefect::kSyntax;
  }
  error_code ec;
  boost::json::value value = boost::json::parse(boost::json::string_view(text.data(), text.size()),
                                                ec, boost::json::storage_ptr(), options);
  if (ec) return JsonDefect::kSyntax;
  if (!value.is_object()) return JsonDefect::kNotAnObject;
  return std::move(value.as_object());
}

}  // namespace stafett::auth
