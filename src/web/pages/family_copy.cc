// The family's copy of their data (GDPR art. 15, issue 6, item 5): one log
// as a readable, printable document (/logger/{id}/kopi) and as JSON
// (/api/v1/logs/{id}/export), both from app::family_copy: the log, every
// version of every entry the reader may see, consents, participants, every
// access and every break-glass access. Both need a recent login (a copy of
// personal data leaves the system) and are recorded as an export.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/family_copy.h"
#include "core/oslo_time.h"
#include "domain/break_glass.h"
#include "web/page_data.h"
#include "web/pages/access_lines.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace json = boost::json;
namespace mustache = kainjow::mustache;

// One field of a stored version, in plain words: lists joined, the rest as is.
std::string field_text(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v.get_array()) {
      if (!out.empty()) out += ", ";
      out += field_text(item);
    }
    return out;
  }
  if (v.is_bool()) return v.get_bool() ? "✓" : "–";
  if (v.is_null()) return "";
  return json::serialize(v);
}

// Every version of every entry, with each stored field under its name in
// the reader's language (the name itself when the catalog has none).
mustache::data entries_data(const RequestContext& ctx, const std::vector<app::CopyEntry>& entries) {
  mustache::data list(mustache::data::type::list);
  for (const auto& e : entries) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(e.id.value));
    item.set("kind", text(ctx, "copy.kind." + std::string(domain::entry_kind_code(e.kind))));
    item.set("author", e.author_name);
    item.set("created_at", format_time(e.created_at));
    mustache::data versions(mustache::data::type::list);
    for (const auto& v : e.versions) {
      mustache::data version(mustache::data::type::object);
      version.set("version", std::to_string(v.version));
      version.set("at", format_time(v.at));
      version.set("author", v.author_name);
      if (v.correction_reason) version.set("correction_reason", *v.correction_reason);
      mustache::data fields(mustache::data::type::list);
      boost::system::error_code ec;
      const auto body = json::parse(v.body_json, ec);
      if (!ec && body.is_object()) {
        for (const auto& [key, value] : body.get_object()) {
          const std::string label_key = "copy.field." + std::string(key);
          std::string label = text(ctx, label_key);
          if (label == label_key) label = std::string(key);
          const std::string shown = field_text(value);
          if (shown.empty()) continue;
          mustache::data field(mustache::data::type::object);
          field.set("label", label);
          field.set("value", shown);
          fields.push_back(field);
        }
      }
      version.set("fields", fields);
      versions.push_back(version);
    }
    item.set("versions", versions);
    list.push_back(item);
  }
  return list;
}

json::object copy_json(const app::FamilyCopy& copy) {
  json::object out;
  out["made_at_ms"] = to_unix_ms(copy.made_at);
  out["log"] = log_view_json(copy.log);
  json::array entries;
  for (const auto& e : copy.entries) {
    json::array versions;
    for (const auto& v : e.versions) {
      boost::system::error_code ec;
      auto body = json::parse(v.body_json, ec);
      json::object version{{"version", v.version},
                           {"at_ms", to_unix_ms(v.at)},
                           {"author", v.author_name},
                           {"content", ec ? json::value(v.body_json) : std::move(body)}};
      if (v.correction_reason) version["correction_reason"] = *v.correction_reason;
      versions.push_back(std::move(version));
    }
    json::object entry{{"id", e.id.value},
                       {"kind", domain::entry_kind_code(e.kind)},
                       {"category", domain::info_category_code(e.category)},
                       {"created_at_ms", to_unix_ms(e.created_at)},
                       {"author", e.author_name},
                       {"versions", std::move(versions)}};
    if (e.parent) entry["parent"] = e.parent->value;
    entries.push_back(std::move(entry));
  }
  out["entries"] = std::move(entries);
  json::array accesses;
  for (const auto& a : copy.accesses) accesses.push_back(access_json(a));
  out["accesses"] = std::move(accesses);
  json::array glass;
  for (const auto& b : copy.break_glass) {
    auto o = break_glass_json(b);
    if (b.review) o["review_outcome"] = domain::break_glass_outcome_code(b.review->outcome);
    glass.push_back(std::move(o));
  }
  out["break_glass"] = std::move(glass);
  return out;
}

}  // namespace

// GET /logger/{id}/kopi
http::Response family_copy_page(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto copy = app::family_copy(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!copy) return failure_response(ctx, copy.error());
  auto data = log_document_data(ctx, copy->log);
  data.set("title", text(ctx, "copy.title") + ": " + copy->log.child_name);
  data.set("made_at", format_time(copy->made_at));
  data.set("made_for", ctx.session ? ctx.session->display_name : std::string());
  data.set("json_url", "/api/v1/logs/" + std::to_string(*id) + "/export");
  data.set("entries", entries_data(ctx, copy->entries));
  data.set("has_entries", flag(!copy->entries.empty()));
  mustache::data accesses(mustache::data::type::list);
  for (const auto& a : copy->accesses) {
    auto line = access_line_data(ctx, a);
    switch (a.target) {
      case app::AccessTarget::kLog: line.set("what", text(ctx, "access.target.log")); break;
      case app::AccessTarget::kEntry:
        line.set("what", text(ctx, "copy.kind." + std::string(domain::entry_kind_code(*a.entry_kind))));
        break;
      case app::AccessTarget::kHiddenEntry: line.set("what", text(ctx, "access.target.hidden")); break;
    }
    accesses.push_back(line);
  }
  data.set("accesses", accesses);
  mustache::data glass(mustache::data::type::list);
  for (const auto& b : copy->break_glass) glass.push_back(break_glass_item_data(ctx, b));
  data.set("break_glass", glass);
  data.set("has_break_glass", flag(!copy->break_glass.empty()));
  return page_response(ctx, 200, "family_copy", data);
}

// GET /api/v1/logs/{id}/export
http::Response api_family_copy(const RequestContext& ctx) {
  const auto id = id_param(ctx, "id");
  if (!id) return error_response(ctx.app, ctx.request, ctx.locale, 404);
  auto copy = app::family_copy(ctx.app.db, access_trail(ctx), ctx.actor, domain::LogId{*id}, ctx.app.clock);
  if (!copy) return failure_response(ctx, copy.error());
  auto response = json_response(200, copy_json(*copy));
  response.add_header("Content-Disposition", "attachment; filename=\"stafettlogg-" + std::to_string(*id) + ".json\"");
  return response;
}

}  // namespace stafett::web::pages
