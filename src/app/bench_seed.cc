#include "app/bench_seed.h"

#include <string>
#include <vector>

#include "domain/entry.h"
#include "store/entry_codec.h"
#include "store/entry_repository.h"
#include "store/log_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using namespace std::chrono;
using store::Transaction;
using store::TxMode;

// Writes in chunks so no transaction grows without bound.
constexpr int kLogsPerTransaction = 250;

struct Writer {
  domain::PersonId person;
  std::optional<domain::UnitId> unit;
};

std::string note_text(int n) {
  return "Fiktiv observasjon nr. " + std::to_string(n) +
         ": barnet deltok godt i aktivitetene i dag, og samarbeidet med de andre gikk fint.";
}

Result<void> add_notes(Transaction& tx, domain::LogId log, const Writer& by, int count, int first, TimePoint now) {
  for (int i = 0; i < count; ++i) {
    domain::NoteBody body;
    body.date = domain::Date{floor<days>(now - days(count - i))};
    body.text = note_text(first + i);
    store::NewEntry e{log, domain::EntryKind::kNote, domain::InfoCategory::kNotes, std::nullopt, by.person, by.unit,
                      store::encode(body), {}};
    if (auto id = store::insert_entry(tx, e, now - days(count - i)); !id) return id.error();
  }
  return {};
}

}  // namespace

Result<BenchSeedReport> seed_bench(store::Database& db, const BenchSeedSize& size, const Clock& clock) {
  if (size.logs < 0 || size.entries < 0 || size.measured_entries < 0) {
    return make_error(Errc::kInvalidInput, "sizes must not be negative");
  }
  const TimePoint now = clock.now();
  BenchSeedReport report;
  // The measured log: demo log 1, written by its holder.
  std::vector<Writer> holders;
  domain::MunicipalityId municipality{0};
  auto first = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto log = store::find_log(tx, domain::LogId{1});
    if (!log) return log.error();
    if (!*log) return make_error(Errc::kNotFound, "demo log 1 (seed the demo data first)");
    municipality = (*log)->municipality;
    auto holder = store::holder_of(tx, domain::LogId{1});
    if (!holder) return holder.error();
    auto participants = store::participants_of(tx, domain::LogId{1});
    if (!participants) return participants.error();
    for (const auto& p : *participants) {
      if (!p.unit || p.participant.ended_at) continue;
      Writer w{p.person.id, p.unit->id};
      if (holder->has_value() && p.participant.id == **holder) {
        if (auto r = add_notes(tx, domain::LogId{1}, w, size.measured_entries, 0, now); !r) return r;
      }
      holders.push_back(w);
    }
    report.entries += size.measured_entries;
    return {};
  });
  if (!first) return first.error();
  if (holders.empty()) return make_error(Errc::kNotFound, "an employee in demo log 1");

  const int per_log = size.logs > 0 ? size.entries / size.logs : 0;
  for (int start = 0; start < size.logs; start += kLogsPerTransaction) {
    const int end = std::min(size.logs, start + kLogsPerTransaction);
    auto chunk = db.transact(TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
      for (int i = start; i < end; ++i) {
        store::NewPerson child;
        child.given_name = "Benk";
        child.family_name = "Barn " + std::to_string(i + 1);
        const auto birth = year_month_day{floor<days>(now - days(365 * 3 + i % (365 * 12)))};
        child.birth_date = domain::date_code(birth);
        auto person = store::insert_person(tx, child, now);
        if (!person) return person.error();
        const Writer& holder = holders[static_cast<std::size_t>(i) % holders.size()];
        const TimePoint opened = now - days(200);
        auto log = store::insert_log(tx, *person, municipality, 1 + i % 3, holder.person, "benchmark data", opened);
        if (!log) return log.error();
        domain::Participant p;
        p.log = *log;
        p.person = holder.person;
        p.role = domain::ParticipantRole::kContributor;
        p.unit = holder.unit;
        p.added_at = opened;
        auto participant = store::insert_participant(tx, p, holder.person);
        if (!participant) return participant.error();
        if (auto r = store::insert_holder(tx, *log, *participant, opened); !r) return r;
        if (auto r = store::open_new_log(tx, *log); !r) return r;
        // The remainder goes to the last log so the total is exact.
        const int count = per_log + (i == size.logs - 1 ? size.entries - per_log * size.logs : 0);
        if (auto r = add_notes(tx, *log, holder, count, report.entries, now); !r) return r;
        report.entries += count;
        ++report.logs;
      }
      return {};
    });
    if (!chunk) return chunk.error();
  }
  return report;
}

}  // namespace stafett::app
