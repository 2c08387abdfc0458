#pragma once
// Turns scrapes into what governance needs: per catalogue service and minute, availability
// (share of successful scrapes), request and error counts from counters (reset-aware), and
// latency quantiles from request-duration histograms. Plain C++, no I/O.
//
// Conventions it recognises, as Prometheus client libraries name them:
//   requests  counter families named *requests (samples *_requests_total)
//   errors    the same samples whose code/status label starts with 5, or outcome="SERVER_ERROR"
//   latency   histogram families whose name ends in _duration_seconds and holds "request"
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "collector/exposition/parser.h"

namespace vakt::collector {

struct MinuteHealth {
    std::string service;
    std::int64_t minuteStartMs = 0;
    int scrapes = 0;
    int upScrapes = 0;
    double requests = 0;
    double errors = 0;
    double p50 = std::numeric_limits<double>::quiet_NaN();
    double p95 = std::numeric_limits<double>::quiet_NaN();
    double p99 = std::numeric_limits<double>::quiet_NaN();
    double availability() const { return scrapes ? static_cast<double>(upScrapes) / scrapes : 0; }
    double errorRatio() const { return requests > 0 ? errors / requests : 0; }
};

// Quantile q (0..1) from cumulative buckets (upper bound → count), interpolating linearly
// inside the bucket as Prometheus's histogram_quantile does. NaN without observations.
double histogramQuantile(double q, const std::map<double, double>& cumulative);

class HealthReducer {
public:
    // One scrape of one target. `result` may be null when the scrape failed.
    void add(const std::string& targetKey, const std::string& service, std::int64_t timeMs, bool up,
             const expo::ParseResult* result);
    // Every minute that ended before `nowMs`, finished and removed from memory.
    std::vector<MinuteHealth> takeFinished(std::int64_t nowMs);
    // Everything still open (on shutdown).
    std::vector<MinuteHealth> takeAll();
    // Forget a target's counter state when it disappears from the configuration.
    void forget(const std::string& targetKey) { lastValues_.erase(targetKey); }

private:
    struct Accumulator {
        int scrapes = 0, upScrapes = 0;
        double requests = 0, errors = 0;
        std::map<double, double> latencyBuckets;  // le → increase in this minute
    };
    double increase(std::unordered_map<std::string, double>& last, const std::string& series, double value);
    static std::int64_t minuteOf(std::int64_t ms) { return ms - ((ms % 60000) + 60000) % 60000; }
    MinuteHealth finish(const std::string& service, std::int64_t minute, const Accumulator& a) const;

    std::map<std::pair<std::string, std::int64_t>, Accumulator> open_;
    // Per target: the last value of each counter series, so increases survive counter resets.
    std::unordered_map<std::string, std::unordered_map<std::string, double>> lastValues_;
};

}  // namespace vakt::collector
