// The message catalogs and templates shipped in web/: complete in every
// language, every {{t.key}} a template uses exists, and nothing unescaped.
#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>

#include <fstream>
#include <regex>

#include "web/i18n.h"
#include "web/renderer.h"

namespace stafett::web {
namespace {

const std::filesystem::path kWeb = std::filesystem::path(STAFETT_SOURCE_DIR) / "web";

// A fresh folder per call: ctest runs test processes in parallel.
std::filesystem::path unique_dir(const std::string& name) {
  static int counter = 0;
  return std::filesystem::temp_directory_path() /
         (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
}

// A folder with the same small catalog in all three languages.
Catalogs small_catalogs(const std::string& nb_greeting) {
  const auto dir = unique_dir("stafett-i18n-small");
  std::filesystem::create_directories(dir);
  for (const char* lang : {"nb", "nn", "en"}) {
    std::ofstream(dir / (std::string(lang) + ".json"))
        << R"({"greeting": ")" << (std::string(lang) == "nb" ? nb_greeting : std::string(lang)) << "\"}";
  }
  auto catalogs = Catalogs::load(dir);
  std::filesystem::remove_all(dir);
  if (!catalogs) throw std::runtime_error(catalogs.error().detail);
  return std::move(*catalogs);
}

TEST(Catalogs, EveryLanguageHasExactlyTheKeysOfBokmal) {
  auto catalogs = Catalogs::load(kWeb / "i18n");
  ASSERT_TRUE(catalogs) << catalogs.error().detail;
  EXPECT_GT(catalogs->keys().size(), 20u);
}

TEST(Catalogs, LoadRefusesACatalogWithAMissingKey) {
  const auto dir = unique_dir("stafett-i18n-missing");
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
  auto renderer = Renderer::load(kWeb / "templates", *catalogs);
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

TEST(Catalogs, LoadRefusesTextThatLooksLikeATemplateTag) {
  EXPECT_THROW(small_catalogs("{{evil}}"), std::runtime_error);
}

TEST(Templates, RendererRefusesUnescapedOutput) {
  for (const char* bad : {"<p>{{{body}}}</p>", "<p>{{& body}}</p>", "{{=<% %>=}}<%body%>"}) {
    const auto dir = unique_dir("stafett-tpl-unsafe");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "layout_top.mustache") << "<main>";
    std::ofstream(dir / "layout_bottom.mustache") << "</main>";
    std::ofstream(dir / "page.mustache") << bad;
    auto renderer = Renderer::load(dir, small_catalogs("hei"));
    EXPECT_FALSE(renderer) << bad;
    std::filesystem::remove_all(dir);
  }
}

TEST(Templates, ValuesAreHtmlEscaped) {
  const auto dir = unique_dir("stafett-tpl-escape");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "layout_top.mustache") << "<main lang=\"{{lang}}\">";
  std::ofstream(dir / "layout_bottom.mustache") << "</main>";
  std::ofstream(dir / "page.mustache") << "<p title=\"{{name}}\">{{name}} {{t.greeting}}</p>";
  auto renderer = Renderer::load(dir, small_catalogs("hei & <b>velkommen</b>"));
  ASSERT_TRUE(renderer) << renderer.error().detail;
  kainjow::mustache::data page(kainjow::mustache::data::type::object);
  page.set("name", "<script>alert('x')</script>\"&");
  kainjow::mustache::data common(kainjow::mustache::data::type::object);
  common.set("lang", "nb");
  auto html = renderer->render_page("page", Locale::kNb, page, common);
  ASSERT_TRUE(html);
  EXPECT_EQ(*html,
            "<main lang=\"nb\"><p title=\"&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&quot;&amp;\">"
            "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&quot;&amp; hei &amp; &lt;b&gt;velkommen&lt;/b&gt;</p></main>");
  auto nn = renderer->render_page("page", Locale::kNn, page, common);
  ASSERT_TRUE(nn);
  EXPECT_NE(nn->find("&amp; nn</p>"), std::string::npos) << *nn;
  EXPECT_FALSE(renderer->render_page("layout_top", Locale::kNb, page, common));
  EXPECT_FALSE(renderer->render_page("missing", Locale::kNb, page, common));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stafett::web
