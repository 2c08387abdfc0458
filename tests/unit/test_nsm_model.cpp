// NSM maturity as the security officer checks it by hand: the shipped principles, NSM's measure
// sheet read from CSV and XLSX with every problem named by file, line and column, catalogue
// versions compared, scales, assessments validated field by field, the roll-up rule, gaps,
// trends, the action list's order, every indicator with each of its "no data" paths, Annex A
// and the Statement of Applicability. Every measure text here is test data and says so.
#include <gtest/gtest.h>

#include <cstddef>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/xlsx.h"
#include "nsm/nsm_model.h"

using namespace vakt::nsm;

namespace {

std::string readSource(const std::string& relative) {
    std::ifstream in(std::string(VAKT_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::vector<std::string> fieldsOf(const std::vector<Problem>& problems) {
    std::vector<std::string> out;
    for (const Problem& p : problems) out.push_back(p.field);
    return out;
}

Measure measure(const std::string& number, const std::string& priority, int rank, std::vector<std::string> iso) {
    Measure m;
    m.number = number;
    m.principle = principleOf(number);
    m.title = "Testtiltak " + number + " (testdata)";
    m.priority = priority;
    m.priorityRank = rank;
    m.iso27002 = std::move(iso);
    return m;
}

Catalogue catalogueOf(const std::string& version, std::vector<Measure> measures) {
    Catalogue c;
    c.version = version;
    c.principles = builtinPrinciples();
    c.measures = std::move(measures);
    return c;
}

// The catalogue most tests use: measures of 2.6, 2.9, 2.10, 3.2 and 4.4 with priorities and
// mappings chosen for the known answers (not NSM's).
Catalogue testCatalogue() {
    return catalogueOf("2.1", {measure("2.6.1", "1", 1, {"5.15", "8.2"}), measure("2.6.2", "2", 2, {"5.16"}),
                               measure("2.6.3", "2", 2, {"5.18"}), measure("2.9.1", "1", 1, {"8.13"}),
                               measure("2.10.1", "1", 1, {"8.32"}), measure("2.10.2", "3", 3, {"8.32"}),
                               measure("3.2.1", "1", 1, {"8.15", "8.16"}), measure("4.4.1", "", 0, {"5.27"})});
}

const std::vector<Scale> kScales{vaktScale(), ksScale()};

AssessmentScope department(const std::string& key) {
    AssessmentScope s;
    s.kind = AssessmentScope::Kind::Department;
    s.key = key;
    return s;
}

AssessmentScope service(const std::string& key) {
    AssessmentScope s;
    s.kind = AssessmentScope::Kind::Service;
    s.key = key;
    return s;
}

// A valid assessment on Vakt's scale in the IT department; `scale` "ks" for KS's answers.
Assessment assess(const std::string& subject, const std::string& level, const std::string& date,
                  const std::string& target = "", const std::string& scale = "vakt-0-5") {
    Assessment a;
    a.subject = subject;
    a.scope = department("IT");
    a.scale = scale;
    a.level = level;
    a.target = target;
    a.assessor = "sikkerhetsleder@testkommune.no";
    a.date = date;
    return a;
}

Assessment notApplicable(const std::string& subject, const std::string& date) {
    Assessment a = assess(subject, "", date);
    a.notApplicable = true;
    a.justification = "Gjelder ikke i testdataene (testdata)";
    return a;
}

Level level(const std::string& code, const std::string& label, double value, bool graded = true) {
    Level l;
    l.code = code;
    l.label = label;
    l.value = value;
    l.graded = graded;
    return l;
}

const SoaEntry& entry(const Soa& soa, const std::string& control) {
    for (const SoaEntry& e : soa.entries)
        if (e.control == control) return e;
    static const SoaEntry none;
    ADD_FAILURE() << "no entry " << control;
    return none;
}

}  // namespace

// ---- Principles ---------------------------------------------------------------------------------

TEST(NsmPrinciples, TheBuiltInListHasFourCategoriesAndTwentyOnePrinciples) {
    const std::vector<Principle>& p = builtinPrinciples();
    ASSERT_EQ(p.size(), 21u);
    std::set<int> categories;
    for (const Principle& x : p) categories.insert(x.category);
    EXPECT_EQ(categories, (std::set<int>{1, 2, 3, 4}));
    EXPECT_EQ(p.front().id, "1.1");
    EXPECT_EQ(p[8].id, "2.6");
    EXPECT_EQ(p[8].title, "Ha kontroll på identiteter og tilganger");
    EXPECT_EQ(p[12].id, "2.10");  // after 2.9, not after 2.1
    EXPECT_EQ(p.back().id, "4.4");
    EXPECT_EQ(p.back().categoryTitle, "Håndtere og gjenopprette");
}

TEST(NsmPrinciples, TheShippedFileEqualsTheBuiltInList) {
    const auto parsed = parsePrinciples(readSource("data/nsm/principles.csv"), "data/nsm/principles.csv");
    ASSERT_TRUE(parsed.ok()) << parsed.message();
    const std::vector<Principle>& builtin = builtinPrinciples();
    ASSERT_EQ(parsed->size(), builtin.size());
    for (std::size_t i = 0; i < builtin.size(); ++i) {
        EXPECT_EQ((*parsed)[i].id, builtin[i].id);
        EXPECT_EQ((*parsed)[i].category, builtin[i].category);
        EXPECT_EQ((*parsed)[i].categoryTitle, builtin[i].categoryTitle);
        EXPECT_EQ((*parsed)[i].title, builtin[i].title);
    }
}

TEST(NsmPrinciples, EveryProblemIsNamedByFileLineAndField) {
    const std::string text =
        "category_id,category_title,principle_id,principle_title\n"
        "1,Identifisere og kartlegge,1.1,Testprinsipp 1.1 (testdata)\n"
        "1,Annen tittel (testdata),1.2,Testprinsipp 1.2 (testdata)\n"
        "2,Beskytte og opprettholde,3.1,Testprinsipp 3.1 (testdata)\n"
        "1,Identifisere og kartlegge,1.1,Testprinsipp 1.1 igjen (testdata)\n"
        "x,Identifisere og kartlegge,1.3,\n";
    const auto parsed = parsePrinciples(text, "p.csv");
    ASSERT_FALSE(parsed.ok());
    const std::string& m = parsed.message();
    EXPECT_TRUE(contains(m, "p.csv:3: field 'category_title': category 1 is called 'Identifisere og kartlegge' on line 2")) << m;
    EXPECT_TRUE(contains(m, "p.csv:4: field 'principle_id': principle 3.1 is not in category 2")) << m;
    EXPECT_TRUE(contains(m, "p.csv:5: field 'principle_id': principle 1.1 appears twice; first on line 2")) << m;
    EXPECT_TRUE(contains(m, "p.csv:6: field 'category_id': 'x' is not a category number")) << m;
    EXPECT_TRUE(contains(m, "p.csv:6: field 'principle_title': missing")) << m;
}

TEST(NsmPrinciples, AnotherHeaderIsRefused) {
    const auto parsed = parsePrinciples("id,title\n1.1,Testprinsipp (testdata)\n", "p.csv");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.message(), "p.csv:1: expected the header category_id,category_title,principle_id,principle_title");
}

// ---- Numbers and dates --------------------------------------------------------------------------

TEST(NsmNumbers, AreOrderedPartByPart) {
    EXPECT_TRUE(numberLess("2.9", "2.10"));
    EXPECT_FALSE(numberLess("2.10", "2.9"));
    EXPECT_TRUE(numberLess("2.6", "2.6.1"));
    EXPECT_TRUE(numberLess("2.6.7", "2.6.10"));
    EXPECT_TRUE(numberLess("4.4", "x"));
    EXPECT_FALSE(numberLess("2.6", "2.6"));
    EXPECT_EQ(principleOf("2.10.3"), "2.10");
    EXPECT_EQ(principleOf("2.10"), "");
    EXPECT_TRUE(isMeasureNumber("2.6.7"));
    EXPECT_FALSE(isMeasureNumber("2.06.7"));
    EXPECT_FALSE(isMeasureNumber("2.6.7.1"));
    EXPECT_TRUE(isPrincipleNumber("2.10"));
    EXPECT_TRUE(parseDate("2024-02-29").has_value());
    EXPECT_FALSE(parseDate("2023-02-29").has_value());
    EXPECT_FALSE(parseDate("2024-2-29").has_value());
}

// ---- The measure sheet --------------------------------------------------------------------------

TEST(NsmMeasureImport, ReadsTheFixtureInNsmsLayout) {
    // ';'-separated with a comma in the title line above the header, headings, a 2013 column.
    const MeasureImport imp =
        importMeasuresCsv(readSource("tests/fixtures/nsm/tiltak-testdata.csv"), "tiltak-testdata.csv", builtinPrinciples());
    ASSERT_TRUE(imp.ok()) << formatProblems(imp.problems);
    EXPECT_EQ(imp.headerLine, 3);
    const std::vector<std::pair<std::string, std::string>> columns{
        {"number", "Tiltak nr"}, {"title", "Tiltak"}, {"priority", "Prioritet"}, {"principle", "Prinsipp"},
        {"iso27002", "ISO/IEC 27002:2022"}};
    EXPECT_EQ(imp.columns, columns);
    ASSERT_EQ(imp.notes.size(), 1u);
    EXPECT_TRUE(contains(imp.notes[0], "'ISO/IEC 27002:2013' is ignored")) << imp.notes[0];

    std::vector<std::string> numbers;
    for (const Measure& m : imp.measures) {
        numbers.push_back(m.number);
        EXPECT_TRUE(contains(m.title, "(testdata)")) << m.title;
    }
    EXPECT_EQ(numbers, (std::vector<std::string>{"1.1.1", "1.1.2", "1.2.1", "2.6.1", "2.6.7", "2.10.1", "3.2.1", "4.4.1"}));

    const Measure& m112 = imp.measures[1];
    EXPECT_EQ(m112.iso27002, (std::vector<std::string>{"5.9", "5.12"}));
    EXPECT_EQ(m112.priorityRank, 2);
    const Measure& m261 = imp.measures[3];
    EXPECT_EQ(m261.iso27002, (std::vector<std::string>{"5.15", "5.16", "8.2"}));
    EXPECT_EQ(m261.line, 11);
    // A title over two lines, and an id written the way Annex A prints it.
    const Measure& m267 = imp.measures[4];
    EXPECT_EQ(m267.title, "Testtiltak 2.6.7 (testdata)");
    EXPECT_EQ(m267.principle, "2.6");
    EXPECT_EQ(m267.priority, "2");
    EXPECT_EQ(m267.priorityRank, 2);
    EXPECT_EQ(m267.iso27002, (std::vector<std::string>{"5.18"}));
    EXPECT_EQ(m267.line, 12);
    EXPECT_EQ(imp.measures[5].principle, "2.10");
    EXPECT_EQ(imp.measures[5].priorityRank, 3);
    EXPECT_EQ(imp.measures[6].iso27002, (std::vector<std::string>{"8.15", "8.16"}));
    EXPECT_EQ(imp.measures[6].line, 15);
    EXPECT_EQ(imp.measures[7].line, 17);
    EXPECT_EQ(imp.measures[7].priority, "");
    EXPECT_EQ(imp.measures[7].priorityRank, 0);
}

TEST(NsmMeasureImport, ReadsEnglishHeadersSeparatedByCommas) {
    const std::string text =
        "Number,Title,Priority group,ISO 27002\n"
        "2.6.1,Test measure 2.6.1 (test data),P1,\"5.15; 5.18\"\n"
        "2.6.2,Test measure 2.6.2 (test data),High,-\n"
        "2.10.1,Test measure 2.10.1 (test data),Priority 3,8.32 (test data)\n";
    const MeasureImport imp = importMeasuresCsv(text, "measures.csv", builtinPrinciples());
    ASSERT_TRUE(imp.ok()) << formatProblems(imp.problems);
    const std::vector<std::pair<std::string, std::string>> columns{
        {"number", "Number"}, {"title", "Title"}, {"priority", "Priority group"}, {"iso27002", "ISO 27002"}};
    EXPECT_EQ(imp.columns, columns);
    ASSERT_EQ(imp.notes.size(), 1u);
    EXPECT_TRUE(contains(imp.notes[0], "names no edition; read as ISO/IEC 27002:2022")) << imp.notes[0];
    ASSERT_EQ(imp.measures.size(), 3u);
    EXPECT_EQ(imp.measures[0].priorityRank, 1);
    EXPECT_EQ(imp.measures[0].iso27002, (std::vector<std::string>{"5.15", "5.18"}));
    EXPECT_EQ(imp.measures[1].priority, "High");
    EXPECT_EQ(imp.measures[1].priorityRank, 1);
    EXPECT_TRUE(imp.measures[1].iso27002.empty());
    EXPECT_EQ(imp.measures[2].priorityRank, 3);
    EXPECT_EQ(imp.measures[2].iso27002, (std::vector<std::string>{"8.32"}));
}

TEST(NsmMeasureImport, EveryProblemIsNamedByFileLineAndColumnAndNothingIsKept) {
    const std::string text =
        "Nr;Tiltak;Prioritet;ISO/IEC 27002:2022\n"
        "2.6.1;Testtiltak 2.6.1 (testdata);1;5.15\n"
        "9.9.1;Testtiltak 9.9.1 (testdata);1;5.15\n"
        "2.6.1;Testtiltak 2.6.1 igjen (testdata);1;5.15\n"
        "2.6.2;Testtiltak 2.6.2 (testdata);1;5.38\n"
        "2.6.3;Testtiltak 2.6.3 (testdata);1;9.4.1\n"
        "2.6.4;;1;5.15\n"
        "x.y;Testtiltak uten gyldig nummer (testdata);1;5.15\n"
        ";Testtiltak uten nummer (testdata);2;\n"
        "2.6.5;Testtiltak 2.6.5 (testdata);1;Tilgangsstyring\n";
    const MeasureImport imp = importMeasuresCsv(text, "tiltak.csv", builtinPrinciples());
    EXPECT_TRUE(imp.measures.empty());
    const std::string all = formatProblems(imp.problems);
    ASSERT_EQ(imp.problems.size(), 8u) << all;
    EXPECT_EQ(formatProblem(imp.problems[0]), "tiltak.csv:3: field 'Nr': measure 9.9.1 belongs to no known principle (9.9)");
    EXPECT_EQ(formatProblem(imp.problems[1]), "tiltak.csv:4: field 'Nr': measure 2.6.1 appears twice; first on line 2");
    EXPECT_EQ(formatProblem(imp.problems[2]),
              "tiltak.csv:5: field 'ISO/IEC 27002:2022': '5.38' is not an ISO/IEC 27002:2022 control (5.1-5.37, 6.1-6.8, "
              "7.1-7.14, 8.1-8.34)");
    EXPECT_TRUE(contains(all, "tiltak.csv:6: field 'ISO/IEC 27002:2022': '9.4.1' is not an ISO/IEC 27002:2022 control")) << all;
    EXPECT_TRUE(contains(all, "a number of the 2013 edition?")) << all;
    EXPECT_TRUE(contains(all, "tiltak.csv:7: field 'Tiltak': missing: the measure's text")) << all;
    EXPECT_TRUE(contains(all, "tiltak.csv:8: field 'Nr': 'x.y' is not a measure number")) << all;
    EXPECT_TRUE(contains(all, "tiltak.csv:9: field 'Nr': missing: the measure's number")) << all;
    EXPECT_TRUE(contains(all, "tiltak.csv:10: field 'ISO/IEC 27002:2022': 'Tilgangsstyring' names no ISO/IEC 27002:2022 control"))
        << all;
}

TEST(NsmMeasureImport, APrincipleColumnIsCheckedLeniently) {
    // 2.1 for 2.10: what a spreadsheet shows when it stored 2.10 as a number.
    const std::string text =
        "Prinsipp;Nr;Tiltak\n"
        "2.1;2.10.1;Testtiltak 2.10.1 (testdata)\n"
        "Prinsipp 2.6;2.6.1;Testtiltak 2.6.1 (testdata)\n"
        "2.5;2.6.2;Testtiltak 2.6.2 (testdata)\n";
    const MeasureImport imp = importMeasuresCsv(text, "tiltak.csv", builtinPrinciples());
    ASSERT_EQ(imp.problems.size(), 1u) << formatProblems(imp.problems);
    EXPECT_EQ(formatProblem(imp.problems[0]), "tiltak.csv:4: field 'Prinsipp': '2.5' is not the principle of measure 2.6.2 (2.6)");
}

TEST(NsmMeasureImport, NoHeaderBadTextAndTwoNumberColumnsAreRefused) {
    const MeasureImport none = importMeasuresCsv("a;b\n1;2\n", "f.csv", builtinPrinciples());
    ASSERT_EQ(none.problems.size(), 1u);
    EXPECT_TRUE(contains(formatProblem(none.problems[0]), "f.csv:1: no header row: expected")) << formatProblems(none.problems);

    const MeasureImport latin1 = importMeasuresCsv("Nr;Tiltak\n2.6.1;Testtiltak \xE6 (testdata)\n", "f.csv", builtinPrinciples());
    ASSERT_EQ(latin1.problems.size(), 1u);
    EXPECT_EQ(formatProblem(latin1.problems[0]), "f.csv:2: field 'Tiltak': is not valid UTF-8 (save the sheet as CSV UTF-8)");

    const MeasureImport twice = importMeasuresCsv("Nr;Nr;Tiltak\n2.6.1;2.6.1;Testtiltak (testdata)\n", "f.csv", builtinPrinciples());
    ASSERT_EQ(twice.problems.size(), 1u);
    EXPECT_EQ(formatProblem(twice.problems[0]), "f.csv:1: field 'number': two columns name the number; keep one");

    const MeasureImport broken = importMeasuresCsv("Nr;Tiltak\n2.6.1;\"open\n", "f.csv", builtinPrinciples());
    ASSERT_EQ(broken.problems.size(), 1u);
    EXPECT_TRUE(contains(formatProblem(broken.problems[0]), "f.csv:2: not readable as CSV: unterminated quoted field"))
        << formatProblems(broken.problems);
}

TEST(NsmMeasureImport, ReadsTheFirstSheetWithAHeaderFromAWorkbook) {
    vakt::xlsx::Workbook book;
    vakt::xlsx::Sheet about;
    about.name = "Om";
    about.rows = {{"Testdata for Vakt (testdata)"}, {"Versjon", "2.1"}};
    vakt::xlsx::Sheet list;
    list.name = "Tiltak";
    list.rows = {{"Tiltaksliste - testdata"},
                 {"Tiltaksnummer", "Sikkerhetstiltak", "Prioritering", "ISO/IEC 27002:2022"},
                 {"2.6.1", "Testtiltak 2.6.1 (testdata)", "1", "5.15, 8.2"},
                 {"2.6.2", "Testtiltak 2.6.2 (testdata)", "Middels", "5.16"}};
    book.sheets = {about, list};
    const MeasureImport imp = importMeasuresXlsx(vakt::xlsx::write(book), "tiltak.xlsx", builtinPrinciples());
    ASSERT_TRUE(imp.ok()) << formatProblems(imp.problems);
    EXPECT_EQ(imp.sheet, "Tiltak");
    EXPECT_EQ(imp.headerLine, 2);
    ASSERT_EQ(imp.measures.size(), 2u);
    EXPECT_EQ(imp.measures[0].iso27002, (std::vector<std::string>{"5.15", "8.2"}));
    EXPECT_EQ(imp.measures[0].line, 3);
    EXPECT_EQ(imp.measures[1].priority, "Middels");
    EXPECT_EQ(imp.measures[1].priorityRank, 2);

    // Problems name the row as the line.
    book.sheets[1].rows[3][3] = "5.99";
    const MeasureImport bad = importMeasuresXlsx(vakt::xlsx::write(book), "tiltak.xlsx", builtinPrinciples());
    ASSERT_EQ(bad.problems.size(), 1u) << formatProblems(bad.problems);
    EXPECT_TRUE(contains(formatProblem(bad.problems[0]), "tiltak.xlsx:4: field 'ISO/IEC 27002:2022': '5.99' is not"))
        << formatProblems(bad.problems);
    EXPECT_TRUE(bad.measures.empty());

    const MeasureImport garbage = importMeasuresXlsx("not a workbook", "x.xlsx", builtinPrinciples());
    ASSERT_EQ(garbage.problems.size(), 1u);
    EXPECT_TRUE(contains(formatProblem(garbage.problems[0]), "x.xlsx:1: not a readable XLSX workbook: "));
}

TEST(NsmCatalogue, AVersionIsMadeFromPrinciplesAndAnImport) {
    const MeasureImport imp =
        importMeasuresCsv("Nr;Tiltak\n2.6.1;Testtiltak 2.6.1 (testdata)\n", "tiltak.csv", builtinPrinciples());
    const auto bad = makeCatalogue("2.x", builtinPrinciples(), imp);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.message(), "field 'version': '2.x' is not a catalogue version such as 2.0 or 2.1");
    const auto made = makeCatalogue("2.0", builtinPrinciples(), imp);
    ASSERT_TRUE(made.ok()) << made.message();
    EXPECT_EQ(made->version, "2.0");
    ASSERT_NE(made->findMeasure("2.6.1"), nullptr);
    EXPECT_EQ(made->measuresOf("2.6").size(), 1u);
    EXPECT_EQ(made->findPrinciple("2.10")->title, "Integrer sikkerhet i prosess for endringshåndtering");

    const MeasureImport broken = importMeasuresCsv("Nr;Tiltak\n9.9.1;Testtiltak (testdata)\n", "tiltak.csv", builtinPrinciples());
    const auto refused = makeCatalogue("2.1", builtinPrinciples(), broken);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.message(), "tiltak.csv:2: field 'Nr': measure 9.9.1 belongs to no known principle (9.9)");
}

// ---- Versions side by side ----------------------------------------------------------------------

TEST(NsmVersions, TheDiffNamesAddedRemovedAndChangedMeasuresByNumber) {
    const Catalogue v20 = catalogueOf("2.0", {measure("2.6.1", "1", 1, {"5.15"}), measure("2.6.2", "2", 2, {"5.16"}),
                                              measure("2.6.3", "2", 2, {"5.17"}), measure("3.2.1", "1", 1, {"8.15"})});
    std::vector<Measure> next{measure("2.6.1", "1", 1, {"5.15"}), measure("2.6.2", "2", 2, {"5.16"}),
                              measure("2.6.3", "1", 1, {"8.2", "5.18"}),  // unsorted by hand
                              measure("3.3.1", "2", 2, {"8.16"})};
    next[1].title = "Testtiltak 2.6.2 med endret tekst (testdata)";
    Catalogue v21 = catalogueOf("2.1", next);
    v21.principles[8].title = "Testtittel for 2.6 (testdata)";

    const CatalogueDiff diff = diffCatalogues(v20, v21);
    EXPECT_EQ(diff.from, "2.0");
    EXPECT_EQ(diff.to, "2.1");
    EXPECT_EQ(diff.added, (std::vector<std::size_t>{3}));
    EXPECT_EQ(diff.removed, (std::vector<std::size_t>{3}));
    EXPECT_EQ(diff.unchanged, 1u);
    ASSERT_EQ(diff.changed.size(), 2u);
    EXPECT_EQ(diff.changed[0].number, "2.6.2");
    EXPECT_TRUE(diff.changed[0].title);
    EXPECT_FALSE(diff.changed[0].priority);
    EXPECT_FALSE(diff.changed[0].mapping);
    EXPECT_EQ(diff.changed[1].number, "2.6.3");
    EXPECT_FALSE(diff.changed[1].title);
    EXPECT_TRUE(diff.changed[1].priority);
    EXPECT_TRUE(diff.changed[1].mapping);
    EXPECT_EQ(diff.changed[1].mappingAdded, (std::vector<std::string>{"5.18", "8.2"}));
    EXPECT_EQ(diff.changed[1].mappingRemoved, (std::vector<std::string>{"5.17"}));
    EXPECT_EQ(diff.changed[1].before, 2u);
    EXPECT_EQ(diff.changed[1].after, 2u);
    EXPECT_EQ(diff.principlesRetitled, (std::vector<std::string>{"2.6"}));
    EXPECT_TRUE(diff.principlesAdded.empty());
    EXPECT_TRUE(diff.principlesRemoved.empty());
}

TEST(NsmVersions, WhitespaceInATitleIsNoChange) {
    const Catalogue a = catalogueOf("2.0", {measure("2.6.1", "1", 1, {"5.15"})});
    Catalogue b = catalogueOf("2.1", {measure("2.6.1", " 1 ", 1, {"5.15"})});
    b.measures[0].title = "Testtiltak  2.6.1\n(testdata)";
    const CatalogueDiff diff = diffCatalogues(a, b);
    EXPECT_TRUE(diff.changed.empty());
    EXPECT_EQ(diff.unchanged, 1u);
}

// ---- Scales -------------------------------------------------------------------------------------

TEST(NsmScales, VaktsScaleIsLabelledAsVaktsOwnConvention) {
    const Scale s = vaktScale();
    EXPECT_TRUE(validateScale(s).empty()) << formatProblems(validateScale(s));
    std::vector<std::string> codes, labels;
    for (const Level& l : s.levels) {
        codes.push_back(l.code);
        labels.push_back(l.label);
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"0", "1", "2", "3", "4", "5"}));
    EXPECT_EQ(labels, (std::vector<std::string>{"ikke startet", "initiell", "repeterbar", "definert", "styrt og målt", "optimalisert"}));
    EXPECT_TRUE(contains(s.note, "Vakts egen konvensjon"));
    EXPECT_TRUE(contains(s.note, "NSM har ingen offisiell modenhetsmodell"));
    EXPECT_DOUBLE_EQ(s.normalise(3), 0.6);
}

TEST(NsmScales, KsScaleHasVetIkkeWithoutAValue) {
    const Scale s = ksScale();
    EXPECT_TRUE(validateScale(s).empty()) << formatProblems(validateScale(s));
    ASSERT_NE(s.find("vet-ikke"), nullptr);
    EXPECT_FALSE(s.find("vet-ikke")->numeric().has_value());
    ASSERT_NE(s.find("delvis"), nullptr);
    ASSERT_TRUE(s.find("delvis")->numeric().has_value());
    EXPECT_DOUBLE_EQ(*s.find("delvis")->numeric(), 1.0);
    EXPECT_DOUBLE_EQ(s.normalise(1), 0.5);
    EXPECT_EQ(s.find("Delvis"), nullptr);  // codes, not labels
}

TEST(NsmScales, AConfiguredScaleIsChecked) {
    Scale s;
    s.id = "Min Skala";
    s.levels = {level("a", "A", 1), level("a", "B", 2), level("c", "", 2)};
    EXPECT_EQ(fieldsOf(validateScale(s)),
              (std::vector<std::string>{"id", "name", "levels[2].code", "levels[3].label", "levels[3].value"}));
    Scale one;
    one.id = "en";
    one.name = "Én grad (testdata)";
    one.levels = {level("x", "X", 1), level("?", "Vet ikke", 0, false)};
    EXPECT_EQ(fieldsOf(validateScale(one)), (std::vector<std::string>{"levels"}));
}

// ---- Assessments --------------------------------------------------------------------------------

TEST(NsmAssessments, AValidAssessmentHasNoProblems) {
    const Catalogue cat = testCatalogue();
    Assessment a = assess("2.6.1", "3", "2026-03-02", "4");
    a.evidence = {{"document", "DOC-12"}, {"risk", "R-7"}};
    a.rationale = "Testbegrunnelse\nover to linjer (testdata)";
    a.nextReview = "2027-03-02";
    EXPECT_TRUE(validateAssessment(a, cat, kScales).empty()) << formatProblems(validateAssessment(a, cat, kScales));
    EXPECT_TRUE(checkAssessment(a, cat, kScales).ok());
    const Assessment principle = assess("2.6", "ja", "2026-03-02", "ja", "ks");
    EXPECT_TRUE(validateAssessment(principle, cat, kScales).empty());
}

TEST(NsmAssessments, NotApplicableNeedsAJustificationAndNoLevel) {
    const Catalogue cat = testCatalogue();
    Assessment a = assess("2.6.1", "3", "2026-03-02", "4");
    a.notApplicable = true;
    const std::vector<Problem> problems = validateAssessment(a, cat, kScales);
    EXPECT_EQ(fieldsOf(problems), (std::vector<std::string>{"justification", "level", "target"}));
    EXPECT_EQ(formatProblem(problems[0]), "field 'justification': required when not applicable: why the subject does not apply");
    EXPECT_TRUE(validateAssessment(notApplicable("2.6.1", "2026-03-02"), cat, kScales).empty());
}

TEST(NsmAssessments, EveryProblemNamesItsField) {
    const Catalogue cat = testCatalogue();
    Assessment a = assess("9.9", "7", "2026-02-30");
    a.scope.key = "";
    a.assessor = " ";
    a.nextReview = "2026-01-01";
    a.evidence = {{"", "x"}, {"Doc", ""}};
    const std::vector<Problem> problems = validateAssessment(a, cat, kScales);
    EXPECT_EQ(fieldsOf(problems), (std::vector<std::string>{"subject", "scope", "level", "evidence[1].kind", "evidence[2].kind",
                                                            "evidence[2].id", "assessor", "date"}));
    const vakt::Status status = checkAssessment(a, cat, kScales);
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(contains(status.message(), "field 'subject': '9.9' is neither a principle nor a measure of catalogue 2.1"));
    EXPECT_TRUE(contains(status.message(), "field 'date': '2026-02-30' is not a date (YYYY-MM-DD)"));

    Assessment unknownScale = assess("2.6.1", "3", "2026-03-02");
    unknownScale.scale = "cmmi";
    EXPECT_EQ(fieldsOf(validateAssessment(unknownScale, cat, kScales)), (std::vector<std::string>{"scale"}));

    const Assessment vetIkkeTarget = assess("2.6.1", "nei", "2026-03-02", "vet-ikke", "ks");
    const std::vector<Problem> targetProblems = validateAssessment(vetIkkeTarget, cat, kScales);
    ASSERT_EQ(targetProblems.size(), 1u);
    EXPECT_EQ(formatProblem(targetProblems[0]), "field 'target': 'vet-ikke' has no value and cannot be a target");

    Assessment early = assess("2.6.1", "3", "2026-03-02");
    early.nextReview = "2026-03-01";
    const std::vector<Problem> reviewProblems = validateAssessment(early, cat, kScales);
    ASSERT_EQ(reviewProblems.size(), 1u);
    EXPECT_EQ(formatProblem(reviewProblems[0]), "field 'next_review': 2026-03-01 is not after the assessment's date 2026-03-02");

    Assessment missingLevel = assess("2.6.1", "", "2026-03-02");
    EXPECT_EQ(fieldsOf(validateAssessment(missingLevel, cat, kScales)), (std::vector<std::string>{"level"}));
}

TEST(NsmAssessments, TheNewestOfEachScopeAndSubjectCounts) {
    std::vector<Assessment> as{assess("2.6.1", "2", "2025-03-01"), assess("2.6.1", "3", "2026-03-01"),
                               assess("2.6.1", "1", "2024-01-01"), assess("2.6.2", "2", "2026-03-01"),
                               assess("2.6.2", "4", "2026-03-01")};
    EXPECT_EQ(latestAssessments(as), (std::vector<std::size_t>{1, 4}));  // same day: the later in the list
    EXPECT_EQ(latestAssessments(as, "2025-12-31"), (std::vector<std::size_t>{0}));
    Assessment elsewhere = assess("2.6.1", "0", "2020-01-01");
    elsewhere.scope = service("svarut");
    as.push_back(elsewhere);
    EXPECT_EQ(latestAssessments(as), (std::vector<std::size_t>{1, 4, 5}));  // departments before services
}

// ---- Roll-up ------------------------------------------------------------------------------------

TEST(NsmRollUp, APrincipleStandsAtItsWeakestMeasureWithTheMeanBeside) {
    const Catalogue cat = testCatalogue();
    const std::vector<Assessment> as{assess("2.6.1", "4", "2026-03-01"), assess("2.6.2", "2", "2026-03-01"),
                                     assess("2.6.3", "3", "2026-03-01"), assess("2.6.9", "0", "2026-03-01")};  // 2.6.9: not in the catalogue
    const RollUp r = rollUpPrinciple("2.6", department("IT"), as, cat, kScales);
    ASSERT_TRUE(r.hasLevel) << r.reason;
    EXPECT_EQ(r.measures, 3u);
    EXPECT_EQ(r.rated, 3u);
    EXPECT_EQ(r.scale, "vakt-0-5");
    EXPECT_EQ(r.level, "2");
    EXPECT_EQ(r.lowestMeasure, "2.6.2");
    EXPECT_NEAR(r.normalised, 0.4, 1e-12);
    EXPECT_NEAR(r.mean, 0.6, 1e-12);
    EXPECT_TRUE(r.complete);
    EXPECT_TRUE(r.reason.empty());
}

TEST(NsmRollUp, NotApplicableIsLeftOutAndUnknownOrMissingMakeItIncomplete) {
    const Catalogue cat = testCatalogue();
    const std::vector<Assessment> as{assess("2.6.1", "4", "2026-03-01"), notApplicable("2.6.2", "2026-03-01"),
                                     assess("2.6.3", "vet-ikke", "2026-03-01", "", "ks")};
    const RollUp r = rollUpPrinciple("2.6", department("IT"), as, cat, kScales);
    ASSERT_TRUE(r.hasLevel);
    EXPECT_EQ(r.level, "4");
    EXPECT_EQ(r.rated, 1u);
    EXPECT_EQ(r.notApplicable, 1u);
    EXPECT_EQ(r.unknown, 1u);
    EXPECT_EQ(r.unassessed, 0u);
    EXPECT_FALSE(r.complete);

    const std::vector<Assessment> one{assess("2.6.1", "1", "2026-03-01")};
    const RollUp partial = rollUpPrinciple("2.6", department("IT"), one, cat, kScales);
    EXPECT_EQ(partial.level, "1");
    EXPECT_EQ(partial.unassessed, 2u);
    EXPECT_FALSE(partial.complete);
}

TEST(NsmRollUp, ScalesAreComparedOnZeroToOne) {
    const Catalogue cat = testCatalogue();
    // Delvis is 0.5 on KS's scale, 3 is 0.6 on Vakt's: the KS answer is the lower.
    const std::vector<Assessment> as{assess("2.6.1", "delvis", "2026-03-01", "", "ks"), assess("2.6.2", "3", "2026-03-01"),
                                     assess("2.6.3", "ja", "2026-03-01", "", "ks")};
    const RollUp r = rollUpPrinciple("2.6", department("IT"), as, cat, kScales);
    EXPECT_EQ(r.scale, "ks");
    EXPECT_EQ(r.level, "delvis");
    EXPECT_NEAR(r.mean, (0.5 + 0.6 + 1.0) / 3, 1e-12);
}

TEST(NsmRollUp, EveryNoDataPathSaysWhy) {
    const Catalogue cat = testCatalogue();
    const std::vector<Assessment> as{notApplicable("2.9.1", "2026-03-01"), assess("2.10.1", "vet-ikke", "2026-03-01", "", "ks"),
                                     assess("2.6.1", "3", "2026-03-01")};
    const AssessmentScope it = department("IT");
    const RollUp noMeasures = rollUpPrinciple("2.7", it, as, cat, kScales);
    EXPECT_FALSE(noMeasures.hasLevel);
    EXPECT_EQ(noMeasures.reason, "catalogue 2.1 has no measures for principle 2.7");
    const RollUp allNotApplicable = rollUpPrinciple("2.9", it, as, cat, kScales);
    EXPECT_FALSE(allNotApplicable.hasLevel);
    EXPECT_EQ(allNotApplicable.reason, "every measure of principle 2.9 is marked not applicable");
    const RollUp onlyUnknown = rollUpPrinciple("2.10", it, as, cat, kScales);
    EXPECT_FALSE(onlyUnknown.hasLevel);
    EXPECT_TRUE(contains(onlyUnknown.reason, "no measure of principle 2.10 has a level with a value")) << onlyUnknown.reason;
    const RollUp notAssessed = rollUpPrinciple("3.2", it, as, cat, kScales);
    EXPECT_FALSE(notAssessed.hasLevel);
    EXPECT_EQ(notAssessed.reason, "no measure of principle 3.2 is assessed in this scope");
    const RollUp otherScope = rollUpPrinciple("2.6", service("svarut"), as, cat, kScales);
    EXPECT_FALSE(otherScope.hasLevel);
    EXPECT_EQ(otherScope.unassessed, 3u);
}

TEST(NsmRollUp, AllCoversEveryPrincipleInEveryScope) {
    const Catalogue cat = testCatalogue();
    std::vector<Assessment> as{assess("2.6.1", "3", "2026-03-01")};
    Assessment other = assess("2.6.1", "1", "2026-03-01");
    other.scope = service("svarut");
    as.push_back(other);
    const std::vector<RollUp> all = rollUpAll(as, cat, kScales);
    ASSERT_EQ(all.size(), 42u);
    EXPECT_EQ(all[8].principle, "2.6");
    EXPECT_EQ(all[8].level, "3");
    EXPECT_EQ(all[21 + 8].scope, service("svarut"));
    EXPECT_EQ(all[21 + 8].level, "1");
}

// ---- Gaps, trends and the action list -----------------------------------------------------------

TEST(NsmGaps, OnlyTheNewestBelowATargetWithAValue) {
    std::vector<Assessment> as{
        assess("2.6.1", "2", "2026-03-01", "4"),                 // a gap of 2
        assess("2.6.2", "1", "2025-03-01", "3"),                 // superseded by the next
        assess("2.6.2", "3", "2026-03-01", "3"),                 // at target
        assess("2.6.3", "4", "2026-03-01", "3"),                 // above
        notApplicable("2.9.1", "2026-03-01"),                    // not applicable
        assess("2.10.1", "1", "2026-03-01"),                     // no target
        assess("3.2.1", "nei", "2026-03-01", "ja", "ks"),        // a gap on KS's scale
        assess("1.1", "vet-ikke", "2026-03-01", "ja", "ks"),     // no value, no gap
    };
    const std::vector<Gap> gaps = findGaps(as, kScales);
    ASSERT_EQ(gaps.size(), 2u);
    EXPECT_EQ(gaps[0].subject, "2.6.1");
    EXPECT_EQ(gaps[0].principle, "2.6");
    EXPECT_EQ(gaps[0].assessment, 0u);
    EXPECT_DOUBLE_EQ(gaps[0].size, 2.0);
    EXPECT_NEAR(gaps[0].normalisedSize, 0.4, 1e-12);
    EXPECT_EQ(gaps[1].subject, "3.2.1");
    EXPECT_EQ(gaps[1].level, "nei");
    EXPECT_EQ(gaps[1].target, "ja");
    EXPECT_DOUBLE_EQ(gaps[1].size, 2.0);
    EXPECT_NEAR(gaps[1].normalisedSize, 1.0, 1e-12);
}

TEST(NsmTrend, TheLastFourOwnAssessmentsOfAPrinciple) {
    const Catalogue cat = testCatalogue();
    const std::vector<Assessment> as{assess("2.6", "1", "2023-03-01"), assess("2.6", "2", "2024-03-01"),
                                     assess("2.6", "2", "2025-03-01"), assess("2.6", "3", "2026-03-01"),
                                     assess("2.6", "0", "2026-09-01"), assess("2.6", "4", "2026-09-01"),  // same day: the later
                                     assess("2.6.1", "0", "2026-09-01")};  // own assessments of 2.6 win over the roll-up
    const Trend t = principleTrend("2.6", department("IT"), as, cat, kScales);
    ASSERT_EQ(t.points.size(), 4u);
    EXPECT_EQ(t.points.front().date, "2024-03-01");
    EXPECT_EQ(t.points.back().date, "2026-09-01");
    EXPECT_EQ(t.points.back().level, "4");
    EXPECT_EQ(directionCode(t.direction), "improving");
    EXPECT_TRUE(t.reason.empty());
}

TEST(NsmTrend, DecliningStableAndFromTheMeasures) {
    const Catalogue cat = testCatalogue();
    const AssessmentScope it = department("IT");
    const std::vector<Assessment> down{assess("3.2", "3", "2025-03-01"), assess("3.2", "1", "2026-03-01")};
    EXPECT_EQ(directionCode(principleTrend("3.2", it, down, cat, kScales).direction), "declining");
    const std::vector<Assessment> flat{assess("3.2", "2", "2025-03-01"), assess("3.2", "2", "2026-03-01")};
    EXPECT_EQ(directionCode(principleTrend("3.2", it, flat, cat, kScales).direction), "stable");

    // No own assessment of 2.6: the roll-up as of each day a measure was assessed.
    const std::vector<Assessment> measures{assess("2.6.1", "1", "2025-01-01"), assess("2.6.2", "2", "2025-01-01"),
                                           assess("2.6.3", "2", "2025-01-01"), assess("2.6.1", "3", "2026-01-01")};
    const Trend t = principleTrend("2.6", it, measures, cat, kScales);
    ASSERT_EQ(t.points.size(), 2u);
    EXPECT_EQ(t.points[0].level, "1");
    EXPECT_EQ(t.points[1].level, "2");
    EXPECT_NEAR(t.points[1].normalised, 0.4, 1e-12);
    EXPECT_EQ(directionCode(t.direction), "improving");
}

TEST(NsmTrend, FewerThanTwoPointsIsNoData) {
    const Catalogue cat = testCatalogue();
    const AssessmentScope it = department("IT");
    const std::vector<Assessment> one{assess("3.2", "3", "2025-03-01"), notApplicable("3.2", "2026-03-01")};
    const Trend single = principleTrend("3.2", it, one, cat, kScales);
    EXPECT_EQ(directionCode(single.direction), "no_data");
    EXPECT_EQ(single.points.size(), 1u);
    EXPECT_TRUE(contains(single.reason, "one assessment with a level")) << single.reason;
    const Trend none = principleTrend("4.1", it, one, cat, kScales);
    EXPECT_EQ(directionCode(none.direction), "no_data");
    EXPECT_TRUE(contains(none.reason, "no assessment with a level")) << none.reason;
}

TEST(NsmActions, ByPriorityGroupThenGapSizeThenPrincipleNumber) {
    const Catalogue cat = testCatalogue();
    const std::vector<Assessment> as{
        assess("4.4.1", "0", "2026-03-01", "5"),   // no priority group: last
        assess("2.10.2", "0", "2026-03-01", "5"),  // group 3
        assess("2.6.2", "2", "2026-03-01", "3"),   // group 2
        assess("2.10.1", "3", "2026-03-01", "4"),  // group 1, 0.2, principle 2.10 after 2.9
        assess("2.9.1", "3", "2026-03-01", "4"),   // group 1, 0.2
        assess("2.9", "3", "2026-03-01", "4"),     // the principle takes its measures' most urgent group: 1
        assess("2.6.1", "3", "2026-03-01", "4"),   // group 1, 0.2, principle 2.6
        assess("3.2.1", "1", "2026-03-01", "4"),   // group 1, the largest gap: first
    };
    std::vector<std::string> order;
    for (const Action& a : actionList(as, cat, kScales)) order.push_back(a.gap.subject);
    EXPECT_EQ(order, (std::vector<std::string>{"3.2.1", "2.6.1", "2.9", "2.9.1", "2.10.1", "2.6.2", "2.10.2", "4.4.1"}));
    const std::vector<Action> actions = actionList(as, cat, kScales);
    EXPECT_EQ(actions[2].priorityRank, 1);
    EXPECT_EQ(actions[2].priority, "1");
    EXPECT_EQ(actions[7].priorityRank, 0);
}

// ---- Indicators ---------------------------------------------------------------------------------

TEST(NsmIndicators, AreDefinedAndMappedToPrinciples) {
    const std::vector<IndicatorDefinition>& all = indicatorDefinitions();
    EXPECT_EQ(all.size(), 13u);
    for (const IndicatorDefinition& d : all) {
        EXPECT_FALSE(d.title.empty());
        ASSERT_FALSE(d.principles.empty()) << d.id;
        for (const std::string& p : d.principles) {
            bool known = false;
            for (const Principle& x : builtinPrinciples()) known = known || x.id == p;
            EXPECT_TRUE(known) << d.id << " maps to " << p;
        }
    }
    std::vector<std::string> ids;
    for (const IndicatorDefinition* d : indicatorsFor("2.6")) ids.push_back(d->id);
    EXPECT_EQ(ids, (std::vector<std::string>{"grants_reviewed_on_time", "access_flags_closed"}));
    EXPECT_TRUE(indicatorsFor("2.3").empty());
}

TEST(NsmIndicators, CountsGiveAShareOrNoDataWithAReason) {
    const Indicator complete = catalogueCompleteness(CatalogueCounts{10, 7});
    ASSERT_TRUE(complete.value().has_value()) << complete.reason;
    EXPECT_DOUBLE_EQ(*complete.value(), 0.7);
    EXPECT_EQ(complete.id, "catalogue_completeness");
    EXPECT_EQ(complete.principles, (std::vector<std::string>{"1.1"}));
    EXPECT_EQ(complete.numerator, 7u);
    EXPECT_EQ(complete.denominator, 10u);
    const Indicator noServices = catalogueCompleteness(CatalogueCounts{0, 0});
    EXPECT_FALSE(noServices.value().has_value());
    EXPECT_EQ(noServices.reason, "no services in the catalogue");
    const Indicator inconsistent = catalogueCompleteness(CatalogueCounts{3, 5});
    EXPECT_FALSE(inconsistent.value().has_value());
    EXPECT_EQ(inconsistent.reason, "inconsistent input: 5 complete of 3 services");

    const InventoryCounts inventory{4, 3, 0, 0};
    EXPECT_DOUBLE_EQ(vendorSystemsMapped(inventory).value().value_or(-1), 0.75);
    EXPECT_EQ(vendorSystemsMapped(InventoryCounts{0, 0, 2, 1}).reason, "no vendor systems registered");
    EXPECT_EQ(componentsMapped(inventory).reason, "no components registered");
    EXPECT_DOUBLE_EQ(componentsMapped(InventoryCounts{0, 0, 2, 1}).value().value_or(-1), 0.5);
    EXPECT_EQ(componentsMapped(inventory).principles, (std::vector<std::string>{"1.2"}));

    const AccessReviewCounts access{20, 15, 0, 0};
    EXPECT_DOUBLE_EQ(grantsReviewedOnTime(access).value().value_or(-1), 0.75);
    EXPECT_EQ(grantsReviewedOnTime(access).principles, (std::vector<std::string>{"1.3", "2.6"}));
    EXPECT_EQ(grantsReviewedOnTime(AccessReviewCounts{0, 0, 4, 4}).reason, "no grants were due for review");
    EXPECT_EQ(accessFlagsClosed(access).reason, "no risk flags were raised on grants");
    EXPECT_DOUBLE_EQ(accessFlagsClosed(AccessReviewCounts{0, 0, 4, 1}).value().value_or(-1), 0.25);
    EXPECT_EQ(accessFlagsClosed(AccessReviewCounts{0, 0, 1, 2}).reason, "inconsistent input: 2 closed of 1 flags raised");

    EXPECT_DOUBLE_EQ(changesSecurityAssessed(ChangeCounts{8, 6}).value().value_or(-1), 0.75);
    EXPECT_EQ(changesSecurityAssessed(ChangeCounts{8, 6}).principles, (std::vector<std::string>{"2.10"}));
    EXPECT_EQ(changesSecurityAssessed(ChangeCounts{0, 0}).reason, "no changes in the period");

    EXPECT_DOUBLE_EQ(monitoringCoverage(MonitoringCounts{10, 9}).value().value_or(-1), 0.9);
    EXPECT_EQ(monitoringCoverage(MonitoringCounts{0, 0}).reason, "no services in the catalogue");

    EXPECT_DOUBLE_EQ(detectionsHandled(DetectionCounts{4, 4}).value().value_or(-1), 1.0);
    EXPECT_EQ(detectionsHandled(DetectionCounts{0, 0}).reason, "no detections in the period");

    const IncidentCounts incidents{5, 4, 2, 1};
    EXPECT_DOUBLE_EQ(incidentsWithinTarget(incidents).value().value_or(-1), 0.8);
    EXPECT_EQ(incidentsWithinTarget(incidents).principles, (std::vector<std::string>{"4.2", "4.3"}));
    EXPECT_DOUBLE_EQ(incidentsReviewed(incidents).value().value_or(-1), 0.5);
    EXPECT_EQ(incidentsReviewed(incidents).principles, (std::vector<std::string>{"4.4"}));
    const IncidentCounts quiet{0, 0, 0, 0};
    EXPECT_EQ(incidentsWithinTarget(quiet).reason, "no incidents closed in the period");
    EXPECT_EQ(incidentsReviewed(quiet).reason, "no incidents required a review");
    EXPECT_EQ(incidentsWithinTarget(IncidentCounts{2, 3, 0, 0}).reason, "inconsistent input: 3 within target of 2 closed");
}

TEST(NsmIndicators, DatesGiveTheShareStillCurrentOrNoDataWithAReason) {
    DocumentDates docs;
    docs.today = "2026-03-01";
    docs.maxAgeDays = 365;
    docs.lastReviewed = {"2025-06-01", "2024-01-01", "", "2025-03-01"};  // current, old, never, exactly 365 days
    const Indicator fresh = documentFreshness(docs);
    ASSERT_TRUE(fresh.value().has_value()) << fresh.reason;
    EXPECT_DOUBLE_EQ(*fresh.value(), 0.5);
    EXPECT_EQ(fresh.numerator, 2u);
    EXPECT_EQ(fresh.denominator, 4u);

    DocumentDates empty = docs;
    empty.lastReviewed.clear();
    EXPECT_EQ(documentFreshness(empty).reason, "no governing documents registered");
    DocumentDates badDate = docs;
    badDate.lastReviewed[1] = "2025-13-01";
    EXPECT_EQ(documentFreshness(badDate).reason, "document 2: '2025-13-01' is not a date (YYYY-MM-DD)");
    DocumentDates future = docs;
    future.lastReviewed[0] = "2026-03-02";
    EXPECT_EQ(documentFreshness(future).reason, "document 1: 2026-03-02 is after today (2026-03-01)");
    DocumentDates noToday = docs;
    noToday.today = "";
    EXPECT_EQ(documentFreshness(noToday).reason, "today: '' is not a date (YYYY-MM-DD)");
    DocumentDates noAge = docs;
    noAge.maxAgeDays = 0;
    EXPECT_EQ(documentFreshness(noAge).reason, "the maximum age must be at least one day, not 0");
    EXPECT_FALSE(documentFreshness(noAge).value().has_value());

    ServiceAnalysisDates services;
    services.today = "2026-03-01";
    services.services = {{"svarut", "2025-09-01", "2024-01-01"}, {"digisos", "", "2025-12-01"}, {"minside", "2025-05-01", "2025-05-01"}};
    const Indicator threat = threatModelsCurrent(services);
    EXPECT_NEAR(threat.value().value_or(-1), 2.0 / 3.0, 1e-12);
    EXPECT_EQ(threat.principles, (std::vector<std::string>{"2.1", "2.2"}));
    const Indicator ros = rosCurrent(services);
    EXPECT_NEAR(ros.value().value_or(-1), 2.0 / 3.0, 1e-12);
    services.maxAgeDays = 100;  // only digisos's ROS, 90 days old, is current
    EXPECT_NEAR(rosCurrent(services).value().value_or(-1), 1.0 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(threatModelsCurrent(services).value().value_or(-1), 0.0);
    ServiceAnalysisDates none;
    none.today = "2026-03-01";
    EXPECT_EQ(threatModelsCurrent(none).reason, "no services to analyse");
    EXPECT_EQ(rosCurrent(none).reason, "no services to analyse");
    services.services[2].ros = "01.05.2025";
    EXPECT_EQ(rosCurrent(services).reason, "service 3: '01.05.2025' is not a date (YYYY-MM-DD)");
}

// ---- ISO/IEC 27001:2022 Annex A -----------------------------------------------------------------

TEST(NsmAnnexA, NinetyThreeControlsInFourThemes) {
    const std::vector<std::string>& controls = annexAControls();
    ASSERT_EQ(controls.size(), 93u);
    EXPECT_EQ(controls.front(), "5.1");
    EXPECT_EQ(controls[36], "5.37");
    EXPECT_EQ(controls[37], "6.1");
    EXPECT_EQ(controls[44], "6.8");
    EXPECT_EQ(controls[58], "7.14");
    EXPECT_EQ(controls.back(), "8.34");
    std::vector<int> counts;
    int total = 0;
    for (const ThemeInfo& t : annexAThemes()) {
        counts.push_back(t.controls);
        total += t.controls;
    }
    EXPECT_EQ(counts, (std::vector<int>{37, 8, 14, 34}));
    EXPECT_EQ(total, 93);
    for (const char* id : {"5.1", "5.37", "6.8", "7.1", "7.14", "8.34"}) EXPECT_TRUE(isAnnexAControl(id)) << id;
    for (const char* id : {"5.38", "6.9", "7.15", "8.35", "9.1", "4.1", "05.1", "5.1.1", "", "A.5.1", "5"})
        EXPECT_FALSE(isAnnexAControl(id)) << id;
    Theme theme = Theme::Organisational;
    ASSERT_TRUE(themeOf("7.4", theme));
    EXPECT_EQ(themeCode(theme), "physical");
}

TEST(NsmSoa, MappedControlsApplyDecisionsOverrideAndStatusComesFromTheMeasures) {
    const Catalogue cat = testCatalogue();
    std::vector<SoaDecision> decisions(6);
    decisions[0].control = "7.4";
    decisions[0].applicable = false;
    decisions[0].justification = "Testbegrunnelse for utelatelse (testdata)";
    decisions[1].control = "5.27";
    decisions[1].applicable = false;
    decisions[1].justification = "Testbegrunnelse for utelatelse (testdata)";
    decisions[2].control = "5.1";
    decisions[2].justification = "Testbegrunnelse for inkludering (testdata)";
    decisions[2].status = ControlStatus::Implemented;
    decisions[3].control = "5.38";
    decisions[3].justification = "Testbegrunnelse (testdata)";
    decisions[4].control = "7.4";
    decisions[4].justification = "Testbegrunnelse igjen (testdata)";
    decisions[5].control = "6.3";

    const std::vector<Assessment> as{assess("2.6.1", "4", "2026-03-01", "4"), assess("2.6.2", "2", "2026-03-01", "4"),
                                     assess("2.6.3", "0", "2026-03-01", "3"), assess("2.10.1", "5", "2026-03-01"),
                                     assess("2.10.2", "1", "2026-03-01", "3"), notApplicable("2.9.1", "2026-03-01"),
                                     assess("3.2.1", "vet-ikke", "2026-03-01", "", "ks")};
    const Soa soa = buildSoa(cat, decisions, as, kScales);
    ASSERT_EQ(soa.entries.size(), 93u);
    EXPECT_EQ(soa.entries.front().control, "5.1");
    EXPECT_EQ(soa.entries.back().control, "8.34");
    EXPECT_EQ(themeCode(soa.entries.back().theme), "technological");

    EXPECT_EQ(fieldsOf(soa.problems),
              (std::vector<std::string>{"decisions[4].control", "decisions[5].control", "decisions[6].justification"}));
    EXPECT_TRUE(contains(formatProblems(soa.problems), "ISO/IEC 27001:2022 6.1.3 d")) << formatProblems(soa.problems);
    // Nine controls mapped; 5.27 excluded by decision; 5.1 included by decision; 7.4 excluded.
    EXPECT_EQ(soa.applicable, 9u);
    EXPECT_EQ(soa.notApplicable, 2u);
    EXPECT_EQ(soa.undecided, 82u);

    const SoaEntry& c515 = entry(soa, "5.15");
    EXPECT_EQ(c515.measures, (std::vector<std::string>{"2.6.1"}));
    EXPECT_EQ(applicabilityCode(c515.applicability), "applicable");
    EXPECT_FALSE(c515.decided);
    EXPECT_EQ(controlStatusCode(c515.status), "implemented");
    EXPECT_TRUE(c515.statusDerived);
    EXPECT_EQ(controlStatusCode(entry(soa, "8.2").status), "implemented");
    EXPECT_EQ(controlStatusCode(entry(soa, "5.16").status), "partial");
    EXPECT_EQ(controlStatusCode(entry(soa, "5.18").status), "not_implemented");
    const SoaEntry& c832 = entry(soa, "8.32");
    EXPECT_EQ(c832.measures, (std::vector<std::string>{"2.10.1", "2.10.2"}));
    EXPECT_EQ(controlStatusCode(c832.status), "partial");  // 2.10.1 at the top, 2.10.2 below its target
    EXPECT_EQ(controlStatusCode(entry(soa, "8.13").status), "unknown");  // its measure is not applicable
    EXPECT_FALSE(entry(soa, "8.13").statusDerived);
    EXPECT_EQ(controlStatusCode(entry(soa, "8.15").status), "unknown");  // Vet ikke
    const SoaEntry& c51 = entry(soa, "5.1");
    EXPECT_TRUE(c51.decided);
    EXPECT_EQ(controlStatusCode(c51.status), "implemented");
    EXPECT_FALSE(c51.statusDerived);
    EXPECT_EQ(c51.justification, "Testbegrunnelse for inkludering (testdata)");
    const SoaEntry& c527 = entry(soa, "5.27");
    EXPECT_EQ(applicabilityCode(c527.applicability), "not_applicable");
    EXPECT_EQ(c527.measures, (std::vector<std::string>{"4.4.1"}));
    EXPECT_EQ(controlStatusCode(c527.status), "unknown");
    EXPECT_EQ(applicabilityCode(entry(soa, "7.4").applicability), "not_applicable");
    EXPECT_EQ(entry(soa, "7.4").justification, "Testbegrunnelse for utelatelse (testdata)");  // the first decision stands
    EXPECT_EQ(applicabilityCode(entry(soa, "6.3").applicability), "undecided");
}

TEST(NsmSoa, AMeasureMappedToAnUnknownIdIsReported) {
    const Catalogue cat = catalogueOf("2.1", {measure("2.6.1", "1", 1, {"5.15", "9.9"})});
    const Soa soa = buildSoa(cat, {}, {}, kScales);
    ASSERT_EQ(soa.problems.size(), 1u);
    EXPECT_EQ(formatProblem(soa.problems[0]), "field 'iso27002': measure 2.6.1: '9.9' is not an ISO/IEC 27002:2022 control");
    EXPECT_EQ(soa.applicable, 1u);
    EXPECT_EQ(soa.undecided, 92u);
}
