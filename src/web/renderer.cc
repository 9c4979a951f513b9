#include "web/renderer.h"

#include <atomic>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace stafett::web {
namespace {

namespace mustache = kainjow::mustache;

std::atomic<std::uint64_t> next_generation{1};

}  // namespace

Result<Renderer> Renderer::load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return make_error(Errc::kUnavailable, "template folder not found: " + dir.string());
  }
  Renderer out;
  out.generation_ = next_generation++;
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
    mustache::mustache compiled(source);
    if (!compiled.is_valid()) {
      return make_error(Errc::kInvalidInput, "template " + name + ": " + compiled.error_message());
    }
    out.compiled_.emplace(name, std::move(compiled));
    out.sources_.emplace(name, std::move(source));
  }
  if (ec) return make_error(Errc::kUnavailable, "cannot list templates: " + ec.message());
  for (const char* required : {"layout_top", "layout_bottom"}) {
    if (!out.compiled_.contains(required)) {
      return make_error(Errc::kUnavailable, std::string("missing template ") + required);
    }
  }
  return out;
}

Renderer::Compiled& Renderer::thread_copy() const {
  thread_local std::unordered_map<std::uint64_t, Compiled> copies;
  auto it = copies.find(generation_);
  if (it == copies.end()) it = copies.emplace(generation_, compiled_).first;
  return it->second;
}

Result<std::string> Renderer::render_page(std::string_view page, const mustache::data& page_data,
                                          const mustache::data& common,
                                          const mustache::data& catalog) const {
  Compiled& templates = thread_copy();
  auto body = templates.find(page);
  if (body == templates.end() || page.starts_with("layout_")) {
    return make_error(Errc::kNotFound, "no template " + std::string(page));
  }
  mustache::context<std::string> ctx;
  ctx.push(&catalog);
  ctx.push(&common);
  ctx.push(&page_data);
  std::ostringstream out;
  for (mustache::mustache* t : {&templates.at("layout_top"), &body->second, &templates.at("layout_bottom")}) {
    t->render(ctx, out);
    if (!t->is_valid()) return make_error(Errc::kInternal, "render: " + t->error_message());
  }
  return out.str();
}

std::vector<std::string> Renderer::template_names() const {
  std::vector<std::string> names;
  for (const auto& [name, source] : sources_) names.push_back(name);
  return names;
}

}  // namespace stafett::web
