#pragma once
// Allow-listed decoding of JSON request bodies for the /api/v1/ routes: the
// readers take only the named members they know, check their types, and add
// FieldErrors for wrong ones. Unknown members are ignored (no mass assignment).
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app/log_use_cases.h"
#include "http/request.h"
#include "web/app_context.h"

namespace stafett::web {

// The body as a JSON object, or nullopt when it is not JSON or not an object.
std::optional<boost::json::object> json_body(const http::Request& request);

std::optional<std::string> json_string(const boost::json::object& o, std::string_view key);
std::optional<std::int64_t> json_int(const boost::json::object& o, std::string_view key);
std::optional<bool> json_bool(const boost::json::object& o, std::string_view key);
// A form field sent as JSON (the samhandlingsmodell's editors): absent or
// null is "", a string is itself, an integer its digits; any other type sets
// `ok` to false (a 400, the body is not of the form's shape).
std::string json_form_text(const boost::json::object& o, std::string_view key, bool& ok);
// An array of integer ids as their digits; absent is empty; anything else sets `ok` to false.
std::vector<std::string> json_form_ids(const boost::json::object& o, std::string_view key, bool& ok);
// "version": the entry version a correction or change is made against
// (1 to 1,000,000); nullopt for anything else.
std::optional<int> json_version(const boost::json::object& o);
// Every element must be a positive integer; otherwise `errors` gets `field`.
std::vector<std::int64_t> json_ids(const boost::json::object& o, std::string_view key, const std::string& field,
                                   app::FieldErrors& errors);
std::vector<std::string> json_strings(const boost::json::object& o, std::string_view key, const std::string& field,
                                      app::FieldErrors& errors);

// {"unit_ids": [...], "service_types": [...], "categories": [...],
//  "valid_until": "YYYY-MM-DD", "review_at": "YYYY-MM-DD",
//  "info_text_version": "...", "info_text_hash": "..."}
app::ConsentInput read_consent_json(const AppContext& app, const boost::json::object& o, app::FieldErrors& errors);

}  // namespace stafett::web
