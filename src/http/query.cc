#include "http/query.h"

#include <boost/url/pct_string_view.hpp>

#include "core/utf8.h"

namespace stafett::http {
namespace {

Result<std::string> decode_component(std::string_view raw, bool allow_newlines) {
  auto pct = boost::urls::make_pct_string_view(raw);
  if (!pct) return make_error(Errc::kInvalidInput, "bad percent-encoding");
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  std::string decoded = pct->decode(opts);
  if (!is_valid_utf8(decoded) || has_control_characters(decoded, allow_newlines)) {
    return make_error(Errc::kInvalidInput, "invalid characters");
  }
  return decoded;
}

}  // namespace

static Result<FormFields> parse_encoded(std::string_view encoded, bool allow_newlines) {
  FormFields fields;
  while (!encoded.empty()) {
    const auto amp = encoded.find('&');
    const std::string_view pair = encoded.substr(0, amp);
    encoded = amp == std::string_view::npos ? std::string_view{} : encoded.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto key = decode_component(pair.substr(0, eq), false);
    if (!key) return key.error();
    std::string value;
    if (eq != std::string_view::npos) {
      auto v = decode_component(pair.substr(eq + 1), allow_newlines);
      if (!v) return v.error();
      value = std::move(*v);
    }
    fields.emplace_back(std::move(*key), std::move(value));
  }
  return fields;
}

Result<FormFields> parse_query(std::string_view encoded) { return parse_encoded(encoded, false); }

Result<FormFields> parse_form_body(std::string_view encoded) { return parse_encoded(encoded, true); }

std::optional<std::string_view> find_field(const FormFields& fields, std::string_view key) {
  for (const auto& [k, v] : fields) {
    if (k == key) return std::string_view(v);
  }
  return std::nullopt;
}

}  // namespace stafett::http
