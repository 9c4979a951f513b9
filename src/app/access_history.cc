#include "app/access_history.h"

#include <algorithm>
#include <map>

#include "app/access.h"
#include "app/access_listing.h"
#include "app/entry_writing.h"
#include "domain/entry.h"
#include "store/access_record_repository.h"
#include "store/entry_repository.h"
#include "store/log_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using policy::Action;
using store::Transaction;

Error forbidden() { return make_error(Errc::kForbidden, "access records"); }

// The kind of each entry the reader may see, by entry id; nullopt for one
// they may not (or that cannot be found).
using EntryKinds = std::map<std::int64_t, std::optional<domain::EntryKind>>;

// What the access concerned, as `actor` (who may read the log, by `facts`)
// may know it: an entry they cannot read (a note hidden from guardians) is
// named by neither kind nor id, and neither is one that cannot be found.
Result<void> set_target(Transaction& tx, const policy::Actor& actor, const policy::AccessFacts& facts,
                        const domain::AccessRecord& r, EntryKinds& readable, AccessLine& line) {
  if (!r.record && !r.record_kind) {
    line.target = AccessTarget::kLog;
    return {};
  }
  line.target = AccessTarget::kHiddenEntry;
  if (!r.record) return {};
  auto it = readable.find(r.record->value);
  if (it == readable.end()) {
    auto entry = store::find_entry(tx, r.log, *r.record);
    if (!entry) return entry.error();
    std::optional<domain::EntryKind> kind;
    if (*entry && writing::may_read_entry(actor, facts, **entry)) kind = (*entry)->kind;
    it = readable.emplace(r.record->value, kind).first;
  }
  if (it->second) {
    line.target = AccessTarget::kEntry;
    line.entry_kind = it->second;
  }
  return {};
}

}  // namespace

Result<LogAccessesView> log_accesses(store::Database& db, const policy::Actor& actor, domain::LogId log,
                                     const AccessFilterInput& input, const Clock& clock) {
  const TimePoint now = clock.now();
  return store::transact_value<LogAccessesView>(db, store::TxMode::kRead, [&](Transaction& tx)
                                                    -> Result<LogAccessesView> {
    auto facts = load_access_facts(tx, actor, log, now);
    if (!facts || !policy::can(actor, Action::kViewAccessRecords, *facts)) return forbidden();
    LogAccessesView view;
    view.log = log;
    AccessNames names(tx);
    auto row = store::find_log(tx, log);
    if (!row) return row.error();
    if (!*row) return forbidden();
    auto child = names.person_name((*row)->child);
    if (!child) return child.error();
    view.child_name = std::move(*child);
    auto glass = store::break_glass_of_log(tx, log);
    if (!glass) return glass.error();
    view.break_glass = std::move(*glass);

    auto people = store::people_in_access_records(tx, log);
    if (!people) return people.error();
    for (domain::PersonId p : *people) {
      auto name = names.person_name(p);
      if (!name) return name.error();
      view.people.push_back({p, std::move(*name)});
    }
    std::stable_sort(view.people.begin(), view.people.end(),
                     [](const PersonChoice& a, const PersonChoice& b) { return a.name < b.name; });

    auto filter = access_period(input.from, input.to, view.errors);
    if (!input.person.empty()) {
      // Only someone who appears in this log's records: nothing to learn by
      // trying other ids.
      const auto person = writing::parse_id(input.person);
      const bool known = person && std::any_of(view.people.begin(), view.people.end(),
                                               [&](const PersonChoice& c) { return c.id.value == *person; });
      if (known) {
        filter.person = domain::PersonId{*person};
      } else {
        view.errors.push_back({"person", "access.error.person"});
      }
    }
    auto before = access_cursor(tx, input.before, [&](const store::AccessRecordPlace& p) { return p.log == log; },
                            view.errors);
    if (!before) return before.error();
    filter.before = *before;
    if (!view.errors.empty()) return view;

    auto records = store::list_access_records_for_log(tx, log, filter, kAccessPageSize + 1);
    if (!records) return records.error();
    if (records->size() > kAccessPageSize) {
      records->resize(kAccessPageSize);
      view.older = records->back().sequence;
    }
    EntryKinds readable;
    for (const auto& listed : *records) {
      auto line = access_line_of(names, listed);
      if (!line) return line.error();
      if (auto r = set_target(tx, actor, *facts, listed.record, readable, *line); !r) return r.error();
      view.lines.push_back(std::move(*line));
    }
    return view;
  });
}

Result<OwnAccessesView> own_accesses(store::Database& db, const policy::Actor& actor, const AccessFilterInput& input,
                                     const Clock& clock) {
  if (!policy::can(actor, Action::kListOwnAccesses, policy::AccessFacts{})) return forbidden();
  const TimePoint now = clock.now();
  return store::transact_value<OwnAccessesView>(db, store::TxMode::kRead, [&](Transaction& tx)
                                                    -> Result<OwnAccessesView> {
    OwnAccessesView view;
    auto filter = access_period(input.from, input.to, view.errors);
    auto before = access_cursor(tx, input.before,
                            [&](const store::AccessRecordPlace& p) { return p.person == actor.person; }, view.errors);
    if (!before) return before.error();
    filter.before = *before;
    if (!view.errors.empty()) return view;

    auto records = store::list_access_records_by_person(tx, actor.person, filter, kAccessPageSize + 1);
    if (!records) return records.error();
    if (records->size() > kAccessPageSize) {
      records->resize(kAccessPageSize);
      view.older = records->back().sequence;
    }
    AccessNames names(tx);
    // Whether the actor may read each log now, decided once per log with
    // the same facts as opening it.
    std::map<std::int64_t, std::optional<policy::AccessFacts>> reader;
    EntryKinds readable;
    for (const auto& listed : *records) {
      const auto& r = listed.record;
      auto it = reader.find(r.log.value);
      if (it == reader.end()) {
        auto facts = load_access_facts(tx, actor, r.log, now);
        std::optional<policy::AccessFacts> allowed;
        if (facts && policy::can(actor, Action::kReadLog, *facts)) allowed = std::move(*facts);
        it = reader.emplace(r.log.value, std::move(allowed)).first;
      }
      auto line = access_line_of(names, listed);
      if (!line) return line.error();
      OwnAccessLine own{std::move(*line), r.log, it->second.has_value(), {}};
      if (own.can_read) {
        auto child = names.person(r.child);
        if (!child) return child.error();
        if (*child) own.child_given_name = (*child)->given_name;
        if (auto t = set_target(tx, actor, *it->second, r, readable, own.access); !t) return t.error();
      } else {
        own.access.target = r.record || r.record_kind ? AccessTarget::kHiddenEntry : AccessTarget::kLog;
      }
      view.lines.push_back(std::move(own));
    }
    return view;
  });
}

}  // namespace stafett::app
