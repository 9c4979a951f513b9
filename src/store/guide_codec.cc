#include "store/guide_codec.h"

#include <boost/json.hpp>
#include <initializer_list>

#include "domain/entry.h"

namespace stafett::store {
namespace {

namespace json = boost::json;
using domain::FieldProblems;
using domain::LocalText;

// Reads one JSON object, remembering each problem with its path.
class Reader {
 public:
  Reader(const json::value* v, std::string path, FieldProblems& problems)
      : path_(std::move(path)), problems_(problems) {
    if (v != nullptr && v->is_object()) {
      object_ = &v->as_object();
    } else {
      problem(path_, "guide.error.type");
    }
  }

  bool ok() const { return object_ != nullptr; }
  std::string at(std::string_view key) const { return path_.empty() ? std::string(key) : path_ + "." + std::string(key); }
  void problem(std::string path, const char* message) { problems_.push_back({std::move(path), message}); }
  FieldProblems& problems() { return problems_; }

  // Every member must be one of `known`: a misspelt member is a mistake.
  void only(std::initializer_list<std::string_view> known) {
    if (object_ == nullptr) return;
    for (const auto& member : *object_) {
      bool found = false;
      for (auto k : known) found = found || member.key() == k;
      if (!found) problem(at(member.key()), "guide.error.unknown_member");
    }
  }

  const json::value* get(std::string_view key) const {
    if (object_ == nullptr) return nullptr;
    return object_->if_contains(key);
  }

  std::string string(std::string_view key, bool required = true) {
    const auto* v = get(key);
    if (v == nullptr) {
      if (required) problem(at(key), "guide.error.required");
      return {};
    }
    if (!v->is_string()) {
      problem(at(key), "guide.error.type");
      return {};
    }
    return std::string(v->as_string());
  }

  LocalText text(std::string_view key, bool required = true) {
    const auto* v = get(key);
    if (v == nullptr) {
      if (required) problem(at(key), "guide.error.required");
      return {};
    }
    Reader r(v, at(key), problems_);
    r.only({"nb", "nn"});
    return {r.string("nb", required), r.string("nn", required)};
  }

  std::int64_t integer(std::string_view key, std::int64_t fallback, bool required = false) {
    const auto* v = get(key);
    if (v == nullptr) {
      if (required) problem(at(key), "guide.error.required");
      return fallback;
    }
    if (!v->is_int64() || v->as_int64() < -1000000 || v->as_int64() > 1000000) {
      problem(at(key), "guide.error.type");
      return fallback;
    }
    return v->as_int64();
  }

  bool boolean(std::string_view key) {
    const auto* v = get(key);
    if (v == nullptr) return false;
    if (!v->is_bool()) {
      problem(at(key), "guide.error.type");
      return false;
    }
    return v->as_bool();
  }

  std::chrono::year_month_day date(std::string_view key) {
    auto d = domain::date_from_code(string(key));
    if (!d) {
      problem(at(key), "guide.error.date");
      return {};
    }
    return *d;
  }

  // Calls `each(value, path)` for every element of an array member.
  template <class F>
  void array(std::string_view key, bool required, F each) {
    const auto* v = get(key);
    if (v == nullptr) {
      if (required) problem(at(key), "guide.error.required");
      return;
    }
    if (!v->is_array()) {
      problem(at(key), "guide.error.type");
      return;
    }
    const auto& a = v->as_array();
    if (a.size() > 200) {
      problem(at(key), "guide.error.too_many");
      return;
    }
    for (std::size_t i = 0; i < a.size(); ++i) each(a[i], at(key) + "." + std::to_string(i));
  }

  std::vector<std::string> strings(std::string_view key) {
    std::vector<std::string> out;
    array(key, false, [&](const json::value& v, const std::string& path) {
      if (v.is_string()) {
        out.emplace_back(v.as_string());
      } else {
        problem(path, "guide.error.type");
      }
    });
    return out;
  }

  const json::object* object() const { return object_; }

 private:
  const json::object* object_ = nullptr;
  std::string path_;
  FieldProblems& problems_;
};

std::vector<domain::FieldOption> read_options(Reader& r, std::string_view key) {
  std::vector<domain::FieldOption> options;
  r.array(key, true, [&](const json::value& v, const std::string& path) {
    Reader o(&v, path, r.problems());
    o.only({"key", "label"});
    options.push_back({o.string("key"), o.text("label")});
  });
  return options;
}

domain::FieldDefinition read_field(const json::value& v, const std::string& path, FieldProblems& problems) {
  Reader r(&v, path, problems);
  domain::FieldDefinition f;
  f.key = r.string("key");
  const auto type_code = r.string("type");
  const auto type = domain::field_type_from_code(type_code);
  if (!type) {
    if (!type_code.empty()) r.problem(r.at("type"), "guide.error.unknown_field_type");
    return f;
  }
  f.type = *type;
  f.label = r.text("label");
  f.help = r.text("help", false);
  f.required = r.boolean("required");
  using T = domain::FieldType;
  switch (f.type) {
    case T::kShortText:
      r.only({"key", "type", "label", "help", "required", "max_length"});
      f.max_length = static_cast<std::size_t>(r.integer("max_length", domain::kMaxFormShortText));
      break;
    case T::kLongText:
      r.only({"key", "type", "label", "help", "required", "max_length"});
      f.max_length = static_cast<std::size_t>(r.integer("max_length", domain::kDefaultFormLongText));
      break;
    case T::kDate:
      r.only({"key", "type", "label", "help", "required", "not_in_future"});
      f.not_in_future = r.boolean("not_in_future");
      break;
    case T::kSingleChoice:
    case T::kMultipleChoice:
      r.only({"key", "type", "label", "help", "required", "options"});
      f.options = read_options(r, "options");
      break;
    case T::kChecklist:
      r.only({"key", "type", "label", "help", "required", "items"});
      f.options = read_options(r, "items");
      break;
    case T::kScale:
      r.only({"key", "type", "label", "help", "required", "min", "max", "min_label", "max_label", "point_labels"});
      f.scale_min = static_cast<int>(r.integer("min", 0, true));
      f.scale_max = static_cast<int>(r.integer("max", 0, true));
      f.min_label = r.text("min_label", false);
      f.max_label = r.text("max_label", false);
      r.array("point_labels", false, [&](const json::value& p, const std::string& at) {
        Reader t(&p, at, problems);
        t.only({"nb", "nn"});
        f.point_labels.push_back({t.string("nb"), t.string("nn")});
      });
      break;
    case T::kUnit:
    case T::kPerson:
      r.only({"key", "type", "label", "help", "required"});
      break;
    case T::kGroup:
      r.only({"key", "type", "label", "help", "required", "group", "min_items", "max_items"});
      f.group = r.string("group");
      f.min_items = static_cast<int>(r.integer("min_items", 0));
      f.max_items = static_cast<int>(r.integer("max_items", 0, true));
      break;
  }
  return f;
}

std::vector<domain::FieldDefinition> read_fields(Reader& r, std::string_view key) {
  std::vector<domain::FieldDefinition> fields;
  r.array(key, true, [&](const json::value& v, const std::string& path) {
    fields.push_back(read_field(v, path, r.problems()));
  });
  return fields;
}

domain::FormDefinition read_form(const json::value* v, const std::string& path, FieldProblems& problems) {
  Reader r(v, path, problems);
  r.only({"fields", "groups", "child_name_field"});
  domain::FormDefinition form;
  form.fields = read_fields(r, "fields");
  form.child_name_field = r.string("child_name_field", false);
  if (const auto* groups = r.get("groups")) {
    if (!groups->is_object() || groups->as_object().size() > 20) {
      r.problem(r.at("groups"), "guide.error.type");
    } else {
      for (const auto& g : groups->as_object()) {
        Reader gr(&g.value(), r.at("groups") + "." + std::string(g.key()), problems);
        gr.only({"fields"});
        form.groups.push_back({std::string(g.key()), read_fields(gr, "fields")});
      }
    }
  }
  return form;
}

domain::GuideStep read_step(const json::value& v, const std::string& path, FieldProblems& problems) {
  Reader r(&v, path, problems);
  r.only({"key", "title", "what_to_do", "responsible", "think_about", "tools", "variants", "variant_notes",
          "reviewed_on"});
  domain::GuideStep s;
  s.key = r.string("key");
  s.title = r.text("title");
  s.what_to_do = r.text("what_to_do");
  s.responsible = r.text("responsible", false);
  s.think_about = r.text("think_about", false);
  s.tools = r.strings("tools");
  s.variants = r.strings("variants");
  if (const auto* notes = r.get("variant_notes")) {
    if (!notes->is_object()) {
      r.problem(r.at("variant_notes"), "guide.error.type");
    } else {
      for (const auto& n : notes->as_object()) {
        Reader nr(&n.value(), r.at("variant_notes") + "." + std::string(n.key()), problems);
        nr.only({"nb", "nn"});
        s.variant_notes.emplace_back(std::string(n.key()), LocalText{nr.string("nb"), nr.string("nn")});
      }
    }
  }
  s.reviewed_on = r.date("reviewed_on");
  return s;
}

domain::GuideTool read_tool(const json::value& v, const std::string& path, FieldProblems& problems) {
  Reader r(&v, path, problems);
  r.only({"key", "kind", "title", "summary", "body", "form", "reviewed_on"});
  domain::GuideTool t;
  t.key = r.string("key");
  const auto kind = domain::tool_kind_from_code(r.string("kind"));
  if (!kind) r.problem(r.at("kind"), "guide.error.tool_kind");
  t.kind = kind.value_or(domain::ToolKind::kPage);
  t.title = r.text("title");
  t.summary = r.text("summary", false);
  t.body = r.text("body", false);
  if (const auto* form = r.get("form")) t.form = read_form(form, r.at("form"), problems);
  t.reviewed_on = r.date("reviewed_on");
  return t;
}

json::object text_json(const LocalText& t) { return {{"nb", t.nb}, {"nn", t.nn}}; }

json::array options_json(const std::vector<domain::FieldOption>& options) {
  json::array a;
  for (const auto& o : options) a.push_back(json::object{{"key", o.key}, {"label", text_json(o.label)}});
  return a;
}

json::object field_json(const domain::FieldDefinition& f) {
  using T = domain::FieldType;
  json::object o{{"key", f.key}, {"type", domain::field_type_code(f.type)}, {"label", text_json(f.label)}};
  if (!f.help.nb.empty() || !f.help.nn.empty()) o["help"] = text_json(f.help);
  if (f.required) o["required"] = true;
  switch (f.type) {
    case T::kShortText:
    case T::kLongText: o["max_length"] = f.max_length; break;
    case T::kDate:
      if (f.not_in_future) o["not_in_future"] = true;
      break;
    case T::kSingleChoice:
    case T::kMultipleChoice: o["options"] = options_json(f.options); break;
    case T::kChecklist: o["items"] = options_json(f.options); break;
    case T::kScale: {
      o["min"] = f.scale_min;
      o["max"] = f.scale_max;
      if (!f.min_label.nb.empty()) o["min_label"] = text_json(f.min_label);
      if (!f.max_label.nb.empty()) o["max_label"] = text_json(f.max_label);
      if (!f.point_labels.empty()) {
        json::array labels;
        for (const auto& l : f.point_labels) labels.push_back(text_json(l));
        o["point_labels"] = std::move(labels);
      }
      break;
    }
    case T::kGroup:
      o["group"] = f.group;
      o["min_items"] = f.min_items;
      o["max_items"] = f.max_items;
      break;
    case T::kUnit:
    case T::kPerson: break;
  }
  return o;
}

json::array fields_json(const std::vector<domain::FieldDefinition>& fields) {
  json::array a;
  for (const auto& f : fields) a.push_back(field_json(f));
  return a;
}

json::object tool_json(const domain::GuideTool& t) {
  json::object tool{{"key", t.key},
                    {"kind", domain::tool_kind_code(t.kind)},
                    {"title", text_json(t.title)},
                    {"summary", text_json(t.summary)},
                    {"body", text_json(t.body)},
                    {"reviewed_on", domain::date_code(t.reviewed_on)}};
  if (t.form) {
    json::object form{{"fields", fields_json(t.form->fields)}};
    json::object groups;
    for (const auto& group : t.form->groups) groups[group.key] = json::object{{"fields", fields_json(group.fields)}};
    if (!groups.empty()) form["groups"] = std::move(groups);
    if (!t.form->child_name_field.empty()) form["child_name_field"] = t.form->child_name_field;
    tool["form"] = std::move(form);
  }
  return tool;
}

void read_answers(const json::object& o, domain::FormAnswers& out, int depth, bool& ok) {
  if (depth > 4 || o.size() > 200) {
    ok = false;
    return;
  }
  for (const auto& member : o) {
    const std::string key(member.key());
    const auto& v = member.value();
    if (v.is_string()) {
      out.values[key].emplace_back(v.as_string());
    } else if (v.is_int64()) {
      out.values[key].push_back(std::to_string(v.as_int64()));
    } else if (v.is_array() && v.as_array().size() <= 200) {
      const auto& a = v.as_array();
      if (!a.empty() && a.front().is_object()) {  // a repeating group's items
        auto& items = out.groups[key];
        for (const auto& e : a) {
          if (!e.is_object()) {
            ok = false;
            return;
          }
          items.emplace_back();
          read_answers(e.as_object(), items.back(), depth + 1, ok);
        }
      } else {
        auto& values = out.values[key];
        for (const auto& e : a) {
          if (!e.is_string()) {
            ok = false;
            return;
          }
          values.emplace_back(e.as_string());
        }
      }
    } else {
      ok = false;
    }
  }
}

json::object answers_json(const domain::FormAnswers& answers) {
  json::object o;
  for (const auto& [key, values] : answers.values) {
    if (values.size() == 1) {
      o[key] = values.front();
    } else {
      json::array a;
      for (const auto& v : values) a.emplace_back(v);
      o[key] = std::move(a);
    }
  }
  for (const auto& [key, items] : answers.groups) {
    json::array a;
    for (const auto& item : items) a.push_back(answers_json(item));
    o[key] = std::move(a);
  }
  return o;
}

}  // namespace

DecodedGuide decode_guide(std::string_view text) {
  DecodedGuide out;
  auto& problems = out.problems;
  if (text.size() > kMaxGuideDocumentBytes) {
    problems.push_back({"", "guide.error.document_too_large"});
    return out;
  }
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 16;
  const json::value doc = json::parse(text, ec, {}, options);
  if (ec) {
    problems.push_back({"", "guide.error.json"});
    return out;
  }
  Reader r(&doc, "", problems);
  if (!r.ok()) return out;
  r.only({"format", "title", "intro", "variants", "levels", "tools", "citizen"});
  auto& g = out.guide;
  g.format = static_cast<int>(r.integer("format", 0, true));
  g.title = r.text("title");
  g.intro = r.text("intro", false);
  r.array("variants", false, [&](const json::value& v, const std::string& path) {
    Reader vr(&v, path, problems);
    vr.only({"key", "title"});
    g.variants.push_back({vr.string("key"), vr.text("title")});
  });
  r.array("levels", true, [&](const json::value& v, const std::string& path) {
    Reader lr(&v, path, problems);
    lr.only({"level", "title", "summary", "steps"});
    domain::GuideLevel level;
    level.level = static_cast<int>(lr.integer("level", -1, true));
    level.title = lr.text("title");
    level.summary = lr.text("summary", false);
    lr.array("steps", true, [&](const json::value& s, const std::string& at) {
      level.steps.push_back(read_step(s, at, problems));
    });
    g.levels.push_back(std::move(level));
  });
  r.array("tools", false, [&](const json::value& v, const std::string& path) {
    g.tools.push_back(read_tool(v, path, problems));
  });
  {
    Reader cr(r.get("citizen"), "citizen", problems);
    cr.only({"intro", "contacts"});
    g.citizen_intro = cr.text("intro");
    cr.array("contacts", false, [&](const json::value& v, const std::string& path) {
      Reader c(&v, path, problems);
      c.only({"name", "phone", "when", "about"});
      g.contacts.push_back({c.text("name"), c.string("phone"), c.text("when", false), c.text("about", false)});
    });
  }
  // Type problems first; the rules only mean something for a well-formed document.
  if (problems.empty()) problems = domain::check_guide(g);
  return out;
}

std::string encode_guide(const domain::Guide& g) {
  json::array variants;
  for (const auto& v : g.variants) variants.push_back(json::object{{"key", v.key}, {"title", text_json(v.title)}});
  json::array levels;
  for (const auto& level : g.levels) {
    json::array steps;
    for (const auto& s : level.steps) {
      json::object step{{"key", s.key},
                        {"title", text_json(s.title)},
                        {"what_to_do", text_json(s.what_to_do)},
                        {"responsible", text_json(s.responsible)},
                        {"think_about", text_json(s.think_about)},
                        {"tools", json::value_from(s.tools)},
                        {"variants", json::value_from(s.variants)},
                        {"reviewed_on", domain::date_code(s.reviewed_on)}};
      json::object notes;
      for (const auto& [v, note] : s.variant_notes) notes[v] = text_json(note);
      step["variant_notes"] = std::move(notes);
      steps.push_back(std::move(step));
    }
    levels.push_back(json::object{{"level", level.level},
                                  {"title", text_json(level.title)},
                                  {"summary", text_json(level.summary)},
                                  {"steps", std::move(steps)}});
  }
  json::array tools;
  for (const auto& t : g.tools) tools.push_back(tool_json(t));
  json::array contacts;
  for (const auto& c : g.contacts) {
    contacts.push_back(json::object{
        {"name", text_json(c.name)}, {"phone", c.phone}, {"when", text_json(c.when)}, {"about", text_json(c.about)}});
  }
  return json::serialize(json::object{{"format", g.format},
                                      {"title", text_json(g.title)},
                                      {"intro", text_json(g.intro)},
                                      {"variants", std::move(variants)},
                                      {"levels", std::move(levels)},
                                      {"tools", std::move(tools)},
                                      {"citizen", json::object{{"intro", text_json(g.citizen_intro)},
                                                               {"contacts", std::move(contacts)}}}});
}

std::string encode_tool(const domain::GuideTool& tool) { return json::serialize(tool_json(tool)); }

Result<domain::GuideTool> decode_tool(std::string_view text) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 16;
  const json::value v = json::parse(text, ec, {}, options);
  if (ec) return make_error(Errc::kInternal, "damaged tool: not JSON");
  FieldProblems problems;
  auto tool = read_tool(v, "", problems);
  if (problems.empty()) problems = domain::check_tool(tool);
  if (!problems.empty()) return make_error(Errc::kInternal, "damaged tool: " + problems.front().field);
  return tool;
}

domain::FieldProblems decode_form_definition(std::string_view text, domain::FormDefinition& out) {
  FieldProblems problems;
  if (text.size() > kMaxGuideDocumentBytes) return {{"", "guide.error.document_too_large"}};
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 12;
  const json::value v = json::parse(text, ec, {}, options);
  if (ec) return {{"", "guide.error.json"}};
  out = read_form(&v, "", problems);
  if (problems.empty()) problems = domain::check_form_definition(out);
  return problems;
}

std::string encode_answers(const domain::FormAnswers& answers) { return json::serialize(answers_json(answers)); }

Result<domain::FormAnswers> decode_answers(std::string_view text) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 12;
  const json::value v = json::parse(text, ec, {}, options);
  if (ec || !v.is_object()) return make_error(Errc::kInvalidInput, "answers: not a JSON object");
  domain::FormAnswers answers;
  bool ok = true;
  read_answers(v.as_object(), answers, 0, ok);
  if (!ok) return make_error(Errc::kInvalidInput, "answers: unexpected shape");
  return answers;
}

}  // namespace stafett::store
