#include "riskmodel/attack_paths.h"

#include <algorithm>
#include <map>

#include "riskmodel/graph.h"

namespace vakt::risk {

namespace {
constexpr double kHardenedHop = 0.1;
}

AttackSurface attackSurface(const Analysis& analysis, std::size_t limit) {
    const Model& model = analysis.model();
    AttackSurface out;
    std::map<const Element*, NodeId> index;
    for (std::size_t i = 0; i < model.elements.size(); ++i) index[&model.elements[i]] = static_cast<NodeId>(i);

    std::map<const Element*, int> worst;  // highest likelihood raised on each element or flow
    for (const auto& t : analysis.threats()) worst[t.element] = std::max(worst[t.element], t.likelihood);
    auto hop = [&](const Element* flow, const Element* to) {
        const int l = std::max(worst.count(flow) ? worst[flow] : 0, worst.count(to) ? worst[to] : 0);
        return l > 0 ? l / 5.0 : kHardenedHop;
    };

    std::vector<std::pair<NodeId, NodeId>> edges;
    std::vector<const Element*> edgeFlow;
    std::vector<double> probability;
    for (const auto& f : model.flows) {
        const Element* from = model.findElement(f.from);
        const Element* to = model.findElement(f.to);
        if (!from || !to) continue;
        edges.emplace_back(index[from], index[to]);
        edgeFlow.push_back(&f);
        probability.push_back(hop(&f, to));
        const bool storeLink = (from->kind == ElementKind::Store) != (to->kind == ElementKind::Store);
        if (storeLink) {
            edges.emplace_back(index[to], index[from]);
            edgeFlow.push_back(&f);
            probability.push_back(hop(&f, from));
        }
    }
    const Digraph graph(model.elements.size(), edges);

    std::vector<NodeId> entries, targets;
    for (std::size_t i = 0; i < model.elements.size(); ++i) {
        const Element& e = model.elements[i];
        const Derived& d = analysis.derived(e);
        if (d.untrusted) {
            entries.push_back(static_cast<NodeId>(i));
            out.entries.push_back(&e);
        } else if (e.kind == ElementKind::Store && d.confidentiality && *d.confidentiality >= Confidentiality::Special) {
            targets.push_back(static_cast<NodeId>(i));
            out.targets.push_back(&e);
        }
    }
    if (entries.empty() || targets.empty()) return out;

    for (auto& p : graph.mostLikelyPaths(entries, targets, probability, limit)) {
        AttackPath path;
        path.likelihood = p.likelihood;
        for (NodeId n : p.nodes) path.elements.push_back(&model.elements[n]);
        for (std::size_t e : p.edges) path.flows.push_back(edgeFlow[e]);
        out.paths.push_back(std::move(path));
    }
    if (out.paths.empty()) return out;
    for (std::size_t e : graph.minimumEdgeCut(entries, targets).edges)
        if (std::find(out.flowsToHarden.begin(), out.flowsToHarden.end(), edgeFlow[e]) == out.flowsToHarden.end())
            out.flowsToHarden.push_back(edgeFlow[e]);
    const auto nodeCut = graph.minimumNodeCut(entries, targets);
    out.entryNextToTarget = !nodeCut.edges.empty();
    for (NodeId n : nodeCut.nodes) out.elementsToHarden.push_back(&model.elements[n]);
    return out;
}

}  // namespace vakt::risk
