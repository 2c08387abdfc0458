#!/usr/bin/env bash
# The risk model's graph analyses against NetworkX (Debian's python3-networkx) on the same
# generated national value chain, in one run, plus the full analysis and an impact query.
#   tests/bench/risk_graph_vs_networkx.sh      prints a table for the README
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh --bench >/dev/null
scripts/build.sh release >/dev/null

work="$(mktemp -d /tmp/vakt-risk-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
bench=build/release/tests/bench/bench_risk
"$bench" --write-graph "$work/graph" >&2
"$bench" --benchmark_format=json --benchmark_min_time=1 > "$work/vakt.json"
python3 tests/bench/risk_graph_networkx.py "$work/graph" > "$work/networkx.txt"

python3 - "$work/vakt.json" "$work/networkx.txt" <<'PY'
import json, sys
vakt = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
nx = {}
for line in open(sys.argv[2]):
    name, ms, result = line.split()
    nx[name] = (float(ms), result)
full = vakt["BM_FullAnalysis"]
print(f"Generated value chain: {int(full['nodes'])} nodes, {int(full['edges'])} edges; "
      f"{int(full['models'])} threat models, {int(full['threats'])} threats")
print()
print("| analysis | Vakt (Boost.Graph) | NetworkX | NetworkX / Vakt | result (Vakt = NetworkX) |")
print("|---|---|---|---|---|")
for name, bench, counter in [("reachability", "BM_Reachability", "reached"),
                             ("articulation_points", "BM_ArticulationPoints", "points"),
                             ("minimum_cut", "BM_MinimumCut", "cut")]:
    ours = vakt[bench]["real_time"]
    theirs, result = nx[name]
    same = "yes" if int(vakt[bench][counter]) == int(result) else f"NO ({int(vakt[bench][counter])} vs {result})"
    print(f"| {name.replace('_', ' ')} | {ours:.2f} ms | {theirs:.2f} ms | {theirs / ours:.1f}x | {same} |")
print()
print(f"| full analysis (chain + every model + attack paths) | {full['real_time']:.0f} ms | goal < 1000 ms |")
imp = vakt["BM_Impact"]
print(f"| impact query (vulnerability at dokumentlager, {int(imp['affected'])} affected) | {imp['real_time']:.2f} ms | goal < 10 ms |")
PY
