#include "crypto/data_keys.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

namespace stafett::crypto {
namespace {

constexpr std::string_view kSyntheticId = "01819912345";  // format only; never a real number

TEST(DataKeys, SealedNumbersOpenOnlyWithTheSameKey) {
  const auto keys = DataKeys::for_testing(1);
  const Bytes sealed = keys.seal(kSyntheticId);
  const std::string as_text(sealed.begin(), sealed.end());
  EXPECT_EQ(as_text.find(kSyntheticId), std::string::npos) << "the clear text must not appear";
  EXPECT_EQ(*keys.open(sealed), kSyntheticId);
  EXPECT_FALSE(DataKeys::for_testing(2).open(sealed));
  Bytes tampered = sealed;
  tampered.back() ^= 1;
  EXPECT_FALSE(keys.open(tampered));
  EXPECT_FALSE(keys.open(Bytes(5, 0)));
}

TEST(DataKeys, SealingTwiceGivesDifferentCiphertexts) {
  const auto keys = DataKeys::for_testing(1);
  EXPECT_NE(keys.seal(kSyntheticId), keys.seal(kSyntheticId));
}

TEST(DataKeys, LookupHashIsStableAndKeyed) {
  const auto a = DataKeys::for_testing(1);
  EXPECT_EQ(a.lookup_hash(kSyntheticId), a.lookup_hash(kSyntheticId));
  EXPECT_NE(a.lookup_hash(kSyntheticId), a.lookup_hash("01819912346"));
  EXPECT_NE(a.lookup_hash(kSyntheticId), DataKeys::for_testing(2).lookup_hash(kSyntheticId));
}

TEST(DataKeys, KeyFileIsCreatedPrivatelyAndReadBack) {
  const auto dir = std::filesystem::temp_directory_path() / ("stafett-keys-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const auto file = dir / "stafett.key";
  auto created = DataKeys::load_or_create(file);
  ASSERT_TRUE(created);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 077, 0u) << "key file readable by others";
  auto loaded = DataKeys::load_or_create(file);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded->open(created->seal(kSyntheticId)), kSyntheticId);
  std::ofstream(file) << "not hex";
  EXPECT_FALSE(DataKeys::load_or_create(file));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stafett::crypto
