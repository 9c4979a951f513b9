#include "app/retention.h"

#include <chrono>

#include "app/access_chain.h"
#include "store/access_record_repository.h"
#include "store/municipality_repository.h"
#include "store/retention_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;
using store::TxMode;

std::vector<RemovedLink> removed_links(const std::vector<store::ChainLink>& links) {
  std::vector<RemovedLink> out;
  for (const auto& l : links) {
    RemovedLink r{static_cast<std::uint64_t>(l.sequence), {}};
    if (l.hash.size() == r.hash.size()) std::copy(l.hash.begin(), l.hash.end(), r.hash.begin());
    out.push_back(r);
  }
  return out;
}

// The removal event for `log`: no person, no child, the log's number, and the
// fingerprint of exactly the records it removes.
domain::AccessRecord removal_event(domain::LogId log, const std::vector<store::ChainLink>& links, TimePoint now) {
  domain::AccessRecord e;
  e.person = domain::PersonId{0};
  e.role = "retention";
  e.basis = domain::AccessBasis::kRetention;
  e.at = now;
  e.child = domain::PersonId{0};
  e.log = log;
  e.action = domain::AccessAction::kRemove;
  e.session_hash = "";
  e.identity_provider = "retention";
  e.assurance = "";
  e.content = removal_digest(removed_links(links));
  return e;
}

// Removes what is due for one log in one transaction: either the whole log
// or its old reads. Checks again inside the transaction that the log is
// still closed and still due, so a log reopened meanwhile is left alone.
Result<std::optional<RetentionAction>> apply(store::Database& db, domain::MunicipalityId municipality,
                                             domain::LogId log, bool whole_log, TimePoint reads_before,
                                             TimePoint logs_closed_before, TimePoint now, bool dry_run) {
  std::optional<RetentionAction> done;
  auto r = db.transact(dry_run ? TxMode::kRead : TxMode::kWrite, [&](Transaction& tx) -> Result<void> {
    auto closed = store::closed_log(tx, municipality, log);
    if (!closed) return closed.error();
    const bool still_due = *closed && (!whole_log || (*closed)->closed_since < logs_closed_before);
    if (!still_due) return {};
    auto links = whole_log ? store::access_links_of_log(tx, log) : store::read_links_of_log_before(tx, log, reads_before);
    if (!links) return links.error();
    if (!whole_log && links->empty()) return {};
    done = RetentionAction{municipality, log, whole_log, links->size()};
    if (dry_run) return {};
    if (auto g = store::open_retention_gate(tx); !g) return g;
    if (whole_log) {
      if (auto d = store::delete_closed_log(tx, log); !d) return d;
    }
    const auto event = removal_event(log, *links, now);
    if (auto a = append_access_records_in(tx, std::span<const domain::AccessRecord>(&event, 1)); !a) return a;
    auto head = store::access_chain_head(tx);
    if (!head) return head.error();
    if (!*head) return make_error(Errc::kInternal, "the removal event is not in the chain");
    if (auto x = store::redact_access_records(tx, *links, (*head)->sequence); !x) return x;
    return store::close_retention_gate(tx);
  });
  if (!r) return r.error();
  return done;
}

}  // namespace

Result<RetentionReport> run_retention(store::Database& db, const Clock& clock, bool dry_run) {
  const TimePoint now = clock.now();
  RetentionReport report;
  report.dry_run = dry_run;
  auto municipalities = store::transact_value<std::vector<domain::Municipality>>(
      db, TxMode::kRead, [](Transaction& tx) { return store::list_municipalities(tx); });
  if (!municipalities) return municipalities.error();
  for (const auto& m : *municipalities) {
    struct Due {
      domain::LogId log;
      bool whole_log = false;
    };
    std::vector<Due> due;
    TimePoint logs_before{}, reads_before{};
    auto found = db.transact(TxMode::kRead, [&](Transaction& tx) -> Result<void> {
      auto settings = store::retention_settings(tx, m.id);
      if (!settings) return settings.error();
      if (!settings->closed_log_days && !settings->access_record_days) return {};
      using std::chrono::days;
      if (settings->closed_log_days) logs_before = now - days(*settings->closed_log_days);
      if (settings->access_record_days) reads_before = now - days(*settings->access_record_days);
      auto closed = store::closed_logs(tx, m.id);
      if (!closed) return closed.error();
      for (const auto& c : *closed) {
        if (settings->closed_log_days && c.closed_since < logs_before) {
          due.push_back({c.log, true});
        } else if (settings->access_record_days) {
          due.push_back({c.log, false});
        }
      }
      return {};
    });
    if (!found) return found.error();
    for (const auto& d : due) {
      auto done = apply(db, m.id, d.log, d.whole_log, reads_before, logs_before, now, dry_run);
      if (!done) return done.error();
      if (*done) report.actions.push_back(**done);
    }
  }
  return report;
}

}  // namespace stafett::app
