// The graph analyses on small hand-built graphs whose answers were worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "riskmodel/attack_paths.h"
#include "riskmodel/graph.h"
#include "riskmodel/value_chain.h"

using namespace vakt::risk;

namespace {

// True when no target is reachable from any source once the listed edges are gone.
bool separated(const Digraph& g, const std::vector<std::size_t>& removed, std::vector<NodeId> sources, std::vector<NodeId> targets) {
    std::vector<std::pair<NodeId, NodeId>> kept;
    for (std::size_t i = 0; i < g.edges().size(); ++i)
        if (std::find(removed.begin(), removed.end(), i) == removed.end()) kept.push_back(g.edges()[i]);
    const auto r = Digraph(g.nodeCount(), kept).reach(sources);
    return std::all_of(targets.begin(), targets.end(), [&](NodeId t) { return r.depth[t] < 0; });
}

}  // namespace

TEST(Graph, ReachGivesShortestPathsInHops) {
    const Digraph g(5, {{0, 1}, {1, 2}, {0, 3}, {3, 2}, {2, 0}});
    const NodeId from[] = {0};
    const auto r = g.reach(from);
    EXPECT_EQ(r.depth, (std::vector<int>{0, 1, 2, 1, -1}));
    EXPECT_EQ(r.path(2).size(), 3u);
    EXPECT_EQ(r.path(2).front(), 0u);
    EXPECT_TRUE(r.path(4).empty());
    // Out-of-range edges are dropped, not read.
    const Digraph odd(2, {{0, 1}, {1, 7}});
    EXPECT_EQ(odd.edgeCount(), 1u);
}

TEST(Graph, ArticulationPointsCyclesAndComponents) {
    // 0-1-2 then a triangle 2-3-4: removing 1 or 2 splits it.
    const Digraph g(6, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 2}});
    EXPECT_EQ(g.articulationPoints(), (std::vector<NodeId>{1, 2}));
    EXPECT_EQ(g.cycles(), (std::vector<std::vector<NodeId>>{{2, 3, 4}}));
    const auto parts = g.components();
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[1], std::vector<NodeId>{5});
    const Digraph loop(2, {{1, 1}, {0, 1}});
    EXPECT_EQ(loop.cycles(), (std::vector<std::vector<NodeId>>{{1}}));
}

TEST(Graph, MinimumEdgeCutSeparatesWithTheFewestEdges) {
    // Two disjoint routes from 0 to 3 and a cross link: two edges must go.
    const Digraph g(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {1, 2}});
    const NodeId s[] = {0}, t[] = {3};
    const auto cut = g.minimumEdgeCut(s, t);
    EXPECT_EQ(cut.size, 2u);
    EXPECT_EQ(cut.edges.size(), 2u);
    EXPECT_TRUE(separated(g, cut.edges, {0}, {3}));
    // A single bridge.
    const Digraph bridge(5, {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}});
    const NodeId t4[] = {4};
    const auto one = bridge.minimumEdgeCut(s, t4);
    EXPECT_EQ(one.size, 1u);
    EXPECT_EQ(one.edges, std::vector<std::size_t>{4});
    // Nothing to cut when nothing connects them.
    const Digraph apart(3, {{0, 1}});
    const NodeId t2[] = {2};
    EXPECT_EQ(apart.minimumEdgeCut(s, t2).size, 0u);
}

TEST(Graph, MinimumNodeCutNamesTheElementsToHarden) {
    const NodeId s[] = {0}, t[] = {3};
    const Digraph diamond(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}});
    const auto both = diamond.minimumNodeCut(s, t);
    EXPECT_EQ(both.size, 2u);
    EXPECT_EQ(both.nodes, (std::vector<NodeId>{1, 2}));
    // Both routes pass node 4: hardening it alone is enough.
    const Digraph funnel(5, {{0, 1}, {0, 2}, {1, 4}, {2, 4}, {4, 3}});
    const auto one = funnel.minimumNodeCut(s, t);
    EXPECT_EQ(one.size, 1u);
    EXPECT_EQ(one.nodes, std::vector<NodeId>{4});
    // A source straight into a target has no node between them.
    const Digraph direct(4, {{0, 1}, {1, 3}, {0, 3}});
    const auto none = direct.minimumNodeCut(s, t);
    EXPECT_TRUE(none.nodes.empty());
    EXPECT_EQ(none.edges, std::vector<std::size_t>{2});
}

TEST(Graph, MostLikelyPathMultipliesHopLikelihoods) {
    // 0->1->3 is 0.9 x 0.9 = 0.81; 0->2->3 is 0.5; straight 0->3 is 0.3.
    const Digraph g(4, {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 3}});
    const double p[] = {0.9, 0.9, 0.5, 1.0, 0.3};
    const NodeId s[] = {0}, t[] = {3};
    const auto paths = g.mostLikelyPaths(s, t, p, 10);
    ASSERT_EQ(paths.size(), 1u);  // one per source and target
    EXPECT_EQ(paths[0].nodes, (std::vector<NodeId>{0, 1, 3}));
    EXPECT_EQ(paths[0].edges, (std::vector<std::size_t>{0, 1}));
    EXPECT_NEAR(paths[0].likelihood, 0.81, 1e-9);
}

namespace {

ValueChain demoChain() {
    ValueChain c;
    for (auto [id, kind] : {std::pair{"kommune-a", NodeKind::Municipality}, {"kommune-b", NodeKind::Municipality},
                            {"svarut", NodeKind::Service}, {"digisos", NodeKind::Service}, {"dokumentlager", NodeKind::Component},
                            {"nordlys", NodeKind::Hosting}, {"vendor-x", NodeKind::Vendor}, {"fagsystem-x", NodeKind::VendorSystem}})
        EXPECT_TRUE(c.addNode({id, id, kind}).ok());
    c.addEdge("kommune-a", "svarut", EdgeKind::Uses);
    c.addEdge("kommune-b", "digisos", EdgeKind::Uses);
    c.addEdge("svarut", "dokumentlager", EdgeKind::DependsOn);
    c.addEdge("digisos", "dokumentlager", EdgeKind::DependsOn);
    c.addEdge("nordlys", "dokumentlager", EdgeKind::Hosts);
    c.addEdge("nordlys", "svarut", EdgeKind::Hosts);
    c.addEdge("vendor-x", "fagsystem-x", EdgeKind::Supplies);
    c.addEdge("fagsystem-x", "svarut", EdgeKind::Integrates);
    c.addEdge("kommune-a", "fagsystem-x", EdgeKind::Uses);
    c.finish();
    return c;
}

std::set<std::string> names(const ValueChain& c, const ValueChain::Impact& impact) {
    std::set<std::string> out;
    for (const auto& a : impact.affected) out.insert(c.node(a.node).id);
    return out;
}

}  // namespace

TEST(ValueChain, AnOutageReachesEveryoneWhoDependsOnIt) {
    const ValueChain c = demoChain();
    EXPECT_TRUE(c.problems().empty());
    const auto affected = c.impact(*c.find("dokumentlager"), Event::Outage);
    EXPECT_EQ(names(c, affected), (std::set<std::string>{"svarut", "digisos", "kommune-a", "kommune-b", "fagsystem-x"}));
    const auto b = std::find_if(affected.affected.begin(), affected.affected.end(),
                                [&](const auto& a) { return c.node(a.node).id == "kommune-b"; });
    ASSERT_NE(b, affected.affected.end());
    EXPECT_EQ(b->depth, 2);
    EXPECT_EQ(affected.path(b->node), (std::vector<NodeId>{*c.find("dokumentlager"), *c.find("digisos"), *c.find("kommune-b")}));
    EXPECT_EQ(c.relation(*c.find("digisos"), *c.find("kommune-b")), EdgeKind::Uses);
    // The hosting provider's outage reaches everything it hosts and their users.
    EXPECT_EQ(names(c, c.impact(*c.find("nordlys"), Event::Outage)),
              (std::set<std::string>{"svarut", "digisos", "dokumentlager", "kommune-a", "kommune-b", "fagsystem-x"}));
}

TEST(ValueChain, AVulnerabilityTravelsIntoTheServiceAnIntegrationReaches) {
    const ValueChain c = demoChain();
    // A weakness in the vendor's system reaches SvarUt through the integration, and SvarUt's users.
    EXPECT_EQ(names(c, c.impact(*c.find("fagsystem-x"), Event::Vulnerability)), (std::set<std::string>{"svarut", "kommune-a"}));
    // Its outage only reaches the municipality using it.
    EXPECT_EQ(names(c, c.impact(*c.find("fagsystem-x"), Event::Outage)), (std::set<std::string>{"kommune-a"}));
    // The vendor's incident reaches what it supplies and onwards.
    EXPECT_EQ(names(c, c.impact(*c.find("vendor-x"), Event::Incident)), (std::set<std::string>{"fagsystem-x", "svarut", "kommune-a"}));
}

TEST(ValueChain, SinglePointsOfFailureAndProblems) {
    const ValueChain c = demoChain();
    std::set<std::string> spof;
    for (NodeId n : c.singlePointsOfFailure()) spof.insert(c.node(n).id);
    EXPECT_EQ(spof, (std::set<std::string>{"svarut", "dokumentlager", "digisos", "fagsystem-x"}));

    ValueChain bad;
    for (const char* id : {"a", "b", "c", "lonely"}) ASSERT_TRUE(bad.addNode({id, id, NodeKind::Service}).ok());
    EXPECT_FALSE(bad.addNode({"a", "again", NodeKind::Service}).ok());
    bad.addEdge("a", "b", EdgeKind::DependsOn);
    bad.addEdge("b", "c", EdgeKind::DependsOn);
    bad.addEdge("c", "a", EdgeKind::DependsOn);
    bad.addEdge("a", "ghost", EdgeKind::Uses);
    bad.finish();
    EXPECT_EQ(bad.problems(), (std::vector<std::string>{"uses from 'a' to 'ghost': unknown 'ghost'", "depends_on cycle through a, b, c",
                                                        "not connected to the rest: lonely"}));
    // A cycle is reported, and impact still terminates.
    EXPECT_EQ(bad.impact(*bad.find("a"), Event::Outage).affected.size(), 2u);
}

TEST(AttackPaths, FromTheInternetToSpecialCategoryData) {
    const char* text = R"(vakt_threat_model: 1
id: paths
assets:
  - {id: journal, confidentiality: special}
boundaries:
  - {id: internett, kind: internet}
  - {id: drift, kind: organisation, organisation: drift}
elements:
  - {id: angriper, kind: external, boundary: internett}
  - {id: gateway, kind: process, boundary: drift}
  - {id: api, kind: process, boundary: drift}
  - {id: sftp, kind: process, boundary: drift}
  - {id: database, kind: store, boundary: drift, data: [journal]}
  - {id: logg, kind: store, boundary: drift}
flows:
  - {id: inn, from: angriper, to: gateway}
  - {id: videre, from: gateway, to: api}
  - {id: lagre, from: api, to: database}
  - {id: fil, from: angriper, to: sftp}
  - {id: legacy, from: sftp, to: database}
  - {id: logging, from: api, to: logg}
)";
    auto model = parseModel(text, "paths.yaml");
    ASSERT_TRUE(model.ok()) << model.message();
    const Analysis analysis(*model, {});
    const AttackSurface s = attackSurface(analysis);
    ASSERT_EQ(s.entries.size(), 1u);
    EXPECT_EQ(s.entries[0]->id, "angriper");
    ASSERT_EQ(s.targets.size(), 1u);
    EXPECT_EQ(s.targets[0]->id, "database");
    // No threats raised: every hop 0.1; the SFTP route is two hops, the gateway route three.
    ASSERT_EQ(s.paths.size(), 1u);
    EXPECT_NEAR(s.paths[0].likelihood, 0.01, 1e-12);
    ASSERT_EQ(s.paths[0].elements.size(), 3u);
    EXPECT_EQ(s.paths[0].elements[1]->id, "sftp");
    // Two flows (one per route) or two elements (one per route) stop every path.
    EXPECT_EQ(s.flowsToHarden.size(), 2u);
    std::set<std::string> elements;
    for (const Element* e : s.elementsToHarden) elements.insert(e->id);
    ASSERT_EQ(elements.size(), 2u);
    EXPECT_TRUE(elements.count("sftp"));
    EXPECT_TRUE(elements.count("gateway") || elements.count("api"));
    EXPECT_FALSE(s.entryNextToTarget);
}

TEST(Graph, NoPathWhereNothingConnects) {
    // 2 cannot reach 3; an unreachable target gives no path (not an endless one).
    const Digraph g(4, {{0, 1}, {1, 3}, {2, 0}});
    const double p[] = {0.5, 0.5, 0.5};
    const NodeId s[] = {1, 3}, t[] = {0, 2};
    EXPECT_TRUE(g.mostLikelyPaths(s, t, p, 10).empty());
}
