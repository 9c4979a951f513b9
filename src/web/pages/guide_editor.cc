// The BTI coordinator's editor for the municipality's guide (issue 7, item 4):
// the draft's levels, steps and tools with what needs review, a form per step
// and per tool (texts in bokmål and nynorsk, Markdown in the safe subset, the
// form definition), moving steps, a preview of a step as the public will see
// it, publishing, and the history with what changed in each version. Only
// the coordinator of that municipality (policy: edit_guide).
#include <boost/json.hpp>

#include "app/guide_editing.h"
#include "core/oslo_time.h"
#include "store/guide_codec.h"
#include "web/form_input.h"
#include "web/guide_view.h"
#include "web/json_input.h"
#include "web/page_data.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;

std::string editor_url(const std::string& kommune) { return "/kommune/" + kommune + "/rediger"; }

// A form field's text, with the browser's CRLF line breaks as plain LF: a
// text nobody touched must stay byte for byte the same (or every version
// would show it as changed).
std::string field(const RequestContext& ctx, const char* name) {
  std::string text(http::find_field(ctx.form, name).value_or(""));
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

domain::LocalText local_field(const RequestContext& ctx, const std::string& name) {
  return {field(ctx, (name + "_nb").c_str()), field(ctx, (name + "_nn").c_str())};
}

void set_local(mustache::data& page, const std::string& name, const domain::LocalText& t) {
  page.set(name + "_nb", t.nb);
  page.set(name + "_nn", t.nn);
}

// The guide's problems, shown next to the field they are about: the last
// named part of the path ("levels.0.steps.2.what_to_do" → what_to_do).
void set_problems(const RequestContext& ctx, mustache::data& page, const app::FieldErrors& errors) {
  mustache::data summary(mustache::data::type::list);
  mustache::data by_field(mustache::data::type::object);
  for (const auto& e : errors) {
    std::string name = e.field;
    for (const char* known : {"title", "what_to_do", "responsible", "think_about", "tools", "variants", "summary",
                              "body", "form"}) {
      if (e.field == known || e.field.ends_with(std::string(".") + known) || e.field.starts_with(std::string(known) + ".")) {
        name = known;
      }
    }
    const auto message = text(ctx, e.message);
    mustache::data line(mustache::data::type::object);
    line.set("href", "#field-" + name);
    // The field's own name where it is one of the form's; the path otherwise
    // (a problem deep in a form definition: "form.fields.0.type").
    const bool known = name != e.field || e.field == "form" || e.field == "summary";
    const std::string label = known && name != "form" ? text(ctx, "editor.field." + name)
                              : e.field.empty()       ? std::string()
                                                      : e.field;
    line.set("text", (label.empty() ? std::string() : label + ": ") + message);
    push_moved(summary, std::move(line));
    if (!by_field.get(name)) by_field.set(name, message);
  }
  page.set("has_errors", flag(!errors.empty()));
  set_moved(page, "error_summary", std::move(summary));
  set_moved(page, "errors", std::move(by_field));
}

// Readable JSON for the form definition box: two spaces per level.
void pretty(const json::value& v, std::string& out, int depth) {
  const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  const std::string inner(static_cast<std::size_t>(depth + 1) * 2, ' ');
  if (v.is_object()) {
    const auto& o = v.as_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& m : o) {
      if (!first) out += ",\n";
      first = false;
      out += inner + json::serialize(json::value(m.key())) + ": ";
      pretty(m.value(), out, depth + 1);
    }
    out += "\n" + pad + "}";
  } else if (v.is_array()) {
    const auto& a = v.as_array();
    if (a.empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i > 0) out += ",\n";
      out += inner;
      pretty(a[i], out, depth + 1);
    }
    out += "\n" + pad + "]";
  } else {
    out += json::serialize(v);
  }
}

std::string form_json_of(const domain::GuideTool& tool) {
  if (!tool.form) return {};
  const auto whole = json::parse(store::encode_tool(tool));
  std::string out;
  pretty(whole.at("form"), out, 0);
  return out;
}

// The step form: an existing step (`key`), or a new one in `new_in_level`.
http::Response step_form(const RequestContext& ctx, const app::GuideDraft& draft, const std::string& key,
                         const app::FieldErrors& errors, std::optional<app::StepInput> typed, int status,
                         std::optional<int> new_in_level = std::nullopt) {
  const auto found = domain::find_step(draft.guide, key);
  if (!found && (!new_in_level || *new_in_level < 0 || *new_in_level >= static_cast<int>(draft.guide.levels.size()))) {
    return error_response(ctx.app, ctx.request, ctx.locale, 404);
  }
  const domain::GuideStep step = found ? *found->second : domain::GuideStep{};
  const auto& level = found ? *found->first : draft.guide.levels[static_cast<std::size_t>(*new_in_level)];
  const auto lang = guide_language(ctx);
  const auto base = editor_url(draft.municipality.kommunenummer);
  mustache::data page(mustache::data::type::object);
  const auto heading = found ? step.title.in(lang) : text(ctx, "editor.new_step");
  page.set("title", text(ctx, "editor.edit_step") + ": " + heading);
  page.set("heading", heading);
  page.set("level_title", level.title.in(lang));
  page.set("editor_href", base);
  if (found) {
    page.set("action", base + "/trinn/" + key);
    page.set("preview_href", base + "/forhandsvis/" + key);
    page.set("remove_action", base + "/trinn/" + key + "/slett");
  } else {
    page.set("action", base + "/niva/" + std::to_string(*new_in_level) + "/nytt-trinn");
  }
  const app::StepInput shown = typed.value_or(app::StepInput{step.title, step.what_to_do, step.responsible,
                                                             step.think_about, step.tools, step.variants,
                                                             step.variant_notes, false});
  set_local(page, "step_title", shown.title);
  set_local(page, "what_to_do", shown.what_to_do);
  set_local(page, "responsible", shown.responsible);
  set_local(page, "think_about", shown.think_about);
  if (found) page.set("reviewed_on", format_date(step.reviewed_on));
  mustache::data tools(mustache::data::type::list);
  for (const auto& t : draft.guide.tools) {
    mustache::data item(mustache::data::type::object);
    item.set("key", t.key);
    item.set("title", t.title.in(lang));
    item.set("checked", flag(std::find(shown.tools.begin(), shown.tools.end(), t.key) != shown.tools.end()));
    push_moved(tools, std::move(item));
  }
  set_moved(page, "tools", std::move(tools));
  mustache::data variants(mustache::data::type::list);
  for (const auto& v : draft.guide.variants) {
    mustache::data item(mustache::data::type::object);
    item.set("key", v.key);
    item.set("title", v.title.in(lang));
    item.set("checked", flag(std::find(shown.variants.begin(), shown.variants.end(), v.key) != shown.variants.end()));
    domain::LocalText note;
    for (const auto& [key_of_variant, text_of_note] : shown.variant_notes) {
      if (key_of_variant == v.key) note = text_of_note;
    }
    set_local(item, "note", note);
    push_moved(variants, std::move(item));
  }
  page.set("has_variants", flag(!draft.guide.variants.empty()));
  set_moved(page, "variants", std::move(variants));
  set_problems(ctx, page, errors);
  return page_response(ctx, status, "guide_edit_step", page);
}

http::Response tool_form(const RequestContext& ctx, const app::GuideDraft& draft, const std::string& key,
                         const app::FieldErrors& errors, std::optional<app::ToolInput> typed, int status) {
  const auto* tool = domain::find_tool(draft.guide, key);
  if (tool == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto lang = guide_language(ctx);
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "editor.edit_tool") + ": " + tool->title.in(lang));
  page.set("heading", tool->title.in(lang));
  page.set("editor_href", editor_url(draft.municipality.kommunenummer));
  page.set("action", editor_url(draft.municipality.kommunenummer) + "/verktoy/" + key);
  const app::ToolInput shown =
      typed.value_or(app::ToolInput{tool->title, tool->summary, tool->body, form_json_of(*tool), false});
  set_local(page, "tool_title", shown.title);
  set_local(page, "summary", shown.summary);
  set_local(page, "body", shown.body);
  page.set("is_form", flag(tool->kind == domain::ToolKind::kForm));
  page.set("form_json", shown.form_json);
  page.set("preview_href", editor_url(draft.municipality.kommunenummer) + "/forhandsvis-verktoy/" + key);
  page.set("reviewed_on", format_date(tool->reviewed_on));
  set_problems(ctx, page, errors);
  return page_response(ctx, status, "guide_edit_tool", page);
}

app::StepInput step_input(const RequestContext& ctx) {
  app::StepInput in;
  in.title = local_field(ctx, "step_title");
  in.what_to_do = local_field(ctx, "what_to_do");
  in.responsible = local_field(ctx, "responsible");
  in.think_about = local_field(ctx, "think_about");
  for (auto t : all_fields(ctx.form, "tools")) in.tools.emplace_back(t);
  for (auto v : all_fields(ctx.form, "variants")) in.variants.emplace_back(v);
  // "note_<variant>_nb" and "_nn": each variant's own paragraph.
  for (const auto& [name, value] : ctx.form) {
    if (!name.starts_with("note_") || !name.ends_with("_nb") || name.size() <= 8) continue;
    const auto variant = name.substr(5, name.size() - 8);
    in.variant_notes.emplace_back(variant, local_field(ctx, "note_" + variant));
  }
  in.reviewed = field(ctx, "reviewed") == "1";
  return in;
}

app::ToolInput tool_input(const RequestContext& ctx) {
  return {local_field(ctx, "tool_title"), local_field(ctx, "summary"), local_field(ctx, "body"), field(ctx, "form_json"),
          field(ctx, "reviewed") == "1"};
}

}  // namespace

namespace {
// Opens the coordinator's draft and renders with it; the error page when it
// cannot be opened (not the coordinator, no such municipality).
template <class Render>
http::Response with_draft(const RequestContext& ctx, Render render) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto draft = app::open_guide_draft(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), ctx.app.clock.now());
  if (!draft) return failure_response(ctx, draft.error());
  return render(*draft);
}

// The draft shown as the public would see it once published.
std::unique_ptr<app::PublishedGuide> as_preview(const app::GuideDraft& draft) {
  auto preview = std::make_unique<app::PublishedGuide>();
  preview->municipality = draft.municipality;
  preview->guide = draft.guide;
  return preview;
}

// After a change to the draft: back to the editor when it was saved, else
// `again` shows the form once more with the problems (422).
template <class Again>
http::Response after_change(const RequestContext& ctx, const Result<app::FieldErrors>& saved, const std::string& what,
                            Again again) {
  if (!saved) return failure_response(ctx, saved.error());
  if (saved->empty()) return http::Response::redirect(editor_url(kommune_param(ctx)) + "?lagret=" + what);
  return with_draft(ctx, [&](const app::GuideDraft& draft) { return again(draft, *saved); });
}
}  // namespace

http::Response guide_editor_page(const RequestContext& ctx) {
  return with_draft(ctx, [&](const app::GuideDraft& draft) { return render_guide_editor(ctx, draft, {}, "", 200); });
}

http::Response render_guide_editor(const RequestContext& ctx, const app::GuideDraft& draft,
                                   const app::FieldErrors& errors, const std::string& summary, int status) {
  const auto lang = guide_language(ctx);
  const auto base = editor_url(draft.municipality.kommunenummer);
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "editor.title"));
  page.set("municipality_name", draft.municipality.name);
  page.set("guide_href", guide_url(draft.municipality));
  page.set("history_href", "/kommune/" + draft.municipality.kommunenummer + "/historikk");
  page.set("texts_href", base + "/tekster");
  page.set("publish_action", base + "/publiser");
  page.set("based_on", std::to_string(draft.based_on));
  page.set("from_default", flag(draft.based_on == 0));
  page.set("changed", flag(draft.changed));
  if (draft.updated_at) {
    page.set("updated_at", format_time(*draft.updated_at));
    page.set("updated_by", draft.updated_by);
  }
  page.set("summary", summary);
  if (auto query = http::parse_query(ctx.request.query)) page.set("saved", flag(http::find_field(*query, "lagret").has_value()));
  mustache::data levels(mustache::data::type::list);
  for (const auto& level : draft.guide.levels) {
    mustache::data steps(mustache::data::type::list);
    for (std::size_t i = 0; i < level.steps.size(); ++i) {
      const auto& s = level.steps[i];
      mustache::data item(mustache::data::type::object);
      item.set("title", s.title.in(lang));
      item.set("edit_href", base + "/trinn/" + s.key);
      item.set("move_action", base + "/trinn/" + s.key + "/flytt");
      item.set("preview_href", base + "/forhandsvis/" + s.key);
      item.set("can_up", flag(i > 0));
      item.set("can_down", flag(i + 1 < level.steps.size()));
      item.set("reviewed_on", format_date(s.reviewed_on));
      push_moved(steps, std::move(item));
    }
    mustache::data item(mustache::data::type::object);
    item.set("title", level.title.in(lang));
    item.set("new_step_href", base + "/niva/" + std::to_string(level.level) + "/nytt-trinn");
    set_moved(item, "steps", std::move(steps));
    push_moved(levels, std::move(item));
  }
  set_moved(page, "levels", std::move(levels));
  mustache::data tools(mustache::data::type::list);
  for (const auto& t : draft.guide.tools) {
    mustache::data item(mustache::data::type::object);
    item.set("title", t.title.in(lang));
    item.set("kind_name", text(ctx, "guide.tool_kind." + std::string(domain::tool_kind_code(t.kind))));
    item.set("edit_href", base + "/verktoy/" + t.key);
    item.set("preview_href", base + "/forhandsvis-verktoy/" + t.key);
    item.set("reviewed_on", format_date(t.reviewed_on));
    push_moved(tools, std::move(item));
  }
  set_moved(page, "tools", std::move(tools));
  mustache::data due(mustache::data::type::list);
  for (const auto& hit : draft.due_for_review) {
    mustache::data item(mustache::data::type::object);
    if (hit.is_tool) {
      const auto* t = domain::find_tool(draft.guide, hit.key);
      item.set("title", t->title.in(lang));
      item.set("href", base + "/verktoy/" + hit.key);
      item.set("reviewed_on", format_date(t->reviewed_on));
    } else {
      const auto found = domain::find_step(draft.guide, hit.key);
      item.set("title", found->second->title.in(lang));
      item.set("href", base + "/trinn/" + hit.key);
      item.set("reviewed_on", format_date(found->second->reviewed_on));
    }
    push_moved(due, std::move(item));
  }
  page.set("has_due", flag(!draft.due_for_review.empty()));
  set_moved(page, "due", std::move(due));
  set_problems(ctx, page, errors);
  return page_response(ctx, status, "guide_editor", page);
}

http::Response guide_edit_step_page(const RequestContext& ctx) {
  return with_draft(ctx, [&](const app::GuideDraft& draft) {
    return step_form(ctx, draft, ctx.params.at("step"), {}, std::nullopt, 200);
  });
}

http::Response guide_save_step(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto in = step_input(ctx);
  const auto key = ctx.params.at("step");
  auto r = app::save_guide_step(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), key, in, ctx.app.clock.now());
  return after_change(ctx, r, key, [&](const app::GuideDraft& draft, const app::FieldErrors& errors) {
    return step_form(ctx, draft, key, errors, in, 422);
  });
}

namespace {
// A level number in the path: 0 to 3.
std::optional<int> level_param(const RequestContext& ctx) {
  const auto it = ctx.params.find("level");
  if (it == ctx.params.end() || it->second.size() != 1 || it->second[0] < '0' || it->second[0] > '3') return std::nullopt;
  return it->second[0] - '0';
}
}  // namespace

http::Response guide_new_step_page(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto level = level_param(ctx);
  if (!level) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  return with_draft(ctx, [&](const app::GuideDraft& draft) {
    return step_form(ctx, draft, "", {}, std::nullopt, 200, *level);
  });
}

http::Response guide_add_step(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto level = level_param(ctx);
  if (!level) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto in = step_input(ctx);
  std::string key;
  auto r = app::add_guide_step(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), *level, in, key,
                               ctx.app.clock.now());
  return after_change(ctx, r, key, [&](const app::GuideDraft& draft, const app::FieldErrors& errors) {
    return step_form(ctx, draft, "", errors, in, 422, *level);
  });
}

http::Response guide_remove_step(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::remove_guide_step(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), ctx.params.at("step"),
                                  ctx.app.clock.now());
  return after_change(ctx, r, "", [&](const app::GuideDraft& draft, const app::FieldErrors& errors) {
    return render_guide_editor(ctx, draft, errors, "", 422);
  });
}

namespace {
constexpr std::size_t kContactRows = 20;

http::Response texts_form(const RequestContext& ctx, const app::GuideDraft& draft, const app::FieldErrors& errors,
                          const std::optional<app::GuideTextsInput>& typed, int status) {
  app::GuideTextsInput shown;
  if (typed) {
    shown = *typed;
  } else {
    shown.title = draft.guide.title;
    shown.intro = draft.guide.intro;
    for (const auto& l : draft.guide.levels) shown.levels.emplace_back(l.title, l.summary);
    shown.citizen_intro = draft.guide.citizen_intro;
    shown.contacts = draft.guide.contacts;
  }
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "editor.texts"));
  page.set("editor_href", editor_url(draft.municipality.kommunenummer));
  page.set("action", editor_url(draft.municipality.kommunenummer) + "/tekster");
  set_local(page, "guide_title", shown.title);
  set_local(page, "intro", shown.intro);
  set_local(page, "citizen_intro", shown.citizen_intro);
  mustache::data levels(mustache::data::type::list);
  for (std::size_t i = 0; i < shown.levels.size(); ++i) {
    mustache::data item(mustache::data::type::object);
    item.set("n", std::to_string(i));
    set_local(item, "level_title", shown.levels[i].first);
    set_local(item, "level_summary", shown.levels[i].second);
    push_moved(levels, std::move(item));
  }
  set_moved(page, "levels", std::move(levels));
  // The contacts, and empty rows to add more (up to kContactRows).
  mustache::data contacts(mustache::data::type::list);
  const auto rows = std::min(kContactRows, shown.contacts.size() + 2);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto c = i < shown.contacts.size() ? shown.contacts[i] : domain::CitizenContact{};
    mustache::data item(mustache::data::type::object);
    item.set("n", std::to_string(i));
    item.set("row", std::to_string(i + 1));
    set_local(item, "contact_name", c.name);
    item.set("contact_phone", c.phone);
    set_local(item, "contact_when", c.when);
    set_local(item, "contact_about", c.about);
    push_moved(contacts, std::move(item));
  }
  set_moved(page, "contacts", std::move(contacts));
  set_problems(ctx, page, errors);
  return page_response(ctx, status, "guide_edit_texts", page);
}

app::GuideTextsInput texts_input(const RequestContext& ctx) {
  app::GuideTextsInput in;
  in.title = local_field(ctx, "guide_title");
  in.intro = local_field(ctx, "intro");
  in.citizen_intro = local_field(ctx, "citizen_intro");
  for (int i = 0; i < 4; ++i) {
    const auto n = std::to_string(i);
    in.levels.emplace_back(local_field(ctx, "level_title_" + n), local_field(ctx, "level_summary_" + n));
  }
  for (std::size_t i = 0; i < kContactRows; ++i) {
    const auto n = std::to_string(i);
    domain::CitizenContact c{local_field(ctx, "contact_name_" + n), field(ctx, ("contact_phone_" + n).c_str()),
                             local_field(ctx, "contact_when_" + n), local_field(ctx, "contact_about_" + n)};
    in.contacts.push_back(std::move(c));
  }
  return in;
}
}  // namespace

http::Response guide_texts_page(const RequestContext& ctx) {
  return with_draft(ctx, [&](const app::GuideDraft& draft) { return texts_form(ctx, draft, {}, std::nullopt, 200); });
}

http::Response guide_save_texts(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto in = texts_input(ctx);
  auto r = app::save_guide_texts(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), in, ctx.app.clock.now());
  return after_change(ctx, r, "tekster", [&](const app::GuideDraft& draft, const app::FieldErrors& errors) {
    return texts_form(ctx, draft, errors, in, 422);
  });
}

http::Response guide_move_step(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto direction = field(ctx, "retning");
  if (direction != "opp" && direction != "ned") return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::move_guide_step(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), ctx.params.at("step"),
                                direction == "opp" ? -1 : 1, ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  return http::Response::redirect(editor_url(kommune_param(ctx)));
}

http::Response guide_edit_tool_page(const RequestContext& ctx) {
  return with_draft(ctx, [&](const app::GuideDraft& draft) {
    return tool_form(ctx, draft, ctx.params.at("tool"), {}, std::nullopt, 200);
  });
}

http::Response guide_save_tool(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto in = tool_input(ctx);
  const auto key = ctx.params.at("tool");
  auto r = app::save_guide_tool(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), key, in, ctx.app.clock.now());
  return after_change(ctx, r, key, [&](const app::GuideDraft& draft, const app::FieldErrors& errors) {
    return tool_form(ctx, draft, key, errors, in, 422);
  });
}

http::Response guide_preview_step(const RequestContext& ctx) {
  return with_draft(ctx, [&](const app::GuideDraft& draft) {
    return render_guide_step(ctx, *as_preview(draft), ctx.params.at("step"), true);
  });
}

http::Response guide_preview_tool(const RequestContext& ctx) {
  return with_draft(ctx, [&](const app::GuideDraft& draft) {
    return render_guide_tool(ctx, *as_preview(draft), ctx.params.at("tool"), true);
  });
}

http::Response guide_publish(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto summary = field(ctx, "summary");
  auto r = app::publish_guide(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), summary, ctx.app.clock.now());
  if (r && r->empty()) return http::Response::redirect("/kommune/" + kommune_param(ctx) + "/historikk");
  return after_change(ctx, r, "", [&](const app::GuideDraft& draft, const app::FieldErrors& errors) {
    return render_guide_editor(ctx, draft, errors, summary, 422);
  });
}

http::Response guide_history_page(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto h = app::guide_history(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), ctx.app.clock.now());
  if (!h) return failure_response(ctx, h.error());
  mustache::data versions(mustache::data::type::list);
  for (const auto& v : h->versions) {
    mustache::data item(mustache::data::type::object);
    item.set("number", std::to_string(v.number));
    item.set("href", "/kommune/" + h->municipality.kommunenummer + "/historikk/" + std::to_string(v.number));
    item.set("summary", v.summary);
    item.set("published_at", format_time(v.published_at));
    item.set("published_by", v.published_by_name.empty() ? text(ctx, "editor.system") : v.published_by_name);
    push_moved(versions, std::move(item));
  }
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "editor.history"));
  page.set("municipality_name", h->municipality.name);
  page.set("editor_href", editor_url(h->municipality.kommunenummer));
  page.set("has_versions", flag(!h->versions.empty()));
  set_moved(page, "versions", std::move(versions));
  return page_response(ctx, 200, "guide_history", page);
}

namespace {
// The codes of a change and of a diff line, as the history page's catalog keys and the API name them.
const char* change_code(domain::GuideChange::Kind kind) {
  switch (kind) {
    case domain::GuideChange::Kind::kAdded: return "added";
    case domain::GuideChange::Kind::kRemoved: return "removed";
    case domain::GuideChange::Kind::kMoved: return "moved";
    case domain::GuideChange::Kind::kChanged: break;
  }
  return "changed";
}
const char* line_code(domain::DiffLine::Kind kind) {
  return kind == domain::DiffLine::Kind::kAdded ? "added" : kind == domain::DiffLine::Kind::kRemoved ? "removed" : "same";
}
}  // namespace

http::Response guide_version_page(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto number = id_param(ctx, "version");
  if (!number || *number > 100000) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto d = app::guide_version_diff(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), static_cast<int>(*number),
                                   ctx.app.clock.now());
  if (!d) return failure_response(ctx, d.error());
  mustache::data changes(mustache::data::type::list);
  for (const auto& c : d->changes) {
    mustache::data item(mustache::data::type::object);
    item.set("where", c.where + (c.field.empty() ? "" : " · " + c.field));
    item.set("kind_name", text(ctx, std::string("editor.change.") + change_code(c.kind)));
    mustache::data lines(mustache::data::type::list);
    for (const auto& l : c.lines) {
      mustache::data line(mustache::data::type::object);
      line.set("text", l.text.empty() ? std::string(" ") : l.text);
      line.set(line_code(l.kind), flag(true));
      push_moved(lines, std::move(line));
    }
    item.set("has_lines", flag(!c.lines.empty()));
    set_moved(item, "lines", std::move(lines));
    push_moved(changes, std::move(item));
  }
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "editor.version") + " " + std::to_string(d->version.number));
  page.set("number", std::to_string(d->version.number));
  page.set("compared_with", std::to_string(d->compared_with));
  page.set("from_default", flag(d->compared_with == 0));
  page.set("summary", d->version.summary);
  page.set("published_at", format_time(d->version.published_at));
  page.set("published_by", d->version.published_by_name.empty() ? text(ctx, "editor.system") : d->version.published_by_name);
  page.set("history_href", "/kommune/" + d->municipality.kommunenummer + "/historikk");
  page.set("has_changes", flag(!d->changes.empty()));
  set_moved(page, "changes", std::move(changes));
  return page_response(ctx, 200, "guide_version", page);
}

// --- JSON ---

namespace {
json::array changes_json(const std::vector<domain::GuideChange>& changes) {
  json::array out;
  for (const auto& c : changes) {
    json::array lines;
    for (const auto& l : c.lines) {
      lines.push_back(json::object{{"kind", line_code(l.kind)},
                                   {"text", l.text}});
    }
    out.push_back(json::object{{"where", c.where},
                               {"field", c.field},
                               {"kind", change_code(c.kind)},
                               {"lines", std::move(lines)}});
  }
  return out;
}
}  // namespace

http::Response api_guide_draft(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto draft = app::open_guide_draft(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), ctx.app.clock.now());
  if (!draft) return failure_response(ctx, draft.error());
  json::array due;
  for (const auto& hit : draft->due_for_review) {
    due.push_back(json::object{{"kind", hit.is_tool ? "tool" : "step"}, {"key", hit.key}});
  }
  return json_response(200, json::object{{"based_on", draft->based_on},
                                         {"changed", draft->changed},
                                         {"due_for_review", std::move(due)},
                                         {"guide", json::parse(store::encode_guide(draft->guide))}});
}

http::Response api_save_guide_draft(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto r = app::save_guide_document(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), ctx.request.body,
                                    ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  return json_response(200, json::object{{"saved", true}});
}

http::Response api_publish_guide(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto body = json_body(ctx.request);
  if (!body) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto r = app::publish_guide(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx),
                              json_string(*body, "summary").value_or(""), ctx.app.clock.now());
  if (!r) return failure_response(ctx, r.error());
  if (!r->empty()) return field_errors_response(ctx, *r);
  auto h = app::guide_history(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), ctx.app.clock.now());
  if (!h) return failure_response(ctx, h.error());
  return json_response(201, json::object{{"version", h->versions.empty() ? 0 : h->versions.front().number}});
}

http::Response api_guide_versions(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto h = app::guide_history(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), ctx.app.clock.now());
  if (!h) return failure_response(ctx, h.error());
  json::array out;
  for (const auto& v : h->versions) {
    out.push_back(json::object{{"version", v.number},
                               {"summary", v.summary},
                               {"published_at", format_time(v.published_at)},
                               {"published_by", v.published_by_name}});
  }
  return json_response(200, json::object{{"versions", std::move(out)}});
}

http::Response api_guide_version_diff(const RequestContext& ctx) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto number = id_param(ctx, "version");
  if (!number || *number > 100000) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto d = app::guide_version_diff(ctx.app.db, *ctx.app.guides, ctx.actor, kommune_param(ctx), static_cast<int>(*number),
                                   ctx.app.clock.now());
  if (!d) return failure_response(ctx, d.error());
  return json_response(200, json::object{{"version", d->version.number},
                                         {"compared_with", d->compared_with},
                                         {"summary", d->version.summary},
                                         {"published_by", d->version.published_by_name},
                                         {"changes", changes_json(d->changes)}});
}

}  // namespace stafett::web::pages
