#include "store/access_record_codec.h"

#include <boost/json.hpp>

#include <optional>

namespace stafett::store {
namespace {

namespace json = boost::json;

Error damaged(const char* what) { return make_error(Errc::kInternal, std::string("damaged access record: ") + what); }

const json::value* member(const json::object& o, const char* key) {
  auto it = o.find(key);
  return it == o.end() ? nullptr : &it->value();
}

Result<std::string> text(const json::object& o, const char* key) {
  const json::value* v = member(o, key);
  if (v == nullptr || !v->is_string()) return damaged(key);
  return std::string(v->as_string());
}

Result<std::int64_t> number(const json::object& o, const char* key) {
  const json::value* v = member(o, key);
  if (v == nullptr || !v->is_int64()) return damaged(key);
  return v->as_int64();
}

// A number or null: canonical() writes absent optional values as null.
Result<std::optional<std::int64_t>> number_or_null(const json::object& o, const char* key) {
  const json::value* v = member(o, key);
  if (v == nullptr) return damaged(key);
  if (v->is_null()) return std::optional<std::int64_t>{};
  if (!v->is_int64()) return damaged(key);
  return std::optional<std::int64_t>{v->as_int64()};
}

}  // namespace

Result<domain::AccessRecord> decode_access_record(std::string_view canonical) {
  boost::system::error_code ec;
  json::value parsed = json::parse(canonical, ec);
  if (ec || !parsed.is_object()) return damaged("not an object");
  const json::object& o = parsed.as_object();
  auto version = number(o, "v");
  if (!version || (*version != 1 && *version != 2)) return damaged("v");

  domain::AccessRecord r;
  auto person = number(o, "person");
  auto role = text(o, "role");
  auto unit = number_or_null(o, "unit");
  auto service = text(o, "service");
  auto basis = text(o, "basis");
  auto consent = number_or_null(o, "consent");
  auto break_glass = text(o, "break_glass");
  auto at = number(o, "at_ms");
  auto child = number(o, "child");
  auto log = number(o, "log");
  auto entry = number_or_null(o, "record");
  auto action = text(o, "action");
  auto session = text(o, "session");
  auto idp = text(o, "idp");
  auto acr = text(o, "acr");
  for (const Result<std::string>* t : {&role, &service, &basis, &break_glass, &action, &session, &idp, &acr}) {
    if (!*t) return t->error();
  }
  for (const Result<std::int64_t>* n : {&person, &at, &child, &log}) {
    if (!*n) return n->error();
  }
  for (const Result<std::optional<std::int64_t>>* n : {&unit, &consent, &entry}) {
    if (!*n) return n->error();
  }
  const auto basis_value = domain::access_basis_from_code(*basis);
  const auto action_value = domain::access_action_from_code(*action);
  if (!basis_value) return damaged("basis");
  if (!action_value) return damaged("action");

  r.person = domain::PersonId{*person};
  r.role = std::move(*role);
  if (*unit) r.unit = domain::UnitId{**unit};
  r.service = std::move(*service);
  r.basis = *basis_value;
  r.consent = *consent;
  r.break_glass_reason = std::move(*break_glass);
  r.at = from_unix_ms(*at);
  r.child = domain::PersonId{*child};
  r.log = domain::LogId{*log};
  const json::value* kind = member(o, "kind");
  if (kind == nullptr) return damaged("kind");
  if (!kind->is_null()) {
    if (!kind->is_string()) return damaged("kind");
    auto k = domain::entry_kind_from_code(std::string_view(kind->as_string()));
    if (!k) return damaged("kind");
    r.record_kind = *k;
  }
  if (*entry) r.record = domain::EntryId{**entry};
  r.action = *action_value;
  r.session_hash = std::move(*session);
  r.identity_provider = std::move(*idp);
  r.assurance = std::move(*acr);
  if (*version == 2) {
    auto content = text(o, "content");
    if (!content) return content.error();
    if (content->empty()) return damaged("content");
    r.content = std::move(*content);
  }
  // Whatever the parser tolerated (extra keys, another order, escapes
  // written differently), the record must be the very bytes the chain covers.
  if (domain::canonical(r) != canonical) return damaged("not canonical");
  return r;
}

}  // namespace stafett::store
