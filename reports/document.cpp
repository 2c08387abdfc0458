#include "reports/document.h"

#include <algorithm>
#include <optional>
#include <type_traits>

#include "reports/render_support.h"

namespace vakt::reports {

char32_t nextCodePoint(std::string_view s, std::size_t& pos) {
    constexpr char32_t kReplacement = 0xFFFD;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0, minimum = 0;
    if ((lead & 0xE0) == 0xC0) { length = 2; cp = lead & 0x1F; minimum = 0x80; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; cp = lead & 0x0F; minimum = 0x800; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; cp = lead & 0x07; minimum = 0x10000; }
    if (length == 0 || pos + length > s.size()) {
        ++pos;
        return kReplacement;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) {
            ++pos;
            return kReplacement;
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    // Overlong forms could smuggle '<' past a byte-wise check; surrogates are not characters.
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kReplacement;
    }
    pos += length;
    return cp;
}

namespace {

// Element content: escaped, with each '\n' a <br>.
std::string textHtml(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    for (;;) {
        const auto end = text.find('\n', start);
        out += escapeHtml(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        out += "<br>";
        start = end + 1;
    }
    return out;
}

// Print first: the HTML is an archive copy next to the PDF, so A4 and black on white; tables
// keep rows whole and repeat their header on each printed page, as the PDF does.
constexpr std::string_view kStyle = R"(@page { size: A4; margin: 20mm; }
body { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; background: #fff; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 0.6em; }
h2 { font-size: 14pt; margin: 1.2em 0 0.4em; }
h3 { font-size: 12pt; margin: 1em 0 0.3em; }
h4 { font-size: 11pt; margin: 0.8em 0 0.3em; }
h1, h2, h3, h4 { break-after: avoid; }
p, li, td, th, dd, dt { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 9.5pt; }
th, td { border: 0.5pt solid #000; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
th { font-weight: bold; background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
dl.kv { display: grid; grid-template-columns: minmax(8em, max-content) 1fr; gap: 0.2em 1em; margin: 0.5em 0; }
dl.kv dt { font-weight: bold; }
dl.kv dd { margin: 0; }
footer { border-top: 0.5pt solid #000; margin-top: 2em; padding-top: 0.5em; font-size: 9pt; break-inside: avoid; }
figure.chart { margin: 1em 0; break-inside: avoid; }
figure.chart figcaption { font-weight: bold; margin: 0 0 0.4em; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
)";

void keyValuesHtml(std::string& out, const std::vector<std::pair<std::string, std::string>>& items) {
    if (items.empty()) return;
    out += "<dl class=\"kv\">\n";
    for (const auto& [key, value] : items) out += "<dt>" + textHtml(key) + "</dt><dd>" + textHtml(value) + "</dd>\n";
    out += "</dl>\n";
}

void blockHtml(std::string& out, const Heading& h) {
    // The document's title is the page's only <h1>; its headings sit below it.
    const std::string tag = "h" + std::to_string(std::clamp(h.level, 1, 3) + 1);
    out += "<" + tag + ">" + textHtml(h.text) + "</" + tag + ">\n";
}

void blockHtml(std::string& out, const Paragraph& p) { out += "<p>" + textHtml(p.text) + "</p>\n"; }

void blockHtml(std::string& out, const KeyValues& kv) { keyValuesHtml(out, kv.items); }

void blockHtml(std::string& out, const Table& t) {
    std::size_t columns = t.header.size();
    for (const auto& row : t.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    auto cells = [&](const std::vector<std::string>& row, std::string_view tag) {
        std::string line = "<tr>";
        for (std::size_t i = 0; i < columns; ++i)
            line += "<" + std::string(tag) + ">" + (i < row.size() ? textHtml(row[i]) : std::string()) + "</" + std::string(tag) + ">";
        return line + "</tr>\n";
    };
    out += "<table>\n";
    if (!t.header.empty()) out += "<thead>\n" + cells(t.header, "th") + "</thead>\n";
    out += "<tbody>\n";
    for (const auto& row : t.rows) out += cells(row, "td");
    out += "</tbody>\n</table>\n";
}

void blockHtml(std::string& out, const BulletList& list) {
    if (list.items.empty()) return;
    out += "<ul>\n";
    for (const auto& item : list.items) out += "<li>" + textHtml(item) + "</li>\n";
    out += "</ul>\n";
}

// Charts are inline SVG: elements and presentation attributes only (no style attributes, no
// scripts, no links), so the page's Content-Security-Policy needs nothing more. Sizes are in
// CSS pixels, text measured with the PDF's Helvetica metrics.
constexpr double kSvgWidth = 640;
constexpr double kSvgText = 11, kSvgSmall = 10;

std::string px(double value) { return detail::coordinate(value); }

// A tooltip's text: one line, and never more than a few hundred bytes of a hostile label.
std::string tip(std::string_view utf8) { return detail::oneLine(detail::utf8Prefix(utf8, 300)); }

std::string svgText(double x, double y, std::string_view content, std::string_view extra = {}) {
    return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\"" + std::string(extra) + ">" + escapeHtml(content) + "</text>\n";
}

std::string svgRect(double x, double y, double width, double height, const detail::Rgb& fill, std::string_view tooltip = {},
                    std::string_view extra = {}) {
    std::string out = "<rect x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"" + px(width) + "\" height=\"" + px(height) +
                      "\" fill=\"" + detail::hexColour(fill) + "\"" + std::string(extra);
    if (tooltip.empty()) return out + "/>\n";
    return out + "><title>" + escapeHtml(tooltip) + "</title></rect>\n";
}

// A label cut to fit, with the whole (first part of the) label as its tooltip when cut.
std::string svgLabel(double x, double y, std::string_view label, double maxWidth, std::string_view extra) {
    const std::string shown = detail::fitUtf8(label, maxWidth, kSvgText);
    const std::string whole = tip(label);
    std::string out = "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\"" + std::string(extra) + ">";
    if (shown != whole) out += "<title>" + escapeHtml(whole) + "</title>";
    return out + escapeHtml(shown) + "</text>\n";
}

std::string svgOpen(double width, double height, std::string_view title) {
    std::string out = "<svg class=\"chart\" width=\"" + px(width) + "\" height=\"" + px(height) + "\" viewBox=\"0 0 " + px(width) + " " +
                      px(height) + "\" role=\"img\" font-family=\"Helvetica, Arial, &quot;Liberation Sans&quot;, sans-serif\" font-size=\"" +
                      px(kSvgText) + "\">\n";
    if (!title.empty()) out += "<title>" + escapeHtml(tip(title)) + "</title>\n";
    return out;
}

void chartHtml(std::string& out, const BarChart& chart, std::string_view language) {
    const detail::BarView view(chart);
    if (view.groups() == 0 && view.seriesCount() == 0 && chart.title.empty()) return;
    const std::size_t slots = std::max<std::size_t>(view.seriesCount(), 1);
    const double maximum = view.maximum();

    // The legend flows left to right above the bars.
    struct LegendItem {
        double x, y;
        std::string text;
        std::optional<detail::Rgb> colour;
    };
    std::vector<LegendItem> legend;
    double legendX = 0, legendY = 0;
    auto addLegend = [&](std::string text, std::optional<detail::Rgb> colour) {
        const double width = (colour ? 14 : 0) + detail::widthOf(text, kSvgText) + 18;
        if (legendX > 0 && legendX + width > kSvgWidth) {
            legendX = 0;
            legendY += 18;
        }
        legend.push_back({legendX, legendY, std::move(text), colour});
        legendX += width;
    };
    for (std::size_t s = 0; s < view.seriesCount(); ++s)
        addLegend(detail::fitUtf8(view.seriesName(s), kSvgWidth / 2, kSvgText), detail::seriesColour(s));
    if (view.hiddenSeries() > 0) addLegend(detail::moreNote(view.hiddenSeries(), language), std::nullopt);
    const double top = legend.empty() ? 4 : legendY + 18 + 10;

    double widestLabel = 0, widestValue = detail::widthOf(detail::kMissing, kSvgSmall);
    for (std::size_t g = 0; g < view.groups(); ++g) {
        widestLabel = std::max(widestLabel, detail::widthOf(view.label(g), kSvgText));
        for (std::size_t s = 0; s < slots; ++s)
            if (const auto v = view.value(s, g)) widestValue = std::max(widestValue, detail::widthOf(detail::formatNumber(*v, language), kSvgSmall));
    }
    const double labelWidth = std::clamp(widestLabel + 12, 60.0, 0.35 * kSvgWidth);
    const double valueWidth = std::clamp(widestValue + 10, 24.0, 80.0);
    const double plotX = labelWidth, plotWidth = kSvgWidth - labelWidth - valueWidth;
    constexpr double kBar = 12, kBarGap = 2, kGroupGap = 10;
    const double barsHeight = static_cast<double>(slots) * kBar + static_cast<double>(slots - 1) * kBarGap;
    const double groupHeight = barsHeight + kGroupGap;
    const double axisY = top + static_cast<double>(view.groups()) * groupHeight;
    double height = axisY + 18;
    const double captionY = height + 10;
    if (!chart.valueLabel.empty()) height += 18;
    const double noteY = height + 10;
    if (view.hiddenGroups() > 0) height += 18;
    height += 4;

    out += "<figure class=\"chart\">\n";
    if (!chart.title.empty()) out += "<figcaption>" + textHtml(chart.title) + "</figcaption>\n";
    out += svgOpen(kSvgWidth, height, chart.title);
    for (const auto& item : legend) {
        double x = item.x;
        if (item.colour) {
            out += svgRect(x, item.y + 2, 10, 10, *item.colour);
            x += 14;
        }
        out += svgText(x, item.y + 11, item.text);
    }
    for (const double tick : detail::axisTicks(maximum)) {
        const double x = plotX + plotWidth * tick / maximum;
        out += "<line x1=\"" + px(x) + "\" y1=\"" + px(top - 4) + "\" x2=\"" + px(x) + "\" y2=\"" + px(axisY) + "\" stroke=\"" +
               (tick == 0 ? "#000000" : "#d0d0d0") + "\" stroke-width=\"1\"/>\n";
        out += svgText(x, axisY + 13, detail::formatNumber(tick, language), " text-anchor=\"middle\" font-size=\"10\"");
    }
    for (std::size_t g = 0; g < view.groups(); ++g) {
        const double groupTop = top + static_cast<double>(g) * groupHeight + kGroupGap / 2;
        out += svgLabel(plotX - 6, groupTop + barsHeight / 2 + 4, view.label(g), labelWidth - 12, " text-anchor=\"end\"");
        for (std::size_t s = 0; s < slots; ++s) {
            const double barTop = groupTop + static_cast<double>(s) * (kBar + kBarGap);
            const auto v = view.value(s, g);
            double end = plotX;
            if (v && *v > 0) {
                end = plotX + plotWidth * *v / maximum;
                out += svgRect(plotX, barTop, end - plotX, kBar, detail::seriesColour(s),
                               tip(view.label(g)) + " \xE2\x80\x93 " + tip(view.seriesName(s)) + ": " + detail::formatNumber(*v, language));
            }
            out += svgText(end + 4, barTop + kBar - 2.5, v ? detail::formatNumber(*v, language) : std::string(detail::kMissing),
                           " font-size=\"10\"");
        }
    }
    if (!chart.valueLabel.empty())
        out += svgText(plotX + plotWidth / 2, captionY, detail::fitUtf8(chart.valueLabel, plotWidth, kSvgText), " text-anchor=\"middle\"");
    if (view.hiddenGroups() > 0) out += svgText(0, noteY, detail::moreNote(view.hiddenGroups(), language));
    out += "</svg>\n</figure>\n";
}

void chartHtml(std::string& out, const HeatMap& map, std::string_view language) {
    const detail::HeatView view(map);
    if (view.rows() == 0 && view.columns() == 0 && map.title.empty()) return;
    const auto rows = static_cast<double>(view.rows()), columns = static_cast<double>(view.columns());

    double widestRow = 0;
    for (std::size_t r = 0; r < view.rows(); ++r) widestRow = std::max(widestRow, detail::widthOf(view.rowLabel(r), kSvgText));
    const double labelWidth = view.rows() == 0 ? 0 : std::clamp(widestRow + 12, 60.0, 0.3 * kSvgWidth);
    const double cellWidth = view.columns() == 0 ? 0 : std::clamp((kSvgWidth - labelWidth) / columns, 36.0, 120.0);
    // Column labels that do not fit their column are slanted.
    bool level = true;
    for (std::size_t c = 0; c < view.columns() && level; ++c) level = detail::widthOf(view.columnLabel(c), kSvgText) <= cellWidth - 6;
    constexpr double kSlant = 140, kCos45 = 0.7071;
    const double headerHeight = level ? 20 : kSlant * kCos45 + 14;
    const double width = std::max(kSvgWidth, labelWidth + cellWidth * columns + (level ? 0 : kSlant * kCos45));
    constexpr double kRow = 24;
    const double gridTop = headerHeight, gridBottom = gridTop + rows * kRow;
    const double legendY = gridBottom + 12;
    double height = legendY + 22;
    const double notesY = height + 8;
    height += 18 * static_cast<double>((view.hiddenRows() > 0) + (view.hiddenColumns() > 0)) + 4;

    out += "<figure class=\"chart\">\n";
    if (!map.title.empty()) out += "<figcaption>" + textHtml(map.title) + "</figcaption>\n";
    out += svgOpen(width, height, map.title);
    for (std::size_t c = 0; c < view.columns(); ++c) {
        const double x = labelWidth + cellWidth * (static_cast<double>(c) + 0.5);
        if (level) {
            out += svgLabel(x, gridTop - 6, view.columnLabel(c), cellWidth - 6, " text-anchor=\"middle\"");
        } else {
            const double x0 = x - 4;
            out += svgLabel(x0, gridTop - 6, view.columnLabel(c), kSlant,
                            " transform=\"rotate(-45 " + px(x0) + " " + px(gridTop - 6) + ")\"");
        }
    }
    for (std::size_t r = 0; r < view.rows(); ++r) {
        const double y = gridTop + static_cast<double>(r) * kRow;
        out += svgLabel(labelWidth - 6, y + kRow / 2 + 4, view.rowLabel(r), labelWidth - 12, " text-anchor=\"end\"");
        for (std::size_t c = 0; c < view.columns(); ++c) {
            const double x = labelWidth + cellWidth * static_cast<double>(c);
            const std::string shown = view.shown(r, c, language);
            out += svgRect(x, y, cellWidth, kRow, detail::heatColour(view.value(r, c)),
                           tip(view.rowLabel(r)) + " / " + tip(view.columnLabel(c)) + ": " + tip(shown),
                           " stroke=\"#ffffff\" stroke-width=\"1\"");
            out += svgText(x + cellWidth / 2, y + kRow / 2 + 3.5, detail::fitUtf8(shown, cellWidth - 6, kSvgSmall),
                           " text-anchor=\"middle\" font-size=\"10\"");
        }
    }
    // The scale: 0 % red to 100 % green, and grey for a missing value.
    double x = labelWidth;
    const std::string low = detail::formatPercent(0, language), high = detail::formatPercent(1, language);
    out += svgText(x, legendY + 11, low, " font-size=\"10\"");
    x += detail::widthOf(low, kSvgSmall) + 4;
    for (int i = 0; i <= 10; ++i) {
        out += svgRect(x, legendY + 2, 14, 10, detail::heatColour(i / 10.0));
        x += 14;
    }
    out += svgText(x + 4, legendY + 11, high, " font-size=\"10\"");
    x += detail::widthOf(high, kSvgSmall) + 20;
    out += svgRect(x, legendY + 2, 14, 10, detail::heatColour(std::nullopt));
    out += svgText(x + 18, legendY + 11, detail::norwegian(language) ? "mangler" : "missing", " font-size=\"10\"");
    double noteY = notesY;
    if (view.hiddenRows() > 0) {
        out += svgText(0, noteY, detail::moreNote(view.hiddenRows(), language));
        noteY += 18;
    }
    if (view.hiddenColumns() > 0) out += svgText(0, noteY, detail::moreNote(view.hiddenColumns(), language));
    out += "</svg>\n</figure>\n";
}

// A drawing is one inline SVG in its own points (render_support's, which the ODT's picture
// shares), shrunk to the text width by the style sheet and never enlarged; shapes past the ones
// drawn are counted below it.
void drawingHtml(std::string& out, const Drawing& drawing, std::string_view language) {
    const detail::DrawingView view(drawing);
    if (!view.sized() && drawing.title.empty()) return;
    out += "<figure class=\"chart\">\n";
    if (!drawing.title.empty()) out += "<figcaption>" + textHtml(drawing.title) + "</figcaption>\n";
    out += detail::drawingSvg(drawing, false);
    if (view.hiddenShapes() > 0) out += "<p>" + escapeHtml(detail::moreNote(view.hiddenShapes(), language)) + "</p>\n";
    out += "</figure>\n";
}

}  // namespace

std::string escapeHtml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t cp = nextCodePoint(s, pos);
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                // C0 and C1 controls (a stray CR included) are HTML parse errors and show as nothing.
                if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0)) break;
                detail::appendUtf8(out, cp);
        }
    }
    return out;
}

std::string renderHtml(const Document& doc) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(doc.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"Vakt\">\n";
    // HTML requires a non-empty <title>; a line break in the title reads as a space there.
    std::string title = doc.title;
    std::replace(title.begin(), title.end(), '\n', ' ');
    out += "<title>" + (title.empty() ? std::string("Vakt") : escapeHtml(title)) + "</title>\n";
    out += "<style>\n" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    if (!doc.title.empty()) out += "<h1>" + textHtml(doc.title) + "</h1>\n";
    for (const auto& block : doc.blocks)
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, BarChart> || std::is_same_v<T, HeatMap>) chartHtml(out, b, doc.language);
                else if constexpr (std::is_same_v<T, Drawing>) drawingHtml(out, b, doc.language);
                else blockHtml(out, b);
            },
            block);
    if (!doc.footer.empty()) {
        out += "<footer>\n";
        keyValuesHtml(out, doc.footer);
        out += "</footer>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace vakt::reports
