#include "web/markdown_view.h"

#include "domain/markdown.h"
#include "web/page_data.h"

namespace stafett::web {

namespace mustache = kainjow::mustache;

kainjow::mustache::data markdown_data(std::string_view markdown) {
  using Block = domain::MarkdownBlock::Kind;
  using Run = domain::MarkdownRun::Kind;
  const auto doc = domain::parse_markdown(markdown);
  mustache::data blocks(mustache::data::type::list);
  for (const auto& block : doc.blocks) {
    mustache::data items(mustache::data::type::list);
    for (const auto& line : block.items) {
      mustache::data runs(mustache::data::type::list);
      for (const auto& run : line) {
        mustache::data r(mustache::data::type::object);
        r.set(run.kind == Run::kText       ? "md_plain"
              : run.kind == Run::kStrong   ? "md_strong"
              : run.kind == Run::kEmphasis ? "md_em"
                                           : "md_link",
              flag(true));
        r.set("md_text", run.text);
        if (run.kind == Run::kLink) r.set("md_href", run.href);
        push_moved(runs, std::move(r));
      }
      mustache::data item(mustache::data::type::object);
      set_moved(item, "md_runs", std::move(runs));
      push_moved(items, std::move(item));
    }
    mustache::data b(mustache::data::type::object);
    b.set(block.kind == Block::kParagraph  ? "md_p"
          : block.kind == Block::kHeading3 ? "md_h3"
          : block.kind == Block::kHeading4 ? "md_h4"
          : block.kind == Block::kBullets  ? "md_ul"
                                           : "md_ol",
          flag(true));
    set_moved(b, "md_items", std::move(items));
    push_moved(blocks, std::move(b));
  }
  mustache::data out(mustache::data::type::object);
  out.set("md_has_blocks", flag(!doc.blocks.empty()));
  set_moved(out, "md_blocks", std::move(blocks));
  return out;
}

}  // namespace stafett::web
