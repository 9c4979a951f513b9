#include "app/privacy_search.h"

#include <algorithm>
#include <map>

#include "app/access_listing.h"
#include "app/entry_writing.h"
#include "app/privacy_officer_scope.h"
#include "policy/policy.h"
#include "store/access_record_search.h"
#include "store/log_repository.h"
#include "store/municipality_repository.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using policy::Action;
using store::Transaction;

bool in_scope(const std::vector<domain::MunicipalityId>& scope, domain::MunicipalityId m) {
  return std::find(scope.begin(), scope.end(), m) != scope.end();
}

// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // À..Þ (Æ, Ø, Å) except ×
  // Latin Extended-A (Sámi Č, Đ, Ŋ, Š, Ŧ, Ž ...): pairs of upper, lower.
  if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0) return c + 1;
  if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1) return c + 1;
  return c;
}

// Words of a name or a name filter: runs of anything but spaces.
std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> out;
  std::string word;
  for (char c : folded) {
    if (c == ' ') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// A name filter may hold letters, spaces, hyphens, apostrophes and full
// stops: what names are made of. Anything else (digits among letters, ;
// = ( ) % _ quotes...) is refused with a clear message rather than matched.
bool is_name_filter(const std::string& text) {
  if (text.size() < 2 || text.size() > 100) return false;
  bool letter = false;
  for (unsigned char c : text) {
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      letter = true;
    } else if (c != ' ' && c != '-' && c != '\'' && c != '.') {
      return false;
    }
  }
  return letter;
}

// The people `text` names among `candidates`: a person id (digits) that is
// one of them, or every candidate whose name contains each word of the
// filter (case-insensitive). A filter matching nobody, too many or
// malformed is a field error on `field`.
std::vector<domain::PersonId> people_named(const std::string& text, const std::vector<store::PersonRow>& candidates,
                                           const char* field, domain::FieldProblems& errors) {
  std::vector<domain::PersonId> out;
  const std::string prefix = std::string("privacy.error.") + field;
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) {
    const auto id = writing::parse_id(text);
    if (id) {
      for (const auto& c : candidates) {
        if (c.id.value == *id) out.push_back(c.id);
      }
    }
    if (out.empty()) errors.push_back({field, prefix + "_none"});
    return out;
  }
  if (!is_name_filter(text)) {
    errors.push_back({field, prefix});
    return out;
  }
  const auto wanted = words_of(fold_name(text));
  for (const auto& c : candidates) {
    const std::string name = fold_name(c.full_name());
    if (std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return name.find(w) != std::string::npos; })) {
      out.push_back(c.id);
    }
  }
  if (out.empty()) errors.push_back({field, prefix + "_none"});
  if (out.size() > kMaxNameMatches) {
    errors.push_back({field, "privacy.error.too_many_people"});
    out.clear();
  }
  return out;
}

enum class Mode { kSearch, kExport };

Result<PrivacySearchView> run(store::Database& db, const policy::Actor& actor, const PrivacyFilterInput& in,
                              const Clock& clock, Mode mode) {
  const TimePoint now = clock.now();
  const Action action = mode == Mode::kSearch ? Action::kSearchAccessRecords : Action::kExportAccessRecords;
  return store::transact_value<PrivacySearchView>(db, store::TxMode::kRead, [&](Transaction& tx)
                                                      -> Result<PrivacySearchView> {
    PrivacySearchView view;
    auto municipalities = privacy_officer_scope(tx, actor, action, now);
    if (!municipalities) return municipalities.error();
    view.municipalities = std::move(*municipalities);
    store::AccessRecordSearch search;
    for (const auto& m : view.municipalities) search.municipalities.push_back(m.id);

    for (const auto& m : view.municipalities) {
      auto units = store::units_serving(tx, m.id);
      if (!units) return units.error();
      for (const auto& u : *units) {
        const bool known = std::any_of(view.units.begin(), view.units.end(),
                                       [&](const UnitChoice& c) { return c.id == u.id; });
        if (!known) view.units.push_back({u.id, u.name});
      }
    }
    std::stable_sort(view.units.begin(), view.units.end(),
                     [](const UnitChoice& a, const UnitChoice& b) { return a.name < b.name; });

    search.period = access_period(in.from, in.to, view.errors);
    if (!in.log.empty()) {
      // A log of another municipality is answered exactly like one that
      // does not exist: nothing to learn by trying numbers.
      const auto id = writing::parse_id(in.log);
      bool ok = false;
      if (id) {
        auto row = store::find_log(tx, domain::LogId{*id});
        if (!row) return row.error();
        ok = *row && in_scope(search.municipalities, (*row)->municipality);
      }
      if (ok) {
        search.log = domain::LogId{*id};
      } else {
        view.errors.push_back({"log", "privacy.error.log"});
      }
    }
    if (!in.unit.empty()) {
      const auto id = writing::parse_id(in.unit);
      const bool known = id && std::any_of(view.units.begin(), view.units.end(),
                                           [&](const UnitChoice& c) { return c.id.value == *id; });
      if (known) {
        search.unit = domain::UnitId{*id};
      } else {
        view.errors.push_back({"unit", "privacy.error.unit"});
      }
    }
    if (!in.action.empty()) {
      search.action = domain::access_action_from_code(in.action);
      if (!search.action) view.errors.push_back({"action", "privacy.error.action"});
    }
    if (!in.basis.empty()) {
      search.basis = domain::access_basis_from_code(in.basis);
      if (!search.basis) view.errors.push_back({"basis", "privacy.error.basis"});
    }
    if (!in.person.empty()) {
      auto candidates = store::people_in_municipal_access_records(tx, search.municipalities);
      if (!candidates) return candidates.error();
      search.people = people_named(in.person, *candidates, "person", view.errors);
    }
    if (!in.child.empty()) {
      auto candidates = store::children_of_municipal_logs(tx, search.municipalities);
      if (!candidates) return candidates.error();
      search.children = people_named(in.child, *candidates, "child", view.errors);
    }
    if (mode == Mode::kSearch) {
      // Only a record of a log in scope can be a cursor.
      std::optional<Error> failed;
      auto before = access_cursor(
          tx, in.before,
          [&](const store::AccessRecordPlace& p) {
            auto row = store::find_log(tx, p.log);
            if (!row) {
              failed = row.error();
              return false;
            }
            return *row && in_scope(search.municipalities, (*row)->municipality);
          },
          view.errors);
      if (failed) return *failed;
      if (!before) return before.error();
      search.period.before = *before;
    }
    if (!view.errors.empty()) return view;

    const std::size_t page = mode == Mode::kSearch ? kAccessPageSize : kAccessExportLimit;
    auto records = store::search_access_records(tx, search, page + 1);
    if (!records) return records.error();
    if (records->size() > page) {
      if (mode == Mode::kExport) {
        view.errors.push_back({"from", "privacy.error.too_many_records"});
        return view;
      }
      records->resize(page);
      view.older = records->back().sequence;
    }
    AccessNames names(tx);
    for (const auto& listed : *records) {
      auto line = access_line_of(names, listed);
      if (!line) return line.error();
      const auto& r = listed.record;
      PrivacyAccessLine out{std::move(*line), r.log, r.child, {}, r.record_kind, std::nullopt};
      if (r.record) out.record = r.record->value;
      auto child = names.person_name(r.child);
      if (!child) return child.error();
      out.child_name = std::move(*child);
      view.lines.push_back(std::move(out));
    }
    return view;
  });
}

}  // namespace

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    char32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xF0) {
      n = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      n = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      n = 2;
      cp = c & 0x1F;
    }
    if (i + n > text.size()) break;  // a cut-off sequence: not part of any name
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    append_utf8(out, lower(cp));
    i += n;
  }
  return out;
}

Result<PrivacySearchView> search_access_records(store::Database& db, const policy::Actor& actor,
                                                const PrivacyFilterInput& filter, const Clock& clock) {
  return run(db, actor, filter, clock, Mode::kSearch);
}

Result<PrivacySearchView> export_access_records(store::Database& db, const policy::Actor& actor,
                                                const PrivacyFilterInput& filter, const Clock& clock) {
  return run(db, actor, filter, clock, Mode::kExport);
}

}  // namespace stafett::app
