#include "domain/markdown.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"

namespace stafett::domain {
namespace {

using Kind = MarkdownRun::Kind;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void add_text(MarkdownLine& line, Kind kind, std::string_view text, std::string href = {}) {
  if (text.empty()) return;
  if (kind == Kind::kText && !line.empty() && line.back().kind == Kind::kText) {
    line.back().text.append(text);
    return;
  }
  line.push_back({kind, std::string(text), std::move(href)});
}

MarkdownLine parse_inline(std::string_view s) {
  MarkdownLine line;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 2, "**") == 0) {
      const auto end = s.find("**", i + 2);
      if (end != std::string_view::npos && end > i + 2) {
        add_text(line, Kind::kStrong, s.substr(i + 2, end - i - 2));
        i = end + 2;
        continue;
      }
    } else if (s[i] == '*' && i + 1 < s.size() && s[i + 1] != ' ') {
      const auto end = s.find('*', i + 1);
      if (end != std::string_view::npos) {
        add_text(line, Kind::kEmphasis, s.substr(i + 1, end - i - 1));
        i = end + 1;
        continue;
      }
    } else if (s[i] == '[') {
      const auto close = s.find("](", i + 1);
      // The target ends at the ')' that balances its '(' (so "…_(modell)" stays whole).
      auto end = std::string_view::npos;
      if (close != std::string_view::npos) {
        int depth = 0;
        for (auto j = close + 2; j < s.size(); ++j) {
          if (s[j] == '(') ++depth;
          if (s[j] == ')' && depth-- == 0) {
            end = j;
            break;
          }
        }
      }
      if (end != std::string_view::npos) {
        const auto text = s.substr(i + 1, close - i - 1);
        const auto target = trim(s.substr(close + 2, end - close - 2));
        if (is_safe_link_target(target)) {
          add_text(line, Kind::kLink, text, std::string(target));
        } else {
          add_text(line, Kind::kText, text);  // the words stay, the link goes
        }
        i = end + 1;
        continue;
      }
    }
    add_text(line, Kind::kText, s.substr(i, 1));
    ++i;
  }
  return line;
}

// "1. ", "12. " → the length of the marker, else 0.
std::size_t number_marker(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits == 0 || line.size() < digits + 2 || line[digits] != '.' || line[digits + 1] != ' ') return 0;
  return digits + 2;
}

}  // namespace

bool is_acceptable_markdown(std::string_view text) {
  return text.size() <= kMaxMarkdownBytes && is_valid_utf8(text) && !has_control_characters(text, true);
}

bool is_safe_link_target(std::string_view target) {
  if (target.empty() || target.size() > 2000) return false;
  const bool no_space = std::none_of(target.begin(), target.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\';
  });
  if (!no_space) return false;
  if (target.starts_with("https://") && target.size() > 8) return true;
  if (target.starts_with("mailto:") || target.starts_with("tel:")) return target.size() > 4;
  return target.front() == '/' && !target.starts_with("//");
}

MarkdownDocument parse_markdown(std::string_view text) {
  MarkdownDocument doc;
  std::string paragraph;  // lines of the paragraph being read, joined by spaces
  constexpr std::size_t kNoList = static_cast<std::size_t>(-1);
  std::size_t list = kNoList;  // index of the list being read (an index: blocks grow)
  auto end_paragraph = [&] {
    if (!paragraph.empty()) doc.blocks.push_back({MarkdownBlock::Kind::kParagraph, {parse_inline(paragraph)}});
    paragraph.clear();
  };
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const auto line = trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) {
      end_paragraph();
      list = kNoList;
      continue;
    }
    if (line.starts_with('#')) {
      const auto hashes = std::min(line.find_first_not_of('#'), line.size());
      if (hashes < line.size() && line[hashes] == ' ') {
        end_paragraph();
        list = kNoList;
        const auto kind = hashes <= 3 ? MarkdownBlock::Kind::kHeading3 : MarkdownBlock::Kind::kHeading4;
        doc.blocks.push_back({kind, {parse_inline(trim(line.substr(hashes)))}});
        continue;
      }
    }
    const bool bullet = line.starts_with("- ");
    const auto number = number_marker(line);
    if (bullet || number > 0) {
      end_paragraph();
      const auto kind = bullet ? MarkdownBlock::Kind::kBullets : MarkdownBlock::Kind::kNumbers;
      if (list == kNoList || doc.blocks[list].kind != kind) {
        doc.blocks.push_back({kind, {}});
        list = doc.blocks.size() - 1;
      }
      doc.blocks[list].items.push_back(parse_inline(trim(line.substr(bullet ? 2 : number))));
      continue;
    }
    if (list != kNoList) {  // a continuation line of the last list item
      auto more = parse_inline(std::string(" ").append(line));
      auto& item = doc.blocks[list].items.back();
      for (auto& run : more) add_text(item, run.kind, run.text, run.href);
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph.append(line);
  }
  end_paragraph();
  return doc;
}

std::string plain_text(const MarkdownDocument& document) {
  std::string out;
  for (const auto& block : document.blocks) {
    for (const auto& item : block.items) {
      for (const auto& run : item) out += run.text;
      out += '\n';
    }
  }
  return out;
}

}  // namespace stafett::domain
