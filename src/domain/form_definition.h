#pragma once
// A tool's form, defined as data: the fields, their types and limits, and the
// named groups a repeating field is made of. `check_form_definition` says
// whether a definition can be used at all (a coordinator may write one).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/field_problem.h"
#include "domain/local_text.h"

namespace stafett::domain {

enum class FieldType {
  kShortText,
  kLongText,
  kDate,
  kSingleChoice,
  kMultipleChoice,
  kScale,
  kChecklist,
  kUnit,
  kPerson,
  kGroup,
};
std::string_view field_type_code(FieldType type);
std::optional<FieldType> field_type_from_code(std::string_view code);

struct FieldOption {
  std::string key;
  LocalText label;
  friend bool operator==(const FieldOption&, const FieldOption&) = default;
};

struct FieldDefinition {
  std::string key;
  FieldType type = FieldType::kShortText;
  LocalText label;
  LocalText help;  // may be empty
  bool required = false;
  std::size_t max_length = 0;          // texts; 0 until defaulted by the codec
  bool not_in_future = false;          // dates
  std::vector<FieldOption> options;    // choices, and a checklist's items
  int scale_min = 0, scale_max = 0;    // scales
  LocalText min_label, max_label;      // scales
  std::vector<LocalText> point_labels; // scales: empty, or one per point
  std::string group;                   // group fields: the key of a FormGroup
  int min_items = 0, max_items = 0;    // group fields
  friend bool operator==(const FieldDefinition&, const FieldDefinition&) = default;
};

struct FormGroup {
  std::string key;
  std::vector<FieldDefinition> fields;
  friend bool operator==(const FormGroup&, const FormGroup&) = default;
};

struct FormDefinition {
  std::vector<FieldDefinition> fields;
  std::vector<FormGroup> groups;
  std::string child_name_field;  // empty: the form never names a child
  friend bool operator==(const FormDefinition&, const FormDefinition&) = default;
};

inline constexpr std::size_t kMaxFormShortText = 300;
inline constexpr std::size_t kMaxFormLongText = 10000;
inline constexpr std::size_t kDefaultFormLongText = 4000;
inline constexpr std::size_t kMaxFieldsPerForm = 60;
inline constexpr int kMaxGroupItems = 20;
inline constexpr int kMaxGroupDepth = 3;  // a group in a group in a group, no deeper

// Field and option keys: 1-40 of [a-z0-9_], starting with a letter.
bool is_field_key(std::string_view key);

// Every problem with the definition, each named by a path ("fields.3.options",
// "groups.person.fields.0.type") and a catalog key under "guide.error.".
// Group references must exist and never lead back to themselves (a cycle).
FieldProblems check_form_definition(const FormDefinition& form);

const FormGroup* find_group(const FormDefinition& form, std::string_view key);
const FieldDefinition* find_field(const std::vector<FieldDefinition>& fields, std::string_view key);

}  // namespace stafett::domain
