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

TEST_F(Sessions, AnUnknownOrMalformedTokenIsNoSession) {
  EXPECT_FALSE(live(std::string(64, 'a')));
  EXPECT_FALSE(live("short"));
  EXPECT_FALSE(live(""));
}

}  // namespace
}  // namespace stafett
