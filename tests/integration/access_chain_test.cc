// The access chain on a real database (app/access_chain.h,
// store/access_record_repository.h, app/chain_checkpoints.h), on the backend
// named by STAFETT_TEST_BACKEND: appended batches form one intact chain, and
// each way of tampering with it through SQL (as someone with database rights
// could) is reported at the right place, some only through a checkpoint kept
// outside the database.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "app/access_chain.h"
#include "app/chain_checkpoints.h"
#include "crypto/checkpoint_key.h"
#include "store/access_record_repository.h"
#include "support/access_records.h"

namespace stafett {
namespace {

using crypto::ChainBreak;
using testing::execute_sql;
using testing::sample_access_record;
using testing::scalar_in;

class AccessChain : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::fresh_database_url();
    db_ = testing::migrated_database(url_);
    checkpoint_file_ = std::filesystem::path(testing::make_temp_dir()) / "checkpoints.txt";
  }

  // Appends records first..last (inclusive) as one batch.
  void append(std::int64_t first, std::int64_t last) {
    std::vector<domain::AccessRecord> batch;
    for (std::int64_t i = first; i <= last; ++i) batch.push_back(sample_access_record(i));
    auto r = app::append_access_records(*db_, batch);
    ASSERT_TRUE(r) << r.error().detail;
  }

  void checkpoint() {
    auto c = app::write_checkpoint(*db_, key_, checkpoint_file_, clock_);
    ASSERT_TRUE(c) << c.error().detail;
    clock_.advance(std::chrono::minutes(5));
  }

  std::vector<crypto::Checkpoint> checkpoints() {
    auto c = app::read_checkpoints(checkpoint_file_);
    if (!c) throw std::runtime_error(c.error().detail);
    return *c;
  }

  crypto::ChainReport verify(bool with_checkpoints = true, std::size_t page_size = 10) {
    auto r = app::verify_access_chain(*db_, with_checkpoints ? checkpoints() : std::vector<crypto::Checkpoint>{},
                                      key_.public_key(), page_size);
    if (!r) throw std::runtime_error(r.error().detail);
    return *r;
  }

  std::vector<store::AccessChainRow> rows() {
    auto r = store::transact_value<std::vector<store::AccessChainRow>>(
        *db_, store::TxMode::kRead, [](store::Transaction& tx) { return store::read_access_chain(tx, 0, 100000); });
    if (!r) throw std::runtime_error(r.error().detail);
    return *r;
  }

  // What someone covering their tracks does after changing the chain:
  // recomputes every stored hash from `from` on, so the links agree again.
  void rehash_from(std::int64_t from) {
    crypto::ChainHash previous = crypto::kChainStart;
    for (const auto& row : rows()) {
      if (row.sequence >= from) {
        previous = crypto::chain_link(previous, static_cast<std::uint64_t>(row.sequence), row.record);
        execute_sql(*db_, "UPDATE access_record SET hash = ? WHERE sequence = ?",
                    {store::Blob(previous.begin(), previous.end()), row.sequence});
      } else {
        std::copy(row.hash.begin(), row.hash.end(), previous.begin());
      }
    }
  }

  // Moves records from `sequence` on one place up, making room for an
  // inserted one (in two steps: the primary key is checked row by row).
  void shift_up_from(std::int64_t sequence) {
    execute_sql(*db_, "UPDATE access_record SET sequence = sequence + 1000000 WHERE sequence >= ?", {sequence});
    execute_sql(*db_, "UPDATE access_record SET sequence = sequence - 999999 WHERE sequence >= 1000000");
  }

  std::string url_;
  std::unique_ptr<store::Database> db_;
  std::filesystem::path checkpoint_file_;
  const crypto::CheckpointKey key_ = crypto::CheckpointKey::for_testing(5);
  FixedClock clock_{from_unix_ms(1'795'100'000'000)};
};

TEST_F(AccessChain, BatchesFormOneContiguousIntactChain) {
  EXPECT_EQ(verify().kind, ChainBreak::kNone) << "an empty chain";
  append(1, 10);
  append(11, 11);
  append(12, 36);
  const auto stored = rows();
  ASSERT_EQ(stored.size(), 36u);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(stored[i].sequence, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(stored[i].record, domain::canonical(sample_access_record(static_cast<std::int64_t>(i + 1))));
    EXPECT_EQ(stored[i].hash.size(), 32u);
  }
  const auto report = verify();
  EXPECT_EQ(report.kind, ChainBreak::kNone);
  EXPECT_EQ(report.records_checked, 36u);
  EXPECT_EQ(verify(true, 1).records_checked, 36u) << "one record per page";
  EXPECT_EQ(verify(true, 1000).records_checked, 36u) << "everything in one page";
  auto head = app::read_access_chain_head(*db_);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->sequence, 36u);
  EXPECT_EQ(store::Blob(head->hash.begin(), head->hash.end()), stored.back().hash);
}

TEST_F(AccessChain, AnEmptyBatchStoresNothing) {
  ASSERT_TRUE(app::append_access_records(*db_, {}));
  EXPECT_EQ(scalar_in(*db_, "SELECT COUNT(*) FROM access_record"), 0);
}

TEST_F(AccessChain, AnEditedRecordIsReportedWhereItWasEdited) {
  append(1, 30);
  execute_sql(*db_, "UPDATE access_record SET record = replace(record, '\"action\":\"view\"', '\"action\":\"print\"')"
                    " WHERE sequence = 17");
  const auto report = verify();
  EXPECT_EQ(report.kind, ChainBreak::kEditedRecord);
  EXPECT_EQ(report.sequence, 17u);
  EXPECT_EQ(report.records_checked, 16u);
}

TEST_F(AccessChain, AnEditedStoredHashIsReported) {
  append(1, 30);
  execute_sql(*db_, "UPDATE access_record SET hash = ? WHERE sequence = 4", {store::Blob(32, 0xab)});
  EXPECT_EQ(verify().kind, ChainBreak::kEditedRecord);
  EXPECT_EQ(verify().sequence, 4u);
}

TEST_F(AccessChain, ARecordDeletedInTheMiddleIsReported) {
  append(1, 30);
  execute_sql(*db_, "DELETE FROM access_record WHERE sequence = 20");  // the last of the second page
  const auto report = verify();
  EXPECT_EQ(report.kind, ChainBreak::kMissingRecord);
  EXPECT_EQ(report.sequence, 20u);
  EXPECT_EQ(report.records_checked, 19u);
}

TEST_F(AccessChain, AnInsertedRecordIsReported) {
  append(1, 30);
  // A forged record at 12, linked correctly to record 11; the records after
  // it are renumbered, so the first one that no longer fits is the old 12.
  shift_up_from(12);
  const auto forged = domain::canonical(sample_access_record(99));
  const auto eleven = rows()[10];
  crypto::ChainHash previous{};
  std::copy(eleven.hash.begin(), eleven.hash.end(), previous.begin());
  const auto hash = crypto::chain_link(previous, 12, forged);
  execute_sql(*db_,
              "INSERT INTO access_record (sequence, record, hash, person_id, child_id, log_id, action, basis, at_ms)"
              " VALUES (12, ?, ?, 1, 100, 1, 'view', 'family', 0)",
              {forged, store::Blob(hash.begin(), hash.end())});
  const auto report = verify();
  EXPECT_EQ(report.kind, ChainBreak::kEditedRecord);
  EXPECT_EQ(report.sequence, 13u);
  EXPECT_EQ(report.records_checked, 12u) << "the forged record itself links";
}

TEST_F(AccessChain, ARecordAppendedWithoutTheChainIsReported) {
  append(1, 5);
  execute_sql(*db_,
              "INSERT INTO access_record (sequence, record, hash, person_id, child_id, log_id, action, basis, at_ms)"
              " VALUES (6, ?, ?, 1, 100, 1, 'view', 'family', 0)",
              {domain::canonical(sample_access_record(6)), store::Blob(32, 0)});
  EXPECT_EQ(verify().kind, ChainBreak::kEditedRecord);
  EXPECT_EQ(verify().sequence, 6u);
}

TEST_F(AccessChain, ATruncatedChainIsCaughtOnlyThroughACheckpoint) {
  append(1, 30);
  checkpoint();
  append(31, 36);
  execute_sql(*db_, "DELETE FROM access_record WHERE sequence > 25");
  EXPECT_EQ(verify(false).kind, ChainBreak::kNone) << "what is left is a consistent chain";
  const auto report = verify();
  EXPECT_EQ(report.kind, ChainBreak::kTruncated);
  EXPECT_EQ(report.sequence, 30u);
  EXPECT_EQ(report.records_checked, 25u);
}

TEST_F(AccessChain, AChainRewrittenFromAnEditOnwardsIsCaughtByTheCheckpoint) {
  append(1, 20);
  checkpoint();
  append(21, 40);
  checkpoint();
  append(41, 45);
  execute_sql(*db_, "UPDATE access_record SET record = replace(record, '\"person\":', '\"person\":9') WHERE sequence = 33");
  rehash_from(33);
  EXPECT_EQ(verify(false).kind, ChainBreak::kNone) << "the links agree again";
  const auto report = verify();
  EXPECT_EQ(report.kind, ChainBreak::kCheckpointMismatch);
  EXPECT_EQ(report.sequence, 40u) << "the first signed head after the edit";
  EXPECT_EQ(report.records_checked, 45u);
}

TEST_F(AccessChain, ACheckpointWithAForgedSignatureIsReported) {
  append(1, 10);
  checkpoint();
  append(11, 20);
  checkpoint();
  std::string text;
  {
    std::ifstream in(checkpoint_file_);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // The second line's signature (its last field) with one digit changed.
  const auto end = text.size() - 1;  // before the final newline
  text[end - 1] = text[end - 1] == '0' ? '1' : '0';
  std::ofstream(checkpoint_file_, std::ios::trunc) << text;
  const auto report = verify();
  EXPECT_EQ(report.kind, ChainBreak::kBadSignature);
  EXPECT_EQ(report.sequence, 20u);
}

TEST_F(AccessChain, ACheckpointSignedWithAnotherKeyIsReported) {
  append(1, 10);
  execute_sql(*db_, "UPDATE access_record SET record = replace(record, '\"person\":', '\"person\":9') WHERE sequence = 3");
  rehash_from(3);
  // Someone who rewrote the chain signs its new head with a key of their own.
  const auto other = crypto::CheckpointKey::for_testing(6);
  auto c = app::write_checkpoint(*db_, other, checkpoint_file_, clock_);
  ASSERT_TRUE(c);
  EXPECT_EQ(verify().kind, ChainBreak::kBadSignature);
}

TEST_F(AccessChain, AppendingGoesOnAfterACheckpoint) {
  append(1, 3);
  checkpoint();
  append(4, 9);
  checkpoint();
  const auto c = checkpoints();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].sequence, 3u);
  EXPECT_EQ(c[1].sequence, 9u);
  EXPECT_EQ(verify().kind, ChainBreak::kNone);
}

TEST_F(AccessChain, ListsALogsAndAPersonsRecordsNewestFirst) {
  append(1, 30);
  auto by_log = store::transact_value<std::vector<store::ListedAccessRecord>>(
      *db_, store::TxMode::kRead,
      [](store::Transaction& tx) { return store::list_access_records_for_log(tx, domain::LogId{2}, 4); });
  ASSERT_TRUE(by_log) << by_log.error().detail;
  // Log 2 has records 1, 4, 7, ..., 28 (i % 3 == 1): the newest four.
  ASSERT_EQ(by_log->size(), 4u);
  std::vector<std::int64_t> sequences;
  for (const auto& listed : *by_log) {
    sequences.push_back(listed.sequence);
    EXPECT_EQ(domain::canonical(listed.record), domain::canonical(sample_access_record(listed.sequence)));
  }
  EXPECT_EQ(sequences, (std::vector<std::int64_t>{28, 25, 22, 19}));

  auto by_person = store::transact_value<std::vector<store::ListedAccessRecord>>(
      *db_, store::TxMode::kRead,
      [](store::Transaction& tx) { return store::list_access_records_by_person(tx, domain::PersonId{3}, 100); });
  ASSERT_TRUE(by_person);
  ASSERT_EQ(by_person->size(), 6u);  // records 2, 7, 12, 17, 22, 27
  EXPECT_EQ(by_person->front().sequence, 27);
  EXPECT_EQ(by_person->back().sequence, 2);
  EXPECT_EQ(by_person->front().record.person, domain::PersonId{3});
}

TEST_F(AccessChain, AListingRefusesAQueryableCopyThatDisagreesWithTheRecord) {
  append(1, 6);
  // The log column moved behind the chain's back: record 2 belongs to log 3.
  execute_sql(*db_, "UPDATE access_record SET log_id = 2 WHERE sequence = 2");
  auto listed = store::transact_value<std::vector<store::ListedAccessRecord>>(
      *db_, store::TxMode::kRead,
      [](store::Transaction& tx) { return store::list_access_records_for_log(tx, domain::LogId{2}, 10); });
  EXPECT_FALSE(listed);
}

TEST_F(AccessChain, AppendersOnTwoConnectionPoolsNeverForkTheChain) {
  // Two Database objects on one database behave like two server processes:
  // only the chain's append lock keeps them from reading the same head.
  auto other = store::open_database(url_);
  ASSERT_TRUE(other);
  std::atomic<int> failures{0};
  auto run = [&](store::Database& db, std::int64_t base) {
    for (std::int64_t b = 0; b < 20; ++b) {
      std::vector<domain::AccessRecord> batch;
      for (std::int64_t i = 0; i < 5; ++i) batch.push_back(sample_access_record(base + 5 * b + i));
      if (!app::append_access_records(db, batch)) ++failures;
    }
  };
  std::thread a(run, std::ref(*db_), 1);
  std::thread b(run, std::ref(**other), 1001);
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(scalar_in(*db_, "SELECT COUNT(*) FROM access_record"), 200);
  EXPECT_EQ(scalar_in(*db_, "SELECT MAX(sequence) FROM access_record"), 200);
  EXPECT_EQ(verify().kind, ChainBreak::kNone);
}

}  // namespace
}  // namespace stafett
