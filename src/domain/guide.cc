#include "domain/guide.h"

#include <algorithm>
#include <set>

#include "core/utf8.h"
#include "domain/markdown.h"

namespace stafett::domain {
namespace {

using namespace std::chrono;

constexpr std::pair<ToolKind, std::string_view> kToolKinds[] = {
    {ToolKind::kForm, "form"}, {ToolKind::kPage, "page"}, {ToolKind::kConsent, "consent"}};

constexpr std::size_t kMaxPlainText = 2000;

// Both languages of a text: present when required, and each within its
// kind's limits (`markdown`: the subset's; otherwise one line of plain text).
void check_text(FieldProblems& p, const std::string& path, const LocalText& text, bool required, bool markdown) {
  for (const auto* s : {&text.nb, &text.nn}) {
    if (s->empty()) {
      if (required) {
        p.push_back({path, "guide.error.required"});
        return;
      }
      continue;
    }
    const bool ok = markdown ? is_acceptable_markdown(*s)
                             : s->size() <= kMaxPlainText && is_valid_utf8(*s) && !has_control_characters(*s);
    if (!ok) {
      p.push_back({path, markdown && s->size() > kMaxMarkdownBytes ? "guide.error.markdown_too_long" : "guide.error.text"});
      return;
    }
  }
}

void check_plain(FieldProblems& p, const std::string& path, const LocalText& text, bool required) {
  check_text(p, path, text, required, false);
}

void check_markdown(FieldProblems& p, const std::string& path, const LocalText& text, bool required) {
  check_text(p, path, text, required, true);
}

void check_step(FieldProblems& p, const std::string& at, const GuideStep& s, const Guide& g) {
  if (!is_guide_key(s.key)) p.push_back({at + ".key", "guide.error.key"});
  check_plain(p, at + ".title", s.title, true);
  check_markdown(p, at + ".what_to_do", s.what_to_do, true);
  check_plain(p, at + ".responsible", s.responsible, false);
  check_markdown(p, at + ".think_about", s.think_about, false);
  for (const auto& t : s.tools) {
    if (find_tool(g, t) == nullptr) p.push_back({at + ".tools", "guide.error.unknown_tool"});
  }
  auto known_variant = [&](const std::string& v) {
    return std::any_of(g.variants.begin(), g.variants.end(), [&](const GuideVariant& x) { return x.key == v; });
  };
  for (const auto& v : s.variants) {
    if (!known_variant(v)) p.push_back({at + ".variants", "guide.error.unknown_variant"});
  }
  for (const auto& [v, note] : s.variant_notes) {
    if (!known_variant(v)) p.push_back({at + ".variant_notes", "guide.error.unknown_variant"});
    check_markdown(p, at + ".variant_notes." + v, note, true);
  }
  if (!s.reviewed_on.ok()) p.push_back({at + ".reviewed_on", "guide.error.date"});
}

void check_tool(FieldProblems& p, const std::string& at, const GuideTool& t) {
  if (!is_guide_key(t.key)) p.push_back({at + ".key", "guide.error.key"});
  check_plain(p, at + ".title", t.title, true);
  check_plain(p, at + ".summary", t.summary, false);
  check_markdown(p, at + ".body", t.body, t.kind != ToolKind::kForm);
  if ((t.kind == ToolKind::kForm) != t.form.has_value()) p.push_back({at + ".form", "guide.error.form_kind"});
  if (t.form) {
    for (auto problem : check_form_definition(*t.form)) {
      problem.field = at + ".form." + problem.field;
      p.push_back(std::move(problem));
    }
  }
  if (!t.reviewed_on.ok()) p.push_back({at + ".reviewed_on", "guide.error.date"});
}

// Lower-case ASCII and the Norwegian letters, so "Ø" finds "ø".
std::string fold(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto& next = out[i + 1];
      const auto n = static_cast<unsigned char>(next);
      if (n == 0x86 || n == 0x98 || n == 0x85) next = static_cast<char>(n + 0x20);
      ++i;
    }
  }
  return out;
}

std::string markdown_words(const std::string& text) { return plain_text(parse_markdown(text)); }

std::vector<std::string> words_of(std::string_view query) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  const auto folded = fold(query);
  while (pos < folded.size() && words.size() < 10) {
    const auto start = folded.find_first_not_of(" \t,.;:!?", pos);
    if (start == std::string::npos) break;
    const auto end = std::min(folded.find_first_of(" \t,.;:!?", start), folded.size());
    words.push_back(folded.substr(start, end - start));
    pos = end;
  }
  return words;
}

bool has_every(const std::string& haystack, const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string& w) { return haystack.find(w) != std::string::npos; });
}

bool older_than_a_year(year_month_day reviewed, year_month_day today) {
  auto limit = today - years{1};
  if (!limit.ok()) limit = limit.year() / limit.month() / last;  // 29 February
  return sys_days{reviewed} < sys_days{limit};
}

}  // namespace

FieldProblems check_tool(const GuideTool& tool) {
  FieldProblems p;
  check_tool(p, "", tool);
  for (auto& problem : p) {
    if (problem.field.starts_with('.')) problem.field.erase(0, 1);
  }
  return p;
}

std::string_view tool_kind_code(ToolKind kind) {
  for (const auto& [k, code] : kToolKinds) {
    if (k == kind) return code;
  }
  return "page";
}

std::optional<ToolKind> tool_kind_from_code(std::string_view code) {
  for (const auto& [k, c] : kToolKinds) {
    if (c == code) return k;
  }
  return std::nullopt;
}

bool is_guide_key(std::string_view key) {
  if (key.empty() || key.size() > 60 || key.front() < 'a' || key.front() > 'z') return false;
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

FieldProblems check_guide(const Guide& g) {
  FieldProblems p;
  if (g.format != 1) p.push_back({"format", "guide.error.format"});
  check_plain(p, "title", g.title, true);
  check_markdown(p, "intro", g.intro, false);
  check_markdown(p, "citizen.intro", g.citizen_intro, true);
  std::set<std::string> keys;
  for (std::size_t i = 0; i < g.variants.size(); ++i) {
    const auto at = "variants." + std::to_string(i);
    if (!is_guide_key(g.variants[i].key)) p.push_back({at + ".key", "guide.error.key"});
    if (!keys.insert("v:" + g.variants[i].key).second) p.push_back({at + ".key", "guide.error.duplicate_key"});
    check_plain(p, at + ".title", g.variants[i].title, true);
  }
  if (g.levels.size() != 4) p.push_back({"levels", "guide.error.levels"});
  for (std::size_t i = 0; i < g.levels.size(); ++i) {
    const auto& level = g.levels[i];
    const auto at = "levels." + std::to_string(i);
    if (level.level != static_cast<int>(i)) p.push_back({at + ".level", "guide.error.levels"});
    check_plain(p, at + ".title", level.title, true);
    check_plain(p, at + ".summary", level.summary, false);
    if (level.steps.empty() || level.steps.size() > 30) p.push_back({at + ".steps", "guide.error.step_count"});
    for (std::size_t j = 0; j < level.steps.size(); ++j) {
      const auto step_at = at + ".steps." + std::to_string(j);
      if (!keys.insert("s:" + level.steps[j].key).second) p.push_back({step_at + ".key", "guide.error.duplicate_key"});
      check_step(p, step_at, level.steps[j], g);
    }
  }
  if (g.tools.size() > 60) p.push_back({"tools", "guide.error.tool_count"});
  for (std::size_t i = 0; i < g.tools.size(); ++i) {
    const auto at = "tools." + std::to_string(i);
    if (!keys.insert("t:" + g.tools[i].key).second) p.push_back({at + ".key", "guide.error.duplicate_key"});
    check_tool(p, at, g.tools[i]);
  }
  if (g.contacts.size() > 20) p.push_back({"citizen.contacts", "guide.error.contact_count"});
  for (std::size_t i = 0; i < g.contacts.size(); ++i) {
    const auto at = "citizen.contacts." + std::to_string(i);
    const auto& c = g.contacts[i];
    check_plain(p, at + ".name", c.name, true);
    check_plain(p, at + ".when", c.when, false);
    check_plain(p, at + ".about", c.about, false);
    const bool phone_ok = !c.phone.empty() && c.phone.size() <= 30 &&
                          std::all_of(c.phone.begin(), c.phone.end(), [](char ch) {
                            return (ch >= '0' && ch <= '9') || ch == ' ' || ch == '+';
                          });
    if (!phone_ok) p.push_back({at + ".phone", "guide.error.phone"});
  }
  return p;
}

const GuideTool* find_tool(const Guide& guide, std::string_view key) {
  for (const auto& t : guide.tools) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

std::optional<std::pair<const GuideLevel*, const GuideStep*>> find_step(const Guide& guide, std::string_view key) {
  for (const auto& level : guide.levels) {
    for (const auto& step : level.steps) {
      if (step.key == key) return std::pair{&level, &step};
    }
  }
  return std::nullopt;
}

bool step_in_variant(const GuideStep& step, std::string_view variant) {
  return variant.empty() || step.variants.empty() ||
         std::find(step.variants.begin(), step.variants.end(), variant) != step.variants.end();
}

std::vector<GuideHit> search_guide(const Guide& guide, std::string_view language, std::string_view query) {
  const auto words = words_of(query);
  std::vector<GuideHit> hits;
  if (words.empty()) return hits;
  for (const auto& level : guide.levels) {
    for (const auto& s : level.steps) {
      std::string text = s.title.in(language) + '\n' + markdown_words(s.what_to_do.in(language)) + '\n' +
                         s.responsible.in(language) + '\n' + markdown_words(s.think_about.in(language));
      for (const auto& [v, note] : s.variant_notes) text += '\n' + markdown_words(note.in(language));
      if (has_every(fold(text), words)) hits.push_back({false, s.key});
    }
  }
  for (const auto& t : guide.tools) {
    std::string text = t.title.in(language) + '\n' + t.summary.in(language) + '\n' + markdown_words(t.body.in(language));
    if (t.form) {
      for (const auto& f : t.form->fields) text += '\n' + f.label.in(language);
    }
    if (has_every(fold(text), words)) hits.push_back({true, t.key});
  }
  return hits;
}

std::vector<GuideHit> due_for_review(const Guide& guide, year_month_day today) {
  std::vector<GuideHit> due;
  for (const auto& level : guide.levels) {
    for (const auto& s : level.steps) {
      if (older_than_a_year(s.reviewed_on, today)) due.push_back({false, s.key});
    }
  }
  for (const auto& t : guide.tools) {
    if (older_than_a_year(t.reviewed_on, today)) due.push_back({true, t.key});
  }
  return due;
}

}  // namespace stafett::domain
