// Reading access records back from the chain: exactly what canonical()
// wrote, and nothing else.
#include "store/access_record_codec.h"

#include <gtest/gtest.h>

namespace stafett::store {
namespace {

domain::AccessRecord full() {
  domain::AccessRecord r;
  r.person = domain::PersonId{3};
  r.role = "contributor \"quoted\" \\ \n";
  r.unit = domain::UnitId{4};
  r.service = "health_station";
  r.basis = domain::AccessBasis::kBreakGlass;
  r.consent = 12;
  r.break_glass_reason = "acute_danger";
  r.at = from_unix_ms(1'795'000'000'123);
  r.child = domain::PersonId{11};
  r.log = domain::LogId{1};
  r.record_kind = domain::EntryKind::kMeasure;
  r.record = domain::EntryId{40};
  r.action = domain::AccessAction::kConsentChange;
  r.session_hash = "ab12";
  r.identity_provider = "https://idporten.example";
  r.assurance = "idporten-loa-high";
  return r;
}

TEST(AccessRecordCodec, ReadsBackEveryFieldOfTheCanonicalForm) {
  for (bool empty_optionals : {false, true}) {
    auto r = full();
    if (empty_optionals) {
      r.unit.reset();
      r.consent.reset();
      r.record_kind.reset();
      r.record.reset();
    }
    const std::string text = domain::canonical(r);
    auto back = decode_access_record(text);
    ASSERT_TRUE(back) << back.error().detail;
    EXPECT_EQ(domain::canonical(*back), text);
    EXPECT_EQ(back->role, r.role);
    EXPECT_EQ(back->unit, r.unit);
    EXPECT_EQ(back->record_kind, r.record_kind);
    EXPECT_EQ(back->basis, r.basis);
    EXPECT_EQ(back->action, r.action);
  }
}

TEST(AccessRecordCodec, ReadsBackAContentFingerprint) {
  auto r = full();
  r.content = std::string(64, 'a');
  const std::string text = domain::canonical(r);
  auto back = decode_access_record(text);
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(back->content, r.content);
  EXPECT_EQ(domain::canonical(*back), text);
  auto replaced = [&](std::string_view from, std::string_view to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return decode_access_record(t);
  };
  EXPECT_FALSE(replaced(R"("v":2)", R"("v":1)")) << "format 1 has no content";
  const std::string member = R"("content":")" + r.content + '"';
  EXPECT_FALSE(replaced("," + member, "")) << "format 2 without content";
  EXPECT_FALSE(replaced(member, R"("content":"")")) << "an empty fingerprint";
  EXPECT_FALSE(replaced(member, R"("content":null)"));
}

TEST(AccessRecordCodec, RefusesWhatCanonicalCouldNotHaveWritten) {
  const std::string text = domain::canonical(full());
  EXPECT_FALSE(decode_access_record(""));
  EXPECT_FALSE(decode_access_record("[]"));
  EXPECT_FALSE(decode_access_record(text.substr(0, text.size() - 1)));
  auto replaced = [&](std::string_view from, std::string_view to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return decode_access_record(t);
  };
  EXPECT_FALSE(replaced(R"("v":1)", R"("v":2)")) << "another version";
  EXPECT_FALSE(replaced(R"("action":"consent_change")", R"("action":"delete")"));
  EXPECT_FALSE(replaced(R"("basis":"break_glass")", R"("basis":"curiosity")"));
  EXPECT_FALSE(replaced(R"("kind":"measure")", R"("kind":"diary")"));
  EXPECT_FALSE(replaced(R"("person":3)", R"("person":"3")")) << "a number as a string";
  EXPECT_FALSE(replaced(R"("v":1,)", R"("v":1,"extra":0,)")) << "an extra key";
  EXPECT_FALSE(replaced(R"("v":1,"person":3)", R"("person":3,"v":1)")) << "another key order";
  EXPECT_FALSE(replaced(R"("acr":)", R"("acr" :)")) << "other whitespace";
}

}  // namespace
}  // namespace stafett::store
