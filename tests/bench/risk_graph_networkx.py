#!/usr/bin/env python3
"""The anchor for the risk model's graph analyses: NetworkX on the graph bench_risk wrote.

Reads nodes.txt, edges.txt, impact.txt and query.txt from the directory given, times
reachability from one node on the impact graph (who a vulnerability reaches), articulation points of the undirected graph and the minimum edge cut from the vendors to
one component, best of several runs each (graph construction not timed, as on Vakt's side), and
prints one line per analysis: name, milliseconds, result (so both sides can be compared)."""
import sys
import time

import networkx as nx


def best(fn, runs):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000.0, result


def main(directory):
    with open(f"{directory}/nodes.txt") as f:
        nodes = [line.rstrip("\n") for line in f]
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(nodes)))
    with open(f"{directory}/edges.txt") as f:
        graph.add_edges_from(tuple(map(int, line.split())) for line in f)
    impact = nx.DiGraph()
    impact.add_nodes_from(range(len(nodes)))
    with open(f"{directory}/impact.txt") as f:
        impact.add_edges_from(tuple(map(int, line.split())) for line in f)
    query = {}
    with open(f"{directory}/query.txt") as f:
        for line in f:
            key, *values = line.split()
            query[key] = [int(v) for v in values]
    undirected = graph.to_undirected()
    flow = nx.DiGraph()
    flow.add_edges_from(graph.edges, capacity=1)
    for s in query["sources"]:
        flow.add_edge("source", s)  # no capacity: unbounded
    target = query["target"][0]

    ms, reached = best(lambda: len(nx.descendants(impact, query["reach"][0])) + 1, 5)
    print(f"reachability {ms:.3f} {reached}")
    ms, points = best(lambda: len(set(nx.articulation_points(undirected))), 3)
    print(f"articulation_points {ms:.3f} {points}")
    ms, cut = best(lambda: nx.minimum_cut(flow, "source", target)[0], 3)
    print(f"minimum_cut {ms:.3f} {cut}")
    print(f"graph {len(nodes)} nodes {graph.number_of_edges()} edges", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
