#include "web/page_data.h"

#include <algorithm>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "web/respond.h"

namespace stafett::web {

namespace mustache = kainjow::mustache;

mustache::data flag(bool b) { return b ? mustache::data::type::bool_true : mustache::data::type::bool_false; }

std::string text(const RequestContext& ctx, const std::string& key) { return ctx.app.catalogs.text(ctx.locale, key); }

std::string log_url(std::int64_t id) { return "/logger/" + std::to_string(id); }

void set_moved(mustache::data& object, const std::string& key, mustache::data&& value) {
  if (object.is_object()) object[key] = std::move(value);
}

void push_moved(mustache::data& list, mustache::data&& item) {
  if (!list.is_list()) return;
  // kainjow offers no mutable access to a list; the vector itself is not
  // const (data owns it on the heap), so appending through it is sound.
  auto& items = const_cast<mustache::list&>(list.list_value());
  if (items.size() == items.capacity()) {
    // data's move constructor is not noexcept, so a growing vector would copy
    // every item (deeply) to its new storage; move them over by hand.
    mustache::list bigger;
    bigger.reserve(std::max<std::size_t>(8, 2 * items.size()));
    for (auto& existing : items) bigger.push_back(std::move(existing));
    items.swap(bigger);
  }
  items.push_back(std::move(item));
}

mustache::data select_options(const RequestContext& ctx, std::initializer_list<std::string_view> codes,
                              const std::string& prefix, const std::string& chosen) {
  mustache::data list(mustache::data::type::list);
  for (auto code : codes) {
    mustache::data item(mustache::data::type::object);
    item.set("code", std::string(code));
    item.set("label", text(ctx, prefix + std::string(code)));
    item.set("selected", flag(chosen == code));
    push_moved(list, std::move(item));
  }
  return list;
}

void set_errors(const RequestContext& ctx, mustache::data& page, const app::FieldErrors& errors) {
  mustache::data by_field(mustache::data::type::object);
  mustache::data summary(mustache::data::type::list);
  for (const auto& e : errors) {
    const std::string message = text(ctx, e.message);
    if (!by_field.get(e.field)) by_field.set(e.field, message);
    mustache::data item(mustache::data::type::object);
    item.set("field", e.field);
    item.set("message", message);
    summary.push_back(item);
  }
  page.set("errors", by_field);
  page.set("error_summary", summary);
  page.set("has_errors", flag(!errors.empty()));
}

http::Response field_errors_response(const RequestContext& ctx, const app::FieldErrors& errors) {
  boost::json::array list;
  for (const auto& e : errors) list.push_back({{"field", e.field}, {"message", text(ctx, e.message)}});
  return json_response(422, {{"errors", list}});
}

}  // namespace stafett::web
