#pragma once
// Guide Markdown as template data. The template (_markdown.mustache) makes
// the elements and escapes every text, so nothing an editor writes can
// become markup of its own.
#include <string_view>

#include <kainjow/mustache.hpp>

namespace stafett::web {

// {md_blocks: [{md_p|md_h3|md_h4|md_ul|md_ol, md_items: [{md_runs:
// [{md_plain|md_strong|md_em|md_link, md_text, md_href}]}]}], md_has_blocks}.
// Prefixed names, so a lookup that falls through to the page's own data
// (mustache searches outwards) can never find a "link" or "text" there.
kainjow::mustache::data markdown_data(std::string_view markdown);

}  // namespace stafett::web
