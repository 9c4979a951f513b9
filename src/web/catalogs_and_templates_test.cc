// The message catalogs and templates shipped in web/: complete in every
// language, every {{t.key}} a template uses exists, and nothing unescaped.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "web/i18n.h"
#include "web/renderer.h"

namespace stafett::web {
namespace {

const std::filesystem::path kWeb = std::filesystem::path(STAFETT_SOURCE_DIR) / "web";

TEST(Catalogs, EveryLanguageHasExactlyTheKeysOfBokmal) {
  auto catalogs = Catalogs::load(kWeb / "i18n");
  ASSERT_TRUE(catalogs) << catalogs.error().detail;
  EXPECT_GT(catalogs->keys().size(), 20u);
}

TEST(Catalogs, LoadRefusesACatalogWithAMissingKey) {
  const auto dir = std::filesystem::temp_directory_path() / "stafett-i18n-missing";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "nb.json") << R"({"a": "x", "b": {"c": "y"}})";
  std::ofstream(dir / "nn.json") << R"({"a": "x", "b": {"c": "y"}})";
  std::ofstream(dir / "en.json") << R"({"a": "x"})";
  auto catalogs = Catalogs::load(dir);
  ASSERT_FALSE(catalogs);
  EXPECT_EQ(catalogs.error().code, Errc::kInvalidInput);
  std::filesystem::remove_all(dir);
}

TEST(Templates, EveryCatalogKeyATemplateUsesExists) {
  auto catalogs = Catalogs::load(kWeb / "i18n");
  ASSERT_TRUE(catalogs);
  auto renderer = Renderer::load(kWeb / "templates");
  ASSERT_TRUE(renderer) << renderer.error().detail;
  const std::regex key(R"(\{\{[#^/]?\s*t\.([A-Za-z0-9_.]+)\s*\}\})");
  int used = 0;
  for (const auto& name : renderer->template_names()) {
    const std::string& source = renderer->template_source(name);
    for (auto it = std::sregex_iterator(source.begin(), source.end(), key); it != std::sregex_iterator(); ++it) {
      const std::string k = (*it)[1];
      EXPECT_TRUE(std::binary_search(catalogs->keys().begin(), catalogs->keys().end(), k))
          << name << ".mustache uses t." << k << ", which nb.json lacks";
      ++used;
    }
  }
  EXPECT_GT(used, 10);
}

TEST(Templates, RendererRefusesUnescapedOutput) {
  for (const char* bad : {"<p>{{{body}}}</p>", "<p>{{& body}}</p>", "{{=<% %>=}}<%body%>"}) {
    const auto dir = std::filesystem::temp_directory_path() / "stafett-tpl-unsafe";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "layout_top.mustache") << "<main>";
    std::ofstream(dir / "layout_bottom.mustache") << "</main>";
    std::ofstream(dir / "page.mustache") << bad;
    auto renderer = Renderer::load(dir);
    EXPECT_FALSE(renderer) << bad;
    std::filesystem::remove_all(dir);
  }
}

TEST(Templates, ValuesAreHtmlEscaped) {
  const auto dir = std::filesystem::temp_directory_path() / "stafett-tpl-escape";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "layout_top.mustache") << "<main lang=\"{{lang}}\">";
  std::ofstream(dir / "layout_bottom.mustache") << "</main>";
  std::ofstream(dir / "page.mustache") << "<p title=\"{{name}}\">{{name}} {{t.greeting}}</p>";
  auto renderer = Renderer::load(dir);
  ASSERT_TRUE(renderer);
  kainjow::mustache::data page(kainjow::mustache::data::type::object);
  page.set("name", "<script>alert('x')</script>\"&");
  kainjow::mustache::data common(kainjow::mustache::data::type::object);
  common.set("lang", "nb");
  kainjow::mustache::data t(kainjow::mustache::data::type::object);
  t.set("greeting", "hei");
  kainjow::mustache::data catalog(kainjow::mustache::data::type::object);
  catalog.set("t", t);
  auto html = renderer->render_page("page", page, common, catalog);
  ASSERT_TRUE(html);
  EXPECT_EQ(*html,
            "<main lang=\"nb\"><p title=\"&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&quot;&amp;\">"
            "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&quot;&amp; hei</p></main>");
  EXPECT_FALSE(renderer->render_page("layout_top", page, common, catalog));
  EXPECT_FALSE(renderer->render_page("missing", page, common, catalog));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stafett::web
