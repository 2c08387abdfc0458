#pragma once
// Durations and sizes as Prometheus writes them in its configuration: plain C++, so every
// configuration reader (scrape configs, alert and detection rules) shares one definition.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace vakt {

using Duration = std::chrono::milliseconds;

// Prometheus durations: 1y 1w 1d 1h 1m 1s 1ms, combined largest first ("1m30s").
Result<Duration> parseDuration(std::string_view text);
std::string formatDuration(Duration d);
// A duration as the int milliseconds timers take: at least `min`, and at most INT_MAX (about 24.8
// days) rather than wrapping around for longer ones.
int timerMilliseconds(Duration d, int min = 1);
// Sizes as in body_size_limit: B, KB, MB, GB, TB (powers of 1024, as Prometheus reads them).
Result<std::uint64_t> parseSize(std::string_view text);

}  // namespace vakt
