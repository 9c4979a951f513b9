#include "web/i18n.h"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace stafett::web {
namespace {

namespace json = boost::json;
namespace mustache = kainjow::mustache;

// Converts a catalog object to mustache data, collecting "a.b.c" -> text pairs.
Result<mustache::data> convert(const json::value& v, const std::string& prefix,
                               std::vector<std::pair<std::string, std::string>>& flat) {
  if (v.is_string()) {
    std::string s(v.as_string());
    if (s.find("{{") != std::string::npos || s.find("}}") != std::string::npos) {
      return make_error(Errc::kInvalidInput, "catalog text may not contain {{ or }}: " + prefix);
    }
    flat.emplace_back(prefix, s);
    return mustache::data(s);
  }
  if (!v.is_object()) return make_error(Errc::kInvalidInput, "catalog values must be text or objects: " + prefix);
  mustache::data out(mustache::data::type::object);
  for (const auto& [key, child] : v.as_object()) {
    const std::string name(key);
    auto c = convert(child, prefix.empty() ? name : prefix + "." + name, flat);
    if (!c) return c.error();
    out.set(name, std::move(*c));
  }
  return out;
}

}  // namespace

Result<Catalogs> Catalogs::load(const std::filesystem::path& dir) {
  Catalogs out;
  for (Locale locale : kAllLocales) {
    const auto file = dir / (std::string(locale_code(locale)) + ".json");
    std::ifstream in(file);
    if (!in) return make_error(Errc::kUnavailable, "missing catalog " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    boost::system::error_code ec;
    json::value parsed = json::parse(text.str(), ec);
    if (ec) return make_error(Errc::kUnavailable, "malformed catalog " + file.string() + ": " + ec.message());
    const auto i = static_cast<std::size_t>(locale);
    auto converted = convert(parsed, "", out.flat_[i]);
    if (!converted) return converted.error();
    std::sort(out.flat_[i].begin(), out.flat_[i].end());
    out.data_[i] = mustache::data(mustache::data::type::object);
    out.data_[i].set("t", std::move(*converted));
  }
  for (const auto& [key, value] : out.flat_[0]) out.keys_.push_back(key);
  for (std::size_t i = 1; i < out.flat_.size(); ++i) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : out.flat_[i]) keys.push_back(key);
    if (keys != out.keys_) {
      return make_error(Errc::kInvalidInput, std::string("catalog ") +
                                                 std::string(locale_code(kAllLocales[i])) +
                                                 ".json does not have exactly the keys of nb.json");
    }
  }
  return out;
}

bool Catalogs::has(std::string_view key) const {
  return std::binary_search(keys_.begin(), keys_.end(), key);
}

const kainjow::mustache::data& Catalogs::template_data(Locale locale) const {
  return data_[static_cast<std::size_t>(locale)];
}

std::string Catalogs::text(Locale locale, std::string_view key) const {
  const auto& flat = flat_[static_cast<std::size_t>(locale)];
  auto it = std::lower_bound(flat.begin(), flat.end(), key,
                             [](const auto& pair, std::string_view k) { return pair.first < k; });
  if (it != flat.end() && it->first == key) return it->second;
  return std::string(key);
}

}  // namespace stafett::web
