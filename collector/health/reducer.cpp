#include "collector/health/reducer.h"

#include "collector/exposition/number.h"

#include <cmath>

namespace vakt::collector {

namespace {


// A stable key for a series within one target: sample name and labels in order.
std::string seriesKey(const expo::ParseResult& r, const expo::Sample& s) {
    std::string key(s.name);
    for (std::uint32_t i = s.firstLabel; i < s.firstLabel + s.labelCount; ++i) {
        key += '\x1f';
        key += r.labels[i].name;
        key += '=';
        key += r.labels[i].value;
    }
    return key;
}

bool isServerError(const expo::ParseResult& r, const expo::Sample& s) {
    for (std::string_view label : {"code", "status", "status_code"}) {
        const auto v = expo::labelValue(r, s, label);
        if (!v.empty()) return v[0] == '5';
    }
    return expo::labelValue(r, s, "outcome") == "SERVER_ERROR";
}

}  // namespace

double histogramQuantile(double q, const std::map<double, double>& cumulative) {
    if (cumulative.empty()) return std::numeric_limits<double>::quiet_NaN();
    const double total = cumulative.rbegin()->second;
    if (!(total > 0) || !std::isinf(cumulative.rbegin()->first)) return std::numeric_limits<double>::quiet_NaN();
    const double rank = q * total;
    double lowerBound = 0, lowerCount = 0;
    for (const auto& [le, count] : cumulative) {
        if (count >= rank) {
            // The highest finite bucket answers for ranks that fall into +Inf, as in Prometheus.
            if (std::isinf(le)) return lowerBound;
            if (count == lowerCount) return le;
            return lowerBound + (le - lowerBound) * (rank - lowerCount) / (count - lowerCount);
        }
        lowerBound = le;
        lowerCount = count;
    }
    return lowerBound;
}

double HealthReducer::increase(std::unordered_map<std::string, double>& last, const std::string& series, double value) {
    auto it = last.find(series);
    if (it == last.end()) {
        // The first sight of a counter gives no increase: its history is unknown.
        last.emplace(series, value);
        return 0;
    }
    const double previous = it->second;
    it->second = value;
    return value >= previous ? value - previous : value;  // a drop means the counter was reset
}

void HealthReducer::add(const std::string& targetKey, const std::string& service, std::int64_t timeMs, bool up,
                        const expo::ParseResult* result) {
    if (service.empty()) return;
    Accumulator& a = open_[{service, minuteOf(timeMs)}];
    ++a.scrapes;
    if (!up || !result) return;
    ++a.upScrapes;
    auto& last = lastValues_[targetKey];
    // Latency buckets are summed per le across the label sets of the histogram.
    std::map<double, double> bucketIncrease;
    for (const auto& s : result->samples) {
        const expo::Family& f = result->families[s.family];
        if (s.name.ends_with("_requests_total") || (f.type == expo::MetricType::Counter && f.name.ends_with("_requests"))) {
            if (!s.name.ends_with("_total")) continue;
            const double inc = increase(last, seriesKey(*result, s), s.value);
            a.requests += inc;
            if (isServerError(*result, s)) a.errors += inc;
        } else if (f.type == expo::MetricType::Histogram && f.name.ends_with("_duration_seconds") &&
                   f.name.find("request") != std::string_view::npos && s.name.ends_with("_bucket")) {
            const auto le = expo::parseValue(expo::labelValue(*result, s, "le"));
            if (!le) continue;
            bucketIncrease[*le] += increase(last, seriesKey(*result, s), s.value);
        }
    }
    for (const auto& [le, inc] : bucketIncrease) a.latencyBuckets[le] += inc;
}

MinuteHealth HealthReducer::finish(const std::string& service, std::int64_t minute, const Accumulator& a) const {
    MinuteHealth m;
    m.service = service;
    m.minuteStartMs = minute;
    m.scrapes = a.scrapes;
    m.upScrapes = a.upScrapes;
    m.requests = a.requests;
    m.errors = a.errors;
    m.p50 = histogramQuantile(0.50, a.latencyBuckets);
    m.p95 = histogramQuantile(0.95, a.latencyBuckets);
    m.p99 = histogramQuantile(0.99, a.latencyBuckets);
    return m;
}

std::vector<MinuteHealth> HealthReducer::takeFinished(std::int64_t nowMs) {
    std::vector<MinuteHealth> out;
    const std::int64_t current = minuteOf(nowMs);
    for (auto it = open_.begin(); it != open_.end();) {
        if (it->first.second < current) {
            out.push_back(finish(it->first.first, it->first.second, it->second));
            it = open_.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

std::vector<MinuteHealth> HealthReducer::takeAll() {
    std::vector<MinuteHealth> out;
    for (const auto& [key, a] : open_) out.push_back(finish(key.first, key.second, a));
    open_.clear();
    return out;
}

}  // namespace vakt::collector
