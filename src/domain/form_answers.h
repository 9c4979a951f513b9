#pragma once
// What a person fills in on a tool's form, and the check of it against the
// form's definition. Every answer is text as it came from a browser or the
// API; the check normalises it (blank answers dropped) and says what is wrong
// next to which field. Nothing is stored unless the check passes.
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/field_problem.h"
#include "domain/form_definition.h"

namespace stafett::domain {

struct FormAnswers {
  // Field key → the values given (one for most types, several for multiple
  // choice and checklists).
  std::map<std::string, std::vector<std::string>> values;
  // Group field key → one FormAnswers per item, in order.
  std::map<std::string, std::vector<FormAnswers>> groups;
  friend bool operator==(const FormAnswers&, const FormAnswers&) = default;
};

// A draft may leave required fields empty; everything given must still be valid.
enum class FormCheck { kDraft, kSubmit };

// What the unit and person pickers may name: the author's municipality.
struct PickerChoices {
  std::set<std::int64_t> units;
  std::set<std::int64_t> people;
};

// Problems are named by path: "observed", "observations.1.date", and a
// catalog key under "form.error.". A key the definition does not have is a
// problem too ("form.error.unknown_field"): nothing unexpected is stored.
FieldProblems check_answers(const FormDefinition& form, FormAnswers& answers, FormCheck mode,
                            const PickerChoices& choices, std::chrono::year_month_day today);

// The one value of a single-valued field, or "" when it was left empty.
const std::string& answer_of(const FormAnswers& answers, const std::string& key);

}  // namespace stafett::domain
