#include "store/consent_repository.h"

#include <map>

namespace stafett::store {

Result<domain::ConsentId> insert_consent(Transaction& tx, const domain::Consent& c) {
  auto opt_ms = [](const std::optional<TimePoint>& t) { return t ? Value{to_unix_ms(*t)} : Value{Null{}}; };
  auto rows = tx.query(
      "INSERT INTO consent (log_id, given_by_person_id, given_as, method, attested_by_person_id,"
      " recorded_by_person_id, given_at_ms, valid_until_ms, review_at_ms, info_text_version, info_text_hash,"
      " supersedes_consent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {c.log.value, c.given_by.value,
       std::string(c.given_as == domain::ConsenterRole::kChild ? "child" : "guardian"),
       std::string(c.method == domain::ConsentMethod::kPaper ? "paper" : "digital"),
       c.attested_by ? Value{c.attested_by->value} : Value{Null{}}, c.recorded_by.value, to_unix_ms(c.given_at),
       opt_ms(c.valid_until), opt_ms(c.review_at), c.info_text_version, c.info_text_hash,
       c.supersedes ? Value{c.supersedes->value} : Value{Null{}}});
  if (!rows) return rows.error();
  const domain::ConsentId id{rows->front().int64(0)};
  for (domain::UnitId u : c.scope.units) {
    if (auto r = tx.execute("INSERT INTO consent_unit (consent_id, unit_id) VALUES (?, ?)", {id.value, u.value}); !r) {
      return r.error();
    }
  }
  for (domain::ServiceType s : c.scope.service_types) {
    if (auto r = tx.execute("INSERT INTO consent_service (consent_id, service_type) VALUES (?, ?)",
                            {id.value, std::string(domain::service_type_code(s))});
        !r) {
      return r.error();
    }
  }
  for (domain::InfoCategory cat : domain::kAllInfoCategories) {
    if (!c.scope.categories.contains(cat)) continue;
    if (auto r = tx.execute("INSERT INTO consent_category (consent_id, category) VALUES (?, ?)",
                            {id.value, std::string(domain::info_category_code(cat))});
        !r) {
      return r.error();
    }
  }
  return id;
}

Result<std::vector<domain::Consent>> consents_of(Transaction& tx, domain::LogId log) {
  auto rows = tx.query(
      "SELECT c.id, c.given_by_person_id, c.given_as, c.method, c.attested_by_person_id, c.recorded_by_person_id,"
      " c.given_at_ms, c.valid_until_ms, c.review_at_ms, c.info_text_version, c.info_text_hash,"
      " c.supersedes_consent_id, w.withdrawn_by_person_id, w.withdrawn_at_ms"
      " FROM consent c LEFT JOIN consent_withdrawal w ON w.consent_id = c.id WHERE c.log_id = ? ORDER BY c.id",
      {log.value});
  if (!rows) return rows.error();
  std::vector<domain::Consent> out;
  std::map<std::int64_t, std::size_t> index;
  for (const Row& r : *rows) {
    domain::Consent c;
    c.id = domain::ConsentId{r.int64(0)};
    c.log = log;
    c.given_by = domain::PersonId{r.int64(1)};
    c.given_as = r.text(2) == "child" ? domain::ConsenterRole::kChild : domain::ConsenterRole::kGuardian;
    c.method = r.text(3) == "paper" ? domain::ConsentMethod::kPaper : domain::ConsentMethod::kDigital;
    if (!r.is_null(4)) c.attested_by = domain::PersonId{r.int64(4)};
    c.recorded_by = domain::PersonId{r.int64(5)};
    c.given_at = from_unix_ms(r.int64(6));
    if (!r.is_null(7)) c.valid_until = from_unix_ms(r.int64(7));
    if (!r.is_null(8)) c.review_at = from_unix_ms(r.int64(8));
    c.info_text_version = r.text(9);
    c.info_text_hash = r.text(10);
    if (!r.is_null(11)) c.supersedes = domain::ConsentId{r.int64(11)};
    if (!r.is_null(12)) c.withdrawal = domain::ConsentWithdrawal{domain::PersonId{r.int64(12)}, from_unix_ms(r.int64(13))};
    index[c.id.value] = out.size();
    out.push_back(std::move(c));
  }
  if (out.empty()) return out;
  auto units = tx.query(
      "SELECT cu.consent_id, cu.unit_id FROM consent_unit cu JOIN consent c ON c.id = cu.consent_id WHERE c.log_id = ?",
      {log.value});
  if (!units) return units.error();
  for (const Row& r : *units) out[index.at(r.int64(0))].scope.units.insert(domain::UnitId{r.int64(1)});
  auto services = tx.query(
      "SELECT cs.consent_id, cs.service_type FROM consent_service cs JOIN consent c ON c.id = cs.consent_id"
      " WHERE c.log_id = ?",
      {log.value});
  if (!services) return services.error();
  for (const Row& r : *services) {
    auto s = domain::service_type_from_code(r.text(1));
    if (!s) return make_error(Errc::kInternal, "unknown service type in consent");
    out[index.at(r.int64(0))].scope.service_types.insert(*s);
  }
  auto categories = tx.query(
      "SELECT cc.consent_id, cc.category FROM consent_category cc JOIN consent c ON c.id = cc.consent_id"
      " WHERE c.log_id = ?",
      {log.value});
  if (!categories) return categories.error();
  for (const Row& r : *categories) {
    auto cat = domain::info_category_from_code(r.text(1));
    if (!cat) return make_error(Errc::kInternal, "unknown category in consent");
    out[index.at(r.int64(0))].scope.categories.add(*cat);
  }
  return out;
}

Result<void> insert_withdrawal(Transaction& tx, domain::ConsentId consent, domain::PersonId by,
                               domain::PersonId recorded_by, TimePoint at) {
  auto r = tx.execute(
      "INSERT INTO consent_withdrawal (consent_id, withdrawn_by_person_id, recorded_by_person_id, withdrawn_at_ms)"
      " VALUES (?, ?, ?, ?)",
      {consent.value, by.value, recorded_by.value, to_unix_ms(at)});
  if (!r) return r.error();
  return {};
}

}  // namespace stafett::store
