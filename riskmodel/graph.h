#pragma once
// Graph analyses on Boost.Graph, shared by the value chain and a model's attack graph: who is
// reachable from a node (with the path), single points of failure (articulation points), the
// fewest edges or nodes whose removal leaves no path from entries to targets (minimum cut),
// the most likely paths, and dependency cycles. Nodes are 0..n-1; built once, queried many times.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace vakt::risk {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xffffffffu;

class Digraph {
public:
    Digraph(std::size_t nodes, std::vector<std::pair<NodeId, NodeId>> edges);
    ~Digraph();
    Digraph(Digraph&&) noexcept;
    Digraph& operator=(Digraph&&) noexcept;

    std::size_t nodeCount() const;
    std::size_t edgeCount() const;
    const std::vector<std::pair<NodeId, NodeId>>& edges() const;

    struct Reach {
        std::vector<int> depth;       // -1 where not reached; 0 at the sources
        std::vector<NodeId> parent;   // the node it was reached from (kNoNode at sources and unreached)
        std::vector<NodeId> path(NodeId to) const;  // source … to, empty when not reached
    };
    // Breadth-first along the edges from every source: shortest paths in hops.
    Reach reach(std::span<const NodeId> sources) const;

    // Nodes whose removal disconnects the graph, edges taken as undirected, in ascending order.
    std::vector<NodeId> articulationPoints() const;

    // Strongly connected parts with more than one node: the cycles, each in ascending order.
    std::vector<std::vector<NodeId>> cycles() const;
    // Weakly connected parts, largest first.
    std::vector<std::vector<NodeId>> components() const;

    struct Cut {
        std::size_t size = 0;
        std::vector<std::size_t> edges;  // indices into edges(), for an edge cut
        std::vector<NodeId> nodes;       // for a node cut
    };
    // The fewest edges whose removal leaves no path from a source to a target (max-flow min-cut).
    Cut minimumEdgeCut(std::span<const NodeId> sources, std::span<const NodeId> targets) const;
    // The fewest nodes, sources and targets excluded; when a source has an edge straight to a
    // target no node cut exists and `size` is the number of such edges, listed in `edges`.
    Cut minimumNodeCut(std::span<const NodeId> sources, std::span<const NodeId> targets) const;

    struct Path {
        std::vector<NodeId> nodes;
        std::vector<std::size_t> edges;
        double likelihood = 0;  // product of the edges' probabilities
    };
    // For each source and target pair that is connected, the most likely path given each edge's
    // probability (0 < p <= 1); sorted by likelihood, most likely first, at most `limit`.
    std::vector<Path> mostLikelyPaths(std::span<const NodeId> sources, std::span<const NodeId> targets,
                                      std::span<const double> edgeProbability, std::size_t limit) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vakt::risk
