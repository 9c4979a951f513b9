#include "store/model_history_repository.h"

#include <boost/json.hpp>

namespace stafett::store {
namespace {

namespace json = boost::json;

constexpr const char* kSelect =
    "SELECT c.id, c.municipality_id, c.kind, c.item_id, c.version, c.snapshot, c.summary, c.saved_at_ms,"
    " c.saved_by_person_id, COALESCE(p.given_name || ' ' || p.family_name, '')"
    " FROM model_change c LEFT JOIN person p ON p.id = c.saved_by_person_id ";

Result<domain::ModelSnapshot> decode_snapshot(const std::string& text) {
  boost::system::error_code ec;
  const auto parsed = json::parse(text, ec);
  if (ec || !parsed.is_object()) return make_error(Errc::kInternal, "model_change snapshot does not decode");
  domain::ModelSnapshot out;
  for (const auto& [key, value] : parsed.as_object()) {
    if (!value.is_string()) return make_error(Errc::kInternal, "model_change snapshot does not decode");
    out.emplace_back(std::string(key), std::string(value.as_string()));
  }
  return out;
}

Result<std::vector<domain::ModelChange>> changes_of(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  std::vector<domain::ModelChange> out;
  for (const Row& r : *rows) {
    auto kind = domain::model_kind_from_code(r.text(2));
    auto snapshot = decode_snapshot(r.text(5));
    if (!kind) return make_error(Errc::kInternal, "unknown model kind");
    if (!snapshot) return snapshot.error();
    domain::ModelChange c;
    c.id = r.int64(0);
    c.municipality = domain::MunicipalityId{r.int64(1)};
    c.kind = *kind;
    c.item = r.int64(3);
    c.version = static_cast<int>(r.int64(4));
    c.snapshot = std::move(*snapshot);
    c.summary = r.text(6);
    c.saved_at = from_unix_ms(r.int64(7));
    if (!r.is_null(8)) c.saved_by = domain::PersonId{r.int64(8)};
    c.saved_by_name = r.text(9);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::optional<domain::ModelChange>> one(Result<std::vector<domain::ModelChange>> list) {
  if (!list) return list.error();
  if (list->empty()) return std::optional<domain::ModelChange>{};
  return std::optional<domain::ModelChange>{std::move(list->front())};
}

}  // namespace

std::string encode_snapshot(const domain::ModelSnapshot& snapshot) {
  json::object o;
  for (const auto& [key, value] : snapshot) o[key] = value;
  return json::serialize(o);
}

Result<int> append_model_change(Transaction& tx, domain::MunicipalityId municipality, domain::ModelKind kind,
                                std::int64_t item, const domain::ModelSnapshot& snapshot, const std::string& summary,
                                std::optional<domain::PersonId> by, TimePoint now) {
  const std::string code(domain::model_kind_code(kind));
  auto latest = tx.query("SELECT MAX(version) FROM model_change WHERE kind = ? AND item_id = ?", {code, item});
  if (!latest) return latest.error();
  const int version = latest->empty() || latest->front().is_null(0) ? 1 : static_cast<int>(latest->front().int64(0)) + 1;
  auto r = tx.execute(
      "INSERT INTO model_change (municipality_id, kind, item_id, version, snapshot, summary, saved_at_ms,"
      " saved_by_person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {municipality.value, code, item, std::int64_t{version}, encode_snapshot(snapshot), summary, to_unix_ms(now),
       by ? Value{by->value} : Value{Null{}}});
  if (!r) return r.error();
  return version;
}

Result<std::vector<domain::ModelChange>> model_changes(Transaction& tx, domain::MunicipalityId municipality,
                                                       std::size_t limit) {
  return changes_of(tx.query(std::string(kSelect) + "WHERE c.municipality_id = ? ORDER BY c.id DESC LIMIT ?",
                             {municipality.value, static_cast<std::int64_t>(limit)}));
}

Result<std::optional<domain::ModelChange>> find_model_change(Transaction& tx, domain::MunicipalityId municipality,
                                                             std::int64_t id) {
  return one(changes_of(
      tx.query(std::string(kSelect) + "WHERE c.municipality_id = ? AND c.id = ?", {municipality.value, id})));
}

Result<std::optional<domain::ModelChange>> previous_model_change(Transaction& tx, const domain::ModelChange& change) {
  return one(changes_of(tx.query(std::string(kSelect) + "WHERE c.kind = ? AND c.item_id = ? AND c.version = ?",
                                 {std::string(domain::model_kind_code(change.kind)), change.item,
                                  std::int64_t{change.version - 1}})));
}

}  // namespace stafett::store
