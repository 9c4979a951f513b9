#include "core/clock.h"

namespace stafett {

TimePoint SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

TimePoint FixedClock::now() const { return from_unix_ms(ms_.load()); }

}  // namespace stafett
