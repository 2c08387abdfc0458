// The report formats beyond HTML and PDF basics (test_document.cpp): charts in HTML and PDF, the
// PDF's document information, ODT, and the tables as XLSX and CSV, checked as a user would:
// unzip it, read the sheets, find the text.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "core/base/csv.h"
#include "core/base/xlsx.h"
#include "core/base/zip.h"
#include "reports/document.h"
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
