#include "http/static_files.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

namespace stafett::http {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("stafett-static-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root_ / "css");
    std::ofstream(root_ / "css" / "app.css") << "body{}";
    std::ofstream(root_ / ".secret") << "no";
    std::ofstream(root_.parent_path() / "outside.txt") << "no";
    auto loaded = StaticFiles::load(root_);
    ASSERT_TRUE(loaded);
    files_.emplace(std::move(*loaded));
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::filesystem::path root_;
  std::optional<StaticFiles> files_;
};

TEST_F(StaticFilesTest, FingerprintedUrlIsImmutableAndPlainNameRevalidates) {
  const std::string url = files_->url_for("css/app.css");
  ASSERT_TRUE(url.starts_with("/static/css/app.")) << url;
  ASSERT_TRUE(url.ends_with(".css"));
  Request req;
  auto fingerprinted = files_->serve(url.substr(8), req);
  ASSERT_TRUE(fingerprinted);
  EXPECT_EQ(fingerprinted->status, 200);
  EXPECT_EQ(fingerprinted->cache, CachePolicy::kImmutable);
  EXPECT_EQ(fingerprinted->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(fingerprinted->body, "body{}");
  auto plain = files_->serve("css/app.css", req);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->cache, CachePolicy::kRevalidate);
}

TEST_F(StaticFilesTest, MatchingEtagGives304WithoutBody) {
  Request first;
  auto r = files_->serve("css/app.css", first);
  std::string etag;
  for (const auto& [name, value] : r->headers) {
    if (name == "ETag") etag = value;
  }
  ASSERT_FALSE(etag.empty());
  Request again;
  again.headers.emplace_back("if-none-match", "\"other\", " + etag);
  auto not_modified = files_->serve("css/app.css", again);
  ASSERT_TRUE(not_modified);
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_TRUE(not_modified->body.empty());
}

TEST_F(StaticFilesTest, UnknownStaleOrHiddenFilesAreNotServed) {
  Request req;
  EXPECT_FALSE(files_->serve("css/missing.css", req));
  EXPECT_FALSE(files_->serve("css/app.0123456789abcdef.css", req));  // stale fingerprint
  EXPECT_FALSE(files_->serve(".secret", req));
  EXPECT_FALSE(files_->serve("../outside.txt", req));
  EXPECT_FALSE(files_->serve("css/../css/app.css", req));
}

TEST(ContentType, KnowsTheCommonWebTypes) {
  EXPECT_EQ(content_type_for("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("a.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("a.unknown"), "application/octet-stream");
}

}  // namespace
}  // namespace stafett::http
