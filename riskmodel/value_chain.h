#pragma once
// The value chain as a typed graph: municipalities and counties, the platform's services and
// components, the hosting provider, vendors and their systems, national components, and the
// relations between them (uses, hosts, integrates, depends on, supplies, operates). A change,
// vulnerability, incident or outage at one node is followed along the relations to everyone it
// reaches, with the path that connects them. Plain C++; the Store's catalogue is read into it
// by the risk module.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "riskmodel/graph.h"

namespace vakt::risk {

enum class NodeKind { Organisation, Municipality, County, Agreement, Service, Component, Hosting, Vendor, VendorSystem, NationalComponent };
enum class EdgeKind { Uses, Hosts, Integrates, DependsOn, Supplies, Operates };
enum class Event { Change, Vulnerability, Incident, Outage };

const char* nodeKindName(NodeKind kind);  // "organisation", "municipality", … "national_component"
std::optional<NodeKind> parseNodeKind(std::string_view name);
const char* edgeKindName(EdgeKind kind);  // "uses", "hosts", "integrates", "depends_on", "supplies", "operates"
std::optional<EdgeKind> parseEdgeKind(std::string_view name);
const char* eventName(Event event);       // "change", "vulnerability", "incident", "outage"
std::optional<Event> parseEvent(std::string_view name);

struct ChainNode {
    std::string id;
    std::string title;
    NodeKind kind = NodeKind::Organisation;
};

struct ChainEdge {
    NodeId from = 0;
    NodeId to = 0;
    EdgeKind kind = EdgeKind::Uses;
};

class ValueChain {
public:
    // A second node with the same id is refused.
    Status addNode(ChainNode node);
    // An end that names no node is noted in problems() and the relation left out.
    void addEdge(std::string_view from, std::string_view to, EdgeKind kind);
    // Builds the graphs; call after the last add. Finds dependency cycles and disconnected parts.
    void finish();

    std::size_t size() const { return nodes_.size(); }
    std::size_t edgeCount() const { return edges_.size(); }
    const ChainNode& node(NodeId id) const { return nodes_[id]; }
    const std::vector<ChainEdge>& edges() const { return edges_; }
    std::optional<NodeId> find(std::string_view id) const;
    // Unknown references, cycles of depends_on, parts not connected to the rest; in words.
    const std::vector<std::string>& problems() const { return problems_; }

    struct Affected {
        NodeId node = 0;
        int depth = 0;
    };
    struct Impact {
        NodeId at = 0;
        std::vector<Affected> affected;  // nearest first, the node itself left out
        Digraph::Reach reach;
        // The node the event hit … `to`; paths are read on demand, since a platform-wide event
        // reaches thousands of nodes and a screen shows a few paths at a time.
        std::vector<NodeId> path(NodeId to) const { return reach.path(to); }
    };
    // Everyone the event at `at` reaches.
    Impact impact(NodeId at, Event event) const;
    // Nodes whose loss splits the chain (articulation points), with the kind of each.
    std::vector<NodeId> singlePointsOfFailure() const;
    // The relation that joins two neighbouring nodes on a path, either direction.
    std::optional<EdgeKind> relation(NodeId a, NodeId b) const;

    // The whole chain as one directed graph (edges as added), for cuts and reachability.
    const Digraph& graph() const { return *graph_; }
    // The graph an event travels on: edges from cause to affected (after finish()).
    const Digraph& impactGraph(Event event) const { return impactGraphs_[static_cast<std::size_t>(event)]; }

private:
    std::vector<ChainNode> nodes_;
    std::map<std::string, NodeId, std::less<>> index_;
    std::vector<ChainEdge> edges_;
    std::vector<std::string> problems_;
    std::optional<Digraph> graph_;
    std::vector<Digraph> impactGraphs_;  // one per Event: edges point from cause to affected
    std::map<std::pair<NodeId, NodeId>, EdgeKind> relations_;
};

}  // namespace vakt::risk
