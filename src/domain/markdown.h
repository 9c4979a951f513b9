#pragma once
// The guide's Markdown: a small, safe subset parsed into blocks and runs of
// plain text. No HTML ever passes through: the page templates turn these
// values into elements and escape every text, so a script tag written by an
// editor is shown as the text it is. Links keep only safe targets.
#include <string>
#include <string_view>
#include <vector>

namespace stafett::domain {

struct MarkdownRun {
  enum class Kind { kText, kStrong, kEmphasis, kLink };
  Kind kind = Kind::kText;
  std::string text;
  std::string href;  // kLink only: https:, mailto:, tel: or a path on this site
  friend bool operator==(const MarkdownRun&, const MarkdownRun&) = default;
};
using MarkdownLine = std::vector<MarkdownRun>;

struct MarkdownBlock {
  enum class Kind { kParagraph, kHeading3, kHeading4, kBullets, kNumbers };
  Kind kind = Kind::kParagraph;
  std::vector<MarkdownLine> items;  // one for paragraphs and headings, one per list item
};

struct MarkdownDocument {
  std::vector<MarkdownBlock> blocks;
};

inline constexpr std::size_t kMaxMarkdownBytes = 20000;

// Whether a text may be stored as Markdown: at most kMaxMarkdownBytes of
// valid UTF-8 without control characters other than line breaks and tabs.
bool is_acceptable_markdown(std::string_view text);

// Never fails: whatever is not the subset is kept as literal text.
MarkdownDocument parse_markdown(std::string_view text);

// Whether a link target is one a guide page may carry.
bool is_safe_link_target(std::string_view target);

// The words of a document without markup, for search and summaries.
std::string plain_text(const MarkdownDocument& document);

}  // namespace stafett::domain
