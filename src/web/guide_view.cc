#include "web/guide_view.h"

#include <algorithm>

#include "core/oslo_time.h"
#include "web/markdown_view.h"
#include "web/page_data.h"

namespace stafett::web {

namespace mustache = kainjow::mustache;

std::string_view guide_language(const RequestContext& ctx) { return ctx.locale == Locale::kNn ? "nn" : "nb"; }

std::string guide_url(const domain::Municipality& m) { return "/kommune/" + m.kommunenummer + "/veileder"; }

namespace {
std::string with_variant(std::string url, std::string_view variant) {
  if (!variant.empty()) url.append("?tjeneste=").append(variant);
  return url;
}
}  // namespace

std::string step_url(const domain::Municipality& m, std::string_view step, std::string_view variant) {
  return with_variant(guide_url(m) + "/trinn/" + std::string(step), variant);
}

std::string tool_url(const domain::Municipality& m, std::string_view tool, std::string_view variant) {
  return with_variant(guide_url(m) + "/verktoy/" + std::string(tool), variant);
}

std::string only_for(const domain::Guide& guide, const domain::GuideStep& step, std::string_view language) {
  std::string names;
  for (const auto& v : guide.variants) {
    if (std::find(step.variants.begin(), step.variants.end(), v.key) == step.variants.end()) continue;
    names += (names.empty() ? "" : ", ") + v.title.in(language);
  }
  return names;
}

kainjow::mustache::data local_markdown(const RequestContext& ctx, const domain::LocalText& text) {
  return markdown_data(text.in(guide_language(ctx)));
}

kainjow::mustache::data guide_page_data(const RequestContext& ctx, const app::PublishedGuide& published,
                                        std::string_view variant, std::string_view current_step) {
  const auto lang = guide_language(ctx);
  const auto& g = published.guide;
  const auto& m = published.municipality;
  mustache::data page(mustache::data::type::object);
  page.set("municipality_name", m.name);
  page.set("kommune", m.kommunenummer);
  page.set("guide_title", g.title.in(lang));
  page.set("content_lang", std::string(lang));
  page.set("guide_href", with_variant(guide_url(m), variant));
  page.set("search_href", guide_url(m) + "/sok");
  page.set("citizen_href", "/kommune/" + m.kommunenummer + "/bekymret");
  page.set("variant", std::string(variant));
  page.set("has_variant", flag(!variant.empty()));
  if (published.number > 0) {
    page.set("version_number", std::to_string(published.number));
    page.set("published_on", format_date(published.published_at));
  }
  page.set("is_default", flag(published.number == 0));

  mustache::data variants(mustache::data::type::list);
  {
    mustache::data all(mustache::data::type::object);
    all.set("title", text(ctx, "guide.all_services"));
    all.set("href", guide_url(m));
    all.set("current", flag(variant.empty()));
    push_moved(variants, std::move(all));
  }
  for (const auto& v : g.variants) {
    mustache::data item(mustache::data::type::object);
    item.set("title", v.title.in(lang));
    item.set("href", with_variant(guide_url(m), v.key));
    item.set("current", flag(v.key == variant));
    if (v.key == variant) page.set("variant_title", v.title.in(lang));
    push_moved(variants, std::move(item));
  }
  page.set("has_variants", flag(!g.variants.empty()));
  set_moved(page, "variants", std::move(variants));

  mustache::data levels(mustache::data::type::list);
  for (const auto& level : g.levels) {
    mustache::data steps(mustache::data::type::list);
    int n = 0;
    for (const auto& s : level.steps) {
      if (!domain::step_in_variant(s, variant)) continue;
      mustache::data step(mustache::data::type::object);
      step.set("number", std::to_string(++n));
      step.set("title", s.title.in(lang));
      step.set("href", step_url(m, s.key, variant));
      step.set("current", flag(s.key == current_step));
      // In the common view, a step of some services only says which.
      if (variant.empty()) step.set("only_for", only_for(g, s, lang));
      push_moved(steps, std::move(step));
    }
    mustache::data item(mustache::data::type::object);
    item.set("level", std::to_string(level.level));
    item.set("title", level.title.in(lang));
    item.set("summary", level.summary.in(lang));
    set_moved(item, "steps", std::move(steps));
    push_moved(levels, std::move(item));
  }
  set_moved(page, "levels", std::move(levels));
  return page;
}

kainjow::mustache::data form_fields_data(const RequestContext& ctx, const domain::FormDefinition& form) {
  const auto lang = guide_language(ctx);
  mustache::data fields(mustache::data::type::list);
  for (const auto& f : form.fields) {
    mustache::data item(mustache::data::type::object);
    item.set("key", f.key);
    item.set("label", f.label.in(lang));
    item.set("help", f.help.in(lang));
    item.set("has_help", flag(!f.help.in(lang).empty()));
    item.set("required", flag(f.required));
    item.set("type_name", text(ctx, "guide.field_type." + std::string(domain::field_type_code(f.type))));
    mustache::data options(mustache::data::type::list);
    for (const auto& o : f.options) {
      mustache::data option(mustache::data::type::object);
      option.set("label", o.label.in(lang));
      push_moved(options, std::move(option));
    }
    item.set("has_options", flag(!f.options.empty()));
    set_moved(item, "options", std::move(options));
    if (f.type == domain::FieldType::kScale) {
      item.set("scale_text", std::to_string(f.scale_min) + "–" + std::to_string(f.scale_max));
    }
    push_moved(fields, std::move(item));
  }
  return fields;
}

}  // namespace stafett::web
