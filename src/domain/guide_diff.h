#pragma once
// What changed between two versions of a guide, for the coordinator's
// history: every text that differs (a step's title, a tool's body in
// nynorsk, ...) with a line-by-line diff, and steps and tools added, removed
// or moved. Pure; the history page and the API show it.
#include <string>
#include <vector>

#include "domain/guide.h"

namespace stafett::domain {

struct DiffLine {
  enum class Kind { kSame, kAdded, kRemoved };
  Kind kind = Kind::kSame;
  std::string text;
};

struct GuideChange {
  std::string where;  // "levels.0.steps.n0-observer", "tools.undringsnotat", "intro", "citizen.intro"...
  std::string field;  // "title.nb", "what_to_do.nn", "" for a whole step or tool
  enum class Kind { kAdded, kRemoved, kChanged, kMoved } kind = Kind::kChanged;
  std::vector<DiffLine> lines;  // kChanged texts: the line diff
};

std::vector<GuideChange> diff_guides(const Guide& before, const Guide& after);

// A line diff (longest common subsequence over lines; texts are at most a few
// hundred lines).
std::vector<DiffLine> diff_lines(const std::string& before, const std::string& after);

}  // namespace stafett::domain
