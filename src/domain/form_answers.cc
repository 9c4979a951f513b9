#include "domain/form_answers.h"

#include <algorithm>
#include <charconv>

#include "core/utf8.h"
#include "domain/entry.h"

namespace stafett::domain {
namespace {

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::optional<std::int64_t> parse_integer(const std::string& text) {
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

bool is_option(const FieldDefinition& f, const std::string& key) {
  return std::any_of(f.options.begin(), f.options.end(), [&](const FieldOption& o) { return o.key == key; });
}

// One value of a single-valued field.
const char* check_single(const FieldDefinition& f, const std::string& v, const PickerChoices& choices,
                         std::chrono::year_month_day today) {
  switch (f.type) {
    case FieldType::kShortText:
    case FieldType::kLongText: {
      if (v.size() > f.max_length) return "form.error.too_long";
      if (!is_valid_utf8(v) || has_control_characters(v, f.type == FieldType::kLongText)) return "form.error.invalid_text";
      return nullptr;
    }
    case FieldType::kDate: {
      const auto d = date_from_code(v);
      if (!d) return "form.error.date";
      if (f.not_in_future && std::chrono::sys_days{*d} > std::chrono::sys_days{today}) return "form.error.future_date";
      return nullptr;
    }
    case FieldType::kSingleChoice: return is_option(f, v) ? nullptr : "form.error.choice";
    case FieldType::kScale: {
      const auto n = parse_integer(v);
      return n && *n >= f.scale_min && *n <= f.scale_max ? nullptr : "form.error.scale";
    }
    case FieldType::kUnit: {
      const auto n = parse_integer(v);
      return n && choices.units.contains(*n) ? nullptr : "form.error.unit";
    }
    case FieldType::kPerson: {
      const auto n = parse_integer(v);
      return n && choices.people.contains(*n) ? nullptr : "form.error.person";
    }
    case FieldType::kMultipleChoice:
    case FieldType::kChecklist:
    case FieldType::kGroup: return "form.error.unknown_field";
  }
  return "form.error.unknown_field";
}

void check_fields(const FormDefinition& form, const std::vector<FieldDefinition>& fields, FormAnswers& answers,
                  const std::string& prefix, FormCheck mode, const PickerChoices& choices,
                  std::chrono::year_month_day today, FieldProblems& p) {
  // Blank answers are no answers.
  for (auto it = answers.values.begin(); it != answers.values.end();) {
    std::erase_if(it->second, blank);
    it = it->second.empty() ? answers.values.erase(it) : std::next(it);
  }
  // Anything the definition does not name is refused, never silently dropped.
  for (const auto& [key, values] : answers.values) {
    const auto* f = find_field(fields, key);
    if (f == nullptr || f->type == FieldType::kGroup) p.push_back({prefix + key, "form.error.unknown_field"});
  }
  for (const auto& [key, items] : answers.groups) {
    const auto* f = find_field(fields, key);
    if (f == nullptr || f->type != FieldType::kGroup) p.push_back({prefix + key, "form.error.unknown_field"});
  }
  for (const auto& f : fields) {
    const auto path = prefix + f.key;
    if (f.type == FieldType::kGroup) {
      auto it = answers.groups.find(f.key);
      const std::size_t count = it == answers.groups.end() ? 0 : it->second.size();
      if (count > static_cast<std::size_t>(f.max_items)) {
        p.push_back({path, "form.error.too_many_items"});
        continue;
      }
      if (mode == FormCheck::kSubmit && count < static_cast<std::size_t>(f.min_items)) {
        p.push_back({path, "form.error.too_few_items"});
      }
      const auto* group = find_group(form, f.group);
      if (group == nullptr || it == answers.groups.end()) continue;
      for (std::size_t i = 0; i < it->second.size(); ++i) {
        check_fields(form, group->fields, it->second[i], path + "." + std::to_string(i) + ".", mode, choices, today, p);
      }
      continue;
    }
    const auto it = answers.values.find(f.key);
    if (it == answers.values.end()) {
      if (f.required && mode == FormCheck::kSubmit) p.push_back({path, "form.error.required"});
      continue;
    }
    const auto& values = it->second;
    if (f.type == FieldType::kMultipleChoice || f.type == FieldType::kChecklist) {
      std::set<std::string> seen;
      for (const auto& v : values) {
        if (!is_option(f, v) || !seen.insert(v).second) {
          p.push_back({path, "form.error.choice"});
          break;
        }
      }
      continue;
    }
    if (values.size() != 1) {
      p.push_back({path, "form.error.one_value"});
      continue;
    }
    if (const char* problem = check_single(f, values.front(), choices, today)) p.push_back({path, problem});
  }
}

}  // namespace

FieldProblems check_answers(const FormDefinition& form, FormAnswers& answers, FormCheck mode,
                            const PickerChoices& choices, std::chrono::year_month_day today) {
  FieldProblems p;
  check_fields(form, form.fields, answers, "", mode, choices, today, p);
  return p;
}

const std::string& answer_of(const FormAnswers& answers, const std::string& key) {
  static const std::string kNone;
  const auto it = answers.values.find(key);
  return it == answers.values.end() || it->second.empty() ? kNone : it->second.front();
}

}  // namespace stafett::domain
