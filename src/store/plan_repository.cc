#include "store/plan_repository.h"

#include "core/oslo_time.h"
#include "domain/entry.h"

namespace stafett::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, municipality_id, level, kind, title, body, owner, reviewed_on, is_public FROM plan ";

Result<domain::Plan> plan_of(const Row& r) {
  domain::Plan p;
  p.id = r.int64(0);
  p.municipality = domain::MunicipalityId{r.int64(1)};
  const auto level = domain::plan_level_from_code(r.text(2));
  const auto kind = domain::plan_kind_from_code(r.text(3));
  const auto reviewed = domain::date_from_code(r.text(7));
  if (!level || !kind || !reviewed) return make_error(Errc::kInternal, "plan does not decode");
  p.level = *level;
  p.kind = *kind;
  p.title = r.text(4);
  p.body = r.text(5);
  p.owner = r.text(6);
  p.reviewed_on = *reviewed;
  p.is_public = r.int64(8) != 0;
  return p;
}

Params values(const domain::Plan& p) {
  return {std::string(domain::plan_level_code(p.level)), std::string(domain::plan_kind_code(p.kind)), p.title, p.body,
          p.owner, iso_date(p.reviewed_on), std::int64_t{p.is_public ? 1 : 0}};
}

}  // namespace

Result<std::int64_t> insert_plan(Transaction& tx, const domain::Plan& p, TimePoint now) {
  Params params{p.municipality.value};
  for (auto& v : values(p)) params.push_back(std::move(v));
  params.push_back(to_unix_ms(now));
  auto rows = tx.query(
      "INSERT INTO plan (municipality_id, level, kind, title, body, owner, reviewed_on, is_public, created_at_ms)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      params);
  if (!rows) return rows.error();
  return rows->front().int64(0);
}

Result<void> update_plan(Transaction& tx, const domain::Plan& p) {
  Params params = values(p);
  params.push_back(p.id);
  auto r = tx.execute(
      "UPDATE plan SET level = ?, kind = ?, title = ?, body = ?, owner = ?, reviewed_on = ?, is_public = ? WHERE id = ?",
      params);
  if (!r) return r.error();
  return {};
}

Result<std::vector<domain::Plan>> plans_of(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(std::string(kColumns) + "WHERE municipality_id = ? ORDER BY level, title, id",
                       {municipality.value});
  if (!rows) return rows.error();
  std::vector<domain::Plan> out;
  for (const Row& r : *rows) {
    auto p = plan_of(r);
    if (!p) return p.error();
    out.push_back(std::move(*p));
  }
  return out;
}

Result<std::optional<domain::Plan>> find_plan(Transaction& tx, std::int64_t id) {
  auto rows = tx.query(std::string(kColumns) + "WHERE id = ?", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<domain::Plan>{};
  auto p = plan_of(rows->front());
  if (!p) return p.error();
  return std::optional<domain::Plan>{std::move(*p)};
}

}  // namespace stafett::store
