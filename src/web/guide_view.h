#pragma once
// Template data for the guide's pages: the levels and steps, a step, a tool
// and its form, in the request's language (nynorsk pages show the nynorsk
// text; bokmål and English pages the bokmål text). No personal data: only
// what the municipality published.
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "app/guide_library.h"
#include "web/app_context.h"

namespace stafett::web {

// "nb" or "nn": the language of the guide's own text on this page.
std::string_view guide_language(const RequestContext& ctx);

// "/kommune/9901/veileder".
std::string guide_url(const domain::Municipality& m);
std::string step_url(const domain::Municipality& m, std::string_view step, std::string_view variant);
std::string tool_url(const domain::Municipality& m, std::string_view tool, std::string_view variant);

// Data every guide page shares: the municipality, the guide's title, the
// variants with the chosen one, the four levels with their steps (the
// current one marked), the content language and the search form.
kainjow::mustache::data guide_page_data(const RequestContext& ctx, const app::PublishedGuide& published,
                                        std::string_view variant, std::string_view current_step);

// "Skole, Barnehage": the services a step belongs to when it is not shared; "" for a shared step.
std::string only_for(const domain::Guide& guide, const domain::GuideStep& step, std::string_view language);

kainjow::mustache::data local_markdown(const RequestContext& ctx, const domain::LocalText& text);

// A form's fields for reading (the public tool page) and for filling in:
// label, help, type, options, limits; values and errors when given.
kainjow::mustache::data form_fields_data(const RequestContext& ctx, const domain::FormDefinition& form);

}  // namespace stafett::web
