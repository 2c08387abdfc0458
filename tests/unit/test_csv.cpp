#include <gtest/gtest.h>

#include "core/base/csv.h"

using namespace vakt;

TEST(Csv, QuotedFieldsMaySpanLinesAndRecordsKeepTheirStartLine) {
    auto r = csv::parse("a,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\nlast,2\n");
    ASSERT_TRUE(r) << r.message();
    ASSERT_EQ(r->size(), 3u);
    EXPECT_EQ((*r)[1].line, 2);
    EXPECT_EQ((*r)[1].fields[0], "x\ny");
    EXPECT_EQ((*r)[1].fields[1], "say \"hi\"");
    EXPECT_EQ((*r)[2].line, 4);
    EXPECT_EQ((*r)[2].fields[0], "last");
}

TEST(Csv, DetectsSemicolonSeparatorFromHeader) {
    auto r = csv::parse("key;name\nsvarut;SvarUt, med komma\n");
    ASSERT_TRUE(r);
    EXPECT_EQ((*r)[1].fields[1], "SvarUt, med komma");
}

TEST(Csv, RejectsUnterminatedAndStrayQuotesWithLine) {
    auto unterminated = csv::parse("a,b\n1,\"open\n");
    ASSERT_FALSE(unterminated);
    EXPECT_EQ(unterminated.message().rfind("2:", 0), 0u) << unterminated.message();
    auto stray = csv::parse("a,b\n1,2\n3,x\"y\n");
    ASSERT_FALSE(stray);
    EXPECT_EQ(stray.message().rfind("3:", 0), 0u) << stray.message();
}

TEST(Csv, WrittenRecordsReadBackUnchanged) {
    std::vector<std::string> fields = {"plain", "with,comma", "with \"quote\"", "two\nlines", ""};
    auto r = csv::parse(csv::formatRecord({"h1", "h2", "h3", "h4", "h5"}) + csv::formatRecord(fields));
    ASSERT_TRUE(r) << r.message();
    EXPECT_EQ((*r)[1].fields, fields);
}

TEST(Csv, AFieldWithTheOtherSeparatorIsQuotedSoNoSpreadsheetSplitsIt) {
    // Norwegian Excel splits on ';' even in a ',' file: a field must not become two cells there.
    EXPECT_EQ(csv::escapeField("x;=cmd|' /C calc'!A0"), "\"x;=cmd|' /C calc'!A0\"");
    EXPECT_EQ(csv::escapeField("a,b", ';'), "\"a,b\"");
    EXPECT_EQ(csv::escapeField("plain"), "plain");
}
