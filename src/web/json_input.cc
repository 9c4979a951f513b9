#include "web/json_input.h"

#include <boost/json/parse.hpp>

#include "web/form_input.h"

namespace stafett::web {

std::optional<boost::json::object> json_body(const http::Request& request) {
  const auto type = request.header("content-type");
  if (!type || !type->starts_with("application/json")) return std::nullopt;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(request.body, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

std::optional<std::string> json_string(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return std::nullopt;
  return std::string(it->value().as_string());
}

std::optional<std::int64_t> json_int(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (it->value().is_int64()) return it->value().as_int64();
  if (it->value().is_uint64() && it->value().as_uint64() < (1ull << 62)) {
    return static_cast<std::int64_t>(it->value().as_uint64());
  }
  return std::nullopt;
}

std::optional<int> json_version(const boost::json::object& o) {
  const auto v = json_int(o, "version");
  if (!v || *v < 1 || *v > 1'000'000) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<bool> json_bool(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_bool()) return std::nullopt;
  return it->value().as_bool();
}

std::string json_form_text(const boost::json::object& o, std::string_view key, bool& ok) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  ok = false;
  return "";
}

std::vector<std::string> json_form_ids(const boost::json::object& o, std::string_view key, bool& ok) {
  std::vector<std::string> out;
  const auto* v = o.if_contains(key);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    ok = false;
    return out;
  }
  for (const auto& e : v->as_array()) {
    if (!e.is_int64()) {
      ok = false;
      return {};
    }
    out.push_back(std::to_string(e.as_int64()));
  }
  return out;
}

std::vector<std::int64_t> json_ids(const boost::json::object& o, std::string_view key, const std::string& field,
                                   app::FieldErrors& errors) {
  std::vector<std::int64_t> out;
  auto it = o.find(key);
  if (it == o.end()) return out;
  if (!it->value().is_array()) {
    errors.push_back({field, "api.error.type"});
    return out;
  }
  for (const auto& v : it->value().as_array()) {
    if (v.is_int64() && v.as_int64() > 0) {
      out.push_back(v.as_int64());
    } else {
      errors.push_back({field, "api.error.type"});
      return {};
    }
  }
  return out;
}

std::vector<std::string> json_strings(const boost::json::object& o, std::string_view key, const std::string& field,
                                      app::FieldErrors& errors) {
  std::vector<std::string> out;
  auto it = o.find(key);
  if (it == o.end()) return out;
  if (!it->value().is_array()) {
    errors.push_back({field, "api.error.type"});
    return out;
  }
  for (const auto& v : it->value().as_array()) {
    if (!v.is_string()) {
      errors.push_back({field, "api.error.type"});
      return {};
    }
    out.emplace_back(v.as_string());
  }
  return out;
}

app::ConsentInput read_consent_json(const AppContext& app, const boost::json::object& o, app::FieldErrors& errors) {
  // The same rules as the HTML form: translate into form fields once.
  http::FormFields fields;
  for (auto id : json_ids(o, "unit_ids", "scope", errors)) fields.emplace_back("scope_unit", std::to_string(id));
  for (auto& s : json_strings(o, "service_types", "scope", errors)) fields.emplace_back("scope_service", s);
  for (auto& c : json_strings(o, "categories", "categories", errors)) fields.emplace_back("category", c);
  for (const char* key : {"valid_until", "review_at", "info_text_version", "info_text_hash"}) {
    if (auto s = json_string(o, key)) fields.emplace_back(key, *s);
  }
  return read_consent_input(app, fields, errors);
}

}  // namespace stafett::web
