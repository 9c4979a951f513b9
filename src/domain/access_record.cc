#include "domain/access_record.h"

#include <array>
#include <utility>

namespace stafett::domain {
namespace {

constexpr std::array<std::pair<AccessAction, std::string_view>, 9> kActions{{
    {AccessAction::kView, "view"},
    {AccessAction::kCreate, "create"},
    {AccessAction::kCorrect, "correct"},
    {AccessAction::kPrint, "print"},
    {AccessAction::kExport, "export"},
    {AccessAction::kConsentChange, "consent_change"},
    {AccessAction::kChange, "change"},
    {AccessAction::kRemove, "remove"},
    {AccessAction::kFind, "find"},
}};

// A JSON string: quotes, backslashes and control characters escaped, so the
// canonical form is unambiguous whatever a name contains.
void put_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
}

void put_key(std::string& out, std::string_view key) {
  if (out.size() > 1) out.push_back(',');
  put_string(out, key);
  out.push_back(':');
}

void put_number_or_null(std::string& out, std::optional<std::int64_t> v) {
  out += v ? std::to_string(*v) : "null";
}

}  // namespace

std::string_view access_action_code(AccessAction action) {
  for (const auto& [a, code] : kActions) {
    if (a == action) return code;
  }
  return "view";
}

std::optional<AccessAction> access_action_from_code(std::string_view code) {
  for (const auto& [a, c] : kActions) {
    if (c == code) return a;
  }
  return std::nullopt;
}

std::string_view access_basis_code(AccessBasis basis) {
  switch (basis) {
    case AccessBasis::kParticipation: return "participation";
    case AccessBasis::kFamily: return "family";
    case AccessBasis::kBreakGlass: return "break_glass";
    case AccessBasis::kRetention: return "retention";
  }
  return "participation";
}

std::optional<AccessBasis> access_basis_from_code(std::string_view code) {
  for (AccessBasis b :
       {AccessBasis::kParticipation, AccessBasis::kFamily, AccessBasis::kBreakGlass, AccessBasis::kRetention}) {
    if (access_basis_code(b) == code) return b;
  }
  return std::nullopt;
}

std::string canonical(const AccessRecord& r) {
  std::string out = "{";
  put_key(out, "v");
  out += r.content.empty() ? "1" : "2";
  put_key(out, "person");
  out += std::to_string(r.person.value);
  put_key(out, "role");
  put_string(out, r.role);
  put_key(out, "unit");
  put_number_or_null(out, r.unit ? std::optional<std::int64_t>(r.unit->value) : std::nullopt);
  put_key(out, "service");
  put_string(out, r.service);
  put_key(out, "basis");
  put_string(out, access_basis_code(r.basis));
  put_key(out, "consent");
  put_number_or_null(out, r.consent);
  put_key(out, "break_glass");
  put_string(out, r.break_glass_reason);
  put_key(out, "at_ms");
  out += std::to_string(to_unix_ms(r.at));
  put_key(out, "child");
  out += std::to_string(r.child.value);
  put_key(out, "log");
  out += std::to_string(r.log.value);
  put_key(out, "kind");
  if (r.record_kind) {
    put_string(out, entry_kind_code(*r.record_kind));
  } else {
    out += "null";
  }
  put_key(out, "record");
  put_number_or_null(out, r.record ? std::optional<std::int64_t>(r.record->value) : std::nullopt);
  put_key(out, "action");
  put_string(out, access_action_code(r.action));
  put_key(out, "session");
  put_string(out, r.session_hash);
  put_key(out, "idp");
  put_string(out, r.identity_provider);
  put_key(out, "acr");
  put_string(out, r.assurance);
  if (!r.content.empty()) {
    put_key(out, "content");
    put_string(out, r.content);
  }
  out.push_back('}');
  return out;
}

}  // namespace stafett::domain
