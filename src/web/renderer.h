#pragma once
// Renderer: the mustache templates in web/templates, parsed once at start-up,
// once per language. Safe by default: every {{value}} is HTML-escaped, and
// load() refuses any template that uses the unescaped forms ({{{ }}}, {{& }})
// or changes the delimiters, so no text can reach a page as raw HTML.
//
// Catalog text ({{t.section.key}}) is fixed per language, so load() writes it,
// HTML-escaped, into a copy of each template per language before parsing;
// requests then only fill in their own data. A key missing from the catalog
// stays a tag and renders empty (catalog tests catch that).
//
// A page is "layout_top" + the page template + "layout_bottom", rendered with
// one context: the page's data over the request's common data over the
// language's catalog.
// Thread-safety: const methods are safe from any thread (each thread renders
// with its own copy of the parsed templates, made on first use).
#include <kainjow/mustache.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "web/i18n.h"
#include "web/locale.h"

namespace stafett::web {

class Renderer {
 public:
  static Result<Renderer> load(const std::filesystem::path& templates_dir, const Catalogs& catalogs);

  // kNotFound for an unknown page; kInternal if rendering fails.
  Result<std::string> render_page(std::string_view page, Locale locale,
                                  const kainjow::mustache::data& page_data,
                                  const kainjow::mustache::data& common) const;

  std::vector<std::string> template_names() const;
  const std::string& template_source(const std::string& name) const { return sources_.at(name); }

 private:
  using Compiled = std::map<std::string, kainjow::mustache::mustache, std::less<>>;
  using PerLocale = std::array<Compiled, kAllLocales.size()>;
  PerLocale& thread_copy() const;

  std::map<std::string, std::string, std::less<>> sources_;
  PerLocale compiled_;
  std::array<kainjow::mustache::data, kAllLocales.size()> catalog_data_;
  std::uint64_t generation_ = 0;  // tells this renderer's thread copies from another's
};

}  // namespace stafett::web
