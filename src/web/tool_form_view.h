#pragma once
// A tool's form as an accessible HTML form, and back. Every input is named
// "f.<path>" ("f.observed", "f.observations.1.date"); a repeating group is a
// fieldset of rows with a button that adds one (no script needed). Errors
// stand next to their field (aria-describedby, aria-invalid) and in a list
// above the form that links to each.
#include <map>
#include <string>

#include <kainjow/mustache.hpp>

#include "app/tool_records.h"
#include "http/query.h"
#include "web/app_context.h"

namespace stafett::web {

// The answers in a posted form. A name that is not a well-formed path is a
// problem on that name (form.error.unknown_field), never dropped silently.
// A row of a group whose inputs are all empty is no row.
domain::FormAnswers answers_from_form(const http::FormFields& form, app::FieldErrors& errors);

// {form_items, has_errors, error_summary: [{href, text}]}; `extra_rows`
// adds empty rows to the groups at those paths ("observations": 1).
kainjow::mustache::data tool_form_data(const RequestContext& ctx, const app::ToolForm& form,
                                       const app::FieldErrors& errors, const std::map<std::string, int>& extra_rows);

// The answers for reading: [{label, text}] with groups as nested rows.
kainjow::mustache::data tool_answers_data(const RequestContext& ctx, const app::ToolRecordView& view);

}  // namespace stafett::web
