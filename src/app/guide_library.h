#pragma once
// The guide each municipality publishes, kept in memory: a published guide
// changes rarely and its public pages are read often, so a request for a
// step page normally touches no database. Each entry is checked against the
// newest version number at most every `kRecheck` (another server may have
// published), and forgotten at once when this server publishes.
//
// A municipality that has published nothing shows the default document that
// ships with Stafett (web/guide/default.json), checked when the server starts.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "domain/guide.h"
#include "domain/municipality.h"
#include "store/database.h"

namespace stafett::app {

struct PublishedGuide {
  domain::Municipality municipality;
  domain::Guide guide;
  int number = 0;  // 0: nothing published, the default document
  std::optional<std::int64_t> version_id;
  TimePoint published_at{};

  // Bytes made once from this very version (a public page, per path and
  // language), kept as long as the version is the current one: a new
  // version is a new PublishedGuide with an empty memo. At most kMemoEntries;
  // past that, `make` runs every time.
  static constexpr std::size_t kMemoEntries = 4096;
  std::string memo(const std::string& key, const std::function<std::optional<std::string>()>& make) const;

 private:
  mutable std::mutex memo_mutex_;
  mutable std::map<std::string, std::string, std::less<>> memo_;
};

class GuideLibrary {
 public:
  static constexpr std::chrono::seconds kRecheck{30};

  // Refuses a default document with any problem (the server must not start).
  static Result<std::unique_ptr<GuideLibrary>> from_default(std::string_view json);

  const domain::Guide& default_guide() const { return default_; }

  // The published guide of the municipality with this kommunenummer; nullptr
  // when no such municipality is served here.
  Result<std::shared_ptr<const PublishedGuide>> by_number(store::Database& db, std::string_view kommunenummer,
                                                         TimePoint now) const;
  Result<std::shared_ptr<const PublishedGuide>> by_id(store::Database& db, domain::MunicipalityId id,
                                                     TimePoint now) const;

  // Every municipality served here, for the public "choose your municipality" list.
  Result<std::vector<domain::Municipality>> municipalities(store::Database& db, TimePoint now) const;

  // After a publish: the next request reads the new version.
  void forget(domain::MunicipalityId id) const;

 private:
  explicit GuideLibrary(domain::Guide guide) : default_(std::move(guide)) {}
  struct Entry {
    std::shared_ptr<const PublishedGuide> guide;
    TimePoint checked_at;
  };
  Result<void> refresh_municipalities(store::Database& db, TimePoint now) const;
  Result<std::shared_ptr<const PublishedGuide>> load(store::Database& db, const domain::Municipality& m,
                                                    TimePoint now) const;

  domain::Guide default_;
  mutable std::mutex mutex_;
  mutable std::vector<domain::Municipality> municipalities_;
  mutable std::optional<TimePoint> municipalities_checked_at_;
  mutable std::map<std::int64_t, Entry> entries_;
};

}  // namespace stafett::app
