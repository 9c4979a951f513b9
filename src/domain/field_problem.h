#pragma once
// A problem with one input field: the field's name and a message-catalog key
// to show next to it. Returned by validations in every layer.
#include <string>
#include <vector>

namespace stafett::domain {

struct FieldProblem {
  std::string field;
  std::string message;
};
using FieldProblems = std::vector<FieldProblem>;

}  // namespace stafett::domain
