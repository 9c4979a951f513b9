#include "domain/form_answers.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace stafett::domain {
namespace {

using namespace std::chrono;

FieldDefinition field(std::string key, FieldType type, bool required = false) {
  FieldDefinition f;
  f.key = std::move(key);
  f.type = type;
  f.label = {"Etikett", "Etikett"};
  f.required = required;
  f.max_length = type == FieldType::kLongText ? 50 : 20;
  return f;
}

// One field of every type, the way a coordinator would define them.
FormDefinition every_type() {
  FormDefinition form;
  form.fields.push_back(field("name", FieldType::kShortText, true));
  form.fields.push_back(field("observed", FieldType::kLongText, true));
  auto when = field("when", FieldType::kDate, true);
  when.not_in_future = true;
  form.fields.push_back(when);
  auto next = field("next", FieldType::kSingleChoice, true);
  next.options = {{"close", {"Avslutt", "Avslutt"}}, {"follow", {"Følg med", "Følg med"}}};
  form.fields.push_back(next);
  auto many = field("services", FieldType::kMultipleChoice);
  many.options = {{"ppt", {"PPT", "PPT"}}, {"bup", {"BUP", "BUP"}}};
  form.fields.push_back(many);
  auto scale = field("worry", FieldType::kScale, true);
  scale.scale_min = 1;
  scale.scale_max = 6;
  form.fields.push_back(scale);
  auto checklist = field("signs", FieldType::kChecklist);
  checklist.options = {{"tired", {"Trøtt", "Trøytt"}}, {"hungry", {"Sulten", "Svolten"}}};
  form.fields.push_back(checklist);
  form.fields.push_back(field("unit", FieldType::kUnit));
  form.fields.push_back(field("person", FieldType::kPerson));
  auto group = field("observations", FieldType::kGroup);
  group.group = "observation";
  group.min_items = 1;
  group.max_items = 2;
  form.fields.push_back(group);
  form.groups.push_back({"observation", {field("date", FieldType::kDate, true), field("text", FieldType::kShortText)}});
  return form;
}

FormAnswers valid_answers() {
  FormAnswers a;
  a.values = {{"name", {"Ola"}}, {"observed", {"Lei seg\nflere dager"}}, {"when", {"2026-12-01"}},
              {"next", {"follow"}}, {"services", {"ppt", "bup"}}, {"worry", {"3"}}, {"signs", {"tired"}},
              {"unit", {"2"}}, {"person", {"1"}}};
  FormAnswers item;
  item.values = {{"date", {"2026-11-30"}}, {"text", {"I friminuttet"}}};
  a.groups["observations"] = {item};
  return a;
}

const PickerChoices kChoices{{2, 3}, {1, 4}};
constexpr year_month_day kToday = year{2026} / December / 4;

std::vector<std::string> problem_fields(const FieldProblems& problems) {
  std::vector<std::string> fields;
  for (const auto& p : problems) fields.push_back(p.field + "=" + p.message);
  return fields;
}

TEST(FormAnswers, AValidSubmissionPassesAndKeepsEveryAnswer) {
  const auto form = every_type();
  ASSERT_TRUE(check_form_definition(form).empty());
  auto answers = valid_answers();
  const auto expected = answers;
  EXPECT_TRUE(check_answers(form, answers, FormCheck::kSubmit, kChoices, kToday).empty());
  EXPECT_EQ(answers, expected);
}

TEST(FormAnswers, EveryFieldTypeRefusesWhatIsOutsideItsRules) {
  const auto form = every_type();
  auto answers = valid_answers();
  answers.values["name"] = {std::string(21, 'x')};   // too long
  answers.values["observed"] = {"a\x01"};            // control character
  answers.values["when"] = {"2026-12-05"};           // tomorrow
  answers.values["next"] = {"report"};               // not an option
  answers.values["services"] = {"ppt", "ppt"};       // twice
  answers.values["worry"] = {"7"};                   // out of range
  answers.values["signs"] = {"sleepy"};              // not an item
  answers.values["unit"] = {"99"};                   // another municipality's unit
  answers.values["person"] = {"x"};                  // not an id
  answers.groups["observations"][0].values["date"] = {"2026-02-30"};
  const auto problems = problem_fields(check_answers(form, answers, FormCheck::kSubmit, kChoices, kToday));
  const std::vector<std::string> expected{
      "name=form.error.too_long",   "observed=form.error.invalid_text", "when=form.error.future_date",
      "next=form.error.choice",     "services=form.error.choice",       "worry=form.error.scale",
      "signs=form.error.choice",    "unit=form.error.unit",             "person=form.error.person",
      "observations.0.date=form.error.date"};
  EXPECT_EQ(problems, expected);
}

TEST(FormAnswers, RequiredFieldsAndGroupSizesOnSubmitButNotForADraft) {
  const auto form = every_type();
  FormAnswers empty;
  empty.values["name"] = {"   "};  // blank is empty
  auto draft = empty;
  EXPECT_TRUE(check_answers(form, draft, FormCheck::kDraft, kChoices, kToday).empty());
  EXPECT_TRUE(draft.values.empty()) << "blank answers are dropped";
  auto submitted = empty;
  const auto problems = problem_fields(check_answers(form, submitted, FormCheck::kSubmit, kChoices, kToday));
  const std::vector<std::string> expected{"name=form.error.required", "observed=form.error.required",
                                          "when=form.error.required", "next=form.error.required",
                                          "worry=form.error.required", "observations=form.error.too_few_items"};
  EXPECT_EQ(problems, expected);

  auto too_many = valid_answers();
  too_many.groups["observations"].resize(3);
  EXPECT_EQ(problem_fields(check_answers(form, too_many, FormCheck::kDraft, kChoices, kToday)),
            std::vector<std::string>{"observations=form.error.too_many_items"});
}

TEST(FormAnswers, ExtraFieldsAndWrongShapesAreRefusedNotDropped) {
  const auto form = every_type();
  auto answers = valid_answers();
  answers.values["child_national_id"] = {"03831259298"};
  answers.values["observations"] = {"text where a group belongs"};
  answers.groups["name"] = {FormAnswers{}};
  answers.values["next"] = {"close", "follow"};
  answers.groups["observations"][0].values["extra"] = {"x"};
  const auto problems = problem_fields(check_answers(form, answers, FormCheck::kDraft, kChoices, kToday));
  const std::vector<std::string> expected{"child_national_id=form.error.unknown_field",
                                          "observations=form.error.unknown_field", "name=form.error.unknown_field",
                                          "next=form.error.one_value", "observations.0.extra=form.error.unknown_field"};
  EXPECT_EQ(problems, expected);
}

TEST(FormDefinition, UnknownGroupsCyclesAndBadBoundsAreRefused) {
  auto form = every_type();
  form.fields[5].scale_max = 0;  // min 1 > max 0
  form.fields[3].options.resize(1);
  form.fields[0].key = "Navn";
  form.fields[1].key = "name";  // duplicate
  // observation → inner → observation: a cycle
  auto inner_ref = field("inner", FieldType::kGroup);
  inner_ref.group = "inner";
  inner_ref.max_items = 1;
  form.groups[0].fields.push_back(inner_ref);
  auto back = field("back", FieldType::kGroup);
  back.group = "observation";
  back.max_items = 1;
  form.groups.push_back({"inner", {back}});
  auto lost = field("lost", FieldType::kGroup);
  lost.group = "nowhere";
  lost.max_items = 1;
  form.fields.push_back(lost);
  form.child_name_field = "observed";  // a long text cannot be a name
  const auto problems = problem_fields(check_form_definition(form));
  for (const char* expected :
       {"fields.0.key=guide.error.key", "fields.3.options=guide.error.option_count", "fields.5.min=guide.error.bounds",
        "fields.10.group=guide.error.unknown_group", "groups.observation=guide.error.group_cycle",
        "groups.inner=guide.error.group_cycle", "child_name_field=guide.error.child_name_field"}) {
    EXPECT_NE(std::find(problems.begin(), problems.end(), expected), problems.end()) << expected;
  }
  form = every_type();
  form.fields[1].key = "name";
  EXPECT_EQ(problem_fields(check_form_definition(form)),
            std::vector<std::string>{"fields.1.key=guide.error.duplicate_key"});
}

TEST(FormDefinition, FieldTypeCodesRoundTrip) {
  for (const char* code : {"short_text", "long_text", "date", "single_choice", "multiple_choice", "scale", "checklist",
                           "unit", "person", "group"}) {
    const auto t = field_type_from_code(code);
    ASSERT_TRUE(t) << code;
    EXPECT_EQ(field_type_code(*t), code);
  }
  EXPECT_FALSE(field_type_from_code("file_upload"));
  EXPECT_FALSE(field_type_from_code(""));
}

}  // namespace
}  // namespace stafett::domain
