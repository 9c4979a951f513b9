#pragma once
// Message catalogs: all user-visible text, one JSON file per language in
// web/i18n/ (nb.json is the reference; nn.json and en.json must have the same
// keys). Templates read them as {{t.section.key}}.
// Thread-safety: immutable after load(); safe to share.
#include <kainjow/mustache.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "web/locale.h"

namespace stafett::web {

class Catalogs {
 public:
  // kUnavailable for a missing or malformed file; kInvalidInput when a
  // catalog lacks a key that nb.json has, or has one nb.json lacks, or a text
  // contains "{{" or "}}" (it is written into templates before parsing).
  static Result<Catalogs> load(const std::filesystem::path& dir);

  // The mustache data object {"t": {...}} for `locale`, to push under a page's data.
  const kainjow::mustache::data& template_data(Locale locale) const;
  // One text by dotted key ("error.not_found.title"); the key itself when missing.
  std::string text(Locale locale, std::string_view key) const;
  bool has(std::string_view key) const;
  // Every dotted key in the reference catalog, sorted.
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  std::array<kainjow::mustache::data, 3> data_;
  std::array<std::vector<std::pair<std::string, std::string>>, 3> flat_;
  std::vector<std::string> keys_;
};

}  // namespace stafett::web
