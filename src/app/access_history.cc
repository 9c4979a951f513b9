#include "app/access_history.h"

#include <algorithm>
#include <map>

#include "app/access.h"
#include "app/entry_writing.h"
#include "core/oslo_time.h"
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

// The first instant of an Oslo date: the end of the day before.
TimePoint oslo_start_of_day(domain::Date date) {
  return oslo_end_of_day(domain::Date{std::chrono::sys_days{date} - std::chrono::days{1}});
}

// The period of the filter, both dates inclusive. A date that is not a
// date, or a period that ends before it starts, is a field error.
store::AccessRecordFilter period_of(const AccessFilterInput& in, domain::FieldProblems& errors) {
  store::AccessRecordFilter f;
  std::optional<domain::Date> from;
  std::optional<domain::Date> to;
  if (!in.from.empty()) {
    from = domain::date_from_code(in.from);
    if (!from) errors.push_back({"from", "access.error.from"});
  }
  if (!in.to.empty()) {
    to = domain::date_from_code(in.to);
    if (!to) errors.push_back({"to", "access.error.to"});
  }
  if (from && to && *to < *from) errors.push_back({"to", "access.error.period"});
  if (from) f.from = oslo_start_of_day(*from);
  if (to) f.until = oslo_end_of_day(*to);
  return f;
}

// The cursor of the previous page: a record of this very listing (`belongs`
// says whether it is), so a cursor cannot be used to probe other records.
template <class Belongs>
Result<std::optional<store::AccessRecordPosition>> cursor_of(Transaction& tx, const std::string& text,
                                                             Belongs belongs, domain::FieldProblems& errors) {
  if (text.empty()) return std::optional<store::AccessRecordPosition>{};
  const auto sequence = writing::parse_id(text);
  if (!sequence) {
    errors.push_back({"before", "access.error.before"});
    return std::optional<store::AccessRecordPosition>{};
  }
  auto place = store::find_access_record_place(tx, *sequence);
  if (!place) return place.error();
  if (!*place || !belongs(**place)) {
    errors.push_back({"before", "access.error.before"});
    return std::optional<store::AccessRecordPosition>{};
  }
  return std::optional<store::AccessRecordPosition>{(*place)->position};
}

// Names of people and units, each looked up once per page.
class Names {
 public:
  explicit Names(Transaction& tx) : tx_(tx) {}

  Result<std::optional<store::PersonRow>> person(domain::PersonId id) {
    auto it = people_.find(id.value);
    if (it != people_.end()) return it->second;
    auto row = store::find_person(tx_, id);
    if (!row) return row.error();
    people_.emplace(id.value, *row);
    return *row;
  }
  Result<std::string> person_name(domain::PersonId id) {
    auto p = person(id);
    if (!p) return p.error();
    return *p ? (*p)->full_name() : std::string();
  }
  Result<std::string> unit_name(domain::UnitId id) {
    auto it = units_.find(id.value);
    if (it != units_.end()) return it->second;
    auto row = store::find_unit(tx_, id);
    if (!row) return row.error();
    std::string name = *row ? (*row)->name : std::string();
    units_.emplace(id.value, name);
    return name;
  }

 private:
  Transaction& tx_;
  std::map<std::int64_t, std::optional<store::PersonRow>> people_;
  std::map<std::int64_t, std::string> units_;
};

// Who, as what, on which basis and what they did; the target is decided by
// the caller, who knows what the reader may see.
Result<AccessLine> line_of(Names& names, const store::ListedAccessRecord& listed) {
  const auto& r = listed.record;
  AccessLine line;
  line.sequence = listed.sequence;
  line.at = r.at;
  line.person = r.person;
  auto name = names.person_name(r.person);
  if (!name) return name.error();
  line.person_name = std::move(*name);
  line.role = r.role;
  if (r.unit) {
    auto unit = names.unit_name(*r.unit);
    if (!unit) return unit.error();
    line.unit_name = std::move(*unit);
  }
  line.service = r.service;
  line.action = r.action;
  line.basis = r.basis;
  if (r.basis == domain::AccessBasis::kBreakGlass) line.break_glass_reason = r.break_glass_reason;
  return line;
}

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
    Names names(tx);
    auto row = store::find_log(tx, log);
    if (!row) return row.error();
    if (!*row) return forbidden();
    auto child = names.person_name((*row)->child);
    if (!child) return child.error();
    view.child_name = std::move(*child);

    auto people = store::people_in_access_records(tx, log);
    if (!people) return people.error();
    for (domain::PersonId p : *people) {
      auto name = names.person_name(p);
      if (!name) return name.error();
      view.people.push_back({p, std::move(*name)});
    }
    std::stable_sort(view.people.begin(), view.people.end(),
                     [](const PersonChoice& a, const PersonChoice& b) { return a.name < b.name; });

    auto filter = period_of(input, view.errors);
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
    auto before = cursor_of(tx, input.before, [&](const store::AccessRecordPlace& p) { return p.log == log; },
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
      auto line = line_of(names, listed);
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
    auto filter = period_of(input, view.errors);
    auto before = cursor_of(tx, input.before,
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
    Names names(tx);
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
      auto line = line_of(names, listed);
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
