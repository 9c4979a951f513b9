#pragma once
// A text people read in the guide, written in both official written forms
// of Norwegian. English pages show bokmål: the guide is municipal content,
// not interface text.
#include <string>
#include <string_view>

namespace stafett::domain {

struct LocalText {
  std::string nb;
  std::string nn;

  // The text for a page language code ("nb", "nn", "en").
  const std::string& in(std::string_view language) const { return language == "nn" ? nn : nb; }
  friend bool operator==(const LocalText&, const LocalText&) = default;
};

}  // namespace stafett::domain
