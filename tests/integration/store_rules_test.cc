// The database itself enforces the log core's rules (migrations 0002 and
// 0003), on the backend named by STAFETT_TEST_BACKEND: history is append-only
// or never deleted, a participant row is only ended (once) or hidden, the
// holder is one row per log changed by compare-and-set, and the CHECK and
// unique constraints refuse impossible states. Everything here is raw SQL so
// that no repository code stands between the test and the schema.
//
// Every statement that is expected to fail runs in its own transaction (on
// PostgreSQL a failed statement spoils its transaction), and rows that a
// DELETE should be refused for are chosen so that no foreign key refers to
// them: the refusal then comes from the trigger, not from a reference.
// All names are fictional.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "store/database.h"
#include "store/migrations.h"
#include "support/test_database.h"

namespace stafett {
namespace {

using store::Blob;
using store::Database;
using store::Null;
using store::Params;
using store::Rows;
using store::Transaction;
using store::TxMode;
using store::Value;

constexpr std::int64_t kT0 = 1'800'000'000'000;  // ms since the epoch
constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

std::string render(const Value& v) {
  std::ostringstream out;
  if (std::holds_alternative<Null>(v)) {
    out << "NULL";
  } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
    out << *n;
  } else if (const auto* d = std::get_if<double>(&v)) {
    out << *d;
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    out << '\'' << *s << '\'';
  } else {
    out << "blob:" << std::get<Blob>(v).size();
  }
  return out.str();
}

class StoreRules : public ::testing::Test {
 protected:
  void SetUp() override {
    store::DatabaseOptions options;
    options.max_connections = 4;
    auto db = store::open_database(testing::fresh_database_url(), options);
    ASSERT_TRUE(db) << db.error().detail;
    db_ = std::move(*db);
    auto migrated = store::migrate(*db_);
    ASSERT_TRUE(migrated) << migrated.error().detail;
    seed();
  }

  // --- helpers ------------------------------------------------------------

  // One statement in its own write transaction; rolled back when it fails.
  Result<std::int64_t> run(std::string_view sql, const Params& params = {}) {
    return store::transact_value<std::int64_t>(*db_, TxMode::kWrite, [&](Transaction& tx) {
      return tx.execute(sql, params);
    });
  }

  Rows select(std::string_view sql, const Params& params = {}) {
    auto rows = store::transact_value<Rows>(*db_, TxMode::kRead, [&](Transaction& tx) {
      return tx.query(sql, params);
    });
    if (!rows) throw std::runtime_error("query failed: " + rows.error().detail);
    return std::move(*rows);
  }

  std::int64_t scalar(std::string_view sql, const Params& params = {}) {
    Rows rows = select(sql, params);
    if (rows.size() != 1) throw std::runtime_error("expected one row");
    return rows.front().int64(0);
  }

  // INSERT ... RETURNING id; throws when the insert fails (seed data must land).
  std::int64_t insert_id(const std::string& sql, const Params& params) {
    auto rows = store::transact_value<Rows>(*db_, TxMode::kWrite, [&](Transaction& tx) {
      return tx.query(sql + " RETURNING id", params);
    });
    if (!rows) throw std::runtime_error("insert failed: " + rows.error().detail + " in " + sql);
    return rows->front().int64(0);
  }

  void insert(std::string_view sql, const Params& params) {
    auto r = run(sql, params);
    if (!r) throw std::runtime_error("insert failed: " + r.error().detail + " in " + std::string(sql));
  }

  // Every row of `table` whose `column` equals `key`, rendered for comparison.
  std::vector<std::string> snapshot(const std::string& table, const std::string& column, std::int64_t key) {
    std::vector<std::string> out;
    for (const auto& row : select("SELECT * FROM " + table + " WHERE " + column + " = ?", {key})) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) line += render(row.at(i)) + "|";
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The statement must fail with kConflict and leave the rows matched by
  // (table, column, key) exactly as they were.
  void expect_refused(const std::string& sql, const Params& params, const std::string& table,
                      const std::string& column, std::int64_t key) {
    SCOPED_TRACE(sql);
    const auto before = snapshot(table, column, key);
    ASSERT_FALSE(before.empty()) << "the row under test must exist";
    auto r = run(sql, params);
    ASSERT_FALSE(r) << "the database accepted it and changed " << *r << " row(s)";
    EXPECT_EQ(r.error().code, Errc::kConflict) << r.error().detail;
    EXPECT_EQ(snapshot(table, column, key), before);
  }

  void expect_conflict(const std::string& sql, const Params& params) {
    SCOPED_TRACE(sql);
    auto r = run(sql, params);
    ASSERT_FALSE(r) << "the database accepted it";
    EXPECT_EQ(r.error().code, Errc::kConflict) << r.error().detail;
  }

  std::int64_t add_person(const std::string& given, const std::string& family) {
    return insert_id("INSERT INTO person (given_name, family_name, created_at_ms) VALUES (?, ?, ?)",
                     {given, family, kT0});
  }

  // Logs are inserted closed: the database opens one only once it has a holder.
  std::int64_t add_log() {
    return insert_id(
        "INSERT INTO log (child_person_id, municipality_id, status, level, opened_at_ms, opened_by_person_id)"
        " VALUES (?, ?, 'closed', 1, ?, ?)",
        {child_, municipality_, kT0, teacher_});
  }

  std::int64_t add_employee_participant(std::int64_t log, std::int64_t person, std::int64_t unit) {
    return insert_id(
        "INSERT INTO participant (log_id, person_id, role, unit_id, hidden, added_at_ms, added_by_person_id)"
        " VALUES (?, ?, 'contributor', ?, 0, ?, ?)",
        {log, person, unit, kT0, teacher_});
  }

  std::int64_t add_consent(std::int64_t log, std::int64_t by, const Value& supersedes = Null{}) {
    return insert_id(
        "INSERT INTO consent (log_id, given_by_person_id, given_as, method, attested_by_person_id,"
        " recorded_by_person_id, given_at_ms, valid_until_ms, review_at_ms, info_text_version, info_text_hash,"
        " supersedes_consent_id) VALUES (?, ?, 'guardian', 'digital', NULL, ?, ?, ?, NULL, 'v1', 'h1', ?)",
        {log, by, by, kT0, kT0 + 365 * kDay, supersedes});
  }

  // A municipality with a school and a health station, a child with a
  // mother, three employees, and one open log with its holder and a consent
  // (with scope rows and a withdrawal).
  void seed() {
    municipality_ = insert_id(
        "INSERT INTO municipality (name, kommunenummer, created_at_ms) VALUES ('Prøvekommune', '9901', ?)", {kT0});
    school_ = insert_id(
        "INSERT INTO unit (municipality_id, name, service_type, created_at_ms)"
        " VALUES (?, 'Eksempelvik skole', 'school', ?)",
        {municipality_, kT0});
    health_ = insert_id(
        "INSERT INTO unit (municipality_id, name, service_type, created_at_ms)"
        " VALUES (?, 'Eksempelvik helsestasjon', 'health_station', ?)",
        {municipality_, kT0});
    child_ = add_person("Testbarn", "Prøvesen");
    mother_ = add_person("Testmor", "Prøvesen");
    teacher_ = add_person("Lærer", "Oppdiktet");
    nurse_ = add_person("Helsesykepleier", "Oppdiktet");
    advisor_ = add_person("Rådgiver", "Oppdiktet");
    const std::vector<std::pair<std::int64_t, std::int64_t>> employments = {
        {teacher_, school_}, {nurse_, health_}, {advisor_, school_}};
    for (const auto& [person, unit] : employments) {
      insert("INSERT INTO employment (person_id, unit_id, title, valid_from_ms) VALUES (?, ?, 'Ansatt', ?)",
             {person, unit, kT0});
    }
    insert(
        "INSERT INTO parental_responsibility (guardian_person_id, child_person_id, source, valid_from_ms,"
        " recorded_at_ms) VALUES (?, ?, 'registry', ?, ?)",
        {mother_, child_, kT0, kT0});
    log_ = add_log();
    insert("INSERT INTO log_event (log_id, kind, to_level, reason, by_person_id, at_ms) VALUES (?, 'opened', 1, 'Bekymring', ?, ?)",
           {log_, teacher_, kT0});
    p_teacher_ = add_employee_participant(log_, teacher_, school_);
    p_nurse_ = add_employee_participant(log_, nurse_, health_);
    p_advisor_ = add_employee_participant(log_, advisor_, school_);
    p_mother_ = insert_id(
        "INSERT INTO participant (log_id, person_id, role, unit_id, hidden, added_at_ms, added_by_person_id)"
        " VALUES (?, ?, 'guardian', NULL, 0, ?, ?)",
        {log_, mother_, kT0, teacher_});
    insert("INSERT INTO log_holder (log_id, participant_id, since_ms) VALUES (?, ?, ?)", {log_, p_teacher_, kT0});
    insert("UPDATE log SET status = 'open' WHERE id = ?", {log_});
    consent_ = add_consent(log_, mother_);
    insert("INSERT INTO consent_unit (consent_id, unit_id) VALUES (?, ?)", {consent_, school_});
    insert("INSERT INTO consent_service (consent_id, service_type) VALUES (?, 'health_station')", {consent_});
    insert("INSERT INTO consent_category (consent_id, category) VALUES (?, 'basic')", {consent_});
    insert(
        "INSERT INTO consent_withdrawal (consent_id, withdrawn_by_person_id, recorded_by_person_id, withdrawn_at_ms)"
        " VALUES (?, ?, ?, ?)",
        {consent_, mother_, mother_, kT0 + kDay});
  }

  std::unique_ptr<Database> db_;
  std::int64_t municipality_ = 0, school_ = 0, health_ = 0;
  std::int64_t child_ = 0, mother_ = 0, teacher_ = 0, nurse_ = 0, advisor_ = 0;
  std::int64_t log_ = 0, p_teacher_ = 0, p_nurse_ = 0, p_advisor_ = 0, p_mother_ = 0, consent_ = 0;
};

// --- append-only: consents --------------------------------------------------

TEST_F(StoreRules, ConsentRowsCannotBeUpdatedOrDeleted) {
  expect_refused("UPDATE consent SET valid_until_ms = ? WHERE id = ?", {kT0 + 2 * kDay, consent_}, "consent", "id",
                 consent_);
  expect_refused("UPDATE consent SET info_text_version = 'v2' WHERE id = ?", {consent_}, "consent", "id", consent_);
  // A consent nothing refers to: only the trigger can refuse the delete.
  const std::int64_t bare = add_consent(log_, mother_);
  expect_refused("DELETE FROM consent WHERE id = ?", {bare}, "consent", "id", bare);
  expect_refused("DELETE FROM consent WHERE id = ?", {consent_}, "consent", "id", consent_);
}

TEST_F(StoreRules, ConsentScopeRowsCannotBeUpdatedOrDeleted) {
  expect_refused("UPDATE consent_unit SET unit_id = ? WHERE consent_id = ?", {health_, consent_}, "consent_unit",
                 "consent_id", consent_);
  expect_refused("DELETE FROM consent_unit WHERE consent_id = ?", {consent_}, "consent_unit", "consent_id", consent_);
  expect_refused("UPDATE consent_service SET service_type = 'school' WHERE consent_id = ?", {consent_},
                 "consent_service", "consent_id", consent_);
  expect_refused("DELETE FROM consent_service WHERE consent_id = ?", {consent_}, "consent_service", "consent_id",
                 consent_);
  expect_refused("UPDATE consent_category SET category = 'health' WHERE consent_id = ?", {consent_},
                 "consent_category", "consent_id", consent_);
  expect_refused("DELETE FROM consent_category WHERE consent_id = ?", {consent_}, "consent_category", "consent_id",
                 consent_);
}

TEST_F(StoreRules, ConsentWithdrawalsCannotBeUpdatedOrDeleted) {
  expect_refused("UPDATE consent_withdrawal SET withdrawn_at_ms = ? WHERE consent_id = ?", {kT0 + 3 * kDay, consent_},
                 "consent_withdrawal", "consent_id", consent_);
  expect_refused("DELETE FROM consent_withdrawal WHERE consent_id = ?", {consent_}, "consent_withdrawal",
                 "consent_id", consent_);
  // A withdrawal is recorded once per consent.
  expect_conflict(
      "INSERT INTO consent_withdrawal (consent_id, withdrawn_by_person_id, recorded_by_person_id, withdrawn_at_ms)"
      " VALUES (?, ?, ?, ?)",
      {consent_, mother_, mother_, kT0 + 2 * kDay});
}

// --- append-only / never deleted: the rest of the history --------------------

TEST_F(StoreRules, LogEventsCannotBeUpdatedOrDeleted) {
  const std::int64_t event = scalar("SELECT id FROM log_event WHERE log_id = ?", {log_});
  expect_refused("UPDATE log_event SET reason = 'Omskrevet' WHERE id = ?", {event}, "log_event", "id", event);
  expect_refused("UPDATE log_event SET at_ms = ? WHERE id = ?", {kT0 + 1, event}, "log_event", "id", event);
  expect_refused("DELETE FROM log_event WHERE id = ?", {event}, "log_event", "id", event);
}

TEST_F(StoreRules, LogsPeopleAndTheirRelationsAreNeverDeleted) {
  // Each row below is one nothing refers to, so a foreign key cannot be what refuses.
  const std::int64_t stranger = add_person("Ukjent", "Fiktivsen");
  expect_refused("DELETE FROM person WHERE id = ?", {stranger}, "person", "id", stranger);

  const std::int64_t bare_log = add_log();
  expect_refused("DELETE FROM log WHERE id = ?", {bare_log}, "log", "id", bare_log);
  expect_refused("DELETE FROM log WHERE id = ?", {log_}, "log", "id", log_);

  // p_mother_ is neither holder nor named by a handover.
  expect_refused("DELETE FROM participant WHERE id = ?", {p_mother_}, "participant", "id", p_mother_);
  expect_refused("DELETE FROM log_holder WHERE log_id = ?", {log_}, "log_holder", "log_id", log_);

  const std::int64_t handover = insert_id(
      "INSERT INTO handover (log_id, from_participant_id, to_participant_id, proposed_at_ms, proposed_by_person_id,"
      " status) VALUES (?, ?, ?, ?, ?, 'pending')",
      {log_, p_teacher_, p_nurse_, kT0, teacher_});
  expect_refused("DELETE FROM handover WHERE id = ?", {handover}, "handover", "id", handover);

  const std::int64_t responsibility = scalar("SELECT id FROM parental_responsibility WHERE child_person_id = ?", {child_});
  expect_refused("DELETE FROM parental_responsibility WHERE id = ?", {responsibility}, "parental_responsibility", "id",
                 responsibility);
  const std::int64_t employment = scalar("SELECT id FROM employment WHERE person_id = ?", {teacher_});
  expect_refused("DELETE FROM employment WHERE id = ?", {employment}, "employment", "id", employment);

  // A bulk delete is refused as a whole.
  const auto people = scalar("SELECT COUNT(*) FROM person");
  expect_conflict("DELETE FROM person WHERE id > ?", {std::int64_t{0}});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM person"), people);
}

// --- participants -----------------------------------------------------------

TEST_F(StoreRules, AParticipantIsEndedOnceAndMayBeHiddenButNotRewritten) {
  // The hidden flag may change on an active row, both ways.
  auto hide = run("UPDATE participant SET hidden = 1 WHERE id = ?", {p_nurse_});
  ASSERT_TRUE(hide) << hide.error().detail;
  EXPECT_EQ(*hide, 1);
  EXPECT_EQ(scalar("SELECT hidden FROM participant WHERE id = ?", {p_nurse_}), 1);
  auto unhide = run("UPDATE participant SET hidden = 0 WHERE id = ?", {p_nurse_});
  ASSERT_TRUE(unhide) << unhide.error().detail;
  EXPECT_EQ(scalar("SELECT hidden FROM participant WHERE id = ?", {p_nurse_}), 0);

  // Who, where and in which log never change.
  expect_refused("UPDATE participant SET role = 'reader' WHERE id = ?", {p_nurse_}, "participant", "id", p_nurse_);
  expect_refused("UPDATE participant SET unit_id = ? WHERE id = ?", {school_, p_nurse_}, "participant", "id", p_nurse_);
  expect_refused("UPDATE participant SET person_id = ? WHERE id = ?", {advisor_, p_nurse_}, "participant", "id",
                 p_nurse_);
  const std::int64_t other_log = add_log();
  expect_refused("UPDATE participant SET log_id = ? WHERE id = ?", {other_log, p_nurse_}, "participant", "id",
                 p_nurse_);
  expect_refused("UPDATE participant SET added_at_ms = ? WHERE id = ?", {kT0 + 1, p_nurse_}, "participant", "id",
                 p_nurse_);

  // Ending needs both the time and who ended it.
  expect_refused("UPDATE participant SET ended_at_ms = ? WHERE id = ?", {kT0 + kDay, p_nurse_}, "participant", "id",
                 p_nurse_);

  // Ended once...
  auto end = run("UPDATE participant SET ended_at_ms = ?, ended_by_person_id = ?, end_reason = 'Avsluttet'"
                 " WHERE id = ?",
                 {kT0 + kDay, teacher_, p_nurse_});
  ASSERT_TRUE(end) << end.error().detail;
  EXPECT_EQ(*end, 1);
  EXPECT_EQ(scalar("SELECT ended_at_ms FROM participant WHERE id = ?", {p_nurse_}), kT0 + kDay);

  // ...and never changed again: not re-ended, not reopened, not hidden.
  expect_refused("UPDATE participant SET ended_at_ms = ?, ended_by_person_id = ? WHERE id = ?",
                 {kT0 + 2 * kDay, advisor_, p_nurse_}, "participant", "id", p_nurse_);
  expect_refused("UPDATE participant SET ended_at_ms = NULL, ended_by_person_id = NULL WHERE id = ?", {p_nurse_},
                 "participant", "id", p_nurse_);
  expect_refused("UPDATE participant SET hidden = 1 WHERE id = ?", {p_nurse_}, "participant", "id", p_nurse_);
  expect_refused("UPDATE participant SET end_reason = 'Omskrevet' WHERE id = ?", {p_nurse_}, "participant", "id",
                 p_nurse_);
  expect_refused("DELETE FROM participant WHERE id = ?", {p_nurse_}, "participant", "id", p_nurse_);
}

TEST_F(StoreRules, AnEmployeeParticipantNeedsAUnitAndAFamilyMemberHasNone) {
  const char* sql =
      "INSERT INTO participant (log_id, person_id, role, unit_id, hidden, added_at_ms, added_by_person_id)"
      " VALUES (?, ?, ?, ?, 0, ?, ?)";
  const std::int64_t newcomer = add_person("Ny", "Oppdiktet");
  expect_conflict(sql, {log_, newcomer, std::string("contributor"), Null{}, kT0, teacher_});
  expect_conflict(sql, {log_, newcomer, std::string("reader"), Null{}, kT0, teacher_});
  expect_conflict(sql, {log_, child_, std::string("child"), school_, kT0, teacher_});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM participant WHERE person_id IN (?, ?)", {newcomer, child_}), 0);
  // The same rows with the unit right are accepted.
  auto ok = run(sql, {log_, newcomer, std::string("reader"), school_, kT0, teacher_});
  ASSERT_TRUE(ok) << ok.error().detail;
}

TEST_F(StoreRules, APersonTakesPartInALogOnceAtATime) {
  const char* add =
      "INSERT INTO participant (log_id, person_id, role, unit_id, hidden, added_at_ms, added_by_person_id)"
      " VALUES (?, ?, 'reader', ?, 0, ?, ?)";
  expect_conflict(add, {log_, nurse_, health_, kT0 + 1, teacher_});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM participant WHERE log_id = ? AND person_id = ?", {log_, nurse_}), 1);

  auto end = run("UPDATE participant SET ended_at_ms = ?, ended_by_person_id = ? WHERE id = ?",
                 {kT0 + kDay, teacher_, p_nurse_});
  ASSERT_TRUE(end) << end.error().detail;
  auto again = run(add, {log_, nurse_, health_, kT0 + 2 * kDay, teacher_});
  ASSERT_TRUE(again) << "after ending the first participation a new one is allowed: " << again.error().detail;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM participant WHERE log_id = ? AND person_id = ?", {log_, nurse_}), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM participant WHERE log_id = ? AND person_id = ? AND ended_at_ms IS NULL",
                   {log_, nurse_}),
            1);
  // And still only one active at a time.
  expect_conflict(add, {log_, nurse_, health_, kT0 + 3 * kDay, teacher_});
  // In another log the same person may take part at the same time.
  const std::int64_t other_log = add_log();
  auto elsewhere = run(add, {other_log, nurse_, health_, kT0 + 3 * kDay, teacher_});
  ASSERT_TRUE(elsewhere) << elsewhere.error().detail;
}

// --- the holder -------------------------------------------------------------

TEST_F(StoreRules, ALogHasOneHolderRowChangedOnlyByUpdate) {
  expect_conflict("INSERT INTO log_holder (log_id, participant_id, since_ms) VALUES (?, ?, ?)",
                  {log_, p_nurse_, kT0 + 1});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM log_holder WHERE log_id = ?", {log_}), 1);
  EXPECT_EQ(scalar("SELECT participant_id FROM log_holder WHERE log_id = ?", {log_}), p_teacher_);

  // A handover is an update of the one row.
  auto handover = run("UPDATE log_holder SET participant_id = ?, since_ms = ? WHERE log_id = ? AND participant_id = ?",
                      {p_nurse_, kT0 + kDay, log_, p_teacher_});
  ASSERT_TRUE(handover) << handover.error().detail;
  EXPECT_EQ(*handover, 1);
  EXPECT_EQ(scalar("SELECT participant_id FROM log_holder WHERE log_id = ?", {log_}), p_nurse_);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM log_holder WHERE log_id = ?", {log_}), 1);

  // A compare-and-set against a holder that is no longer current changes nothing.
  auto stale = run("UPDATE log_holder SET participant_id = ?, since_ms = ? WHERE log_id = ? AND participant_id = ?",
                   {p_advisor_, kT0 + 2 * kDay, log_, p_teacher_});
  ASSERT_TRUE(stale) << stale.error().detail;
  EXPECT_EQ(*stale, 0);
  EXPECT_EQ(scalar("SELECT participant_id FROM log_holder WHERE log_id = ?", {log_}), p_nurse_);

  expect_refused("DELETE FROM log_holder WHERE log_id = ?", {log_}, "log_holder", "log_id", log_);
}

TEST_F(StoreRules, ConcurrentHandoversHaveExactlyOneWinner) {
  const std::string cas =
      "UPDATE log_holder SET participant_id = ? , since_ms = ? WHERE log_id = ? AND participant_id = ?";
  for (int round = 0; round < 20; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    auto reset = run("UPDATE log_holder SET participant_id = ?, since_ms = ? WHERE log_id = ?",
                     {p_teacher_, kT0 + round, log_});
    ASSERT_TRUE(reset) << reset.error().detail;

    const std::int64_t candidates[2] = {p_nurse_, p_advisor_};
    Result<std::int64_t> outcome[2] = {make_error(Errc::kInternal, "not run"), make_error(Errc::kInternal, "not run")};
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&, t] {
        ++ready;
        while (ready.load() < 2) std::this_thread::yield();
        outcome[t] = store::transact_value<std::int64_t>(*db_, TxMode::kWrite, [&](Transaction& tx) {
          auto changed = tx.execute(cas, {candidates[t], kT0 + kDay + round, log_, p_teacher_});
          // Hold the transaction open a moment so the other one has to meet it.
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
          return changed;
        });
      });
    }
    for (auto& th : threads) th.join();

    int winners = 0, winner = -1;
    for (int t = 0; t < 2; ++t) {
      if (outcome[t] && *outcome[t] == 1) {
        ++winners;
        winner = t;
      } else if (outcome[t]) {
        EXPECT_EQ(*outcome[t], 0) << "thread " << t;
      } else {
        EXPECT_TRUE(outcome[t].error().code == Errc::kConflict || outcome[t].error().code == Errc::kUnavailable)
            << "thread " << t << ": " << outcome[t].error().detail;
      }
    }
    ASSERT_EQ(winners, 1);
    const Rows holders = select("SELECT participant_id FROM log_holder WHERE log_id = ?", {log_});
    ASSERT_EQ(holders.size(), 1u);
    EXPECT_EQ(holders.front().int64(0), candidates[winner]);
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM log_holder"), 1);
}

// --- handovers --------------------------------------------------------------

TEST_F(StoreRules, OnePendingHandoverPerLogAndADecisionIsFinal) {
  const char* propose =
      "INSERT INTO handover (log_id, from_participant_id, to_participant_id, proposed_at_ms, proposed_by_person_id,"
      " status) VALUES (?, ?, ?, ?, ?, 'pending')";
  const std::int64_t first = insert_id(propose, {log_, p_teacher_, p_nurse_, kT0, teacher_});
  expect_conflict(propose, {log_, p_teacher_, p_advisor_, kT0 + 1, teacher_});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM handover WHERE log_id = ?", {log_}), 1);

  // A pending handover cannot be pointed at someone else or moved to another log.
  expect_refused("UPDATE handover SET to_participant_id = ? WHERE id = ?", {p_advisor_, first}, "handover", "id",
                 first);
  expect_refused("UPDATE handover SET from_participant_id = ? WHERE id = ?", {p_advisor_, first}, "handover", "id",
                 first);
  // A decision needs its time.
  expect_refused("UPDATE handover SET status = 'accepted' WHERE id = ?", {first}, "handover", "id", first);

  auto decide = run("UPDATE handover SET status = 'accepted', decided_at_ms = ?, decided_by_person_id = ?"
                    " WHERE id = ? AND status = 'pending'",
                    {kT0 + kDay, nurse_, first});
  ASSERT_TRUE(decide) << decide.error().detail;
  EXPECT_EQ(*decide, 1);

  // Decided once: not re-decided, not reopened, not re-dated.
  expect_refused("UPDATE handover SET status = 'rejected' WHERE id = ?", {first}, "handover", "id", first);
  expect_refused("UPDATE handover SET status = 'pending', decided_at_ms = NULL, decided_by_person_id = NULL"
                 " WHERE id = ?",
                 {first}, "handover", "id", first);
  expect_refused("UPDATE handover SET decided_at_ms = ? WHERE id = ?", {kT0 + 2 * kDay, first}, "handover", "id",
                 first);
  expect_refused("DELETE FROM handover WHERE id = ?", {first}, "handover", "id", first);

  // With no pending one left, a new proposal is allowed (and is again the only pending one).
  const std::int64_t second = insert_id(propose, {log_, p_nurse_, p_advisor_, kT0 + 3 * kDay, nurse_});
  EXPECT_NE(second, first);
  expect_conflict(propose, {log_, p_nurse_, p_teacher_, kT0 + 4 * kDay, nurse_});
  // Another log has its own pending handover.
  const std::int64_t other_log = add_log();
  const std::int64_t q_teacher = add_employee_participant(other_log, teacher_, school_);
  const std::int64_t q_nurse = add_employee_participant(other_log, nurse_, health_);
  auto elsewhere = run(propose, {other_log, q_teacher, q_nurse, kT0, teacher_});
  ASSERT_TRUE(elsewhere) << elsewhere.error().detail;
}

// --- CHECK constraints ------------------------------------------------------

TEST_F(StoreRules, ConsentChecksRefuseImpossibleConsents) {
  const char* sql =
      "INSERT INTO consent (log_id, given_by_person_id, given_as, method, attested_by_person_id,"
      " recorded_by_person_id, given_at_ms, valid_until_ms, review_at_ms, info_text_version, info_text_hash,"
      " supersedes_consent_id) VALUES (?, ?, 'guardian', ?, ?, ?, ?, ?, ?, 'v1', 'h1', ?)";
  const std::int64_t before = scalar("SELECT COUNT(*) FROM consent");
  const Value until = kT0 + 365 * kDay;
  // Paper without the attesting employee.
  expect_conflict(sql, {log_, mother_, std::string("paper"), Null{}, teacher_, kT0, until, Null{}, Null{}});
  // Digital with an attesting employee (attestation belongs to paper only).
  expect_conflict(sql, {log_, mother_, std::string("digital"), teacher_, mother_, kT0, until, Null{}, Null{}});
  // Neither valid-until nor a review date.
  expect_conflict(sql, {log_, mother_, std::string("digital"), Null{}, mother_, kT0, Null{}, Null{}, Null{}});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM consent"), before);

  // The correct versions land: paper attested, and a review date alone is enough.
  auto paper = run(sql, {log_, mother_, std::string("paper"), teacher_, teacher_, kT0, until, Null{}, Null{}});
  ASSERT_TRUE(paper) << paper.error().detail;
  auto review_only = run(sql, {log_, mother_, std::string("digital"), Null{}, mother_, kT0, Null{},
                               kT0 + 180 * kDay, Null{}});
  ASSERT_TRUE(review_only) << review_only.error().detail;

  // A consent is superseded at most once.
  const std::int64_t original = add_consent(log_, mother_);
  const std::int64_t replacement = add_consent(log_, mother_, original);
  EXPECT_NE(replacement, original);
  expect_conflict(sql, {log_, mother_, std::string("digital"), Null{}, mother_, kT0, until, Null{}, original});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM consent WHERE supersedes_consent_id = ?", {original}), 1);
  // The replacement itself may be superseded in turn.
  const std::int64_t third = add_consent(log_, mother_, replacement);
  EXPECT_NE(third, replacement);
}

TEST_F(StoreRules, ANationalIdHashNeedsItsSealedValue) {
  const char* sql =
      "INSERT INTO person (given_name, family_name, national_id_hash, national_id_sealed, created_at_ms)"
      " VALUES ('Fiktiv', 'Personsen', ?, ?, ?)";
  const Blob hash = {1, 2, 3, 4};
  const Blob sealed = {9, 8, 7, 6, 5};
  const std::int64_t before = scalar("SELECT COUNT(*) FROM person");
  expect_conflict(sql, {hash, Null{}, kT0});
  expect_conflict(sql, {Null{}, sealed, kT0});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM person"), before);
  auto both = run(sql, {hash, sealed, kT0});
  ASSERT_TRUE(both) << both.error().detail;
  // The hash is unique: one person per national identity number.
  expect_conflict(sql, {hash, sealed, kT0});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM person"), before + 1);
}

TEST_F(StoreRules, AnOpenLogAlwaysHasAHolder) {
  expect_conflict(
      "INSERT INTO log (child_person_id, municipality_id, status, level, opened_at_ms, opened_by_person_id)"
      " VALUES (?, ?, 'open', 1, ?, ?)",
      {child_, municipality_, kT0, teacher_});
  const std::int64_t fresh = add_log();
  expect_conflict("UPDATE log SET status = 'open' WHERE id = ?", {fresh});
  const std::int64_t holder = add_employee_participant(fresh, teacher_, school_);
  insert("INSERT INTO log_holder (log_id, participant_id, since_ms) VALUES (?, ?, ?)", {fresh, holder, kT0});
  insert("UPDATE log SET status = 'open' WHERE id = ?", {fresh});
  expect_conflict("DELETE FROM log_holder WHERE log_id = ?", {fresh});
}

}  // namespace
}  // namespace stafett
