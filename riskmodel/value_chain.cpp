#include "riskmodel/value_chain.h"

#include <algorithm>
#include <array>

#include "riskmodel/enum_names.h"

namespace vakt::risk {

namespace {

constexpr std::array<const char*, 10> kNodeKinds{"organisation", "municipality", "county", "agreement", "service", "component",
                                                 "hosting", "vendor", "vendor_system", "national_component"};
constexpr std::array<const char*, 6> kEdgeKinds{"uses", "hosts", "integrates", "depends_on", "supplies", "operates"};
constexpr std::array<const char*, 4> kEvents{"change", "vulnerability", "incident", "outage"};


// Which way an event travels over a relation. "A uses B": what happens to B reaches A. An
// integration carries outages and changes back to the integrating system, and a vulnerability
// or incident in the integrating system forward into the service it is connected to.
bool reachesBackwards(EdgeKind kind, Event) {
    return kind == EdgeKind::Uses || kind == EdgeKind::DependsOn || kind == EdgeKind::Integrates;
}
bool reachesForwards(EdgeKind kind, Event event) {
    switch (kind) {
        case EdgeKind::Hosts:
        case EdgeKind::Operates:
        case EdgeKind::Supplies: return true;
        case EdgeKind::Integrates: return event == Event::Vulnerability || event == Event::Incident;
        case EdgeKind::Uses:
        case EdgeKind::DependsOn: return false;
    }
    return false;
}

}  // namespace

const char* nodeKindName(NodeKind kind) { return kNodeKinds[static_cast<std::size_t>(kind)]; }
std::optional<NodeKind> parseNodeKind(std::string_view name) { return byName<NodeKind>(kNodeKinds, name); }
const char* edgeKindName(EdgeKind kind) { return kEdgeKinds[static_cast<std::size_t>(kind)]; }
std::optional<EdgeKind> parseEdgeKind(std::string_view name) { return byName<EdgeKind>(kEdgeKinds, name); }
const char* eventName(Event event) { return kEvents[static_cast<std::size_t>(event)]; }
std::optional<Event> parseEvent(std::string_view name) { return byName<Event>(kEvents, name); }

Status ValueChain::addNode(ChainNode node) {
    if (node.id.empty()) return fail("a node without an id");
    if (index_.count(node.id)) return fail("node '" + node.id + "' is there twice", ErrorKind::Conflict);
    index_.emplace(node.id, static_cast<NodeId>(nodes_.size()));
    nodes_.push_back(std::move(node));
    return {};
}

void ValueChain::addEdge(std::string_view from, std::string_view to, EdgeKind kind) {
    const auto a = find(from), b = find(to);
    if (!a || !b) {
        problems_.push_back(std::string(edgeKindName(kind)) + " from '" + std::string(from) + "' to '" + std::string(to) +
                            "': unknown " + (!a ? "'" + std::string(from) + "'" : "'" + std::string(to) + "'"));
        return;
    }
    edges_.push_back({*a, *b, kind});
}

std::optional<NodeId> ValueChain::find(std::string_view id) const {
    const auto it = index_.find(id);
    return it == index_.end() ? std::nullopt : std::optional<NodeId>(it->second);
}

void ValueChain::finish() {
    std::vector<std::pair<NodeId, NodeId>> all, dependsOn;
    for (const auto& e : edges_) {
        all.emplace_back(e.from, e.to);
        if (e.kind == EdgeKind::DependsOn) dependsOn.emplace_back(e.from, e.to);
        relations_.emplace(std::pair{e.from, e.to}, e.kind);
        relations_.emplace(std::pair{e.to, e.from}, e.kind);
    }
    graph_.emplace(nodes_.size(), all);
    impactGraphs_.clear();
    for (Event event : {Event::Change, Event::Vulnerability, Event::Incident, Event::Outage}) {
        std::vector<std::pair<NodeId, NodeId>> impact;
        for (const auto& e : edges_) {
            if (reachesForwards(e.kind, event)) impact.emplace_back(e.from, e.to);
            if (reachesBackwards(e.kind, event)) impact.emplace_back(e.to, e.from);
        }
        impactGraphs_.emplace_back(nodes_.size(), std::move(impact));
    }
    auto name = [&](NodeId n) {
        const ChainNode& node = nodes_[n];
        return node.title.empty() || node.title == node.id ? node.id : node.title + " (" + node.id + ")";
    };
    // A service that depends on itself through others cannot be brought up in any order.
    for (const auto& cycle : Digraph(nodes_.size(), dependsOn).cycles()) {
        std::string names;
        for (NodeId n : cycle) names += (names.empty() ? "" : ", ") + name(n);
        problems_.push_back("depends_on cycle through " + names);
    }
    const auto parts = graph_->components();
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto& part = parts[i];
        problems_.push_back("not connected to the rest: " + name(part.front()) +
                            (part.size() > 1 ? " and " + std::to_string(part.size() - 1) + " more" : std::string()));
    }
}

ValueChain::Impact ValueChain::impact(NodeId at, Event event) const {
    Impact out;
    out.at = at;
    if (at >= nodes_.size() || impactGraphs_.empty()) return out;
    const NodeId start[] = {at};
    out.reach = impactGraphs_[static_cast<std::size_t>(event)].reach(start);
    for (NodeId v = 0; v < nodes_.size(); ++v)
        if (out.reach.depth[v] > 0) out.affected.push_back({v, out.reach.depth[v]});
    std::stable_sort(out.affected.begin(), out.affected.end(), [](const Affected& a, const Affected& b) { return a.depth < b.depth; });
    return out;
}

std::vector<NodeId> ValueChain::singlePointsOfFailure() const { return graph_ ? graph_->articulationPoints() : std::vector<NodeId>{}; }

std::optional<EdgeKind> ValueChain::relation(NodeId a, NodeId b) const {
    const auto it = relations_.find({a, b});
    return it == relations_.end() ? std::nullopt : std::optional<EdgeKind>(it->second);
}

}  // namespace vakt::risk
