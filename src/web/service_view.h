#pragma once
// A service catalogue entry as template data and as JSON: the same fields
// for the public page, the employee's view, the editor's form and the API.
#include <boost/json/object.hpp>
#include <kainjow/mustache.hpp>

#include "app/service_catalogue.h"
#include "web/app_context.h"

namespace stafett::web {

// {name, href, type_name, shared, owner_name, is_public, has_profile, description (markdown data), ages,
//  needs [{need_name}], levels, phone, tel, address, opening_hours, contact_form_url, referral_needed}.
kainjow::mustache::data service_data(const RequestContext& ctx, const app::ServiceEntry& entry,
                                     const std::string& kommunenummer);
boost::json::object service_json(const app::ServiceEntry& entry);

// "man–fre 08.00–15.30, lør 10.00–14.00" with the request language's day names.
std::string opening_hours_text(const RequestContext& ctx, const domain::OpeningHours& hours);

// The catalogue's filter from the query (?alder=&behov=&niva=&sok=); bad
// values are ignored, never an error.
domain::ServiceFilter service_filter(const RequestContext& ctx);

// The entry's fields as the editor's form sends them, and back.
app::ServiceForm service_form_from(const http::FormFields& form);
// {f_name, f_service_type, f_description, ..., need_options [{code, label, checked}], level_options, type_options}.
kainjow::mustache::data service_form_data(const RequestContext& ctx, const app::ServiceForm& form);
app::ServiceForm service_form_of(const app::ServiceEntry& entry);

}  // namespace stafett::web
