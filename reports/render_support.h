#pragma once
// What the renderers (HTML, PDF, ODT, the tabular exports) share: charts' values as drawn, their
// bounds and colours, drawings as drawn (and as SVG, for HTML and ODT alike), numbers and words
// in the document's language. Internal to vakt_reports.
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/utf8.h"
#include "reports/document.h"

namespace vakt::reports::detail {

constexpr std::size_t kMaxChartItems = 200;  // labels, rows or columns drawn
constexpr std::size_t kMaxChartSeries = 10;
constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

// "–", shown for a missing value.
inline constexpr std::string_view kMissing = "\xE2\x80\x93";

using vakt::appendUtf8;  // core/base/utf8.h

// At most `maxBytes` of the text, cut at a code point boundary (a hostile 10 MB label is only
// ever looked at this far where a chart shows it on one line).
std::string_view utf8Prefix(std::string_view utf8, std::size_t maxBytes);

// Line breaks and tabs as spaces.
std::string oneLine(std::string_view utf8);

// True for "nb", "nn" and "no", any region: then the renderers' own words are Norwegian.
bool norwegian(std::string_view language);

// At most two decimals, no trailing zeros, a decimal comma in Norwegian: "2,5", "3". "–" when
// not finite.
std::string formatNumber(double value, std::string_view language);
// A fraction as a whole percentage: "73 %" (no-break space) in Norwegian, "73%" otherwise.
std::string formatPercent(double fraction, std::string_view language);
// The note under a cut chart: "… 5 til" or "… 5 more".
std::string moreNote(std::size_t hidden, std::string_view language);
// Locale-free coordinates for SVG: at most two decimals ("56", "770.5").
std::string coordinate(double value);

// The width in points of UTF-8 text set in Helvetica, by the PDF's metrics (a browser's
// sans-serif is close enough for laying out an SVG).
double widthOf(std::string_view utf8, double size, bool bold = false);
// As much of the text, on one line, as fits `maxWidth` points, with "…" after it when cut.
std::string fitUtf8(std::string_view utf8, double maxWidth, double size, bool bold = false);

// "YYYY-MM-DDTHH:MM:SSZ" naming a real date and time.
bool validUtcTimestamp(std::string_view text);

struct Rgb {
    int r = 0, g = 0, b = 0;  // 0 to 255
};
// A colour per series, from a palette that colour-blind readers can tell apart (Okabe–Ito).
Rgb seriesColour(std::size_t series);
// Red at 0 through yellow at 0.5 to green at 1; light grey when missing.
Rgb heatColour(std::optional<double> fraction);
std::string hexColour(const Rgb& colour);  // "#f46d43"

// The axis' ticks: every whole number up to a whole maximum of at most 10, else quarters.
std::vector<double> axisTicks(double maximum);

// A bar chart as drawn: at most `maxGroups` groups and `maxSeries` series, values clamped.
class BarView {
public:
    explicit BarView(const BarChart& chart, std::size_t maxGroups = kMaxChartItems, std::size_t maxSeries = kMaxChartSeries);
    std::size_t groups() const { return groups_; }
    std::size_t hiddenGroups() const { return hiddenGroups_; }
    std::size_t seriesCount() const { return series_; }
    std::size_t hiddenSeries() const { return hiddenSeries_; }
    double maximum() const { return maximum_; }
    std::string_view label(std::size_t g) const;
    std::string_view seriesName(std::size_t s) const;
    // In [0, maximum()]; none when missing, not finite, or past the series shown.
    std::optional<double> value(std::size_t s, std::size_t g) const;

private:
    const BarChart& chart_;
    std::size_t groups_ = 0, hiddenGroups_ = 0, series_ = 0, hiddenSeries_ = 0;
    double maximum_ = 1;
};

// A heat map as drawn: at most `maxItems` rows and columns, values clamped to [0, 1].
class HeatView {
public:
    explicit HeatView(const HeatMap& map, std::size_t maxItems = kMaxChartItems);
    std::size_t rows() const { return rows_; }
    std::size_t hiddenRows() const { return hiddenRows_; }
    std::size_t columns() const { return columns_; }
    std::size_t hiddenColumns() const { return hiddenColumns_; }
    std::string_view rowLabel(std::size_t r) const;
    std::string_view columnLabel(std::size_t c) const;
    std::optional<double> value(std::size_t r, std::size_t c) const;
    std::string_view text(std::size_t r, std::size_t c) const;  // "" when none was given
    // What the cell shows: its text, else its percentage, else "–".
    std::string shown(std::size_t r, std::size_t c, std::string_view language) const;

private:
    const HeatMap& map_;
    std::size_t rows_ = 0, hiddenRows_ = 0, columns_ = 0, hiddenColumns_ = 0;
};

constexpr std::size_t kMaxDrawingShapes = 20000;
constexpr double kMaxDrawingCoordinate = 1e6;  // points, either way: far past any page

// A drawing's colour: "#rrggbb" (either case), else `fallback`.
Rgb drawingColour(std::string_view hex, const Rgb& fallback);

// A drawing as drawn: sized when its box is finite, positive and at most kMaxDrawingCoordinate
// each way (else only its title is shown); at most `maxShapes` shapes, and of those only the ones
// that can be drawn (document.h says which).
class DrawingView {
public:
    explicit DrawingView(const Drawing& drawing, std::size_t maxShapes = kMaxDrawingShapes);
    bool sized() const { return sized_; }
    double width() const { return drawing_.width; }
    double height() const { return drawing_.height; }
    std::size_t shapes() const { return shapes_; }
    std::size_t hiddenShapes() const { return hiddenShapes_; }
    // The shape at `i` (< shapes()) when it can be drawn, else nullptr.
    const DrawingShape* shape(std::size_t i) const;
    // Its colours, black and white when not "#rrggbb".
    static Rgb stroke(const DrawingShape& s) { return drawingColour(s.stroke, {0, 0, 0}); }
    static Rgb fill(const DrawingShape& s) { return drawingColour(s.fill, {255, 255, 255}); }

private:
    const Drawing& drawing_;
    bool sized_ = false;
    std::size_t shapes_ = 0, hiddenShapes_ = 0;
};

// A drawing's text as one line of at most a few kilobytes: a label, never a page of text.
std::string drawingText(std::string_view utf8);

// The drawing as one <svg> element in its own points, y flipped (SVG's origin is top-left), with
// the shapes DrawingView draws; empty when it is not sized. Text is escaped with escapeHtml (its
// entities are XML's too) without the characters XML forbids, and colours are only hexColour's,
// so the same markup serves the HTML page and, `standalone` (an XML declaration and the SVG
// namespace), the ODT's picture file.
std::string drawingSvg(const Drawing& drawing, bool standalone);

}  // namespace vakt::reports::detail
