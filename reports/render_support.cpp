#include "reports/render_support.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>

#include "reports/pdf.h"

namespace vakt::reports::detail {

namespace {

// Fixed-point with at most two decimals and no trailing zeros; "-0" is "0".
std::string decimal(double value) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
    // Beyond 60 digits: exponent notation ("1e+300") rather than nothing.
    if (result.ec != std::errc()) return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
    std::string s(buffer, result.ptr);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

int digits(std::string_view text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

Rgb mix(const Rgb& a, const Rgb& b, double t) {
    auto channel = [t](int from, int to) { return static_cast<int>(std::lround(from + (to - from) * t)); };
    return {channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b)};
}

}  // namespace


std::string_view utf8Prefix(std::string_view utf8, std::size_t maxBytes) {
    if (utf8.size() <= maxBytes) return utf8;
    std::size_t end = maxBytes;
    // Back to the start of the code point that the cut falls in (at most three continuation bytes).
    for (int i = 0; i < 3 && end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80; ++i) --end;
    return utf8.substr(0, end);
}

std::string oneLine(std::string_view utf8) {
    std::string out(utf8);
    for (char& c : out)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    return out;
}

bool norwegian(std::string_view language) {
    std::string primary(language.substr(0, language.find_first_of("-_")));
    for (char& c : primary)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return primary == "nb" || primary == "nn" || primary == "no";
}

std::string formatNumber(double value, std::string_view language) {
    if (!std::isfinite(value)) return std::string(kMissing);
    std::string s = decimal(value);
    if (norwegian(language)) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string formatPercent(double fraction, std::string_view language) {
    if (!std::isfinite(fraction)) return std::string(kMissing);
    const std::string whole = decimal(std::round(fraction * 100));
    return norwegian(language) ? whole + "\xC2\xA0%" : whole + "%";
}

std::string moreNote(std::size_t hidden, std::string_view language) {
    return "\xE2\x80\xA6 " + std::to_string(hidden) + (norwegian(language) ? " til" : " more");
}

std::string coordinate(double value) { return std::isfinite(value) ? decimal(value) : "0"; }

double widthOf(std::string_view utf8, double size, bool bold) {
    return textWidth(toWinAnsi(utf8Prefix(utf8, 4096)), bold, size);
}

std::string fitUtf8(std::string_view utf8, double maxWidth, double size, bool bold) {
    // No line this is used for holds 4096 bytes of visible text; the cap bounds the work.
    const std::string_view text = utf8Prefix(utf8, 4096);
    const double ellipsis = textWidth("\x85", bold, size);
    std::string out, piece;
    double width = 0;
    std::size_t keep = 0;  // bytes of `out` that still leave room for the ellipsis
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = nextCodePoint(text, pos);
        if (cp == '\n' || cp == '\t' || cp == '\r') cp = ' ';
        piece.clear();
        appendUtf8(piece, cp);
        width += textWidth(toWinAnsi(piece), bold, size);
        // The tolerance absorbs the rounding of summing per character, so text measured whole to
        // fit exactly is not cut.
        if (width > maxWidth + 1e-6) {
            out.resize(keep);
            return ellipsis <= maxWidth ? out + "\xE2\x80\xA6" : out;
        }
        out += piece;
        if (width + ellipsis <= maxWidth + 1e-6) keep = out.size();
    }
    if (text.size() < utf8.size()) {
        out.resize(keep);
        out += "\xE2\x80\xA6";
    }
    return out;
}

bool validUtcTimestamp(std::string_view t) {
    if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return false;
    const int year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
    const int hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 60)
        return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

Rgb seriesColour(std::size_t series) {
    static constexpr Rgb kPalette[] = {{0, 114, 178},  {230, 159, 0},  {0, 158, 115}, {204, 121, 167},
                                       {86, 180, 233}, {213, 94, 0},   {240, 228, 66}, {102, 102, 102}};
    return kPalette[series % (sizeof kPalette / sizeof kPalette[0])];
}

Rgb heatColour(std::optional<double> fraction) {
    if (!fraction || !std::isfinite(*fraction)) return {217, 217, 217};
    static constexpr Rgb kRed{244, 109, 67}, kYellow{254, 224, 139}, kGreen{102, 189, 99};
    const double f = std::clamp(*fraction, 0.0, 1.0);
    return f <= 0.5 ? mix(kRed, kYellow, f * 2) : mix(kYellow, kGreen, (f - 0.5) * 2);
}

std::string hexColour(const Rgb& c) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "#";
    for (int v : {c.r, c.g, c.b}) {
        v = std::clamp(v, 0, 255);
        out += kHex[v >> 4];
        out += kHex[v & 0xF];
    }
    return out;
}

std::vector<double> axisTicks(double maximum) {
    std::vector<double> ticks;
    if (maximum == std::floor(maximum) && maximum >= 1 && maximum <= 10) {
        for (int i = 0; i <= static_cast<int>(maximum); ++i) ticks.push_back(i);
    } else {
        for (int i = 0; i <= 4; ++i) ticks.push_back(maximum * i / 4);
    }
    return ticks;
}

BarView::BarView(const BarChart& chart, std::size_t maxGroups, std::size_t maxSeries) : chart_(chart) {
    std::size_t total = chart.labels.size();
    for (const auto& s : chart.series) total = std::max(total, s.values.size());
    groups_ = std::min(total, maxGroups);
    hiddenGroups_ = total - groups_;
    series_ = std::min(chart.series.size(), maxSeries);
    hiddenSeries_ = chart.series.size() - series_;
    if (std::isfinite(chart.maximum) && chart.maximum > 0) {
        maximum_ = chart.maximum;
    } else {
        double largest = 0;
        for (std::size_t s = 0; s < series_; ++s)
            for (std::size_t g = 0; g < groups_ && g < chart.series[s].values.size(); ++g)
                if (const auto& v = chart.series[s].values[g]; v && std::isfinite(*v)) largest = std::max(largest, *v);
        maximum_ = largest > 0 ? largest : 1;
    }
}

std::string_view BarView::label(std::size_t g) const {
    return g < chart_.labels.size() ? std::string_view(chart_.labels[g]) : std::string_view();
}

std::string_view BarView::seriesName(std::size_t s) const {
    return s < chart_.series.size() ? std::string_view(chart_.series[s].name) : std::string_view();
}

std::optional<double> BarView::value(std::size_t s, std::size_t g) const {
    if (s >= series_ || g >= groups_ || g >= chart_.series[s].values.size()) return std::nullopt;
    const auto& v = chart_.series[s].values[g];
    if (!v || !std::isfinite(*v)) return std::nullopt;
    return std::clamp(*v, 0.0, maximum_);
}

HeatView::HeatView(const HeatMap& map, std::size_t maxItems) : map_(map) {
    const std::size_t totalRows = std::max({map.rowLabels.size(), map.cells.size(), map.texts.size()});
    std::size_t totalColumns = map.columnLabels.size();
    for (const auto& row : map.cells) totalColumns = std::max(totalColumns, row.size());
    for (const auto& row : map.texts) totalColumns = std::max(totalColumns, row.size());
    rows_ = std::min(totalRows, maxItems);
    hiddenRows_ = totalRows - rows_;
    columns_ = std::min(totalColumns, maxItems);
    hiddenColumns_ = totalColumns - columns_;
}

std::string_view HeatView::rowLabel(std::size_t r) const {
    return r < map_.rowLabels.size() ? std::string_view(map_.rowLabels[r]) : std::string_view();
}

std::string_view HeatView::columnLabel(std::size_t c) const {
    return c < map_.columnLabels.size() ? std::string_view(map_.columnLabels[c]) : std::string_view();
}

std::optional<double> HeatView::value(std::size_t r, std::size_t c) const {
    if (r >= rows_ || c >= columns_ || r >= map_.cells.size() || c >= map_.cells[r].size()) return std::nullopt;
    const auto& v = map_.cells[r][c];
    if (!v || !std::isfinite(*v)) return std::nullopt;
    return std::clamp(*v, 0.0, 1.0);
}

std::string_view HeatView::text(std::size_t r, std::size_t c) const {
    if (r >= rows_ || c >= columns_ || r >= map_.texts.size() || c >= map_.texts[r].size()) return {};
    return map_.texts[r][c];
}

std::string HeatView::shown(std::size_t r, std::size_t c, std::string_view language) const {
    if (const auto t = text(r, c); !t.empty()) return std::string(t);
    if (const auto v = value(r, c)) return formatPercent(*v, language);
    return std::string(kMissing);
}

Rgb drawingColour(std::string_view hex, const Rgb& fallback) {
    if (hex.size() != 7 || hex[0] != '#') return fallback;
    int channels[3] = {0, 0, 0};
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = hex[i];
        int nibble = 0;
        if (c >= '0' && c <= '9') nibble = c - '0';
        else if (c >= 'a' && c <= 'f') nibble = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') nibble = c - 'A' + 10;
        else return fallback;
        channels[(i - 1) / 2] = channels[(i - 1) / 2] * 16 + nibble;
    }
    return {channels[0], channels[1], channels[2]};
}

namespace {

bool usablePoint(const std::pair<double, double>& p) {
    return std::isfinite(p.first) && std::isfinite(p.second) && std::abs(p.first) <= kMaxDrawingCoordinate &&
           std::abs(p.second) <= kMaxDrawingCoordinate;
}

bool drawable(const DrawingShape& shape) {
    const std::size_t n = shape.points.size();
    switch (shape.kind) {
        case DrawingShape::Kind::Polygon:
        case DrawingShape::Kind::Polyline:
            if (n < 2) return false;
            break;
        case DrawingShape::Kind::Bezier:
            if (n < 4 || (n - 1) % 3 != 0) return false;
            break;
        case DrawingShape::Kind::Ellipse:
            if (n != 2 || !(shape.points[1].first >= 0) || !(shape.points[1].second >= 0)) return false;
            break;
        case DrawingShape::Kind::Text:
            if (n != 1 || shape.text.empty() || !std::isfinite(shape.fontSize) || shape.fontSize <= 0 || shape.fontSize > 1000) return false;
            break;
    }
    return std::all_of(shape.points.begin(), shape.points.end(), usablePoint);
}

std::string svgPoint(const std::pair<double, double>& p, double height) {
    return coordinate(p.first) + " " + coordinate(height - p.second);
}

}  // namespace

DrawingView::DrawingView(const Drawing& drawing, std::size_t maxShapes) : drawing_(drawing) {
    sized_ = std::isfinite(drawing.width) && std::isfinite(drawing.height) && drawing.width > 0 && drawing.height > 0 &&
             drawing.width <= kMaxDrawingCoordinate && drawing.height <= kMaxDrawingCoordinate;
    shapes_ = sized_ ? std::min(drawing.shapes.size(), maxShapes) : 0;
    hiddenShapes_ = sized_ ? drawing.shapes.size() - shapes_ : 0;
}

const DrawingShape* DrawingView::shape(std::size_t i) const {
    if (i >= shapes_) return nullptr;
    const DrawingShape& s = drawing_.shapes[i];
    return drawable(s) ? &s : nullptr;
}

std::string drawingText(std::string_view utf8) {
    const std::string_view text = utf8Prefix(utf8, 4096);
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = nextCodePoint(text, pos);
        if (cp == '\n' || cp == '\t' || cp == '\r') cp = ' ';
        // XML forbids these two; escapeHtml keeps them.
        if (cp == 0xFFFE || cp == 0xFFFF) continue;
        appendUtf8(out, cp);
    }
    return out;
}

std::string drawingSvg(const Drawing& drawing, bool standalone) {
    const DrawingView view(drawing);
    if (!view.sized()) return {};
    const double height = view.height();
    const std::string w = coordinate(view.width()), h = coordinate(height);
    std::string out;
    if (standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"";
    else out += "<svg class=\"drawing\" role=\"img\"";
    out += " width=\"" + w + "pt\" height=\"" + h + "pt\" viewBox=\"0 0 " + w + " " + h +
           "\" font-family=\"Helvetica, Arial, &quot;Liberation Sans&quot;, sans-serif\">\n";
    if (!drawing.title.empty()) out += "<title>" + escapeHtml(drawingText(utf8Prefix(drawing.title, 300))) + "</title>\n";
    for (std::size_t i = 0; i < view.shapes(); ++i) {
        const DrawingShape* shape = view.shape(i);
        if (!shape) continue;
        const std::string stroke = shape->stroked ? hexColour(view.stroke(*shape)) : std::string("none");
        // A polyline is never filled, as in Graphviz.
        const bool filled = shape->filled && shape->kind != DrawingShape::Kind::Polyline;
        const std::string fill = filled ? hexColour(view.fill(*shape)) : std::string("none");
        std::string paint = " fill=\"" + fill + "\" stroke=\"" + stroke + "\"";
        if (shape->dashed) paint += " stroke-dasharray=\"3 2\"";
        const auto& points = shape->points;
        switch (shape->kind) {
            case DrawingShape::Kind::Polygon:
            case DrawingShape::Kind::Polyline: {
                out += shape->kind == DrawingShape::Kind::Polygon ? "<polygon points=\"" : "<polyline points=\"";
                for (std::size_t p = 0; p < points.size(); ++p) {
                    if (p > 0) out += ' ';
                    out += coordinate(points[p].first) + "," + coordinate(height - points[p].second);
                }
                out += "\"" + paint + "/>\n";
                break;
            }
            case DrawingShape::Kind::Bezier: {
                out += "<path d=\"M" + svgPoint(points[0], height);
                for (std::size_t p = 1; p + 2 < points.size(); p += 3)
                    out += " C" + svgPoint(points[p], height) + " " + svgPoint(points[p + 1], height) + " " + svgPoint(points[p + 2], height);
                if (filled) out += " Z";
                out += "\"" + paint + "/>\n";
                break;
            }
            case DrawingShape::Kind::Ellipse:
                out += "<ellipse cx=\"" + coordinate(points[0].first) + "\" cy=\"" + coordinate(height - points[0].second) + "\" rx=\"" +
                       coordinate(points[1].first) + "\" ry=\"" + coordinate(points[1].second) + "\"" + paint + "/>\n";
                break;
            case DrawingShape::Kind::Text: {
                if (!shape->stroked) break;  // a transparent pen: nothing to see
                const char* anchor = shape->align == 'l' ? "start" : shape->align == 'r' ? "end" : "middle";
                out += "<text x=\"" + coordinate(points[0].first) + "\" y=\"" + coordinate(height - points[0].second) + "\" text-anchor=\"" +
                       anchor + "\" font-size=\"" + coordinate(shape->fontSize) + "\" fill=\"" + stroke + "\">" +
                       escapeHtml(drawingText(shape->text)) + "</text>\n";
                break;
            }
        }
    }
    return out + "</svg>\n";
}

}  // namespace vakt::reports::detail
