#include "app/guide_library.h"

#include "store/guide_codec.h"
#include "store/guide_repository.h"
#include "store/municipality_repository.h"

namespace stafett::app {

Result<std::unique_ptr<GuideLibrary>> GuideLibrary::from_default(std::string_view json) {
  auto decoded = store::decode_guide(json);
  if (!decoded.problems.empty()) {
    const auto& first = decoded.problems.front();
    return make_error(Errc::kInvalidInput, "default guide: " + first.field + ": " + first.message + " (" +
                                               std::to_string(decoded.problems.size()) + " problems)");
  }
  return std::unique_ptr<GuideLibrary>(new GuideLibrary(std::move(decoded.guide)));
}

Result<void> GuideLibrary::refresh_municipalities(store::Database& db, TimePoint now) const {
  if (municipalities_checked_at_ && now - *municipalities_checked_at_ < kRecheck) return {};
  auto list = store::transact_value<std::vector<domain::Municipality>>(
      db, store::TxMode::kRead, [](store::Transaction& tx) { return store::list_municipalities(tx); });
  if (!list) return list.error();
  municipalities_ = std::move(*list);
  municipalities_checked_at_ = now;
  return {};
}

Result<std::vector<domain::Municipality>> GuideLibrary::municipalities(store::Database& db, TimePoint now) const {
  std::lock_guard lock(mutex_);
  if (auto r = refresh_municipalities(db, now); !r) return r.error();
  return municipalities_;
}

Result<std::shared_ptr<const PublishedGuide>> GuideLibrary::by_number(store::Database& db,
                                                                      std::string_view kommunenummer,
                                                                      TimePoint now) const {
  std::optional<domain::Municipality> found;
  {
    std::lock_guard lock(mutex_);
    if (auto r = refresh_municipalities(db, now); !r) return r.error();
    for (const auto& m : municipalities_) {
      if (m.kommunenummer == kommunenummer) found = m;
    }
  }
  if (!found) return std::shared_ptr<const PublishedGuide>{};
  return load(db, *found, now);
}

Result<std::shared_ptr<const PublishedGuide>> GuideLibrary::by_id(store::Database& db, domain::MunicipalityId id,
                                                                  TimePoint now) const {
  std::optional<domain::Municipality> found;
  {
    std::lock_guard lock(mutex_);
    if (auto r = refresh_municipalities(db, now); !r) return r.error();
    for (const auto& m : municipalities_) {
      if (m.id == id) found = m;
    }
  }
  if (!found) return std::shared_ptr<const PublishedGuide>{};
  return load(db, *found, now);
}

Result<std::shared_ptr<const PublishedGuide>> GuideLibrary::load(store::Database& db, const domain::Municipality& m,
                                                                 TimePoint now) const {
  std::shared_ptr<const PublishedGuide> cached;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(m.id.value);
    if (it != entries_.end()) {
      if (now - it->second.checked_at < kRecheck) return it->second.guide;
      cached = it->second.guide;
    }
  }
  // Outside the lock: a database round trip must not hold up other municipalities.
  auto loaded = store::transact_value<std::shared_ptr<const PublishedGuide>>(
      db, store::TxMode::kRead, [&](store::Transaction& tx) -> Result<std::shared_ptr<const PublishedGuide>> {
        auto number = store::latest_guide_number(tx, m.id);
        if (!number) return number.error();
        if (cached && cached->number == *number) return cached;
        auto published = std::make_shared<PublishedGuide>();
        published->municipality = m;
        if (*number == 0) {
          published->guide = default_;
          return std::shared_ptr<const PublishedGuide>(std::move(published));
        }
        auto version = store::guide_version(tx, m.id, *number);
        if (!version) return version.error();
        if (!*version) return make_error(Errc::kInternal, "guide version vanished");
        auto decoded = store::decode_guide((*version)->document);
        if (!decoded.problems.empty()) return make_error(Errc::kInternal, "stored guide version does not decode");
        published->guide = std::move(decoded.guide);
        published->number = (*version)->number;
        published->version_id = (*version)->id;
        published->published_at = (*version)->published_at;
        return std::shared_ptr<const PublishedGuide>(std::move(published));
      });
  if (!loaded) return loaded.error();
  std::lock_guard lock(mutex_);
  entries_[m.id.value] = Entry{*loaded, now};
  return *loaded;
}

std::string PublishedGuide::memo(const std::string& key, const std::function<std::optional<std::string>()>& make) const {
  {
    std::lock_guard lock(memo_mutex_);
    if (const auto it = memo_.find(key); it != memo_.end()) return it->second;
  }
  auto made = make();
  if (!made) return {};
  std::lock_guard lock(memo_mutex_);
  if (memo_.size() < kMemoEntries) memo_.emplace(key, *made);
  return *made;
}

void GuideLibrary::forget(domain::MunicipalityId id) const {
  std::lock_guard lock(mutex_);
  entries_.erase(id.value);
  municipalities_checked_at_.reset();
}

}  // namespace stafett::app
