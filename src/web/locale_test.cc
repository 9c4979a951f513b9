#include "web/locale.h"

#include <gtest/gtest.h>

namespace stafett::web {
namespace {

TEST(Locale, ExplicitChoiceWinsOverTheBrowser) {
  EXPECT_EQ(choose_locale("en", "nn-NO"), Locale::kEn);
}

TEST(Locale, UnknownCookieFallsBackToAcceptLanguage) {
  EXPECT_EQ(choose_locale("xx", "nn"), Locale::kNn);
}

TEST(Locale, AcceptLanguageHonoursQualityValues) {
  EXPECT_EQ(locale_from_accept_language("en;q=0.5, nn;q=0.9"), Locale::kNn);
  EXPECT_EQ(locale_from_accept_language("de, en-GB;q=0.8"), Locale::kEn);
  EXPECT_EQ(locale_from_accept_language("no"), Locale::kNb);
  EXPECT_EQ(locale_from_accept_language("nb-NO,nb;q=0.9"), Locale::kNb);
  EXPECT_EQ(locale_from_accept_language("NN-no"), Locale::kNn);
  EXPECT_FALSE(locale_from_accept_language("de, fr;q=0.8"));
  EXPECT_FALSE(locale_from_accept_language("en;q=0"));
  EXPECT_FALSE(locale_from_accept_language("en;q=banana"));
}

TEST(Locale, DefaultIsBokmal) {
  EXPECT_EQ(choose_locale(std::nullopt, std::nullopt), Locale::kNb);
  EXPECT_EQ(choose_locale(std::nullopt, "de"), Locale::kNb);
}

}  // namespace
}  // namespace stafett::web
