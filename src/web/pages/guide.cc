// The public handlingsveileder: no login, no personal data. The overview of
// the four levels, one step with its tools beside it, a tool, the search over
// all guide text, and "Bekymret for et barn?" for citizens. Each municipality
// has its own pages under /kommune/{kommunenummer}/.
#include <boost/json.hpp>

#include "core/oslo_time.h"
#include "store/guide_codec.h"
#include "web/guide_view.h"
#include "web/pages/pages.h"
#include "web/page_data.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace mustache = kainjow::mustache;
namespace json = boost::json;
using Guide = std::shared_ptr<const app::PublishedGuide>;

// The municipality named in the path, with its published guide; nullptr
// (and `failure` set) for an unknown municipality or a database failure.
Guide open_guide(const RequestContext& ctx, std::optional<http::Response>& failure) {
  const auto it = ctx.params.find("kommune");
  if (ctx.app.guides == nullptr || it == ctx.params.end() || !domain::is_valid_kommunenummer(it->second)) {
    failure = error_response(ctx.app, ctx.request, ctx.locale, 404);
    return nullptr;
  }
  auto guide = ctx.app.guides->by_number(ctx.app.db, it->second, ctx.app.clock.now());
  if (!guide) {
    failure = failure_response(ctx, guide.error());
    return nullptr;
  }
  if (!*guide) failure = error_response(ctx.app, ctx.request, ctx.locale, 404);
  return *guide;
}

// ?tjeneste=skole: one of the guide's variants, or "" (the common guide)
// for anything else.
std::string chosen_variant(const RequestContext& ctx, const domain::Guide& guide) {
  auto fields = http::parse_query(ctx.request.query);
  if (!fields) return {};
  const auto value = http::find_field(*fields, "tjeneste").value_or("");
  for (const auto& v : guide.variants) {
    if (v.key == value) return v.key;
  }
  return {};
}

std::string query_text_of(const RequestContext& ctx) {
  auto fields = http::parse_query(ctx.request.query);
  if (!fields) return {};
  return std::string(http::find_field(*fields, "q").value_or("")).substr(0, 200);
}

// The query is empty or chooses a variant of this guide: the only queries an
// anonymous page may be kept for (anything else would fill the memo).
bool plain_query(const RequestContext& ctx, const domain::Guide& guide) {
  if (ctx.request.query.empty()) return true;
  for (const auto& v : guide.variants) {
    if (ctx.request.query == "tjeneste=" + v.key) return true;
  }
  return false;
}

// A page for a visitor without a session is the same for everyone: it is
// made once per version, path, variant and language, then served from memory.
template <class Make>
http::Response memoized(const RequestContext& ctx, const app::PublishedGuide& p, Make make) {
  if (ctx.session || !plain_query(ctx, p.guide)) return make();
  std::string key(locale_code(ctx.locale));
  for (const auto& segment : ctx.request.segments) key += "/" + segment;
  key += "?" + ctx.request.query;
  std::optional<http::Response> fresh;
  auto body = p.memo(key, [&]() -> std::optional<std::string> {
    fresh = make();
    if (fresh->status != 200) return std::nullopt;
    return fresh->body;
  });
  if (fresh) return std::move(*fresh);
  return http::Response::html(200, std::move(body));
}

mustache::data tool_card(const RequestContext& ctx, const app::PublishedGuide& p, const domain::GuideTool& t,
                         std::string_view variant) {
  const auto lang = guide_language(ctx);
  mustache::data item(mustache::data::type::object);
  item.set("title", t.title.in(lang));
  item.set("summary", t.summary.in(lang));
  item.set("href", tool_url(p.municipality, t.key, variant));
  item.set("kind_name", text(ctx, "guide.tool_kind." + std::string(domain::tool_kind_code(t.kind))));
  return item;
}

// "/veileder" and "/bekymret": straight to the municipality when there is
// one, else a list to choose from.
http::Response choose_municipality(const RequestContext& ctx, std::string_view suffix, const std::string& heading_key) {
  if (ctx.app.guides == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto list = ctx.app.guides->municipalities(ctx.app.db, ctx.app.clock.now());
  if (!list) return failure_response(ctx, list.error());
  if (list->size() == 1) return http::Response::redirect("/kommune/" + list->front().kommunenummer + std::string(suffix));
  mustache::data items(mustache::data::type::list);
  for (const auto& m : *list) {
    mustache::data item(mustache::data::type::object);
    item.set("name", m.name);
    item.set("href", "/kommune/" + m.kommunenummer + std::string(suffix));
    push_moved(items, std::move(item));
  }
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, heading_key));
  page.set("heading", text(ctx, heading_key));
  page.set("has_municipalities", flag(!list->empty()));
  set_moved(page, "municipalities", std::move(items));
  return page_response(ctx, 200, "guide_choose", page);
}

}  // namespace

// The pages as one request makes them (the handlers below memoize them).
http::Response render_guide_overview(const RequestContext& ctx, const std::shared_ptr<const app::PublishedGuide>& p);
http::Response render_citizen(const RequestContext& ctx, const std::shared_ptr<const app::PublishedGuide>& p);

http::Response guide_choose_page(const RequestContext& ctx) {
  return choose_municipality(ctx, "/veileder", "guide.choose_heading");
}

http::Response citizen_choose_page(const RequestContext& ctx) {
  return choose_municipality(ctx, "/bekymret", "citizen.choose_heading");
}

http::Response guide_overview_page(const RequestContext& ctx) {
  std::optional<http::Response> failure;
  const auto p = open_guide(ctx, failure);
  if (failure) return std::move(*failure);
  return memoized(ctx, *p, [&] { return render_guide_overview(ctx, p); });
}

http::Response render_guide_overview(const RequestContext& ctx, const std::shared_ptr<const app::PublishedGuide>& p) {
  const auto variant = chosen_variant(ctx, p->guide);
  auto page = guide_page_data(ctx, *p, variant, "");
  page.set("title", p->guide.title.in(guide_language(ctx)));
  set_moved(page, "intro", local_markdown(ctx, p->guide.intro));
  return page_response(ctx, 200, "guide_overview", page);
}

http::Response guide_step_page(const RequestContext& ctx) {
  std::optional<http::Response> failure;
  const auto p = open_guide(ctx, failure);
  if (failure) return std::move(*failure);
  const auto key = ctx.params.find("step");
  return memoized(ctx, *p, [&] {
    return render_guide_step(ctx, *p, key == ctx.params.end() ? std::string() : key->second, false);
  });
}

http::Response render_guide_step(const RequestContext& ctx, const app::PublishedGuide& published,
                                 const std::string& step_key, bool preview) {
  const auto* p = &published;
  const auto found = domain::find_step(p->guide, step_key);
  if (!found) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto& [level, step] = *found;
  const auto variant = chosen_variant(ctx, p->guide);
  const auto lang = guide_language(ctx);
  auto page = guide_page_data(ctx, *p, variant, step->key);
  page.set("preview", flag(preview));
  if (preview) page.set("edit_href", "/kommune/" + p->municipality.kommunenummer + "/rediger/trinn/" + step->key);
  page.set("title", step->title.in(lang));
  page.set("step_title", step->title.in(lang));
  page.set("level_title", level->title.in(lang));
  set_moved(page, "what_to_do", local_markdown(ctx, step->what_to_do));
  page.set("responsible", step->responsible.in(lang));
  page.set("has_responsible", flag(!step->responsible.in(lang).empty()));
  set_moved(page, "think_about", local_markdown(ctx, step->think_about));
  page.set("has_think_about", flag(!step->think_about.in(lang).empty()));
  for (const auto& [v, note] : step->variant_notes) {
    if (v == variant) {
      set_moved(page, "variant_note", local_markdown(ctx, note));
      page.set("has_variant_note", flag(true));
    }
  }
  page.set("reviewed_on", format_date(step->reviewed_on));
  mustache::data tools(mustache::data::type::list);
  for (const auto& key_of_tool : step->tools) {
    if (const auto* t = domain::find_tool(p->guide, key_of_tool)) push_moved(tools, tool_card(ctx, *p, *t, variant));
  }
  page.set("has_tools", flag(!step->tools.empty()));
  set_moved(page, "tools", std::move(tools));
  // The next and previous step in guide order, across levels.
  std::vector<std::pair<const domain::GuideLevel*, const domain::GuideStep*>> order;
  for (const auto& l : p->guide.levels) {
    for (const auto& s : l.steps) {
      if (domain::step_in_variant(s, variant)) order.emplace_back(&l, &s);
    }
  }
  // In the common view a step of some services only says which (the overview does too).
  auto titled = [&](const domain::GuideStep& s) {
    const auto names = variant.empty() ? only_for(p->guide, s, lang) : std::string();
    return s.title.in(lang) + (names.empty() ? std::string() : " (" + names + ")");
  };
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i].second != step) continue;
    if (i > 0) {
      page.set("previous_href", step_url(p->municipality, order[i - 1].second->key, variant));
      page.set("previous_title", titled(*order[i - 1].second));
    }
    if (i + 1 < order.size()) {
      page.set("next_href", step_url(p->municipality, order[i + 1].second->key, variant));
      page.set("next_title", titled(*order[i + 1].second));
    }
  }
  return page_response(ctx, 200, "guide_step", page);
}

http::Response guide_tool_page(const RequestContext& ctx) {
  std::optional<http::Response> failure;
  const auto p = open_guide(ctx, failure);
  if (failure) return std::move(*failure);
  const auto key = ctx.params.find("tool");
  return memoized(ctx, *p, [&] {
    return render_guide_tool(ctx, *p, key == ctx.params.end() ? std::string() : key->second, false);
  });
}

http::Response render_guide_tool(const RequestContext& ctx, const app::PublishedGuide& published,
                                 const std::string& tool_key, bool preview) {
  const auto* p = &published;
  const auto* tool = domain::find_tool(p->guide, tool_key);
  if (tool == nullptr) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  const auto variant = chosen_variant(ctx, p->guide);
  const auto lang = guide_language(ctx);
  auto page = guide_page_data(ctx, *p, variant, "");
  page.set("preview", flag(preview));
  if (preview) page.set("edit_href", "/kommune/" + p->municipality.kommunenummer + "/rediger/verktoy/" + tool->key);
  page.set("title", tool->title.in(lang));
  page.set("tool_title", tool->title.in(lang));
  page.set("tool_summary", tool->summary.in(lang));
  page.set("kind_name", text(ctx, "guide.tool_kind." + std::string(domain::tool_kind_code(tool->kind))));
  set_moved(page, "body", local_markdown(ctx, tool->body));
  page.set("reviewed_on", format_date(tool->reviewed_on));
  page.set("is_form", flag(tool->form.has_value()));
  page.set("is_consent", flag(tool->kind == domain::ToolKind::kConsent));
  if (tool->form) set_moved(page, "fields", form_fields_data(ctx, *tool->form));
  // An employee fills it in here and now; everyone else reads what it asks.
  if (tool->form && ctx.actor.kind == policy::ActorKind::kEmployee) page.set("fill_href", "/skjema/ny/" + tool->key);
  // The steps this tool belongs to, for finding one's way back.
  mustache::data steps(mustache::data::type::list);
  for (const auto& l : p->guide.levels) {
    for (const auto& s : l.steps) {
      if (std::find(s.tools.begin(), s.tools.end(), tool->key) == s.tools.end()) continue;
      mustache::data item(mustache::data::type::object);
      item.set("title", s.title.in(lang));
      item.set("level_title", l.title.in(lang));
      item.set("href", step_url(p->municipality, s.key, variant));
      push_moved(steps, std::move(item));
    }
  }
  set_moved(page, "used_in", std::move(steps));
  return page_response(ctx, 200, "guide_tool", page);
}

http::Response guide_search_page(const RequestContext& ctx) {
  std::optional<http::Response> failure;
  const auto p = open_guide(ctx, failure);
  if (failure) return std::move(*failure);
  const auto q = query_text_of(ctx);
  const auto lang = guide_language(ctx);
  auto page = guide_page_data(ctx, *p, "", "");
  page.set("title", text(ctx, "guide.search.title"));
  page.set("q", q);
  page.set("searched", flag(!q.empty()));
  mustache::data hits(mustache::data::type::list);
  std::size_t count = 0;
  for (const auto& hit : domain::search_guide(p->guide, lang, q)) {
    mustache::data item(mustache::data::type::object);
    if (hit.is_tool) {
      const auto* t = domain::find_tool(p->guide, hit.key);
      item = tool_card(ctx, *p, *t, "");
    } else {
      const auto found = domain::find_step(p->guide, hit.key);
      item.set("title", found->second->title.in(lang));
      item.set("summary", found->first->title.in(lang));
      item.set("href", step_url(p->municipality, hit.key, ""));
      item.set("kind_name", text(ctx, "guide.step"));
    }
    push_moved(hits, std::move(item));
    ++count;
  }
  page.set("hit_count", std::to_string(count));
  page.set("has_hits", flag(count > 0));
  set_moved(page, "hits", std::move(hits));
  return page_response(ctx, 200, "guide_search", page);
}

http::Response citizen_page(const RequestContext& ctx) {
  std::optional<http::Response> failure;
  const auto p = open_guide(ctx, failure);
  if (failure) return std::move(*failure);
  return memoized(ctx, *p, [&] { return render_citizen(ctx, p); });
}

http::Response render_citizen(const RequestContext& ctx, const std::shared_ptr<const app::PublishedGuide>& p) {
  const auto lang = guide_language(ctx);
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "citizen.title"));
  page.set("municipality_name", p->municipality.name);
  page.set("content_lang", std::string(lang));
  page.set("guide_href", guide_url(p->municipality));
  page.set("services_href", "/kommune/" + p->municipality.kommunenummer + "/tjenester");
  set_moved(page, "intro", local_markdown(ctx, p->guide.citizen_intro));
  mustache::data contacts(mustache::data::type::list);
  for (const auto& c : p->guide.contacts) {
    mustache::data item(mustache::data::type::object);
    item.set("name", c.name.in(lang));
    item.set("phone", c.phone);
    std::string tel;
    for (char ch : c.phone) {
      if (ch != ' ') tel += ch;
    }
    item.set("tel", "tel:" + tel);
    item.set("when", c.when.in(lang));
    item.set("about", c.about.in(lang));
    push_moved(contacts, std::move(item));
  }
  page.set("has_contacts", flag(!p->guide.contacts.empty()));
  set_moved(page, "contacts", std::move(contacts));
  return page_response(ctx, 200, "citizen", page);
}

// GET /api/v1/municipalities/{kommune}/guide: the published document as it
// is stored (docs/guide-content.md), with its version.
http::Response api_guide(const RequestContext& ctx) {
  std::optional<http::Response> failure;
  const auto p = open_guide(ctx, failure);
  if (failure) return std::move(*failure);
  json::object body{{"municipality", json::object{{"name", p->municipality.name},
                                                 {"kommunenummer", p->municipality.kommunenummer}}},
                    {"version", p->number},
                    {"default_content", p->number == 0},
                    {"guide", json::parse(store::encode_guide(p->guide))}};
  if (p->number > 0) body["published_at"] = iso_date(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(p->published_at)});
  return json_response(200, body);
}

// GET /api/v1/municipalities/{kommune}/guide/search?q=
http::Response api_guide_search(const RequestContext& ctx) {
  std::optional<http::Response> failure;
  const auto p = open_guide(ctx, failure);
  if (failure) return std::move(*failure);
  const auto lang = guide_language(ctx);
  json::array hits;
  for (const auto& hit : domain::search_guide(p->guide, lang, query_text_of(ctx))) {
    const auto href = hit.is_tool ? tool_url(p->municipality, hit.key, "") : step_url(p->municipality, hit.key, "");
    const auto title = hit.is_tool ? domain::find_tool(p->guide, hit.key)->title.in(lang)
                                   : domain::find_step(p->guide, hit.key)->second->title.in(lang);
    hits.push_back(json::object{{"kind", hit.is_tool ? "tool" : "step"}, {"key", hit.key}, {"title", title},
                                {"href", href}});
  }
  return json_response(200, json::object{{"hits", std::move(hits)}});
}

}  // namespace stafett::web::pages
