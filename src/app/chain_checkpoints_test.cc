// The checkpoint file's line format: what is written reads back the same,
// and anything else is refused rather than half-read.
#include "app/chain_checkpoints.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace stafett::app {
namespace {

crypto::Checkpoint sample() {
  const auto key = crypto::CheckpointKey::for_testing(9);
  return key.sign(400, crypto::chain_link(crypto::kChainStart, 1, "x"), from_unix_ms(1'795'000'000'000));
}

TEST(ChainCheckpoints, ALineReadsBackAsTheSameCheckpoint) {
  const auto c = sample();
  const std::string line = checkpoint_line(c);
  EXPECT_EQ(line.size(), 3 + 1 + 64 + 1 + 13 + 1 + 128u);
  EXPECT_TRUE(line.starts_with("400 " + crypto::to_hex(c.head) + " 1795000000000 "));
  auto back = parse_checkpoint_line(line);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->sequence, 400u);
  EXPECT_EQ(back->head, c.head);
  EXPECT_EQ(back->at, c.at);
  EXPECT_EQ(back->signature, c.signature);
  EXPECT_TRUE(crypto::checkpoint_is_signed_by(*back, crypto::CheckpointKey::for_testing(9).public_key()));
}

TEST(ChainCheckpoints, RefusesAnythingButTheExactFormat) {
  const std::string line = checkpoint_line(sample());
  EXPECT_FALSE(parse_checkpoint_line(""));
  EXPECT_FALSE(parse_checkpoint_line(line + " "));
  EXPECT_FALSE(parse_checkpoint_line(" " + line));
  EXPECT_FALSE(parse_checkpoint_line(line.substr(0, line.size() - 1))) << "a short signature";
  EXPECT_FALSE(parse_checkpoint_line("0" + line)) << "a leading zero";
  EXPECT_FALSE(parse_checkpoint_line("-" + line));
  std::string upper = line;
  upper[5] = 'A';
  EXPECT_FALSE(parse_checkpoint_line(upper)) << "one spelling: lower-case hex";
  std::string tab = line;
  tab[3] = '\t';
  EXPECT_FALSE(parse_checkpoint_line(tab));
}

TEST(ChainCheckpoints, TheFileIsAppendedToAndReadInOrder) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("stafett-checkpoints-" + std::to_string(::getpid())) / "checkpoints.txt";
  std::filesystem::remove_all(file.parent_path());
  auto none = read_checkpoints(file);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty()) << "no file yet: no checkpoints";
  const auto key = crypto::CheckpointKey::for_testing(9);
  ASSERT_TRUE(append_checkpoint(file, key.sign(0, crypto::kChainStart, from_unix_ms(1))));
  ASSERT_TRUE(append_checkpoint(file, sample()));
  auto both = read_checkpoints(file);
  ASSERT_TRUE(both);
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].sequence, 0u);
  EXPECT_EQ((*both)[1].sequence, 400u);
  std::ofstream(file, std::ios::app) << "\nnonsense\n";
  auto bad = read_checkpoints(file);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().detail.find(":4:"), std::string::npos) << bad.error().detail;
  std::filesystem::remove_all(file.parent_path());
}

}  // namespace
}  // namespace stafett::app
