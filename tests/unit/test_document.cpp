#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "reports/document.h"
#include "reports/pdf.h"

using namespace vakt;
using namespace vakt::reports;

namespace {

Document minutes() {
    Document doc;
    doc.title = "Møtereferat CAB 2024-05-02";
    doc.blocks = {
        Heading{1, "Endringer til behandling"},
        Paragraph{"Møtet ble holdt på Teams. Alle endringer er vurdert mot ROS-analysen."},
        KeyValues{{{"Møtedato", "2. mai 2024"}, {"Ordstyrer", "Åse Ødegård"}}},
        Table{{"Nr", "Endring", "Beslutning"}, {{"CHG-1", "Oppgradere brannmur", "Godkjent"}, {"CHG-2", "Ny VPN", "Utsatt"}}},
        BulletList{{"Neste møte 16. mai", "Referatet sendes til arkivet"}},
    };
    doc.footer = {{"Signert av", "Kari Nordmann"}, {"SHA-256", "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"}};
    return doc;
}

std::string pdfOf(const Document& doc) {
    auto r = renderPdf(doc);
    EXPECT_TRUE(r) << r.message();
    return r ? *r : std::string();
}

bool startsWith(const std::string& s, std::size_t at, const std::string& prefix) { return s.compare(at, prefix.size(), prefix) == 0; }

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
    return n;
}

// Every object the xref table lists starts at its offset; returns the number of objects.
std::size_t checkXref(const std::string& pdf) {
    const auto marker = pdf.rfind("startxref\n");
    EXPECT_NE(marker, std::string::npos);
    if (marker == std::string::npos) return 0;
    const std::size_t xref = std::strtoull(pdf.c_str() + marker + 10, nullptr, 10);
    EXPECT_TRUE(startsWith(pdf, xref, "xref\n0 ")) << xref;
    char* end = nullptr;
    const std::size_t size = std::strtoull(pdf.c_str() + xref + 7, &end, 10);
    EXPECT_EQ(*end, '\n');
    const std::size_t entries = static_cast<std::size_t>(end - pdf.c_str()) + 1;
    EXPECT_EQ(pdf.substr(entries, 20), "0000000000 65535 f \n");
    for (std::size_t n = 1; n < size; ++n) {
        const std::string entry = pdf.substr(entries + 20 * n, 20);
        EXPECT_EQ(entry.substr(10), " 00000 n \n") << n;
        const std::size_t offset = std::strtoull(entry.c_str(), nullptr, 10);
        EXPECT_TRUE(startsWith(pdf, offset, std::to_string(n) + " 0 obj\n")) << "object " << n << " at " << offset;
    }
    EXPECT_TRUE(startsWith(pdf, entries + 20 * size, "trailer\n<< /Size " + std::to_string(size) + " /Root 1 0 R /Info 5 0 R >>"));
    return size - 1;
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
        const std::size_t start = at + 10;
        EXPECT_TRUE(startsWith(pdf, start + length, "\nendstream\nendobj\n"));
        streams.push_back(pdf.substr(start, length));
    }
    return streams;
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
        EXPECT_EQ(std::string(p, 4), " Tf ");
        s.x = std::strtod(p + 4, &p);
        s.y = std::strtod(p, &p);
        EXPECT_EQ(std::string(p, 5), " Td (");
        std::size_t i = static_cast<std::size_t>(p - stream.c_str()) + 5;
        for (; stream[i] != ')'; ++i) {
            if (stream[i] == '\\') ++i;
            s.text += stream[i];
        }
        EXPECT_EQ(stream.substr(i, 8), ") Tj ET\n");
        shown.push_back(std::move(s));
        pos = i;
    }
    return shown;
}

// No text starts left of the margin or runs past the right one.
void expectInsideTextArea(const std::string& pdf) {
    for (const auto& stream : contentStreams(pdf))
        for (const auto& s : shownText(stream)) {
            EXPECT_GE(s.x, 56 - 0.01) << s.text;
            EXPECT_LE(s.x + textWidth(s.text, s.bold, s.size), 595 - 56 + 0.01) << s.text;
            EXPECT_GE(s.y, 20) << s.text;
            EXPECT_LE(s.y, 842 - 56) << s.text;
        }
}

std::string allContent(const std::string& pdf) {
    std::string all;
    for (const auto& s : contentStreams(pdf)) all += s;
    return all;
}

}  // namespace

TEST(DocumentHtml, HostileTextShowsAsText) {
    Document doc;
    doc.title = "<script>alert('x')</script>";
    doc.language = "nb\"><script>";
    doc.blocks = {Paragraph{"Tom & Jerry \"<img src=x onerror=alert(1)>\""},
                  Table{{"<b>"}, {{"</td></table><script>x</script>"}}},
                  KeyValues{{{"<k>", "<v>"}}},
                  BulletList{{"<li>"}}};
    doc.footer = {{"Signert av", "<i>Ola</i>"}};
    const std::string html = renderHtml(doc);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_EQ(html.find("<i>"), std::string::npos);
    EXPECT_NE(html.find("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</title>"), std::string::npos);
    EXPECT_NE(html.find("Tom &amp; Jerry &quot;&lt;img src=x onerror=alert(1)&gt;&quot;"), std::string::npos);
    EXPECT_NE(html.find("<html lang=\"nb&quot;&gt;&lt;script&gt;\">"), std::string::npos);
}

TEST(DocumentHtml, IsAStandalonePageAndDeterministic) {
    const Document doc = minutes();
    const std::string html = renderHtml(doc);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"nb\">", 0), 0u);
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(html.find("<style>"), std::string::npos);
    EXPECT_NE(html.find("<h1>Møtereferat CAB 2024-05-02</h1>"), std::string::npos);
    EXPECT_NE(html.find("<th>Beslutning</th>"), std::string::npos);
    EXPECT_NE(html.find("<dt>Ordstyrer</dt><dd>Åse Ødegård</dd>"), std::string::npos);
    EXPECT_NE(html.find("<footer>"), std::string::npos);
    EXPECT_EQ(html.find("http://"), std::string::npos);
    EXPECT_EQ(html.find("https://"), std::string::npos);
    EXPECT_EQ(html, renderHtml(minutes()));
}

TEST(DocumentHtml, InvalidUtf8AndControlsDoNotPassThrough) {
    // An overlong '<' (C0 BC), a lone continuation byte and a truncated sequence.
    EXPECT_EQ(escapeHtml("a\xC0\xBC" "b\x80" "c\xE2\x82"), "a\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFD");
    EXPECT_EQ(escapeHtml("x\x01y\r\n"), "xy\n");
    EXPECT_EQ(escapeHtml("æ😀"), "æ😀");
}

TEST(DocumentPdf, StructureIsValid) {
    const std::string pdf = pdfOf(minutes());
    EXPECT_EQ(pdf.rfind("%PDF-1.4\n", 0), 0u);
    ASSERT_GE(pdf.size(), 6u);
    EXPECT_EQ(pdf.substr(pdf.size() - 6), "%%EOF\n");
    const std::size_t objects = checkXref(pdf);
    const int pages = pageCount(pdf);
    EXPECT_EQ(pages, 1);
    EXPECT_EQ(count(pdf, "/Type /Page "), static_cast<std::size_t>(pages));
    EXPECT_EQ(objects, 5u + 2u * static_cast<std::size_t>(pages));
    EXPECT_NE(pdf.find("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"), std::string::npos);
    EXPECT_NE(pdf.find("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"), std::string::npos);
    EXPECT_NE(pdf.find("/MediaBox [0 0 595 842]"), std::string::npos);
    EXPECT_NE(pdf.find("/Producer (Vakt)"), std::string::npos);
    EXPECT_NE(pdf.find("/Title <FEFF004D00F8"), std::string::npos);  // "Mø" in UTF-16BE
    EXPECT_EQ(pdf.find("/CreationDate"), std::string::npos);
    EXPECT_EQ(contentStreams(pdf).size(), static_cast<std::size_t>(pages));
    const std::string content = allContent(pdf);
    EXPECT_NE(content.find("(Side 1 av 1) Tj"), std::string::npos);
    EXPECT_NE(content.find("(\x95) Tj"), std::string::npos);              // a bullet
    EXPECT_NE(content.find("/F2 10 Tf 56 "), std::string::npos);          // a bold key at the margin
    EXPECT_NE(content.find("(\xC5se \xD8" "deg\xE5rd) Tj"), std::string::npos);
    expectInsideTextArea(pdf);
}

TEST(DocumentPdf, LongTableSpansPagesWithRepeatedHeaderAndPageLabels) {
    Document doc;
    doc.title = "Endringslogg";
    Table table{{"Nr", "Beskrivelse", "Risiko", "Ansvarlig"}, {}};
    for (int i = 1; i <= 300; ++i)
        table.rows.push_back({"CHG-" + std::to_string(i),
                              "Oppgradering av brannmurens regelsett for sone " + std::to_string(i) +
                                  " med tilhørende testing, tilbakerulling og varsling til berørte tjenesteeiere",
                              i % 2 ? "Lav" : "Middels – krever godkjenning fra CAB", "Åse Ødegård"});
    doc.blocks = {table};
    const std::string pdf = pdfOf(doc);
    checkXref(pdf);
    const int pages = pageCount(pdf);
    ASSERT_GT(pages, 3);
    EXPECT_EQ(count(pdf, "/Type /Page "), static_cast<std::size_t>(pages));
    const auto streams = contentStreams(pdf);
    ASSERT_EQ(streams.size(), static_cast<std::size_t>(pages));
    for (int i = 0; i < pages; ++i) {
        const std::string label = "(Side " + std::to_string(i + 1) + " av " + std::to_string(pages) + ") Tj";
        EXPECT_NE(streams[static_cast<std::size_t>(i)].find(label), std::string::npos) << label;
        EXPECT_NE(streams[static_cast<std::size_t>(i)].find("(Beskrivelse) Tj"), std::string::npos) << "header on page " << i + 1;
        EXPECT_NE(streams[static_cast<std::size_t>(i)].find("(Endringslogg) Tj"), std::string::npos) << "title in footer";
    }
    const std::string content = allContent(pdf);
    EXPECT_NE(content.find("(CHG-300) Tj"), std::string::npos);
    EXPECT_GT(count(content, " l S Q"), 300u);  // rules between rows
    expectInsideTextArea(pdf);
}

TEST(DocumentPdf, NorwegianTextIsWinAnsi) {
    EXPECT_EQ(toWinAnsi("æøåÆØÅéü«»–—…€"), "\xE6\xF8\xE5\xC6\xD8\xC5\xE9\xFC\xAB\xBB\x96\x97\x85\x80");
    EXPECT_EQ(toWinAnsi("a\u030A O\u0308"), "\xE5 \xD6");  // decomposed, as macOS writes it
    EXPECT_EQ(toWinAnsi("1\u202F000\tkr\r\n"), "1\xA0" "000 kr\n");
    EXPECT_EQ(toWinAnsi("\u2192 \xFF"), "? ?");  // outside cp1252, and invalid UTF-8
    Document doc;
    doc.blocks = {Paragraph{"Møte"}};
    const std::string content = allContent(pdfOf(doc));
    EXPECT_NE(content.find("(M\xF8te) Tj"), std::string::npos);
}

TEST(DocumentPdf, ParenthesesAndBackslashAreEscaped) {
    Document doc;
    doc.blocks = {Paragraph{"a (b) c\\d )( \\"}};
    const std::string pdf = pdfOf(doc);
    EXPECT_NE(allContent(pdf).find("(a \\(b\\) c\\\\d \\)\\( \\\\) Tj"), std::string::npos);
    checkXref(pdf);
}

TEST(DocumentPdf, EmojiBecomesQuestionMark) {
    Document doc;
    doc.blocks = {Paragraph{"Godkjent 😀!"}};
    EXPECT_NE(allContent(pdfOf(doc)).find("(Godkjent ?!) Tj"), std::string::npos);
}

TEST(DocumentPdf, AWordLongerThanALineIsBroken) {
    Document doc;
    const std::string word(600, 'W');
    doc.title = std::string(300, 'M');
    doc.blocks = {Heading{1, word}, Paragraph{"Se " + word + " og " + std::string(400, 'i')},
                  BulletList{{word}}, KeyValues{{{word, word}}},
                  Table{{"Kort", word}, {{word, "x"}, {"y", "https://example.org/" + word}}}};
    doc.footer = {{"SHA-256", std::string(64, 'f') + std::string(64, '0')}};
    const std::string pdf = pdfOf(doc);
    checkXref(pdf);
    std::size_t pieces = 0;
    for (const auto& stream : contentStreams(pdf))
        for (const auto& s : shownText(stream))
            if (s.text.find("WWWW") != std::string::npos) ++pieces;
    EXPECT_GT(pieces, 20u);
    expectInsideTextArea(pdf);
}

TEST(DocumentPdf, SameDocumentSameBytes) {
    const std::string first = pdfOf(minutes());
    EXPECT_EQ(first, pdfOf(minutes()));
    Document other = minutes();
    other.footer[0].second = "Ola Nordmann";
    EXPECT_NE(first, pdfOf(other));
}

TEST(DocumentPdf, EmptyDocumentIsOneValidPage) {
    Document doc;
    doc.language = "en";
    const std::string pdf = pdfOf(doc);
    EXPECT_EQ(pdf.rfind("%PDF-1.4\n", 0), 0u);
    EXPECT_EQ(pdf.substr(pdf.size() - 6), "%%EOF\n");
    EXPECT_EQ(checkXref(pdf), 7u);
    EXPECT_EQ(pageCount(pdf), 1);
    EXPECT_EQ(count(pdf, "/Type /Page "), 1u);
    EXPECT_NE(allContent(pdf).find("(Page 1 of 1) Tj"), std::string::npos);
    EXPECT_EQ(pdf.find("/Title"), std::string::npos);
}

TEST(DocumentPdf, PageLabelFollowsTheLanguage) {
    EXPECT_EQ(pageLabel("nb", 2, 7), "Side 2 av 7");
    EXPECT_EQ(pageLabel("nn-NO", 1, 1), "Side 1 av 1");
    EXPECT_EQ(pageLabel("en", 3, 4), "Page 3 of 4");
    EXPECT_EQ(pageLabel("", 1, 2), "Page 1 of 2");
}

TEST(DocumentPdf, WorkIsBounded) {
    // Blank lines fill pages with next to no bytes, so the page bound is reached before the size bound.
    Document blank;
    blank.blocks = {Paragraph{std::string(130'000, '\n') + "slutt"}};
    auto pages = renderPdf(blank);
    ASSERT_FALSE(pages);
    EXPECT_EQ(pages.message(), "document: more than 2000 pages");

    Document text;
    std::string words;
    for (int i = 0; i < 60; ++i) words += " endring";
    for (int i = 0; i < 10'000; ++i) text.blocks.push_back(Paragraph{"Avsnitt " + std::to_string(i) + words});
    auto bytes = renderPdf(text);
    ASSERT_FALSE(bytes);
    EXPECT_NE(bytes.message().find("larger than 5242880 bytes"), std::string::npos) << bytes.message();

    auto small = renderPdf(minutes(), PdfLimits{1, 1'000'000});
    EXPECT_TRUE(small) << small.message();
    Document two = minutes();
    two.blocks.push_back(Paragraph{std::string(100, '\n') + "x"});
    auto tooMany = renderPdf(two, PdfLimits{1, 1'000'000});
    ASSERT_FALSE(tooMany);
    EXPECT_EQ(tooMany.message(), "document: more than 1 pages");
}

TEST(DocumentPdf, TooManyColumnsIsAnError) {
    Document doc;
    doc.blocks = {Table{std::vector<std::string>(60, "k"), {}}};
    auto r = renderPdf(doc);
    ASSERT_FALSE(r);
    EXPECT_NE(r.message().find("60 columns"), std::string::npos) << r.message();
}
