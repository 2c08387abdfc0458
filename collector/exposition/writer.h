#pragma once
// Writing the exposition formats, and a small metrics registry in prometheus-cpp's shape
// (registry → families → counters, gauges, histograms, infos) for the collector's own metrics.
// Output is Prometheus text 0.0.4 or OpenMetrics 1.0, chosen from the scraper's Accept header.
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "collector/exposition/parser.h"

namespace vakt::expo {

using LabelSet = std::map<std::string, std::string>;

std::string_view contentType(Format format);
// The best format the Accept header allows (OpenMetrics when it is acceptable and preferred at
// least as much as text/plain).
Format negotiate(std::string_view acceptHeader);

// Escaping for label values (\\ \" \n) and help texts (\\ \n, plus \" in OpenMetrics).
void appendEscapedLabelValue(std::string& out, std::string_view value);
void appendEscapedHelp(std::string& out, std::string_view help, Format format);

class Counter {
public:
    // Counters only go up; a negative increment is ignored.
    void inc(double by = 1.0);
    double value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<double> value_{0};
};

class Gauge {
public:
    void set(double v) { value_.store(v, std::memory_order_relaxed); }
    void inc(double by = 1.0);
    void dec(double by = 1.0) { inc(-by); }
    double value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<double> value_{0};
};

class Histogram {
public:
    explicit Histogram(std::vector<double> upperBounds);
    void observe(double v);
    struct Snapshot {
        std::vector<double> bounds;             // without +Inf
        std::vector<std::uint64_t> cumulative;  // one more than bounds: the last is +Inf
        double sum = 0;
        std::uint64_t count = 0;
    };
    Snapshot snapshot() const;

private:
    std::vector<double> bounds_;
    mutable std::mutex mutex_;
    std::vector<std::uint64_t> counts_;  // per bucket, not cumulative
    double sum_ = 0;
    std::uint64_t count_ = 0;
};

class Info {};

template <typename Metric>
class MetricFamily {
public:
    MetricFamily(std::string name, std::string help, std::string unit, std::vector<double> buckets = {})
        : name_(std::move(name)), help_(std::move(help)), unit_(std::move(unit)), buckets_(std::move(buckets)) {}

    // The metric with these labels, created on first use.
    Metric& add(const LabelSet& labels) {
        std::lock_guard lock(mutex_);
        auto& slot = metrics_[labels];
        if (!slot) {
            if constexpr (std::is_same_v<Metric, Histogram>) slot = std::make_unique<Metric>(buckets_);
            else slot = std::make_unique<Metric>();
        }
        return *slot;
    }
    void remove(const LabelSet& labels) {
        std::lock_guard lock(mutex_);
        metrics_.erase(labels);
    }

    const std::string& name() const { return name_; }
    const std::string& help() const { return help_; }
    const std::string& unit() const { return unit_; }
    template <typename Fn>
    void forEach(Fn&& fn) const {
        std::lock_guard lock(mutex_);
        for (const auto& [labels, metric] : metrics_) fn(labels, *metric);
    }

private:
    std::string name_, help_, unit_;
    std::vector<double> buckets_;
    mutable std::mutex mutex_;
    std::map<LabelSet, std::unique_ptr<Metric>> metrics_;
};

class Registry {
public:
    // Names follow the OpenMetrics family convention: a counter "requests" is exposed as
    // requests_total; a trailing "_total" on the name given here is dropped.
    MetricFamily<Counter>& counter(std::string name, std::string help, std::string unit = {});
    MetricFamily<Gauge>& gauge(std::string name, std::string help, std::string unit = {});
    MetricFamily<Histogram>& histogram(std::string name, std::string help, std::vector<double> buckets, std::string unit = {});
    MetricFamily<Info>& info(std::string name, std::string help);

    std::string render(Format format) const;

private:
    void checkName(const std::string& name);
    mutable std::mutex mutex_;
    std::vector<std::string> names_;
    std::vector<std::unique_ptr<MetricFamily<Counter>>> counters_;
    std::vector<std::unique_ptr<MetricFamily<Gauge>>> gauges_;
    std::vector<std::unique_ptr<MetricFamily<Histogram>>> histograms_;
    std::vector<std::unique_ptr<MetricFamily<Info>>> infos_;
    // Families in registration order, for stable output.
    std::vector<std::pair<MetricType, std::size_t>> order_;
};

}  // namespace vakt::expo
