#include "domain/contact_details.h"

#include <algorithm>
#include <array>

namespace stafett::domain {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// --- Phone numbers ---

constexpr std::size_t kMaxPhoneLength = 30;

// --- Opening hours ---

struct DayName {
  std::string_view name;
  int day;
};

// Bokmål and nynorsk, full and short, already lower case (UTF-8).
constexpr std::array<DayName, 22> kDayNames{{
    {"mandag", 0}, {"måndag", 0}, {"man", 0}, {"mån", 0},
    {"tirsdag", 1}, {"tysdag", 1}, {"tir", 1}, {"tys", 1},
    {"onsdag", 2}, {"ons", 2},
    {"torsdag", 3}, {"tor", 3},
    {"fredag", 4}, {"fre", 4},
    {"lørdag", 5}, {"laurdag", 5}, {"lør", 5}, {"lau", 5},
    {"søndag", 6}, {"sundag", 6}, {"søn", 6}, {"sun", 6},
}};

// What format_opening_hours writes.
constexpr std::array<std::string_view, 7> kShortDayNames{"man", "tir", "ons", "tor", "fre", "lør", "søn"};

constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr int kMinutesPerDay = 24 * 60;

// Lower case (ASCII and Æ Ø Å), every dash as '-' and every blank as ' ', so
// the parser sees one spelling. Other bytes pass through and fail later.
std::string simplify(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const std::string_view tail = s.substr(i);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\t' || c == '\r') {
      out += ' ';
    } else if (tail.starts_with("\xC2\xA0")) {  // no-break space, common in pasted text
      out += ' ';
      ++i;
    } else if (tail.starts_with("\xE2\x80\x93") || tail.starts_with("\xE2\x80\x94")) {
      out += '-';
      i += 2;
    } else if (c == '\xC3' && i + 1 < s.size() && (s[i + 1] == '\x85' || s[i + 1] == '\x86' || s[i + 1] == '\x98')) {
      out += c;  // Å Æ Ø -> å æ ø: the lower-case letter is 0x20 further on
      out += static_cast<char>(s[i + 1] + 0x20);
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

void skip_spaces(std::string_view& s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
}

bool eat(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

std::optional<int> read_day(std::string_view& s) {
  std::size_t n = 0;
  while (n < s.size() && (is_ascii_letter(s[n]) || static_cast<unsigned char>(s[n]) >= 0x80)) ++n;
  const std::string_view word = s.substr(0, n);
  for (const auto& d : kDayNames) {
    if (d.name == word) {
      s.remove_prefix(n);
      return d.day;
    }
  }
  return std::nullopt;
}

// "H", "HH", "H.MM", "HH.MM", "H:MM", "HH:MM"; 24 only as 24.00.
std::optional<int> read_time(std::string_view& s) {
  std::size_t n = 0;
  int hours = 0;
  while (n < s.size() && is_digit(s[n]) && n < 3) hours = hours * 10 + (s[n++] - '0');
  if (n == 0 || n > 2) return std::nullopt;
  s.remove_prefix(n);
  int minutes = 0;
  if (!s.empty() && (s.front() == '.' || s.front() == ':')) {
    if (s.size() < 3 || !is_digit(s[1]) || !is_digit(s[2]) || (s.size() > 3 && is_digit(s[3]))) return std::nullopt;
    minutes = (s[1] - '0') * 10 + (s[2] - '0');
    s.remove_prefix(3);
  }
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

// "<day>[-<day>] <from>-<to>" with optional spaces around the dashes.
std::optional<OpeningPeriod> parse_period(std::string_view s) {
  OpeningPeriod p;
  const auto first = read_day(s);
  if (!first) return std::nullopt;
  p.first_day = p.last_day = *first;
  skip_spaces(s);
  if (eat(s, '-')) {
    skip_spaces(s);
    const auto last = read_day(s);
    if (!last || *last < *first) return std::nullopt;
    p.last_day = *last;
    skip_spaces(s);
  }
  const auto opens = read_time(s);
  skip_spaces(s);
  if (!opens || !eat(s, '-')) return std::nullopt;
  skip_spaces(s);
  const auto closes = read_time(s);
  skip_spaces(s);
  if (!closes || !s.empty() || *opens >= *closes) return std::nullopt;
  p.opens_minute = *opens;
  p.closes_minute = *closes;
  return p;
}

void append_two_digits(std::string& out, int v) {
  out += static_cast<char>('0' + v / 10 % 10);
  out += static_cast<char>('0' + v % 10);
}

void append_time(std::string& out, int minute) {
  append_two_digits(out, minute / 60);
  out += '.';
  append_two_digits(out, minute % 60);
}

// --- Links ---

bool is_alnum(char c) { return is_digit(c) || is_ascii_letter(c); }

// Letters, digits and hyphens in dot-separated labels; the last label not all
// digits, so an IP address (often internal) is not taken for a public site.
bool is_public_host(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.find('.') == std::string_view::npos) return false;
  std::string_view label;
  while (true) {
    const auto dot = host.find('.');
    label = host.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; })) return false;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return !std::all_of(label.begin(), label.end(), is_digit);
}

// Printable ASCII without space, quotes, angle brackets or backslash: nothing
// that could end an HTML attribute or be read differently by a browser.
bool is_safe_url_char(char c) {
  if (c <= ' ' || c > '~') return false;
  return c != '"' && c != '\'' && c != '`' && c != '<' && c != '>' && c != '\\';
}

}  // namespace

std::optional<std::string> normalize_phone(std::string_view typed) {
  if (typed.size() > kMaxPhoneLength) return std::nullopt;
  typed = trim_spaces(typed);
  const bool plus = eat(typed, '+');
  if (typed.empty() || !is_digit(typed.front())) return std::nullopt;
  std::string digits;
  for (const char c : typed) {
    if (is_digit(c)) {
      digits += c;
    } else if (c != ' ') {
      return std::nullopt;
    }
  }
  bool country_code = false;
  if (plus) {
    if (!digits.starts_with("47")) return std::nullopt;
    digits.erase(0, 2);
    country_code = true;
  } else if (digits.size() == 12 && digits.starts_with("0047")) {
    digits.erase(0, 4);
    country_code = true;
  }
  if (digits.size() == 8 && digits[0] >= '2') {
    std::string out;
    for (std::size_t i = 0; i < 8; i += 2) {
      if (i > 0) out += ' ';
      out += digits.substr(i, 2);
    }
    return out;
  }
  // Short numbers are dialled without a country code.
  if (country_code) return std::nullopt;
  if (digits.size() == 3 && digits[0] == '1') return digits;
  if (digits.size() == 6 && digits.starts_with("116")) return digits.substr(0, 3) + " " + digits.substr(3);
  return std::nullopt;
}

std::string phone_link(std::string_view canonical) {
  std::string digits;
  for (const char c : canonical) {
    if (is_digit(c)) digits += c;
  }
  return digits.size() == 8 ? "+47" + digits : digits;
}

std::optional<OpeningHours> parse_opening_hours(std::string_view typed) {
  if (typed.size() > kMaxOpeningHoursBytes) return std::nullopt;
  const std::string text = simplify(typed);
  OpeningHours hours;
  std::array<bool, 7> day_taken{};
  std::string_view rest = text;
  while (true) {
    const auto end = rest.find_first_of(",;\n");
    // Blank pieces (a trailing comma, an empty line) carry no period.
    const std::string_view piece = trim_spaces(rest.substr(0, end));
    if (!piece.empty()) {
      const auto period = parse_period(piece);
      if (!period || hours.periods.size() == kMaxOpeningPeriods) return std::nullopt;
      for (int d = period->first_day; d <= period->last_day; ++d) {
        auto& taken = day_taken[static_cast<std::size_t>(d)];
        if (taken) return std::nullopt;
        taken = true;
      }
      hours.periods.push_back(*period);
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return hours;
}

std::string format_opening_hours(const OpeningHours& hours) {
  std::string out;
  for (const auto& p : hours.periods) {
    if (!out.empty()) out += ", ";
    out += kShortDayNames[static_cast<std::size_t>(p.first_day)];
    if (p.last_day != p.first_day) {
      out += kEnDash;
      out += kShortDayNames[static_cast<std::size_t>(p.last_day)];
    }
    out += ' ';
    append_time(out, p.opens_minute);
    out += kEnDash;
    append_time(out, p.closes_minute);
  }
  return out;
}

bool is_open_at(const OpeningHours& hours, int day, int minute) {
  if (day < 0 || day > 6 || minute < 0 || minute >= kMinutesPerDay) return false;
  return std::any_of(hours.periods.begin(), hours.periods.end(), [&](const OpeningPeriod& p) {
    return p.first_day <= day && day <= p.last_day && p.opens_minute <= minute && minute < p.closes_minute;
  });
}

bool is_public_web_link(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (url.size() > kMaxWebLinkLength || !url.starts_with(kScheme)) return false;
  url.remove_prefix(kScheme.size());
  const auto host_end = url.find_first_of(":/?#");
  if (!is_public_host(url.substr(0, host_end))) return false;
  std::string_view rest = host_end == std::string_view::npos ? std::string_view{} : url.substr(host_end);
  if (eat(rest, ':')) {
    std::size_t n = 0;
    long port = 0;
    while (n < rest.size() && is_digit(rest[n]) && n < 6) port = port * 10 + (rest[n++] - '0');
    if (n == 0 || n > 5 || port == 0 || port > 65535) return false;
    rest.remove_prefix(n);
    if (!rest.empty() && rest.front() != '/' && rest.front() != '?' && rest.front() != '#') return false;
  }
  return std::all_of(rest.begin(), rest.end(), is_safe_url_char);
}

}  // namespace stafett::domain
