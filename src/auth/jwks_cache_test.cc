// The cache and validate_with_refresh() against a fake jwks_uri that counts
// its requests, with time under the test's control (FixedClock).
#include "auth/jwks_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "auth/token_minter_for_tests.h"
#include "auth/validate_with_refresh.h"

namespace stafett::auth {
namespace {

namespace json = boost::json;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::PkeyPtr;

constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
const TimePoint kStart{seconds(kNow)};
constexpr std::string_view kJwksUri = "https://idporten.no/jwks.json";
constexpr std::string_view kIssuer = "https://idporten.no";
constexpr std::string_view kClientId = "stafett-test-client";
constexpr std::string_view kNonce = "bT1vQ2x4c0Z6dGZnS2lBYjQ";

// P-256 keys: quick to generate, and the cache does not care about the type.
struct TestKeys {
  PkeyPtr old_key = testing::generate_p256_key();
  PkeyPtr new_key = testing::generate_p256_key();
  std::string old_set = testing::jwks_document({testing::public_jwk(old_key.get(), "key-1")});
  std::string rotated_set = testing::jwks_document(
      {testing::public_jwk(old_key.get(), "key-1"), testing::public_jwk(new_key.get(), "key-2")});
};

const TestKeys& test_keys() {
  static const TestKeys keys;
  return keys;
}

// The provider's jwks_uri: what it currently publishes, and how often it was asked.
// Shared with the getter, so it is safe to call from the threads of a test.
struct FakeJwksEndpoint {
  std::mutex mutex;
  int status = 200;
  std::string body = test_keys().old_set;
  std::optional<Error> failure;
  std::chrono::milliseconds delay{0};
  std::atomic<int> calls{0};

  void publish(std::string document) {
    const std::lock_guard lock(mutex);
    body = std::move(document);
  }

  HttpsGet getter() {
    return [this](const std::string& url) -> Result<FetchedDocument> {
      EXPECT_EQ(url, kJwksUri);
      ++calls;
      if (delay.count() > 0) std::this_thread::sleep_for(delay);
      const std::lock_guard lock(mutex);
      if (failure) return *failure;
      return FetchedDocument{status, body};
    };
  }
};

struct CacheTest : ::testing::Test {
  FixedClock clock{kStart};
  FakeJwksEndpoint endpoint;
  JwksCache cache{std::string(kJwksUri), endpoint.getter(), clock};
};

std::string token_signed_with(EVP_PKEY* key, std::string_view kid,
                              std::string_view nonce = kNonce) {
  const json::object header{{"alg", "ES256"}, {"kid", kid}, {"typ", "JWT"}};
  const json::object claims{{"iss", kIssuer},         {"sub", "pairwise-sub-1"}, {"aud", kClientId},
                            {"exp", kNow + 3600},     {"iat", kNow - 5},         {"nonce", nonce},
                            {"acr", kIdPortenLoaHigh}};
  return testing::mint(header, claims, JwsAlgorithm::kEs256, key);
}

TokenExpectations expectations() {
  return TokenExpectations::for_idporten(std::string(kIssuer), std::string(kClientId),
                                         std::string(kNonce));
}

TEST_F(CacheTest, FetchesOnFirstUseAndThenServesTheSameSet) {
  EXPECT_EQ(endpoint.calls, 0);  // nothing at construction
  const auto first = cache.current();
  ASSERT_TRUE(first) << first.error().detail;
  ASSERT_NE((*first)->find("key-1"), nullptr);
  for (int i = 0; i < 100; ++i) {
    const auto again = cache.current();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->get(), first->get());
  }
  EXPECT_EQ(endpoint.calls, 1);
}

TEST_F(CacheTest, FetchesAgainOnceTheSetIsOlderThanMaxAge) {
  ASSERT_TRUE(cache.current());
  clock.advance(minutes(59));
  ASSERT_TRUE(cache.current());
  EXPECT_EQ(endpoint.calls, 1);
  endpoint.publish(test_keys().rotated_set);
  clock.advance(minutes(1));
  const auto refetched = cache.current();
  ASSERT_TRUE(refetched);
  EXPECT_EQ(endpoint.calls, 2);
  EXPECT_NE((*refetched)->find("key-2"), nullptr);
  clock.advance(minutes(59));
  ASSERT_TRUE(cache.current());
  EXPECT_EQ(endpoint.calls, 2);
}

TEST_F(CacheTest, AThousandUnknownKidsWithinTheIntervalCauseExactlyOneFetch) {
  ASSERT_TRUE(cache.current());
  clock.advance(seconds(60));
  for (int i = 0; i < 1000; ++i) {
    const auto keys = cache.refresh_for_unknown_kid("made-up-" + std::to_string(i));
    ASSERT_TRUE(keys);
    EXPECT_NE((*keys)->find("key-1"), nullptr);
  }
  EXPECT_EQ(endpoint.calls, 2);
  clock.advance(seconds(59));
  ASSERT_TRUE(cache.refresh_for_unknown_kid("made-up-again"));
  EXPECT_EQ(endpoint.calls, 2);
  clock.advance(seconds(1));
  for (int i = 0; i < 1000; ++i)
    ASSERT_TRUE(cache.refresh_for_unknown_kid("made-up-" + std::to_string(i)));
  EXPECT_EQ(endpoint.calls, 3);
}

TEST_F(CacheTest, TheFirstFetchAlsoCountsForTheRateLimit) {
  ASSERT_TRUE(cache.current());
  clock.advance(seconds(30));
  ASSERT_TRUE(cache.refresh_for_unknown_kid("key-2"));
  EXPECT_EQ(endpoint.calls, 1);
}

TEST_F(CacheTest, AKnownKidDoesNotCauseAFetch) {
  ASSERT_TRUE(cache.current());
  clock.advance(minutes(5));
  const auto keys = cache.refresh_for_unknown_kid("key-1");
  ASSERT_TRUE(keys);
  EXPECT_EQ(endpoint.calls, 1);
}

TEST_F(CacheTest, AnUnknownKidOnAnEmptyCacheFetchesOnce) {
  const auto keys = cache.refresh_for_unknown_kid("key-1");
  ASSERT_TRUE(keys);
  EXPECT_NE((*keys)->find("key-1"), nullptr);
  EXPECT_EQ(endpoint.calls, 1);
}

TEST_F(CacheTest, AFailedRefreshKeepsTheYoungSet) {
  const auto before = cache.current();
  ASSERT_TRUE(before);
  clock.advance(minutes(2));
  endpoint.failure = make_error(Errc::kUnavailable, "connect refused");
  const auto after = cache.refresh_for_unknown_kid("key-2");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->get(), before->get());
  EXPECT_EQ(endpoint.calls, 2);
  const auto current = cache.current();
  ASSERT_TRUE(current);
  EXPECT_EQ(current->get(), before->get());
}

TEST_F(CacheTest, AFailingProviderIsAskedAtMostOncePerInterval) {
  endpoint.failure = make_error(Errc::kUnavailable, "connect refused");
  for (int i = 0; i < 100; ++i) {
    const auto keys = cache.current();
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().code, Errc::kUnavailable);
    ASSERT_FALSE(cache.refresh_for_unknown_kid("key-1"));
  }
  EXPECT_EQ(endpoint.calls, 1);
  endpoint.failure.reset();
  clock.advance(seconds(60));
  ASSERT_TRUE(cache.current());
  EXPECT_EQ(endpoint.calls, 2);
}

TEST_F(CacheTest, NoStaleKeysWhenTheRefetchAfterMaxAgeFails) {
  ASSERT_TRUE(cache.current());
  clock.advance(hours(1));
  endpoint.failure = make_error(Errc::kUnavailable, "connect refused");
  const auto keys = cache.current();
  ASSERT_FALSE(keys);
  EXPECT_EQ(keys.error().code, Errc::kUnavailable);
  EXPECT_FALSE(cache.refresh_for_unknown_kid("key-1"));
  EXPECT_EQ(endpoint.calls, 2);
}

TEST_F(CacheTest, RefusesAnswersOtherThan200AndDocumentsThatAreNoJwks) {
  endpoint.status = 503;
  auto keys = cache.current();
  ASSERT_FALSE(keys);
  EXPECT_EQ(keys.error().code, Errc::kUnavailable);

  clock.advance(seconds(60));
  endpoint.status = 200;
  endpoint.publish("<html>maintenance</html>");
  keys = cache.current();
  ASSERT_FALSE(keys);
  EXPECT_EQ(keys.error().code, Errc::kInvalidInput);
  EXPECT_EQ(endpoint.calls, 2);
}

TEST_F(CacheTest, ConcurrentCallersShareOneFetch) {
  endpoint.delay = std::chrono::milliseconds(50);
  std::vector<std::thread> threads;
  std::atomic<int> succeeded{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      const auto keys = i % 2 == 0 ? cache.current() : cache.refresh_for_unknown_kid("key-1");
      if (keys && (*keys)->find("key-1") != nullptr) ++succeeded;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(succeeded, 8);
  EXPECT_EQ(endpoint.calls, 1);
}

TEST_F(CacheTest, AClockThatJumpsBackAllowsOneFetch) {
  ASSERT_TRUE(cache.current());
  clock.advance(-minutes(10));
  ASSERT_TRUE(cache.current());
  ASSERT_TRUE(cache.current());
  EXPECT_EQ(endpoint.calls, 2);
}

// --- validate_with_refresh --------------------------------------------------

TEST_F(CacheTest, ValidatesWithTheCachedKeys) {
  const auto claims = validate_with_refresh(token_signed_with(test_keys().old_key.get(), "key-1"),
                                            cache, expectations(), kStart);
  ASSERT_TRUE(claims) << claims.error().detail;
  EXPECT_EQ(claims->subject, "pairwise-sub-1");
  EXPECT_EQ(endpoint.calls, 1);
}

TEST_F(CacheTest, AcceptsARotatedKeyAfterOneRefresh) {
  ASSERT_TRUE(cache.current());
  clock.advance(minutes(5));
  endpoint.publish(test_keys().rotated_set);
  const std::string token = token_signed_with(test_keys().new_key.get(), "key-2");
  const auto claims = validate_with_refresh(token, cache, expectations(), clock.now());
  ASSERT_TRUE(claims) << claims.error().detail;
  EXPECT_EQ(endpoint.calls, 2);
  // The new key is now cached: further tokens signed with it cost no fetch.
  ASSERT_TRUE(validate_with_refresh(token, cache, expectations(), clock.now()));
  EXPECT_EQ(endpoint.calls, 2);
}

TEST_F(CacheTest, RefusesAKidStillUnknownAfterTheRefreshWithoutAnotherFetch) {
  ASSERT_TRUE(cache.current());
  clock.advance(minutes(5));
  const std::string token = token_signed_with(test_keys().new_key.get(), "key-2");
  auto refused = validate_with_refresh(token, cache, expectations(), clock.now());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kForbidden);
  EXPECT_EQ(refused.error().detail, "id_token refused: unknown_kid");
  EXPECT_EQ(endpoint.calls, 2);
  // Within the interval, the same token is refused without asking the provider.
  for (int i = 0; i < 100; ++i)
    ASSERT_FALSE(validate_with_refresh(token, cache, expectations(), clock.now()));
  EXPECT_EQ(endpoint.calls, 2);
}

TEST_F(CacheTest, OtherDefectsCauseNoRefresh) {
  ASSERT_TRUE(cache.current());
  clock.advance(minutes(5));
  const auto refused =
      validate_with_refresh(token_signed_with(test_keys().old_key.get(), "key-1", "another-nonce"),
                            cache, expectations(), clock.now());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().detail, "id_token refused: nonce_mismatch");
  // A token signed by a stranger under a known kid: a bad signature, not a rotation.
  const auto forged = validate_with_refresh(token_signed_with(test_keys().new_key.get(), "key-1"),
                                            cache, expectations(), clock.now());
  ASSERT_FALSE(forged);
  EXPECT_EQ(forged.error().detail, "id_token refused: bad_signature");
  EXPECT_EQ(endpoint.calls, 1);
}

TEST_F(CacheTest, ValidationPassesAnUnavailableJwksThrough) {
  endpoint.failure = make_error(Errc::kUnavailable, "connect refused");
  const auto result = validate_with_refresh(token_signed_with(test_keys().old_key.get(), "key-1"),
                                            cache, expectations(), kStart);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUnavailable);
}

}  // namespace
}  // namespace stafett::auth
