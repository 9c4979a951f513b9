// Logins in progress (app/login_attempts.h) and sessions from an identity
// provider (start_session, provider_logout_hint, end_provider_sessions), on
// the backend named by STAFETT_TEST_BACKEND, with a clock the test moves.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/login_attempts.h"
#include "app/session_use_cases.h"
#include "crypto/data_keys.h"
#include "support/demo_database.h"

namespace stafett {
namespace {

using domain::PersonId;
using policy::ActorKind;
using namespace std::chrono_literals;

constexpr PersonId kIngrid{1}, kTone{7}, kHanne{9};
const std::string kState = "state-0123456789abcdefghijklmnopqrstuvwxyz";
const std::string kBrowser = "browser-0123456789abcdefghijklmnopqrstuvwxyz";
const std::string kIssuer = "https://idporten.example";

class LoginAttempts : public ::testing::Test {
 protected:
  void SetUp() override { db_ = testing::demo_database(keys_, clock_); }

  void begin(const std::string& state = kState, const std::string& browser = kBrowser) {
    auto r = app::begin_login(*db_, state, browser, {ActorKind::kCitizen, "the-nonce", "the-verifier", "/logger", {}, {}}, clock_);
    ASSERT_TRUE(r) << r.error().detail;
  }
  std::optional<app::LoginAttempt> finish(const std::string& state = kState, const std::string& browser = kBrowser) {
    auto r = app::finish_login(*db_, state, browser, clock_);
    EXPECT_TRUE(r);
    return r ? *r : std::nullopt;
  }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(7);
  FixedClock clock_{from_unix_ms(1'795'000'000'000)};
  std::unique_ptr<store::Database> db_;
};

TEST_F(LoginAttempts, AreHandedOutOnceWithWhatTheAnswerMustMatch) {
  begin();
  auto attempt = finish();
  ASSERT_TRUE(attempt);
  EXPECT_EQ(attempt->kind, ActorKind::kCitizen);
  EXPECT_EQ(attempt->nonce, "the-nonce");
  EXPECT_EQ(attempt->code_verifier, "the-verifier");
  EXPECT_EQ(attempt->return_path, "/logger");
  EXPECT_FALSE(finish()) << "single use";
}

TEST_F(LoginAttempts, AnUnknownStateGivesNothing) {
  begin();
  EXPECT_FALSE(finish("state-unknown-0123456789abcdefghijklmnop"));
  EXPECT_FALSE(finish(""));
  EXPECT_TRUE(finish()) << "the real one is untouched";
}

TEST_F(LoginAttempts, OnlyTheBrowserThatStartedMayFinishAndATryBurnsIt) {
  begin();
  EXPECT_FALSE(finish(kState, "another-browser-0123456789abcdefghijklmnop"));
  EXPECT_FALSE(finish()) << "tried once by the wrong browser: gone";
}

TEST_F(LoginAttempts, AfterALoginThePreLoginCookieIsWorthNothing) {
  begin();
  begin("state-other-tab-0123456789abcdefghijklmnopqrstu");
  begin("state-other-browser-0123456789abcdefghijklmnopq", "other-browser-0123456789abcdefghijklmnopqrs");
  EXPECT_TRUE(finish());
  EXPECT_FALSE(finish("state-other-tab-0123456789abcdefghijklmnopqrstu"));
  EXPECT_TRUE(finish("state-other-browser-0123456789abcdefghijklmnopq", "other-browser-0123456789abcdefghijklmnopqrs"));
}

TEST_F(LoginAttempts, ExpireAfterTenMinutes) {
  begin();
  begin("state-two-0123456789abcdefghijklmnopqrstuvwxyz", "browser-two-0123456789abcdefghijklmnopqrstuvw");
  clock_.advance(9min);
  EXPECT_TRUE(finish());
  clock_.advance(1min);
  EXPECT_FALSE(finish("state-two-0123456789abcdefghijklmnopqrstuvwxyz", "browser-two-0123456789abcdefghijklmnopqrstuvw"));
}

TEST_F(LoginAttempts, RefuseWeakStateOrBrowserTokens) {
  EXPECT_FALSE(app::begin_login(*db_, "short", kBrowser, {ActorKind::kCitizen, "n", "v", "/", {}, {}}, clock_));
  EXPECT_FALSE(app::begin_login(*db_, kState, "short", {ActorKind::kCitizen, "n", "v", "/", {}, {}}, clock_));
}

TEST_F(LoginAttempts, ConcurrentFinishesGiveTheAttemptToExactlyOne) {
  begin();
  std::atomic<int> got{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto r = app::finish_login(*db_, kState, kBrowser, clock_);
      if (r && *r) ++got;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(got.load(), 1);
}

TEST_F(LoginAttempts, ProviderSessionsKeepTheHintAndEndBySid) {
  auto a = app::start_session(*db_, keys_, {kHanne, ActorKind::kCitizen, kIssuer, "sid-1", "id.token.one", {}}, clock_);
  auto b = app::start_session(*db_, keys_, {kHanne, ActorKind::kCitizen, kIssuer, "sid-1", "id.token.two", {}}, clock_);
  auto c = app::start_session(*db_, keys_, {kHanne, ActorKind::kCitizen, kIssuer, "sid-2", "id.token.three", {}}, clock_);
  ASSERT_TRUE(a && b && c);
  EXPECT_NE(a->token, b->token);
  auto live_a = app::resume_session(*db_, a->token, clock_);
  ASSERT_TRUE(live_a && *live_a);
  auto hint = app::provider_logout_hint(*db_, keys_, (*live_a)->id);
  ASSERT_TRUE(hint && *hint);
  EXPECT_EQ((*hint)->issuer, kIssuer);
  EXPECT_EQ((*hint)->id_token, "id.token.one");
  // At rest it is sealed: the token (which carries the national identity
  // number) is not in the database in clear.
  auto stored = store::transact_value<std::string>(*db_, store::TxMode::kRead, [&](store::Transaction& tx) -> Result<std::string> {
    auto rows = tx.query("SELECT COALESCE(id_token, '') FROM session");
    if (!rows) return rows.error();
    std::string all;
    for (const auto& r : *rows) all += r.text(0);
    return all;
  });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->find("id.token"), std::string::npos);

  EXPECT_EQ(*app::end_provider_sessions(*db_, "https://other.example", "sid-1", clock_), 0) << "wrong issuer";
  EXPECT_EQ(*app::end_provider_sessions(*db_, kIssuer, "sid-unknown", clock_), 0);
  EXPECT_EQ(*app::end_provider_sessions(*db_, kIssuer, "", clock_), 0);
  EXPECT_TRUE(*app::resume_session(*db_, a->token, clock_));
  EXPECT_EQ(*app::end_provider_sessions(*db_, kIssuer, "sid-1", clock_), 2);
  EXPECT_FALSE(*app::resume_session(*db_, a->token, clock_));
  EXPECT_FALSE(*app::resume_session(*db_, b->token, clock_));
  EXPECT_TRUE(*app::resume_session(*db_, c->token, clock_)) << "another provider session stays";
}

TEST_F(LoginAttempts, DemoSessionsHaveNoProviderHint) {
  auto s = app::start_demo_session(*db_, kHanne, ActorKind::kCitizen, clock_);
  ASSERT_TRUE(s);
  auto live = app::resume_session(*db_, s->token, clock_);
  ASSERT_TRUE(live && *live);
  auto hint = app::provider_logout_hint(*db_, keys_, (*live)->id);
  ASSERT_TRUE(hint);
  EXPECT_FALSE(*hint);
}

TEST_F(LoginAttempts, ProviderSessionsNeedAnActiveEmploymentForEmployees) {
  EXPECT_TRUE(app::start_session(*db_, keys_, {kIngrid, ActorKind::kEmployee, kIssuer, "sid", "t.t.t", {}}, clock_));
  auto tone = app::start_session(*db_, keys_, {kTone, ActorKind::kEmployee, kIssuer, "sid", "t.t.t", {}}, clock_);
  ASSERT_FALSE(tone);
  EXPECT_EQ(tone.error().code, Errc::kForbidden);
}

}  // namespace
}  // namespace stafett
