// Which person a verified login is (app/login_identity.h), on the backend
// named by STAFETT_TEST_BACKEND: citizens by their national identity number,
// employees by the provider's stable subject and only with an employment.
#include <gtest/gtest.h>

#include "app/demo_seed.h"
#include "app/login_identity.h"
#include "domain/national_id.h"
#include "store/identity_repository.h"
#include "store/migrations.h"
#include "store/people_repository.h"
#include "support/demo_database.h"

namespace stafett {
namespace {

using app::LoginRefusal;
using domain::PersonId;
using store::Transaction;
using store::TxMode;

constexpr PersonId kIngrid{1}, kTone{7};
constexpr PersonId kIben{18};
constexpr const char* kEntra = "https://login.microsoftonline.example/tenant-fjordvik/v2.0";
constexpr const char* kTenant = "0b7e1d2c-0000-4000-8000-000000009901";

class LoginIdentity : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::demo_database(keys_, clock_);
    auto r = db_->transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
      if (auto i = store::insert_employee_identity(tx, kEntra, app::entra_subject(kTenant, "oid-ingrid"), kIngrid,
                                                   clock_.now());
          !i) {
        return i;
      }
      return store::insert_employee_identity(tx, kEntra, app::entra_subject(kTenant, "oid-tone"), kTone, clock_.now());
    });
    ASSERT_TRUE(r) << r.error().detail;
  }

  app::LoginIdentity employee(const std::string& tenant, const std::string& oid) {
    auto r = app::identify_employee(*db_, {kEntra, app::entra_subject(tenant, oid), tenant, {kTenant}}, clock_);
    EXPECT_TRUE(r);
    return r ? *r : app::LoginIdentity{};
  }
  app::LoginIdentity citizen(const std::optional<std::string>& pid) {
    auto r = app::identify_citizen(*db_, keys_, pid);
    EXPECT_TRUE(r);
    return r ? *r : app::LoginIdentity{};
  }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(9);
  FixedClock clock_{from_unix_ms(1'795'000'000'000)};
  std::unique_ptr<store::Database> db_;
};

TEST_F(LoginIdentity, ACitizenIsFoundByTheirNationalIdentityNumberOnly) {
  const auto iben = citizen(std::string(app::kDemoChildWithoutLog));
  EXPECT_EQ(iben.refusal, LoginRefusal::kNone);
  EXPECT_EQ(iben.person, kIben);
  EXPECT_EQ(citizen(std::nullopt).refusal, LoginRefusal::kNoNationalId) << "a login without pid";
  EXPECT_EQ(citizen("15881950063").refusal, LoginRefusal::kNoNationalId) << "a wrong check digit";
  EXPECT_EQ(citizen("").refusal, LoginRefusal::kNoNationalId);
  using namespace std::chrono;
  const auto stranger = domain::make_synthetic_national_id(year_month_day{year{1990}, month{3}, day{4}}, 500);
  const auto nobody = citizen(stranger);
  EXPECT_EQ(nobody.refusal, LoginRefusal::kUnknownPerson) << "a real login with nothing to show";
  EXPECT_FALSE(nobody.person);
}

TEST_F(LoginIdentity, AnEmployeeIsFoundByTenantAndObjectIdAndOnlyWithAnActiveEmployment) {
  const auto ingrid = employee(kTenant, "oid-ingrid");
  EXPECT_EQ(ingrid.refusal, LoginRefusal::kNone);
  EXPECT_EQ(ingrid.person, kIngrid);
  EXPECT_EQ(employee(kTenant, "oid-tone").refusal, LoginRefusal::kNoActiveEmployment) << "her employment has ended";
  EXPECT_EQ(employee(kTenant, "oid-unknown").refusal, LoginRefusal::kUnknownEmployee);
  EXPECT_EQ(employee("another-tenant", "oid-ingrid").refusal, LoginRefusal::kTenantNotAllowed);
  // The same object id under another issuer is someone else.
  auto other = app::identify_employee(*db_, {"https://other.example", app::entra_subject(kTenant, "oid-ingrid"),
                                             std::string(kTenant), {kTenant}},
                                      clock_);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->refusal, LoginRefusal::kUnknownEmployee);
  // An empty allow-list allows no tenant at all.
  auto none = app::identify_employee(*db_, {kEntra, app::entra_subject(kTenant, "oid-ingrid"), std::string(kTenant), {}},
                                     clock_);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->refusal, LoginRefusal::kTenantNotAllowed);
}

TEST_F(LoginIdentity, OneSubjectNamesOnePerson) {
  auto twice = db_->transact(TxMode::kWrite, [&](Transaction& tx) {
    return store::insert_employee_identity(tx, kEntra, app::entra_subject(kTenant, "oid-ingrid"), kTone, clock_.now());
  });
  EXPECT_FALSE(twice) << "a subject cannot be moved to another person by inserting it again";
  EXPECT_EQ(employee(kTenant, "oid-ingrid").person, kIngrid);
}

}  // namespace
}  // namespace stafett
