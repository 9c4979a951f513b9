#include "web/renderer.h"

#include <atomic>
#include <fstream>
#include <regex>
#include <sstream>
#include <unordered_map>

namespace stafett::web {
namespace {

namespace mustache = kainjow::mustache;

std::atomic<std::uint64_t> next_generation{1};

// What kainjow writes to: appends to a string (an ostringstream costs a locale
// look-up per construction and a copy at the end).
struct StringSink {
  std::string& out;
  StringSink& operator<<(const std::string& text) {
    out += text;
    return *this;
  }
};

// The escape for every {{value}}: the same five entities as kainjow's
// html_escape, which appends the text one character at a time (a string call
// per byte of page text); this copies the runs between special characters.
std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t plain = 0;  // start of the run not copied yet
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&apos;"; break;
      default: continue;
    }
    out.append(text, plain, i - plain);
    out += entity;
    plain = i + 1;
  }
  out.append(text, plain);
  return out;
}

// Replaces every plain {{t.key}} with the escaped catalog text for `locale`.
std::string with_catalog_text(const std::string& source, const Catalogs& catalogs, Locale locale) {
  static const std::regex kTag(R"(\{\{\s*t\.([A-Za-z0-9_.]+)\s*\}\})");
  std::string out;
  auto last = source.cbegin();
  for (auto it = std::sregex_iterator(source.begin(), source.end(), kTag); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out.append(last, m[0].first);
    const std::string key = m[1];
    if (catalogs.has(key)) {
      out += mustache::html_escape<std::string>(catalogs.text(locale, key));
    } else {
      out.append(m[0].first, m[0].second);
    }
    last = m[0].second;
  }
  out.append(last, source.cend());
  return out;
}

// Replaces {{> name}} with the text of _name.mustache, recursively (at most
// a few levels deep, so a cycle is an error rather than a hang).
Result<std::string> inline_partials(const std::string& source, const std::map<std::string, std::string, std::less<>>& partials,
                                    int depth = 0) {
  static const std::regex kPartial(R"(\{\{>\s*([A-Za-z0-9_]+)\s*\}\})");
  if (depth > 4) return make_error(Errc::kInvalidInput, "partials nested too deeply (a cycle?)");
  std::string out;
  auto last = source.cbegin();
  for (auto it = std::sregex_iterator(source.begin(), source.end(), kPartial); it != std::sregex_iterator(); ++it) {
    out.append(last, (*it)[0].first);
    auto found = partials.find("_" + (*it)[1].str());
    if (found == partials.end()) return make_error(Errc::kInvalidInput, "unknown partial " + (*it)[1].str());
    auto inner = inline_partials(found->second, partials, depth + 1);
    if (!inner) return inner.error();
    out += *inner;
    last = (*it)[0].second;
  }
  out.append(last, source.cend());
  return out;
}

}  // namespace

Result<Renderer> Renderer::load(const std::filesystem::path& dir, const Catalogs& catalogs) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return make_error(Errc::kUnavailable, "template folder not found: " + dir.string());
  }
  Renderer out;
  out.generation_ = next_generation++;
  std::map<std::string, std::string, std::less<>> all;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string name = entry.path().stem().string();
    std::string source = text.str();
    if (source.find("{{{") != std::string::npos || source.find("{{&") != std::string::npos ||
        source.find("{{=") != std::string::npos) {
      return make_error(Errc::kInvalidInput, "template " + name + " uses unescaped output or delimiters");
    }
    all.emplace(name, std::move(source));
  }
  if (ec) return make_error(Errc::kUnavailable, "cannot list templates: " + ec.message());
  for (const auto& [name, raw] : all) {
    if (name.starts_with("_")) continue;  // partials live inside the pages that use them
    auto inlined = inline_partials(raw, all);
    if (!inlined) return make_error(Errc::kInvalidInput, "template " + name + ": " + inlined.error().detail);
    const std::string& source = *inlined;
    for (Locale locale : kAllLocales) {
      mustache::mustache compiled(with_catalog_text(source, catalogs, locale));
      if (!compiled.is_valid()) {
        return make_error(Errc::kInvalidInput, "template " + name + ": " + compiled.error_message());
      }
      compiled.set_custom_escape(escape_html);
      out.compiled_[static_cast<std::size_t>(locale)].emplace(name, std::move(compiled));
    }
    out.sources_.emplace(name, source);
  }
  for (const char* required : {"layout_top", "layout_bottom"}) {
    if (!out.sources_.contains(required)) {
      return make_error(Errc::kUnavailable, std::string("missing template ") + required);
    }
  }
  for (Locale locale : kAllLocales) {
    out.catalog_data_[static_cast<std::size_t>(locale)] = kainjow::mustache::data(catalogs.template_data(locale));
  }
  return out;
}

Renderer::PerLocale& Renderer::thread_copy() const {
  thread_local std::unordered_map<std::uint64_t, PerLocale> copies;
  auto it = copies.find(generation_);
  if (it == copies.end()) it = copies.emplace(generation_, compiled_).first;
  return it->second;
}

Result<std::string> Renderer::render_page(std::string_view page, Locale locale,
                                          const mustache::data& page_data,
                                          const mustache::data& common) const {
  Compiled& templates = thread_copy()[static_cast<std::size_t>(locale)];
  auto body = templates.find(page);
  if (body == templates.end() || page.starts_with("layout_")) {
    return make_error(Errc::kNotFound, "no template " + std::string(page));
  }
  mustache::context<std::string> ctx;
  ctx.push(&catalog_data_[static_cast<std::size_t>(locale)]);
  ctx.push(&common);
  ctx.push(&page_data);
  std::string out;
  out.reserve(16 * 1024);
  StringSink sink{out};
  for (mustache::mustache* t : {&templates.at("layout_top"), &body->second, &templates.at("layout_bottom")}) {
    t->render(ctx, sink);
    if (!t->is_valid()) return make_error(Errc::kInternal, "render: " + t->error_message());
  }
  return out;
}

std::vector<std::string> Renderer::template_names() const {
  std::vector<std::string> names;
  for (const auto& [name, source] : sources_) names.push_back(name);
  return names;
}

}  // namespace stafett::web
