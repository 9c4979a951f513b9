#pragma once
// Renderer: the mustache templates in web/templates, parsed once at start-up.
// Safe by default: every {{value}} is HTML-escaped, and load() refuses any
// template that uses the unescaped forms ({{{ }}}, {{& }}) or changes the
// delimiters, so no text can reach a page as raw HTML.
//
// A page is "layout_top" + the page template + "layout_bottom", rendered with
// one context: the page's data over the request's common data over the
// language catalog.
// Thread-safety: const methods are safe from any thread (each thread renders
// with its own copy of the parsed templates, made on first use).
#include <kainjow/mustache.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace stafett::web {

class Renderer {
 public:
  static Result<Renderer> load(const std::filesystem::path& templates_dir);

  // kNotFound for an unknown page; kInternal if rendering fails.
  Result<std::string> render_page(std::string_view page, const kainjow::mustache::data& page_data,
                                  const kainjow::mustache::data& common,
                                  const kainjow::mustache::data& catalog) const;

  std::vector<std::string> template_names() const;
  const std::string& template_source(const std::string& name) const { return sources_.at(name); }

 private:
  using Compiled = std::map<std::string, kainjow::mustache::mustache, std::less<>>;
  Compiled& thread_copy() const;

  std::map<std::string, std::string, std::less<>> sources_;
  Compiled compiled_;
  std::uint64_t generation_ = 0;  // tells this renderer's thread copies from another's
};

}  // namespace stafett::web
