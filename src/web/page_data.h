#pragma once
// Small pieces every page handler uses to fill a template: booleans as
// mustache sections, catalog text in the request's language, form errors.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "app/log_use_cases.h"
#include "http/response.h"
#include "web/app_context.h"

namespace stafett::web {

// A mustache section that shows when `b` is true.
kainjow::mustache::data flag(bool b);

// The catalog text for `key` in the request's language.
std::string text(const RequestContext& ctx, const std::string& key);

// "/logger/{id}".
std::string log_url(std::int64_t id);
inline std::string log_url(domain::LogId id) { return log_url(id.value); }

// kainjow's data::set() and push_back() take a const reference and copy the
// value, deeply: a list of objects built item by item and then set on the page
// was copied twice over (and freed twice). These move it in instead.
void set_moved(kainjow::mustache::data& object, const std::string& key, kainjow::mustache::data&& value);
void push_moved(kainjow::mustache::data& list, kainjow::mustache::data&& item);

// [{code, label, selected}] for a <select>: each code's label is the catalog's
// text at `prefix` + code.
kainjow::mustache::data select_options(const RequestContext& ctx, std::initializer_list<std::string_view> codes,
                                       const std::string& prefix, const std::string& chosen);

// errors.<field> for the message next to each field (the first one per
// field), error_summary for the list above the form, and has_errors.
void set_errors(const RequestContext& ctx, kainjow::mustache::data& page, const app::FieldErrors& errors);

// 422 {"errors": [{field, message}]} with each message in the request's
// language: the JSON twin of set_errors.
http::Response field_errors_response(const RequestContext& ctx, const app::FieldErrors& errors);

}  // namespace stafett::web
