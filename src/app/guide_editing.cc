#include "app/guide_editing.h"

#include <algorithm>

#include "core/oslo_time.h"
#include "core/utf8.h"
#include "policy/policy.h"
#include "store/guide_codec.h"
#include "store/people_repository.h"

namespace stafett::app {
namespace {

using policy::Action;
using store::Transaction;
using store::TxMode;

constexpr std::size_t kMaxSummary = 500;

Error forbidden() { return make_error(Errc::kForbidden, "guide editor"); }

// The municipality, once the policy says the actor is its coordinator.
Result<domain::Municipality> coordinated(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                         const std::string& kommunenummer, TimePoint now) {
  if (!policy::may_attempt(actor, Action::kEditGuide)) return forbidden();
  auto list = guides.municipalities(db, now);
  if (!list) return list.error();
  const auto it = std::find_if(list->begin(), list->end(),
                               [&](const domain::Municipality& m) { return m.kommunenummer == kommunenummer; });
  if (it == list->end()) return make_error(Errc::kNotFound, "municipality");
  auto facts = store::transact_value<policy::AccessFacts>(db, TxMode::kRead, [&](Transaction& tx) -> Result<policy::AccessFacts> {
    policy::AccessFacts f;
    auto role = store::has_municipal_role(tx, actor.person, it->id, "bti_coordinator", now);
    if (!role) return role.error();
    f.actor_is_bti_coordinator = *role;
    return f;
  });
  if (!facts) return facts.error();
  if (!policy::can(actor, Action::kEditGuide, *facts)) return forbidden();
  return *it;
}

// The draft, or the newest published version (or the default document) to start one.
Result<GuideDraft> load_draft(Transaction& tx, const GuideLibrary& guides, const domain::Municipality& m, TimePoint now) {
  GuideDraft d;
  d.municipality = m;
  auto latest = store::latest_guide_version(tx, m.id);
  if (!latest) return latest.error();
  if (*latest) d.based_on = (*latest)->number;
  auto draft = store::guide_draft(tx, m.id);
  if (!draft) return draft.error();
  if (*draft) {
    auto decoded = store::decode_guide((*draft)->document);
    if (!decoded.problems.empty()) return make_error(Errc::kInternal, "stored guide draft does not decode");
    d.guide = std::move(decoded.guide);
    d.based_on = (*draft)->based_on_number;
    d.updated_at = (*draft)->updated_at;
    auto person = store::find_person(tx, (*draft)->updated_by);
    if (person && *person) d.updated_by = (*person)->full_name();
    // Both are stored as the codec writes them: equal text, equal guide.
    d.changed = (*draft)->document != (*latest ? (*latest)->document : store::encode_guide(guides.default_guide()));
  } else if (*latest) {
    auto decoded = store::decode_guide((*latest)->document);
    if (!decoded.problems.empty()) return make_error(Errc::kInternal, "stored guide version does not decode");
    d.guide = std::move(decoded.guide);
  } else {
    d.guide = guides.default_guide();
  }
  d.due_for_review = domain::due_for_review(d.guide, oslo_date(now));
  return d;
}

// Loads the draft, applies `change`, checks the whole document and saves it.
template <class Change>
Result<FieldErrors> change_draft(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                 const std::string& kommunenummer, TimePoint now, Change change) {
  auto m = coordinated(db, guides, actor, kommunenummer, now);
  if (!m) return m.error();
  return store::transact_value<FieldErrors>(db, TxMode::kWrite, [&](Transaction& tx) -> Result<FieldErrors> {
    auto draft = load_draft(tx, guides, *m, now);
    if (!draft) return draft.error();
    FieldErrors errors;
    if (auto r = change(draft->guide, errors); !r) return r.error();
    if (!errors.empty()) return errors;
    // Round trip through the codec: what is saved is exactly what decodes.
    auto decoded = store::decode_guide(store::encode_guide(draft->guide));
    if (!decoded.problems.empty()) return decoded.problems;
    if (auto r = store::save_guide_draft(tx, m->id, store::encode_guide(decoded.guide), draft->based_on, actor.person, now);
        !r) {
      return r.error();
    }
    return FieldErrors{};
  });
}

domain::GuideStep* step_in(domain::Guide& g, const std::string& key) {
  for (auto& level : g.levels) {
    for (auto& s : level.steps) {
      if (s.key == key) return &s;
    }
  }
  return nullptr;
}

}  // namespace

Result<GuideDraft> open_guide_draft(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                    const std::string& kommunenummer, TimePoint now) {
  auto m = coordinated(db, guides, actor, kommunenummer, now);
  if (!m) return m.error();
  return store::transact_value<GuideDraft>(db, TxMode::kRead,
                                           [&](Transaction& tx) { return load_draft(tx, guides, *m, now); });
}

Result<FieldErrors> save_guide_document(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                        const std::string& kommunenummer, std::string_view json, TimePoint now) {
  auto decoded = store::decode_guide(json);
  if (!decoded.problems.empty()) {
    // Still only the coordinator learns what is wrong with a document.
    auto m = coordinated(db, guides, actor, kommunenummer, now);
    if (!m) return m.error();
    return decoded.problems;
  }
  return change_draft(db, guides, actor, kommunenummer, now, [&](domain::Guide& g, FieldErrors&) -> Result<void> {
    g = decoded.guide;
    return {};
  });
}

Result<FieldErrors> save_guide_step(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                    const std::string& kommunenummer, const std::string& key, const StepInput& in,
                                    TimePoint now) {
  return change_draft(db, guides, actor, kommunenummer, now, [&](domain::Guide& g, FieldErrors&) -> Result<void> {
    auto* s = step_in(g, key);
    if (s == nullptr) return make_error(Errc::kNotFound, "step");
    s->title = in.title;
    s->what_to_do = in.what_to_do;
    s->responsible = in.responsible;
    s->think_about = in.think_about;
    s->tools = in.tools;
    s->variants = in.variants;
    s->variant_notes.clear();
    for (const auto& [variant, note] : in.variant_notes) {
      if (!note.nb.empty() || !note.nn.empty()) s->variant_notes.emplace_back(variant, note);
    }
    if (in.reviewed) s->reviewed_on = oslo_date(now);
    return {};
  });
}

Result<FieldErrors> add_guide_step(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                   const std::string& kommunenummer, int level, const StepInput& in, std::string& key,
                                   TimePoint now) {
  return change_draft(db, guides, actor, kommunenummer, now, [&](domain::Guide& g, FieldErrors& errors) -> Result<void> {
    if (level < 0 || level >= static_cast<int>(g.levels.size())) return make_error(Errc::kNotFound, "level");
    if (in.title.nb.find_first_not_of(" \t") == std::string::npos) {
      errors.push_back({"title", "guide.error.required"});
      return {};
    }
    // "n1-" and the title's letters: "Møte med foreldrene" -> "n1-mote-med-foreldrene".
    std::string slug = "n" + std::to_string(level) + "-";
    bool dash = false;
    for (std::size_t i = 0; i < in.title.nb.size() && slug.size() < 40; ++i) {
      const auto c = static_cast<unsigned char>(in.title.nb[i]);
      char out = 0;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out = static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') out = static_cast<char>(c + 32);
      if (c == 0xC3 && i + 1 < in.title.nb.size()) {  // æ ø å Æ Ø Å
        const auto n = static_cast<unsigned char>(in.title.nb[++i]);
        slug += (n == 0xA6 || n == 0x86) ? "ae" : (n == 0xB8 || n == 0x98) ? "o" : (n == 0xA5 || n == 0x85) ? "a" : "";
        dash = false;
        continue;
      }
      if (out != 0) {
        slug += out;
        dash = false;
      } else if (!dash && slug.back() != '-') {
        slug += '-';
        dash = true;
      }
    }
    while (slug.back() == '-') slug.pop_back();
    key = slug;
    for (int n = 2; domain::find_step(g, key); ++n) key = slug + "-" + std::to_string(n);
    domain::GuideStep s;
    s.key = key;
    s.title = in.title;
    s.what_to_do = in.what_to_do;
    s.responsible = in.responsible;
    s.think_about = in.think_about;
    s.tools = in.tools;
    s.variants = in.variants;
    for (const auto& [variant, note] : in.variant_notes) {
      if (!note.nb.empty() || !note.nn.empty()) s.variant_notes.emplace_back(variant, note);
    }
    s.reviewed_on = oslo_date(now);
    g.levels[static_cast<std::size_t>(level)].steps.push_back(std::move(s));
    return {};
  });
}

Result<FieldErrors> remove_guide_step(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                      const std::string& kommunenummer, const std::string& key, TimePoint now) {
  return change_draft(db, guides, actor, kommunenummer, now, [&](domain::Guide& g, FieldErrors&) -> Result<void> {
    for (auto& level : g.levels) {
      const auto it = std::find_if(level.steps.begin(), level.steps.end(), [&](const auto& s) { return s.key == key; });
      if (it == level.steps.end()) continue;
      level.steps.erase(it);
      return {};
    }
    return make_error(Errc::kNotFound, "step");
  });
}

Result<FieldErrors> save_guide_texts(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                     const std::string& kommunenummer, const GuideTextsInput& in, TimePoint now) {
  return change_draft(db, guides, actor, kommunenummer, now, [&](domain::Guide& g, FieldErrors&) -> Result<void> {
    g.title = in.title;
    g.intro = in.intro;
    for (std::size_t i = 0; i < g.levels.size() && i < in.levels.size(); ++i) {
      g.levels[i].title = in.levels[i].first;
      g.levels[i].summary = in.levels[i].second;
    }
    g.citizen_intro = in.citizen_intro;
    g.contacts.clear();
    for (const auto& c : in.contacts) {
      const bool empty = c.name.nb.empty() && c.name.nn.empty() && c.phone.empty() && c.when.nb.empty() &&
                         c.when.nn.empty() && c.about.nb.empty() && c.about.nn.empty();
      if (!empty) g.contacts.push_back(c);
    }
    return {};
  });
}

Result<void> move_guide_step(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                             const std::string& kommunenummer, const std::string& key, int by, TimePoint now) {
  auto r = change_draft(db, guides, actor, kommunenummer, now, [&](domain::Guide& g, FieldErrors&) -> Result<void> {
    for (auto& level : g.levels) {
      auto it = std::find_if(level.steps.begin(), level.steps.end(), [&](const auto& s) { return s.key == key; });
      if (it == level.steps.end()) continue;
      const auto at = static_cast<std::ptrdiff_t>(it - level.steps.begin());
      const auto to = at + (by < 0 ? -1 : 1);
      if (to < 0 || to >= static_cast<std::ptrdiff_t>(level.steps.size())) return {};  // already first or last
      std::swap(level.steps[static_cast<std::size_t>(at)], level.steps[static_cast<std::size_t>(to)]);
      return {};
    }
    return make_error(Errc::kNotFound, "step");
  });
  if (!r) return r.error();
  if (!r->empty()) return make_error(Errc::kInternal, "moving a step broke the guide");
  return {};
}

Result<FieldErrors> save_guide_tool(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                    const std::string& kommunenummer, const std::string& key, const ToolInput& in,
                                    TimePoint now) {
  return change_draft(db, guides, actor, kommunenummer, now, [&](domain::Guide& g, FieldErrors& errors) -> Result<void> {
    auto it = std::find_if(g.tools.begin(), g.tools.end(), [&](const auto& t) { return t.key == key; });
    if (it == g.tools.end()) return make_error(Errc::kNotFound, "tool");
    it->title = in.title;
    it->summary = in.summary;
    it->body = in.body;
    if (in.reviewed) it->reviewed_on = oslo_date(now);
    if (it->kind == domain::ToolKind::kForm) {
      domain::FormDefinition form;
      auto problems = store::decode_form_definition(in.form_json, form);
      if (!problems.empty()) {
        for (auto& p : problems) errors.push_back({p.field.empty() ? "form" : "form." + p.field, p.message});
        return {};
      }
      it->form = std::move(form);
    }
    return {};
  });
}

Result<FieldErrors> publish_guide(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                  const std::string& kommunenummer, const std::string& summary, TimePoint now) {
  auto m = coordinated(db, guides, actor, kommunenummer, now);
  if (!m) return m.error();
  const bool blank = summary.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) return FieldErrors{{"summary", "guide.error.summary"}};
  if (summary.size() > kMaxSummary || !is_valid_utf8(summary) || has_control_characters(summary)) {
    return FieldErrors{{"summary", "guide.error.text"}};
  }
  auto r = store::transact_value<FieldErrors>(db, TxMode::kWrite, [&](Transaction& tx) -> Result<FieldErrors> {
    auto draft = load_draft(tx, guides, *m, now);
    if (!draft) return draft.error();
    auto problems = domain::check_guide(draft->guide);
    if (!problems.empty()) return problems;
    auto v = store::insert_guide_version(tx, m->id, store::encode_guide(draft->guide), summary, actor.person, now);
    if (!v) return v.error();
    if (auto d = store::delete_guide_draft(tx, m->id); !d) return d.error();
    return FieldErrors{};
  });
  if (!r) return r.error();
  if (r->empty()) guides.forget(m->id);
  return r;
}

Result<GuideHistory> guide_history(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                   const std::string& kommunenummer, TimePoint now) {
  auto m = coordinated(db, guides, actor, kommunenummer, now);
  if (!m) return m.error();
  auto versions = store::transact_value<std::vector<store::GuideVersionRow>>(
      db, TxMode::kRead, [&](Transaction& tx) { return store::guide_versions(tx, m->id); });
  if (!versions) return versions.error();
  return GuideHistory{*m, std::move(*versions)};
}

Result<GuideVersionDiff> guide_version_diff(store::Database& db, const GuideLibrary& guides, const policy::Actor& actor,
                                            const std::string& kommunenummer, int number, TimePoint now) {
  auto m = coordinated(db, guides, actor, kommunenummer, now);
  if (!m) return m.error();
  return store::transact_value<GuideVersionDiff>(db, TxMode::kRead, [&](Transaction& tx) -> Result<GuideVersionDiff> {
    auto version = store::guide_version(tx, m->id, number);
    if (!version) return version.error();
    if (!*version) return make_error(Errc::kNotFound, "guide version");
    domain::Guide before = guides.default_guide();
    if (number > 1) {
      auto previous = store::guide_version(tx, m->id, number - 1);
      if (!previous) return previous.error();
      if (*previous) {
        auto decoded = store::decode_guide((*previous)->document);
        if (!decoded.problems.empty()) return make_error(Errc::kInternal, "stored guide version does not decode");
        before = std::move(decoded.guide);
      }
    }
    auto after = store::decode_guide((*version)->document);
    if (!after.problems.empty()) return make_error(Errc::kInternal, "stored guide version does not decode");
    GuideVersionDiff out{*m, **version, number - 1, domain::diff_guides(before, after.guide)};
    out.version.document.clear();
    return out;
  });
}

}  // namespace stafett::app
