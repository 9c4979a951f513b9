// Sessions through the use cases, on the backend named by STAFETT_TEST_BACKEND,
// with a clock the test moves: idle and absolute timeouts, logout, and an
// employment that ends taking the person's live sessions with it.
#include <gtest/gtest.h>

#include "app/demo_seed.h"
#include "app/session_use_cases.h"
#include "crypto/data_keys.h"
#include "store/migrations.h"
#include "store/people_repository.h"
#include "support/demo_database.h"

namespace stafett {
namespace {

using domain::PersonId;
using policy::ActorKind;
using store::Transaction;
using store::TxMode;
using namespace std::chrono_literals;

constexpr PersonId kIngrid{1}, kOle{2}, kHanne{9};

class Sessions : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::demo_database(keys_, clock_);
  }

  std::string log_in(PersonId person, ActorKind kind) {
    auto s = app::start_demo_session(*db_, person, kind, clock_);
    EXPECT_TRUE(s) << (s ? "" : s.error().detail);
    return s ? s->token : std::string();
  }

  bool live(const std::string& token) {
    auto s = app::resume_session(*db_, token, clock_);
    EXPECT_TRUE(s);
    return s && s->has_value();
  }

  // Keeps a session busy (one request a minute) for `span`.
  void keep_busy(const std::string& token, std::chrono::minutes span) {
    for (auto t = 0min; t < span; t += 20min) {
      clock_.advance(20min);
      if (!live(token)) return;
    }
  }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(7);
  FixedClock clock_{from_unix_ms(1'795'000'000'000)};
  std::unique_ptr<store::Database> db_;
};

TEST_F(Sessions, EndAfterThirtyIdleMinutes) {
  const auto token = log_in(kIngrid, ActorKind::kEmployee);
  clock_.advance(29min);
  EXPECT_TRUE(live(token)) << "29 idle minutes";
  clock_.advance(29min);
  EXPECT_TRUE(live(token)) << "each request starts the idle time again";
  clock_.advance(31min);
  EXPECT_FALSE(live(token)) << "31 idle minutes";
  clock_.advance(1min);
  EXPECT_FALSE(live(token)) << "and it stays ended";
}

TEST_F(Sessions, ACitizenSessionLastsAtMostTwoHoursEvenWhenBusy) {
  const auto token = log_in(kHanne, ActorKind::kCitizen);
  keep_busy(token, 100min);
  EXPECT_TRUE(live(token));
  keep_busy(token, 40min);
  EXPECT_FALSE(live(token)) << "past 2 hours";
}

TEST_F(Sessions, AnEmployeeSessionLastsAtMostTwelveHoursEvenWhenBusy) {
  const auto token = log_in(kOle, ActorKind::kEmployee);
  keep_busy(token, 11h + 40min);
  EXPECT_TRUE(live(token));
  keep_busy(token, 40min);
  EXPECT_FALSE(live(token)) << "past 12 hours";
}

TEST_F(Sessions, LoggingOutEndsOnlyThatSession) {
  const auto phone = log_in(kHanne, ActorKind::kCitizen);
  const auto laptop = log_in(kHanne, ActorKind::kCitizen);
  auto info = app::resume_session(*db_, phone, clock_);
  ASSERT_TRUE(info && *info);
  ASSERT_TRUE(app::end_session(*db_, (*info)->id, clock_));
  EXPECT_FALSE(live(phone));
  EXPECT_TRUE(live(laptop));
}

TEST_F(Sessions, WhenTheLastEmploymentEndsEverySessionOfThatPersonEndsAtTheNextRequest) {
  const auto first = log_in(kIngrid, ActorKind::kEmployee);
  const auto second = log_in(kIngrid, ActorKind::kEmployee);
  const auto colleague = log_in(kOle, ActorKind::kEmployee);
  clock_.advance(2min);
  ASSERT_TRUE(live(first));
  auto ended = db_->transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto employments = store::active_employments(tx, kIngrid, clock_.now());
    if (!employments) return employments.error();
    for (const auto& e : *employments) {
      if (auto r = store::end_employment(tx, e.id, clock_.now()); !r) return r;
    }
    return {};
  });
  ASSERT_TRUE(ended);
  clock_.advance(1s);  // the very next request, well inside the idle time
  EXPECT_FALSE(live(first));
  EXPECT_FALSE(live(second));
  EXPECT_TRUE(live(colleague));
  EXPECT_FALSE(app::start_demo_session(*db_, kIngrid, ActorKind::kEmployee, clock_)) << "and no new one";
}

TEST_F(Sessions, TheLimitsAreTheDeploymentsToChoose) {
  const app::SessionLimits strict{10min, 30min, 60min};
  auto s = app::start_demo_session(*db_, kHanne, ActorKind::kCitizen, clock_, strict);
  ASSERT_TRUE(s);
  clock_.advance(9min);
  EXPECT_TRUE(*app::resume_session(*db_, s->token, clock_, strict));
  clock_.advance(11min);
  EXPECT_FALSE(*app::resume_session(*db_, s->token, clock_, strict)) << "10 idle minutes";
  auto t = app::start_demo_session(*db_, kHanne, ActorKind::kCitizen, clock_, strict);
  ASSERT_TRUE(t);
  for (int i = 0; i < 3; ++i) {
    clock_.advance(9min);
    EXPECT_TRUE(*app::resume_session(*db_, t->token, clock_, strict));
  }
  clock_.advance(4min);
  EXPECT_FALSE(*app::resume_session(*db_, t->token, clock_, strict)) << "past 30 minutes since login";
}

TEST_F(Sessions, ALoginIsRecentForTheConfiguredMinutesCountedFromTheProvidersAuthTime) {
  const app::SessionLimits limits{30min, 120min, 720min, 15min};
  const std::string demo = log_in(kHanne, ActorKind::kCitizen);
  clock_.advance(14min);
  auto s = app::resume_session(*db_, demo, clock_, limits);
  ASSERT_TRUE(s && *s);
  EXPECT_TRUE(app::recently_authenticated(**s, clock_.now(), limits));
  clock_.advance(2min);
  s = app::resume_session(*db_, demo, clock_, limits);
  ASSERT_TRUE(s && *s);
  EXPECT_FALSE(app::recently_authenticated(**s, clock_.now(), limits)) << "16 minutes after the demo login";
  // From a provider: the id_token's auth_time counts, not the session's start
  // (a single sign-on session at the provider may be hours old).
  auto sso = app::start_session(*db_, keys_,
                                {kHanne, ActorKind::kCitizen, "https://idp.test", "sid-1", "t.t.t", clock_.now() - 20min},
                                clock_, limits);
  ASSERT_TRUE(sso);
  s = app::resume_session(*db_, sso->token, clock_, limits);
  ASSERT_TRUE(s && *s);
  EXPECT_FALSE(app::recently_authenticated(**s, clock_.now(), limits));
  EXPECT_EQ((*s)->provider_issuer, "https://idp.test");
  // A provider clock ahead of ours never makes a login fresher than now.
  auto ahead = app::start_session(*db_, keys_,
                                  {kHanne, ActorKind::kCitizen, "https://idp.test", "sid-2", "t.t.t", clock_.now() + 1h},
                                  clock_, limits);
  ASSERT_TRUE(ahead);
  clock_.advance(16min);
  s = app::resume_session(*db_, ahead->token, clock_, limits);
  ASSERT_TRUE(s && *s);
  EXPECT_FALSE(app::recently_authenticated(**s, clock_.now(), limits));
}

TEST_F(Sessions, RenewingReplacesTheSessionForTheSamePersonOnly) {
  const app::VerifiedLoginSession hanne{kHanne, ActorKind::kCitizen, "https://idp.test", "sid-1", "t.t.t", {}};
  auto first = app::start_session(*db_, keys_, hanne, clock_);
  ASSERT_TRUE(first);
  auto old = app::resume_session(*db_, first->token, clock_);
  ASSERT_TRUE(old && *old);
  clock_.advance(40min);  // not idle: she was busy, but the login is old
  auto renewed = app::renew_session(*db_, keys_, (*old)->id, hanne, clock_);
  ASSERT_TRUE(renewed && *renewed);
  EXPECT_NE((*renewed)->token, first->token);
  EXPECT_NE((*renewed)->info.csrf_token, (*old)->csrf_token);
  EXPECT_FALSE(live(first->token)) << "the old session ended";
  auto now_live = app::resume_session(*db_, (*renewed)->token, clock_);
  ASSERT_TRUE(now_live && *now_live);
  EXPECT_TRUE(app::recently_authenticated(**now_live, clock_.now(), {}));
  // The ended one cannot be renewed again.
  auto again = app::renew_session(*db_, keys_, (*old)->id, hanne, clock_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::kNotFound);

  // Someone else answers the renewal (a shared computer): nobody is logged in.
  const app::VerifiedLoginSession erik{PersonId{10}, ActorKind::kCitizen, "https://idp.test", "sid-9", "t.t.t", {}};
  auto by_other = app::renew_session(*db_, keys_, (*now_live)->id, erik, clock_);
  ASSERT_TRUE(by_other);
  EXPECT_FALSE(*by_other);
  EXPECT_FALSE(live((*renewed)->token)) << "the session that asked ended too";
  // The same person as another kind of actor is someone else as well.
  auto ingrid = app::start_demo_session(*db_, kIngrid, ActorKind::kEmployee, clock_);
  ASSERT_TRUE(ingrid);
  auto ingrid_live = app::resume_session(*db_, ingrid->token, clock_);
  ASSERT_TRUE(ingrid_live && *ingrid_live);
  auto as_citizen = app::renew_session(
      *db_, keys_, (*ingrid_live)->id, {kIngrid, ActorKind::kCitizen, "https://idp.test", "s", "t.t.t", {}}, clock_);
  ASSERT_TRUE(as_citizen);
  EXPECT_FALSE(*as_citizen);
}

TEST_F(Sessions, ADemoSessionRenewsByConfirmingAndAProviderSessionCannot) {
  const std::string demo = log_in(kOle, ActorKind::kEmployee);
  auto old = app::resume_session(*db_, demo, clock_);
  ASSERT_TRUE(old && *old);
  auto renewed = app::renew_demo_session(*db_, (*old)->id, clock_);
  ASSERT_TRUE(renewed);
  EXPECT_FALSE(live(demo));
  EXPECT_TRUE(live(renewed->token));
  EXPECT_EQ(renewed->info.actor.person, kOle);
  EXPECT_EQ(renewed->info.actor.kind, ActorKind::kEmployee);

  auto provider = app::start_session(*db_, keys_, {kHanne, ActorKind::kCitizen, "https://idp.test", "s", "t.t.t", {}}, clock_);
  ASSERT_TRUE(provider);
  auto p = app::resume_session(*db_, provider->token, clock_);
  ASSERT_TRUE(p && *p);
  auto refused = app::renew_demo_session(*db_, (*p)->id, clock_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kForbidden);
  EXPECT_TRUE(live(provider->token)) << "a refused renewal ends nothing";
}

TEST_F(Sessions, AnUnknownOrMalformedTokenIsNoSession) {
  EXPECT_FALSE(live(std::string(64, 'a')));
  EXPECT_FALSE(live("short"));
  EXPECT_FALSE(live(""));
}

}  // namespace
}  // namespace stafett
