#include "domain/guide_diff.h"

#include <algorithm>

#include "domain/entry.h"

namespace stafett::domain {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

class Differ {
 public:
  std::vector<GuideChange> changes;

  void text(const std::string& where, const std::string& field, const LocalText& a, const LocalText& b) {
    plain(where, field + ".nb", a.nb, b.nb);
    plain(where, field + ".nn", a.nn, b.nn);
  }
  void plain(const std::string& where, const std::string& field, const std::string& a, const std::string& b) {
    if (a == b) return;
    changes.push_back({where, field, GuideChange::Kind::kChanged, diff_lines(a, b)});
  }
  void whole(const std::string& where, GuideChange::Kind kind) { changes.push_back({where, "", kind, {}}); }

  void step(const std::string& where, const GuideStep& a, const GuideStep& b) {
    text(where, "title", a.title, b.title);
    text(where, "what_to_do", a.what_to_do, b.what_to_do);
    text(where, "responsible", a.responsible, b.responsible);
    text(where, "think_about", a.think_about, b.think_about);
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
      return s;
    };
    plain(where, "tools", join(a.tools), join(b.tools));
    plain(where, "variants", join(a.variants), join(b.variants));
    for (const auto& [v, note] : b.variant_notes) {
      const auto it = std::find_if(a.variant_notes.begin(), a.variant_notes.end(), [&](const auto& x) { return x.first == v; });
      text(where, "variant_notes." + v, it == a.variant_notes.end() ? LocalText{} : it->second, note);
    }
    for (const auto& [v, note] : a.variant_notes) {
      const bool kept = std::any_of(b.variant_notes.begin(), b.variant_notes.end(), [&](const auto& x) { return x.first == v; });
      if (!kept) text(where, "variant_notes." + v, note, LocalText{});
    }
    plain(where, "reviewed_on", date_code(a.reviewed_on), date_code(b.reviewed_on));
  }

  void tool(const std::string& where, const GuideTool& a, const GuideTool& b) {
    plain(where, "kind", std::string(tool_kind_code(a.kind)), std::string(tool_kind_code(b.kind)));
    text(where, "title", a.title, b.title);
    text(where, "summary", a.summary, b.summary);
    text(where, "body", a.body, b.body);
    if (a.form != b.form) changes.push_back({where, "form", GuideChange::Kind::kChanged, {}});
    plain(where, "reviewed_on", date_code(a.reviewed_on), date_code(b.reviewed_on));
  }
};

}  // namespace

std::vector<DiffLine> diff_lines(const std::string& before, const std::string& after) {
  const auto a = lines_of(before);
  const auto b = lines_of(after);
  const std::size_t n = a.size(), m = b.size();
  // lcs[i][j]: the common length of a[i..] and b[j..].
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<DiffLine> out;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      out.push_back({DiffLine::Kind::kSame, a[i]});
      ++i, ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push_back({DiffLine::Kind::kAdded, b[j++]});
    } else {
      out.push_back({DiffLine::Kind::kRemoved, a[i++]});
    }
  }
  return out;
}

std::vector<GuideChange> diff_guides(const Guide& before, const Guide& after) {
  Differ d;
  d.text("guide", "title", before.title, after.title);
  d.text("guide", "intro", before.intro, after.intro);
  d.text("citizen", "intro", before.citizen_intro, after.citizen_intro);
  for (std::size_t l = 0; l < std::min(before.levels.size(), after.levels.size()); ++l) {
    const auto& la = before.levels[l];
    const auto& lb = after.levels[l];
    const auto where = "levels." + std::to_string(l);
    d.text(where, "title", la.title, lb.title);
    d.text(where, "summary", la.summary, lb.summary);
    std::vector<std::string> order_a, order_b;
    for (const auto& s : la.steps) order_a.push_back(s.key);
    for (const auto& s : lb.steps) order_b.push_back(s.key);
    for (const auto& s : lb.steps) {
      const auto found = find_step(before, s.key);
      const auto at = "steps." + s.key;
      if (!found) {
        d.whole(at, GuideChange::Kind::kAdded);
      } else {
        d.step(at, *found->second, s);
      }
    }
    for (const auto& s : la.steps) {
      if (!find_step(after, s.key)) d.whole("steps." + s.key, GuideChange::Kind::kRemoved);
    }
    // Same steps, other order: a move.
    std::vector<std::string> common_a, common_b;
    for (const auto& k : order_a) {
      if (std::find(order_b.begin(), order_b.end(), k) != order_b.end()) common_a.push_back(k);
    }
    for (const auto& k : order_b) {
      if (std::find(order_a.begin(), order_a.end(), k) != order_a.end()) common_b.push_back(k);
    }
    if (common_a != common_b) d.whole(where + ".steps", GuideChange::Kind::kMoved);
  }
  for (const auto& t : after.tools) {
    const auto* old = find_tool(before, t.key);
    if (old == nullptr) {
      d.whole("tools." + t.key, GuideChange::Kind::kAdded);
    } else {
      d.tool("tools." + t.key, *old, t);
    }
  }
  for (const auto& t : before.tools) {
    if (find_tool(after, t.key) == nullptr) d.whole("tools." + t.key, GuideChange::Kind::kRemoved);
  }
  return d.changes;
}

}  // namespace stafett::domain
