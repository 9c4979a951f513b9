// The dependency rule of docs/architecture.md, checked on the source text:
// SQL only in src/store/, Beast and Asio only in src/http/server.cc and
// src/http/https_client.cc, and no layer below web/ includes web/ or http/ headers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace stafett {
namespace {

const std::filesystem::path kSrc = std::filesystem::path(STAFETT_SOURCE_DIR) / "src";

template <class F>
void for_each_source(F&& f) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kSrc)) {
    const auto ext = entry.path().extension();
    if (ext != ".cc" && ext != ".h") continue;
    const std::string rel = std::filesystem::relative(entry.path(), kSrc).generic_string();
    if (rel.ends_with("_test.cc")) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    f(rel, text.str());
  }
}

TEST(Layering, SqlIsWrittenOnlyInTheStore) {
  const std::regex sql(R"("[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM)\b)");
  for_each_source([&](const std::string& rel, const std::string& text) {
    if (rel.starts_with("store/")) return;
    EXPECT_FALSE(std::regex_search(text, sql)) << rel << " contains SQL";
  });
}

TEST(Layering, BeastAndAsioStayInTheServerAndClientTranslationUnits) {
  for_each_source([&](const std::string& rel, const std::string& text) {
    if (rel == "http/server.cc" || rel == "http/https_client.cc") return;
    EXPECT_EQ(text.find("boost/beast"), std::string::npos) << rel;
    EXPECT_EQ(text.find("boost/asio"), std::string::npos) << rel;
  });
}

TEST(Layering, LowerLayersDoNotIncludeUpperOnes) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> forbidden = {
      {"core/", {"domain/", "policy/", "store/", "app/", "http/", "web/", "cli/", "crypto/"}},
      {"domain/", {"policy/", "store/", "app/", "http/", "web/", "cli/"}},
      // auth is identity only: it never decides access and never stores anything.
      {"auth/", {"domain/", "policy/", "store/", "app/", "http/", "web/", "cli/", "crypto/"}},
      {"policy/", {"store/", "app/", "http/", "web/", "cli/", "crypto/"}},
      {"store/", {"policy/", "app/", "http/", "web/", "cli/"}},
      {"app/", {"http/", "web/", "cli/"}},
      {"http/", {"domain/", "policy/", "store/", "app/", "web/", "cli/"}},
      // web passes the Database handle on to app/ but never runs queries itself.
      {"web/", {"store/sqlite", "store/postgres", "store/migrations", "store/people_repository",
                "store/log_repository", "store/consent_repository", "store/session_repository", "cli/"}},
  };
  for_each_source([&](const std::string& rel, const std::string& text) {
    for (const auto& [layer, banned] : forbidden) {
      if (!rel.starts_with(layer)) continue;
      for (const auto& b : banned) {
        EXPECT_EQ(text.find("#include \"" + b), std::string::npos) << rel << " includes " << b;
      }
    }
  });
}

}  // namespace
}  // namespace stafett
