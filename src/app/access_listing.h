#pragma once
// Pieces shared by every page that reads the access chain back for people
// ("Hvem har sett loggen?", "Mine oppslag", the privacy officer's search):
// the period filter (Oslo dates, both inclusive), the keyset cursor, names
// looked up once per page, and one record as a line for people.
// Thread-safety: plain functions; AccessNames belongs to one transaction.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "app/access_history.h"
#include "domain/field_problem.h"
#include "store/access_record_repository.h"
#include "store/database.h"
#include "store/people_repository.h"

namespace stafett::app {

// The period of a filter typed as YYYY-MM-DD Oslo dates, both inclusive
// (from: the first instant of that day; until: the first instant after the
// `to` day). A date that is not a date, or a period that ends before it
// starts, is a field error on "from"/"to" (catalog keys access.error.*).
store::AccessRecordFilter access_period(const std::string& from, const std::string& to,
                                        domain::FieldProblems& errors);

// The cursor of the previous page: `text` is the sequence of a record that
// `belongs` to this very listing, so a cursor cannot probe other records.
// Anything else (not a number, too large, another listing's record, no such
// record) is a field error on "before".
Result<std::optional<store::AccessRecordPosition>> access_cursor(
    store::Transaction& tx, const std::string& text,
    const std::function<bool(const store::AccessRecordPlace&)>& belongs, domain::FieldProblems& errors);

// Names of people and units, each looked up once per page.
class AccessNames {
 public:
  explicit AccessNames(store::Transaction& tx) : tx_(tx) {}
  Result<std::optional<store::PersonRow>> person(domain::PersonId id);
  Result<std::string> person_name(domain::PersonId id);  // empty when unknown
  Result<std::string> unit_name(domain::UnitId id);      // empty when unknown

 private:
  store::Transaction& tx_;
  std::map<std::int64_t, std::optional<store::PersonRow>> people_;
  std::map<std::int64_t, std::string> units_;
};

// Who, as what, on which basis and what they did. The target is left at
// kLog: the caller decides it, knowing what the reader may see.
Result<AccessLine> access_line_of(AccessNames& names, const store::ListedAccessRecord& listed);

}  // namespace stafett::app
