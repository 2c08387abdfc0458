#include <gtest/gtest.h>

#include <cmath>

#include "collector/exposition/parser.h"
#include "collector/health/reducer.h"

using namespace vakt::collector;
using vakt::expo::Format;

namespace {
struct Scrape {
    vakt::expo::ParseResult result;
    explicit Scrape(const std::string& text) : text_(text) {
        vakt::expo::ParseError e;
        if (!vakt::expo::parse(text_, Format::Prometheus004, result, e)) throw std::runtime_error(e.message());
    }
    std::string text_;
};
std::string exposition(double ok, double err, double fast, double slow) {
    return "# TYPE http_server_requests_total counter\n"
           "http_server_requests_total{code=\"200\"} " + std::to_string(ok) + "\n" +
           "http_server_requests_total{code=\"503\"} " + std::to_string(err) + "\n" +
           "# TYPE http_server_request_duration_seconds histogram\n"
           "http_server_request_duration_seconds_bucket{le=\"0.1\"} " + std::to_string(fast) + "\n" +
           "http_server_request_duration_seconds_bucket{le=\"1\"} " + std::to_string(fast + slow) + "\n" +
           "http_server_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(fast + slow) + "\n";
}
constexpr std::int64_t kMinute = 60000;
}  // namespace

TEST(HealthReducer, RequestsErrorsAndLatencyPerServiceMinute) {
    HealthReducer r;
    const std::int64_t t0 = 1'700'000'090'000;  // 50 s into a minute
    Scrape first(exposition(1000, 10, 900, 110));
    Scrape second(exposition(1100, 30, 960, 170));  // +100 ok, +20 errors, +60 fast, +60 slow
    r.add("a", "svarut", t0, true, &first.result);
    r.add("a", "svarut", t0 + 15000, true, &second.result);
    r.add("b", "svarut", t0 + 16000, false, nullptr);  // another pod, down
    EXPECT_TRUE(r.takeFinished(t0).empty());
    auto rows = r.takeFinished(t0 + 2 * kMinute);
    ASSERT_EQ(rows.size(), 2u);  // the scrapes fall into two minutes
    const MinuteHealth& m = rows[1];
    EXPECT_EQ(m.service, "svarut");
    EXPECT_EQ(m.scrapes, 2);
    EXPECT_EQ(m.upScrapes, 1);
    EXPECT_DOUBLE_EQ(m.availability(), 0.5);
    EXPECT_DOUBLE_EQ(m.requests, 120);
    EXPECT_DOUBLE_EQ(m.errors, 20);
    // 60 of 120 observations below 0.1 s, the rest up to 1 s: the median is at the boundary.
    EXPECT_NEAR(m.p50, 0.1, 1e-9);
    EXPECT_NEAR(m.p95, 0.1 + 0.9 * (114.0 - 60.0) / 60.0, 1e-9);
    // The first minute saw only the first scrape: no increase can be known yet.
    EXPECT_DOUBLE_EQ(rows[0].requests, 0);
    EXPECT_TRUE(std::isnan(rows[0].p50));
}

TEST(HealthReducer, CounterResetsCountFromZero) {
    HealthReducer r;
    Scrape before(exposition(5000, 0, 0, 0));
    Scrape afterRestart(exposition(40, 2, 0, 0));
    r.add("a", "svarut", 0, true, &before.result);
    r.add("a", "svarut", 1000, true, &afterRestart.result);
    auto rows = r.takeAll();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_DOUBLE_EQ(rows[0].requests, 42);
    EXPECT_DOUBLE_EQ(rows[0].errors, 2);
}

TEST(HealthReducer, HistogramQuantileMatchesPrometheus) {
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_NEAR(histogramQuantile(0.5, {{1, 10}, {2, 20}, {inf, 20}}), 1.0, 1e-12);
    EXPECT_NEAR(histogramQuantile(0.75, {{1, 10}, {2, 20}, {inf, 20}}), 1.5, 1e-12);
    EXPECT_NEAR(histogramQuantile(0.99, {{1, 10}, {2, 10}, {inf, 20}}), 2.0, 1e-12);  // rank in +Inf
    EXPECT_TRUE(std::isnan(histogramQuantile(0.5, {{1, 0}, {inf, 0}})));
}
