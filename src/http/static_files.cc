#include "http/static_files.h"

#include <sodium.h>

#include <fstream>
#include <sstream>

namespace stafett::http {
namespace {

std::string short_hash(std::string_view content) {
  unsigned char hash[8];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(content.data()),
                     content.size(), nullptr, 0);
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

bool is_hex16(std::string_view s) {
  if (s.size() != 16) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// "css/app.0123456789abcdef.css" -> {"css/app.css", "0123456789abcdef"}
std::optional<std::pair<std::string, std::string>> split_fingerprint(std::string_view path) {
  const auto last_dot = path.rfind('.');
  if (last_dot == std::string_view::npos || last_dot < 18) return std::nullopt;
  const auto hash_dot = last_dot - 17;
  if (path[hash_dot] != '.') return std::nullopt;
  const std::string_view hash = path.substr(hash_dot + 1, 16);
  if (!is_hex16(hash)) return std::nullopt;
  std::string plain(path.substr(0, hash_dot));
  plain += path.substr(last_dot);
  return std::make_pair(std::move(plain), std::string(hash));
}

bool etag_matches(const Request& request, std::string_view etag) {
  const auto inm = request.header("if-none-match");
  if (!inm) return false;
  if (*inm == "*") return true;
  std::string_view rest = *inm;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view tag = rest.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return false;
}

}  // namespace

std::string_view content_type_for(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (name.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::load(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    return make_error(Errc::kUnavailable, "static folder not found: " + root.string());
  }
  StaticFiles out;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string rel = std::filesystem::relative(it->path(), root).generic_string();
    if (rel.starts_with(".") || rel.find("/.") != std::string::npos) continue;  // no dotfiles
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return make_error(Errc::kUnavailable, "cannot read static file " + rel);
    File f;
    f.content = content.str();
    f.content_type = std::string(content_type_for(rel));
    f.hash = short_hash(f.content);
    f.etag = "\"" + f.hash + "\"";
    out.files_.emplace(rel, std::move(f));
  }
  if (ec) return make_error(Errc::kUnavailable, "cannot list static folder: " + ec.message());
  return out;
}

std::string StaticFiles::url_for(std::string_view relative_path) const {
  auto it = files_.find(relative_path);
  if (it == files_.end()) return "/static/" + std::string(relative_path);
  const auto dot = relative_path.rfind('.');
  const auto slash = relative_path.rfind('/');
  std::string out = "/static/";
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    out += relative_path;  // no extension: no fingerprint
    return out;
  }
  out += relative_path.substr(0, dot);
  out += '.';
  out += it->second.hash;
  out += relative_path.substr(dot);
  return out;
}

std::optional<Response> StaticFiles::serve(std::string_view relative_path,
                                           const Request& request) const {
  const File* file = nullptr;
  CachePolicy cache = CachePolicy::kRevalidate;
  if (auto it = files_.find(relative_path); it != files_.end()) {
    file = &it->second;
  } else if (auto split = split_fingerprint(relative_path)) {
    auto jt = files_.find(split->first);
    if (jt == files_.end() || jt->second.hash != split->second) return std::nullopt;
    file = &jt->second;
    cache = CachePolicy::kImmutable;
  } else {
    return std::nullopt;
  }
  Response r;
  r.cache = cache;
  r.add_header("ETag", file->etag);
  if (etag_matches(request, file->etag)) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.content_type = file->content_type;
  r.body = file->content;
  return r;
}

}  // namespace stafett::http
