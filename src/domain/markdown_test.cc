#include "domain/markdown.h"

#include <gtest/gtest.h>

namespace stafett::domain {
namespace {

using Kind = MarkdownRun::Kind;
using Block = MarkdownBlock::Kind;

TEST(Markdown, ParagraphsHeadingsAndListsBecomeBlocks) {
  const auto doc = parse_markdown("### Slik gjør du\n\nFørste linje\nfortsetter her.\n\n- en\n- to\n  mer om to\n\n1. først\n2. så");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].kind, Block::kHeading3);
  EXPECT_EQ(doc.blocks[1].kind, Block::kParagraph);
  EXPECT_EQ(doc.blocks[1].items[0][0].text, "Første linje fortsetter her.");
  EXPECT_EQ(doc.blocks[2].kind, Block::kBullets);
  ASSERT_EQ(doc.blocks[2].items.size(), 2u);
  EXPECT_EQ(doc.blocks[2].items[1][0].text, "to mer om to");
  EXPECT_EQ(doc.blocks[3].kind, Block::kNumbers);
  EXPECT_EQ(doc.blocks[3].items.size(), 2u);
}

TEST(Markdown, StrongEmphasisAndSafeLinks) {
  const auto doc = parse_markdown("Ring **112** ved *fare*, les [mer](https://example.org/a) eller [ring](tel:116111).");
  const auto& line = doc.blocks.at(0).items.at(0);
  ASSERT_EQ(line.size(), 9u);
  EXPECT_EQ(line[1], (MarkdownRun{Kind::kStrong, "112", ""}));
  EXPECT_EQ(line[3], (MarkdownRun{Kind::kEmphasis, "fare", ""}));
  EXPECT_EQ(line[5], (MarkdownRun{Kind::kLink, "mer", "https://example.org/a"}));
  EXPECT_EQ(line[7].kind, Kind::kLink);
}

TEST(Markdown, HtmlAndUnsafeLinksNeverBecomeMarkup) {
  for (const char* hostile : {"[klikk](javascript:alert(1))", "[klikk](JavaScript:alert(1))",
                              "[klikk](data:text/html,<script>alert(1)</script>)", "[klikk](//evil.example)",
                              "[klikk](http://plain.example)", "[klikk](https://x\" onmouseover=\"alert(1))",
                              "[klikk]( javascript:alert(1))"}) {
    const auto doc = parse_markdown(hostile);
    for (const auto& block : doc.blocks) {
      for (const auto& item : block.items) {
        for (const auto& run : item) EXPECT_NE(run.kind, Kind::kLink) << hostile;
      }
    }
  }
  const auto doc = parse_markdown("<script>alert(1)</script> <img src=x onerror=alert(1)> <b style=\"x\">b</b>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.blocks[0].items[0].size(), 1u) << "one run of literal text, escaped by the template";
  EXPECT_EQ(doc.blocks[0].items[0][0].kind, Kind::kText);
  EXPECT_EQ(doc.blocks[0].items[0][0].text, "<script>alert(1)</script> <img src=x onerror=alert(1)> <b style=\"x\">b</b>");
}

TEST(Markdown, ALinkTargetEndsAtItsBalancingParenthesis) {
  const auto doc = parse_markdown("Se [modellen](https://example.org/BTI_(modell)) her, og [klikk](javascript:alert(1)).");
  const auto& line = doc.blocks.at(0).items.at(0);
  ASSERT_EQ(line.size(), 3u);
  EXPECT_EQ(line[1], (MarkdownRun{Kind::kLink, "modellen", "https://example.org/BTI_(modell)"}));
  EXPECT_EQ(line[2].text, " her, og klikk.") << "a refused link keeps its words and leaves no stray ')'";
}

TEST(Markdown, AcceptableTextHasALimit) {
  EXPECT_TRUE(is_acceptable_markdown(std::string(kMaxMarkdownBytes, 'a')));
  EXPECT_FALSE(is_acceptable_markdown(std::string(kMaxMarkdownBytes + 1, 'a')));
  EXPECT_FALSE(is_acceptable_markdown("a\x01"));
  EXPECT_FALSE(is_acceptable_markdown("\xff"));
  EXPECT_TRUE(is_acceptable_markdown("linje\nlinje\r\n"));
}

TEST(Markdown, PlainTextKeepsTheWords) {
  EXPECT_EQ(plain_text(parse_markdown("### Tittel\n\n- **sterk** og [lenke](/veileder)")), "Tittel\nsterk og lenke\n");
}

TEST(Markdown, UnclosedMarkupStaysLiteral) {
  const auto doc = parse_markdown("**ikke lukket og [halv lenke](");
  EXPECT_EQ(plain_text(doc), "**ikke lukket og [halv lenke](\n");
}

}  // namespace
}  // namespace stafett::domain
