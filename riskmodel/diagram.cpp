#include "riskmodel/diagram.h"

#include <map>
#include <optional>
#include <functional>
#include <sstream>

namespace vakt::risk {

namespace {

const char* shapeOf(ElementKind kind) {
    switch (kind) {
        case ElementKind::External: return "box";
        case ElementKind::Process: return "ellipse";
        case ElementKind::Store: return "cylinder";
        case ElementKind::Flow: return "none";
    }
    return "box";
}

}  // namespace

const char* levelColour(Level level) {
    switch (level) {
        case Level::Low: return "#c8e6c9";
        case Level::Medium: return "#fff59d";
        case Level::High: return "#ffcc80";
        case Level::Critical: return "#ef9a9a";
    }
    return "#ffffff";
}

std::string dotQuoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n' || c == '\r') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string dataFlowDot(const Analysis& analysis) {
    const Model& m = analysis.model();
    std::map<const Element*, Level> worst;
    for (const auto& t : analysis.threats()) {
        auto [it, fresh] = worst.emplace(t.element, t.level);
        if (!fresh && t.level > it->second) it->second = t.level;
    }
    auto fill = [&](const Element& e) -> std::string {
        const auto it = worst.find(&e);
        return it == worst.end() ? "#ffffff" : levelColour(it->second);
    };
    std::ostringstream dot;
    dot << "digraph " << dotQuoted(m.id) << " {\n"
        << "  graph [rankdir=LR, fontname=\"DejaVu Sans\", label=" << dotQuoted(m.title) << ", labelloc=t];\n"
        << "  node [fontname=\"DejaVu Sans\", style=filled, fillcolor=\"#ffffff\"];\n"
        << "  edge [fontname=\"DejaVu Sans\", fontsize=10];\n";

    std::map<std::string, std::vector<const Boundary*>> children;
    std::map<std::string, std::vector<const Element*>> inside;
    for (const auto& b : m.boundaries) children[b.parent].push_back(&b);
    for (const auto& e : m.elements) inside[e.boundary].push_back(&e);
    auto node = [&](const Element& e, const std::string& indent) {
        dot << indent << dotQuoted(e.id) << " [label=" << dotQuoted(e.title) << ", shape=" << shapeOf(e.kind)
            << ", fillcolor=\"" << fill(e) << "\"];\n";
    };
    // Clusters nest as the boundaries do; validateModel has refused cycles, and depth is bounded
    // by the number of boundaries in any case.
    std::function<void(const Boundary&, int)> cluster = [&](const Boundary& b, int depth) {
        const std::string indent(static_cast<std::size_t>(2 * depth + 2), ' ');
        dot << indent << "subgraph " << dotQuoted("cluster_" + b.id) << " {\n"
            << indent << "  label=" << dotQuoted(b.title) << "; style=dashed; color="
            << (b.kind == BoundaryKind::Internet ? "\"#c62828\"" : "\"#455a64\"") << ";\n";
        for (const Element* e : inside[b.id]) node(*e, indent + "  ");
        if (depth < static_cast<int>(m.boundaries.size()))
            for (const Boundary* c : children[b.id]) cluster(*c, depth + 1);
        dot << indent << "}\n";
    };
    for (const Boundary* b : children[""]) cluster(*b, 0);
    for (const Element* e : inside[""]) node(*e, "  ");
    for (const auto& f : m.flows) {
        std::string label = f.title;
        if (const auto p = f.properties.find("protocol"); p != f.properties.end()) label += " (" + p->second + ")";
        const auto it = worst.find(&f);
        dot << "  " << dotQuoted(f.from) << " -> " << dotQuoted(f.to) << " [label=" << dotQuoted(label);
        if (it != worst.end()) dot << ", color=\"" << levelColour(it->second) << "\", penwidth=2.5";
        dot << "];\n";
    }
    dot << "}\n";
    return dot.str();
}

}  // namespace vakt::risk
