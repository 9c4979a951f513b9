#include "web/pages/access_lines.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "core/oslo_time.h"
#include "domain/break_glass.h"
#include "web/page_data.h"

namespace stafett::web::pages {

namespace mustache = kainjow::mustache;

std::string access_action_text(const RequestContext& ctx, domain::AccessAction action) {
  return text(ctx, "access.action." + std::string(domain::access_action_code(action)));
}

std::string access_basis_text(const RequestContext& ctx, const app::AccessLine& a) {
  if (a.basis == domain::AccessBasis::kFamily) {
    return text(ctx, a.role == "child" ? "access.basis.family_child" : "access.basis.family_guardian");
  }
  return text(ctx, "access.basis." + std::string(domain::access_basis_code(a.basis)));
}

mustache::data access_line_data(const RequestContext& ctx, const app::AccessLine& a) {
  mustache::data d(mustache::data::type::object);
  d.set("name", a.person_name);
  d.set("role", text(ctx, "role." + a.role));
  if (!a.unit_name.empty()) d.set("unit", a.unit_name);
  d.set("at", format_time(a.at));
  d.set("action", access_action_text(ctx, a.action));
  d.set("basis", access_basis_text(ctx, a));
  d.set("break_glass", flag(a.basis == domain::AccessBasis::kBreakGlass));
  // The reason in plain words; a code this version does not know, as it is.
  const bool known = domain::break_glass_reason_from_code(a.break_glass_reason).has_value();
  d.set("break_glass_reason", known ? text(ctx, "break_glass.reason." + a.break_glass_reason) : a.break_glass_reason);
  return d;
}

boost::json::object access_line_json(const app::AccessLine& a) {
  boost::json::object o{{"sequence", a.sequence},
                        {"at_ms", to_unix_ms(a.at)},
                        {"person", a.person.value},
                        {"name", a.person_name},
                        {"role", a.role},
                        {"action", domain::access_action_code(a.action)},
                        {"basis", domain::access_basis_code(a.basis)}};
  if (!a.unit_name.empty()) o["unit"] = a.unit_name;
  if (!a.service.empty()) o["service"] = a.service;
  if (a.basis == domain::AccessBasis::kBreakGlass) o["break_glass_reason"] = a.break_glass_reason;
  return o;
}

std::string query_text(const std::vector<std::pair<std::string_view, std::string>>& fields) {
  std::string out;
  for (const auto& [key, value] : fields) {
    if (value.empty()) continue;
    if (!out.empty()) out += "&";
    out += std::string(key) + "=" + boost::urls::encode(value, boost::urls::unreserved_chars);
  }
  return out;
}

std::string older_url(std::string path, const std::vector<std::pair<std::string_view, std::string>>& fields,
                      std::int64_t before) {
  const std::string query = query_text(fields);
  return path + "?" + query + (query.empty() ? "" : "&") + "before=" + std::to_string(before);
}

}  // namespace stafett::web::pages
