#include "store/service_catalogue_repository.h"

#include <algorithm>

#include "core/join.h"

namespace stafett::store {
namespace {

constexpr const char* kSelect =
    "SELECT u.id, u.municipality_id, u.name, u.service_type, m.name, p.unit_id, p.description, p.age_from, p.age_to,"
    " p.needs, p.levels, p.phone, p.address, p.opening_hours, p.contact_form_url, p.referral_needed, p.is_public"
    " FROM unit u JOIN municipality m ON m.id = u.municipality_id LEFT JOIN unit_profile p ON p.unit_id = u.id ";

std::vector<domain::Need> needs_of(const std::string& codes) {
  std::vector<domain::Need> out;
  std::size_t start = 0;
  while (start < codes.size()) {
    std::size_t end = codes.find(',', start);
    if (end == std::string::npos) end = codes.size();
    if (auto n = domain::need_from_code(std::string_view(codes).substr(start, end - start))) out.push_back(*n);
    start = end + 1;
  }
  return out;
}

Result<CatalogueService> service_of(const Row& r) {
  auto service = domain::service_type_from_code(r.text(3));
  if (!service) return make_error(Errc::kInternal, "unknown service type in database");
  CatalogueService s{UnitRow{domain::UnitId{r.int64(0)}, domain::MunicipalityId{r.int64(1)}, r.text(2), *service},
                     r.text(4), std::nullopt};
  if (!r.is_null(5)) {
    domain::ServiceProfile p;
    p.description = r.text(6);
    p.age_from = static_cast<int>(r.int64(7));
    p.age_to = static_cast<int>(r.int64(8));
    p.needs = needs_of(r.text(9));
    auto levels = domain::level_set_from_code(r.text(10));
    auto hours = domain::parse_opening_hours(r.text(13));
    if (!levels || !hours) return make_error(Errc::kInternal, "unit_profile does not decode");
    p.levels = *levels;
    p.phone = r.text(11);
    p.address = r.text(12);
    p.opening_hours = *hours;
    p.contact_form_url = r.text(14);
    p.referral_needed = r.int64(15) != 0;
    p.is_public = r.int64(16) != 0;
    s.profile = std::move(p);
  }
  return s;
}

}  // namespace

Result<std::vector<CatalogueService>> services_of(Transaction& tx, domain::MunicipalityId municipality) {
  auto rows = tx.query(std::string(kSelect) +
                           "JOIN unit_serves s ON s.unit_id = u.id WHERE s.municipality_id = ? ORDER BY u.name, u.id",
                       {municipality.value});
  if (!rows) return rows.error();
  std::vector<CatalogueService> out;
  for (const Row& r : *rows) {
    auto s = service_of(r);
    if (!s) return s.error();
    out.push_back(std::move(*s));
  }
  return out;
}

Result<std::optional<CatalogueService>> find_service(Transaction& tx, domain::UnitId unit) {
  auto rows = tx.query(std::string(kSelect) + "WHERE u.id = ?", {unit.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<CatalogueService>{};
  auto s = service_of(rows->front());
  if (!s) return s.error();
  return std::optional<CatalogueService>{std::move(*s)};
}

Result<void> save_unit_profile(Transaction& tx, domain::UnitId unit, const domain::ServiceProfile& p,
                               std::optional<domain::PersonId> by, TimePoint now) {
  std::string needs;
  for (domain::Need n : p.needs) append_item(needs, ",", domain::need_code(n));
  auto r = tx.execute(
      "INSERT INTO unit_profile (unit_id, description, age_from, age_to, needs, levels, phone, address, opening_hours,"
      " contact_form_url, referral_needed, is_public, updated_at_ms, updated_by_person_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (unit_id) DO UPDATE SET description = excluded.description, age_from = excluded.age_from,"
      " age_to = excluded.age_to, needs = excluded.needs, levels = excluded.levels, phone = excluded.phone,"
      " address = excluded.address, opening_hours = excluded.opening_hours,"
      " contact_form_url = excluded.contact_form_url, referral_needed = excluded.referral_needed,"
      " is_public = excluded.is_public, updated_at_ms = excluded.updated_at_ms,"
      " updated_by_person_id = excluded.updated_by_person_id",
      {unit.value, p.description, std::int64_t{p.age_from}, std::int64_t{p.age_to}, needs, p.levels.code(), p.phone,
       p.address, domain::format_opening_hours(p.opening_hours), p.contact_form_url,
       std::int64_t{p.referral_needed ? 1 : 0}, std::int64_t{p.is_public ? 1 : 0}, to_unix_ms(now),
       by ? Value{by->value} : Value{Null{}}});
  if (!r) return r.error();
  return {};
}

}  // namespace stafett::store
