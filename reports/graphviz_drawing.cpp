#include "reports/graphviz_drawing.h"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "core/base/json.h"
#include "core/base/utf8.h"

namespace vakt::reports {

namespace {

constexpr std::size_t kMaxShapes = 20000;
constexpr std::size_t kMaxPoints = 1000000;
constexpr double kMaxCoordinate = 1e6;
constexpr double kMaxFontSize = 1000;
// Each object's op lists, in the order Graphviz paints them.
constexpr std::string_view kLists[] = {"_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_"};

using Point = std::pair<double, double>;

Error at(const json::Value& where, const std::string& reason) {
    return fail("Graphviz JSON " + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + reason);
}

struct Colour {
    std::string hex;  // "#rrggbb", lower case
    bool transparent = false;
};

bool hexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// "#rrggbb" or "#rrggbbaa" (the alpha dropped; 00 is transparent), or a name Graphviz knows as
// these; none for anything else.
std::optional<Colour> parseColour(std::string_view text) {
    if ((text.size() == 7 || text.size() == 9) && text[0] == '#') {
        Colour colour;
        colour.hex = "#";
        for (std::size_t i = 1; i < text.size(); ++i) {
            if (!hexDigit(text[i])) return std::nullopt;
            if (i < 7) colour.hex += lower(text[i]);
        }
        colour.transparent = text.size() == 9 && text[7] == '0' && text[8] == '0';
        return colour;
    }
    if (text.size() > 16) return std::nullopt;
    std::string name;
    for (const char c : text) name += lower(c);
    // Graphviz's X11 scheme: its green is #00ff00 and its grey #c0c0c0.
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"black", "#000000"}, {"white", "#ffffff"},  {"red", "#ff0000"},       {"green", "#00ff00"},     {"blue", "#0000ff"},
        {"grey", "#c0c0c0"},  {"gray", "#c0c0c0"},   {"lightgrey", "#d3d3d3"}, {"lightgray", "#d3d3d3"},
    };
    for (const auto& [known, hex] : kNames)
        if (name == known) return Colour{std::string(hex), false};
    if (name == "transparent" || name == "none") return Colour{"#ffffff", true};
    return std::nullopt;
}

// What the ops before a shape set; afresh for each op list.
struct Pen {
    Colour stroke{"#000000", false};
    Colour fill{"#ffffff", false};
    bool dashed = false;
    double fontSize = 14;
    bool fillSet = false;  // a "C" op came before in this list
};

// "llx,lly,urx,ury".
std::optional<std::vector<double>> parseBox(std::string_view text) {
    std::vector<double> values;
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t end = i < 3 ? text.find(',', start) : text.size();
        if (end == std::string_view::npos) return std::nullopt;
        const std::string_view part = text.substr(start, end - start);
        double value = 0;
        const auto result = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || result.ec != std::errc() || result.ptr != part.data() + part.size() || !std::isfinite(value) ||
            std::abs(value) > kMaxCoordinate)
            return std::nullopt;
        values.push_back(value);
        start = end + 1;
    }
    return values;
}

class Reader {
public:
    Reader(std::string title, double llx, double lly, double urx, double ury) : llx_(llx), lly_(lly) {
        drawing_.title = std::move(title);
        drawing_.width = urx - llx;
        drawing_.height = ury - lly;
    }

    // The op lists of the graph, a cluster, a node or an edge.
    Status object(const json::Value& item) {
        if (!item.isObject()) return at(item, "expected an object");
        for (const std::string_view name : kLists) {
            const json::Value* ops = item.find(name);
            if (!ops) continue;
            if (!ops->isArray()) return at(*ops, "\"" + std::string(name) + "\" is not an array of ops");
            Pen pen;
            for (const json::Value& op : ops->items)
                if (auto s = apply(op, pen); !s) return s;
        }
        return {};
    }

    Drawing take() { return std::move(drawing_); }

private:
    Status apply(const json::Value& op, Pen& pen) {
        if (!op.isObject()) return at(op, "expected an op object");
        const json::Value* name = op.find("op");
        if (!name || !name->isString()) return at(op, "an op without \"op\"");
        if (name->text.size() != 1) return {};  // not one xdot knows
        switch (name->text[0]) {
            case 'c': return colour(op, pen.stroke, "#000000");
            case 'C':
                pen.fillSet = true;
                return colour(op, pen.fill, "#ffffff");
            case 'S': {
                const json::Value* style = op.find("style");
                if (!style || !style->isString()) return at(op, "\"S\" without a \"style\" string");
                if (style->text == "dashed" || style->text == "dotted") pen.dashed = true;
                else if (style->text == "solid") pen.dashed = false;
                return {};  // bold, setlinewidth(…) and the like are not drawn
            }
            case 'F': {
                const json::Value* size = op.find("size");
                if (!size || !size->isNumber() || !std::isfinite(size->number) || size->number <= 0 || size->number > kMaxFontSize)
                    return at(size ? *size : op, "\"F\" needs a \"size\" above 0 and at most 1000 points");
                pen.fontSize = size->number;
                return {};
            }
            case 'T': return text(op, pen);
            case 'P':
            case 'p': return path(op, pen, DrawingShape::Kind::Polygon, name->text[0] == 'P');
            case 'L': return path(op, pen, DrawingShape::Kind::Polyline, false);
            // Graphviz's JSON writer swaps xdot's letters ("b" filled, "B" not): up to at least
            // 2.43 an edge's open spline comes as "b" and a filled rounded box as "B". So the
            // letter is not trusted: a curve is filled when it is closed and its list set a fill
            // colour, as Graphviz does for a filled shape and never for an edge's spline.
            case 'B':
            case 'b': return path(op, pen, DrawingShape::Kind::Bezier, true);
            case 'E':
            case 'e': return ellipse(op, pen, name->text[0] == 'E');
            default: return {};  // images ("I"), font characteristics ("t") and anything newer
        }
    }

    // A gradient keeps the colour before it; an unknown colour is the pen's black or the fill's white.
    static Status colour(const json::Value& op, Colour& target, std::string_view unknown) {
        if (const json::Value* grad = op.find("grad"); grad && !(grad->isString() && grad->text == "none")) return {};
        const json::Value* value = op.find("color");
        if (!value || !value->isString()) return at(op, "a colour op without a \"color\" string");
        if (auto parsed = parseColour(value->text)) target = std::move(*parsed);
        else target = Colour{std::string(unknown), false};
        return {};
    }

    Result<double> number(const json::Value& value, double shift) const {
        if (!value.isNumber() || !std::isfinite(value.number)) return at(value, "expected a number");
        const double shifted = value.number - shift;
        if (std::abs(value.number) > kMaxCoordinate || std::abs(shifted) > kMaxCoordinate)
            return at(value, "a coordinate past 1000000 points");
        return shifted;
    }

    Result<Point> point(const json::Value& value, std::string_view what) const {
        if (!value.isArray() || value.items.size() != 2) return at(value, std::string(what));
        auto x = number(value.items[0], llx_);
        if (!x) return x.error();
        auto y = number(value.items[1], lly_);
        if (!y) return y.error();
        return Point{*x, *y};
    }

    Status count(const json::Value& where, std::size_t points) {
        if (drawing_.shapes.size() >= kMaxShapes) return at(where, "more than " + std::to_string(kMaxShapes) + " shapes");
        if (points > kMaxPoints - points_) return at(where, "more than " + std::to_string(kMaxPoints) + " points in all");
        points_ += points;
        return {};
    }

    // A shape as the pen has it: a transparent pen draws no outline, a transparent fill no fill.
    DrawingShape shape(DrawingShape::Kind kind, const Pen& pen, bool filled) const {
        DrawingShape s;
        s.kind = kind;
        s.filled = filled && !pen.fill.transparent;
        s.stroked = !pen.stroke.transparent;
        s.stroke = pen.stroke.hex;
        s.fill = pen.fill.hex;
        s.dashed = pen.dashed;
        s.fontSize = pen.fontSize;
        return s;
    }

    Status path(const json::Value& op, const Pen& pen, DrawingShape::Kind kind, bool filled) {
        constexpr std::string_view kPairs = "\"points\" is not an array of [x, y] pairs";
        const json::Value* points = op.find("points");
        if (!points) return at(op, "\"" + op.find("op")->text + "\" without \"points\"");
        if (!points->isArray()) return at(*points, std::string(kPairs));
        const std::size_t n = points->items.size();
        if (kind == DrawingShape::Kind::Bezier ? (n < 4 || (n - 1) % 3 != 0) : n < 2)
            return at(*points, kind == DrawingShape::Kind::Bezier ? "a Bézier curve needs 1 + 3n points" : "a path needs at least 2 points");
        if (auto s = count(*points, n); !s) return s;
        DrawingShape s = shape(kind, pen, filled);
        s.points.reserve(n);
        for (const json::Value& item : points->items) {
            auto p = point(item, kPairs);
            if (!p) return p.error();
            s.points.push_back(*p);
        }
        if (kind == DrawingShape::Kind::Bezier) {
            const bool closed = std::abs(s.points.front().first - s.points.back().first) <= 0.01 &&
                                std::abs(s.points.front().second - s.points.back().second) <= 0.01;
            s.filled = s.filled && closed && pen.fillSet;
        }
        drawing_.shapes.push_back(std::move(s));
        return {};
    }

    Status ellipse(const json::Value& op, const Pen& pen, bool filled) {
        const json::Value* rect = op.find("rect");
        if (!rect || !rect->isArray() || rect->items.size() != 4)
            return at(rect ? *rect : op, "an ellipse needs \"rect\": [x, y, rx, ry]");
        auto x = number(rect->items[0], llx_);
        if (!x) return x.error();
        auto y = number(rect->items[1], lly_);
        if (!y) return y.error();
        auto rx = number(rect->items[2], 0);
        if (!rx) return rx.error();
        auto ry = number(rect->items[3], 0);
        if (!ry) return ry.error();
        if (*rx < 0 || *ry < 0) return at(*rect, "an ellipse's radii cannot be negative");
        if (auto s = count(*rect, 2); !s) return s;
        DrawingShape s = shape(DrawingShape::Kind::Ellipse, pen, filled);
        s.points = {{*x, *y}, {*rx, *ry}};
        drawing_.shapes.push_back(std::move(s));
        return {};
    }

    Status text(const json::Value& op, const Pen& pen) {
        const json::Value* pt = op.find("pt");
        if (!pt) return at(op, "\"T\" without \"pt\"");
        auto anchor = point(*pt, "\"pt\" is not an [x, y] pair");
        if (!anchor) return anchor.error();
        const json::Value* value = op.find("text");
        if (!value || !value->isString()) return at(op, "\"T\" without a \"text\" string");
        if (!validUtf8(value->text)) return at(*value, "the text is not valid UTF-8");
        if (value->text.empty()) return {};
        if (auto s = count(op, 1); !s) return s;
        DrawingShape s = shape(DrawingShape::Kind::Text, pen, false);
        s.points = {*anchor};
        s.text = value->text;
        s.align = 'c';
        if (const json::Value* align = op.find("align"); align && align->isString() && (align->text == "l" || align->text == "r"))
            s.align = align->text[0];
        drawing_.shapes.push_back(std::move(s));
        return {};
    }

    Drawing drawing_;
    double llx_ = 0, lly_ = 0;
    std::size_t points_ = 0;
};

}  // namespace

Result<Drawing> drawingFromGraphvizJson(std::string_view text, std::string title) {
    json::Limits limits;
    limits.maxDepth = 16;  // a Graphviz graph nests six deep; gradients' stops a little more
    auto parsed = json::parse(text, limits);
    if (!parsed) return fail("Graphviz JSON " + parsed.message());
    const json::Value& graph = *parsed;
    if (!graph.isObject()) return at(graph, "expected the graph as an object");
    const json::Value* bb = graph.find("bb");
    if (!bb) return at(graph, "the graph has no \"bb\"; was it laid out (dot -Tjson)?");
    const auto box = bb->isString() ? parseBox(bb->text) : std::nullopt;
    if (!box || (*box)[2] < (*box)[0] || (*box)[3] < (*box)[1] || (*box)[2] - (*box)[0] > kMaxCoordinate ||
        (*box)[3] - (*box)[1] > kMaxCoordinate)
        return at(*bb, "expected \"bb\": \"llx,lly,urx,ury\" within 1000000 points");
    Reader reader(std::move(title), (*box)[0], (*box)[1], (*box)[2], (*box)[3]);
    if (auto s = reader.object(graph); !s) return s.error();
    for (const std::string_view member : {std::string_view("objects"), std::string_view("edges")}) {
        const json::Value* list = graph.find(member);
        if (!list) continue;
        if (!list->isArray()) return at(*list, "\"" + std::string(member) + "\" is not an array");
        for (const json::Value& object : list->items)
            if (auto s = reader.object(object); !s) return s.error();
    }
    return reader.take();
}

}  // namespace vakt::reports
