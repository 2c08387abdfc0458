#pragma once
// Alert rules and their evaluation. Plain C++: the evaluator is fed scrapes with their time and
// answers which alerts are firing; the daemon turns firing alerts into incidents in the Store.
//
// Rule kinds (YAML `type:`):
//   target_down         the target's scrape failed
//   threshold           a gauge compared with a value:            metric, op, value
//   counter_rate        the per-second rate of a counter:         metric, window, op, value
//   error_ratio         SLO burn rate over a short and a long window (both must burn):
//                       slo, windows: [short, long], burn_rate
//   histogram_quantile  a quantile of a histogram over a window:  metric, quantile, window, op, value
// Every rule has alert (name), for, severity, and summary: plain Norwegian with {{service}},
// {{instance}}, {{job}}, {{value}} filled in; summary_en is the same in English, for people who
// use Vakt in English.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collector/config/scrape_config.h"
#include "collector/exposition/parser.h"

namespace vakt::collector {

enum class RuleType { TargetDown, Threshold, CounterRate, ErrorRatio, HistogramQuantile };

struct AlertRule {
    std::string name;
    RuleType type = RuleType::TargetDown;
    std::string metric;
    std::string op = ">";
    double value = 0;
    Duration window = std::chrono::minutes(5);
    Duration longWindow = std::chrono::hours(1);
    double slo = 0.999;
    double burnRate = 14.4;
    double quantile = 0.95;
    Duration forDuration{0};
    std::string severity = "warning";
    std::string summary;
    std::string summaryEn;
    std::string service;  // only this service; empty: any
    int line = 0;
};

Result<std::vector<AlertRule>> parseRules(std::string_view yaml, const std::string& fileName);
// Reads and parses every rule file of a configuration (paths already resolved).
Result<std::vector<AlertRule>> loadRuleFiles(const std::vector<std::string>& files);

struct Alert {
    std::string fingerprint;  // rule and labels: stable across restarts
    std::string rule;
    std::string severity;
    std::string service;
    std::string instance;
    std::string summary;
    std::string summaryEn;
    double value = 0;
    std::int64_t activeSinceMs = 0;
};

class AlertEvaluator {
public:
    explicit AlertEvaluator(std::vector<AlertRule> rules) : rules_(std::move(rules)) {}

    // Feed every scrape. `result` is null when the scrape failed.
    void observe(const std::string& job, const std::string& instance, const std::string& service, std::int64_t timeMs, bool up,
                 const expo::ParseResult* result);
    // Re-evaluates every rule at `nowMs` and returns the alerts whose condition has held for
    // their `for:` duration. Conditions that cleared are forgotten.
    std::vector<Alert> evaluate(std::int64_t nowMs);
    const std::vector<AlertRule>& rules() const { return rules_; }
    // Fingerprints whose condition holds now, firing or still pending.
    std::vector<std::string> active() const {
        std::vector<std::string> out;
        for (const auto& [fingerprint, pending] : active_) out.push_back(fingerprint);
        return out;
    }

private:
    struct Point {
        std::int64_t ms;
        double value;
    };
    struct TargetData {
        std::string job, service;
        bool up = true;
        std::map<std::string, std::vector<double>> gauges;         // metric → latest value of each series
        std::map<std::string, std::deque<Point>> counters;         // metric → history of the summed counter
        std::map<std::string, std::map<double, std::deque<Point>>> buckets;  // histogram → le → history
    };
    struct Pending {
        std::int64_t sinceMs;
        double value;
        std::string service, instance;
    };
    bool holds(const AlertRule& rule, double v) const;
    std::int64_t longestWindowMs() const;

    std::vector<AlertRule> rules_;
    std::map<std::string, TargetData> targets_;  // by "job/instance"
    std::map<std::string, Pending> active_;  // fingerprint → condition true since
};

}  // namespace vakt::collector
