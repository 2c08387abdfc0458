#include "reports/odt.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <set>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/base/zip.h"
#include "reports/render_support.h"

namespace vakt::reports {

namespace {

constexpr std::string_view kMimeType = "application/vnd.oasis.opendocument.text";
constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view kNamespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";

constexpr std::string_view kFontFaces =
    "<office:font-face-decls><style:font-face style:name=\"Liberation Sans\" svg:font-family=\"&apos;Liberation Sans&apos;\""
    " style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/></office:font-face-decls>\n";

// XML 1.0 forbids most C0 controls, U+FFFE and U+FFFF; C1 controls are allowed but never meant.
// Tab and line feed are kept for the callers to turn into markup. A CR (of CRLF) goes.
bool allowed(char32_t cp) {
    if (cp < 0x20) return cp == '\t' || cp == '\n';
    if (cp >= 0x7F && cp < 0xA0) return false;
    return cp != 0xFFFE && cp != 0xFFFF;
}

void appendEscaped(std::string& out, char32_t cp) {
    switch (cp) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: detail::appendUtf8(out, cp);
    }
}

// Character data for meta.xml: escaped, invalid UTF-8 as U+FFFD, forbidden characters left out.
std::string xmlText(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = nextCodePoint(utf8, pos);
        if (allowed(cp)) appendEscaped(out, cp);
    }
    return out;
}

// The inside of a paragraph. ODF collapses white space, so a space that is not the first after a
// character is written as <text:s/>, '\n' as <text:line-break/> and a tab as <text:tab/>.
std::string inlineText(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    std::size_t spaces = 0;  // waiting to be written as <text:s/>
    bool literal = false;    // a plain space would be kept here
    auto flush = [&]() {
        if (spaces == 0) return;
        out += spaces == 1 ? std::string("<text:s/>") : "<text:s text:c=\"" + std::to_string(spaces) + "\"/>";
        spaces = 0;
    };
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = nextCodePoint(utf8, pos);
        if (cp == ' ') {
            if (literal) out += ' ';
            else ++spaces;
            literal = false;
            continue;
        }
        if (!allowed(cp)) continue;
        flush();
        if (cp == '\n') {
            out += "<text:line-break/>";
            literal = false;
        } else if (cp == '\t') {
            out += "<text:tab/>";
            literal = false;
        } else {
            appendEscaped(out, cp);
            literal = true;
        }
    }
    flush();
    return out;
}

// fo:language and fo:country from a BCP 47 tag ("nb-NO", "en"); nothing for anything else.
std::string languageAttributes(std::string_view language) {
    const auto dash = language.find_first_of("-_");
    std::string primary(language.substr(0, dash)), region;
    if (dash != std::string_view::npos) region = std::string(language.substr(dash + 1, 2));
    auto letters = [](const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
    };
    if (primary.size() < 2 || primary.size() > 3 || !letters(primary)) return {};
    for (char& c : primary)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (region.size() != 2 || !letters(region)) region = detail::norwegian(primary) ? "NO" : "";
    for (char& c : region)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    std::string out = " fo:language=\"" + primary + "\"";
    if (!region.empty()) out += " fo:country=\"" + region + "\"";
    return out;
}

// `pictures`: the drawings' SVG files in the package ("Pictures/drawing1.svg").
std::string manifestXml(const std::vector<zip::Entry>& pictures) {
    std::string out = std::string(kXmlDeclaration) +
                      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
                      " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"" +
                      std::string(kMimeType) +
                      "\"/>\n"
                      " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
                      " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
                      " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n";
    for (const auto& picture : pictures)
        out += " <manifest:file-entry manifest:full-path=\"" + picture.name + "\" manifest:media-type=\"image/svg+xml\"/>\n";
    return out + "</manifest:manifest>\n";
}

std::string metaXml(const Document& doc) {
    std::string out = std::string(kXmlDeclaration) + "<office:document-meta" + std::string(kNamespaces) +
                      " office:version=\"1.2\"><office:meta>\n<meta:generator>Vakt</meta:generator>\n";
    auto element = [&](std::string_view name, std::string_view value) {
        if (!value.empty()) out += "<" + std::string(name) + ">" + xmlText(value) + "</" + std::string(name) + ">\n";
    };
    element("dc:title", doc.title);
    element("dc:subject", doc.subject);
    // One meta:keyword per keyword: "Vakt, NSM; ROS" is three.
    for (std::size_t start = 0; start < doc.keywords.size();) {
        auto end = doc.keywords.find_first_of(",;", start);
        if (end == std::string::npos) end = doc.keywords.size();
        std::string_view keyword = std::string_view(doc.keywords).substr(start, end - start);
        while (!keyword.empty() && (keyword.front() == ' ' || keyword.front() == '\t')) keyword.remove_prefix(1);
        while (!keyword.empty() && (keyword.back() == ' ' || keyword.back() == '\t')) keyword.remove_suffix(1);
        element("meta:keyword", keyword);
        start = end + 1;
    }
    element("meta:initial-creator", doc.author);
    element("dc:creator", doc.author);
    if (detail::validUtcTimestamp(doc.createdUtc)) {
        element("meta:creation-date", doc.createdUtc);
        element("dc:date", doc.createdUtc);
    }
    if (!languageAttributes(doc.language).empty()) element("dc:language", doc.language);
    return out + "</office:meta></office:document-meta>\n";
}

std::string stylesXml(const Document& doc) {
    const bool nb = detail::norwegian(doc.language);
    std::string out = std::string(kXmlDeclaration) + "<office:document-styles" + std::string(kNamespaces) + " office:version=\"1.2\">\n";
    out += kFontFaces;
    out += "<office:styles>\n";
    out += "<style:default-style style:family=\"paragraph\"><style:text-properties style:font-name=\"Liberation Sans\""
           " fo:font-size=\"10.5pt\"" + languageAttributes(doc.language) +
           " style:font-name-asian=\"Liberation Sans\" style:font-name-complex=\"Liberation Sans\"/></style:default-style>\n";
    out += "<style:default-style style:family=\"table\"><style:table-properties table:border-model=\"collapsing\"/></style:default-style>\n";
    out += "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n";
    out += "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\""
           " style:parent-style-name=\"Standard\" style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0cm\""
           " fo:margin-bottom=\"0.2cm\" fo:line-height=\"115%\"/></style:style>\n";
    out += "<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\""
           " style:next-style-name=\"Text_20_body\" style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0.42cm\""
           " fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/><style:text-properties fo:font-weight=\"bold\""
           " style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/></style:style>\n";
    out += "<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Heading\""
           " style:next-style-name=\"Text_20_body\" style:class=\"chapter\"><style:paragraph-properties fo:margin-top=\"0cm\""
           " fo:margin-bottom=\"0.4cm\"/><style:text-properties fo:font-size=\"18pt\"/></style:style>\n";
    static constexpr const char* kHeadingSizes[] = {"14pt", "12pt", "11pt"};
    for (int level = 1; level <= 3; ++level) {
        const std::string n = std::to_string(level);
        out += "<style:style style:name=\"Heading_20_" + n + "\" style:display-name=\"Heading " + n +
               "\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:next-style-name=\"Text_20_body\""
               " style:default-outline-level=\"" + n + "\" style:class=\"text\"><style:text-properties fo:font-size=\"" +
               kHeadingSizes[level - 1] + "\"/></style:style>\n";
    }
    out += "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\""
           " style:parent-style-name=\"Standard\" style:class=\"extra\"><style:text-properties fo:font-size=\"9.5pt\"/></style:style>\n";
    out += "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\""
           " style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\"><style:text-properties fo:font-weight=\"bold\""
           " style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/></style:style>\n";
    out += "<style:style style:name=\"List\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\""
           " style:list-style-name=\"List_20_1\" style:class=\"list\"><style:paragraph-properties fo:margin-bottom=\"0.1cm\"/></style:style>\n";
    out += "<style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
           "<style:paragraph-properties fo:text-align=\"end\"/><style:text-properties fo:font-size=\"8pt\"/></style:style>\n";
    out += "<text:outline-style style:name=\"Outline\">";
    for (int level = 1; level <= 3; ++level)
        out += "<text:outline-level-style text:level=\"" + std::to_string(level) + "\" style:num-format=\"\"/>";
    out += "</text:outline-style>\n";
    out += "<text:list-style style:name=\"List_20_1\" style:display-name=\"List 1\"><text:list-level-style-bullet text:level=\"1\""
           " text:bullet-char=\"\xE2\x80\xA2\"><style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
           "<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"0.64cm\""
           " fo:text-indent=\"-0.64cm\" fo:margin-left=\"0.64cm\"/></style:list-level-properties></text:list-level-style-bullet>"
           "</text:list-style>\n";
    out += "</office:styles>\n";
    out += "<office:automatic-styles><style:page-layout style:name=\"PageLayout\"><style:page-layout-properties fo:page-width=\"21cm\""
           " fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" fo:margin-bottom=\"1.5cm\""
           " fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/><style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\""
           " fo:margin-top=\"0.4cm\"/></style:footer-style></style:page-layout></office:automatic-styles>\n";
    out += "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"PageLayout\"><style:footer>"
           "<text:p text:style-name=\"Footer\">" + std::string(nb ? "Side " : "Page ") +
           "<text:page-number text:select-page=\"current\">1</text:page-number>" + std::string(nb ? " av " : " of ") +
           "<text:page-count>1</text:page-count></text:p></style:footer></style:master-page></office:master-styles>\n";
    return out + "</office:document-styles>\n";
}

// The cell styles of a heat map: eleven steps from red to green, and grey for a missing value.
std::string heatStyle(std::optional<double> value) {
    return value ? "VaktHeat" + std::to_string(std::lround(*value * 10)) : std::string("VaktHeatMissing");
}

std::string cellStyle(std::string_view name, std::string_view background, std::string_view padding, std::string_view border) {
    std::string out = "<style:style style:name=\"" + std::string(name) + "\" style:family=\"table-cell\"><style:table-cell-properties";
    if (!background.empty()) out += " fo:background-color=\"" + std::string(background) + "\"";
    return out + " fo:padding=\"" + std::string(padding) + "\" fo:border=\"" + std::string(border) + "\"/></style:style>\n";
}

// The longest line of the text in characters, counted up to 40: a column's share of the width.
std::size_t longestLine(std::string_view utf8) {
    std::size_t longest = 0, current = 0;
    for (std::size_t pos = 0; pos < utf8.size() && longest < 40;) {
        if (utf8[pos] == '\n') {
            current = 0;
            ++pos;
            continue;
        }
        nextCodePoint(utf8, pos);
        longest = std::max(longest, ++current);
    }
    return longest;
}

std::string columnStyleName(int millimetres) { return "VaktColumn" + std::to_string(millimetres); }

// `drawings`: the frame style of the drawings' pictures, set in the line like a character.
std::string automaticStyles(const std::set<int>& columnWidths, bool drawings) {
    std::string out = "<office:automatic-styles>\n";
    if (drawings)
        out += "<style:style style:name=\"VaktDrawing\" style:family=\"graphic\"><style:graphic-properties style:vertical-pos=\"top\""
               " style:vertical-rel=\"baseline\" fo:border=\"none\" fo:padding=\"0cm\"/></style:style>\n";
    for (const int mm : columnWidths)
        out += "<style:style style:name=\"" + columnStyleName(mm) + "\" style:family=\"table-column\"><style:table-column-properties"
               " style:column-width=\"" + std::to_string(mm) + "mm\"/></style:style>\n";
    out += "<style:style style:name=\"VaktTable\" style:family=\"table\"><style:table-properties style:width=\"17cm\" table:align=\"margins\""
           " fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.3cm\"/></style:style>\n";
    out += "<style:style style:name=\"VaktKeyColumn\" style:family=\"table-column\"><style:table-column-properties"
           " style:column-width=\"5.5cm\"/></style:style>\n";
    out += "<style:style style:name=\"VaktValueColumn\" style:family=\"table-column\"><style:table-column-properties"
           " style:column-width=\"11.5cm\"/></style:style>\n";
    out += "<style:style style:name=\"VaktSmall\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\">"
           "<style:text-properties fo:font-size=\"8pt\"/></style:style>\n";
    out += "<style:style style:name=\"VaktSmallBold\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Heading\">"
           "<style:text-properties fo:font-size=\"8pt\"/></style:style>\n";
    constexpr std::string_view kBorder = "0.5pt solid #000000";
    out += cellStyle("VaktCell", {}, "0.1cm", kBorder);
    out += cellStyle("VaktHeaderCell", "#e6e6e6", "0.1cm", kBorder);
    out += cellStyle("VaktKeyCell", {}, "0.05cm", "none");
    for (int step = 0; step <= 10; ++step)
        out += cellStyle("VaktHeat" + std::to_string(step), detail::hexColour(detail::heatColour(step / 10.0)), "0.05cm", kBorder);
    out += cellStyle("VaktHeatMissing", detail::hexColour(detail::heatColour(std::nullopt)), "0.05cm", kBorder);
    return out + "</office:automatic-styles>\n";
}

constexpr std::string_view kBold = "Table_20_Heading", kSmall = "VaktSmall", kSmallBold = "VaktSmallBold";

class Writer {
public:
    explicit Writer(const Document& doc) : doc_(doc) {}

    // The drawings' SVG files, once content() has been written.
    std::vector<zip::Entry>& pictures() { return pictures_; }

    std::string content() {
        if (!doc_.title.empty()) paragraph("Title", doc_.title);
        for (const auto& block : doc_.blocks) std::visit([&](const auto& b) { write(b); }, block);
        if (!doc_.footer.empty()) keyValues(doc_.footer);
        return std::string(kXmlDeclaration) + "<office:document-content" + std::string(kNamespaces) + " office:version=\"1.2\">\n" +
               std::string(kFontFaces) + automaticStyles(columnWidths_, !pictures_.empty()) + "<office:body><office:text>\n" + body_ +
               "</office:text></office:body></office:document-content>\n";
    }

private:
    void paragraph(std::string_view style, std::string_view text) {
        body_ += "<text:p text:style-name=\"" + std::string(style) + "\">" + inlineText(text) + "</text:p>\n";
    }

    void heading(int level, std::string_view text) {
        const std::string n = std::to_string(level);
        body_ += "<text:h text:style-name=\"Heading_20_" + n + "\" text:outline-level=\"" + n + "\">" + inlineText(text) + "</text:h>\n";
    }

    // Column widths from each column's longest line: when all fit on one line they are widened
    // to the 170 mm text width; otherwise columns that fit an even share keep their width and the
    // others share the rest by length. An empty `longest` gives the key–value pair's columns.
    // `small`: the heat map's 8 pt text.
    void openTable(const std::vector<std::size_t>& longest, bool small = false) {
        body_ += "<table:table table:name=\"" + std::string(detail::norwegian(doc_.language) ? "Tabell" : "Table") + std::to_string(++tables_) +
                 "\" table:style-name=\"VaktTable\">\n";
        if (longest.empty()) {
            body_ += "<table:table-column table:style-name=\"VaktKeyColumn\"/><table:table-column table:style-name=\"VaktValueColumn\"/>\n";
            return;
        }
        constexpr double kAvailable = 170;
        const double perCharacter = small ? 1.5 : 1.8;  // mm, an average character at 8 and 9.5 pt
        std::vector<double> natural, width(longest.size(), 0);
        double naturalSum = 0;
        for (const std::size_t n : longest) {
            natural.push_back(static_cast<double>(std::clamp<std::size_t>(n, 2, 40)) * perCharacter + 3);
            naturalSum += natural.back();
        }
        const double even = kAvailable / static_cast<double>(natural.size());
        double fixedSum = 0, freeNatural = 0;
        for (std::size_t c = 0; c < natural.size(); ++c) {
            if (naturalSum <= kAvailable) {
                width[c] = natural[c] * kAvailable / naturalSum;
            } else if (natural[c] <= even) {
                width[c] = natural[c];
                fixedSum += width[c];
            } else {
                freeNatural += natural[c];
            }
        }
        for (std::size_t c = 0; c < natural.size(); ++c)
            if (width[c] == 0) width[c] = natural[c] * (kAvailable - fixedSum) / freeNatural;
        for (const double w : width) {
            const int mm = std::max(6, static_cast<int>(std::lround(w)));
            columnWidths_.insert(mm);
            body_ += "<table:table-column table:style-name=\"" + columnStyleName(mm) + "\"/>";
        }
        body_ += "\n";
    }

    void cell(std::string_view text, std::string_view style, std::string_view paragraphStyle = "Table_20_Contents") {
        body_ += "<table:table-cell table:style-name=\"" + std::string(style) + "\" office:value-type=\"string\"><text:p text:style-name=\"" +
                 std::string(paragraphStyle) + "\">" + inlineText(text) + "</text:p></table:table-cell>";
    }

    // A table with a repeated bold header row (when `header` has cells) and rows as wide as it.
    void grid(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
        std::size_t columns = header.size();
        for (const auto& row : rows) columns = std::max(columns, row.size());
        if (columns == 0) return;
        std::vector<std::size_t> longest(columns, 0);
        for (std::size_t c = 0; c < header.size(); ++c) longest[c] = longestLine(header[c]);
        for (const auto& row : rows)
            for (std::size_t c = 0; c < row.size(); ++c) longest[c] = std::max(longest[c], longestLine(row[c]));
        openTable(longest);
        if (!header.empty()) {
            body_ += "<table:table-header-rows><table:table-row>";
            for (std::size_t c = 0; c < columns; ++c)
                cell(c < header.size() ? std::string_view(header[c]) : std::string_view(), "VaktHeaderCell", kBold);
            body_ += "</table:table-row></table:table-header-rows>\n";
        }
        for (const auto& row : rows) {
            body_ += "<table:table-row>";
            for (std::size_t c = 0; c < columns; ++c) cell(c < row.size() ? std::string_view(row[c]) : std::string_view(), "VaktCell");
            body_ += "</table:table-row>\n";
        }
        body_ += "</table:table>\n";
    }

    void keyValues(const std::vector<std::pair<std::string, std::string>>& items) {
        if (items.empty()) return;
        openTable({});
        for (const auto& [key, value] : items) {
            body_ += "<table:table-row>";
            cell(key, "VaktKeyCell", kBold);
            cell(value, "VaktKeyCell");
            body_ += "</table:table-row>\n";
        }
        body_ += "</table:table>\n";
    }

    // A chart's title is a heading one level below the last, so it sits in the outline.
    void chartTitle(const std::string& title) {
        if (!title.empty()) heading(std::min(lastLevel_ + 1, 3), title);
    }

    void note(std::size_t hidden) {
        if (hidden > 0) paragraph("Text_20_body", detail::moreNote(hidden, doc_.language));
    }

    void write(const Heading& h) {
        lastLevel_ = std::clamp(h.level, 1, 3);
        if (!h.text.empty()) heading(lastLevel_, h.text);
    }

    void write(const Paragraph& p) { paragraph("Text_20_body", p.text); }

    void write(const KeyValues& kv) { keyValues(kv.items); }

    void write(const Table& t) { grid(t.header, t.rows); }

    void write(const BulletList& list) {
        if (list.items.empty()) return;
        body_ += "<text:list text:style-name=\"List_20_1\">\n";
        for (const auto& item : list.items)
            body_ += "<text:list-item><text:p text:style-name=\"List\">" + inlineText(item) + "</text:p></text:list-item>\n";
        body_ += "</text:list>\n";
    }

    void write(const BarChart& chart) {
        const detail::BarView view(chart);
        if (view.groups() == 0 && view.seriesCount() == 0 && chart.title.empty()) return;
        chartTitle(chart.title);
        // The axis as a line of text: "nivå (0–5)".
        if (!chart.valueLabel.empty())
            paragraph("Text_20_body", chart.valueLabel + " (0" + std::string(detail::kMissing) +
                                          detail::formatNumber(view.maximum(), doc_.language) + ")");
        std::vector<std::string> header{std::string()};
        for (std::size_t s = 0; s < view.seriesCount(); ++s) header.emplace_back(view.seriesName(s));
        std::vector<std::vector<std::string>> rows;
        for (std::size_t g = 0; g < view.groups(); ++g) {
            std::vector<std::string> row{std::string(view.label(g))};
            for (std::size_t s = 0; s < view.seriesCount(); ++s) {
                const auto v = view.value(s, g);
                row.push_back(v ? detail::formatNumber(*v, doc_.language) : std::string(detail::kMissing));
            }
            rows.push_back(std::move(row));
        }
        if (!rows.empty()) grid(header, rows);
        note(view.hiddenGroups());
        note(view.hiddenSeries());
    }

    void write(const HeatMap& map) {
        const detail::HeatView view(map);
        if (view.rows() == 0 && view.columns() == 0 && map.title.empty()) return;
        chartTitle(map.title);
        if (view.rows() > 0 && view.columns() > 0) {
            std::vector<std::size_t> longest(view.columns() + 1, 0);
            for (std::size_t r = 0; r < view.rows(); ++r) {
                longest[0] = std::max(longest[0], longestLine(view.rowLabel(r)));
                for (std::size_t c = 0; c < view.columns(); ++c)
                    longest[c + 1] = std::max(longest[c + 1], longestLine(view.shown(r, c, doc_.language)));
            }
            for (std::size_t c = 0; c < view.columns(); ++c) longest[c + 1] = std::max(longest[c + 1], longestLine(view.columnLabel(c)));
            openTable(longest, true);
            body_ += "<table:table-header-rows><table:table-row>";
            cell({}, "VaktHeaderCell", kSmallBold);
            for (std::size_t c = 0; c < view.columns(); ++c) cell(view.columnLabel(c), "VaktHeaderCell", kSmallBold);
            body_ += "</table:table-row></table:table-header-rows>\n";
            for (std::size_t r = 0; r < view.rows(); ++r) {
                body_ += "<table:table-row>";
                cell(view.rowLabel(r), "VaktCell", kSmallBold);
                for (std::size_t c = 0; c < view.columns(); ++c) cell(view.shown(r, c, doc_.language), heatStyle(view.value(r, c)), kSmall);
                body_ += "</table:table-row>\n";
            }
            body_ += "</table:table>\n";
        }
        note(view.hiddenRows());
        note(view.hiddenColumns());
    }

    // A drawing: its title as a chart's, then its SVG (render_support's, as the HTML has it) as a
    // picture of its own in the package, in a frame set like a character in a paragraph, scaled
    // down to the 17 cm text width and 23 cm of the page's height (never up).
    void write(const Drawing& drawing) {
        const detail::DrawingView view(drawing);
        if (!view.sized() && drawing.title.empty()) return;
        chartTitle(drawing.title);
        if (view.sized()) {
            constexpr double kCentimetresPerPoint = 2.54 / 72, kMaxWidth = 17, kMaxHeight = 23;
            const double width = view.width() * kCentimetresPerPoint, height = view.height() * kCentimetresPerPoint;
            const double scale = std::min({1.0, kMaxWidth / width, kMaxHeight / height});
            const std::string n = std::to_string(pictures_.size() + 1);
            const std::string path = "Pictures/drawing" + n + ".svg";
            pictures_.push_back({path, detail::drawingSvg(drawing, true)});
            body_ += "<text:p text:style-name=\"Text_20_body\"><draw:frame draw:style-name=\"VaktDrawing\" draw:name=\"" +
                     std::string(detail::norwegian(doc_.language) ? "Tegning" : "Drawing") + n +
                     "\" text:anchor-type=\"as-char\" svg:width=\"" + detail::coordinate(width * scale) + "cm\" svg:height=\"" +
                     detail::coordinate(height * scale) + "cm\" draw:z-index=\"0\"><draw:image xlink:href=\"" + path +
                     "\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>";
            if (!drawing.title.empty()) body_ += "<svg:title>" + xmlText(detail::drawingText(detail::utf8Prefix(drawing.title, 300))) + "</svg:title>";
            body_ += "</draw:frame></text:p>\n";
        }
        note(view.hiddenShapes());
    }

    const Document& doc_;
    std::string body_;
    std::vector<zip::Entry> pictures_;
    std::set<int> columnWidths_;  // millimetres, each an automatic column style
    int tables_ = 0;
    int lastLevel_ = 0;
};

}  // namespace

std::string renderOdt(const Document& document) {
    Writer writer(document);
    std::string content = writer.content();
    std::vector<zip::Entry> entries;
    // ODF: the media type first, stored, so that `file` and other sniffers find it at byte 38.
    entries.push_back({"mimetype", std::string(kMimeType), true});
    entries.push_back({"META-INF/manifest.xml", manifestXml(writer.pictures())});
    entries.push_back({"content.xml", std::move(content)});
    entries.push_back({"styles.xml", stylesXml(document)});
    entries.push_back({"meta.xml", metaXml(document)});
    for (auto& picture : writer.pictures()) entries.push_back(std::move(picture));
    return zip::write(entries);
}

}  // namespace vakt::reports
