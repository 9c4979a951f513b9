// Linking employees' provider accounts to people (app/employee_identities.h),
// on the backend named by STAFETT_TEST_BACKEND: the allowed link, every
// refusal with nothing written, listing, and removal ending the person's live
// sessions from that provider.
#include <gtest/gtest.h>

#include "app/employee_identities.h"
#include "app/login_identity.h"
#include "app/session_use_cases.h"
#include "store/identity_repository.h"
#include "support/demo_database.h"

namespace stafett {
namespace {

using app::IdentityRefusal;
using domain::PersonId;
using store::Transaction;
using store::TxMode;

constexpr PersonId kIngrid{1}, kSara{3}, kTone{7}, kHanne{9}, kIben{18};
constexpr const char* kTenant = "422120d7-e75c-4fe9-bd95-aafc1e39881d";
constexpr const char* kOtherTenant = "b19740e5-6cd7-433d-853c-6c104bef991a";
constexpr const char* kEntra = "https://login.microsoftonline.com/422120d7-e75c-4fe9-bd95-aafc1e39881d/v2.0";
constexpr const char* kIdporten = "https://test.idporten.no";
constexpr const char* kIngridOid = "d16930b1-dc17-45ac-80a8-69a8b01558cf";
constexpr const char* kSaraOid = "54747265-89d5-4933-ab08-59ca64d5d494";

std::string subject(const std::string& oid) { return app::entra_subject(kTenant, oid); }

class EmployeeIdentities : public ::testing::Test {
 protected:
  void SetUp() override { db_ = testing::demo_database(keys_, clock_); }

  app::IdentityAdded add(const std::string& issuer, const std::string& sub, PersonId person, bool force = false,
                         const app::ConfiguredIssuers& issuers = {kEntra, kIdporten}) {
    auto r = app::add_employee_identity(*db_, {issuer, sub, person, force}, issuers, clock_);
    EXPECT_TRUE(r) << (r ? "" : r.error().detail);
    return r ? *r : app::IdentityAdded{};
  }

  std::vector<store::EmployeeIdentityRow> rows() {
    auto r = store::transact_value<std::vector<store::EmployeeIdentityRow>>(
        *db_, TxMode::kRead, [](Transaction& tx) { return store::list_employee_identities(tx, std::nullopt); });
    EXPECT_TRUE(r);
    return r ? *r : std::vector<store::EmployeeIdentityRow>{};
  }

  std::optional<PersonId> logs_in_as(const std::string& issuer, const std::string& sub) {
    auto r = app::identify_employee(*db_, {issuer, sub, std::string(kTenant), {kTenant}}, clock_);
    EXPECT_TRUE(r);
    return r ? r->person : std::nullopt;
  }

  std::string session(PersonId person, const std::string& issuer, policy::ActorKind kind) {
    auto s = app::start_session(*db_, keys_, {person, kind, issuer, "sid-1", "header.payload.signature", {}}, clock_);
    EXPECT_TRUE(s) << (s ? "" : s.error().detail);
    return s ? s->token : std::string();
  }

  bool live(const std::string& token) {
    auto s = app::resume_session(*db_, token, clock_);
    EXPECT_TRUE(s);
    return s && s->has_value();
  }

  const crypto::DataKeys keys_ = crypto::DataKeys::for_testing(11);
  FixedClock clock_{from_unix_ms(1'795'000'000'000)};
  std::unique_ptr<store::Database> db_;
};

TEST_F(EmployeeIdentities, AnEmployeeLinkedByTenantAndObjectIdCanLogIn) {
  EXPECT_FALSE(logs_in_as(kEntra, subject(kIngridOid))) << "not linked yet";
  const auto added = add(kEntra, subject(kIngridOid), kIngrid);
  ASSERT_EQ(added.refusal, IdentityRefusal::kNone);
  EXPECT_FALSE(added.already_linked);
  ASSERT_TRUE(added.identity);
  EXPECT_EQ(added.identity->person, kIngrid);
  EXPECT_EQ(added.identity->person_name, "Ingrid Fjellstad");
  EXPECT_EQ(added.identity->created, clock_.now());
  EXPECT_EQ(logs_in_as(kEntra, subject(kIngridOid)), kIngrid);
  ASSERT_EQ(rows().size(), 1u);
  EXPECT_EQ(rows()[0].subject, subject(kIngridOid));
}

TEST_F(EmployeeIdentities, TheSameLinkAgainWritesNothing) {
  ASSERT_EQ(add(kEntra, subject(kIngridOid), kIngrid).refusal, IdentityRefusal::kNone);
  const auto created = clock_.now();
  clock_.advance(std::chrono::hours(1));
  const auto again = add(kEntra, subject(kIngridOid), kIngrid);
  EXPECT_EQ(again.refusal, IdentityRefusal::kNone);
  EXPECT_TRUE(again.already_linked);
  ASSERT_EQ(rows().size(), 1u);
  EXPECT_EQ(rows()[0].created, created) << "the first link stays as it was";
}

TEST_F(EmployeeIdentities, AnEmployeeWhoseEmploymentEndedMayBeLinkedButStillCannotLogIn) {
  // Linking ahead (a returning employee) is allowed; rights come from employments only.
  ASSERT_EQ(add(kEntra, subject("617fad70-620b-4d68-a1ff-cf1caa5dbe16"), kTone).refusal, IdentityRefusal::kNone);
  auto login = app::identify_employee(
      *db_, {kEntra, subject("617fad70-620b-4d68-a1ff-cf1caa5dbe16"), std::string(kTenant), {kTenant}}, clock_);
  ASSERT_TRUE(login);
  EXPECT_EQ(login->refusal, app::LoginRefusal::kNoActiveEmployment);
}

TEST_F(EmployeeIdentities, EveryRefusalWritesNothing) {
  ASSERT_EQ(add(kEntra, subject(kIngridOid), kIngrid).refusal, IdentityRefusal::kNone);
  struct Case {
    const char* why;
    std::string issuer;
    std::string subject;
    PersonId person;
    bool force;
    app::ConfiguredIssuers issuers;
    IdentityRefusal expected;
  };
  const app::ConfiguredIssuers configured{kEntra, kIdporten};
  const std::string other = "https://idp.fjordvik.example/employees";
  const Case cases[] = {
      {"plain http", "http://login.microsoftonline.com/x/v2.0", "a:b", kSara, true, configured,
       IdentityRefusal::kBadIssuer},
      {"empty issuer", "", "a:b", kSara, true, configured, IdentityRefusal::kBadIssuer},
      {"over-long issuer", "https://" + std::string(app::kMaxIssuerLength, 'a'), "a", kSara, true, configured,
       IdentityRefusal::kBadIssuer},
      {"Entra issuer without a tenant id", "https://login.microsoftonline.com/common/v2.0", "common:x", kSara, true,
       configured, IdentityRefusal::kBadIssuer},
      {"the citizen provider, even forced", kIdporten, "sara", kSara, true, configured,
       IdentityRefusal::kCitizenIssuer},
      {"another issuer, not forced", other, "sara", kSara, false, configured, IdentityRefusal::kIssuerNotConfigured},
      {"no employee provider configured, not forced", kEntra, subject(kSaraOid), kSara, false, {},
       IdentityRefusal::kIssuerNotConfigured},
      {"empty subject", kEntra, "", kSara, false, configured, IdentityRefusal::kBadSubject},
      {"over-long subject", other, std::string(app::kMaxSubjectLength + 1, 'a'), kSara, true, configured,
       IdentityRefusal::kBadSubject},
      {"a space", other, "sara holmvik", kSara, true, configured, IdentityRefusal::kBadSubject},
      {"a trailing newline", kEntra, subject(kSaraOid) + "\n", kSara, false, configured, IdentityRefusal::kBadSubject},
      {"non-ASCII", other, "s\xc3\xa5ra", kSara, true, configured, IdentityRefusal::kBadSubject},
      {"e-mail for Entra", kEntra, "sara.holmvik@fjordvik.kommune.no", kSara, false, configured,
       IdentityRefusal::kSubjectNotOfTenant},
      {"object id alone", kEntra, kSaraOid, kSara, false, configured, IdentityRefusal::kSubjectNotOfTenant},
      {"another tenant", kEntra, app::entra_subject(kOtherTenant, kSaraOid), kSara, false, configured,
       IdentityRefusal::kSubjectNotOfTenant},
      {"uppercase object id", kEntra, subject("54747265-89D5-4933-AB08-59CA64D5D494"), kSara, false, configured,
       IdentityRefusal::kSubjectNotOfTenant},
      {"object id not a GUID", kEntra, subject("sara"), kSara, false, configured,
       IdentityRefusal::kSubjectNotOfTenant},
      {"unknown person", kEntra, subject(kSaraOid), PersonId{9999}, false, configured,
       IdentityRefusal::kUnknownPerson},
      {"a guardian", kEntra, subject(kSaraOid), kHanne, false, configured, IdentityRefusal::kNotAnEmployee},
      {"a child", kEntra, subject(kSaraOid), kIben, false, configured, IdentityRefusal::kNotAnEmployee},
      {"Ingrid's account for Sara", kEntra, subject(kIngridOid), kSara, false, configured,
       IdentityRefusal::kLinkedToSomeoneElse},
  };
  for (const Case& c : cases) {
    const auto added = add(c.issuer, c.subject, c.person, c.force, c.issuers);
    EXPECT_EQ(added.refusal, c.expected) << c.why << ": " << app::identity_refusal_name(added.refusal);
    EXPECT_FALSE(added.identity) << c.why;
  }
  const auto after = rows();
  ASSERT_EQ(after.size(), 1u) << "only the first link";
  EXPECT_EQ(after[0].person, kIngrid);
  EXPECT_EQ(logs_in_as(kEntra, subject(kIngridOid)), kIngrid) << "the refused attempt did not move Ingrid's account";
}

TEST_F(EmployeeIdentities, ForceIssuerAcceptsAnotherHttpsIssuer) {
  const std::string other = "https://idp.fjordvik.example/employees";
  EXPECT_EQ(add(other, "sara-holmvik-7", kSara, true).refusal, IdentityRefusal::kNone);
  EXPECT_EQ(add(kEntra, subject(kSaraOid), kSara, true, {}).refusal, IdentityRefusal::kNone)
      << "before any employee provider is configured";
  EXPECT_EQ(rows().size(), 2u);
}

TEST_F(EmployeeIdentities, ListShowsEveryLinkOrOnePersons) {
  ASSERT_EQ(add(kEntra, subject(kSaraOid), kSara).refusal, IdentityRefusal::kNone);
  ASSERT_EQ(add(kEntra, subject(kIngridOid), kIngrid).refusal, IdentityRefusal::kNone);
  auto all = app::list_employee_identities(*db_, std::nullopt);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].person, kIngrid) << "by person";
  EXPECT_EQ((*all)[0].person_name, "Ingrid Fjellstad");
  EXPECT_EQ((*all)[1].person_name, "Sara Holmvik");
  EXPECT_EQ((*all)[1].issuer, kEntra);
  EXPECT_EQ((*all)[1].subject, subject(kSaraOid));
  auto sara = app::list_employee_identities(*db_, kSara);
  ASSERT_TRUE(sara);
  ASSERT_EQ(sara->size(), 1u);
  EXPECT_EQ((*sara)[0].person, kSara);
  auto hanne = app::list_employee_identities(*db_, kHanne);
  ASSERT_TRUE(hanne);
  EXPECT_TRUE(hanne->empty());
  auto nobody = app::list_employee_identities(*db_, PersonId{9999});
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().code, Errc::kNotFound);
}

TEST_F(EmployeeIdentities, RemovingALinkEndsThePersonsLiveSessionsFromThatIssuerOnly) {
  const std::string other = "https://idp.fjordvik.example/employees";
  ASSERT_EQ(add(kEntra, subject(kIngridOid), kIngrid).refusal, IdentityRefusal::kNone);
  ASSERT_EQ(add(kEntra, subject(kSaraOid), kSara).refusal, IdentityRefusal::kNone);
  const auto ingrid_1 = session(kIngrid, kEntra, policy::ActorKind::kEmployee);
  const auto ingrid_2 = session(kIngrid, kEntra, policy::ActorKind::kEmployee);
  const auto ingrid_elsewhere = session(kIngrid, other, policy::ActorKind::kEmployee);
  const auto sara = session(kSara, kEntra, policy::ActorKind::kEmployee);
  auto demo = app::start_demo_session(*db_, kIngrid, policy::ActorKind::kEmployee, clock_);
  ASSERT_TRUE(demo);
  ASSERT_TRUE(live(ingrid_1) && live(ingrid_2));

  clock_.advance(std::chrono::minutes(5));
  auto removed = app::remove_employee_identity(*db_, kEntra, subject(kIngridOid), clock_);
  ASSERT_TRUE(removed) << removed.error().detail;
  EXPECT_EQ(removed->refusal, IdentityRefusal::kNone);
  ASSERT_TRUE(removed->identity);
  EXPECT_EQ(removed->identity->person, kIngrid);
  EXPECT_EQ(removed->identity->person_name, "Ingrid Fjellstad");
  EXPECT_EQ(removed->identity->subject, subject(kIngridOid));
  EXPECT_EQ(removed->sessions_ended, 2);

  EXPECT_FALSE(live(ingrid_1)) << "her session from that provider is gone";
  EXPECT_FALSE(live(ingrid_2));
  EXPECT_TRUE(live(ingrid_elsewhere)) << "another provider's session is not this link's";
  EXPECT_TRUE(live(sara)) << "another person's session from the same provider";
  EXPECT_TRUE(live(demo->token));
  EXPECT_FALSE(logs_in_as(kEntra, subject(kIngridOid))) << "the account no longer finds her";
  EXPECT_EQ(logs_in_as(kEntra, subject(kSaraOid)), kSara);
  ASSERT_EQ(rows().size(), 1u);
}

TEST_F(EmployeeIdentities, RemovingALinkThatDoesNotExistChangesNothing) {
  ASSERT_EQ(add(kEntra, subject(kIngridOid), kIngrid).refusal, IdentityRefusal::kNone);
  const auto token = session(kIngrid, kEntra, policy::ActorKind::kEmployee);
  for (const auto& [issuer, sub] : {std::pair<std::string, std::string>{kEntra, subject(kSaraOid)},
                                    {kIdporten, subject(kIngridOid)},
                                    {kEntra, subject(kIngridOid) + " "}}) {
    auto removed = app::remove_employee_identity(*db_, issuer, sub, clock_);
    ASSERT_TRUE(removed);
    EXPECT_EQ(removed->refusal, IdentityRefusal::kNotLinked);
    EXPECT_FALSE(removed->identity);
    EXPECT_EQ(removed->sessions_ended, 0);
  }
  EXPECT_EQ(rows().size(), 1u);
  EXPECT_TRUE(live(token));
}

}  // namespace
}  // namespace stafett
