// The stafettlogg use cases against a real database (the backend named by
// STAFETT_TEST_BACKEND), on the demo families and a fixed clock.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/demo_seed.h"
#include "app/log_use_cases.h"
#include "domain/national_id.h"
#include "store/consent_repository.h"
#include "store/log_repository.h"
#include "store/migrations.h"
#include "store/people_repository.h"
#include "support/collecting_trail.h"
#include "support/demo_database.h"

namespace stafett {
namespace {

using domain::LogId;
using domain::PersonId;
using domain::UnitId;
using policy::Actor;
using policy::ActorKind;
using store::Transaction;
using store::TxMode;

// Demo ids in seeding order (src/app/demo_seed.cc).
constexpr PersonId kIngrid{1}, kOle{2}, kSara{3}, kJonas{4}, kAhmed{6}, kHanne{9}, kAmina{12}, kSofie{16};
constexpr UnitId kKindergarten{1}, kSchool{2}, kHealthStation{3};
constexpr LogId kNorasLog{1}, kLeosLog{2}, kSofiesLog{3};

const Actor employee(PersonId p) { return Actor{ActorKind::kEmployee, p}; }
const Actor citizen(PersonId p) { return Actor{ActorKind::kCitizen, p}; }

class LogUseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::demo_database(keys_, clock_);
  }

  std::int64_t count(const char* table) {
    return *store::transact_value<std::int64_t>(*db_, TxMode::kRead, [&](Transaction& tx) -> Result<std::int64_t> {
      auto rows = tx.query(std::string("SELECT COUNT(*) FROM ") + table);
      if (!rows) return rows.error();
      return rows->front().int64(0);
    });
  }

  // A new child with two guardians; returns the child's national id.
  std::string new_family(PersonId& mother, PersonId& father) {
    using namespace std::chrono;
    const std::string nid = domain::make_synthetic_national_id(year_month_day{year{2016}, month{9}, day{9}}, 123);
    auto r = db_->transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
      auto add = [&](const char* given, const std::optional<std::string>& national_id) -> Result<PersonId> {
        store::NewPerson p;
        p.given_name = given;
        p.family_name = "Testvik";
        if (national_id) {
          const auto h = keys_.lookup_hash(*national_id);
          const auto s = keys_.seal(*national_id);
          p.national_id_hash = store::Blob(h.begin(), h.end());
          p.national_id_sealed = store::Blob(s.begin(), s.end());
          p.birth_date = "2016-09-09";
        }
        return store::insert_person(tx, p, clock_.now());
      };
      auto child = add("Mina", nid);
      auto m = add("Randi", std::nullopt);
      auto f = add("Geir", std::nullopt);
      if (!child || !m || !f) return make_error(Errc::kInternal, "insert person");
      mother = *m;
      father = *f;
      for (auto g : {*m, *f}) {
        if (auto pr = store::insert_parental_responsibility(tx, g, *child, clock_.now() - days(3000), std::nullopt,
                                                            clock_.now());
            !pr) {
          return pr.error();
        }
      }
      return {};
    });
    EXPECT_TRUE(r) << (r ? "" : r.error().detail);
    return nid;
  }

  app::ConsentInput school_consent() {
    app::ConsentInput c;
    c.units = {kSchool};
    c.categories = domain::CategorySet::all();
    c.valid_until = clock_.now() + std::chrono::days(180);
    c.info_text_version = "2026-11";
    c.info_text_hash = "test";
    return c;
  }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(9);
  FixedClock clock_{from_unix_ms(1'795'000'000'000)};  // 2026-11-18
  std::unique_ptr<store::Database> db_;
};

TEST_F(LogUseCases, AReadIsRecordedBeforeItIsShownAndNotShownWithoutARecord) {
  testing::CollectingTrail trail;
  auto view = app::show_log(*db_, trail, employee(kIngrid), kNorasLog, clock_, domain::AccessAction::kPrint);
  ASSERT_TRUE(view);
  ASSERT_EQ(trail.records.size(), 1u);
  const auto& r = trail.records.front();
  EXPECT_EQ(r.person, kIngrid);
  EXPECT_EQ(r.log, kNorasLog);
  EXPECT_EQ(r.child, view->log.child);
  EXPECT_EQ(r.action, domain::AccessAction::kPrint);
  EXPECT_EQ(r.basis, domain::AccessBasis::kParticipation);
  EXPECT_EQ(r.unit, kSchool);
  EXPECT_EQ(r.at, clock_.now());
  EXPECT_TRUE(r.consent.has_value());

  EXPECT_FALSE(app::show_log(*db_, trail, citizen(kAmina), kNorasLog, clock_)) << "not her child";
  EXPECT_EQ(trail.records.size(), 1u) << "a refused read is no access";

  trail.refuse = true;
  auto unrecorded = app::show_log(*db_, trail, employee(kIngrid), kNorasLog, clock_);
  ASSERT_FALSE(unrecorded) << "no record, no access";
  EXPECT_EQ(unrecorded.error().code, Errc::kUnavailable);
}

TEST_F(LogUseCases, AnEmployeeCreatesALogWithPaperConsentFromBothGuardians) {
  PersonId mother, father;
  const std::string nid = new_family(mother, father);
  app::CreateLogInput in;
  in.child_national_id = nid;
  in.unit = kSchool;
  in.level = 1;
  in.consent = school_consent();
  in.signed_by_guardians = {mother, father};
  auto out = app::create_log(*db_, testing::test_trail(), keys_, employee(kIngrid), in, clock_);
  ASSERT_TRUE(out) << out.error().detail;
  ASSERT_TRUE(out->log) << (out->errors.empty() ? "" : out->errors.front().message);
  auto view = app::show_log(*db_, testing::test_trail(), employee(kIngrid), *out->log, clock_);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->child_name, "Mina Testvik");
  EXPECT_EQ(view->consents.size(), 2u);
  int holders = 0, guardians = 0;
  for (const auto& p : view->participants) {
    holders += p.is_holder;
    guardians += p.role == domain::ParticipantRole::kGuardian;
  }
  EXPECT_EQ(holders, 1);
  EXPECT_EQ(guardians, 2);
  for (const auto& c : view->consents) {
    EXPECT_EQ(c.consent.method, domain::ConsentMethod::kPaper);
    EXPECT_EQ(c.consent.attested_by, kIngrid);
  }
  EXPECT_TRUE(app::show_log(*db_, testing::test_trail(), citizen(mother), *out->log, clock_));
}

TEST_F(LogUseCases, OneSignatureIsNotEnoughWhenEveryGuardianMustConsent) {
  PersonId mother, father;
  app::CreateLogInput in;
  in.child_national_id = new_family(mother, father);
  in.unit = kSchool;
  in.consent = school_consent();
  in.signed_by_guardians = {mother};
  const auto logs_before = count("log");
  const auto consents_before = count("consent");
  auto out = app::create_log(*db_, testing::test_trail(), keys_, employee(kIngrid), in, clock_);
  ASSERT_TRUE(out);
  EXPECT_FALSE(out->log);
  ASSERT_FALSE(out->errors.empty());
  EXPECT_EQ(out->errors.front().message, "log.error.consent_insufficient");
  EXPECT_EQ(count("log"), logs_before) << "nothing may be written";
  EXPECT_EQ(count("consent"), consents_before);
}

TEST_F(LogUseCases, BadInputGivesFieldErrorsAndWritesNothing) {
  PersonId mother, father;
  const std::string nid = new_family(mother, father);
  const auto logs_before = count("log");
  auto check = [&](app::CreateLogInput in, const std::string& field) {
    auto out = app::create_log(*db_, testing::test_trail(), keys_, employee(kIngrid), in, clock_);
    ASSERT_TRUE(out);
    EXPECT_FALSE(out->log) << field;
    const bool named = std::any_of(out->errors.begin(), out->errors.end(), [&](const auto& e) { return e.field == field; });
    EXPECT_TRUE(named) << "no error for " << field;
  };
  app::CreateLogInput good;
  good.child_national_id = nid;
  good.unit = kSchool;
  good.consent = school_consent();
  good.signed_by_guardians = {mother, father};

  auto bad_id = good;
  bad_id.child_national_id = "12345678901";
  check(bad_id, "national_id");
  auto empty_scope = good;
  empty_scope.consent.units.clear();
  check(empty_scope, "scope");
  auto no_categories = good;
  no_categories.consent.categories = {};
  check(no_categories, "categories");
  auto past = good;
  past.consent.valid_until = clock_.now() - std::chrono::days(1);
  check(past, "valid_until");
  auto wrong_order = good;
  wrong_order.consent.review_at = *good.consent.valid_until + std::chrono::days(10);
  check(wrong_order, "review_at");
  auto level = good;
  level.level = 7;
  check(level, "level");
  auto stranger = good;
  stranger.signed_by_guardians = {kHanne};
  check(stranger, "guardians");
  EXPECT_EQ(count("log"), logs_before);
}

TEST_F(LogUseCases, AnEmployeeCannotCreateALogForAUnitTheyDoNotWorkIn) {
  PersonId mother, father;
  app::CreateLogInput in;
  in.child_national_id = new_family(mother, father);
  in.unit = kKindergarten;
  in.consent = school_consent();
  in.signed_by_guardians = {mother, father};
  auto out = app::create_log(*db_, testing::test_trail(), keys_, employee(kIngrid), in, clock_);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, Errc::kForbidden);
  EXPECT_FALSE(app::create_log(*db_, testing::test_trail(), keys_, citizen(mother), in, clock_)) << "a guardian creates no logs";
}

TEST_F(LogUseCases, TheHolderCannotAddSomeoneOutsideTheConsentsScope) {
  const auto before = count("participant");
  auto nav = app::add_participant(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {UnitId{6}, kAhmed, domain::ParticipantRole::kReader, false}, clock_);
  ASSERT_FALSE(nav);
  EXPECT_EQ(nav.error().code, Errc::kForbidden);
  auto ppt = app::add_participant(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {UnitId{4}, kJonas, domain::ParticipantRole::kReader, false}, clock_);
  EXPECT_FALSE(ppt);
  EXPECT_EQ(count("participant"), before);
  // A contributor is not the holder, even inside the scope.
  EXPECT_FALSE(app::add_participant(*db_, testing::test_trail(), employee(kSara), kNorasLog, {kSchool, kIngrid, domain::ParticipantRole::kReader, false}, clock_));
}

TEST_F(LogUseCases, TheHolderAddsAColleagueInsideTheScopeOnce) {
  PersonId colleague;
  ASSERT_TRUE(db_->transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto p = store::insert_person(tx, {"Vilde", "Testvik", {}, {}, {}}, clock_.now());
    if (!p) return p.error();
    colleague = *p;
    auto e = store::insert_employment(tx, *p, kSchool, "Spesialpedagog", clock_.now() - std::chrono::days(10), {});
    if (!e) return e.error();
    return {};
  }));
  auto added = app::add_participant(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {kSchool, colleague, domain::ParticipantRole::kContributor, false}, clock_);
  ASSERT_TRUE(added) << added.error().detail;
  EXPECT_TRUE(added->empty());
  auto again = app::add_participant(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, {kSchool, colleague, domain::ParticipantRole::kContributor, false}, clock_);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->empty()) << "the same person twice";
  EXPECT_TRUE(app::show_log(*db_, testing::test_trail(), employee(colleague), kNorasLog, clock_));
}

TEST_F(LogUseCases, TwoParallelHandoverAcceptancesEndWithExactlyOneHolder) {
  for (int round = 0; round < 5; ++round) {
    // Sara takes part in Nora's log; Ingrid proposes her as holder.
    std::optional<domain::ParticipantId> sara_part, ingrid_part;
    ASSERT_TRUE(db_->transact(TxMode::kRead, [&](Transaction& tx) -> Result<void> {
      auto s = store::active_participation(tx, kNorasLog, kSara);
      auto i = store::active_participation(tx, kNorasLog, kIngrid);
      if (!s || !i || !*s || !*i) return make_error(Errc::kInternal, "participants");
      sara_part = (*s)->participant.id;
      ingrid_part = (*i)->participant.id;
      return {};
    }));
    const bool ingrid_holds = round % 2 == 0;
    const PersonId from = ingrid_holds ? kIngrid : kSara;
    const PersonId to = ingrid_holds ? kSara : kIngrid;
    ASSERT_TRUE(app::propose_handover(*db_, testing::test_trail(), employee(from), kNorasLog, ingrid_holds ? *sara_part : *ingrid_part, clock_));
    EXPECT_FALSE(app::propose_handover(*db_, testing::test_trail(), employee(from), kNorasLog, ingrid_holds ? *sara_part : *ingrid_part, clock_))
        << "only one pending handover";
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&] {
        if (app::answer_handover(*db_, testing::test_trail(), employee(to), kNorasLog, true, clock_)) ++ok;
      });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(ok.load(), 1) << "round " << round;
    auto holder = store::transact_value<std::optional<domain::ParticipantId>>(
        *db_, TxMode::kRead, [&](Transaction& tx) { return store::holder_of(tx, kNorasLog); });
    ASSERT_TRUE(holder && *holder);
    EXPECT_EQ(**holder, ingrid_holds ? *sara_part : *ingrid_part);
    EXPECT_EQ(count("log_holder"), 3);
  }
  // After the last round Sara holds the log: the old holder can no longer
  // manage it, the new one can.
  EXPECT_FALSE(app::close_log(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, "x", clock_));
  EXPECT_TRUE(app::close_log(*db_, testing::test_trail(), employee(kSara), kNorasLog, "x", clock_));
}

TEST_F(LogUseCases, OnlyTheProposedHolderMayAcceptAndAOutsiderCannotPropose) {
  auto sara = *store::transact_value<std::optional<store::ParticipantRow>>(
      *db_, TxMode::kRead, [&](Transaction& tx) { return store::active_participation(tx, kNorasLog, kSara); });
  EXPECT_FALSE(app::propose_handover(*db_, testing::test_trail(), employee(kSara), kNorasLog, sara->participant.id, clock_)) << "not the holder";
  ASSERT_TRUE(app::propose_handover(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, sara->participant.id, clock_));
  EXPECT_FALSE(app::answer_handover(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, true, clock_)) << "the proposer cannot accept";
  EXPECT_FALSE(app::answer_handover(*db_, testing::test_trail(), citizen(kHanne), kNorasLog, true, clock_));
  ASSERT_TRUE(app::answer_handover(*db_, testing::test_trail(), employee(kSara), kNorasLog, false, clock_)) << "rejecting";
  auto view = app::show_log(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, clock_);
  ASSERT_TRUE(view);
  for (const auto& p : view->participants) {
    if (p.is_holder) {
      EXPECT_EQ(p.name, "Ingrid Fjellstad") << "the old holder stays responsible after a rejection";
    }
  }
}

TEST_F(LogUseCases, WhenTheChildMovesTheLogFollowsToTheNewMunicipality) {
  constexpr UnitId kLauvasenSchool{8};
  constexpr PersonId kErik{10};
  // A teacher at Lauvåsen skule, in the neighbouring municipality.
  PersonId teacher;
  ASSERT_TRUE(db_->transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto p = store::insert_person(tx, {"Arne", "Testvik", {}, {}, {}}, clock_.now());
    if (!p) return p.error();
    teacher = *p;
    auto e = store::insert_employment(tx, *p, kLauvasenSchool, "Kontaktlærer", clock_.now() - std::chrono::days(100), {});
    if (!e) return e.error();
    return {};
  }));
  const app::AddParticipantInput add{kLauvasenSchool, teacher, domain::ParticipantRole::kContributor, false};
  // Nora's consents name units of Fjordvik only: the new school is outside.
  auto refused = app::add_participant(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, add, clock_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kForbidden);
  // Both parents consent to the new school by name.
  app::ConsentInput c = school_consent();
  c.units = {kSchool, kLauvasenSchool};
  ASSERT_TRUE(app::give_consent(*db_, testing::test_trail(), citizen(kHanne), kNorasLog, c, clock_));
  ASSERT_TRUE(app::give_consent(*db_, testing::test_trail(), citizen(kErik), kNorasLog, c, clock_));
  auto added = app::add_participant(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, add, clock_);
  ASSERT_TRUE(added) << added.error().detail;
  ASSERT_TRUE(added->empty());
  auto part = *store::transact_value<std::optional<store::ParticipantRow>>(
      *db_, TxMode::kRead, [&](Transaction& tx) { return store::active_participation(tx, kNorasLog, teacher); });
  ASSERT_TRUE(part);
  ASSERT_TRUE(app::propose_handover(*db_, testing::test_trail(), employee(kIngrid), kNorasLog, part->participant.id, clock_));
  ASSERT_TRUE(app::answer_handover(*db_, testing::test_trail(), employee(teacher), kNorasLog, true, clock_));
  auto log = *store::transact_value<std::optional<store::LogRow>>(
      *db_, TxMode::kRead, [&](Transaction& tx) { return store::find_log(tx, kNorasLog); });
  EXPECT_EQ(log->municipality, domain::MunicipalityId{2}) << "the log now belongs to Lauvåsen";
  EXPECT_EQ(count("log_move"), 1);
  EXPECT_TRUE(app::show_log(*db_, testing::test_trail(), employee(teacher), kNorasLog, clock_));
  EXPECT_TRUE(app::close_log(*db_, testing::test_trail(), employee(teacher), kNorasLog, "flyttet og fulgt opp", clock_)) << "the new holder";
}

TEST_F(LogUseCases, AGuardiansNewConsentSupersedesTheirOldOne) {
  app::ConsentInput c;
  c.units = {kKindergarten, UnitId{4}};
  c.categories.add(domain::InfoCategory::kBasic);
  c.valid_until = clock_.now() + std::chrono::days(90);
  c.info_text_version = "2026-11";
  c.info_text_hash = "test";
  auto errors = app::give_consent(*db_, testing::test_trail(), citizen(kAmina), kLeosLog, c, clock_);
  ASSERT_TRUE(errors) << errors.error().detail;
  EXPECT_TRUE(errors->empty());
  auto view = app::show_log(*db_, testing::test_trail(), citizen(kAmina), kLeosLog, clock_);
  ASSERT_TRUE(view);
  int in_force = 0, superseded = 0;
  for (const auto& cv : view->consents) {
    in_force += cv.in_force;
    superseded += cv.superseded;
  }
  EXPECT_EQ(in_force, 1);
  EXPECT_EQ(superseded, 1);
  EXPECT_EQ(view->consents.size(), 3u) << "withdrawn, superseded and new: nothing deleted";
  // Goals and measures are no longer shared, but the basics still are.
  EXPECT_TRUE(app::show_log(*db_, testing::test_trail(), employee(kOle), kLeosLog, clock_));
  EXPECT_FALSE(app::give_consent(*db_, testing::test_trail(), citizen(kHanne), kLeosLog, c, clock_)) << "not Leo's guardian";
  auto bad = c;
  bad.units.clear();
  auto refused = app::give_consent(*db_, testing::test_trail(), citizen(kAmina), kLeosLog, bad, clock_);
  ASSERT_TRUE(refused);
  EXPECT_FALSE(refused->empty());
}

TEST_F(LogUseCases, TheChildsOwnConsentCountsFromTheConfiguredAge) {
  ASSERT_TRUE(app::show_log(*db_, testing::test_trail(), employee(kSara), kSofiesLog, clock_));
  // The municipality lowers the age at which the child's own consent counts to 14.
  domain::ConsentSettings s;
  s.child_consent_age = 14;
  ASSERT_TRUE(db_->transact(TxMode::kWrite, [&](Transaction& tx) {
    return store::save_municipality_settings(tx, domain::MunicipalityId{1}, s, std::nullopt, clock_.now());
  }));
  EXPECT_FALSE(app::show_log(*db_, testing::test_trail(), employee(kSara), kSofiesLog, clock_)) << "Sofie (14) has not consented herself";
  app::ConsentInput c;
  c.units = {kHealthStation};
  c.categories = domain::CategorySet::all();
  c.valid_until = clock_.now() + std::chrono::days(90);
  c.info_text_version = "2026-11";
  c.info_text_hash = "test";
  auto given = app::give_consent(*db_, testing::test_trail(), citizen(kSofie), kSofiesLog, c, clock_);
  ASSERT_TRUE(given) << given.error().detail;
  EXPECT_TRUE(app::show_log(*db_, testing::test_trail(), employee(kSara), kSofiesLog, clock_));
  EXPECT_FALSE(app::show_log(*db_, testing::test_trail(), employee(kJonas), kSofiesLog, clock_)) << "Sofie shared only with the health station";
}

}  // namespace
}  // namespace stafett
