#include <gtest/gtest.h>

#include "collector/alerts/rules.h"

#include <set>
#include <tuple>

using namespace vakt::collector;

namespace {
struct Scrape {
    std::string text;
    vakt::expo::ParseResult result;
    explicit Scrape(std::string t) : text(std::move(t)) {
        vakt::expo::ParseError e;
        if (!vakt::expo::parse(text, vakt::expo::Format::Prometheus004, result, e)) throw std::runtime_error(e.message());
    }
};
std::vector<AlertRule> rules(const char* yaml) {
    auto r = parseRules(yaml, "rules.yml");
    if (!r) throw std::runtime_error(r.message());
    return *r;
}
std::string requests(double ok, double err) {
    return "http_server_requests_total{code=\"200\"} " + std::to_string(ok) + "\nhttp_server_requests_total{code=\"500\"} " +
           std::to_string(err) + "\n";
}
constexpr std::int64_t kS = 1000;

// Rules of every metric type, and a scrape with memory, requests, errors and latencies.
const char* kMetricRules = R"(
groups:
  - name: g
    rules:
      - {alert: Minne, type: threshold, metric: process_resident_memory_bytes, op: '>', value: 1e9}
      - {alert: Trafikk, type: counter_rate, metric: http_server_requests, window: 1m, op: '>', value: 100}
      - {alert: Treg, type: histogram_quantile, metric: rpc_seconds, quantile: 0.95, window: 5m, op: '>', value: 1}
      - {alert: Feilbudsjett, type: error_ratio, slo: 0.99, windows: [1m, 5m], burn_rate: 10}
)";
std::string body(double mem, double ok, double err, double fast, double slow) {
    return "process_resident_memory_bytes " + std::to_string(mem) + "\n" + requests(ok, err) + "rpc_seconds_bucket{le=\"0.5\"} " +
           std::to_string(fast) + "\nrpc_seconds_bucket{le=\"2\"} " + std::to_string(fast + slow) + "\nrpc_seconds_bucket{le=\"+Inf\"} " +
           std::to_string(fast + slow) + "\n";
}
}  // namespace

TEST(AlertRules, TargetDownFiresAfterItsForDurationAndClears) {
    AlertEvaluator e(rules("groups:\n  - name: g\n    rules:\n      - alert: MålNede\n        type: target_down\n        for: 1m\n"
                           "        severity: critical\n        summary: '{{instance}} for {{service}} svarer ikke'\n"
                           "        summary_en: '{{instance}} for {{service}} does not answer'\n"));
    e.observe("platform", "10.0.0.1:80", "svarut", 0, false, nullptr);
    EXPECT_TRUE(e.evaluate(0).empty());  // pending
    e.observe("platform", "10.0.0.1:80", "svarut", 30 * kS, false, nullptr);
    EXPECT_TRUE(e.evaluate(30 * kS).empty());
    e.observe("platform", "10.0.0.1:80", "svarut", 60 * kS, false, nullptr);
    auto firing = e.evaluate(60 * kS);
    ASSERT_EQ(firing.size(), 1u);
    EXPECT_EQ(firing[0].summary, "10.0.0.1:80 for svarut svarer ikke");
    EXPECT_EQ(firing[0].summaryEn, "10.0.0.1:80 for svarut does not answer");
    EXPECT_EQ(firing[0].severity, "critical");
    EXPECT_EQ(firing[0].activeSinceMs, 0);
    Scrape ok("up 1\n");
    e.observe("platform", "10.0.0.1:80", "svarut", 75 * kS, true, &ok.result);
    EXPECT_TRUE(e.evaluate(75 * kS).empty());
    // A new outage starts its for: again.
    e.observe("platform", "10.0.0.1:80", "svarut", 90 * kS, false, nullptr);
    EXPECT_TRUE(e.evaluate(90 * kS).empty());
}

TEST(AlertRules, ThresholdRateQuantileAndBurnRate) {
    AlertEvaluator e(rules(kMetricRules));
    Scrape a(body(2e8, 1000, 0, 100, 0));
    Scrape b(body(2e9, 1000 + 60 * 200, 60 * 50, 110, 90));  // 200 req/s, 20% errors, 90% of new requests slow
    e.observe("platform", "p1", "svarut", 0, true, &a.result);
    e.observe("platform", "p1", "svarut", 60 * kS, true, &b.result);
    auto firing = e.evaluate(60 * kS);
    std::set<std::string> names;
    for (const auto& f : firing) names.insert(f.rule);
    EXPECT_TRUE(names.count("Minne"));
    EXPECT_TRUE(names.count("Trafikk"));
    EXPECT_TRUE(names.count("Treg"));
    EXPECT_TRUE(names.count("Feilbudsjett"));
    for (const auto& f : firing) {
        if (f.rule == "Trafikk") {
            EXPECT_NEAR(f.value, 250, 1e-9);  // (12000 + 3000) / 60 s
        }
    }
}

// The same rules stay quiet on a healthy target, and just under each threshold.
TEST(AlertRules, ThresholdRateQuantileAndBurnRateStayQuietWhenHealthy) {
    AlertEvaluator e(rules((std::string(kMetricRules) + "      - {alert: MålNede, type: target_down}\n").c_str()));
    // 1e9 bytes is not over 1e9; 99 req/s; every request fast; 5 % of the error budget's burn limit.
    Scrape a(body(9e8, 1000, 0, 100, 0));
    Scrape b(body(1e9, 1000 + 60 * 99 - 3, 3, 100 + 60 * 99, 0));
    e.observe("platform", "p1", "svarut", 0, true, &a.result);
    e.observe("platform", "p1", "svarut", 60 * kS, true, &b.result);
    for (std::int64_t at : {60 * kS, 120 * kS}) {
        const auto firing = e.evaluate(at);
        std::vector<std::string> names;
        for (const auto& f : firing) names.push_back(f.rule);
        EXPECT_TRUE(firing.empty()) << "fired: " << testing::PrintToString(names);
    }
}

TEST(AlertRules, ErrorsNameFileLineAndField) {
    for (auto [yaml, where, says] : {std::tuple{"groups:\n  - name: g\n    rules:\n      - alert: A\n        type: nonsense\n", "rules.yml:5:", "type"},
                                     std::tuple{"groups:\n  - name: g\n    rules:\n      - alert: A\n        type: threshold\n        value: 3\n", "rules.yml:4:", "metric"},
                                     std::tuple{"groups:\n  - name: g\n    rules:\n      - alert: A\n        type: target_down\n        for: ever\n", "rules.yml:6:", "for"},
                                     std::tuple{"groups:\n  - name: g\n    rules:\n      - alert: A\n        type: target_down\n        colour: red\n", "rules.yml:6:", "unknown field"}}) {
        auto r = parseRules(yaml, "rules.yml");
        ASSERT_FALSE(r) << yaml;
        EXPECT_EQ(r.message().rfind(where, 0), 0u) << r.message();
        EXPECT_NE(r.message().find(says), std::string::npos) << r.message();
    }
}
