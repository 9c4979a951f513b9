// The hash chain and its signed checkpoints: every kind of tampering is
// reported at the first place it shows, and an untouched chain passes.
#include "crypto/hash_chain.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "crypto/checkpoint_key.h"

namespace stafett::crypto {
namespace {

const TimePoint kNoon = from_unix_ms(1'795'000'000'000);

// A chain of `n` records with a checkpoint after every tenth.
struct Ledger {
  std::vector<ChainedRecord> records;
  std::vector<Checkpoint> checkpoints;
};

Ledger ledger(std::size_t n, const CheckpointKey& key) {
  Ledger l;
  ChainHash previous = kChainStart;
  for (std::uint64_t s = 1; s <= n; ++s) {
    const std::string record = R"({"who":)" + std::to_string(s % 7) + R"(,"what":"view","log":1,"seq":)" +
                               std::to_string(s) + "}";
    const ChainHash hash = chain_link(previous, s, record);
    l.records.push_back({s, record, hash});
    previous = hash;
    if (s % 10 == 0) l.checkpoints.push_back(key.sign(s, hash, kNoon + std::chrono::minutes(s)));
  }
  return l;
}

// Recomputes every stored hash from `from` on, as someone covering their
// tracks in the database would.
void rehash_from(Ledger& l, std::size_t from) {
  ChainHash previous = from == 0 ? kChainStart : l.records[from - 1].hash;
  for (std::size_t i = from; i < l.records.size(); ++i) {
    l.records[i].hash = chain_link(previous, l.records[i].sequence, l.records[i].record);
    previous = l.records[i].hash;
  }
}

class HashChain : public ::testing::Test {
 protected:
  const CheckpointKey key_ = CheckpointKey::for_testing(3);
  Ledger l_ = ledger(100, key_);
  ChainReport check() const { return verify_chain(l_.records, l_.checkpoints, key_.public_key()); }
};

TEST_F(HashChain, AnUntouchedChainPasses) {
  const auto r = check();
  EXPECT_EQ(r.kind, ChainBreak::kNone);
  EXPECT_EQ(r.records_checked, 100u);
  EXPECT_EQ(verify_chain({}, {}, key_.public_key()).kind, ChainBreak::kNone) << "an empty chain";
}

TEST_F(HashChain, AnEditedRecordIsFoundWhereItWasEdited) {
  l_.records[36].record[5] = 'X';  // record 37
  const auto r = check();
  EXPECT_EQ(r.kind, ChainBreak::kEditedRecord);
  EXPECT_EQ(r.sequence, 37u);
}

TEST_F(HashChain, AnEditedStoredHashIsFound) {
  l_.records[11].hash[0] ^= 1;
  EXPECT_EQ(check().kind, ChainBreak::kEditedRecord);
  EXPECT_EQ(check().sequence, 12u);
}

TEST_F(HashChain, AnEditCoveredByRehashingIsCaughtByTheNextCheckpoint) {
  l_.records[36].record[5] = 'X';
  rehash_from(l_, 36);
  const auto r = check();
  EXPECT_EQ(r.kind, ChainBreak::kCheckpointMismatch);
  EXPECT_EQ(r.sequence, 40u) << "the first signed head after the edit";
}

TEST_F(HashChain, ADeletedRecordIsFound) {
  l_.records.erase(l_.records.begin() + 49);  // record 50
  const auto r = check();
  EXPECT_EQ(r.kind, ChainBreak::kMissingRecord);
  EXPECT_EQ(r.sequence, 50u);
}

TEST_F(HashChain, ADeletionHiddenByRenumberingAndRehashingIsCaught) {
  l_.records.erase(l_.records.begin() + 49);
  for (std::size_t i = 49; i < l_.records.size(); ++i) l_.records[i].sequence -= 1;
  rehash_from(l_, 49);
  const auto r = check();
  EXPECT_EQ(r.kind, ChainBreak::kCheckpointMismatch);
  EXPECT_EQ(r.sequence, 50u);
}

TEST_F(HashChain, AnInsertedRecordIsFound) {
  l_.records.insert(l_.records.begin() + 20, ChainedRecord{20, R"({"who":9,"what":"view"})", {}});
  EXPECT_EQ(check().kind, ChainBreak::kOutOfOrder);
  EXPECT_EQ(check().sequence, 20u);
}

TEST_F(HashChain, AnInsertionHiddenByRenumberingAndRehashingIsCaught) {
  l_.records.insert(l_.records.begin() + 20, ChainedRecord{21, R"({"who":9,"what":"view"})", {}});
  for (std::size_t i = 21; i < l_.records.size(); ++i) l_.records[i].sequence += 1;
  rehash_from(l_, 20);
  const auto r = check();
  EXPECT_EQ(r.kind, ChainBreak::kCheckpointMismatch);
  EXPECT_EQ(r.sequence, 30u);
}

TEST_F(HashChain, ACutOffEndIsFoundByTheLastCheckpoint) {
  l_.records.resize(85);
  const auto r = check();
  EXPECT_EQ(r.kind, ChainBreak::kTruncated);
  EXPECT_EQ(r.sequence, 90u);
}

TEST_F(HashChain, ACheckpointNotSignedByTheKeyIsRefused) {
  l_.checkpoints[3].signature[10] ^= 1;
  EXPECT_EQ(check().kind, ChainBreak::kBadSignature);
  EXPECT_EQ(check().sequence, 40u);
  // A checkpoint re-signed with another key after rewriting the chain.
  Ledger forged = ledger(100, key_);
  forged.records[36].record[5] = 'X';
  rehash_from(forged, 36);
  const auto other = CheckpointKey::for_testing(4);
  for (auto& c : forged.checkpoints) {
    c = other.sign(c.sequence, forged.records[c.sequence - 1].hash, c.at);
  }
  EXPECT_EQ(verify_chain(forged.records, forged.checkpoints, key_.public_key()).kind, ChainBreak::kBadSignature);
}

TEST_F(HashChain, ACheckpointTimeCannotBeChangedWithoutTheKey) {
  l_.checkpoints[0].at += std::chrono::hours(1);
  EXPECT_EQ(check().kind, ChainBreak::kBadSignature);
}

TEST_F(HashChain, TheStreamingVerifierStopsAtTheFirstBreak) {
  l_.records[41].record[5] = 'X';  // record 42
  ChainVerifier verifier(l_.checkpoints, key_.public_key());
  std::size_t fed = 0;
  for (const auto& r : l_.records) {
    ++fed;
    if (!verifier.add(r)) break;
  }
  EXPECT_EQ(fed, 42u) << "nothing after the break is needed";
  EXPECT_FALSE(verifier.add(l_.records[42]));
  const auto r = verifier.finish();
  EXPECT_EQ(r.kind, ChainBreak::kEditedRecord);
  EXPECT_EQ(r.sequence, 42u);
  EXPECT_EQ(r.records_checked, 41u);
}

TEST(ChainLink, DependsOnEveryInput) {
  const ChainHash a = chain_link(kChainStart, 1, "abc");
  EXPECT_NE(a, chain_link(kChainStart, 2, "abc")) << "the sequence";
  EXPECT_NE(a, chain_link(kChainStart, 1, "abd")) << "the record";
  ChainHash other{};
  other[0] = 1;
  EXPECT_NE(a, chain_link(other, 1, "abc")) << "the previous hash";
  EXPECT_EQ(chain_hash_from_hex(to_hex(a)), a);
  EXPECT_FALSE(chain_hash_from_hex("zz"));
}

TEST(CheckpointKey, IsCreatedOnceAndReadBack) {
  const auto dir = std::filesystem::temp_directory_path() / ("stafett-ckpt-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const auto file = dir / "checkpoint.key";
  auto first = CheckpointKey::load_or_create(file);
  ASSERT_TRUE(first);
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);
  auto again = CheckpointKey::load_or_create(file);
  ASSERT_TRUE(again);
  EXPECT_EQ(first->public_key(), again->public_key());
  const auto c = first->sign(5, kChainStart, kNoon);
  EXPECT_TRUE(checkpoint_is_signed_by(c, again->public_key()));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stafett::crypto
