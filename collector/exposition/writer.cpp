#include "collector/exposition/writer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "collector/exposition/number.h"

namespace vakt::expo {

std::string_view contentType(Format format) {
    return format == Format::OpenMetrics100 ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                                            : "text/plain; version=0.0.4; charset=utf-8";
}

Format negotiate(std::string_view accept) {
    double om = -1, text = -1;
    std::size_t start = 0;
    while (start <= accept.size()) {
        std::size_t end = accept.find(',', start);
        if (end == std::string_view::npos) end = accept.size();
        std::string_view range = accept.substr(start, end - start);
        start = end + 1;
        double q = 1;
        const auto qAt = range.find(";q=");
        if (qAt != std::string_view::npos) {
            const auto qEnd = range.find(';', qAt + 3);
            q = parseRealNumber(range.substr(qAt + 3, qEnd == std::string_view::npos ? std::string_view::npos : qEnd - qAt - 3)).value_or(0);
        }
        const std::string_view media = range.substr(0, range.find(';'));
        auto trimmed = [](std::string_view s) {
            while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
            while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
            return s;
        };
        const std::string_view m = trimmed(media);
        if (m == "application/openmetrics-text") om = std::max(om, q);
        else if (m == "text/plain" || m == "*/*" || m == "text/*") text = std::max(text, q);
        if (end == accept.size()) break;
    }
    return om > 0 && om >= text ? Format::OpenMetrics100 : Format::Prometheus004;
}

void appendEscapedLabelValue(std::string& out, std::string_view v) {
    for (char c : v) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
}

void appendEscapedHelp(std::string& out, std::string_view help, Format format) {
    for (char c : help) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '"' && format == Format::OpenMetrics100) out += "\\\"";
        else out += c;
    }
}

void Counter::inc(double by) {
    if (!(by > 0)) return;
    value_.fetch_add(by, std::memory_order_relaxed);
}

void Gauge::inc(double by) { value_.fetch_add(by, std::memory_order_relaxed); }

Histogram::Histogram(std::vector<double> bounds) : bounds_(std::move(bounds)), counts_(bounds_.size() + 1, 0) {
    if (!std::is_sorted(bounds_.begin(), bounds_.end()) || std::adjacent_find(bounds_.begin(), bounds_.end()) != bounds_.end())
        throw std::invalid_argument("histogram bounds must be strictly increasing");
}

void Histogram::observe(double v) {
    const auto bucket = static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin());
    std::lock_guard lock(mutex_);
    ++counts_[bucket];
    sum_ += v;
    ++count_;
}

Histogram::Snapshot Histogram::snapshot() const {
    Snapshot s;
    s.bounds = bounds_;
    std::lock_guard lock(mutex_);
    std::uint64_t running = 0;
    for (auto c : counts_) s.cumulative.push_back(running += c);
    s.sum = sum_;
    s.count = count_;
    return s;
}

namespace {

bool validName(const std::string& n) {
    if (n.empty() || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_' || n[0] == ':')) return false;
    return std::all_of(n.begin(), n.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':'; });
}

void appendLabels(std::string& out, const LabelSet& labels, std::string_view extraName = {}, std::string_view extraValue = {}) {
    if (labels.empty() && extraName.empty()) return;
    out += '{';
    bool first = true;
    for (const auto& [k, v] : labels) {
        if (!first) out += ',';
        first = false;
        out += k;
        out += "=\"";
        appendEscapedLabelValue(out, v);
        out += '"';
    }
    if (!extraName.empty()) {
        if (!first) out += ',';
        out += extraName;
        out += "=\"";
        out += extraValue;
        out += '"';
    }
    out += '}';
}

void appendSample(std::string& out, std::string_view name, const LabelSet& labels, double value,
                  std::string_view extraName = {}, std::string_view extraValue = {}) {
    out += name;
    appendLabels(out, labels, extraName, extraValue);
    out += ' ';
    appendValue(out, value);
    out += '\n';
}

void appendHeader(std::string& out, Format format, const std::string& name, std::string_view type, const std::string& help,
                  const std::string& unit) {
    out += "# HELP ";
    out += name;
    out += ' ';
    appendEscapedHelp(out, help, format);
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
    if (format == Format::OpenMetrics100 && !unit.empty()) {
        out += "# UNIT ";
        out += name;
        out += ' ';
        out += unit;
        out += '\n';
    }
}

}  // namespace

void Registry::checkName(const std::string& name) {
    if (!validName(name)) throw std::invalid_argument("invalid metric name: " + name);
    if (std::find(names_.begin(), names_.end(), name) != names_.end()) throw std::invalid_argument("metric registered twice: " + name);
    names_.push_back(name);
}

static std::string familyName(std::string name, const std::string& unit) {
    if (name.size() > 6 && name.compare(name.size() - 6, 6, "_total") == 0) name.resize(name.size() - 6);
    if (!unit.empty() && (name.size() <= unit.size() || name.compare(name.size() - unit.size() - 1, unit.size() + 1, "_" + unit) != 0))
        throw std::invalid_argument("metric " + name + " must end with its unit _" + unit);
    return name;
}

MetricFamily<Counter>& Registry::counter(std::string name, std::string help, std::string unit) {
    std::lock_guard lock(mutex_);
    name = familyName(std::move(name), unit);
    checkName(name);
    counters_.push_back(std::make_unique<MetricFamily<Counter>>(name, std::move(help), std::move(unit)));
    order_.emplace_back(MetricType::Counter, counters_.size() - 1);
    return *counters_.back();
}

MetricFamily<Gauge>& Registry::gauge(std::string name, std::string help, std::string unit) {
    std::lock_guard lock(mutex_);
    name = familyName(std::move(name), unit);
    checkName(name);
    gauges_.push_back(std::make_unique<MetricFamily<Gauge>>(name, std::move(help), std::move(unit)));
    order_.emplace_back(MetricType::Gauge, gauges_.size() - 1);
    return *gauges_.back();
}

MetricFamily<Histogram>& Registry::histogram(std::string name, std::string help, std::vector<double> buckets, std::string unit) {
    std::lock_guard lock(mutex_);
    name = familyName(std::move(name), unit);
    checkName(name);
    Histogram probe(buckets);  // validates the bounds now rather than at first use
    histograms_.push_back(std::make_unique<MetricFamily<Histogram>>(name, std::move(help), std::move(unit), std::move(buckets)));
    order_.emplace_back(MetricType::Histogram, histograms_.size() - 1);
    return *histograms_.back();
}

MetricFamily<Info>& Registry::info(std::string name, std::string help) {
    std::lock_guard lock(mutex_);
    if (name.size() > 5 && name.compare(name.size() - 5, 5, "_info") == 0) name.resize(name.size() - 5);
    checkName(name);
    infos_.push_back(std::make_unique<MetricFamily<Info>>(name, std::move(help), std::string()));
    order_.emplace_back(MetricType::Info, infos_.size() - 1);
    return *infos_.back();
}

std::string Registry::render(Format format) const {
    std::lock_guard lock(mutex_);
    const bool om = format == Format::OpenMetrics100;
    std::string out;
    for (const auto& [type, index] : order_) {
        switch (type) {
            case MetricType::Counter: {
                const auto& f = *counters_[index];
                // 0.0.4 has no family/sample distinction: the family is named after the sample.
                const std::string total = f.name() + "_total";
                appendHeader(out, format, om ? f.name() : total, "counter", f.help(), f.unit());
                f.forEach([&](const LabelSet& l, const Counter& c) { appendSample(out, total, l, c.value()); });
                break;
            }
            case MetricType::Gauge: {
                const auto& f = *gauges_[index];
                appendHeader(out, format, f.name(), "gauge", f.help(), f.unit());
                f.forEach([&](const LabelSet& l, const Gauge& g) { appendSample(out, f.name(), l, g.value()); });
                break;
            }
            case MetricType::Histogram: {
                const auto& f = *histograms_[index];
                appendHeader(out, format, f.name(), "histogram", f.help(), f.unit());
                f.forEach([&](const LabelSet& l, const Histogram& h) {
                    const auto s = h.snapshot();
                    for (std::size_t i = 0; i <= s.bounds.size(); ++i) {
                        const std::string le = i < s.bounds.size() ? formatValue(s.bounds[i]) : "+Inf";
                        appendSample(out, f.name() + "_bucket", l, static_cast<double>(s.cumulative[i]), "le", le);
                    }
                    appendSample(out, f.name() + "_count", l, static_cast<double>(s.count));
                    // OpenMetrics forbids a sum beside negative buckets.
                    if (!(om && !s.bounds.empty() && s.bounds.front() < 0)) appendSample(out, f.name() + "_sum", l, s.sum);
                });
                break;
            }
            case MetricType::Info: {
                const auto& f = *infos_[index];
                // 0.0.4 has no info type; Prometheus's clients expose it as a gauge.
                appendHeader(out, format, om ? f.name() : f.name() + "_info", om ? "info" : "gauge", f.help(), {});
                f.forEach([&](const LabelSet& l, const Info&) { appendSample(out, f.name() + "_info", l, 1); });
                break;
            }
            default:
                break;
        }
    }
    if (om) out += "# EOF\n";
    return out;
}

}  // namespace vakt::expo
