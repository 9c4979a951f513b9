#include "app/family_copy.h"

#include "app/access.h"
#include "app/access_listing.h"
#include "app/entry_writing.h"
#include "app/log_use_cases.h"
#include "policy/policy.h"
#include "store/entry_repository.h"

namespace stafett::app {
namespace {

using store::Transaction;

Error forbidden() { return make_error(Errc::kForbidden, "family copy"); }

// More than this many accesses is a copy nobody can read; the family page
// pages through them, and a municipality would answer such an inquiry by hand.
constexpr int kMaxAccessPages = 100;

}  // namespace

Result<FamilyCopy> family_copy(store::Database& db, AccessTrail& trail, const policy::Actor& actor, domain::LogId log,
                               const Clock& clock) {
  // Decide before anything is recorded or read.
  auto allowed = store::transact_value<bool>(db, store::TxMode::kRead, [&](Transaction& tx) -> Result<bool> {
    auto facts = load_access_facts(tx, actor, log, clock.now());
    return facts && policy::can(actor, policy::Action::kExportFamilyCopy, *facts).allowed;
  });
  if (!allowed) return allowed.error();
  if (!*allowed) return forbidden();

  FamilyCopy copy;
  copy.made_at = clock.now();
  // The log as on its page, and the record of this export (waited for).
  auto shown = show_log(db, trail, actor, log, clock, domain::AccessAction::kExport);
  if (!shown) return shown.error();
  copy.log = std::move(*shown);

  auto content = store::transact_value<FamilyCopy>(db, store::TxMode::kRead, [&](Transaction& tx) -> Result<FamilyCopy> {
    FamilyCopy part;
    auto facts = load_access_facts(tx, actor, log, clock.now());
    if (!facts || !policy::can(actor, policy::Action::kExportFamilyCopy, *facts)) return forbidden();
    AccessNames names(tx);
    auto entries = store::entries_of(tx, log);
    if (!entries) return entries.error();
    for (const auto& e : *entries) {
      if (!writing::may_read_entry(actor, *facts, e)) continue;
      CopyEntry out{e.id, e.kind, e.category, e.parent, e.created_at, {}, {}};
      auto author = names.person_name(e.author);
      if (!author) return author.error();
      out.author_name = std::move(*author);
      for (const auto& v : e.versions) {
        auto by = names.person_name(v.author);
        if (!by) return by.error();
        out.versions.push_back({v.version, v.at, std::move(*by), v.body, v.correction_reason});
      }
      part.entries.push_back(std::move(out));
    }
    auto glass = store::break_glass_of_log(tx, log);
    if (!glass) return glass.error();
    part.break_glass = std::move(*glass);
    return part;
  });
  if (!content) return content.error();
  copy.entries = std::move(content->entries);
  copy.break_glass = std::move(content->break_glass);

  // Every access, through the family's own page (the same masking of what
  // they may not see), page by page.
  AccessFilterInput filter;
  for (int page = 0; page < kMaxAccessPages; ++page) {
    auto accesses = log_accesses(db, actor, log, filter, clock);
    if (!accesses) return accesses.error();
    for (auto& line : accesses->lines) copy.accesses.push_back(std::move(line));
    if (!accesses->older) break;
    filter.before = std::to_string(*accesses->older);
  }
  return copy;
}

}  // namespace stafett::app
