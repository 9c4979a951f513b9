#pragma once
// Clock: the only way code asks "what time is it", so tests can control time
// (overdue evaluations, session expiry) without sleeping.
// Thread-safety: SystemClock is stateless; FixedClock is safe to read from many
// threads while one test thread advances it.
#include <atomic>
#include <chrono>
#include <cstdint>

namespace stafett {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint start) : ms_(start.time_since_epoch().count()) {}
  TimePoint now() const override;
  void advance(std::chrono::milliseconds by) { ms_ += by.count(); }

 private:
  std::atomic<std::int64_t> ms_;
};

// Milliseconds since the Unix epoch, UTC: the one time format in the database.
inline std::int64_t to_unix_ms(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint from_unix_ms(std::int64_t ms) { return TimePoint{std::chrono::milliseconds{ms}}; }

}  // namespace stafett
