#include "auth/jwks_cache.h"

#include <utility>

namespace stafett::auth {

JwksCache::JwksCache(std::string jwks_uri, HttpsGet get, const Clock& clock,
                     std::chrono::seconds min_refresh_interval, std::chrono::seconds max_age)
    : jwks_uri_(std::move(jwks_uri)),
      get_(std::move(get)),
      clock_(clock),
      min_refresh_interval_(min_refresh_interval),
      max_age_(max_age) {}

// A negative age (the clock went back) counts as old.
bool JwksCache::young_locked(TimePoint now) const {
  const auto age = now - fetched_at_;
  return keys_ != nullptr && age >= std::chrono::milliseconds(0) && age < max_age_;
}

bool JwksCache::may_fetch_locked(TimePoint now) const {
  if (!last_attempt_) return true;
  const auto since = now - *last_attempt_;
  return since < std::chrono::milliseconds(0) || since >= min_refresh_interval_;
}

Result<std::shared_ptr<const Jwks>> JwksCache::fetch_locked(TimePoint now) {
  last_attempt_ = now;
  auto fetched = [&]() -> Result<Jwks> {
    auto document = get_(jwks_uri_);
    if (!document) return document.error();
    if (document->status != 200) {
      return make_error(Errc::kUnavailable,
                        jwks_uri_ + " answered status " + std::to_string(document->status));
    }
    return parse_jwks(document->body);
  }();
  if (!fetched) {
    last_error_ = fetched.error();
    return fetched.error();
  }
  last_error_.reset();
  keys_ = std::make_shared<const Jwks>(std::move(*fetched));
  fetched_at_ = now;
  return keys_;
}

Result<std::shared_ptr<const Jwks>> JwksCache::current() {
  const std::lock_guard lock(mutex_);
  const TimePoint now = clock_.now();
  if (young_locked(now)) return keys_;
  if (!may_fetch_locked(now)) {
    return last_error_ ? *last_error_
                       : make_error(Errc::kUnavailable, "JWKS fetched too recently to fetch again");
  }
  return fetch_locked(now);
}

Result<std::shared_ptr<const Jwks>> JwksCache::refresh_for_unknown_kid(std::string_view kid) {
  const std::lock_guard lock(mutex_);
  const TimePoint now = clock_.now();
  const bool young = young_locked(now);
  if (young && keys_->find(kid) != nullptr) return keys_;
  if (!may_fetch_locked(now)) {
    if (young) return keys_;
    return last_error_ ? *last_error_
                       : make_error(Errc::kUnavailable, "JWKS fetched too recently to fetch again");
  }
  auto fetched = fetch_locked(now);
  if (!fetched && young) return keys_;
  return fetched;
}

}  // namespace stafett::auth
