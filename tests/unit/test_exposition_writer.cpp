#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <unistd.h>

#include "collector/exposition/parser.h"
#include "collector/exposition/writer.h"

using namespace vakt::expo;

namespace {
// A registry with one of everything, including text that needs escaping.
Registry& sample(Registry& r) {
    auto& scrapes = r.counter("vakt_scrapes_total", "Scrapes by \"job\",\nwith a \\ backslash.");
    scrapes.add({{"job", "svarut"}}).inc(3);
    scrapes.add({{"job", "fiks \"io\"\n\\"}}).inc(0.5);
    r.gauge("vakt_targets", "Targets known.").add({}).set(12);
    auto& latency = r.histogram("vakt_scrape_duration_seconds", "Scrape duration.", {0.1, 0.5, 1}, "seconds");
    auto& h = latency.add({{"job", "svarut"}});
    for (double v : {0.05, 0.2, 0.2, 0.7, 3.0}) h.observe(v);
    r.info("vakt_build", "Build information.").add({{"version", "0.1.0"}});
    return r;
}

double valueOf(const ParseResult& p, std::string_view name, std::string_view labelName = {}, std::string_view labelValue = {}) {
    for (const auto& s : p.samples) {
        if (s.name != name) continue;
        if (labelName.empty()) return s.value;
        for (std::uint32_t i = s.firstLabel; i < s.firstLabel + s.labelCount; ++i)
            if (p.labels[i].name == labelName && unescape(p.labels[i].value) == labelValue) return s.value;
    }
    return -12345;
}
}  // namespace

TEST(ExpositionWriter, BothFormatsParseBackWithTheSameValues) {
    Registry r;
    sample(r);
    for (Format f : {Format::OpenMetrics100, Format::Prometheus004}) {
        const std::string text = r.render(f);
        ParseResult p;
        ParseError e;
        ASSERT_TRUE(parse(text, f, p, e)) << e.message() << "\n" << text;
        EXPECT_EQ(valueOf(p, "vakt_scrapes_total", "job", "svarut"), 3);
        EXPECT_EQ(valueOf(p, "vakt_scrapes_total", "job", "fiks \"io\"\n\\"), 0.5);
        EXPECT_EQ(valueOf(p, "vakt_targets"), 12);
        EXPECT_EQ(valueOf(p, "vakt_scrape_duration_seconds_bucket", "le", "0.5"), 3);
        EXPECT_EQ(valueOf(p, "vakt_scrape_duration_seconds_bucket", "le", "+Inf"), 5);
        EXPECT_EQ(valueOf(p, "vakt_scrape_duration_seconds_count"), 5);
        EXPECT_DOUBLE_EQ(valueOf(p, "vakt_scrape_duration_seconds_sum"), 4.15);
        EXPECT_EQ(valueOf(p, "vakt_build_info", "version", "0.1.0"), 1);
        bool helpFound = false;
        for (const auto& fam : p.families)
            if (fam.name.rfind("vakt_scrapes", 0) == 0 && fam.hasHelp) {
                EXPECT_EQ(unescape(fam.help), "Scrapes by \"job\",\nwith a \\ backslash.");
                helpFound = true;
            }
        EXPECT_TRUE(helpFound);
    }
    EXPECT_NE(r.render(Format::OpenMetrics100).find("# UNIT vakt_scrape_duration_seconds seconds\n"), std::string::npos);
    EXPECT_TRUE(r.render(Format::OpenMetrics100).ends_with("# EOF\n"));
}

TEST(ExpositionWriter, ValuesRoundTripExactly) {
    Registry r;
    auto& g = r.gauge("g", "Random values.");
    std::mt19937_64 rng(7);
    std::vector<double> values;
    for (int i = 0; i < 2000; ++i) {
        double v;
        const std::uint64_t bits = rng();
        std::memcpy(&v, &bits, sizeof v);
        if (std::isnan(v)) v = 0.1 * i;
        values.push_back(v);
        g.add({{"i", std::to_string(i)}}).set(v);
    }
    ParseResult p;
    ParseError e;
    const std::string text = r.render(Format::OpenMetrics100);  // the result points into it
    ASSERT_TRUE(parse(text, Format::OpenMetrics100, p, e)) << e.message();
    for (int i = 0; i < 2000; ++i) {
        const double back = valueOf(p, "g", "i", std::to_string(i));
        ASSERT_EQ(std::memcmp(&back, &values[static_cast<std::size_t>(i)], sizeof back), 0) << i;
    }
}

TEST(ExpositionWriter, RegistryRefusesBadDefinitions) {
    Registry r;
    r.counter("jobs", "Jobs.");
    EXPECT_THROW(r.counter("jobs_total", "Again."), std::invalid_argument);
    EXPECT_THROW(r.gauge("bad-name", "x"), std::invalid_argument);
    EXPECT_THROW(r.histogram("h_seconds", "x", {1, 0.5}, "seconds"), std::invalid_argument);
    EXPECT_THROW(r.gauge("size", "x", "bytes"), std::invalid_argument);
    auto& c = r.counter("c", "x").add({});
    c.inc(-5);
    EXPECT_EQ(c.value(), 0);
}

TEST(ExpositionWriter, AcceptHeaderNegotiation) {
    // The header Prometheus 2.42 sends.
    EXPECT_EQ(negotiate("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                        "text/plain;version=0.0.4;q=0.5,*/*;q=0.1"),
              Format::OpenMetrics100);
    EXPECT_EQ(negotiate("text/plain;version=0.0.4"), Format::Prometheus004);
    EXPECT_EQ(negotiate("application/openmetrics-text;q=0.2,text/plain;q=0.9"), Format::Prometheus004);
    EXPECT_EQ(negotiate(""), Format::Prometheus004);
    EXPECT_EQ(negotiate("*/*"), Format::Prometheus004);
    EXPECT_EQ(contentType(Format::OpenMetrics100).substr(0, 28), "application/openmetrics-text");
}

// promtool, Prometheus's own linter, must find nothing to say about the text format output.
TEST(ExpositionWriter, PromtoolCheckMetricsReportsNothing) {
    Registry r;
    sample(r);
    char path[] = "/tmp/vakt-promtool-XXXXXX";
    const int fd = mkstemp(path);
    ASSERT_GE(fd, 0);
    const std::string text = r.render(Format::Prometheus004);
    ASSERT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    close(fd);
    const std::string command = std::string("promtool check metrics < ") + path + " 2>&1";
    FILE* p = popen(command.c_str(), "r");
    ASSERT_NE(p, nullptr);
    std::string output;
    char buf[512];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) output.append(buf, n);
    const int status = pclose(p);
    unlink(path);
    EXPECT_EQ(status, 0) << output;
    EXPECT_EQ(output, "") << text;
}
