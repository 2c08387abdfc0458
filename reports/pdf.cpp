#include "reports/pdf.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "reports/render_support.h"

namespace vakt::reports {

namespace {

// Advance widths (1/1000 em) of the 256 WinAnsi codes, from Adobe's Core 14 AFM files
// Helvetica.afm and Helvetica-Bold.afm; 0 where WinAnsi has no character (never emitted).
constexpr std::array<std::uint16_t, 256> kHelvetica = {
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  // 0x00
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  // 0x10
     278,  278,  355,  556,  556,  889,  667,  191,  333,  333,  389,  584,  278,  333,  278,  278,  // 0x20
     556,  556,  556,  556,  556,  556,  556,  556,  556,  556,  278,  278,  584,  584,  584,  556,  // 0x30
    1015,  667,  667,  722,  722,  667,  611,  778,  722,  278,  500,  667,  556,  833,  722,  778,  // 0x40
     667,  778,  722,  667,  611,  722,  667,  944,  667,  667,  611,  278,  278,  278,  469,  556,  // 0x50
     333,  556,  556,  500,  556,  556,  278,  556,  556,  222,  222,  500,  222,  833,  556,  556,  // 0x60
     556,  556,  333,  500,  278,  556,  500,  722,  500,  500,  500,  334,  260,  334,  584,    0,  // 0x70
     556,    0,  222,  556,  333, 1000,  556,  556,  333, 1000,  667,  333, 1000,    0,  611,    0,  // 0x80
       0,  222,  222,  333,  333,  350,  556, 1000,  333, 1000,  500,  333,  944,    0,  500,  667,  // 0x90
     278,  333,  556,  556,  556,  556,  260,  556,  333,  737,  370,  556,  584,  333,  737,  333,  // 0xA0
     400,  584,  333,  333,  333,  556,  537,  278,  333,  333,  365,  556,  834,  834,  834,  611,  // 0xB0
     667,  667,  667,  667,  667,  667, 1000,  722,  667,  667,  667,  667,  278,  278,  278,  278,  // 0xC0
     722,  722,  778,  778,  778,  778,  778,  584,  778,  722,  722,  722,  722,  667,  667,  611,  // 0xD0
     556,  556,  556,  556,  556,  556,  889,  500,  556,  556,  556,  556,  278,  278,  278,  278,  // 0xE0
     556,  556,  556,  556,  556,  556,  556,  584,  611,  556,  556,  556,  556,  500,  556,  500,  // 0xF0
};

constexpr std::array<std::uint16_t, 256> kHelveticaBold = {
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  // 0x00
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  // 0x10
     278,  333,  474,  556,  556,  889,  722,  238,  333,  333,  389,  584,  278,  333,  278,  278,  // 0x20
     556,  556,  556,  556,  556,  556,  556,  556,  556,  556,  333,  333,  584,  584,  584,  611,  // 0x30
     975,  722,  722,  722,  722,  667,  611,  778,  722,  278,  556,  722,  611,  833,  722,  778,  // 0x40
     667,  778,  722,  667,  611,  722,  667,  944,  667,  667,  611,  333,  278,  333,  584,  556,  // 0x50
     333,  556,  611,  556,  611,  556,  333,  611,  611,  278,  278,  556,  278,  889,  611,  611,  // 0x60
     611,  611,  389,  556,  333,  611,  556,  778,  556,  556,  500,  389,  280,  389,  584,    0,  // 0x70
     556,    0,  278,  556,  500, 1000,  556,  556,  333, 1000,  667,  333, 1000,    0,  611,    0,  // 0x80
       0,  278,  278,  500,  500,  350,  556, 1000,  333, 1000,  556,  333,  944,    0,  500,  667,  // 0x90
     278,  333,  556,  556,  556,  556,  280,  556,  333,  737,  370,  556,  584,  333,  737,  333,  // 0xA0
     400,  584,  333,  333,  333,  611,  556,  278,  333,  333,  365,  556,  834,  834,  834,  611,  // 0xB0
     722,  722,  722,  722,  722,  722, 1000,  722,  667,  667,  667,  667,  278,  278,  278,  278,  // 0xC0
     722,  722,  778,  778,  778,  778,  778,  584,  778,  722,  722,  722,  722,  667,  667,  611,  // 0xD0
     556,  556,  556,  556,  556,  556,  889,  556,  556,  556,  556,  556,  278,  278,  278,  278,  // 0xE0
     611,  611,  611,  611,  611,  611,  611,  584,  611,  611,  611,  611,  611,  556,  611,  556,  // 0xF0
};

const std::array<std::uint16_t, 256>& widths(bool bold) { return bold ? kHelveticaBold : kHelvetica; }

std::int64_t units(std::string_view winAnsi, bool bold) {
    const auto& w = widths(bold);
    std::int64_t sum = 0;
    for (char c : winAnsi) sum += w[static_cast<unsigned char>(c)];
    return sum;
}

constexpr int widestGlyph() {
    int widest = 0;
    for (auto w : kHelvetica) widest = std::max<int>(widest, w);
    for (auto w : kHelveticaBold) widest = std::max<int>(widest, w);
    return widest;
}

// A4 portrait in points; the text area is what the margins leave.
constexpr double kPageWidth = 595, kPageHeight = 842, kMargin = 56;
constexpr double kLeft = kMargin, kRight = kPageWidth - kMargin, kTop = kPageHeight - kMargin, kBottom = kMargin;
constexpr double kTextWidth = kRight - kLeft;
constexpr double kEpsilon = 1e-6;

struct Style {
    double size;
    double leading;
};
constexpr Style kBody{10, 13};
constexpr Style kTitle{18, 22};
constexpr Style kHeadings[3] = {{14, 18}, {12, 15.5}, {10.5, 13.5}};
constexpr Style kCell{9, 11.5};
constexpr Style kSignature{9, 11.5};
constexpr Style kPageFooter{8, 10};
// Charts: a title, a legend line, labels and values in small type.
constexpr Style kChartTitle{10.5, 13.5};
constexpr Style kChartText{8, 10};
constexpr Style kChartSmall{7, 9};
constexpr double kLegendLine = 12, kSwatch = 8;
constexpr double kCellPadding = 3;
constexpr double kKeyValuePadding = 1.5;
constexpr double kBulletIndent = 14;
// The narrowest column still takes the widest glyph, so a cell's text never leaves its column.
constexpr double kMinColumn = 2 * kCellPadding + kCell.size * widestGlyph() / 1000.0 + 1;
constexpr std::size_t kMaxColumns = static_cast<std::size_t>(kTextWidth / kMinColumn);

// Locale-free numbers: at most two decimals, no trailing zeros ("56", "770.5").
std::string num(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
    std::string s(buffer, result.ptr);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

std::string pdfString(std::string_view winAnsi) {
    std::string out = "(";
    for (char c : winAnsi) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        if (c == '\r') { out += "\\r"; continue; }
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
    }
    return out + ")";
}

std::string rgb(const detail::Rgb& c) { return num(c.r / 255.0) + " " + num(c.g / 255.0) + " " + num(c.b / 255.0); }

// A text string outside content streams (the document information's title): UTF-16BE with a
// byte-order mark, so it keeps every character, emoji included, for viewers' title bars.
std::string utf16Hex(std::string_view utf8) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "<FEFF";
    auto unit = [&](char32_t u) {
        for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 0xF];
    };
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t cp = nextCodePoint(utf8, pos);
        if (cp == '\n' || cp == '\t') cp = ' ';
        if (cp < 0x20) continue;
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out + ">";
}

// Breaks WinAnsi text into lines no wider than `maxWidth` points: at spaces, and inside a word
// only when the word alone is wider than a line. '\n' forces a break; runs of spaces become one.
std::vector<std::string> wrap(std::string_view text, bool bold, double size, double maxWidth) {
    const auto& w = widths(bold);
    // Compared in whole font units, so the test textWidth() <= maxWidth holds exactly.
    const auto limit = static_cast<std::int64_t>(std::floor(maxWidth * 1000 / size + kEpsilon));
    const std::int64_t space = w[' '];
    std::vector<std::string> lines;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto hard = text.substr(start, end - start);
        start = end + 1;
        std::string line;
        std::int64_t lineUnits = 0;
        for (std::size_t p = 0; p < hard.size();) {
            if (hard[p] == ' ') { ++p; continue; }
            auto q = hard.find(' ', p);
            if (q == std::string_view::npos) q = hard.size();
            const auto word = hard.substr(p, q - p);
            p = q;
            const auto wordUnits = units(word, bold);
            if (!line.empty() && lineUnits + space + wordUnits <= limit) {
                line += ' ';
                line += word;
                lineUnits += space + wordUnits;
                continue;
            }
            if (!line.empty()) lines.push_back(std::exchange(line, {}));
            lineUnits = 0;
            if (wordUnits <= limit) {
                line = word;
                lineUnits = wordUnits;
                continue;
            }
            for (char c : word) {
                const std::int64_t charUnits = w[static_cast<unsigned char>(c)];
                if (!line.empty() && lineUnits + charUnits > limit) {
                    lines.push_back(std::exchange(line, {}));
                    lineUnits = 0;
                }
                line += c;
                lineUnits += charUnits;
            }
        }
        lines.push_back(std::move(line));
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

// The baseline of a line whose box (one leading high) starts at `top`: Helvetica's ascender
// (718) and descender (207) centred in the box.
double baseline(double top, const Style& style) {
    return top - (style.leading - 0.925 * style.size) / 2 - 0.718 * style.size;
}

struct Cell {
    double x = 0;
    double width = 0;
    bool bold = false;
    std::vector<std::string> lines;
};

struct RowLook {
    Style style;
    double padding = 0;  // above and below the text
    double inset = 0;    // left of the text in each cell
    double ruleWidth = 0;  // 0: no rule below the row
    double ruleFrom = kLeft, ruleTo = kRight;
    double repeated = 0;  // the height a new page's repeated table header takes
};

// Pages filled top to bottom; y is the top of the room left on the current page.
class Layout {
public:
    explicit Layout(const PdfLimits& limits) : limits_(limits) {}

    std::vector<std::string>& pages() { return pages_; }

    Status newPage() {
        if (static_cast<int>(pages_.size()) >= limits_.maxPages)
            return fail("document: more than " + std::to_string(limits_.maxPages) + " pages");
        if (!pages_.empty()) bytes_ += pages_.back().size();
        if (bytes_ > limits_.maxBytes) return tooLarge();
        pages_.emplace_back();
        y_ = kTop;
        used_ = false;
        return {};
    }

    Status tooLarge() const {
        return fail("document: the PDF would be larger than " + std::to_string(limits_.maxBytes) + " bytes");
    }

    // Space between blocks; none at the top of a page.
    void gap(double height) {
        if (used_) y_ -= height;
    }

    // Starts a new page unless `height` fits below; a block taller than a page starts on a new one.
    Status keep(double height) {
        if (used_ && y_ - std::min(height, kTop - kBottom) < kBottom - kEpsilon) return newPage();
        return {};
    }

    // One line of text at x; `marker` (a bullet) is set at markerX on the same baseline.
    Status line(const Style& style, bool bold, double x, std::string_view content, std::string_view marker = {},
                double markerX = 0) {
        if (y_ - style.leading < kBottom - kEpsilon)
            if (auto s = newPage(); !s) return s;
        const double base = baseline(y_, style);
        if (!marker.empty()) text(markerX, base, style.size, false, marker);
        text(x, base, style.size, bold, content);
        y_ -= style.leading;
        used_ = true;
        return {};
    }

    Status lines(const std::vector<std::string>& texts, const Style& style, bool bold, double x) {
        for (const auto& t : texts)
            if (auto s = line(style, bold, x, t); !s) return s;
        return {};
    }

    // A row of top-aligned cells. A row that does not fit the room left moves to a new page; one
    // that would not fit a new page either is split, starting where it is. `onNewPage` repeats a
    // table's header.
    Status row(const std::vector<Cell>& cells, const RowLook& look, const std::function<Status()>& onNewPage = {}) {
        std::size_t total = 1;
        for (const auto& c : cells) total = std::max(total, c.lines.size());
        auto linesIn = [&](double room) {
            room += kEpsilon - 2 * look.padding;
            return room < look.style.leading ? std::size_t{0} : static_cast<std::size_t>(room / look.style.leading);
        };
        const std::size_t perPage = linesIn(kTop - kBottom - look.repeated);
        std::size_t done = 0;
        bool fresh = !used_;
        for (;;) {
            const std::size_t fit = linesIn(y_ - kBottom);
            const std::size_t rest = total - done;
            std::size_t take = 0;
            if (fit >= rest) take = rest;
            else if (fit > 0 && (done > 0 || fresh || rest > perPage)) take = fit;
            if (take > 0) {
                const double top = y_ - look.padding;
                for (const auto& c : cells)
                    for (std::size_t i = done; i < std::min(done + take, c.lines.size()); ++i)
                        text(c.x + look.inset, baseline(top - static_cast<double>(i - done) * look.style.leading, look.style),
                             look.style.size, c.bold, c.lines[i]);
                y_ -= static_cast<double>(take) * look.style.leading + 2 * look.padding;
                used_ = true;
                if (look.ruleWidth > 0) rule(look.ruleFrom, look.ruleTo, y_, look.ruleWidth);
                done += take;
                if (done == total) return {};
            }
            if (auto s = newPage(); !s) return s;
            if (onNewPage)
                if (auto s = onNewPage(); !s) return s;
            fresh = true;
        }
    }

    void text(double x, double base, double size, bool bold, std::string_view winAnsi) {
        if (winAnsi.empty()) return;
        pages_.back() += "BT /" + std::string(bold ? "F2" : "F1") + " " + num(size) + " Tf " + num(x) + " " + num(base) + " Td " +
                         pdfString(winAnsi) + " Tj ET\n";
    }

    void rule(double x1, double x2, double y, double width) {
        pages_.back() += "q " + num(width) + " w " + num(x1) + " " + num(y) + " m " + num(x2) + " " + num(y) + " l S Q\n";
    }

    // A filled rectangle, `y` its bottom edge; the colour stays inside q…Q, so text after it is black.
    void fill(double x, double y, double width, double height, const detail::Rgb& colour) {
        pages_.back() += "q " + rgb(colour) + " rg " + num(x) + " " + num(y) + " " + num(width) + " " + num(height) + " re f Q\n";
    }

    void outline(double x, double y, double width, double height, const detail::Rgb& colour, double lineWidth) {
        pages_.back() += "q " + rgb(colour) + " RG " + num(lineWidth) + " w " + num(x) + " " + num(y) + " " + num(width) + " " +
                         num(height) + " re S Q\n";
    }

    void segment(double x1, double y1, double x2, double y2, const detail::Rgb& colour, double lineWidth) {
        pages_.back() += "q " + rgb(colour) + " RG " + num(lineWidth) + " w " + num(x1) + " " + num(y1) + " m " + num(x2) + " " + num(y2) +
                         " l S Q\n";
    }

    // Operators written as they are (a drawing's paths).
    void append(std::string_view operators) { pages_.back() += operators; }

    // Fails when the pages so far already pass the size limit (a drawing's many shapes).
    Status checkSize() const {
        if (bytes_ + pages_.back().size() > limits_.maxBytes) return tooLarge();
        return {};
    }

    double y() const { return y_; }
    void moveDown(double height) { y_ -= height; }
    // Drawn by hand above y: the room below is what is left.
    void place(double height) {
        y_ -= height;
        used_ = true;
    }
    bool fits(double height) const { return y_ - height >= kBottom - kEpsilon; }

private:
    PdfLimits limits_;
    std::vector<std::string> pages_;
    std::size_t bytes_ = 0;  // of the pages before the current one
    double y_ = kTop;
    bool used_ = false;
};

std::vector<std::string> wrapped(std::string_view utf8, bool bold, const Style& style, double maxWidth) {
    return wrap(toWinAnsi(utf8), bold, style.size, maxWidth);
}

// WinAnsi text with "…" after it, shortened until both fit `maxWidth`.
std::string withEllipsis(std::string text, bool bold, double size, double maxWidth) {
    const double ellipsis = textWidth("\x85", bold, size);
    if (ellipsis > maxWidth) return {};
    double width = textWidth(text, bold, size);
    while (!text.empty() && width + ellipsis > maxWidth + kEpsilon) {
        width -= textWidth(std::string_view(&text.back(), 1), bold, size);
        text.pop_back();
    }
    return text + "\x85";
}

// A chart's label wrapped to at most `maxLines` lines, the last ending in "…" when cut. Only the
// first `maxBytes` are looked at: more never fit the few lines a chart gives a label.
std::vector<std::string> cappedLines(std::string_view utf8, bool bold, double size, double maxWidth, std::size_t maxLines,
                                     std::size_t maxBytes = 1024) {
    const std::string_view text = detail::utf8Prefix(utf8, maxBytes);
    auto lines = wrap(toWinAnsi(text), bold, size, maxWidth);
    const bool cut = lines.size() > maxLines || text.size() < utf8.size();
    if (lines.size() > maxLines) lines.resize(maxLines);
    if (cut && !lines.empty()) lines.back() = withEllipsis(lines.back(), bold, size, maxWidth);
    return lines;
}

// One line of a chart's text (a series' name, a caption), cut with "…" to fit.
std::string cappedLine(std::string_view utf8, bool bold, double size, double maxWidth) {
    const auto lines = cappedLines(detail::oneLine(detail::utf8Prefix(utf8, 1024)), bold, size, maxWidth, 1);
    return lines.empty() ? std::string() : lines.front();
}

// Column widths from the content: a column's longest line (natural) and longest word (minimum).
std::vector<double> columnWidths(const std::vector<std::vector<std::string>>& cells, const std::vector<bool>& boldRows,
                                 std::size_t columns, double available, const Style& style, double padding) {
    std::vector<double> minimum(columns, 0), natural(columns, 0);
    const double cap = std::max(kMinColumn, available / static_cast<double>(columns));
    for (std::size_t r = 0; r < cells.size(); ++r) {
        for (std::size_t c = 0; c < cells[r].size() && c < columns; ++c) {
            const std::string_view text = cells[r][c];
            for (std::size_t start = 0; start <= text.size();) {
                auto end = text.find_first_of(" \n", start);
                if (end == std::string_view::npos) end = text.size();
                minimum[c] = std::max(minimum[c], textWidth(text.substr(start, end - start), boldRows[r], style.size));
                start = end + 1;
            }
            for (std::size_t start = 0; start <= text.size();) {
                auto end = text.find('\n', start);
                if (end == std::string_view::npos) end = text.size();
                natural[c] = std::max(natural[c], textWidth(text.substr(start, end - start), boldRows[r], style.size));
                start = end + 1;
            }
        }
    }
    for (std::size_t c = 0; c < columns; ++c) {
        // Capped at an even share, so the minimums always fit side by side.
        minimum[c] = std::clamp(minimum[c] + 2 * padding, kMinColumn, cap);
        natural[c] = std::clamp(natural[c] + 2 * padding, minimum[c], available);
    }
    std::vector<double> width(columns, 0);
    double naturalSum = 0;
    for (double n : natural) naturalSum += n;
    if (naturalSum <= available) {
        // Everything fits on one line: the table still spans the text width.
        for (std::size_t c = 0; c < columns; ++c) width[c] = natural[c] * available / naturalSum;
        return width;
    }
    // Columns whose longest line fits an even share of the width keep it on one line; the others
    // share the rest in proportion to their longest line, each at least its longest word (both
    // at most an even share, so the minimums fit).
    std::vector<bool> fixed(columns, false);
    for (std::size_t c = 0; c < columns; ++c)
        if (natural[c] <= available / static_cast<double>(columns)) {
            width[c] = natural[c];
            fixed[c] = true;
        }
    for (bool changed = true; changed;) {
        changed = false;
        double freeWidth = available, freeNatural = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            if (fixed[c]) freeWidth -= width[c];
            else freeNatural += natural[c];
        }
        for (std::size_t c = 0; c < columns; ++c) {
            if (fixed[c]) continue;
            width[c] = freeWidth * natural[c] / freeNatural;
            if (width[c] < minimum[c]) {
                width[c] = minimum[c];
                fixed[c] = true;
                changed = true;
            }
        }
    }
    return width;
}

class Renderer {
public:
    Renderer(const Document& doc, const PdfLimits& limits) : doc_(doc), layout_(limits), maxBytes_(limits.maxBytes) {}

    Result<std::string> run() {
        if (auto s = layout_.newPage(); !s) return s.error();
        if (!doc_.title.empty()) {
            if (auto s = layout_.lines(wrapped(doc_.title, true, kTitle, kTextWidth), kTitle, true, kLeft); !s) return s.error();
            layout_.gap(8);
        }
        for (const auto& block : doc_.blocks)
            if (auto s = std::visit([&](const auto& b) { return draw(b); }, block); !s) return s.error();
        if (!doc_.footer.empty())
            if (auto s = signature(); !s) return s.error();
        pageFooters();
        return assemble();
    }

private:
    Status draw(const Heading& h) {
        const Style& style = kHeadings[std::clamp(h.level, 1, 3) - 1];
        const auto lines = wrapped(h.text, true, style, kTextWidth);
        if (lines.empty()) return {};
        layout_.gap(style.size);
        // A heading stays with at least two lines of what follows it.
        if (auto s = layout_.keep(static_cast<double>(lines.size()) * style.leading + 2 * kBody.leading); !s) return s;
        if (auto s = layout_.lines(lines, style, true, kLeft); !s) return s;
        layout_.gap(2);
        return {};
    }

    Status draw(const Paragraph& p) {
        const auto lines = wrapped(p.text, false, kBody, kTextWidth);
        if (lines.empty()) return {};
        layout_.gap(6);
        return layout_.lines(lines, kBody, false, kLeft);
    }

    Status draw(const BulletList& list) {
        if (list.items.empty()) return {};
        layout_.gap(6);
        for (const auto& item : list.items) {
            auto lines = wrapped(item, false, kBody, kTextWidth - kBulletIndent);
            if (lines.empty()) lines.emplace_back();
            for (std::size_t i = 0; i < lines.size(); ++i)
                if (auto s = layout_.line(kBody, false, kLeft + kBulletIndent, lines[i], i == 0 ? "\x95" : "", kLeft + 4); !s)
                    return s;
            layout_.gap(2);
        }
        return {};
    }

    // A chart's title, bold lines above it.
    static std::vector<std::string> chartTitle(const std::string& title) {
        return cappedLines(title, true, kChartTitle.size, kTextWidth, 3);
    }

    // Horizontal grouped bars: labels on the left, bars from the axis, each value after its bar.
    // The whole chart stays on one page when it fits one; a longer one breaks between groups and
    // repeats its legend.
    Status draw(const BarChart& chart) {
        const detail::BarView view(chart);
        if (view.groups() == 0 && view.seriesCount() == 0 && chart.title.empty()) return {};
        const std::string& language = doc_.language;
        const std::size_t slots = std::max<std::size_t>(view.seriesCount(), 1);
        const double maximum = view.maximum();
        const auto title = chartTitle(chart.title);

        struct LegendItem {
            double x;
            std::size_t line;
            std::string text;
            std::optional<std::size_t> series;
        };
        std::vector<LegendItem> legend;
        double legendX = kLeft;
        std::size_t legendLines = 0;
        auto addLegend = [&](std::string text, std::optional<std::size_t> series) {
            const double width = (series ? kSwatch + 3 : 0) + textWidth(text, false, kChartText.size) + 12;
            if (legendX > kLeft && legendX + width > kRight) {
                legendX = kLeft;
                ++legendLines;
            }
            legend.push_back({legendX, legendLines, std::move(text), series});
            legendX += width;
        };
        for (std::size_t s = 0; s < view.seriesCount(); ++s)
            addLegend(cappedLine(view.seriesName(s), false, kChartText.size, kTextWidth / 2 - kSwatch - 3), s);
        if (view.hiddenSeries() > 0) addLegend(toWinAnsi(detail::moreNote(view.hiddenSeries(), language)), std::nullopt);
        const double legendHeight = legend.empty() ? 0 : static_cast<double>(legendLines + 1) * kLegendLine + 4;

        double widestLabel = 0, widestValue = textWidth("\x96", false, kChartSmall.size);
        for (std::size_t g = 0; g < view.groups(); ++g) {
            widestLabel = std::max(widestLabel, textWidth(toWinAnsi(detail::utf8Prefix(view.label(g), 1024)), false, kChartText.size));
            for (std::size_t s = 0; s < slots; ++s)
                if (const auto v = view.value(s, g))
                    widestValue = std::max(widestValue, textWidth(toWinAnsi(detail::formatNumber(*v, language)), false, kChartSmall.size));
        }
        constexpr double kLabelGap = 8, kBar = 9, kBarGap = 1.5, kGroupGap = 6;
        const double labelWidth = std::clamp(widestLabel + kLabelGap, 40.0, 0.35 * kTextWidth);
        const double valueWidth = std::clamp(widestValue + 5, 20.0, 60.0);
        const double plotX = kLeft + labelWidth, plotWidth = kTextWidth - labelWidth - valueWidth;
        const double barsHeight = static_cast<double>(slots) * kBar + static_cast<double>(slots - 1) * kBarGap;
        std::vector<std::vector<std::string>> labels(view.groups());
        std::vector<double> groupHeights(view.groups());
        double groupsHeight = 0;
        for (std::size_t g = 0; g < view.groups(); ++g) {
            labels[g] = cappedLines(view.label(g), false, kChartText.size, labelWidth - kLabelGap, 3);
            groupHeights[g] = std::max(barsHeight, static_cast<double>(labels[g].size()) * kChartText.leading) + kGroupGap;
            groupsHeight += groupHeights[g];
        }
        const std::string caption = cappedLine(chart.valueLabel, false, kChartText.size, plotWidth);
        const double axisHeight = kChartSmall.leading + (caption.empty() ? 0 : kChartText.leading) +
                                  (view.hiddenGroups() > 0 ? kChartText.leading : 0);
        const double headerHeight = static_cast<double>(title.size()) * kChartTitle.leading + legendHeight;
        const double total = headerHeight + groupsHeight + axisHeight;

        layout_.gap(8);
        const double first = groupHeights.empty() ? axisHeight : groupHeights.front();
        if (auto s = layout_.keep(total <= kTop - kBottom ? total : headerHeight + first); !s) return s;
        if (auto s = layout_.lines(title, kChartTitle, true, kLeft); !s) return s;
        auto drawLegend = [&]() {
            const double top = layout_.y();
            for (const auto& item : legend) {
                const double base = baseline(top - static_cast<double>(item.line) * kLegendLine, {kChartText.size, kLegendLine});
                double x = item.x;
                if (item.series) {
                    layout_.fill(x, base - 1, kSwatch, kSwatch, detail::seriesColour(*item.series));
                    x += kSwatch + 3;
                }
                layout_.text(x, base, kChartText.size, false, item.text);
            }
            if (legendHeight > 0) layout_.place(legendHeight);
        };
        drawLegend();

        const auto ticks = detail::axisTicks(maximum);
        const detail::Rgb black{0, 0, 0}, grid{204, 204, 204};
        for (std::size_t g = 0; g < view.groups(); ++g) {
            const double height = groupHeights[g];
            if (!layout_.fits(height)) {
                if (auto s = layout_.newPage(); !s) return s;
                drawLegend();
            }
            const double top = layout_.y();
            for (const double tick : ticks) {
                const double x = plotX + plotWidth * tick / maximum;
                layout_.segment(x, top, x, top - height, tick == 0 ? black : grid, tick == 0 ? 0.6 : 0.4);
            }
            const double labelHeight = static_cast<double>(labels[g].size()) * kChartText.leading;
            const double labelTop = top - kGroupGap / 2 - std::max(0.0, (barsHeight - labelHeight) / 2);
            for (std::size_t i = 0; i < labels[g].size(); ++i)
                layout_.text(kLeft, baseline(labelTop - static_cast<double>(i) * kChartText.leading, kChartText), kChartText.size, false,
                             labels[g][i]);
            const double barsTop = top - kGroupGap / 2 - std::max(0.0, (labelHeight - barsHeight) / 2);
            for (std::size_t s = 0; s < slots; ++s) {
                const double barTop = barsTop - static_cast<double>(s) * (kBar + kBarGap);
                const auto v = view.value(s, g);
                const double width = v ? plotWidth * *v / maximum : 0;
                if (width > 0) layout_.fill(plotX, barTop - kBar, width, kBar, detail::seriesColour(s));
                // Centred on the bar: half the capital height (0.718 em) below its middle.
                const double base = barTop - kBar / 2 - 0.359 * kChartSmall.size;
                const std::string shown = v ? toWinAnsi(detail::formatNumber(*v, language)) : std::string("\x96");
                layout_.text(std::min(plotX + width + 3, kRight - textWidth(shown, false, kChartSmall.size)), base, kChartSmall.size, false, shown);
            }
            layout_.place(height);
        }

        if (!layout_.fits(axisHeight)) {
            if (auto s = layout_.newPage(); !s) return s;
            drawLegend();
        }
        const double axisTop = layout_.y();
        for (const double tick : ticks) {
            const std::string label = toWinAnsi(detail::formatNumber(tick, language));
            const double width = textWidth(label, false, kChartSmall.size);
            const double x = std::clamp(plotX + plotWidth * tick / maximum - width / 2, kLeft, kRight - width);
            layout_.text(x, baseline(axisTop, kChartSmall), kChartSmall.size, false, label);
        }
        layout_.place(kChartSmall.leading);
        if (!caption.empty()) {
            const double width = textWidth(caption, false, kChartText.size);
            layout_.text(plotX + (plotWidth - width) / 2, baseline(layout_.y(), kChartText), kChartText.size, false, caption);
            layout_.place(kChartText.leading);
        }
        if (view.hiddenGroups() > 0) {
            layout_.text(kLeft, baseline(layout_.y(), kChartText), kChartText.size, false,
                         toWinAnsi(detail::moreNote(view.hiddenGroups(), language)));
            layout_.place(kChartText.leading);
        }
        return {};
    }

    // A grid of coloured cells under their column labels: as many columns side by side as fit the
    // width, the rest in further bands below. Rows break between pages with the column labels
    // repeated; a grid that fits a page stays on one.
    Status draw(const HeatMap& map) {
        const detail::HeatView view(map);
        if (view.rows() == 0 && view.columns() == 0 && map.title.empty()) return {};
        const std::string& language = doc_.language;
        const auto title = chartTitle(map.title);
        constexpr double kPad = 2.5, kMinCell = 34, kMaxCell = 90, kMinRow = 14, kBandGap = 6;
        const Style& text = kChartSmall;

        double widestRow = 0;
        for (std::size_t r = 0; r < view.rows(); ++r)
            widestRow = std::max(widestRow, textWidth(toWinAnsi(detail::utf8Prefix(view.rowLabel(r), 1024)), false, text.size));
        const double labelWidth = std::clamp(widestRow + 2 * kPad, 40.0, 0.3 * kTextWidth);
        const double gridX = kLeft + labelWidth;
        // As few bands as the width allows, their columns shared out evenly (14 columns: 7 and 7).
        const std::size_t fit = std::max<std::size_t>(1, static_cast<std::size_t>((kTextWidth - labelWidth) / kMinCell));
        const std::size_t bandCount = view.columns() == 0 ? 1 : (view.columns() + fit - 1) / fit;
        const std::size_t perBand = view.columns() == 0 ? 1 : (view.columns() + bandCount - 1) / bandCount;
        const double cellWidth = std::min(kMaxCell, (kTextWidth - labelWidth) / static_cast<double>(perBand));
        const double textRoom = cellWidth - 2 * kPad;

        std::vector<std::vector<std::string>> rowLabels(view.rows()), columnLabels(view.columns());
        for (std::size_t r = 0; r < view.rows(); ++r) rowLabels[r] = cappedLines(view.rowLabel(r), false, text.size, labelWidth - 2 * kPad, 3);
        for (std::size_t c = 0; c < view.columns(); ++c) columnLabels[c] = cappedLines(view.columnLabel(c), true, text.size, textRoom, 3);
        auto cellLines = [&](std::size_t r, std::size_t c) {
            return cappedLines(view.shown(r, c, language), false, text.size, textRoom, 2, 256);
        };
        auto linesHeight = [&](std::size_t lines) {
            return std::max(kMinRow, static_cast<double>(std::max<std::size_t>(lines, 1)) * text.leading + 2 * kPad);
        };

        struct Band {
            std::size_t from = 0, to = 0;
            double header = 0;
            std::vector<double> rows = {};
        };
        std::vector<Band> bands;
        double gridHeight = 0;
        if (view.rows() > 0)
            for (std::size_t from = 0; from < view.columns(); from += perBand) {
                Band band;
                band.from = from;
                band.to = std::min(view.columns(), from + perBand);
                std::size_t headerLines = 0;
                for (std::size_t c = band.from; c < band.to; ++c) headerLines = std::max(headerLines, columnLabels[c].size());
                band.header = linesHeight(headerLines);
                for (std::size_t r = 0; r < view.rows(); ++r) {
                    std::size_t lines = rowLabels[r].size();
                    for (std::size_t c = band.from; c < band.to; ++c) lines = std::max(lines, cellLines(r, c).size());
                    band.rows.push_back(linesHeight(lines));
                    gridHeight += band.rows.back();
                }
                gridHeight += band.header + kBandGap;
                bands.push_back(std::move(band));
            }
        const std::size_t notes = (view.hiddenRows() > 0) + (view.hiddenColumns() > 0);
        const double headerHeight = static_cast<double>(title.size()) * kChartTitle.leading + kLegendLine + 4;
        const double notesHeight = static_cast<double>(notes) * kChartText.leading;
        const double total = headerHeight + gridHeight + notesHeight;

        layout_.gap(8);
        const double first = bands.empty() ? notesHeight : bands.front().header + bands.front().rows.front();
        if (auto s = layout_.keep(total <= kTop - kBottom ? total : headerHeight + first); !s) return s;
        if (auto s = layout_.lines(title, kChartTitle, true, kLeft); !s) return s;

        // The scale: 0 % red through yellow to 100 % green, and grey for a missing value.
        {
            const double base = baseline(layout_.y(), {text.size, kLegendLine});
            double x = kLeft;
            auto word = [&](const std::string& utf8) {
                const std::string w = toWinAnsi(utf8);
                layout_.text(x, base, text.size, false, w);
                x += textWidth(w, false, text.size) + 3;
            };
            word(detail::formatPercent(0, language));
            for (int i = 0; i <= 10; ++i) {
                layout_.fill(x, base - 1.5, 10, kSwatch, detail::heatColour(i / 10.0));
                x += 10;
            }
            x += 3;
            word(detail::formatPercent(1, language));
            x += 10;
            layout_.fill(x, base - 1.5, 10, kSwatch, detail::heatColour(std::nullopt));
            x += 13;
            word(detail::norwegian(language) ? "mangler" : "missing");
            layout_.place(kLegendLine + 4);
        }

        const detail::Rgb white{255, 255, 255};
        // Text lines centred in a box whose top is `top`.
        auto centred = [&](const std::vector<std::string>& lines, double x, double width, double top, double height, bool bold) {
            const double block = static_cast<double>(lines.size()) * text.leading;
            const double firstTop = top - (height - block) / 2;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const double w = textWidth(lines[i], bold, text.size);
                layout_.text(x + (width - w) / 2, baseline(firstTop - static_cast<double>(i) * text.leading, text), text.size, bold, lines[i]);
            }
        };
        for (const Band& band : bands) {
            auto drawHeader = [&]() {
                const double top = layout_.y();
                for (std::size_t c = band.from; c < band.to; ++c)
                    centred(columnLabels[c], gridX + static_cast<double>(c - band.from) * cellWidth, cellWidth, top, band.header, true);
                layout_.place(band.header);
            };
            layout_.gap(kBandGap);
            if (!layout_.fits(band.header + band.rows.front()))
                if (auto s = layout_.newPage(); !s) return s;
            drawHeader();
            for (std::size_t r = 0; r < view.rows(); ++r) {
                const double height = band.rows[r];
                if (!layout_.fits(height)) {
                    if (auto s = layout_.newPage(); !s) return s;
                    drawHeader();
                }
                const double top = layout_.y();
                const double labelTop = top - (height - static_cast<double>(rowLabels[r].size()) * text.leading) / 2;
                for (std::size_t i = 0; i < rowLabels[r].size(); ++i)
                    layout_.text(kLeft + kPad, baseline(labelTop - static_cast<double>(i) * text.leading, text), text.size, false,
                                 rowLabels[r][i]);
                for (std::size_t c = band.from; c < band.to; ++c) {
                    const double x = gridX + static_cast<double>(c - band.from) * cellWidth;
                    layout_.fill(x, top - height, cellWidth, height, detail::heatColour(view.value(r, c)));
                    layout_.outline(x, top - height, cellWidth, height, white, 1);
                    centred(cellLines(r, c), x, cellWidth, top, height, false);
                }
                layout_.place(height);
            }
        }
        for (const std::size_t hidden : {view.hiddenRows(), view.hiddenColumns()}) {
            if (hidden == 0) continue;
            if (!layout_.fits(kChartText.leading))
                if (auto s = layout_.newPage(); !s) return s;
            layout_.text(kLeft, baseline(layout_.y(), kChartText), kChartText.size, false, toWinAnsi(detail::moreNote(hidden, language)));
            layout_.place(kChartText.leading);
        }
        return {};
    }

    // A drawing in vectors below its title, at the left margin: scaled down to the text width
    // (never up), and to a page when taller than one; it starts a new page when it does not fit
    // the room left. A wide drawing that would shrink too far is turned a quarter (its top to the
    // left edge, as a landscape figure in a portrait document) when that makes it larger. Each
    // shape sets its pen and fill inside q…Q, and the whole is clipped to its box, so nothing
    // runs into the text around it. Text is Helvetica like the rest, placed by its measured width.
    Status draw(const Drawing& drawing) {
        const detail::DrawingView view(drawing);
        if (!view.sized() && drawing.title.empty()) return {};
        const auto title = chartTitle(drawing.title);
        const double titleHeight = static_cast<double>(title.size()) * kChartTitle.leading;
        const double above = title.empty() ? 0 : 4;  // between the title and the drawing
        const double noteHeight = view.hiddenShapes() > 0 ? kChartText.leading : 0;
        double scale = 0, drawnWidth = 0, drawnHeight = 0;
        bool turned = false;
        if (view.sized()) {
            const double room = kTop - kBottom - titleHeight - above - noteHeight;
            scale = std::min({1.0, kTextWidth / view.width(), room / view.height()});
            const double turnedScale = std::min({1.0, room / view.width(), kTextWidth / view.height()});
            turned = scale < 0.75 && turnedScale > scale * 1.2;
            if (turned) scale = turnedScale;
            drawnWidth = view.width() * scale;
            drawnHeight = view.height() * scale;
        }
        const double across = turned ? drawnHeight : drawnWidth, down = turned ? drawnWidth : drawnHeight;  // on the page

        layout_.gap(8);
        if (auto s = layout_.keep(titleHeight + (view.sized() ? above + down : 0) + noteHeight); !s) return s;
        if (auto s = layout_.lines(title, kChartTitle, true, kLeft); !s) return s;
        if (view.sized()) {
            layout_.moveDown(above);
            const double bottom = layout_.y() - down;
            // Upright, shapes go straight onto the page; turned, into the drawing's own frame, which
            // a matrix puts on the page (x up the page, y towards the left margin).
            const double left = turned ? 0 : kLeft, base = turned ? 0 : bottom;
            auto at = [&](const std::pair<double, double>& p) { return num(left + p.first * scale) + " " + num(base + p.second * scale); };
            const std::string frame = turned ? "0 1 -1 0 " + num(kLeft + across) + " " + num(bottom) + " cm " : std::string();
            layout_.append("q " + frame + num(left) + " " + num(base) + " " + num(drawnWidth) + " " + num(drawnHeight) + " re W n " +
                           num(std::max(0.1, scale)) + " w\n");
            for (std::size_t i = 0; i < view.shapes(); ++i) {
                const DrawingShape* shape = view.shape(i);
                if (!shape) continue;
                const auto& points = shape->points;
                if (shape->kind == DrawingShape::Kind::Text) {
                    if (!shape->stroked) continue;  // a transparent pen: nothing to see
                    const std::string shown = toWinAnsi(detail::drawingText(shape->text));
                    const double size = shape->fontSize * scale;
                    if (size < 0.5) continue;  // a huge drawing shrunk this far has no text to read
                    const double width = textWidth(shown, false, size);
                    double x = left + points[0].first * scale;
                    if (shape->align == 'c') x -= width / 2;
                    else if (shape->align == 'r') x -= width;
                    // Helvetica may run wider than the font Graphviz measured: kept inside the box.
                    x = std::clamp(x, left, std::max(left, left + drawnWidth - width));
                    layout_.append("q " + rgb(view.stroke(*shape)) + " rg\n");
                    layout_.text(x, base + points[0].second * scale, size, false, shown);
                    layout_.append("Q\n");
                    continue;
                }
                const bool filled = shape->filled && shape->kind != DrawingShape::Kind::Polyline;
                if (!filled && !shape->stroked) continue;
                std::string ops = "q";
                if (shape->stroked) ops += " " + rgb(view.stroke(*shape)) + " RG";
                if (filled) ops += " " + rgb(view.fill(*shape)) + " rg";
                if (shape->dashed) ops += " [3 2] 0 d";
                ops += "\n";
                bool closed = false;
                switch (shape->kind) {
                    case DrawingShape::Kind::Polygon:
                    case DrawingShape::Kind::Polyline:
                        ops += at(points[0]) + " m\n";
                        for (std::size_t p = 1; p < points.size(); ++p) ops += at(points[p]) + " l\n";
                        closed = shape->kind == DrawingShape::Kind::Polygon;
                        break;
                    case DrawingShape::Kind::Bezier:
                        ops += at(points[0]) + " m\n";
                        for (std::size_t p = 1; p + 2 < points.size(); p += 3)
                            ops += at(points[p]) + " " + at(points[p + 1]) + " " + at(points[p + 2]) + " c\n";
                        closed = filled;
                        break;
                    case DrawingShape::Kind::Ellipse: {
                        // Four Bézier quarter arcs, their control points kappa along the tangents.
                        constexpr double kKappa = 0.5523;
                        const double cx = points[0].first, cy = points[0].second, rx = points[1].first, ry = points[1].second;
                        const double kx = kKappa * rx, ky = kKappa * ry;
                        auto arc = [&](double x1, double y1, double x2, double y2, double x3, double y3) {
                            return at({x1, y1}) + " " + at({x2, y2}) + " " + at({x3, y3}) + " c\n";
                        };
                        ops += at({cx + rx, cy}) + " m\n";
                        ops += arc(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
                        ops += arc(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
                        ops += arc(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
                        ops += arc(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
                        closed = true;
                        break;
                    }
                    case DrawingShape::Kind::Text:
                        break;
                }
                if (closed) ops += "h\n";
                ops += (filled && shape->stroked) ? "B" : (filled ? "f" : "S");
                ops += " Q\n";
                layout_.append(ops);
            }
            layout_.append("Q\n");
            layout_.place(down);
            if (auto s = layout_.checkSize(); !s) return s;
        }
        if (view.hiddenShapes() > 0) {
            if (!layout_.fits(kChartText.leading))
                if (auto s = layout_.newPage(); !s) return s;
            layout_.text(kLeft, baseline(layout_.y(), kChartText), kChartText.size, false,
                         toWinAnsi(detail::moreNote(view.hiddenShapes(), doc_.language)));
            layout_.place(kChartText.leading);
        }
        return {};
    }

    Status draw(const KeyValues& kv) {
        if (kv.items.empty()) return {};
        layout_.gap(6);
        return keyValues(keyValueRows(kv.items, kBody), kBody);
    }

    Status draw(const Table& t) {
        std::size_t columns = t.header.size();
        for (const auto& r : t.rows) columns = std::max(columns, r.size());
        if (columns == 0) return {};
        if (columns > kMaxColumns)
            return fail("document: a table of " + std::to_string(columns) + " columns does not fit the page; at most " +
                        std::to_string(kMaxColumns));
        std::vector<std::vector<std::string>> cells;
        std::vector<bool> bold;
        const bool hasHeader = !t.header.empty();
        if (hasHeader) {
            cells.push_back(t.header);
            bold.push_back(true);
        }
        for (const auto& r : t.rows) {
            cells.push_back(r);
            bold.push_back(false);
        }
        for (auto& r : cells) {
            r.resize(columns);
            for (auto& c : r) c = toWinAnsi(c);
        }
        const auto width = columnWidths(cells, bold, columns, kTextWidth, kCell, kCellPadding);
        std::vector<double> x(columns, kLeft);
        for (std::size_t c = 1; c < columns; ++c) x[c] = x[c - 1] + width[c - 1];
        auto rowCells = [&](std::size_t r) {
            std::vector<Cell> row(columns);
            for (std::size_t c = 0; c < columns; ++c)
                row[c] = {x[c], width[c], bold[r], wrap(cells[r][c], bold[r], kCell.size, width[c] - 2 * kCellPadding)};
            return row;
        };
        const double right = x.back() + width.back();
        auto height = [&](const std::vector<Cell>& row) {
            std::size_t lines = 1;
            for (const auto& c : row) lines = std::max(lines, c.lines.size());
            return static_cast<double>(lines) * kCell.leading + 2 * kCellPadding;
        };
        std::vector<Cell> header;
        if (hasHeader) header = rowCells(0);
        // A header taller than a quarter page is shown once, not on every page of the table.
        const bool repeat = hasHeader && height(header) <= (kTop - kBottom) / 4;
        const RowLook bodyLook{kCell, kCellPadding, kCellPadding, 0.3, kLeft, right, repeat ? height(header) : 0};
        const RowLook headerLook{kCell, kCellPadding, kCellPadding, 0.8, kLeft, right};
        auto drawHeader = [&]() -> Status {
            layout_.rule(kLeft, right, layout_.y(), 0.8);
            return hasHeader ? layout_.row(header, headerLook) : Status{};
        };
        const std::size_t first = hasHeader ? 1 : 0;
        layout_.gap(6);
        // The header (or the top rule) stays with the first row, or its first lines when the row
        // would not fit a page anyway.
        double opening = hasHeader ? height(header) : 0;
        if (first < cells.size()) {
            const double firstRow = height(rowCells(first));
            opening += firstRow <= kTop - kBottom - opening ? firstRow : 3 * kCell.leading + 2 * kCellPadding;
        }
        if (auto s = layout_.keep(opening); !s) return s;
        if (auto s = drawHeader(); !s) return s;
        std::function<Status()> onNewPage;
        if (repeat) onNewPage = drawHeader;
        else onNewPage = [&]() { layout_.rule(kLeft, right, layout_.y(), 0.8); return Status{}; };
        for (std::size_t r = first; r < cells.size(); ++r)
            if (auto s = layout_.row(rowCells(r), bodyLook, onNewPage); !s) return s;
        return {};
    }

    // Keys bold at the margin in a column as wide as the widest key (up to 40 % of the line), values
    // after a gap.
    static std::vector<std::vector<Cell>> keyValueRows(const std::vector<std::pair<std::string, std::string>>& items,
                                                       const Style& style) {
        std::vector<std::pair<std::string, std::string>> text;
        double keyWidth = 0;
        for (const auto& [key, value] : items) {
            text.emplace_back(toWinAnsi(key), toWinAnsi(value));
            for (std::size_t start = 0; start <= text.back().first.size();) {
                const std::string_view k = text.back().first;
                auto end = k.find('\n', start);
                if (end == std::string_view::npos) end = k.size();
                keyWidth = std::max(keyWidth, textWidth(k.substr(start, end - start), true, style.size));
                start = end + 1;
            }
        }
        constexpr double kGap = 12;
        const double keyColumn = std::clamp(keyWidth + kGap, kMinColumn + kGap, 0.4 * kTextWidth);
        const double valueColumn = kTextWidth - keyColumn;
        std::vector<std::vector<Cell>> rows;
        for (const auto& [key, value] : text)
            rows.push_back({{kLeft, keyColumn, true, wrap(key, true, style.size, keyColumn - kGap)},
                            {kLeft + keyColumn, valueColumn, false, wrap(value, false, style.size, valueColumn)}});
        return rows;
    }

    Status keyValues(const std::vector<std::vector<Cell>>& rows, const Style& style) {
        const RowLook look{style, kKeyValuePadding, 0};
        for (const auto& row : rows)
            if (auto s = layout_.row(row, look); !s) return s;
        return {};
    }

    // The signature lines below a rule after the last block, kept together on one page.
    Status signature() {
        const auto rows = keyValueRows(doc_.footer, kSignature);
        double height = 4;
        for (const auto& row : rows)
            height += static_cast<double>(std::max<std::size_t>({1, row[0].lines.size(), row[1].lines.size()})) * kSignature.leading +
                      2 * kKeyValuePadding;
        layout_.gap(18);
        if (auto s = layout_.keep(height); !s) return s;
        layout_.rule(kLeft, kRight, layout_.y(), 0.5);
        layout_.moveDown(4);
        return keyValues(rows, kSignature);
    }

    // Each page: a rule, the title on the left and "Side N av M" on the right, in the bottom margin.
    void pageFooters() {
        auto& pages = layout_.pages();
        const int count = static_cast<int>(pages.size());
        std::string title = toWinAnsi(doc_.title);
        std::replace(title.begin(), title.end(), '\n', ' ');
        for (int i = 0; i < count; ++i) {
            const std::string label = toWinAnsi(pageLabel(doc_.language, i + 1, count));
            const double labelWidth = textWidth(label, false, kPageFooter.size);
            const double base = kBottom - 26;
            auto& page = pages[static_cast<std::size_t>(i)];
            page += "q 0.5 w " + num(kLeft) + " " + num(kBottom - 14) + " m " + num(kRight) + " " + num(kBottom - 14) + " l S Q\n";
            // Rounded down, so the label ends at the margin and not a hundredth past it.
            const double labelX = std::floor((kRight - labelWidth) * 100) / 100;
            page += "BT /F1 " + num(kPageFooter.size) + " Tf " + num(labelX) + " " + num(base) + " Td " + pdfString(label) + " Tj ET\n";
            const std::string shown = fitted(title, kTextWidth - labelWidth - 12);
            if (!shown.empty())
                page += "BT /F1 " + num(kPageFooter.size) + " Tf " + num(kLeft) + " " + num(base) + " Td " + pdfString(shown) + " Tj ET\n";
        }
    }

    // The text, or as much of it as fits with an ellipsis after it.
    static std::string fitted(std::string text, double maxWidth) {
        if (textWidth(text, false, kPageFooter.size) <= maxWidth) return text;
        while (!text.empty() && textWidth(text + "\x85", false, kPageFooter.size) > maxWidth) text.pop_back();
        return text.empty() ? text : text + "\x85";
    }

    // The document information: text strings in UTF-16BE so æøå survive, and the creation date
    // only as the document gives it, never the clock.
    std::string info() const {
        std::string out = "<< /Producer (Vakt)";
        const std::pair<const char*, const std::string*> fields[] = {
            {"Title", &doc_.title}, {"Author", &doc_.author}, {"Subject", &doc_.subject}, {"Keywords", &doc_.keywords}, {"Creator", &doc_.creator}};
        for (const auto& [key, value] : fields)
            if (!value->empty()) out += " /" + std::string(key) + " " + utf16Hex(*value);
        if (detail::validUtcTimestamp(doc_.createdUtc)) {
            std::string date = "D:";
            for (char c : doc_.createdUtc)
                if (c >= '0' && c <= '9') date += c;
            out += " /CreationDate (" + date + "Z)";
        }
        return out + " >>";
    }

    Result<std::string> assemble() {
        auto& pages = layout_.pages();
        const std::size_t pageCount = pages.size();
        const std::size_t objects = 5 + 2 * pageCount;  // catalog, pages, two fonts, info; a page and its content each
        std::vector<std::size_t> offsets(objects + 1, 0);
        // The comment's bytes above 127 tell transfer tools that the file is binary.
        std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
        auto object = [&](std::size_t number, std::string_view body) {
            offsets[number] = out.size();
            out += std::to_string(number) + " 0 obj\n";
            out += body;
            out += "\nendobj\n";
        };
        std::string catalog = "<< /Type /Catalog /Pages 2 0 R";
        const bool validLanguage = !doc_.language.empty() && doc_.language.size() <= 35 &&
                                   std::all_of(doc_.language.begin(), doc_.language.end(), [](char c) {
                                       return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                                   });
        if (validLanguage) catalog += " /Lang (" + doc_.language + ")";
        object(1, catalog + " >>");
        std::string kids;
        for (std::size_t i = 0; i < pageCount; ++i) kids += (i % 10 == 0 ? "\n" : " ") + std::to_string(6 + 2 * i) + " 0 R";
        object(2, "<< /Type /Pages /Count " + std::to_string(pageCount) + " /Kids [" + kids + "\n] >>");
        object(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        object(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        object(5, info());
        for (std::size_t i = 0; i < pageCount; ++i) {
            const std::size_t content = 7 + 2 * i;
            object(6 + 2 * i, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(kPageWidth) + " " + num(kPageHeight) +
                                  "] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " + std::to_string(content) + " 0 R >>");
            object(content, "<< /Length " + std::to_string(pages[i].size()) + " >>\nstream\n" + pages[i] + "\nendstream");
            std::string().swap(pages[i]);
            if (out.size() > maxBytes_) return layout_.tooLarge().error();
        }
        const std::size_t xref = out.size();
        out += "xref\n0 " + std::to_string(objects + 1) + "\n0000000000 65535 f \n";
        for (std::size_t n = 1; n <= objects; ++n) {
            std::string offset = std::to_string(offsets[n]);
            out += std::string(10 - std::min<std::size_t>(10, offset.size()), '0') + offset + " 00000 n \n";
        }
        out += "trailer\n<< /Size " + std::to_string(objects + 1) + " /Root 1 0 R /Info 5 0 R >>\nstartxref\n" +
               std::to_string(xref) + "\n%%EOF\n";
        if (out.size() > maxBytes_) return layout_.tooLarge().error();
        return out;
    }

    const Document& doc_;
    Layout layout_;
    std::size_t maxBytes_;
};

// Letters written as a base and a combining mark (as macOS and some web forms do), composed into
// their WinAnsi code: the bases in `bases` become the codes at the same place in `composed`.
struct Composition {
    char32_t mark;
    std::string_view bases;
    std::string_view composed;
};
constexpr Composition kCompositions[] = {
    {0x0300, "AEIOUaeiou", "\xC0\xC8\xCC\xD2\xD9\xE0\xE8\xEC\xF2\xF9"},
    {0x0301, "AEIOUYaeiouy", "\xC1\xC9\xCD\xD3\xDA\xDD\xE1\xE9\xED\xF3\xFA\xFD"},
    {0x0302, "AEIOUaeiou", "\xC2\xCA\xCE\xD4\xDB\xE2\xEA\xEE\xF4\xFB"},
    {0x0303, "ANOano", "\xC3\xD1\xD5\xE3\xF1\xF5"},
    {0x0308, "AEIOUYaeiouy", "\xC4\xCB\xCF\xD6\xDC\x9F\xE4\xEB\xEF\xF6\xFC\xFF"},
    {0x030A, "Aa", "\xC5\xE5"},
    {0x030C, "SZsz", "\x8A\x8E\x9A\x9E"},
    {0x0327, "Cc", "\xC7\xE7"},
};

// Unicode characters at 0x80-0x9F of cp1252 (where Latin-1 has control characters).
constexpr std::pair<char32_t, unsigned char> kCp1252High[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
    {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
    {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98},
    {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
};

}  // namespace

std::string toWinAnsi(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = nextCodePoint(utf8, pos);
        if (cp == '\n' || cp == 0x2028 || cp == 0x2029) { out += '\n'; continue; }
        if (cp == '\t' || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x205F || cp == 0x3000) { out += ' '; continue; }
        if (cp == 0x202F || cp == 0x2007) { out += '\xA0'; continue; }
        if (cp == 0x2010 || cp == 0x2011 || cp == 0x2212) { out += '-'; continue; }
        // Controls (a CR of CRLF included), the soft hyphen and zero-width characters show as nothing.
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 ||
            cp == 0xFEFF)
            continue;
        if (cp < 0x100) { out += static_cast<char>(cp); continue; }
        if (cp >= 0x0300 && cp <= 0x036F) {
            bool composedHere = false;
            for (const auto& c : kCompositions) {
                if (c.mark != cp || out.empty()) continue;
                if (const auto at = c.bases.find(out.back()); at != std::string_view::npos) {
                    out.back() = c.composed[at];
                    composedHere = true;
                }
                break;
            }
            if (!composedHere) out += '?';
            continue;
        }
        char mapped = '?';
        for (const auto& [unicode, code] : kCp1252High)
            if (unicode == cp) mapped = static_cast<char>(code);
        out += mapped;
    }
    return out;
}

double textWidth(std::string_view winAnsi, bool bold, double size) {
    return static_cast<double>(units(winAnsi, bold)) * size / 1000;
}

std::string pageLabel(std::string_view language, int page, int pages) {
    std::string primary(language.substr(0, language.find_first_of("-_")));
    for (char& c : primary)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool norwegian = primary == "nb" || primary == "nn" || primary == "no";
    return (norwegian ? "Side " : "Page ") + std::to_string(page) + (norwegian ? " av " : " of ") + std::to_string(pages);
}

Result<std::string> renderPdf(const Document& document, const PdfLimits& limits) {
    return Renderer(document, limits).run();
}

}  // namespace vakt::reports
