#pragma once
// The set of scrape targets a configuration describes: static targets and file-discovered
// ones, each with its job, instance, URL, labels and catalogue service. Plain C++.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "collector/config/scrape_config.h"

namespace vakt::collector {

struct Target {
    std::size_t job = 0;  // index into CollectorConfig::scrapeConfigs
    std::string jobName;
    std::string instance;  // host:port
    std::string url;
    LabelMap labels;       // job, instance and the configured labels
    std::string service;   // catalogue key, empty when unmapped
    std::string key() const { return jobName + "/" + instance; }
};

// file_sd results keyed "job\x1fpath", as read at the edge.
using DiscoveredTargets = std::map<std::string, std::vector<StaticConfig>>;

std::vector<Target> expandTargets(const CollectorConfig& config, const DiscoveredTargets& discovered);

// Where in its interval a target is scraped: a stable offset from its URL, so load spreads
// across the interval and restarts keep each target's rhythm (Prometheus does the same).
std::chrono::milliseconds scrapeOffset(const Target& target, std::chrono::milliseconds interval);

// The Accept header Prometheus 2.x sends.
inline constexpr const char* kScrapeAcceptHeader =
    "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
    "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

}  // namespace vakt::collector
