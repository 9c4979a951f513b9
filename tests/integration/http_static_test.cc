// Static files: content types, fingerprints, ETag/304 and cache lifetimes.
#include "server_fixture.h"

namespace stafett::testing {
namespace {

class StaticFiles : public ServerSuite<StaticFiles> {};

TEST_F(StaticFiles, FingerprintedAssetsAreCachedForAYear) {
  const std::string html = get(port(), "/").body;
  for (const char* which : {"vendor/designsystemet", "vendor/designsystemet-theme", "css/app"}) {
    const std::string url = first_stylesheet(html, which);
    ASSERT_FALSE(url.empty()) << which << " is not linked from the start page";
    auto r = get(port(), url);
    EXPECT_EQ(r.status, 200) << url;
    EXPECT_EQ(r.header("content-type"), "text/css; charset=utf-8") << url;
    EXPECT_EQ(r.header("cache-control"), "public, max-age=31536000, immutable") << url;
    EXPECT_TRUE(r.has_header("etag")) << url;
    EXPECT_GT(r.body.size(), 100u) << url;
  }
}

TEST_F(StaticFiles, ConditionalRequestGives304WithoutBody) {
  const std::string url = first_stylesheet(get(port(), "/").body, "vendor/designsystemet");
  auto first = get(port(), url);
  const auto etag = first.header("etag");
  ASSERT_TRUE(etag);
  auto again = get(port(), url, {{"If-None-Match", *etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  auto changed = get(port(), url, {{"If-None-Match", "\"0000000000000000\""}});
  EXPECT_EQ(changed.status, 200);
}

TEST_F(StaticFiles, PlainNamesAreServedButRevalidated) {
  auto r = get(port(), "/static/css/app.css");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("cache-control"), "no-cache");
  EXPECT_TRUE(r.has_header("etag"));
}

TEST_F(StaticFiles, StaleFingerprintsAndMissingFilesAre404) {
  EXPECT_EQ(get(port(), "/static/css/app.0123456789abcdef.css").status, 404);
  EXPECT_EQ(get(port(), "/static/css/finnes-ikke.css").status, 404);
  EXPECT_EQ(get(port(), "/static").status, 404);
  EXPECT_EQ(get(port(), "/static/").status, 404);
}

}  // namespace
}  // namespace stafett::testing
