#include "store/sql_placeholders.h"

#include <gtest/gtest.h>

namespace stafett::store {
namespace {

TEST(SqlPlaceholders, NumbersQuestionMarksInOrder) {
  EXPECT_EQ(to_numbered_placeholders("SELECT * FROM t WHERE a = ? AND b IN (?, ?)"),
            "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
}

TEST(SqlPlaceholders, LeavesLiteralsIdentifiersAndCommentsAlone) {
  EXPECT_EQ(to_numbered_placeholders("SELECT '?', 'it''s ?', \"col?\" FROM t -- why?\nWHERE x = ?"),
            "SELECT '?', 'it''s ?', \"col?\" FROM t -- why?\nWHERE x = $1");
}

}  // namespace
}  // namespace stafett::store
