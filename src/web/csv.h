#pragma once
// CSV for downloads people open in a spreadsheet (RFC 4180): every cell
// quoted, quotes doubled, CRLF line ends, and a UTF-8 byte order mark first
// so Excel reads æ, ø and å. A cell that a spreadsheet would take for a
// formula (it starts with = + - @, a tab or a carriage return) gets a leading
// apostrophe, so data never runs as a formula (CSV injection).
// Thread-safety: plain functions and a value type.
#include <string>
#include <string_view>
#include <vector>

namespace stafett::web {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One cell, quoted and made safe.
std::string csv_cell(std::string_view value);

// Builds a CSV document row by row, starting with the byte order mark.
class CsvWriter {
 public:
  CsvWriter() : out_(kUtf8Bom) {}
  void row(const std::vector<std::string>& cells);
  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace stafett::web
