#include "app/privacy_search.h"

#include <gtest/gtest.h>

namespace stafett::app {
namespace {

TEST(PrivacySearch, FoldsNamesToLowerCaseForMatching) {
  EXPECT_EQ(fold_name("Ingrid FJELLSTAD"), "ingrid fjellstad");
  EXPECT_EQ(fold_name("SØRBØ Ærlig Åse"), "sørbø ærlig åse");
  EXPECT_EQ(fold_name("ČĐŊŠŦŽ"), "čđŋšŧž") << "Sámi letters";
  EXPECT_EQ(fold_name("Ándde Ánte"), "ándde ánte");
  EXPECT_EQ(fold_name("O'Brien-Nilsen Jr."), "o'brien-nilsen jr.");
  EXPECT_EQ(fold_name("×"), "×") << "not a letter";
}

}  // namespace
}  // namespace stafett::app
