// The canonical form of an access record: deterministic, complete,
// unambiguous, and the same bytes the hash chain will cover forever.
#include "domain/access_record.h"

#include <gtest/gtest.h>

namespace stafett::domain {
namespace {

AccessRecord sample() {
  AccessRecord r;
  r.person = PersonId{3};
  r.role = "contributor";
  r.unit = UnitId{3};
  r.service = "health_station";
  r.basis = AccessBasis::kParticipation;
  r.consent = 12;
  r.at = from_unix_ms(1'795'000'000'123);
  r.child = PersonId{11};
  r.log = LogId{1};
  r.record_kind = EntryKind::kNote;
  r.record = EntryId{40};
  r.action = AccessAction::kView;
  r.session_hash = "ab12";
  r.identity_provider = "https://idporten.example";
  r.assurance = "idporten-loa-high";
  return r;
}

TEST(AccessRecord, TheCanonicalFormIsFixed) {
  // A change here changes every hash in every deployed chain: it needs a new
  // version ("v") and a migration of the verifier, never an edit.
  EXPECT_EQ(canonical(sample()),
            R"({"v":1,"person":3,"role":"contributor","unit":3,"service":"health_station","basis":"participation",)"
            R"("consent":12,"break_glass":"","at_ms":1795000000123,"child":11,"log":1,"kind":"note","record":40,)"
            R"("action":"view","session":"ab12","idp":"https://idporten.example","acr":"idporten-loa-high"})");
}

TEST(AccessRecord, AChangeWithAContentFingerprintIsFormat2WithContentLast) {
  AccessRecord r = sample();
  r.action = AccessAction::kCorrect;
  r.content = "0f1e";
  EXPECT_EQ(canonical(r),
            R"({"v":2,"person":3,"role":"contributor","unit":3,"service":"health_station","basis":"participation",)"
            R"("consent":12,"break_glass":"","at_ms":1795000000123,"child":11,"log":1,"kind":"note","record":40,)"
            R"("action":"correct","session":"ab12","idp":"https://idporten.example","acr":"idporten-loa-high",)"
            R"("content":"0f1e"})");
  AccessRecord other = r;
  other.content = "0f1f";
  EXPECT_NE(canonical(other), canonical(r)) << "the fingerprint is covered by the chain";
}

TEST(AccessRecord, AbsentValuesAreNullAndEveryFieldCounts) {
  AccessRecord r = sample();
  r.unit.reset();
  r.consent.reset();
  r.record_kind.reset();
  r.record.reset();
  const auto text = canonical(r);
  EXPECT_NE(text.find(R"("unit":null)"), std::string::npos);
  EXPECT_NE(text.find(R"("kind":null,"record":null)"), std::string::npos);
  AccessRecord other = sample();
  other.action = AccessAction::kPrint;
  EXPECT_NE(canonical(other), canonical(sample()));
  other = sample();
  other.at += std::chrono::milliseconds(1);
  EXPECT_NE(canonical(other), canonical(sample()));
}

TEST(AccessRecord, StringsCannotForgeOtherFields) {
  AccessRecord r = sample();
  r.role = R"(x","person":99,"role":"y)";
  r.break_glass_reason = "line\nbreak";
  const auto text = canonical(r);
  EXPECT_NE(text.find(R"("role":"x\",\"person\":99,\"role\":\"y")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("break_glass":"line\u000abreak")"), std::string::npos) << text;
}

TEST(AccessRecord, ActionCodesRoundTrip) {
  for (auto a : {AccessAction::kView, AccessAction::kCreate, AccessAction::kCorrect, AccessAction::kPrint,
                 AccessAction::kExport, AccessAction::kConsentChange, AccessAction::kChange}) {
    EXPECT_EQ(access_action_from_code(access_action_code(a)), a);
  }
  EXPECT_FALSE(access_action_from_code("delete"));
}

}  // namespace
}  // namespace stafett::domain
