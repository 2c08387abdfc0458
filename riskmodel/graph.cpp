#include "riskmodel/graph.h"

// GCC 12 at -O2 reports a false "may be used uninitialized" inside Boost's Boykov-Kolmogorov
// edge iterators (a boost::optional it cannot see through) when they are inlined here.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>

namespace vakt::risk {

namespace {

struct EdgeIndex {
    std::size_t index = 0;
};
using Directed = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeIndex, boost::no_property, NodeId, NodeId>;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// A flow network for one cut: capacities, residuals and reverse edges as Boost's max-flow wants.
using FlowTraits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS,
    boost::property<boost::vertex_index_t, long,
                    boost::property<boost::vertex_color_t, boost::default_color_type,
                                    boost::property<boost::vertex_distance_t, long,
                                                    boost::property<boost::vertex_predecessor_t, FlowTraits::edge_descriptor>>>>,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long, boost::property<boost::edge_reverse_t, FlowTraits::edge_descriptor>>>>;

class FlowNetwork {
public:
    explicit FlowNetwork(std::size_t nodes) : g_(nodes) {}
    // Adds u->v with the capacity and its zero-capacity reverse; returns the forward edge.
    FlowTraits::edge_descriptor add(std::size_t u, std::size_t v, long capacity) {
        auto capacities = boost::get(boost::edge_capacity, g_);
        auto reverse = boost::get(boost::edge_reverse, g_);
        const auto forward = boost::add_edge(u, v, g_).first;
        const auto backward = boost::add_edge(v, u, g_).first;
        capacities[forward] = capacity;
        capacities[backward] = 0;
        reverse[forward] = backward;
        reverse[backward] = forward;
        return forward;
    }
    long maxFlow(std::size_t source, std::size_t sink) { return boost::boykov_kolmogorov_max_flow(g_, source, sink); }
    // After maxFlow: on the source's side of the minimum cut.
    bool sourceSide(std::size_t v) const { return boost::get(boost::vertex_color, g_, v) == boost::black_color; }

private:
    FlowGraph g_;
};

}  // namespace

struct Digraph::Impl {
    std::size_t nodes = 0;
    std::vector<std::pair<NodeId, NodeId>> edges;
    Directed directed;
    Undirected undirected;
};

Digraph::Digraph(std::size_t nodes, std::vector<std::pair<NodeId, NodeId>> edges) : impl_(std::make_unique<Impl>()) {
    impl_->nodes = nodes;
    // Edges naming a node outside 0..n-1 are a caller's bug; they are dropped rather than read out of bounds.
    edges.erase(std::remove_if(edges.begin(), edges.end(), [&](const auto& e) { return e.first >= nodes || e.second >= nodes; }),
                edges.end());
    impl_->edges = std::move(edges);
    std::vector<EdgeIndex> index(impl_->edges.size());
    for (std::size_t i = 0; i < index.size(); ++i) index[i].index = i;
    impl_->directed = Directed(boost::edges_are_unsorted_multi_pass, impl_->edges.begin(), impl_->edges.end(), index.begin(),
                               static_cast<NodeId>(nodes));
    impl_->undirected = Undirected(nodes);
    for (const auto& [u, v] : impl_->edges)
        if (u != v) boost::add_edge(u, v, impl_->undirected);
}

Digraph::~Digraph() = default;
Digraph::Digraph(Digraph&&) noexcept = default;
Digraph& Digraph::operator=(Digraph&&) noexcept = default;

std::size_t Digraph::nodeCount() const { return impl_->nodes; }
std::size_t Digraph::edgeCount() const { return impl_->edges.size(); }
const std::vector<std::pair<NodeId, NodeId>>& Digraph::edges() const { return impl_->edges; }

std::vector<NodeId> Digraph::Reach::path(NodeId to) const {
    std::vector<NodeId> out;
    if (to >= depth.size() || depth[to] < 0) return out;
    for (NodeId at = to; at != kNoNode; at = parent[at]) out.push_back(at);
    std::reverse(out.begin(), out.end());
    return out;
}

Digraph::Reach Digraph::reach(std::span<const NodeId> sources) const {
    Reach r;
    r.depth.assign(impl_->nodes, -1);
    r.parent.assign(impl_->nodes, kNoNode);
    std::vector<NodeId> starts;
    for (NodeId s : sources)
        if (s < impl_->nodes && r.depth[s] < 0) {
            r.depth[s] = 0;
            starts.push_back(s);
        }
    if (starts.empty()) return r;
    struct Recorder : boost::default_bfs_visitor {
        Reach* reach;
        void tree_edge(boost::graph_traits<Directed>::edge_descriptor e, const Directed& g) const {
            const NodeId u = boost::source(e, g), v = boost::target(e, g);
            reach->depth[v] = reach->depth[u] + 1;
            reach->parent[v] = u;
        }
    } recorder;
    recorder.reach = &r;
    std::vector<boost::default_color_type> colours(impl_->nodes, boost::white_color);
    boost::queue<NodeId> queue;
    boost::breadth_first_search(impl_->directed, starts.begin(), starts.end(), queue, recorder,
                                boost::make_iterator_property_map(colours.begin(), boost::get(boost::vertex_index, impl_->directed)));
    return r;
}

std::vector<NodeId> Digraph::articulationPoints() const {
    std::vector<Undirected::vertex_descriptor> points;
    boost::articulation_points(impl_->undirected, std::back_inserter(points));
    std::vector<NodeId> out(points.begin(), points.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::vector<NodeId>> Digraph::cycles() const {
    std::vector<NodeId> component(impl_->nodes);
    const auto count = boost::strong_components(
        impl_->directed, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, impl_->directed)));
    std::vector<std::vector<NodeId>> parts(static_cast<std::size_t>(count));
    for (NodeId v = 0; v < impl_->nodes; ++v) parts[component[v]].push_back(v);
    std::vector<std::vector<NodeId>> out;
    for (auto& p : parts) {
        const bool selfLoop = p.size() == 1 && std::any_of(impl_->edges.begin(), impl_->edges.end(),
                                                           [&](const auto& e) { return e.first == p[0] && e.second == p[0]; });
        if (p.size() > 1 || selfLoop) out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::vector<NodeId>> Digraph::components() const {
    std::vector<int> component(impl_->nodes);
    const int count = boost::connected_components(impl_->undirected, component.data());
    std::vector<std::vector<NodeId>> out(static_cast<std::size_t>(count));
    for (NodeId v = 0; v < impl_->nodes; ++v) out[static_cast<std::size_t>(component[v])].push_back(v);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return out;
}

Digraph::Cut Digraph::minimumEdgeCut(std::span<const NodeId> sources, std::span<const NodeId> targets) const {
    const std::size_t n = impl_->nodes;
    const std::size_t source = n, sink = n + 1;
    const long unbounded = static_cast<long>(impl_->edges.size()) + 1;
    FlowNetwork net(n + 2);
    std::vector<bool> isTarget(n, false);
    for (NodeId t : targets)
        if (t < n) isTarget[t] = true;
    for (NodeId s : sources)
        if (s < n) net.add(source, s, unbounded);
    for (NodeId t : targets)
        if (t < n) net.add(t, sink, unbounded);
    for (const auto& [u, v] : impl_->edges) net.add(u, v, 1);
    Cut cut;
    cut.size = static_cast<std::size_t>(net.maxFlow(source, sink));
    for (std::size_t i = 0; i < impl_->edges.size(); ++i) {
        const auto& [u, v] = impl_->edges[i];
        if (net.sourceSide(u) && !net.sourceSide(v)) cut.edges.push_back(i);
    }
    return cut;
}

Digraph::Cut Digraph::minimumNodeCut(std::span<const NodeId> sources, std::span<const NodeId> targets) const {
    const std::size_t n = impl_->nodes;
    std::vector<bool> fixed(n, false), isSource(n, false), isTarget(n, false);
    for (NodeId s : sources)
        if (s < n) fixed[s] = isSource[s] = true;
    for (NodeId t : targets)
        if (t < n) fixed[t] = isTarget[t] = true;
    Cut cut;
    // A source with an edge straight to a target: no node between them to harden.
    for (std::size_t i = 0; i < impl_->edges.size(); ++i) {
        const auto& [u, v] = impl_->edges[i];
        if ((isSource[u] && isTarget[v]) || (isSource[u] && isTarget[u])) cut.edges.push_back(i);
    }
    if (!cut.edges.empty()) {
        cut.size = cut.edges.size();
        return cut;
    }
    // Each node v becomes in (2v) -> out (2v+1) with capacity 1; edges join out to in.
    const long unbounded = static_cast<long>(n) + 1;
    const std::size_t source = 2 * n, sink = 2 * n + 1;
    FlowNetwork net(2 * n + 2);
    for (std::size_t v = 0; v < n; ++v) net.add(2 * v, 2 * v + 1, fixed[v] ? unbounded : 1);
    for (const auto& [u, v] : impl_->edges) net.add(2 * std::size_t(u) + 1, 2 * std::size_t(v), unbounded);
    for (NodeId s : sources)
        if (s < n) net.add(source, 2 * std::size_t(s), unbounded);
    for (NodeId t : targets)
        if (t < n) net.add(2 * std::size_t(t) + 1, sink, unbounded);
    cut.size = static_cast<std::size_t>(net.maxFlow(source, sink));
    for (std::size_t v = 0; v < n; ++v)
        if (!fixed[v] && net.sourceSide(2 * v) && !net.sourceSide(2 * v + 1)) cut.nodes.push_back(static_cast<NodeId>(v));
    return cut;
}

std::vector<Digraph::Path> Digraph::mostLikelyPaths(std::span<const NodeId> sources, std::span<const NodeId> targets,
                                                     std::span<const double> edgeProbability, std::size_t limit) const {
    const std::size_t n = impl_->nodes;
    // -log p turns the most likely path (largest product) into the shortest (smallest sum).
    std::vector<double> weight(impl_->edges.size(), std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < weight.size() && i < edgeProbability.size(); ++i) {
        const double p = edgeProbability[i];
        if (p > 0 && p <= 1) weight[i] = -std::log(p);
    }
    auto weights = boost::make_function_property_map<boost::graph_traits<Directed>::edge_descriptor>(
        [&](const boost::graph_traits<Directed>::edge_descriptor& e) { return weight[impl_->directed[e].index]; });
    std::vector<Path> out;
    std::vector<double> distance(n);
    std::vector<NodeId> predecessor(n);
    std::vector<std::size_t> viaEdge(n);
    for (NodeId s : sources) {
        if (s >= n) continue;
        boost::dijkstra_shortest_paths(
            impl_->directed, s,
            boost::weight_map(weights)
                .distance_map(boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, impl_->directed)))
                .predecessor_map(boost::make_iterator_property_map(predecessor.begin(), boost::get(boost::vertex_index, impl_->directed)))
                .distance_inf(std::numeric_limits<double>::infinity()));
        for (NodeId t : targets) {
            if (t >= n || t == s || !std::isfinite(distance[t])) continue;
            Path path;
            path.likelihood = std::exp(-distance[t]);
            bool broken = false;
            for (NodeId at = t; at != s; at = predecessor[at]) {
                if (predecessor[at] == at || path.nodes.size() > n) {  // not on a path from s
                    broken = true;
                    break;
                }
                path.nodes.push_back(at);
                // The cheapest edge from the predecessor is the one the path took.
                std::size_t best = 0;
                double bestWeight = std::numeric_limits<double>::infinity();
                for (const auto e : boost::make_iterator_range(boost::out_edges(predecessor[at], impl_->directed)))
                    if (boost::target(e, impl_->directed) == at && weight[impl_->directed[e].index] < bestWeight) {
                        bestWeight = weight[impl_->directed[e].index];
                        best = impl_->directed[e].index;
                    }
                path.edges.push_back(best);
            }
            if (broken) continue;
            path.nodes.push_back(s);
            std::reverse(path.nodes.begin(), path.nodes.end());
            std::reverse(path.edges.begin(), path.edges.end());
            out.push_back(std::move(path));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Path& a, const Path& b) { return a.likelihood > b.likelihood; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace vakt::risk
