#pragma once
// One structured document (the change advisory board's minutes, later other reports) that is
// rendered as HTML, as PDF (pdf.h) and as ODT (odt.h), its tables also as XLSX and CSV
// (tabular.h). Plain C++, no I/O. Rendering is deterministic, same document → same bytes, so a
// SHA-256 of the output can be signed and checked later.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace vakt::reports {

// All text is UTF-8; a '\n' in it is a line break. Invalid UTF-8 is shown as U+FFFD (HTML) or
// '?' (PDF), never passed on.
struct Heading {
    int level = 1;  // 1 to 3; other values are clamped
    std::string text;
};

struct Paragraph {
    std::string text;
};

// A two-column definition list: "Møtedato: 2024-05-02".
struct KeyValues {
    std::vector<std::pair<std::string, std::string>> items;
};

// Rows may be shorter or longer than the header: the table is as wide as its widest row, and
// missing cells are empty.
struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

struct BulletList {
    std::vector<std::string> items;
};

// Horizontal grouped bars: one group per label (a principle, "2.6"), one bar per series in it
// ("Vurdert", "Mål"), each series in its own colour with a legend. Values are clamped to
// [0, maximum]; a missing or non-finite value is drawn as no bar and "–". At most 200 labels and
// 10 series are drawn, the rest counted in a note ("… 5 til"); the tabular exports keep them all.
struct Series {
    std::string name;
    std::vector<std::optional<double>> values;  // one per label, in the labels' order
};

struct BarChart {
    using Series = reports::Series;
    std::string title;
    std::vector<std::string> labels;
    std::vector<Series> series;
    double maximum = 0;      // the axis' end; 0, negative or not finite: the largest value (1 if none)
    std::string valueLabel;  // the axis' caption, e.g. "Modenhetsnivå (0–5)"
};

// A grid of cells coloured from red (0) through yellow to green (1), rows and columns labelled.
// Each cell shows its text, else its value as a percentage; a missing cell is grey with "–". The
// grid is as large as its largest part (labels, cells or texts). At most 200 rows and 200
// columns are drawn, the rest counted in a note.
struct HeatMap {
    std::string title;
    std::vector<std::string> rowLabels, columnLabels;
    std::vector<std::vector<std::optional<double>>> cells;  // [row][column], 0 to 1 (clamped)
    std::vector<std::vector<std::string>> texts;            // [row][column], optional
};

// A vector drawing in points (1/72 inch), origin bottom-left as Graphviz lays it out (a threat
// model's data-flow diagram; graphviz_drawing.h reads one). Renderers scale it down to fit the
// text width (never up) and keep the aspect ratio. At most 20,000 shapes are drawn, the rest
// counted in a note. A shape with a coordinate that is not finite or past ±1,000,000 points, with
// the wrong number of points for its kind, negative radii or a font size outside (0, 1000] is
// not drawn.
struct DrawingShape {
    enum class Kind { Polygon, Polyline, Bezier, Ellipse, Text };
    Kind kind = Kind::Polyline;
    // Polygon/Polyline/Bezier: the points (Bezier: 1 + 3n control points); Ellipse: {centre, {rx, ry}}; Text: {anchor}.
    std::vector<std::pair<double, double>> points;
    bool filled = false;   // Polygon/Ellipse/Bezier
    bool stroked = true;   // false: no outline (Graphviz's transparent pen); Text: not drawn
    // "#rrggbb" only: renderers ignore anything else and use the default, so no colour string
    // ever reaches the output as it came.
    std::string stroke = "#000000", fill = "#ffffff";
    bool dashed = false;
    double fontSize = 14;
    char align = 'c';  // Text: 'l', 'c' or 'r' relative to the anchor
    std::string text;  // Text, one line
};

struct Drawing {
    std::string title;             // caption above the drawing, may be empty
    double width = 0, height = 0;  // the bounding box, points
    std::vector<DrawingShape> shapes;  // in paint order
};

using Block = std::variant<Heading, Paragraph, KeyValues, Table, BulletList, BarChart, HeatMap, Drawing>;

struct Document {
    std::string title;
    std::string language = "nb";  // BCP 47; "nb", "nn" or "no" give Norwegian page labels, else English
    std::vector<Block> blocks;
    // Shown once after the blocks, e.g. {"Signert av", "…"}, {"SHA-256", "…"}.
    std::vector<std::pair<std::string, std::string>> footer;
    // Metadata for the PDF's document information and the ODT's meta.xml; empty ones are left out.
    std::string author, subject, keywords, creator;
    std::string createdUtc;  // "YYYY-MM-DDTHH:MM:SSZ" or empty; never the wall clock, so output stays reproducible
};

// A complete standalone HTML5 page: embedded print CSS, no scripts and no external resources (a
// Content-Security-Policy forbids both, in case an escape is ever missed). Charts and drawings are
// inline SVG.
std::string renderHtml(const Document& document);

// Text for HTML element content and attribute values: & < > " ' escaped, invalid UTF-8 as
// U+FFFD, control characters other than tab and line feed left out.
std::string escapeHtml(std::string_view utf8);

// The code point at `pos` (which must be < utf8.size()), advancing `pos` past it. An invalid,
// overlong or truncated sequence gives U+FFFD and advances one byte, so a bad byte never
// swallows the text after it.
char32_t nextCodePoint(std::string_view utf8, std::size_t& pos);

}  // namespace vakt::reports
