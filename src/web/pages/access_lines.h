#pragma once
// Pieces shared by the pages that show access records ("Hvem har sett
// loggen?", "Mine oppslag", the privacy officer's search): one access as
// plain words for a template and as JSON, and the link to the next page
// with the same filter. What an access concerned is left to each page, which
// knows what its reader may see.
#include <boost/json/object.hpp>
#include <kainjow/mustache.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/access_history.h"
#include "web/app_context.h"

namespace stafett::web::pages {

// "Vist", "Skrevet ut"... in the request's language.
std::string access_action_text(const RequestContext& ctx, domain::AccessAction action);
// The basis in plain words: the family's own right names who they are.
std::string access_basis_text(const RequestContext& ctx, const app::AccessLine& a);

// name, role, unit, at, action, basis, break_glass, break_glass_reason.
kainjow::mustache::data access_line_data(const RequestContext& ctx, const app::AccessLine& a);

// sequence, at_ms, person, name, role, unit, service, action, basis,
// break_glass_reason (only for break-glass).
boost::json::object access_line_json(const app::AccessLine& a);

// The non-empty `fields` as "a=1&b=2", values percent-encoded.
std::string query_text(const std::vector<std::pair<std::string_view, std::string>>& fields);

// `path` with the non-empty `fields` as a query (values percent-encoded),
// and before=<before> last: the next page of the same selection.
std::string older_url(std::string path, const std::vector<std::pair<std::string_view, std::string>>& fields,
                      std::int64_t before);

}  // namespace stafett::web::pages
