#include <gtest/gtest.h>

#include <string>

#include "core/base/json.h"

using vakt::json::parse;
using vakt::json::Value;

TEST(Json, ParsesNestedValuesAndRemembersLines) {
    const std::string text = "[\n  {\"a\": 1,\n   \"b\": [true, null, \"x\"]},\n  -2.5e3\n]";
    auto v = parse(text);
    ASSERT_TRUE(v) << v.message();
    ASSERT_TRUE(v->isArray());
    ASSERT_EQ(v->items.size(), 2u);
    const Value& obj = v->items[0];
    EXPECT_EQ(obj.line, 2);
    EXPECT_EQ(obj.find("a")->number, 1);
    EXPECT_EQ(obj.find("b")->line, 3);
    EXPECT_TRUE(obj.find("b")->items[0].boolean);
    EXPECT_TRUE(obj.find("b")->items[1].isNull());
    EXPECT_EQ(obj.find("b")->items[2].text, "x");
    EXPECT_EQ(v->items[1].number, -2500);
    EXPECT_EQ(v->items[1].line, 4);
}

TEST(Json, DecodesEscapesAndSurrogatePairs) {
    auto v = parse(R"("a\"b\\c\n\u00e6\ud83d\ude00")");
    ASSERT_TRUE(v) << v.message();
    EXPECT_EQ(v->text, "a\"b\\c\n\xC3\xA6\xF0\x9F\x98\x80");
}

TEST(Json, ReportsLineAndColumnOfErrors) {
    auto v = parse("{\n  \"a\": 1,\n  \"b\": tru\n}");
    ASSERT_FALSE(v);
    EXPECT_EQ(v.message().rfind("3:", 0), 0u) << v.message();
}

TEST(Json, RejectsWhatRfc8259Rejects) {
    for (const char* bad : {"", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"\\x\"", "\"a", "[1 2]", "{'a':1}", "\"\\ud800\"",
                            "\"\x01\"", "nul", "[] []", "\"\xC3\x28\"", "\"\xED\xA0\x80\"", "\"\xC0\xAF\""}) {
        EXPECT_FALSE(parse(bad)) << "accepted: " << bad;
    }
}

TEST(Json, BoundsNestingDepth) {
    std::string deep(100000, '[');
    auto v = parse(deep);
    ASSERT_FALSE(v);
    EXPECT_NE(v.message().find("nesting"), std::string::npos);
    std::string ok(60, '[');
    ok += std::string(60, ']');
    EXPECT_TRUE(parse(ok));
}
