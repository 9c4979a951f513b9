#pragma once
// StaticFiles: every file under web/static, read into memory at start-up and
// looked up by its relative path in a map. Because requests are matched
// against that map and never joined onto a file-system path, no request can
// reach a file outside the folder, whatever its encoding.
//
// Each file gets a content hash (BLAKE2b). Templates link to the fingerprinted
// name ("css/app.css" -> "/static/css/app.1a2b3c4d5e6f7a8b.css"), which is
// served with a one-year immutable cache lifetime; the plain name is served
// with ETag and revalidation. Both answer If-None-Match with 304.
// Thread-safety: immutable after load(); safe to share.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/request.h"
#include "http/response.h"

namespace stafett::http {

class StaticFiles {
 public:
  // kUnavailable when `root` is missing or unreadable.
  static Result<StaticFiles> load(const std::filesystem::path& root);

  // "/static/" + fingerprinted name, or the plain name when the file is unknown
  // (so a missing asset shows up as a 404 in tests rather than a crash).
  std::string url_for(std::string_view relative_path) const;

  // Serves `relative_path` ("css/app.css" or its fingerprinted form) honouring
  // If-None-Match; nullopt when there is no such file.
  std::optional<Response> serve(std::string_view relative_path, const Request& request) const;

  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string hash;  // 16 hex characters
    std::string etag;  // quoted hash
  };
  std::map<std::string, File, std::less<>> files_;
};

// Content-Type for a file name by its extension.
std::string_view content_type_for(std::string_view file_name);

}  // namespace stafett::http
