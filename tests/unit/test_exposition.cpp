#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "collector/exposition/number.h"
#include "collector/exposition/key_table.h"
#include "collector/exposition/parser.h"

using namespace vakt::expo;

namespace {
struct Parsed {
    bool ok;
    ParseResult result;
    ParseError error;
};
Parsed parseText(std::string_view text, Format f = Format::Prometheus004, ParseLimits limits = {}) {
    Parsed p;
    p.ok = parse(text, f, p.result, p.error, limits);
    return p;
}
std::string unescapedLabel(const ParseResult& r, const Sample& s, std::string_view name) {
    for (std::uint32_t i = s.firstLabel; i < s.firstLabel + s.labelCount; ++i)
        if (r.labels[i].name == name) return unescape(r.labels[i].value);
    return "<none>";
}
}  // namespace

TEST(Exposition, ReadsTheClassicTextFormatLikePrometheus) {
    const std::string text =
        "# HELP http_requests_total Requests served.\\nPer code.\n"
        "# TYPE http_requests_total counter\n"
        "\n"
        "# a free comment\n"
        "http_requests_total{code=\"200\",path=\"/a\\\"b\\\\c\"} 1027 1395066363000\n"
        "  http_requests_total { code = \"500\" , } 3\n"
        "# TYPE rpc_seconds summary\n"
        "rpc_seconds{quantile=\"0.99\"} 0.5\n"
        "rpc_seconds_sum 17.5\n"
        "rpc_seconds_count 42\n"
        "up +Inf\n";
    auto p = parseText(text);
    ASSERT_TRUE(p.ok) << p.error.message();
    ASSERT_EQ(p.result.samples.size(), 6u);
    const Sample& first = p.result.samples[0];
    EXPECT_EQ(first.name, "http_requests_total");
    EXPECT_EQ(first.value, 1027);
    EXPECT_TRUE(first.hasTimestamp);
    EXPECT_EQ(first.timestampMs, 1395066363000);
    EXPECT_EQ(unescapedLabel(p.result, first, "path"), "/a\"b\\c");
    EXPECT_EQ(unescapedLabel(p.result, p.result.samples[1], "code"), "500");
    EXPECT_EQ(first.line, 5u);
    const Family& counter = p.result.families[first.family];
    EXPECT_EQ(counter.type, MetricType::Counter);
    EXPECT_EQ(unescape(counter.help), "Requests served.\nPer code.");
    // _sum and _count belong to the summary family.
    EXPECT_EQ(p.result.families[p.result.samples[3].family].name, "rpc_seconds");
    EXPECT_EQ(p.result.families[p.result.samples[3].family].type, MetricType::Summary);
    EXPECT_TRUE(std::isinf(p.result.samples[5].value));
}

TEST(Exposition, RejectsWhatPrometheusRejectsWithLineAndColumn) {
    struct Case {
        const char* text;
        int line, column;
        const char* reason;
    };
    for (const Case& c : {Case{"a 1\nb 0x1p-3\n", 2, 3, "invalid value"},
                          Case{"a 1\nb 1_000\n", 2, 3, "invalid value"},
                          Case{"a 1", 1, 4, "must end with a line break"},
                          Case{"# TYPE a gauges\na 1\n", 1, 10, "invalid metric type"},
                          Case{"a{x=\"1\",x=\"2\"} 1\n", 1, 9, "not unique"},
                          Case{"a{x=1} 1\n", 1, 5, "quoted label value"},
                          Case{"a 1 -5\n", 1, 5, "expected timestamp or line break"},
                          Case{"a 1 99999999999999999999\n", 1, 5, "timestamp out of range"},
                          Case{"a{x=\"\xff\"} 1\n", 1, 6, "UTF-8"},
                          Case{"{x=\"1\"} 1\n", 1, 1, "expected a metric name"},
                          Case{"a\n", 1, 2, "expected value"},
                          // A 0.0.4 label value may span lines; its error still points into it.
                          Case{"a{x=\"1\n2\xff\"} 1\n", 1, 6, "UTF-8"},
                          // promtool refuses escapes other than \\, \" and \n, and labels without a comma.
                          Case{"a{x=\"1\\q\"} 1\n", 1, 7, "invalid escape"},
                          Case{"a{x=\"1\\\"} 1\n", 1, 5, "unterminated label value"},
                          Case{"a{x=\"1\"y=\"2\"} 1\n", 1, 8, "expected ',' or '}'"},
                          Case{"a{x=\"1\" y=\"2\"} 1\n", 1, 9, "expected ',' or '}'"}}) {
        auto p = parseText(c.text);
        ASSERT_FALSE(p.ok) << c.text;
        EXPECT_EQ(p.error.line, c.line) << c.text << ": " << p.error.message();
        EXPECT_EQ(p.error.column, c.column) << c.text << ": " << p.error.message();
        EXPECT_NE(p.error.reason.find(c.reason), std::string::npos) << p.error.message();
    }
}

TEST(Exposition, EscapesAndCommasAsPrometheusReadsThem) {
    auto p = parseText("a{x=\"q\\\"uote\\\\back\\nline\",y=\"2\",} 1\n");
    ASSERT_TRUE(p.ok) << p.error.message();
    EXPECT_EQ(unescapedLabel(p.result, p.result.samples.at(0), "x"), "q\"uote\\back\nline");
    EXPECT_EQ(unescapedLabel(p.result, p.result.samples.at(0), "y"), "2");
}

// Hostile inputs are read in one pass: a long value full of escapes and a sample with tens of
// thousands of labels give the right answer (bench_exposition measures that they take linear time).
TEST(Exposition, LongEscapedValuesAndManyLabelsAreReadCorrectly) {
    std::string value;
    for (int i = 0; i < 50000; ++i) value += "\\\"";
    const std::string escapedText = "a{x=\"" + value + "\"} 1\n";  // the result points into it
    auto escaped = parseText(escapedText);
    ASSERT_TRUE(escaped.ok) << escaped.error.message();
    EXPECT_EQ(unescapedLabel(escaped.result, escaped.result.samples.at(0), "x"), std::string(50000, '"'));
    std::string many = "a{";
    for (int i = 0; i < 40000; ++i) many += "l" + std::to_string(i) + "=\"v\",";
    ParseLimits unlimited;
    unlimited.maxLabelsPerSample = 0;
    const std::string wideText = many + "} 1\n";
    auto wide = parseText(wideText, Format::Prometheus004, unlimited);
    ASSERT_TRUE(wide.ok) << wide.error.message();
    EXPECT_EQ(wide.result.samples.at(0).labelCount, 40000u);
    const std::string repeatedText = many + "l39999=\"w\"} 1\n";
    auto repeated = parseText(repeatedText, Format::Prometheus004, unlimited);
    ASSERT_FALSE(repeated.ok);
    EXPECT_NE(repeated.error.reason.find("not unique"), std::string::npos) << repeated.error.message();
}

TEST(Exposition, OpenMetricsValuesExemplarsAndTimestamps) {
    const std::string text =
        "# TYPE rpc histogram\n"
        "# UNIT rpc \n"
        "rpc_bucket{le=\"0.5\"} 3 # {trace_id=\"abc\"} 0.2 1700000000.5\n"
        "rpc_bucket{le=\"+Inf\"} 5\n"
        "rpc_count 5\n"
        "rpc_sum 1.5\n"
        "# TYPE jobs counter\n"
        "jobs_total 7 1700000000.25\n"
        "# EOF\n";
    auto p = parseText(text, Format::OpenMetrics100);
    ASSERT_TRUE(p.ok) << p.error.message();
    ASSERT_EQ(p.result.families.size(), 2u);
    EXPECT_EQ(p.result.families[0].type, MetricType::Histogram);
    const Sample& bucket = p.result.samples[0];
    ASSERT_TRUE(bucket.hasExemplar);
    const Exemplar& e = p.result.exemplars[bucket.exemplar];
    EXPECT_EQ(e.value, 0.2);
    EXPECT_EQ(e.timestamp, 1700000000.5);
    EXPECT_EQ(p.result.labels[e.firstLabel].value, "abc");
    // OpenMetrics timestamps are seconds; the result keeps milliseconds.
    EXPECT_EQ(p.result.samples.back().timestampMs, 1700000000250);
    EXPECT_EQ(p.result.families[p.result.samples.back().family].name, "jobs");
}

TEST(Exposition, HistogramRulesNameTheMetric) {
    auto p = parseText("# TYPE h histogram\nh_bucket{le=\"1\"} 5\nh_bucket{le=\"+Inf\"} 4\n# EOF\n", Format::OpenMetrics100);
    ASSERT_FALSE(p.ok);
    EXPECT_EQ(p.error.line, 2);
    EXPECT_NE(p.error.reason.find("histogram \"h\""), std::string::npos) << p.error.message();
}

TEST(Exposition, SampleAndLabelLimitsStopEarly) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "m{i=\"" + std::to_string(i) + "\"} 1\n";
    auto p = parseText(text, Format::Prometheus004, ParseLimits{50, 0});
    ASSERT_FALSE(p.ok);
    EXPECT_EQ(p.error.line, 51);
    EXPECT_NE(p.error.reason.find("sample limit of 50"), std::string::npos);
    EXPECT_EQ(p.result.samples.size(), 50u);
    auto labels = parseText("m{a=\"1\",b=\"2\",c=\"3\"} 1\n", Format::Prometheus004, ParseLimits{0, 2});
    ASSERT_FALSE(labels.ok);
    EXPECT_EQ(labels.error.column, 15);  // at the third label, before reading more
    // label_name_length_limit and label_value_length_limit, in both formats.
    for (Format f : {Format::Prometheus004, Format::OpenMetrics100}) {
        const std::string eof = f == Format::OpenMetrics100 ? "# EOF\n" : "";
        auto longName = parseText("m{abcdefgh=\"1\"} 1\n" + eof, f, ParseLimits{0, 0, 4, 0});
        ASSERT_FALSE(longName.ok);
        EXPECT_NE(longName.error.reason.find("label_name_length_limit of 4"), std::string::npos) << longName.error.message();
        auto longValue = parseText("m{a=\"12345\"} 1\n" + eof, f, ParseLimits{0, 0, 0, 4});
        ASSERT_FALSE(longValue.ok);
        EXPECT_NE(longValue.error.reason.find("label_value_length_limit of 4"), std::string::npos) << longValue.error.message();
        auto fits = parseText("m{abcd=\"1234\"} 1\n" + eof, f, ParseLimits{0, 1, 4, 4});
        EXPECT_TRUE(fits.ok) << fits.error.message();
    }
}

TEST(Exposition, FormatComesFromTheContentType) {
    EXPECT_EQ(formatFromContentType("application/openmetrics-text; version=1.0.0; charset=utf-8"), Format::OpenMetrics100);
    EXPECT_EQ(formatFromContentType("Application/OpenMetrics-Text"), Format::OpenMetrics100);
    EXPECT_EQ(formatFromContentType("text/plain; version=0.0.4; charset=utf-8"), Format::Prometheus004);
    EXPECT_EQ(formatFromContentType(""), Format::Prometheus004);
}

TEST(Exposition, NumbersRoundTripExactly) {
    std::mt19937_64 rng(42);
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t bits = rng();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        if (std::isnan(v)) continue;
        const auto back = parseValue(formatValue(v));
        ASSERT_TRUE(back) << formatValue(v);
        ASSERT_EQ(std::memcmp(&*back, &v, sizeof v), 0) << formatValue(v);
    }
    EXPECT_EQ(formatValue(std::numeric_limits<double>::infinity()), "+Inf");
    EXPECT_EQ(formatValue(-std::numeric_limits<double>::infinity()), "-Inf");
    EXPECT_EQ(formatValue(std::numeric_limits<double>::quiet_NaN()), "NaN");
    EXPECT_TRUE(std::isnan(*parseValue("nan")));
    EXPECT_TRUE(std::isinf(*parseValue("-Infinity")));
    EXPECT_FALSE(parseValue("1e400"));                 // overflow is an error, as in Go
    EXPECT_EQ(*parseValue("1e-400"), 0.0);             // underflow reads as zero
    EXPECT_FALSE(parseValue("+nan"));
    EXPECT_FALSE(parseRealNumber("Inf"));
    EXPECT_EQ(*parseMillis("1700000000000"), 1700000000000);
}

TEST(KeyTable, FindsEveryKeyAcrossGrowthAndForgetsThemOnClear) {
    vakt::expo::KeyTable table;
    for (std::uint64_t k = 0; k < 10000; ++k) ASSERT_TRUE(table.insert(k * 0x10000)) << k;  // 0 is a key like any other
    EXPECT_EQ(table.size(), 10000u);
    for (std::uint64_t k = 0; k < 10000; ++k) ASSERT_FALSE(table.insert(k * 0x10000)) << k;
    table.clear();
    EXPECT_EQ(table.size(), 0u);
    EXPECT_TRUE(table.insert(0x10000));
    EXPECT_FALSE(table.insert(0x10000));
}

TEST(KeyTable, EqualHashesOfDifferentThingsAreKeptApart) {
    vakt::expo::KeyTable table;
    const std::vector<std::string> things = {"a", "b", "a"};
    auto insert = [&](std::uint32_t i) { return table.insertUnless(42, i, [&](std::uint32_t j) { return things[j] == things[i]; }); };
    EXPECT_TRUE(insert(0));
    EXPECT_TRUE(insert(1));   // same hash, different thing: a collision, not a duplicate
    EXPECT_FALSE(insert(2));  // the same thing again
    EXPECT_EQ(table.size(), 2u);
}
