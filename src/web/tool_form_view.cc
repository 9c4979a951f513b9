#include "web/tool_form_view.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>
#include <vector>

#include "core/oslo_time.h"
#include "domain/entry.h"
#include "web/guide_view.h"
#include "web/page_data.h"

namespace stafett::web {
namespace {

namespace mustache = kainjow::mustache;
using domain::FieldType;

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto dot = path.find('.', start);
    if (dot == std::string_view::npos) dot = path.size();
    parts.emplace_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  return parts;
}

std::optional<std::size_t> row_index(const std::string& text) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || n >= domain::kMaxGroupItems) {
    return std::nullopt;
  }
  return n;
}

// Rows are gathered by index first, so "rows.3" before "rows.0" still lands right.
struct Draft {
  std::map<std::string, std::vector<std::string>> values;
  std::map<std::string, std::map<std::size_t, Draft>> groups;
};

bool put(Draft& into, const std::vector<std::string>& parts, std::size_t at, const std::string& value) {
  if (parts.size() - at == 1) {
    into.values[parts[at]].push_back(value);
    return true;
  }
  if (parts.size() - at < 3 || parts.size() > 1 + 2 * domain::kMaxGroupDepth) return false;
  const auto index = row_index(parts[at + 1]);
  if (!index) return false;
  return put(into.groups[parts[at]][*index], parts, at + 2, value);
}

bool blank(const Draft& d) {
  for (const auto& [k, values] : d.values) {
    for (const auto& v : values) {
      if (v.find_first_not_of(" \t\r\n") != std::string::npos) return false;
    }
  }
  for (const auto& [k, rows] : d.groups) {
    for (const auto& [i, row] : rows) {
      if (!blank(row)) return false;
    }
  }
  return true;
}

domain::FormAnswers answers_of(const Draft& d) {
  domain::FormAnswers a;
  a.values = d.values;
  for (const auto& [key, rows] : d.groups) {
    auto& items = a.groups[key];
    for (const auto& [i, row] : rows) {
      if (!blank(row)) items.push_back(answers_of(row));
    }
    if (items.empty()) a.groups.erase(key);
  }
  return a;
}

std::string id_of(const std::string& path) {
  std::string id = "f-" + path;
  std::replace(id.begin(), id.end(), '.', '-');
  std::replace(id.begin(), id.end(), '_', '-');
  return id;
}

struct Builder {
  const RequestContext& ctx;
  const app::ToolForm& form;
  const app::FieldErrors& errors;
  const std::map<std::string, int>& extra_rows;
  std::string_view lang;
  mustache::data items{mustache::data::type::list};
  mustache::data summary{mustache::data::type::list};

  const domain::FieldProblem* problem_at(const std::string& path) const {
    for (const auto& p : errors) {
      if (p.field == path) return &p;
    }
    return nullptr;
  }

  mustache::data item(const char* kind) {
    mustache::data d(mustache::data::type::object);
    d.set(kind, flag(true));
    return d;
  }

  void note_error(mustache::data& d, const std::string& path, const std::string& id, const std::string& label) {
    const auto* p = problem_at(path);
    if (p == nullptr) return;
    const auto message = text(ctx, p->message);
    d.set("error", message);
    d.set("error_id", id + "-error");
    d.set("has_error", flag(true));
    mustache::data line(mustache::data::type::object);
    line.set("href", "#" + id);
    line.set("text", label + ": " + message);
    push_moved(summary, std::move(line));
  }

  void option_list(mustache::data& d, const domain::FieldDefinition& f, const std::string& id,
                   const std::vector<std::string>& chosen) {
    mustache::data options(mustache::data::type::list);
    auto add = [&](const std::string& value, const std::string& label) {
      mustache::data o(mustache::data::type::object);
      o.set("value", value);
      o.set("label", label);
      o.set("id", id + "-" + value);
      o.set("checked", flag(std::find(chosen.begin(), chosen.end(), value) != chosen.end()));
      push_moved(options, std::move(o));
    };
    switch (f.type) {
      case FieldType::kScale:
        for (int n = f.scale_min; n <= f.scale_max; ++n) {
          const auto i = static_cast<std::size_t>(n - f.scale_min);
          const auto label = i < f.point_labels.size() ? std::to_string(n) + " – " + f.point_labels[i].in(lang)
                                                       : std::to_string(n);
          add(std::to_string(n), label);
        }
        break;
      case FieldType::kUnit:
        for (const auto& [uid, name] : form.pickers.units) add(std::to_string(uid), name);
        break;
      case FieldType::kPerson:
        for (const auto& [pid, name] : form.pickers.people) add(std::to_string(pid), name);
        break;
      default:
        for (const auto& o : f.options) add(o.key, o.label.in(lang));
    }
    set_moved(d, "options", std::move(options));
  }

  void field(const domain::FieldDefinition& f, const std::string& path, const domain::FormAnswers& answers,
             const std::string& where) {
    const auto id = id_of(path);
    const auto label = f.label.in(lang);
    auto d = item("field");
    d.set("name", "f." + path);
    d.set("id", id);
    d.set("label", label);
    d.set("help", f.help.in(lang));
    d.set("has_help", flag(!f.help.in(lang).empty()));
    d.set("help_id", id + "-help");
    d.set("required", flag(f.required));
    const auto it = answers.values.find(f.key);
    const std::vector<std::string> chosen = it == answers.values.end() ? std::vector<std::string>{} : it->second;
    d.set("value", chosen.empty() ? std::string() : chosen.front());
    switch (f.type) {
      case FieldType::kShortText: d.set("is_short_text", flag(true)); break;
      case FieldType::kLongText: d.set("is_long_text", flag(true)); break;
      case FieldType::kDate: d.set("is_date", flag(true)); break;
      case FieldType::kSingleChoice: d.set("is_radios", flag(true)); break;
      case FieldType::kScale: d.set("is_radios", flag(true)); d.set("is_scale", flag(true)); break;
      case FieldType::kMultipleChoice:
      case FieldType::kChecklist: d.set("is_checkboxes", flag(true)); break;
      case FieldType::kUnit:
      case FieldType::kPerson: d.set("is_select", flag(true)); break;
      case FieldType::kGroup: break;
    }
    if (f.type == FieldType::kScale) {
      d.set("min_label", f.min_label.in(lang));
      d.set("max_label", f.max_label.in(lang));
      d.set("has_scale_labels", flag(!f.min_label.in(lang).empty() || !f.max_label.in(lang).empty()));
    }
    if (f.type == FieldType::kShortText || f.type == FieldType::kLongText) {
      d.set("maxlength", std::to_string(f.max_length));
    }
    option_list(d, f, id, chosen);
    note_error(d, path, id, where + label);
    push_moved(items, std::move(d));
  }

  // `where` names the rows a field is in, for the error summary ("Observasjoner, rad 2, ").
  void fields(const std::vector<domain::FieldDefinition>& list, const std::string& prefix,
              const domain::FormAnswers& answers, int depth, const std::string& where = "") {
    for (const auto& f : list) {
      const auto path = prefix + f.key;
      if (f.type != FieldType::kGroup) {
        field(f, path, answers, where);
        continue;
      }
      const auto* group = domain::find_group(*form.tool.form, f.group);
      if (group == nullptr || depth >= domain::kMaxGroupDepth) continue;
      const auto it = answers.groups.find(f.key);
      const std::size_t given = it == answers.groups.end() ? 0 : it->second.size();
      const auto extra = extra_rows.find(path);
      std::size_t rows = std::max<std::size_t>({given, static_cast<std::size_t>(f.min_items), 1});
      if (extra != extra_rows.end()) rows += static_cast<std::size_t>(extra->second);
      rows = std::min(rows, static_cast<std::size_t>(f.max_items));
      const auto id = id_of(path);
      auto open = item("group_start");
      open.set("legend", f.label.in(lang));
      open.set("id", id);
      open.set("help", f.help.in(lang));
      open.set("has_help", flag(!f.help.in(lang).empty()));
      note_error(open, path, id, f.label.in(lang));
      push_moved(items, std::move(open));
      static const domain::FormAnswers kEmpty;
      for (std::size_t i = 0; i < rows; ++i) {
        auto row = item("row_start");
        row.set("row_label", text(ctx, "tool.row") + " " + std::to_string(i + 1));
        push_moved(items, std::move(row));
        fields(group->fields, path + "." + std::to_string(i) + ".", i < given ? it->second[i] : kEmpty, depth + 1,
               where + f.label.in(lang) + ", " + text(ctx, "tool.row_lower") + " " + std::to_string(i + 1) + ", ");
        push_moved(items, item("row_end"));
      }
      auto close = item("group_end");
      if (rows < static_cast<std::size_t>(f.max_items)) {
        close.set("add_row", flag(true));
        close.set("add_value", "rad:" + path);
        close.set("add_label", text(ctx, "tool.add_row") + " (" + f.label.in(lang) + ")");
      }
      push_moved(items, std::move(close));
    }
  }
};

}  // namespace

domain::FormAnswers answers_from_form(const http::FormFields& form, app::FieldErrors& errors) {
  Draft draft;
  for (const auto& [name, value] : form) {
    if (!name.starts_with("f.")) continue;
    const auto path = name.substr(2);
    const auto parts = split_path(path);
    const bool well_formed = std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return !p.empty(); });
    if (!well_formed || !put(draft, parts, 0, value)) errors.push_back({path, "form.error.unknown_field"});
  }
  return answers_of(draft);
}

kainjow::mustache::data tool_form_data(const RequestContext& ctx, const app::ToolForm& form,
                                       const app::FieldErrors& errors, const std::map<std::string, int>& extra_rows) {
  Builder b{ctx, form, errors, extra_rows, guide_language(ctx)};
  b.fields(form.tool.form->fields, "", form.answers, 0);
  // Problems with no field on the page (an unknown field, the unit) still show.
  for (const auto& p : errors) {
    const std::string root = p.field.substr(0, p.field.find('.'));
    const bool shown = p.field == "unit" || (p.message != "form.error.unknown_field" &&
                                             domain::find_field(form.tool.form->fields, root) != nullptr);
    if (shown) continue;
    mustache::data line(mustache::data::type::object);
    line.set("href", "#skjema");
    line.set("text", p.field + ": " + text(ctx, p.message));
    push_moved(b.summary, std::move(line));
  }
  mustache::data out(mustache::data::type::object);
  set_moved(out, "form_items", std::move(b.items));
  out.set("has_errors", flag(!errors.empty()));
  set_moved(out, "error_summary", std::move(b.summary));
  return out;
}

kainjow::mustache::data tool_answers_data(const RequestContext& ctx, const app::ToolRecordView& view) {
  const auto lang = guide_language(ctx);
  const auto& form = *view.tool.form;
  mustache::data out(mustache::data::type::list);
  // Depth-first, flat: group rows carry a heading line.
  std::function<void(const std::vector<domain::FieldDefinition>&, const domain::FormAnswers&, int)> walk =
      [&](const std::vector<domain::FieldDefinition>& fields, const domain::FormAnswers& answers, int depth) {
        for (const auto& f : fields) {
          mustache::data line(mustache::data::type::object);
          line.set("label", f.label.in(lang));
          line.set("depth", std::to_string(depth));
          if (f.type == FieldType::kGroup) {
            const auto* g = domain::find_group(form, f.group);
            const auto it = answers.groups.find(f.key);
            line.set("is_group", flag(true));
            push_moved(out, std::move(line));
            if (g == nullptr || it == answers.groups.end() || depth >= domain::kMaxGroupDepth) continue;
            for (std::size_t i = 0; i < it->second.size(); ++i) {
              mustache::data row(mustache::data::type::object);
              row.set("label", text(ctx, "tool.row") + " " + std::to_string(i + 1));
              row.set("is_group", flag(true));
              row.set("depth", std::to_string(depth + 1));
              push_moved(out, std::move(row));
              walk(g->fields, it->second[i], depth + 1);
            }
            continue;
          }
          const auto it = answers.values.find(f.key);
          std::string shown;
          if (it != answers.values.end()) {
            for (const auto& v : it->second) {
              std::string one = v;
              for (const auto& o : f.options) {
                if (o.key == v) one = o.label.in(lang);
              }
              if (f.type == FieldType::kScale) {
                const auto i = static_cast<std::size_t>(std::atoi(v.c_str()) - f.scale_min);
                if (i < f.point_labels.size()) one = v + " – " + f.point_labels[i].in(lang);
              }
              if (f.type == FieldType::kDate) {
                if (auto d = domain::date_from_code(v)) one = format_date(*d);
              }
              auto id = std::atoll(v.c_str());
              if (f.type == FieldType::kUnit && view.unit_names.contains(id)) one = view.unit_names.at(id);
              if (f.type == FieldType::kPerson && view.person_names.contains(id)) one = view.person_names.at(id);
              shown += (shown.empty() ? "" : ", ") + one;
            }
          }
          line.set("text", shown.empty() ? text(ctx, "tool.not_answered") : shown);
          line.set("answered", flag(!shown.empty()));
          push_moved(out, std::move(line));
        }
      };
  walk(form.fields, view.answers, 0);
  return out;
}

}  // namespace stafett::web
