#pragma once
// The incident report's numbers: counts by service, kind and priority, monthly trend, and time
// to respond and to resolve against the service desk's targets. Plain C++ on plain inputs (times
// in milliseconds since the epoch), so the figures are tested on hand-built cases.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vakt::reports {

struct IncidentFacts {
    std::string service, kind, priority, severity, source;
    std::int64_t openedMs = 0;
    std::optional<std::int64_t> respondedMs, respondByMs;  // first response and its deadline
    std::optional<std::int64_t> resolvedMs, resolveByMs;   // resolved or closed, and its deadline
    bool reviewRequired = false, reviewed = false;         // security incidents and breaches
};

// Durations in minutes; a median or 90th percentile of nothing has no value.
struct DurationStats {
    std::size_t count = 0;
    std::optional<double> medianMinutes, p90Minutes;
    std::size_t withTarget = 0, withinTarget = 0;  // of those with a deadline: met it
};

struct IncidentGroup {
    std::size_t opened = 0, resolved = 0, stillOpen = 0;
    DurationStats respond, resolve;
};

struct IncidentSummary {
    IncidentGroup all;
    std::map<std::string, IncidentGroup> byService, byKind, byPriority, bySeverity;
    std::map<std::string, std::size_t> openedByMonth;  // "2026-11" → opened that month (UTC+offset)
    std::size_t reviewRequired = 0, reviewed = 0;
};

// The incidents opened in [fromMs, toMs); `utcOffsetMinutes` places them in months. A response or
// resolution after `nowMs` (clock skew, bad data) counts as not yet happened. An empty service,
// kind or priority is grouped under "".
IncidentSummary summariseIncidents(const std::vector<IncidentFacts>& incidents, std::int64_t fromMs, std::int64_t toMs, std::int64_t nowMs,
                                   int utcOffsetMinutes = 0);

// The nearest-rank percentile (0 < p ≤ 100) of values, which it sorts; nothing for none.
std::optional<double> percentile(std::vector<double> values, double p);

}  // namespace vakt::reports
