// Every case of the official OpenMetrics text-parser conformance suite (tests/conformance/
// openmetrics, Apache-2.0) is accepted or rejected as its test.json says.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "collector/exposition/parser.h"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}
}  // namespace

TEST(OpenMetricsConformance, EveryCaseIsAcceptedOrRejectedAsTheSuiteSays) {
    const fs::path root = fs::path(VAKT_CONFORMANCE_DIR) / "openmetrics/tests/testdata/parsers";
    ASSERT_TRUE(fs::is_directory(root)) << root;
    int cases = 0, shouldParse = 0;
    for (const auto& dir : fs::directory_iterator(root)) {
        const std::string spec = slurp(dir.path() / "test.json");
        ASSERT_NE(spec.find("\"shouldParse\""), std::string::npos) << dir.path();
        const bool expected = spec.find("\"shouldParse\": true") != std::string::npos ||
                              spec.find("\"shouldParse\":true") != std::string::npos;
        const std::string body = slurp(dir.path() / "metrics");
        vakt::expo::ParseResult result;
        vakt::expo::ParseError error;
        const bool parsed = vakt::expo::parse(body, vakt::expo::Format::OpenMetrics100, result, error);
        EXPECT_EQ(parsed, expected) << dir.path().filename().string() << (parsed ? " was accepted" : " was rejected: " + error.message());
        ++cases;
        shouldParse += expected;
    }
    EXPECT_EQ(cases, 211);
    EXPECT_EQ(shouldParse, 44);
}
