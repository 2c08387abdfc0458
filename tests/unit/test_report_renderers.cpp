// The report formats beyond HTML and PDF basics (test_document.cpp): charts and drawings in HTML
// and PDF, the PDF's document information, ODT, and the tables as XLSX and CSV, checked as a user
// would: unzip it, read the sheets, find the text.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/csv.h"
#include "core/base/xlsx.h"
#include "core/base/zip.h"
#include "reports/document.h"
#include "reports/graphviz_drawing.h"
#include "reports/odt.h"
#include "reports/pdf.h"
#include "reports/tabular.h"

using namespace vakt;
using namespace vakt::reports;

namespace {

constexpr const char* kOdtMime = "application/vnd.oasis.opendocument.text";

Document maturity() {
    Document doc;
    doc.title = "Modenhetsrapport – Åsnes kommune";
    doc.author = "Åse Ødegård";
    doc.subject = "NSMs grunnprinsipper";
    doc.keywords = "Vakt, NSM; modenhet";
    doc.creator = "Vakt 1.0";
    doc.createdUtc = "2024-05-02T10:30:00Z";
    BarChart bars;
    bars.title = "Vurdert nivå og mål";
    bars.labels = {"2.6", "<script>alert(1)</script>", "3.1"};
    bars.series = {{"Vurdert", {2.0, 4.5, std::nullopt}}, {"Mål", {3.0, 9.0, 4.0}}};
    bars.maximum = 5;
    bars.valueLabel = "nivå";
    HeatMap heat;
    heat.title = "Modenhet per kategori";
    heat.rowLabels = {"1 Identifisere", "2 Beskytte"};
    heat.columnLabels = {"1", "2", "3"};
    heat.cells = {{0.0, 0.5, 1.0}, {std::nullopt, 0.25}};
    heat.texts = {{"", "2.6 B", ""}, {}};
    doc.blocks = {
        Heading{1, "Oversikt"},
        Paragraph{"Første linje\nandre  linje"},
        bars,
        heat,
        Heading{1, "Tiltak: neste år?"},
        Table{{"Nr", "Tiltak", "Ansvar"}, {{"1", "=HYPERLINK(\"x\")", "Ærlig & <ansvarlig>"}, {"2", "Oppdatere ROS", "Øystein"}}},
        Heading{2, "Nøkkeltall"},
        KeyValues{{{"Prinsipper", "21"}, {"Vurdert", "18"}}},
        BulletList{{"Punkt én", "Punkt to"}},
    };
    doc.footer = {{"Generert av", "Vakt"}, {"SHA-256", "abc"}};
    return doc;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
    return n;
}

const zip::Entry* entryNamed(const std::vector<zip::Entry>& entries, const std::string& name) {
    for (const auto& e : entries)
        if (e.name == name) return &e;
    return nullptr;
}

std::string pdfOf(const Document& doc) {
    auto r = renderPdf(doc);
    EXPECT_TRUE(r) << r.message();
    return r ? *r : std::string();
}

int pageCount(const std::string& pdf) {
    const auto at = pdf.find("/Type /Pages /Count ");
    EXPECT_NE(at, std::string::npos);
    return at == std::string::npos ? 0 : std::atoi(pdf.c_str() + at + 20);
}

std::vector<std::string> contentStreams(const std::string& pdf) {
    std::vector<std::string> streams;
    for (auto at = pdf.find(">>\nstream\n"); at != std::string::npos; at = pdf.find(">>\nstream\n", at + 1)) {
        const auto lengthAt = pdf.rfind("/Length ", at);
        const std::size_t length = std::strtoull(pdf.c_str() + lengthAt + 8, nullptr, 10);
        streams.push_back(pdf.substr(at + 10, length));
    }
    return streams;
}

std::string allContent(const std::string& pdf) {
    std::string all;
    for (const auto& s : contentStreams(pdf)) all += s;
    return all;
}

struct Shown {
    bool bold = false;
    double size = 0, x = 0, y = 0;
    std::string text;  // unescaped WinAnsi
};

// The text operators as renderPdf writes them: "BT /F1 9 Tf 56 700.5 Td (...) Tj ET".
std::vector<Shown> shownText(const std::string& stream) {
    std::vector<Shown> shown;
    std::size_t pos = 0;
    while ((pos = stream.find("BT /F", pos)) != std::string::npos) {
        Shown s;
        s.bold = stream[pos + 5] == '2';
        char* p = nullptr;
        s.size = std::strtod(stream.c_str() + pos + 7, &p);
        s.x = std::strtod(p + 4, &p);
        s.y = std::strtod(p, &p);
        std::size_t i = static_cast<std::size_t>(p - stream.c_str()) + 5;
        for (; i < stream.size() && stream[i] != ')'; ++i) {
            if (stream[i] == '\\') ++i;
            s.text += stream[i];
        }
        shown.push_back(std::move(s));
        pos = i;
    }
    return shown;
}

// No text starts left of the margin or runs past the right one, or leaves the page.
void expectInsideTextArea(const std::string& pdf) {
    for (const auto& stream : contentStreams(pdf))
        for (const auto& s : shownText(stream)) {
            EXPECT_GE(s.x, 56 - 0.01) << s.text;
            EXPECT_LE(s.x + textWidth(s.text, s.bold, s.size), 595 - 56 + 0.01) << s.text;
            EXPECT_GE(s.y, 20) << s.text;
            EXPECT_LE(s.y, 842 - 56) << s.text;
        }
}

std::string padded(int i) {
    std::string n = std::to_string(i);
    return std::string(3 - n.size(), '0') + n;
}

// 250 labels: 200 drawn, 50 counted.
BarChart manyBars() {
    BarChart chart;
    chart.title = "Mange prinsipper";
    chart.series = {{"Vurdert", {}}, {"Mål", {}}};
    for (int i = 0; i < 250; ++i) {
        chart.labels.push_back("Etikett-" + padded(i));
        chart.series[0].values.push_back(i % 6);
        chart.series[1].values.push_back(5);
    }
    chart.maximum = 5;
    return chart;
}

}  // namespace

// ---- ODT ----------------------------------------------------------------------------------------

TEST(ReportOdt, UnzipsWithTheMimetypeFirstAndStored) {
    const std::string odt = renderOdt(maturity());
    // What `file` and LibreOffice look for: the first entry's name at byte 30, its stored data at 38.
    ASSERT_GT(odt.size(), 100u);
    EXPECT_EQ(odt.substr(0, 4), "PK\x03\x04");
    EXPECT_EQ(odt[8], '\0') << "compression method: stored";
    EXPECT_EQ(odt[9], '\0');
    EXPECT_EQ(odt.substr(30, 8), "mimetype");
    EXPECT_EQ(odt.substr(38, 39), kOdtMime);

    auto entries = zip::read(odt);
    ASSERT_TRUE(entries) << entries.message();
    ASSERT_EQ(entries->size(), 5u);
    EXPECT_EQ((*entries)[0].name, "mimetype");
    EXPECT_EQ((*entries)[0].data, kOdtMime);
    for (const char* name : {"META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"})
        EXPECT_NE(entryNamed(*entries, name), nullptr) << name;
    EXPECT_EQ(odt, renderOdt(maturity())) << "the same document gives the same bytes";
}

TEST(ReportOdt, ContentHasHeadingsParagraphsTablesAndListsEscaped) {
    auto entries = zip::read(renderOdt(maturity()));
    ASSERT_TRUE(entries) << entries.message();
    const std::string content = entryNamed(*entries, "content.xml")->data;
    EXPECT_TRUE(contains(content, "office:version=\"1.2\""));
    EXPECT_TRUE(contains(content, "<text:p text:style-name=\"Title\">Modenhetsrapport – Åsnes kommune</text:p>"));
    EXPECT_TRUE(contains(content, "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">Oversikt</text:h>"));
    EXPECT_TRUE(contains(content, "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">Nøkkeltall</text:h>"));
    // A line break and a second space survive ODF's white-space collapsing.
    EXPECT_TRUE(contains(content, "Første linje<text:line-break/>andre <text:s/>linje"));
    EXPECT_TRUE(contains(content, "<table:table-header-rows>"));
    EXPECT_TRUE(contains(content, ">Ansvar</text:p>"));
    EXPECT_TRUE(contains(content, ">Ærlig &amp; &lt;ansvarlig&gt;</text:p>"));
    EXPECT_TRUE(contains(content, ">Øystein</text:p>"));
    EXPECT_TRUE(contains(content, "<text:list text:style-name=\"List_20_1\">"));
    EXPECT_TRUE(contains(content, ">Punkt én</text:p>"));
    EXPECT_TRUE(contains(content, ">Prinsipper</text:p>"));
    EXPECT_TRUE(contains(content, ">SHA-256</text:p>")) << "the footer as a last table";
    // Charts as a heading below the last one and a table of their numbers.
    EXPECT_TRUE(contains(content, "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">Vurdert nivå og mål</text:h>"));
    EXPECT_TRUE(contains(content, ">&lt;script&gt;alert(1)&lt;/script&gt;</text:p>"));
    EXPECT_TRUE(contains(content, ">4,5</text:p>"));
    EXPECT_TRUE(contains(content, ">–</text:p>"));
    EXPECT_TRUE(contains(content, ">2.6 B</text:p>"));
    EXPECT_TRUE(contains(content, ">25\u00A0%</text:p>"));
    EXPECT_TRUE(contains(content, "table:style-name=\"VaktHeat0\""));
    EXPECT_TRUE(contains(content, "table:style-name=\"VaktHeat10\""));
    EXPECT_TRUE(contains(content, "table:style-name=\"VaktHeatMissing\""));
    EXPECT_FALSE(contains(content, "<script"));
    EXPECT_FALSE(contains(content, "<draw:frame")) << "editable: no frames";
}

TEST(ReportOdt, StylesAndMetadata) {
    auto entries = zip::read(renderOdt(maturity()));
    ASSERT_TRUE(entries) << entries.message();
    const std::string styles = entryNamed(*entries, "styles.xml")->data;
    for (const char* style : {"style:name=\"Heading_20_1\"", "style:name=\"Heading_20_2\"", "style:name=\"Heading_20_3\"",
                              "style:name=\"Table_20_Heading\"", "style:name=\"List_20_1\"", "style:font-name=\"Liberation Sans\""})
        EXPECT_TRUE(contains(styles, style)) << style;
    EXPECT_TRUE(contains(styles, "fo:language=\"nb\" fo:country=\"NO\""));
    EXPECT_TRUE(contains(styles, "Side <text:page-number"));
    const std::string meta = entryNamed(*entries, "meta.xml")->data;
    EXPECT_TRUE(contains(meta, "<dc:title>Modenhetsrapport – Åsnes kommune</dc:title>"));
    EXPECT_TRUE(contains(meta, "<meta:initial-creator>Åse Ødegård</meta:initial-creator>"));
    EXPECT_TRUE(contains(meta, "<dc:subject>NSMs grunnprinsipper</dc:subject>"));
    EXPECT_TRUE(contains(meta, "<meta:keyword>Vakt</meta:keyword>"));
    EXPECT_TRUE(contains(meta, "<meta:keyword>modenhet</meta:keyword>"));
    EXPECT_TRUE(contains(meta, "<meta:creation-date>2024-05-02T10:30:00Z</meta:creation-date>"));
    EXPECT_TRUE(contains(meta, "<meta:generator>Vakt</meta:generator>"));
    const std::string manifest = entryNamed(*entries, "META-INF/manifest.xml")->data;
    EXPECT_TRUE(contains(manifest, "manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"" + std::string(kOdtMime)));
    EXPECT_TRUE(contains(manifest, "manifest:full-path=\"content.xml\""));
}

TEST(ReportOdt, InvalidUtf8AndControlsNeverReachTheXml) {
    Document doc;
    doc.title = "a\x01" "b\xFF" "c\xEF\xBF\xBE" "d";  // a C0 control, a bad byte, U+FFFE
    doc.blocks = {Paragraph{"x\x0By\r\n<z>"}};
    doc.createdUtc = "2024-02-30T10:00:00Z";  // no such day: left out
    auto entries = zip::read(renderOdt(doc));
    ASSERT_TRUE(entries) << entries.message();
    const std::string content = entryNamed(*entries, "content.xml")->data;
    EXPECT_TRUE(contains(content, ">ab\uFFFDcd</text:p>"));
    EXPECT_TRUE(contains(content, ">xy<text:line-break/>&lt;z&gt;</text:p>"));
    EXPECT_FALSE(contains(content, "\x01"));
    EXPECT_FALSE(contains(content, "\x0B"));
    EXPECT_FALSE(contains(entryNamed(*entries, "meta.xml")->data, "creation-date"));
}

TEST(ReportZip, StoreKeepsAnEntryUncompressed) {
    const std::string text(5000, 'a');
    const std::string archive = zip::write({{"stored.txt", text, true}, {"deflated.txt", text}});
    EXPECT_GT(archive.size(), 5000u);
    EXPECT_EQ(archive[8], '\0');
    auto entries = zip::read(archive);
    ASSERT_TRUE(entries) << entries.message();
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0].data, text);
    EXPECT_EQ((*entries)[1].data, text);
    EXPECT_LT(zip::write({{"deflated.txt", text}}).size(), 1000u) << "unchanged: deflated when it helps";
}

// ---- XLSX and CSV -------------------------------------------------------------------------------

TEST(ReportWorkbook, SheetsAreNamedAfterHeadingsAndHoldTheData) {
    const xlsx::Workbook book = toWorkbook(maturity());
    std::vector<std::string> names;
    for (const auto& s : book.sheets) names.push_back(s.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Om rapporten", "Vurdert nivå og mål", "Modenhet per kategori", "Tiltak neste år",
                                               "Nøkkeltall"}));

    const xlsx::Sheet* about = book.find("Om rapporten");
    ASSERT_NE(about, nullptr);
    ASSERT_GE(about->rows.size(), 8u);
    EXPECT_EQ(about->rows[0], (std::vector<std::string>{"Felt", "Verdi"}));
    EXPECT_EQ(about->rows[1], (std::vector<std::string>{"Tittel", "Modenhetsrapport – Åsnes kommune"}));
    EXPECT_EQ(about->rows[2], (std::vector<std::string>{"Forfatter", "Åse Ødegård"}));
    EXPECT_EQ(about->rows[5], (std::vector<std::string>{"Opprettet (UTC)", "2024-05-02T10:30:00Z"}));
    EXPECT_EQ(about->rows.back(), (std::vector<std::string>{"SHA-256", "abc"}));

    const xlsx::Sheet* bars = book.find("Vurdert nivå og mål");
    ASSERT_NE(bars, nullptr);
    ASSERT_EQ(bars->rows.size(), 4u);
    EXPECT_EQ(bars->rows[0], (std::vector<std::string>{"", "Vurdert", "Mål"}));
    EXPECT_EQ(bars->rows[1], (std::vector<std::string>{"2.6", "2", "3"}));
    EXPECT_EQ(bars->rows[2], (std::vector<std::string>{"<script>alert(1)</script>", "4,5", "9"})) << "the data, not clamped";
    EXPECT_EQ(bars->rows[3], (std::vector<std::string>{"3.1", "", "4"}));

    const xlsx::Sheet* heat = book.find("Modenhet per kategori");
    ASSERT_NE(heat, nullptr);
    ASSERT_EQ(heat->rows.size(), 3u);
    EXPECT_EQ(heat->rows[0], (std::vector<std::string>{"", "1", "2", "3"}));
    EXPECT_EQ(heat->rows[1], (std::vector<std::string>{"1 Identifisere", "0", "2.6 B", "100"}));
    EXPECT_EQ(heat->rows[2], (std::vector<std::string>{"2 Beskytte", "", "25", ""}));

    const xlsx::Sheet* table = book.find("tiltak neste år");  // found ignoring case, as Excel does
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rows.size(), 3u);
    EXPECT_EQ(table->rows[0], (std::vector<std::string>{"Nr", "Tiltak", "Ansvar"}));
    EXPECT_EQ(table->rows[1][1], "=HYPERLINK(\"x\")") << "a string cell in XLSX, never a formula";

    const xlsx::Sheet* kv = book.find("Nøkkeltall");
    ASSERT_NE(kv, nullptr);
    EXPECT_EQ(kv->rows, (std::vector<std::vector<std::string>>{{"Felt", "Verdi"}, {"Prinsipper", "21"}, {"Vurdert", "18"}}));

    // And it is a workbook a spreadsheet reads back.
    auto back = xlsx::read(xlsx::write(book));
    ASSERT_TRUE(back) << back.message();
    ASSERT_EQ(back->sheets.size(), book.sheets.size());
    for (std::size_t i = 0; i < book.sheets.size(); ++i) EXPECT_EQ(back->sheets[i].name, book.sheets[i].name);
    EXPECT_EQ(back->find("Tiltak neste år")->rows[2][2], "Øystein");
}

TEST(ReportWorkbook, SheetNamesAreValidCutAndUnique) {
    Document doc;
    doc.language = "en";
    const std::string long_ = "Risiko/sårbarhet [2024]: *oversikt* over alle tjenester i kommunen";
    std::string upper = long_;
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    std::string emoji;
    for (int i = 0; i < 20; ++i) emoji += "😀";
    const Table t{{"a"}, {{"1"}}};
    doc.blocks = {t,          Heading{1, long_}, t, t,        Heading{1, upper}, t, Heading{1, "''' "}, t,
                  Heading{1, emoji}, t, Heading{1, "History"}, t, Heading{1, "About"}, t};
    const xlsx::Workbook book = toWorkbook(doc);
    ASSERT_EQ(book.sheets.size(), 9u);
    EXPECT_EQ(book.sheets[0].name, "About");
    EXPECT_EQ(book.sheets[1].name, "Table 1") << "no heading yet";
    EXPECT_EQ(book.sheets[2].name.rfind("Risikosårbarhet 2024 oversikt", 0), 0u) << book.sheets[2].name;
    EXPECT_EQ(book.sheets[3].name.substr(book.sheets[3].name.size() - 4), " (2)");
    EXPECT_EQ(book.sheets[4].name.substr(book.sheets[4].name.size() - 4), " (3)") << "the same name in capitals";
    EXPECT_EQ(book.sheets[5].name, "Table 5") << "nothing left of the heading";
    EXPECT_EQ(book.sheets[6].name, emoji.substr(0, 15 * 4)) << "15 emoji are 30 UTF-16 units";
    EXPECT_EQ(book.sheets[7].name, "History (2)") << "Excel reserves History";
    EXPECT_EQ(book.sheets[8].name, "About (2)");
    for (const auto& s : book.sheets) EXPECT_TRUE(xlsx::validSheetName(s.name)) << s.name;
    auto back = xlsx::read(xlsx::write(book));
    ASSERT_TRUE(back) << back.message();
}

TEST(ReportCsv, TablesOneAfterAnotherUnderTheirHeadings) {
    Document doc = maturity();
    doc.blocks.insert(doc.blocks.begin(), Table{{"Før"}, {{"første"}}});  // before any heading
    const std::string text = toCsv(doc);
    EXPECT_TRUE(contains(text, "\r\n\r\n")) << "a blank line between tables";
    auto records = csv::parse(text, 1u << 20, ',');
    ASSERT_TRUE(records) << records.message();
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : *records) rows.push_back(r.fields);
    const std::vector<std::vector<std::string>> expected = {
        {"Tabell 1"},
        {"Før"},
        {"første"},
        {"Tiltak: neste år?"},
        {"Nr", "Tiltak", "Ansvar"},
        {"1", "'=HYPERLINK(\"x\")", "Ærlig & <ansvarlig>"},
        {"2", "Oppdatere ROS", "Øystein"},
    };
    EXPECT_EQ(rows, expected);
    EXPECT_EQ(toCsv(Document{}), "");
}

// ---- Charts in PDF and HTML -----------------------------------------------------------------------

TEST(ReportPdf, DocumentInformationAndChartsAreThere) {
    const std::string pdf = pdfOf(maturity());
    EXPECT_TRUE(contains(pdf, "/Producer (Vakt)"));
    EXPECT_TRUE(contains(pdf, "/Title <FEFF004D006F00640065006E"));  // "Moden" in UTF-16BE
    EXPECT_TRUE(contains(pdf, "/Author <FEFF00C500730065002000D8"));  // "Åse Ø"
    EXPECT_TRUE(contains(pdf, "/Subject <FEFF"));
    EXPECT_TRUE(contains(pdf, "/Keywords <FEFF"));
    EXPECT_TRUE(contains(pdf, "/Creator <FEFF00560061006B0074"));  // "Vakt"
    EXPECT_TRUE(contains(pdf, "/CreationDate (D:20240502103000Z)"));
    EXPECT_TRUE(contains(pdf, "/Root 1 0 R /Info 5 0 R"));
    EXPECT_EQ(pageCount(pdf), 1);

    const std::string content = allContent(pdf);
    for (const std::string text : {"(2.6) Tj", "(3.1) Tj", "(<script>alert\\(1\\)</script>) Tj", "(Vurdert) Tj", "(M\xE5l) Tj",
                                   "(4,5) Tj", "(\x96) Tj", "(niv\xE5) Tj", "(Vurdert niv\xE5 og m\xE5l) Tj", "(2.6 B) Tj",
                                   "(25\xA0%) Tj", "(1 Identifisere) Tj", "(mangler) Tj", "(Side 1 av 1) Tj"})
        EXPECT_TRUE(contains(content, text)) << text;
    EXPECT_TRUE(contains(content, " re f Q")) << "bars and cells are filled rectangles";
    EXPECT_TRUE(contains(content, " rg "));
    EXPECT_TRUE(contains(content, " RG "));
    expectInsideTextArea(pdf);
    EXPECT_EQ(pdf, pdfOf(maturity()));

    Document noDate = maturity();
    noDate.createdUtc = "2024-05-02 10:30";
    EXPECT_FALSE(contains(pdfOf(noDate), "/CreationDate"));
    noDate.createdUtc = "2024-02-29T23:59:60Z";  // a leap day and a leap second
    EXPECT_TRUE(contains(pdfOf(noDate), "/CreationDate (D:20240229235960Z)"));
}

TEST(ReportPdf, AChartThatFitsAPageIsNotSplit) {
    Document doc;
    doc.title = "Diagramtest";
    doc.blocks.push_back(Paragraph{std::string(48, '\n') + "slutt på side 1"});
    BarChart chart;
    chart.title = "Diagram";
    chart.series = {{"Vurdert", {}}, {"Mål", {}}};
    for (int i = 1; i <= 10; ++i) {
        chart.labels.push_back("L" + std::to_string(i));
        chart.series[0].values.push_back(i % 5);
        chart.series[1].values.push_back(4);
    }
    doc.blocks.push_back(chart);
    const std::string pdf = pdfOf(doc);
    ASSERT_EQ(pageCount(pdf), 2);
    const auto streams = contentStreams(pdf);
    ASSERT_EQ(streams.size(), 2u);
    EXPECT_TRUE(contains(streams[0], "(slutt p\xE5 side 1) Tj"));
    EXPECT_FALSE(contains(streams[0], "(Diagram) Tj"));
    EXPECT_TRUE(contains(streams[1], "(Diagram) Tj"));
    for (int i = 1; i <= 10; ++i) EXPECT_TRUE(contains(streams[1], "(L" + std::to_string(i) + ") Tj")) << i;
    expectInsideTextArea(pdf);
}

TEST(ReportHtml, ChartsAreInlineSvgWithLabelsEscaped) {
    const std::string html = renderHtml(maturity());
    EXPECT_EQ(count(html, "<svg class=\"chart\""), 2u);
    EXPECT_TRUE(contains(html, "<figcaption>Vurdert nivå og mål</figcaption>"));
    EXPECT_TRUE(contains(html, ">&lt;script&gt;alert(1)&lt;/script&gt;</text>"));
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_TRUE(contains(html, ">Vurdert</text>"));
    EXPECT_TRUE(contains(html, ">Mål</text>"));
    EXPECT_TRUE(contains(html, ">4,5</text>"));
    EXPECT_TRUE(contains(html, ">2.6 B</text>"));
    EXPECT_TRUE(contains(html, "fill=\"#f46d43\"")) << "red at 0";
    EXPECT_TRUE(contains(html, "fill=\"#66bd63\"")) << "green at 1";
    EXPECT_TRUE(contains(html, "fill=\"#d9d9d9\"")) << "grey when missing";
    // Inline SVG needs nothing from the policy: still no scripts and no external resources.
    EXPECT_TRUE(contains(html, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    EXPECT_FALSE(contains(html, "http://"));
    EXPECT_FALSE(contains(html, "https://"));
    EXPECT_FALSE(contains(html, " style=\""));
    EXPECT_EQ(html, renderHtml(maturity()));
}

TEST(ReportCharts, AtMost200LabelsAreDrawnAndTheRestCounted) {
    Document doc;
    doc.blocks = {manyBars()};
    const std::string html = renderHtml(doc);
    EXPECT_TRUE(contains(html, ">Etikett-199</text>"));
    EXPECT_FALSE(contains(html, "Etikett-200"));
    EXPECT_TRUE(contains(html, ">\u2026 50 til</text>"));

    const std::string pdf = pdfOf(doc);
    const std::string content = allContent(pdf);
    EXPECT_TRUE(contains(content, "(Etikett-199) Tj"));
    EXPECT_FALSE(contains(content, "Etikett-200"));
    EXPECT_TRUE(contains(content, "(\x85 50 til) Tj"));
    const auto streams = contentStreams(pdf);
    ASSERT_GT(streams.size(), 2u) << "200 groups do not fit one page";
    for (const auto& stream : streams) EXPECT_TRUE(contains(stream, "(Vurdert) Tj")) << "the legend on every page";
    expectInsideTextArea(pdf);

    auto entries = zip::read(renderOdt(doc));
    ASSERT_TRUE(entries) << entries.message();
    const std::string odt = entryNamed(*entries, "content.xml")->data;
    EXPECT_TRUE(contains(odt, ">Etikett-199</text:p>"));
    EXPECT_FALSE(contains(odt, "Etikett-200"));
    EXPECT_TRUE(contains(odt, ">\u2026 50 til</text:p>"));

    const auto book = toWorkbook(doc);
    ASSERT_EQ(book.sheets.size(), 2u);
    EXPECT_EQ(book.sheets[1].rows.size(), 251u) << "the spreadsheet keeps all the data";

    // Rows and columns of a heat map are capped alike (two slim grids keep the test quick).
    HeatMap tall;
    tall.title = "Mange rader";
    for (int r = 0; r < 230; ++r) tall.rowLabels.push_back("Rad-" + padded(r));
    tall.columnLabels = {"A", "B"};
    tall.cells = {{0.5, 1.0}};
    HeatMap wide;
    wide.title = "Mange kolonner";
    wide.rowLabels = {"Rad"};
    for (int c = 0; c < 205; ++c) wide.columnLabels.push_back("K-" + padded(c));
    Document grid;
    grid.language = "en";
    grid.blocks = {tall, wide};
    const std::string gridHtml = renderHtml(grid);
    EXPECT_TRUE(contains(gridHtml, ">Rad-199</text>"));
    EXPECT_FALSE(contains(gridHtml, "Rad-200"));
    EXPECT_TRUE(contains(gridHtml, ">\u2026 30 more</text>"));
    EXPECT_TRUE(contains(gridHtml, "K-199"));
    EXPECT_FALSE(contains(gridHtml, "K-200"));
    EXPECT_TRUE(contains(gridHtml, ">\u2026 5 more</text>"));
    const std::string gridPdf = pdfOf(grid);
    const std::string gridContent = allContent(gridPdf);
    EXPECT_TRUE(contains(gridContent, "(Rad-199) Tj"));
    EXPECT_FALSE(contains(gridContent, "Rad-200"));
    EXPECT_TRUE(contains(gridContent, "(\x85 30 more) Tj"));
    EXPECT_TRUE(contains(gridContent, "(K-199) Tj")) << "columns past the width continue in bands below";
    EXPECT_FALSE(contains(gridContent, "K-200"));
    EXPECT_TRUE(contains(gridContent, "(\x85 5 more) Tj"));
    expectInsideTextArea(gridPdf);
}

TEST(ReportCharts, AHostileLabelDoesNotBlowUp) {
    std::string huge(10u << 20, 'x');
    for (std::size_t i = 0; i < huge.size(); i += 97) huge[i] = '\xFF';
    for (std::size_t i = 50; i < huge.size(); i += 1009) huge[i] = '<';
    BarChart bars;
    bars.title = huge;
    bars.labels = {huge, "b"};
    bars.series = {{huge, {1.0, 2.0}}};
    bars.maximum = 3;
    bars.valueLabel = huge;
    HeatMap heat;
    heat.title = huge;
    heat.rowLabels = {huge};
    heat.columnLabels = {huge};
    heat.cells = {{0.5}};
    heat.texts = {{huge}};
    Document doc;
    doc.blocks = {bars, heat};

    const std::string html = renderHtml(doc);
    EXPECT_FALSE(contains(html, "\xFF")) << "invalid UTF-8 becomes U+FFFD";
    EXPECT_FALSE(contains(html, "<x"));
    EXPECT_LT(html.size(), 4 * huge.size()) << "only the captions carry the whole title";

    auto pdf = renderPdf(doc);
    ASSERT_TRUE(pdf) << pdf.message();
    EXPECT_LT(pdf->size(), 200'000u) << "labels in a chart are cut to fit";
    expectInsideTextArea(*pdf);

    const std::string odt = renderOdt(doc);
    EXPECT_EQ(odt.substr(30, 8), "mimetype");

    const auto book = toWorkbook(doc);
    for (const auto& sheet : book.sheets) {
        EXPECT_TRUE(xlsx::validSheetName(sheet.name)) << sheet.name.size();
        for (const auto& row : sheet.rows)
            for (const auto& cell : row) EXPECT_LE(cell.size(), 32767u * 3 + 3) << "cut to Excel's limit";
    }
    auto back = xlsx::read(xlsx::write(book));
    EXPECT_TRUE(back) << back.message();
}

// ---- Drawings: a Graphviz layout in every format ----------------------------------------------------

namespace {

// What `dot -Tjson` writes for a zone (a cluster) holding a node and an edge out of it, laid out by
// hand and trimmed to the members that matter (Graphviz writes many more, all looked past).
constexpr const char* kDataFlowJson = R"({
  "name": "dataflyt",
  "directed": true,
  "_draw_": [
    {"op": "c", "grad": "none", "color": "#fffffe00"},
    {"op": "C", "grad": "none", "color": "#ffffff"},
    {"op": "P", "points": [[0,0],[0,100],[200,100],[200,0]]}
  ],
  "bb": "0,0,200,100",
  "xdotversion": "1.7",
  "objects": [
    {"name": "cluster_sone", "label": "Sone",
     "_draw_": [
       {"op": "S", "style": "dashed"},
       {"op": "c", "grad": "none", "color": "#FF0000"},
       {"op": "p", "points": [[8,8],[8,92],[130,92],[130,8]]}
     ],
     "_ldraw_": [
       {"op": "F", "size": 14.0, "face": "Times-Roman"},
       {"op": "c", "grad": "none", "color": "#000000"},
       {"op": "T", "pt": [69,78], "align": "c", "width": 30, "text": "Sone"}
     ]},
    {"name": "saksbehandler",
     "_draw_": [
       {"op": "c", "grad": "none", "color": "blue"},
       {"op": "e", "rect": [69,40,55,18]}
     ],
     "_ldraw_": [
       {"op": "F", "size": 10, "face": "Helvetica"},
       {"op": "c", "grad": "none", "color": "#000000"},
       {"op": "T", "pt": [20,36.5], "align": "l", "width": 90, "text": "Saksbehandler æøå"}
     ]}
  ],
  "edges": [
    {"tail": 1, "head": 2,
     "_draw_": [
       {"op": "c", "grad": "none", "color": "#333333"},
       {"op": "B", "points": [[124,40],[145,40],[160,50],[180,50]]}
     ],
     "_hdraw_": [
       {"op": "S", "style": "solid"},
       {"op": "c", "grad": "none", "color": "#333333"},
       {"op": "C", "grad": "none", "color": "#ff8800cc"},
       {"op": "P", "points": [[180,53.5],[190,50],[180,46.5]]}
     ]}
  ]
})";

using Points = std::vector<std::pair<double, double>>;

Drawing dataFlow() {
    auto drawing = drawingFromGraphvizJson(kDataFlowJson, "Dataflyt <sone>");
    EXPECT_TRUE(drawing) << drawing.message();
    return drawing ? *drawing : Drawing{};
}

Document withDrawing(const Drawing& drawing) {
    Document doc;
    doc.blocks.emplace_back(std::in_place_type<Drawing>, drawing);
    return doc;
}

// `n` short lines, all in the box 0,0,100,100.
std::string jsonWithLines(int n) {
    std::string out = "{\"bb\": \"0,0,100,100\", \"_draw_\": [";
    for (int i = 0; i < n; ++i) out += std::string(i > 0 ? "," : "") + "{\"op\": \"L\", \"points\": [[0,0],[1,1]]}";
    return out + "]}";
}

}  // namespace

TEST(ReportDrawing, ReadsGraphvizJsonInPaintOrder) {
    auto drawing = drawingFromGraphvizJson(kDataFlowJson, "Dataflyt");
    ASSERT_TRUE(drawing) << drawing.message();
    EXPECT_EQ(drawing->title, "Dataflyt");
    EXPECT_DOUBLE_EQ(drawing->width, 200);
    EXPECT_DOUBLE_EQ(drawing->height, 100);
    using Kind = DrawingShape::Kind;
    std::vector<Kind> kinds;
    for (const auto& shape : drawing->shapes) kinds.push_back(shape.kind);
    EXPECT_EQ(kinds, (std::vector<Kind>{Kind::Polygon, Kind::Polygon, Kind::Text, Kind::Ellipse, Kind::Text, Kind::Bezier, Kind::Polygon}))
        << "the graph, the zone, the node, the edge; each object's outline before its label";
    ASSERT_EQ(drawing->shapes.size(), 7u);

    const DrawingShape& background = drawing->shapes[0];
    EXPECT_TRUE(background.filled);
    EXPECT_EQ(background.fill, "#ffffff");
    EXPECT_FALSE(background.stroked) << "Graphviz's transparent pen draws no outline";

    const DrawingShape& zone = drawing->shapes[1];
    EXPECT_FALSE(zone.filled);
    EXPECT_TRUE(zone.dashed);
    EXPECT_EQ(zone.stroke, "#ff0000");
    EXPECT_EQ(zone.points, (Points{{8, 8}, {8, 92}, {130, 92}, {130, 8}}));
    EXPECT_EQ(drawing->shapes[2].text, "Sone");
    EXPECT_FALSE(drawing->shapes[2].dashed) << "the pen starts afresh for each op list";
    EXPECT_DOUBLE_EQ(drawing->shapes[2].fontSize, 14);

    const DrawingShape& node = drawing->shapes[3];
    EXPECT_FALSE(node.filled);
    EXPECT_EQ(node.stroke, "#0000ff") << "a colour by name";
    EXPECT_EQ(node.points, (Points{{69, 40}, {55, 18}})) << "the centre, then the radii";

    const DrawingShape& label = drawing->shapes[4];
    EXPECT_EQ(label.text, "Saksbehandler æøå");
    EXPECT_EQ(label.align, 'l');
    EXPECT_DOUBLE_EQ(label.fontSize, 10);
    EXPECT_EQ(label.stroke, "#000000");
    EXPECT_EQ(label.points, (Points{{20, 36.5}}));

    const DrawingShape& edge = drawing->shapes[5];
    EXPECT_FALSE(edge.filled);
    EXPECT_EQ(edge.stroke, "#333333");
    EXPECT_EQ(edge.points.size(), 4u);

    const DrawingShape& arrowhead = drawing->shapes[6];
    EXPECT_TRUE(arrowhead.filled);
    EXPECT_TRUE(arrowhead.stroked);
    EXPECT_EQ(arrowhead.fill, "#ff8800") << "the alpha left out";
    EXPECT_EQ(arrowhead.stroke, "#333333");
    EXPECT_FALSE(arrowhead.dashed);

    // A box not at the origin: everything moves so that its lower left corner is.
    std::string moved = kDataFlowJson;
    moved.replace(moved.find("\"0,0,200,100\""), 13, "\"-10,-5,190,95\"");
    auto shifted = drawingFromGraphvizJson(moved, "");
    ASSERT_TRUE(shifted) << shifted.message();
    EXPECT_DOUBLE_EQ(shifted->width, 200);
    EXPECT_DOUBLE_EQ(shifted->height, 100);
    ASSERT_EQ(shifted->shapes.size(), 7u);
    EXPECT_EQ(shifted->shapes[3].points, (Points{{79, 45}, {55, 18}})) << "the centre moves, the radii do not";
    EXPECT_EQ(shifted->shapes[4].points, (Points{{30, 41.5}}));
    EXPECT_EQ(shifted->shapes[5].points.front(), (std::pair<double, double>{134, 45}));
}

TEST(ReportDrawing, ACurveIsFilledOnlyWhenClosedUnderAFillColour) {
    // Graphviz's JSON writes an edge's open spline as "b" and a filled rounded box as "B", the
    // other way round from xdot's letters.
    const std::string input = R"({"bb": "0,0,100,100",
      "objects": [
        {"_draw_": [{"op": "c", "grad": "none", "color": "#000000"}, {"op": "C", "grad": "none", "color": "#ffff00"},
                    {"op": "B", "points": [[10,10],[10,20],[20,20],[20,10],[20,0],[10,0],[10,10]]}]},
        {"_draw_": [{"op": "c", "grad": "none", "color": "#000000"},
                    {"op": "b", "points": [[30,10],[30,20],[40,20],[40,10],[40,0],[30,0],[30,10]]}]}
      ],
      "edges": [
        {"_draw_": [{"op": "c", "grad": "none", "color": "#000000"}, {"op": "b", "points": [[50,50],[60,60],[70,60],[80,50]]}]}
      ]})";
    auto drawing = drawingFromGraphvizJson(input, "");
    ASSERT_TRUE(drawing) << drawing.message();
    ASSERT_EQ(drawing->shapes.size(), 3u);
    EXPECT_TRUE(drawing->shapes[0].filled) << "a filled rounded box";
    EXPECT_EQ(drawing->shapes[0].fill, "#ffff00");
    EXPECT_FALSE(drawing->shapes[1].filled) << "closed, but its list set no fill colour";
    EXPECT_FALSE(drawing->shapes[2].filled) << "an edge's open spline";
}

TEST(ReportDrawing, RefusesBrokenInputNamingWhere) {
    auto invalid = drawingFromGraphvizJson("{\n  \"bb\": \"0,0,10,10\",\n  \"objects\": [,]\n}", "");
    ASSERT_FALSE(invalid);
    EXPECT_TRUE(contains(invalid.message(), "3:15")) << invalid.message();

    // Raw bytes, as a \u escape cannot make invalid UTF-8.
    const std::string badText = std::string("{\"bb\": \"0,0,10,10\",\n\"_ldraw_\": [\n{\"op\": \"T\", \"pt\": [1,1], \"text\": \"Saks") +
                                "\xFF" + "behandler\"}\n]}";
    auto utf8 = drawingFromGraphvizJson(badText, "");
    ASSERT_FALSE(utf8);
    EXPECT_TRUE(contains(utf8.message(), " 3:")) << utf8.message();
    EXPECT_TRUE(contains(utf8.message(), "UTF-8")) << utf8.message();

    const std::string notPairs = "{\n  \"bb\": \"0,0,10,10\",\n  \"_draw_\": [\n    {\"op\": \"L\", \"points\": [[1,2],[3]]}\n  ]\n}";
    auto pairs = drawingFromGraphvizJson(notPairs, "");
    ASSERT_FALSE(pairs);
    EXPECT_TRUE(contains(pairs.message(), "Graphviz JSON 4:")) << pairs.message();
    EXPECT_TRUE(contains(pairs.message(), "\"points\"")) << pairs.message();
    const std::string notArray = "{\n  \"bb\": \"0,0,10,10\",\n  \"_draw_\": [\n    {\"op\": \"L\", \"points\": 5}\n  ]\n}";
    auto array = drawingFromGraphvizJson(notArray, "");
    ASSERT_FALSE(array);
    EXPECT_TRUE(contains(array.message(), "Graphviz JSON 4:")) << array.message();

    EXPECT_FALSE(drawingFromGraphvizJson(R"({"bb": "0,0,10,10", "_draw_": [{"op": "L", "points": [[0,0],[1e7,0]]}]})", ""))
        << "a coordinate far past any page";
    EXPECT_FALSE(drawingFromGraphvizJson(R"({"bb": "0,0,10,10", "_draw_": [{"op": "B", "points": [[0,0],[1,1],[2,2]]}]})", ""))
        << "a curve needs 1 + 3n points";
    EXPECT_FALSE(drawingFromGraphvizJson(R"({"_draw_": []})", "")) << "not laid out: no bb";
    EXPECT_FALSE(drawingFromGraphvizJson(R"({"bb": "0,0,ten,10"})", ""));
    EXPECT_TRUE(drawingFromGraphvizJson(R"({"bb": "0,0,10,10", "_draw_": [{"op": "I", "rect": [0,0,5,5], "name": "x.png"}]})", ""))
        << "an image is left out, not refused";
}

TEST(ReportDrawing, AtMost20000Shapes) {
    auto most = drawingFromGraphvizJson(jsonWithLines(20000), "");
    ASSERT_TRUE(most) << most.message();
    EXPECT_EQ(most->shapes.size(), 20000u);
    auto tooMany = drawingFromGraphvizJson(jsonWithLines(20001), "");
    ASSERT_FALSE(tooMany);
    EXPECT_TRUE(contains(tooMany.message(), "20000 shapes")) << tooMany.message();

    // A drawing made another way with more: 20,000 drawn and the rest counted.
    Drawing drawing = *most;
    drawing.shapes.push_back(drawing.shapes.back());
    const Document doc = withDrawing(drawing);
    const std::string html = renderHtml(doc);
    EXPECT_EQ(count(html, "<polyline "), 20000u);
    EXPECT_TRUE(contains(html, "\u2026 1 til")) << "the note in the document's language";
    const std::string content = allContent(pdfOf(doc));
    EXPECT_TRUE(contains(content, "(\x85 1 til) Tj"));
}

TEST(ReportDrawing, HtmlIsInlineSvgWithItsTextEscaped) {
    Drawing drawing = dataFlow();
    DrawingShape hostile;
    hostile.kind = DrawingShape::Kind::Text;
    hostile.points = {{100, 10}};
    hostile.text = "</svg><script>alert(1)</script>";
    hostile.stroke = "red\" onload=\"x";  // not "#rrggbb": drawn black
    drawing.shapes.push_back(hostile);
    const std::string html = renderHtml(withDrawing(drawing));
    EXPECT_EQ(count(html, "<svg class=\"drawing\""), 1u);
    EXPECT_EQ(count(html, "</svg>"), 1u);
    EXPECT_TRUE(contains(html, "viewBox=\"0 0 200 100\""));
    EXPECT_TRUE(contains(html, "<figcaption>Dataflyt &lt;sone&gt;</figcaption>"));
    EXPECT_TRUE(contains(html, ">Saksbehandler æøå</text>"));
    EXPECT_TRUE(contains(html, "text-anchor=\"start\" font-size=\"10\""));
    EXPECT_TRUE(contains(html, ">&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>"));
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_FALSE(contains(html, "onload"));
    // y turned over: the node's centre, 40 pt above the bottom, is 60 pt below the top.
    EXPECT_TRUE(contains(html, "<ellipse cx=\"69\" cy=\"60\" rx=\"55\" ry=\"18\" fill=\"none\" stroke=\"#0000ff\""));
    EXPECT_TRUE(contains(html, "stroke-dasharray=\"3 2\""));
    EXPECT_TRUE(contains(html, "fill=\"#ff8800\""));
    // Inline SVG needs nothing from the policy: still no scripts and no external resources.
    EXPECT_TRUE(contains(html, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    EXPECT_FALSE(contains(html, "http://"));
    EXPECT_FALSE(contains(html, " style=\""));
}

TEST(ReportDrawing, PdfDrawsPathsScaledDownToTheTextWidth) {
    Document doc = withDrawing(dataFlow());
    doc.title = "Trusselmodell";
    const std::string pdf = pdfOf(doc);
    EXPECT_EQ(pageCount(pdf), 1);
    const std::string content = allContent(pdf);
    EXPECT_TRUE(contains(content, " c\n")) << "Bézier curves";
    EXPECT_TRUE(contains(content, " m\n"));
    EXPECT_TRUE(contains(content, "h\nB Q\n")) << "the arrowhead closed, filled and outlined";
    EXPECT_TRUE(contains(content, "[3 2] 0 d")) << "the zone's dashed border";
    EXPECT_TRUE(contains(content, " 200 100 re W n")) << "clipped to its box, and not enlarged";
    EXPECT_TRUE(contains(content, "(Saksbehandler \xE6\xF8\xE5) Tj"));
    EXPECT_TRUE(contains(content, "(Dataflyt <sone>) Tj")) << "the title above it";
    expectInsideTextArea(pdf);

    // Wider than the page but not by much: scaled to its 483 pt text width, the aspect kept.
    Drawing wide;
    wide.title = "Bred";
    wide.width = 600;
    wide.height = 300;
    DrawingShape line;
    line.kind = DrawingShape::Kind::Polyline;
    line.points = {{0, 0}, {600, 300}};
    wide.shapes.push_back(line);
    const std::string widePdf = pdfOf(withDrawing(wide));
    EXPECT_EQ(pageCount(widePdf), 1);
    const std::string wideContent = allContent(widePdf);
    EXPECT_TRUE(contains(wideContent, "56 527 483 241.5 re W n")) << wideContent;
    EXPECT_TRUE(contains(wideContent, "539 768.5 l\n")) << "the line ends at the right margin";
    EXPECT_FALSE(contains(wideContent, " cm ")) << "upright";

    // Four times wider than high: upright it would shrink to 0.24; turned a quarter it runs down
    // the page at 0.356 (712.5 pt, to the bottom margin), its top towards the left margin.
    Drawing banner = wide;
    banner.width = 2000;
    banner.height = 500;
    banner.shapes.front().points = {{0, 0}, {2000, 500}};
    const std::string bannerPdf = pdfOf(withDrawing(banner));
    EXPECT_EQ(pageCount(bannerPdf), 1);
    const std::string bannerContent = allContent(bannerPdf);
    EXPECT_TRUE(contains(bannerContent, "q 0 1 -1 0 234.12 56 cm 0 0 712.5 178.12 re W n")) << bannerContent;
    EXPECT_TRUE(contains(bannerContent, "712.5 178.12 l\n"));

    // Taller than a page: scaled to fit one.
    Drawing tall;
    tall.width = 100;
    tall.height = 5000;
    line.points = {{0, 0}, {100, 5000}};
    tall.shapes.push_back(line);
    const std::string tallPdf = pdfOf(withDrawing(tall));
    EXPECT_EQ(pageCount(tallPdf), 1);
    EXPECT_TRUE(contains(allContent(tallPdf), "56 56 14.6 730 re W n"));
}

TEST(ReportDrawing, OdtHasItAsAnSvgPicture) {
    Document doc;
    doc.blocks.emplace_back(std::in_place_type<Heading>, 1, "Trusselmodell");
    doc.blocks.emplace_back(std::in_place_type<Drawing>, dataFlow());
    auto entries = zip::read(renderOdt(doc));
    ASSERT_TRUE(entries) << entries.message();
    ASSERT_FALSE(entries->empty());
    EXPECT_EQ((*entries)[0].name, "mimetype");
    const zip::Entry* picture = entryNamed(*entries, "Pictures/drawing1.svg");
    ASSERT_NE(picture, nullptr);
    EXPECT_EQ(picture->data.rfind("<?xml", 0), 0u);
    EXPECT_TRUE(contains(picture->data, "xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_TRUE(contains(picture->data, ">Saksbehandler æøå</text>"));
    const std::string manifest = entryNamed(*entries, "META-INF/manifest.xml")->data;
    EXPECT_TRUE(contains(manifest, "manifest:full-path=\"Pictures/drawing1.svg\" manifest:media-type=\"image/svg+xml\""));
    const std::string content = entryNamed(*entries, "content.xml")->data;
    EXPECT_TRUE(contains(content, "xmlns:draw=\""));
    EXPECT_TRUE(contains(content, "xmlns:xlink=\""));
    EXPECT_TRUE(contains(content, "<draw:image xlink:href=\"Pictures/drawing1.svg\""));
    EXPECT_TRUE(contains(content, "svg:width=\"7.06cm\" svg:height=\"3.53cm\"")) << "200 × 100 pt, not enlarged";
    EXPECT_TRUE(contains(content, "text:outline-level=\"2\">Dataflyt &lt;sone&gt;</text:h>")) << "its title below the heading";

    Drawing wide;
    wide.width = 2000;
    wide.height = 500;
    auto wideEntries = zip::read(renderOdt(withDrawing(wide)));
    ASSERT_TRUE(wideEntries) << wideEntries.message();
    EXPECT_TRUE(contains(entryNamed(*wideEntries, "content.xml")->data, "svg:width=\"17cm\" svg:height=\"4.25cm\""))
        << "scaled to the 17 cm text width";
}

TEST(ReportDrawing, TheTabularExportsSkipIt) {
    Document doc = withDrawing(dataFlow());
    doc.language = "en";
    const xlsx::Workbook book = toWorkbook(doc);
    ASSERT_EQ(book.sheets.size(), 1u);
    EXPECT_EQ(book.sheets[0].name, "About");
    EXPECT_EQ(toCsv(doc), "");
}
