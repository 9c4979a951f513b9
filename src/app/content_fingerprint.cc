#include "app/content_fingerprint.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <vector>

#include "crypto/hash_chain.h"
#include "store/access_record_codec.h"
#include "store/access_record_repository.h"

namespace stafett::app {
namespace {

// Each field as <length>:<bytes>, so no two different rows give the same
// bytes; an absent value is "-" (a present one always has a length first).
void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out.push_back(':');
  out.append(field);
}
void put(std::string& out, std::int64_t n) { put(out, std::to_string(n)); }
void put_absent(std::string& out) { out.push_back('-'); }

bool changes_an_entry(const domain::AccessRecord& r) {
  return (r.action == domain::AccessAction::kCreate || r.action == domain::AccessAction::kCorrect) &&
         r.record.has_value();
}

}  // namespace

std::string entry_version_fingerprint(const store::EntryRow& e, const store::EntryVersionRow& v) {
  std::string bytes = "entry-version/1";
  put(bytes, e.id.value);
  put(bytes, e.log.value);
  put(bytes, domain::entry_kind_code(e.kind));
  put(bytes, domain::info_category_code(e.category));
  put(bytes, e.hidden_from_guardians ? "hidden_from_guardians" : "everyone");
  put(bytes, e.hidden_reason);
  put(bytes, e.legal_reference);
  if (e.parent) put(bytes, e.parent->value); else put_absent(bytes);
  put(bytes, e.author.value);
  if (e.author_unit) put(bytes, e.author_unit->value); else put_absent(bytes);
  put(bytes, to_unix_ms(e.created_at));
  put(bytes, v.version);
  put(bytes, v.body);
  put(bytes, v.author.value);
  put(bytes, to_unix_ms(v.at));
  if (v.correction_reason) put(bytes, *v.correction_reason); else put_absent(bytes);
  return crypto::to_hex(crypto::content_digest(bytes));
}

Result<void> fingerprint_change(store::Transaction& tx, domain::AccessRecord& record) {
  if (!changes_an_entry(record)) return {};
  auto entry = store::find_entry(tx, record.log, *record.record);
  if (!entry) return entry.error();
  if (!*entry || (*entry)->versions.empty()) {
    return make_error(Errc::kInternal, "the changed entry " + std::to_string(record.record->value) + " is not there");
  }
  record.content = entry_version_fingerprint(**entry, (*entry)->versions.back());
  return {};
}

std::string_view content_break_name(ContentBreak kind) {
  switch (kind) {
    case ContentBreak::kNone: return "none";
    case ContentBreak::kChanged: return "changed content";
    case ContentBreak::kUnrecorded: return "unrecorded content";
  }
  return "none";
}

Result<ContentReport> verify_entry_content(store::Database& db, std::size_t page_size) {
  page_size = std::max<std::size_t>(page_size, 1);
  // entry id -> (fingerprint -> the sequences that recorded it). A version
  // is recorded once; a fingerprint seen twice is simply matched twice.
  std::map<std::int64_t, std::multimap<std::string, std::uint64_t>> recorded;
  std::int64_t after = std::numeric_limits<std::int64_t>::min();
  for (bool more = true; more;) {
    auto page = store::transact_value<std::vector<store::AccessChainRow>>(
        db, store::TxMode::kRead, [&](store::Transaction& tx) { return store::read_access_chain(tx, after, page_size); });
    if (!page) return page.error();
    for (const auto& row : *page) {
      after = row.sequence;
      auto record = store::decode_access_record(row.record);
      if (!record || record->content.empty() || !changes_an_entry(*record)) continue;
      recorded[record->record->value].emplace(record->content, static_cast<std::uint64_t>(std::max<std::int64_t>(row.sequence, 0)));
    }
    more = !page->empty();
  }

  ContentReport report;
  std::optional<ContentReport> unrecorded;
  std::int64_t after_entry = std::numeric_limits<std::int64_t>::min();
  for (bool more = true; more;) {
    auto page = store::transact_value<std::vector<store::EntryRow>>(
        db, store::TxMode::kRead, [&](store::Transaction& tx) { return store::entries_after(tx, after_entry, page_size); });
    if (!page) return page.error();
    for (const auto& entry : *page) {
      after_entry = entry.id.value;
      auto& fingerprints = recorded[entry.id.value];
      for (const auto& version : entry.versions) {
        ++report.versions_checked;
        auto match = fingerprints.find(entry_version_fingerprint(entry, version));
        if (match != fingerprints.end()) {
          fingerprints.erase(match);
        } else if (!unrecorded) {
          unrecorded = ContentReport{ContentBreak::kUnrecorded, 0, entry.id.value, version.version, 0};
        }
      }
    }
    more = !page->empty();
  }

  // What is left was recorded but is no longer stored as it was.
  for (const auto& [entry, fingerprints] : recorded) {
    for (const auto& [fingerprint, sequence] : fingerprints) {
      if (report.kind == ContentBreak::kNone || sequence < report.sequence) {
        report.kind = ContentBreak::kChanged;
        report.sequence = sequence;
        report.entry = entry;
      }
    }
  }
  if (report.kind == ContentBreak::kNone && unrecorded) {
    const auto checked = report.versions_checked;
    report = *unrecorded;
    report.versions_checked = checked;
  }
  return report;
}

}  // namespace stafett::app
