// The privacy officer's start page (personvernombud, issue 6): "/personvern"
// searches the access records of their municipality's logs, its JSON twin
// /api/v1/privacy/accesses, and the export of the same selection as CSV or
// JSON for an inquiry (/personvern/eksport and /api/v1/privacy/accesses/export,
// ?format=csv|json), through app/privacy_search.h.
//
// These pages show access records, never a log's content, and record
// nothing in the access chain (docs/access-rules.md says why); each search
// and export leaves one line in the server log instead: the request id, the
// privacy officer, which filter, and how many records were shown or
// exported (never a name typed into the filter).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include <array>
#include <cstdio>

#include "app/privacy_search.h"
#include "core/oslo_time.h"
#include "web/csv.h"
#include "web/page_data.h"
#include "web/pages/access_lines.h"
#include "web/pages/pages.h"
#include "web/respond.h"

namespace stafett::web::pages {
namespace {

namespace json = boost::json;
namespace mustache = kainjow::mustache;
using domain::AccessAction;
using domain::AccessBasis;

constexpr std::array kActions = {AccessAction::kView,  AccessAction::kCreate,        AccessAction::kCorrect,
                                 AccessAction::kPrint, AccessAction::kExport,        AccessAction::kConsentChange,
                                 AccessAction::kChange, AccessAction::kFind};
constexpr std::array kBases = {AccessBasis::kParticipation, AccessBasis::kFamily, AccessBasis::kBreakGlass};

struct Query {
  app::PrivacyFilterInput filter;
  std::string format;
};

// The filter fields of the query (allow-listed); nullopt when the query
// cannot be decoded at all (400).
std::optional<Query> query_of(const RequestContext& ctx) {
  auto fields = http::parse_query(ctx.request.query);
  if (!fields) return std::nullopt;
  auto get = [&](std::string_view key) { return std::string(http::find_field(*fields, key).value_or("")); };
  Query q;
  q.filter = {get("from"), get("to"),     get("person"), get("child"), get("unit"),
              get("log"),  get("action"), get("basis"),  get("before")};
  q.format = get("format");
  return q;
}

// The filter as query fields, without the cursor.
std::vector<std::pair<std::string_view, std::string>> filter_fields(const app::PrivacyFilterInput& in) {
  return {{"person", in.person}, {"child", in.child}, {"log", in.log},       {"unit", in.unit},
          {"from", in.from},     {"to", in.to},       {"action", in.action}, {"basis", in.basis}};
}

// "/personvern/eksport?format=csv&person=..." (the cursor is not part of it:
// an export is the whole selection).
std::string export_url(const app::PrivacyFilterInput& in, std::string_view format) {
  const std::string query = query_text(filter_fields(in));
  return "/personvern/eksport?format=" + std::string(format) + (query.empty() ? "" : "&" + query);
}

bool filtered(const app::PrivacyFilterInput& in) {
  return !in.from.empty() || !in.to.empty() || !in.person.empty() || !in.child.empty() || !in.unit.empty() ||
         !in.log.empty() || !in.action.empty() || !in.basis.empty() || !in.before.empty();
}

std::string what_text(const RequestContext& ctx, const app::PrivacyAccessLine& line) {
  if (!line.record_kind) return text(ctx, line.record ? "privacy.an_entry" : "access.target.log");
  return text(ctx, "timeline.kind." + std::string(domain::entry_kind_code(*line.record_kind)));
}

std::string service_text(const RequestContext& ctx, const std::string& code) {
  return code.empty() ? std::string() : text(ctx, "service_type." + code);
}

std::string municipality_names(const app::PrivacySearchView& view) {
  std::string out;
  for (const auto& m : view.municipalities) out += (out.empty() ? "" : ", ") + m.name;
  return out;
}

// One line in the server log per search or export: who, what and how much,
// never a name typed into the filter (only whether one was given).
void audit(const RequestContext& ctx, std::string_view what, const app::PrivacyFilterInput& in, std::size_t count) {
  auto shown = [](const std::string& v) {
    if (v.empty()) return std::string("-");
    return v.find_first_not_of("0123456789") == std::string::npos ? v : std::string("(name)");
  };
  spdlog::info("request {}: privacy officer {} {} access records: {} record(s); from={} to={} log={} unit={} "
               "person={} child={} action={} basis={}",
               ctx.request.request_id, ctx.actor.person.value, what, count, in.from.empty() ? "-" : in.from,
               in.to.empty() ? "-" : in.to, shown(in.log), shown(in.unit), shown(in.person), shown(in.child),
               in.action.empty() ? "-" : in.action, in.basis.empty() ? "-" : in.basis);
}

http::Response search_page(const RequestContext& ctx, const app::PrivacyFilterInput& in,
                           const app::PrivacySearchView& view) {
  mustache::data page(mustache::data::type::object);
  page.set("title", text(ctx, "privacy.title"));
  page.set("municipalities", municipality_names(view));
  for (const auto& [key, value] : filter_fields(in)) page.set(std::string(key), value);
  page.set("filtered", flag(filtered(in)));
  mustache::data units(mustache::data::type::list);
  for (const auto& u : view.units) {
    mustache::data item(mustache::data::type::object);
    item.set("id", std::to_string(u.id.value));
    item.set("name", u.name);
    item.set("selected", flag(std::to_string(u.id.value) == in.unit));
    push_moved(units, std::move(item));
  }
  set_moved(page, "units", std::move(units));
  mustache::data actions(mustache::data::type::list);
  for (AccessAction a : kActions) {
    mustache::data item(mustache::data::type::object);
    item.set("code", std::string(domain::access_action_code(a)));
    item.set("name", access_action_text(ctx, a));
    item.set("selected", flag(domain::access_action_code(a) == in.action));
    push_moved(actions, std::move(item));
  }
  set_moved(page, "actions", std::move(actions));
  mustache::data bases(mustache::data::type::list);
  for (AccessBasis b : kBases) {
    mustache::data item(mustache::data::type::object);
    item.set("code", std::string(domain::access_basis_code(b)));
    item.set("name", text(ctx, b == AccessBasis::kFamily ? "privacy.basis_family"
                                                         : "access.basis." + std::string(domain::access_basis_code(b))));
    item.set("selected", flag(domain::access_basis_code(b) == in.basis));
    push_moved(bases, std::move(item));
  }
  set_moved(page, "bases", std::move(bases));

  mustache::data lines(mustache::data::type::list);
  int break_glass = 0;
  for (const auto& line : view.lines) {
    if (line.access.basis == AccessBasis::kBreakGlass) ++break_glass;
    auto item = access_line_data(ctx, line.access);
    item.set("person", std::to_string(line.access.person.value));
    item.set("service", service_text(ctx, line.access.service));
    item.set("child_name", line.child_name);
    item.set("log_number", std::to_string(line.log.value));
    item.set("what", what_text(ctx, line));
    if (line.record) item.set("record", std::to_string(*line.record));
    push_moved(lines, std::move(item));
  }
  page.set("has_lines", flag(!view.lines.empty()));
  set_moved(page, "lines", std::move(lines));
  page.set("has_break_glass", flag(break_glass > 0));
  page.set("break_glass_count", std::to_string(break_glass));
  if (view.older) page.set("older_url", older_url("/personvern", filter_fields(in), *view.older));
  page.set("export_csv_url", export_url(in, "csv"));
  page.set("export_json_url", export_url(in, "json"));
  set_errors(ctx, page, view.errors);
  return page_response(ctx, view.errors.empty() ? 200 : 422, "privacy_search", page);
}

json::object line_json(const app::PrivacyAccessLine& line) {
  json::object o = access_line_json(line.access);
  o["log"] = line.log.value;
  o["child"] = line.child.value;
  o["child_name"] = line.child_name;
  if (line.record_kind) o["record_kind"] = domain::entry_kind_code(*line.record_kind);
  if (line.record) o["record"] = *line.record;
  return o;
}

// "2025-01-10 09:00:00": Oslo wall-clock time, as spreadsheets read it.
std::string oslo_timestamp(TimePoint t) {
  using namespace std::chrono;
  const auto local = t + oslo_offset(t);
  const auto day = floor<days>(local);
  const year_month_day date{day};
  const hh_mm_ss time{floor<seconds>(local - day)};
  // Room for any value of each field, so GCC's release build can prove nothing is cut.
  char out[128];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u %02lld:%02lld:%02lld", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long long>(time.hours().count()), static_cast<long long>(time.minutes().count()),
                static_cast<long long>(time.seconds().count()));
  return out;
}

std::string export_filename(const RequestContext& ctx, std::string_view extension) {
  return text(ctx, "privacy.export_filename") + "-" + iso_date(oslo_date(ctx.app.clock.now())) + "." +
         std::string(extension);
}

http::Response attachment(http::Response r, const std::string& filename) {
  r.add_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

http::Response csv_export(const RequestContext& ctx, const app::PrivacySearchView& view) {
  CsvWriter csv;
  std::vector<std::string> header;
  for (const char* key : {"sequence", "at", "person_id", "person", "role", "unit", "service", "action", "basis",
                          "break_glass_reason", "log", "child_id", "child", "record_kind", "record_id"}) {
    header.push_back(text(ctx, std::string("privacy.csv.") + key));
  }
  csv.row(header);
  for (const auto& line : view.lines) {
    const auto& a = line.access;
    csv.row({std::to_string(a.sequence), oslo_timestamp(a.at), std::to_string(a.person.value), a.person_name,
             text(ctx, "role." + a.role), a.unit_name, service_text(ctx, a.service), access_action_text(ctx, a.action),
             access_basis_text(ctx, a), a.break_glass_reason, std::to_string(line.log.value),
             std::to_string(line.child.value), line.child_name,
             line.record_kind ? text(ctx, "timeline.kind." + std::string(domain::entry_kind_code(*line.record_kind)))
                              : std::string(),
             line.record ? std::to_string(*line.record) : std::string()});
  }
  http::Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8";
  r.body = csv.take();
  return attachment(std::move(r), export_filename(ctx, "csv"));
}

json::object filter_json(const app::PrivacyFilterInput& in) {
  json::object o;
  for (const auto& [key, value] : filter_fields(in)) {
    if (!value.empty()) o[key] = value;
  }
  return o;
}

http::Response json_export(const RequestContext& ctx, const app::PrivacyFilterInput& in,
                           const app::PrivacySearchView& view) {
  json::array accesses;
  for (const auto& line : view.lines) accesses.push_back(line_json(line));
  json::array municipalities;
  for (const auto& m : view.municipalities) {
    municipalities.push_back(json::object{{"id", m.id.value}, {"name", m.name}, {"number", m.kommunenummer}});
  }
  json::object body{{"exported_at_ms", to_unix_ms(ctx.app.clock.now())},
                    {"exported_by", ctx.actor.person.value},
                    {"municipalities", std::move(municipalities)},
                    {"filter", filter_json(in)},
                    {"accesses", std::move(accesses)}};
  return attachment(json_response(200, body), export_filename(ctx, "json"));
}

// The export in the asked format; a format that is neither is a field error.
http::Response export_response(const RequestContext& ctx, bool page) {
  const auto q = query_of(ctx);
  if (!q) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto view = app::export_access_records(ctx.app.db, ctx.actor, q->filter, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  const std::string format = q->format.empty() ? "csv" : q->format;
  if (format != "csv" && format != "json") view->errors.push_back({"format", "privacy.error.format"});
  if (!view->errors.empty()) {
    return page ? search_page(ctx, q->filter, *view) : field_errors_response(ctx, view->errors);
  }
  audit(ctx, format == "csv" ? "exported (csv)" : "exported (json)", q->filter, view->lines.size());
  return format == "csv" ? csv_export(ctx, *view) : json_export(ctx, q->filter, *view);
}

}  // namespace

http::Response privacy_search_page(const RequestContext& ctx) {
  const auto q = query_of(ctx);
  if (!q) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto view = app::search_access_records(ctx.app.db, ctx.actor, q->filter, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  if (view->errors.empty()) audit(ctx, "searched", q->filter, view->lines.size());
  return search_page(ctx, q->filter, *view);
}

http::Response api_privacy_accesses(const RequestContext& ctx) {
  const auto q = query_of(ctx);
  if (!q) return error_response(ctx.app, ctx.request, ctx.locale, 400);
  auto view = app::search_access_records(ctx.app.db, ctx.actor, q->filter, ctx.app.clock);
  if (!view) return failure_response(ctx, view.error());
  if (!view->errors.empty()) return field_errors_response(ctx, view->errors);
  audit(ctx, "searched", q->filter, view->lines.size());
  json::array accesses;
  for (const auto& line : view->lines) accesses.push_back(line_json(line));
  json::array units;
  for (const auto& u : view->units) units.push_back(json::object{{"id", u.id.value}, {"name", u.name}});
  json::array municipalities;
  for (const auto& m : view->municipalities) municipalities.push_back(json::object{{"id", m.id.value}, {"name", m.name}});
  json::object body{{"accesses", std::move(accesses)}, {"units", std::move(units)},
                    {"municipalities", std::move(municipalities)}};
  if (view->older) body["older_before"] = *view->older;
  return json_response(200, body);
}

http::Response privacy_export(const RequestContext& ctx) { return export_response(ctx, true); }

http::Response api_privacy_export(const RequestContext& ctx) { return export_response(ctx, false); }

}  // namespace stafett::web::pages
