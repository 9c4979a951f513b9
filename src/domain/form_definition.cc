#include "domain/form_definition.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/utf8.h"

namespace stafett::domain {
namespace {

constexpr std::pair<FieldType, std::string_view> kTypes[] = {
    {FieldType::kShortText, "short_text"},
    {FieldType::kLongText, "long_text"},
    {FieldType::kDate, "date"},
    {FieldType::kSingleChoice, "single_choice"},
    {FieldType::kMultipleChoice, "multiple_choice"},
    {FieldType::kScale, "scale"},
    {FieldType::kChecklist, "checklist"},
    {FieldType::kUnit, "unit"},
    {FieldType::kPerson, "person"},
    {FieldType::kGroup, "group"},
};

bool is_plain_label(const std::string& text, std::size_t max) {
  return !text.empty() && text.size() <= max && is_valid_utf8(text) && !has_control_characters(text);
}

bool is_optional_label(const std::string& text, std::size_t max) {
  return text.empty() || is_plain_label(text, max);
}

void check_label(FieldProblems& p, const std::string& path, const LocalText& text, bool required) {
  constexpr std::size_t kMaxLabel = 300;
  const bool ok = required ? is_plain_label(text.nb, kMaxLabel) && is_plain_label(text.nn, kMaxLabel)
                           : is_optional_label(text.nb, kMaxLabel) && is_optional_label(text.nn, kMaxLabel);
  if (!ok) p.push_back({path, "guide.error.label"});
}

void check_options(FieldProblems& p, const std::string& path, const std::vector<FieldOption>& options,
                   std::size_t min, std::size_t max) {
  if (options.size() < min || options.size() > max) {
    p.push_back({path + ".options", "guide.error.option_count"});
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const auto& o = options[i];
    const auto at = path + ".options." + std::to_string(i);
    if (!is_field_key(o.key)) p.push_back({at + ".key", "guide.error.key"});
    if (!seen.insert(o.key).second) p.push_back({at + ".key", "guide.error.duplicate_key"});
    check_label(p, at + ".label", o.label, true);
  }
}

void check_field(FieldProblems& p, const std::string& path, const FieldDefinition& f, const FormDefinition& form) {
  if (!is_field_key(f.key)) p.push_back({path + ".key", "guide.error.key"});
  check_label(p, path + ".label", f.label, true);
  check_label(p, path + ".help", f.help, false);
  switch (f.type) {
    case FieldType::kShortText:
      if (f.max_length < 1 || f.max_length > kMaxFormShortText) p.push_back({path + ".max_length", "guide.error.bounds"});
      break;
    case FieldType::kLongText:
      if (f.max_length < 1 || f.max_length > kMaxFormLongText) p.push_back({path + ".max_length", "guide.error.bounds"});
      break;
    case FieldType::kSingleChoice: check_options(p, path, f.options, 2, 20); break;
    case FieldType::kMultipleChoice: check_options(p, path, f.options, 2, 30); break;
    case FieldType::kChecklist: check_options(p, path, f.options, 1, 40); break;
    case FieldType::kScale: {
      if (f.scale_min < 0 || f.scale_max > 10 || f.scale_min >= f.scale_max) {
        p.push_back({path + ".min", "guide.error.bounds"});
        break;
      }
      check_label(p, path + ".min_label", f.min_label, false);
      check_label(p, path + ".max_label", f.max_label, false);
      const auto points = static_cast<std::size_t>(f.scale_max - f.scale_min + 1);
      if (!f.point_labels.empty() && f.point_labels.size() != points) {
        p.push_back({path + ".point_labels", "guide.error.point_labels"});
      }
      for (std::size_t i = 0; i < f.point_labels.size(); ++i) {
        check_label(p, path + ".point_labels." + std::to_string(i), f.point_labels[i], true);
      }
      break;
    }
    case FieldType::kGroup:
      if (find_group(form, f.group) == nullptr) p.push_back({path + ".group", "guide.error.unknown_group"});
      if (f.min_items < 0 || f.max_items < 1 || f.max_items > kMaxGroupItems || f.min_items > f.max_items) {
        p.push_back({path + ".max_items", "guide.error.bounds"});
      }
      break;
    case FieldType::kDate:
    case FieldType::kUnit:
    case FieldType::kPerson: break;
  }
}

void check_fields(FieldProblems& p, const std::string& path, const std::vector<FieldDefinition>& fields,
                  const FormDefinition& form) {
  if (fields.empty() || fields.size() > kMaxFieldsPerForm) p.push_back({path, "guide.error.field_count"});
  std::set<std::string> seen;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto at = path + "." + std::to_string(i);
    if (!seen.insert(fields[i].key).second) p.push_back({at + ".key", "guide.error.duplicate_key"});
    check_field(p, at, fields[i], form);
  }
}

// Depth-first over group references; a group met again on the current path
// is a cycle (a form that could never be filled in or rendered).
bool reaches_itself(const FormDefinition& form, const FormGroup& group, std::vector<const FormGroup*>& path) {
  if (std::find(path.begin(), path.end(), &group) != path.end()) return true;
  path.push_back(&group);
  for (const auto& f : group.fields) {
    if (f.type != FieldType::kGroup) continue;
    const auto* next = find_group(form, f.group);
    if (next != nullptr && reaches_itself(form, *next, path)) return true;
  }
  path.pop_back();
  return false;
}

// How deep groups nest under `fields` (0: no group). Called only on a
// definition without cycles.
int group_depth(const FormDefinition& form, const std::vector<FieldDefinition>& fields) {
  int deepest = 0;
  for (const auto& f : fields) {
    if (f.type != FieldType::kGroup) continue;
    const auto* g = find_group(form, f.group);
    deepest = std::max(deepest, 1 + (g == nullptr ? 0 : group_depth(form, g->fields)));
  }
  return deepest;
}

}  // namespace

std::string_view field_type_code(FieldType type) {
  for (const auto& [t, code] : kTypes) {
    if (t == type) return code;
  }
  return "short_text";
}

std::optional<FieldType> field_type_from_code(std::string_view code) {
  for (const auto& [t, c] : kTypes) {
    if (c == code) return t;
  }
  return std::nullopt;
}

bool is_field_key(std::string_view key) {
  if (key.empty() || key.size() > 40 || key.front() < 'a' || key.front() > 'z') return false;
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

const FormGroup* find_group(const FormDefinition& form, std::string_view key) {
  for (const auto& g : form.groups) {
    if (g.key == key) return &g;
  }
  return nullptr;
}

const FieldDefinition* find_field(const std::vector<FieldDefinition>& fields, std::string_view key) {
  for (const auto& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

FieldProblems check_form_definition(const FormDefinition& form) {
  FieldProblems p;
  check_fields(p, "fields", form.fields, form);
  std::set<std::string> seen;
  for (const auto& g : form.groups) {
    const auto at = "groups." + g.key;
    if (!is_field_key(g.key)) p.push_back({at, "guide.error.key"});
    if (!seen.insert(g.key).second) p.push_back({at, "guide.error.duplicate_key"});
    check_fields(p, at + ".fields", g.fields, form);
    std::vector<const FormGroup*> path;
    if (reaches_itself(form, g, path)) p.push_back({at, "guide.error.group_cycle"});
  }
  const bool cycle = std::any_of(p.begin(), p.end(), [](const FieldProblem& x) { return x.message == "guide.error.group_cycle"; });
  if (!cycle && group_depth(form, form.fields) > kMaxGroupDepth) p.push_back({"groups", "guide.error.group_depth"});
  if (!form.child_name_field.empty()) {
    const auto* f = find_field(form.fields, form.child_name_field);
    if (f == nullptr || f->type != FieldType::kShortText) {
      p.push_back({"child_name_field", "guide.error.child_name_field"});
    }
  }
  return p;
}

}  // namespace stafett::domain
