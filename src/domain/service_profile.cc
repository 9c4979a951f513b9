#include "domain/service_profile.h"

#include <algorithm>

#include "domain/markdown.h"
#include "domain/model_text.h"

namespace stafett::domain {
namespace {

constexpr std::array<std::string_view, kAllNeeds.size()> kNeedCodes = {
    "language", "learning", "behaviour", "mental_health", "physical_health", "substance",
    "violence", "family",   "economy",   "leisure",       "absence"};

void note(FieldProblems& p, const std::string& field, const std::optional<std::string>& problem) {
  if (problem) p.push_back({field, *problem});
}

}  // namespace

std::string_view need_code(Need need) {
  const auto i = static_cast<std::size_t>(need);
  return i < kNeedCodes.size() ? kNeedCodes[i] : std::string_view("unknown");
}

std::optional<Need> need_from_code(std::string_view code) {
  for (std::size_t i = 0; i < kNeedCodes.size(); ++i) {
    if (kNeedCodes[i] == code) return kAllNeeds[i];
  }
  return std::nullopt;
}

std::string LevelSet::code() const {
  std::string out;
  for (int l = 0; l <= 3; ++l) {
    if (!contains(l)) continue;
    if (!out.empty()) out += ',';
    out += static_cast<char>('0' + l);
  }
  return out;
}

std::optional<LevelSet> level_set_from_code(std::string_view code) {
  LevelSet s;
  std::size_t i = 0;
  while (i < code.size()) {
    if (code[i] < '0' || code[i] > '3') return std::nullopt;
    s.at[static_cast<std::size_t>(code[i] - '0')] = true;
    ++i;
    if (i < code.size()) {
      if (code[i] != ',') return std::nullopt;
      ++i;
    }
  }
  return s;
}

ServiceProfileCheck check_service_profile(const ServiceProfileInput& in) {
  ServiceProfileCheck out;
  auto& p = out.problems;
  auto& s = out.profile;
  note(p, "description", model_markdown_problem(in.description, kMaxServiceDescription));
  s.description = in.description;

  const auto from = small_number_from_text(in.age_from, 99);
  const auto to = small_number_from_text(in.age_to, 99);
  if (!from || *from > kMaxCatalogueAge) p.push_back({"age_from", "model.error.age"});
  if (!to || *to > kMaxCatalogueAge) p.push_back({"age_to", "model.error.age"});
  if (from && to && *from <= kMaxCatalogueAge && *to <= kMaxCatalogueAge && *from > *to) {
    p.push_back({"age_to", "model.error.age_order"});
  }
  s.age_from = from.value_or(0);
  s.age_to = to.value_or(0);

  for (const auto& code : in.needs) {
    const auto need = need_from_code(code);
    if (!need) {
      p.push_back({"needs", "model.error.need"});
      break;
    }
    if (std::find(s.needs.begin(), s.needs.end(), *need) == s.needs.end()) s.needs.push_back(*need);
  }
  std::sort(s.needs.begin(), s.needs.end());

  for (const auto& l : in.levels) {
    if (l.size() != 1 || l[0] < '0' || l[0] > '3') {
      p.push_back({"levels", "model.error.levels"});
      break;
    }
    s.levels.at[static_cast<std::size_t>(l[0] - '0')] = true;
  }
  if (s.levels.empty() && (p.empty() || p.back().field != "levels")) p.push_back({"levels", "model.error.levels"});

  const bool phone_blank = in.phone.find_first_not_of(" \t") == std::string::npos;
  if (!phone_blank) {
    const auto phone = normalize_phone(in.phone);
    // 110, 112 and 113 are the emergency services' numbers, never a unit's.
    if (!phone || phone->size() == 3) {
      p.push_back({"phone", "model.error.phone"});
    } else {
      s.phone = *phone;
    }
  }
  note(p, "address", model_line_problem(in.address, 300, false));
  s.address = in.address;
  const auto hours = parse_opening_hours(in.opening_hours);
  if (!hours) {
    p.push_back({"opening_hours", "model.error.opening_hours"});
  } else {
    s.opening_hours = *hours;
  }
  if (!in.contact_form_url.empty() && !is_public_web_link(in.contact_form_url)) {
    p.push_back({"contact_form_url", "model.error.link"});
  }
  s.contact_form_url = in.contact_form_url;
  s.referral_needed = in.referral_needed;
  s.is_public = in.is_public;
  if (s.is_public && phone_blank && in.address.find_first_not_of(' ') == std::string::npos &&
      in.contact_form_url.empty()) {
    p.push_back({"phone", "model.error.no_contact"});
  }
  return out;
}

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // Æ Ø Å (C3 86, C3 98, C3 85) → æ ø å (C3 A6, C3 B8, C3 A5).
      unsigned char n = static_cast<unsigned char>(text[i + 1]);
      if (n == 0x86 || n == 0x98 || n == 0x85) n = static_cast<unsigned char>(n + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(n);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool matches(const ServiceProfile& profile, std::string_view unit_name, const ServiceFilter& filter) {
  if (filter.age && (*filter.age < profile.age_from || *filter.age > profile.age_to)) return false;
  if (filter.need && std::find(profile.needs.begin(), profile.needs.end(), *filter.need) == profile.needs.end()) {
    return false;
  }
  if (filter.level && !profile.levels.contains(*filter.level)) return false;
  if (!filter.words.empty()) {
    const std::string haystack =
        fold_case(unit_name) + " " + fold_case(plain_text(parse_markdown(profile.description)));
    std::size_t start = 0;
    while (start < filter.words.size()) {
      std::size_t end = filter.words.find(' ', start);
      if (end == std::string::npos) end = filter.words.size();
      const auto word = std::string_view(filter.words).substr(start, end - start);
      if (!word.empty() && haystack.find(word) == std::string::npos) return false;
      start = end + 1;
    }
  }
  return true;
}

}  // namespace stafett::domain
