#pragma once
// The BTI coordinator's editor for their municipality's guide (policy:
// edit_guide, only for that municipality). Work happens in one draft (the
// newest published version, or the default document, until changed); every
// change is checked as a whole document (domain::check_guide), so a draft is
// always publishable. Publishing makes an immutable version the public sees;
// the history shows who published what and what changed.
#include <optional>
#include <string>
#include <vector>

#include "app/guide_library.h"
#include "app/log_use_cases.h"
#include "domain/guide.h"
#include "domain/guide_diff.h"
#include "policy/actor.h"
#include "store/database.h"
#include "store/guide_repository.h"

namespace stafett::app {

struct GuideDraft {
  domain::Municipality municipality;
  domain::Guide guide;
  int based_on = 0;        // the version it started from (0: the default document)
  bool changed = false;    // differs from what is published
  std::optional<TimePoint> updated_at;
  std::string updated_by;
  std::vector<domain::GuideHit> due_for_review;  // not reviewed for 12 months
};

// The draft of the municipality with `kommunenummer`; kNotFound for an
// unknown municipality, kForbidden for anyone but its coordinator.
Result<GuideDraft> open_guide_draft(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                    const std::string& kommunenummer, TimePoint now);

// The whole draft as a document (the API): nothing is saved when it has any
// problem; the problems are returned instead.
Result<FieldErrors> save_guide_document(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                        const std::string& kommunenummer, std::string_view json, TimePoint now);

struct StepInput {
  domain::LocalText title, what_to_do, responsible, think_about;
  std::vector<std::string> tools;
  std::vector<std::string> variants;
  // A paragraph shown only in one service's variant; empty in both languages: none.
  std::vector<std::pair<std::string, domain::LocalText>> variant_notes;
  bool reviewed = false;  // "I have reviewed the text today"
};
Result<FieldErrors> save_guide_step(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                    const std::string& kommunenummer, const std::string& step, const StepInput& input,
                                    TimePoint now);
// A new step last in `level` (0-3), its key made from its bokmål title;
// `key` is set to it when saved.
Result<FieldErrors> add_guide_step(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                   const std::string& kommunenummer, int level, const StepInput& input,
                                   std::string& key, TimePoint now);
// Removes a step (a level keeps at least one: that is a problem, not a removal).
Result<FieldErrors> remove_guide_step(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                      const std::string& kommunenummer, const std::string& step, TimePoint now);

// The texts of the guide as a whole: its title and introduction, each
// level's title and summary, and the citizen page with its contacts.
struct GuideTextsInput {
  domain::LocalText title, intro;
  std::vector<std::pair<domain::LocalText, domain::LocalText>> levels;  // title, summary; four
  domain::LocalText citizen_intro;
  std::vector<domain::CitizenContact> contacts;  // rows left empty are dropped
};
Result<FieldErrors> save_guide_texts(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                     const std::string& kommunenummer, const GuideTextsInput& input, TimePoint now);

// One place up (-1) or down (+1) within its level.
Result<void> move_guide_step(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                             const std::string& kommunenummer, const std::string& step, int by, TimePoint now);

struct ToolInput {
  domain::LocalText title, summary, body;
  std::string form_json;  // the form definition (docs/guide-content.md); "" for a tool without one
  bool reviewed = false;
};
Result<FieldErrors> save_guide_tool(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                    const std::string& kommunenummer, const std::string& tool, const ToolInput& input,
                                    TimePoint now);

// Publishes the draft as the next version (a summary of what changed is
// required) and forgets the cached guide so the public sees it at once.
Result<FieldErrors> publish_guide(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                  const std::string& kommunenummer, const std::string& summary, TimePoint now);

struct GuideHistory {
  domain::Municipality municipality;
  std::vector<store::GuideVersionRow> versions;  // newest first
};
Result<GuideHistory> guide_history(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                   const std::string& kommunenummer, TimePoint now);

struct GuideVersionDiff {
  domain::Municipality municipality;
  store::GuideVersionRow version;
  int compared_with = 0;  // the version before (0: the default document)
  std::vector<domain::GuideChange> changes;
};
Result<GuideVersionDiff> guide_version_diff(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                            const std::string& kommunenummer, int number, TimePoint now);

}  // namespace stafett::app
