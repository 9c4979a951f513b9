#include "web/csv.h"

namespace stafett::web {

std::string csv_cell(std::string_view value) {
  std::string out = "\"";
  if (!value.empty()) {
    const char first = value.front();
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') out += '\'';
  }
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void CsvWriter::row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_ += ',';
    out_ += csv_cell(cells[i]);
  }
  out_ += "\r\n";
}

}  // namespace stafett::web
