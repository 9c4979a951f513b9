#pragma once
// JwksCache: the provider's signing keys, fetched from its jwks_uri on first
// use and again when older than `max_age`, and on demand when a token names a
// key we do not have (the provider rotated its keys).
// Why a rate limit: the key id comes from the token, i.e. from anyone. A
// flood of tokens with made-up kids must not become a flood of requests to
// the provider, so fetches (successful or not) are at least
// `min_refresh_interval` apart, whoever asks. A failing provider is not
// hammered either: after a failed fetch the error is returned until the
// interval has passed.
// Why no stale keys: once `max_age` has passed and a refetch fails, current()
// fails too; logging in needs the same provider's token endpoint anyway, and
// keys the provider may have withdrawn are not trusted for longer.
// Time comes from the Clock (FixedClock in tests); a clock that jumps back
// allows one fetch.
// Thread-safety: all members may be called from many threads. A fetch runs
// under the cache's mutex, so concurrent callers wait for it and then see its
// result rather than fetching themselves (bounded by the HttpsGet's timeout).
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "auth/https_get.h"
#include "auth/jwks.h"
#include "core/clock.h"
#include "core/result.h"

namespace stafett::auth {

class JwksCache {
 public:
  // `clock` must outlive the cache. REQUIRES: min_refresh_interval <= max_age.
  JwksCache(std::string jwks_uri, HttpsGet get, const Clock& clock,
            std::chrono::seconds min_refresh_interval = std::chrono::seconds(60),
            std::chrono::seconds max_age = std::chrono::hours(1));

  // The key set, fetched first if there is none or it is older than max_age.
  // kUnavailable when the fetch fails or does not answer 200; kInvalidInput
  // when the document is not a JWKS.
  Result<std::shared_ptr<const Jwks>> current();

  // For a token whose `kid` is not in the set: fetches again unless `kid` is
  // already known (another caller refreshed first) or the last fetch was less
  // than min_refresh_interval ago. Returns the set, changed or not; a failed
  // refetch leaves the (still young) set in place and returns it.
  Result<std::shared_ptr<const Jwks>> refresh_for_unknown_kid(std::string_view kid);

  const std::string& jwks_uri() const { return jwks_uri_; }

 private:
  Result<std::shared_ptr<const Jwks>> fetch_locked(TimePoint now);
  bool young_locked(TimePoint now) const;
  bool may_fetch_locked(TimePoint now) const;

  const std::string jwks_uri_;
  const HttpsGet get_;
  const Clock& clock_;
  const std::chrono::milliseconds min_refresh_interval_;
  const std::chrono::milliseconds max_age_;

  std::mutex mutex_;
  std::shared_ptr<const Jwks> keys_;       // null until the first successful fetch
  TimePoint fetched_at_{};                 // of keys_
  std::optional<TimePoint> last_attempt_;  // of any fetch, successful or not
  std::optional<Error> last_error_;        // of the last fetch, if it failed
};

}  // namespace stafett::auth
