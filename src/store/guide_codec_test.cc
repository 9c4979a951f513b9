#include "store/guide_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>

namespace stafett::store {
namespace {

namespace json = boost::json;

json::object text(const char* nb) { return {{"nb", nb}, {"nn", nb}}; }

json::object step(const char* key) {
  return {{"key", key}, {"title", text("Trinn")}, {"what_to_do", text("- gjør dette")},
          {"tools", json::array{"notat"}}, {"reviewed_on", "2026-01-01"}};
}

// The smallest document the rules accept: four levels, one tool with a form.
json::object minimal_guide() {
  json::array levels;
  for (int i = 0; i < 4; ++i) {
    levels.push_back(json::object{{"level", i}, {"title", text("Nivå")}, {"steps", json::array{step(("s" + std::to_string(i)).c_str())}}});
  }
  json::object form{{"fields", json::array{json::object{{"key", "observed"}, {"type", "long_text"},
                                                        {"label", text("Hva så du?")}, {"required", true}},
                                           json::object{{"key", "rows"}, {"type", "group"}, {"label", text("Rader")},
                                                        {"group", "row"}, {"max_items", 3}}}},
                    {"groups", json::object{{"row", json::object{{"fields", json::array{json::object{
                                                                   {"key", "when"}, {"type", "date"},
                                                                   {"label", text("Når")}}}}}}}}};
  return {{"format", 1},
          {"title", text("Veileder")},
          {"levels", std::move(levels)},
          {"tools", json::array{json::object{{"key", "notat"}, {"kind", "form"}, {"title", text("Notat")},
                                             {"form", std::move(form)}, {"reviewed_on", "2026-01-01"}}}},
          {"citizen", json::object{{"intro", text("Ring 112 ved fare.")}}}};
}

bool has_problem(const DecodedGuide& d, const std::string& field, const std::string& message) {
  return std::any_of(d.problems.begin(), d.problems.end(),
                     [&](const domain::FieldProblem& p) { return p.field == field && p.message == message; });
}

std::string problems_of(const DecodedGuide& d) {
  std::string out;
  for (const auto& p : d.problems) out += p.field + "=" + p.message + "\n";
  return out;
}

TEST(GuideCodec, AMinimalDocumentDecodesAndRoundTrips) {
  const auto d = decode_guide(json::serialize(minimal_guide()));
  ASSERT_TRUE(d.problems.empty()) << problems_of(d);
  EXPECT_EQ(d.guide.levels.size(), 4u);
  ASSERT_TRUE(d.guide.tools.at(0).form);
  EXPECT_EQ(d.guide.tools[0].form->fields[0].max_length, domain::kDefaultFormLongText);
  const auto again = decode_guide(encode_guide(d.guide));
  ASSERT_TRUE(again.problems.empty()) << problems_of(again);
  EXPECT_EQ(encode_guide(again.guide), encode_guide(d.guide));
}

TEST(GuideCodec, UnknownFieldTypesCyclesAndUnknownMembersAreNamed) {
  auto doc = minimal_guide();
  auto& form = doc["tools"].as_array()[0].as_object()["form"].as_object();
  form["fields"].as_array()[0].as_object()["type"] = "file_upload";
  EXPECT_TRUE(has_problem(decode_guide(json::serialize(doc)), "tools.0.form.fields.0.type", "guide.error.unknown_field_type"));

  doc = minimal_guide();
  auto& row = doc["tools"].as_array()[0].as_object()["form"].as_object()["groups"].as_object()["row"].as_object();
  row["fields"].as_array().push_back(json::object{{"key", "again"}, {"type", "group"}, {"label", text("Igjen")},
                                                  {"group", "row"}, {"max_items", 2}});
  EXPECT_TRUE(has_problem(decode_guide(json::serialize(doc)), "tools.0.form.groups.row", "guide.error.group_cycle"));

  doc = minimal_guide();
  doc["levels"].as_array()[1].as_object()["onclick"] = "alert(1)";
  EXPECT_TRUE(has_problem(decode_guide(json::serialize(doc)), "levels.1.onclick", "guide.error.unknown_member"));
}

TEST(GuideCodec, OversizedMarkdownAndBrokenStructureAreRefused) {
  auto doc = minimal_guide();
  doc["levels"].as_array()[0].as_object()["steps"].as_array()[0].as_object()["what_to_do"] =
      json::object{{"nb", std::string(20001, 'a')}, {"nn", "kort"}};
  EXPECT_TRUE(has_problem(decode_guide(json::serialize(doc)), "levels.0.steps.0.what_to_do", "guide.error.markdown_too_long"));

  doc = minimal_guide();
  doc["levels"].as_array().pop_back();
  EXPECT_TRUE(has_problem(decode_guide(json::serialize(doc)), "levels", "guide.error.levels"));

  doc = minimal_guide();
  doc["levels"].as_array()[0].as_object()["steps"].as_array()[0].as_object()["tools"] = json::array{"nowhere"};
  EXPECT_TRUE(has_problem(decode_guide(json::serialize(doc)), "levels.0.steps.0.tools", "guide.error.unknown_tool"));

  for (const char* broken : {"", "[]", "{", "{\"format\": \"1\"}", "null"}) {
    EXPECT_FALSE(decode_guide(broken).problems.empty()) << broken;
  }
  EXPECT_TRUE(has_problem(decode_guide(std::string(kMaxGuideDocumentBytes + 1, ' ')), "", "guide.error.document_too_large"));
}

TEST(GuideCodec, TheShippedDefaultGuideHasNoProblems) {
  std::ifstream in(std::string(STAFETT_SOURCE_DIR) + "/web/guide/default.json");
  ASSERT_TRUE(in) << "web/guide/default.json is missing";
  std::stringstream text;
  text << in.rdbuf();
  const auto d = decode_guide(text.str());
  EXPECT_TRUE(d.problems.empty()) << problems_of(d);
  for (const char* tool : {"undringsnotat", "bekymringsskala", "observasjonsskjema", "tegn-og-signaler",
                           "samtaleguide-barn", "samtaleguide-foreldre", "samtykke", "motemal", "bekymringsmelding",
                           "overgangsrutine"}) {
    EXPECT_NE(domain::find_tool(d.guide, tool), nullptr) << tool;
  }
}

TEST(AnswersCodec, RoundTripsAndRefusesOtherShapes) {
  domain::FormAnswers a;
  a.values = {{"name", {"Ola"}}, {"signs", {"tired", "hungry"}}};
  domain::FormAnswers item;
  item.values = {{"when", {"2026-12-01"}}};
  a.groups = {{"rows", {item}}};
  auto back = decode_answers(encode_answers(a));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, a);
  auto numbers = decode_answers(R"({"worry": 3})");
  ASSERT_TRUE(numbers);
  EXPECT_EQ(numbers->values["worry"], std::vector<std::string>{"3"});
  for (const char* bad : {"[]", "{\"a\": true}", "{\"a\": null}", "{\"a\": [1]}", "{\"a\": [{}, \"x\"]}", "{\"a\": 1.5}",
                          "not json"}) {
    EXPECT_FALSE(decode_answers(bad)) << bad;
  }
}

}  // namespace
}  // namespace stafett::store
