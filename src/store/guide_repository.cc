#include "store/guide_repository.h"

namespace stafett::store {
namespace {

constexpr const char* kVersionColumns =
    "SELECT v.id, v.number, v.summary, v.published_at_ms, v.published_by_person_id, COALESCE(p.given_name || ' ' || p.family_name, ''), ";

GuideVersionRow version_from(const Row& r, bool with_document) {
  GuideVersionRow v;
  v.id = r.int64(0);
  v.number = static_cast<int>(r.int64(1));
  v.summary = r.text(2);
  v.published_at = from_unix_ms(r.int64(3));
  if (!r.is_null(4)) v.published_by = domain::PersonId{r.int64(4)};
  v.published_by_name = r.text(5);
  if (with_document) v.document = r.text(6);
  return v;
}

}  // namespace

Result<std::optional<GuideVersionRow>> latest_guide_version(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(std::string(kVersionColumns) +
                           "v.document FROM guide_version v LEFT JOIN person p ON p.id = v.published_by_person_id"
                           " WHERE v.municipality_id = ? ORDER BY v.number DESC LIMIT 1",
                       {municipality.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<GuideVersionRow>{};
  return std::optional<GuideVersionRow>{version_from(rows->front(), true)};
}

Result<int> latest_guide_number(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query("SELECT COALESCE(MAX(number), 0) FROM guide_version WHERE municipality_id = ?",
                       {municipality.value});
  if (!rows) return rows.error();
  return static_cast<int>(rows->front().int64(0));
}

Result<std::optional<GuideVersionRow>> guide_version(Transaction& tx, domain::MunicipalityId municipality, int number) {
  auto rows = tx.query(std::string(kVersionColumns) +
                           "v.document FROM guide_version v LEFT JOIN person p ON p.id = v.published_by_person_id"
                           " WHERE v.municipality_id = ? AND v.number = ?",
                       {municipality.value, std::int64_t{number}});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<GuideVersionRow>{};
  return std::optional<GuideVersionRow>{version_from(rows->front(), true)};
}

Result<std::vector<GuideVersionRow>> guide_versions(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(std::string(kVersionColumns) +
                           "'' FROM guide_version v LEFT JOIN person p ON p.id = v.published_by_person_id"
                           " WHERE v.municipality_id = ? ORDER BY v.number DESC",
                       {municipality.value});
  if (!rows) return rows.error();
  std::vector<GuideVersionRow> out;
  for (const auto& r : *rows) out.push_back(version_from(r, false));
  return out;
}

Result<GuideVersionRow> insert_guide_version(Transaction& tx, domain::MunicipalityId municipality,
                                             const std::string& document, const std::string& summary,
                                             std::optional<domain::PersonId> by, TimePoint now) {
  auto number = latest_guide_number(tx, municipality);
  if (!number) return number.error();
  auto rows = tx.query(
      "INSERT INTO guide_version (municipality_id, number, document, summary, published_at_ms, published_by_person_id)"
      " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {municipality.value, std::int64_t{*number + 1}, document, summary, to_unix_ms(now),
       by ? Value{by->value} : Value{Null{}}});
  if (!rows) return rows.error();
  GuideVersionRow v;
  v.id = rows->front().int64(0);
  v.number = *number + 1;
  v.summary = summary;
  v.published_at = now;
  v.published_by = by;
  v.document = document;
  return v;
}

Result<std::optional<GuideDraftRow>> guide_draft(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(
      "SELECT document, COALESCE(based_on_number, 0), updated_at_ms, updated_by_person_id FROM guide_draft"
      " WHERE municipality_id = ?",
      {municipality.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<GuideDraftRow>{};
  const auto& r = rows->front();
  return std::optional<GuideDraftRow>{GuideDraftRow{r.text(0), static_cast<int>(r.int64(1)), from_unix_ms(r.int64(2)),
                                                    domain::PersonId{r.int64(3)}}};
}

Result<void> save_guide_draft(Transaction& tx, domain::MunicipalityId municipality, const std::string& document,
                              int based_on_number, domain::PersonId by, TimePoint now) {
  auto r = tx.execute(
      "INSERT INTO guide_draft (municipality_id, document, based_on_number, updated_at_ms, updated_by_person_id)"
      " VALUES (?, ?, ?, ?, ?) ON CONFLICT (municipality_id) DO UPDATE SET document = excluded.document,"
      " based_on_number = excluded.based_on_number, updated_at_ms = excluded.updated_at_ms,"
      " updated_by_person_id = excluded.updated_by_person_id",
      {municipality.value, document, std::int64_t{based_on_number}, to_unix_ms(now), by.value});
  if (!r) return r.error();
  return {};
}

Result<void> delete_guide_draft(Transaction& tx, domain::MunicipalityId municipality) {
  auto r = tx.execute("DELETE FROM guide_draft WHERE municipality_id = ?", {municipality.value});
  if (!r) return r.error();
  return {};
}

}  // namespace stafett::store
