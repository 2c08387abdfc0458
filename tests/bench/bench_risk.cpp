// The risk model on a generated national value chain: every municipality and county, their
// agreements for the platform's services, the vendor systems each runs and what those
// integrate with, the hosting provider and national components — over 10,000 nodes and 50,000
// edges — plus a threat model for every service. `--write-graph DIR` writes the same graph for
// the NetworkX comparison (tests/bench/risk_graph_vs_networkx.sh).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/base/csv.h"
#include "core/base/json.h"
#include "core/base/xlsx.h"
#include "riskmodel/analysis.h"
#include "riskmodel/attack_paths.h"
#include "riskmodel/quantify.h"
#include "riskmodel/rules.h"
#include "riskmodel/value_chain.h"

using namespace vakt;
using namespace vakt::risk;
namespace fs = std::filesystem;

namespace {

const fs::path kData = VAKT_SOURCE_DATA_DIR;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A small deterministic generator, so every run and NetworkX see the same graph.
struct Lcg {
    std::uint64_t state = 0x5eed;
    std::uint32_t below(std::uint32_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>((state >> 33) % n);
    }
};

// k different numbers below n: NetworkX keeps one edge per pair, so the graph has no doubles.
std::vector<std::uint32_t> distinct(Lcg& rng, std::size_t n, std::size_t k) {
    std::vector<std::uint32_t> out;
    while (out.size() < k) {
        const auto x = rng.below(static_cast<std::uint32_t>(n));
        if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
    }
    return out;
}

constexpr const char* kServices[] = {"svarut", "minside", "digisos", "bekymringsmelding", "kjoretoyoppslag", "smittesporing",
                                     "del-dokument", "fiks-folkeregister", "fiks-arkiv", "digiorden", "ks-laering"};
constexpr const char* kComponents[] = {"dokumentlager", "innsyn", "manuelt-mottak", "print", "fiks-io", "svarinn-adapter",
                                       "matrikkel", "fiks-konfigurasjon"};
constexpr const char* kNational[] = {"id-porten", "maskinporten", "altinn", "krr", "folkeregisteret", "motorvognregisteret",
                                     "matrikkelen", "digipost", "e-boks"};
constexpr int kVendors = 62;
constexpr int kSystemsPerVendor = 4;
constexpr int kSystemsPerMunicipality = 24;

ValueChain nationalChain() {
    ValueChain c;
    Lcg rng;
    auto add = [&](const std::string& id, NodeKind kind) { (void)c.addNode({id, id, kind}); };
    add("ks-digitale-fellestjenester", NodeKind::Organisation);
    add("nordlys-drift", NodeKind::Hosting);
    for (const char* s : kServices) add(s, NodeKind::Service);
    for (const char* s : kComponents) add(s, NodeKind::Component);
    for (const char* s : kNational) add(s, NodeKind::NationalComponent);
    for (const char* s : kServices) {
        c.addEdge("ks-digitale-fellestjenester", s, EdgeKind::Operates);
        c.addEdge("nordlys-drift", s, EdgeKind::Hosts);
        for (auto i : distinct(rng, std::size(kComponents), 3)) c.addEdge(s, kComponents[i], EdgeKind::DependsOn);
        for (auto i : distinct(rng, std::size(kNational), 2)) c.addEdge(s, kNational[i], EdgeKind::Uses);
    }
    for (const char* s : kComponents) c.addEdge("nordlys-drift", s, EdgeKind::Hosts);
    for (int v = 0; v < kVendors; ++v) {
        add("vendor-" + std::to_string(v), NodeKind::Vendor);
        for (int s = 0; s < kSystemsPerVendor; ++s) add("system-" + std::to_string(v) + "-" + std::to_string(s), NodeKind::VendorSystem);
    }
    std::vector<std::string> organisations;
    auto municipalities = json::parse(slurp(kData / "norway" / "kommuner-2025.json"));
    auto counties = json::parse(slurp(kData / "norway" / "fylker-2025.json"));
    if (municipalities)
        for (const auto& k : municipalities->items) organisations.push_back("kommune-" + k.find("k_id")->text);
    const std::size_t municipalityCount = organisations.size();
    if (counties)
        for (const auto& f : counties->items)
            if (const auto* id = f.find("f_id")) organisations.push_back("fylke-" + id->text);
    for (std::size_t i = 0; i < organisations.size(); ++i) {
        const std::string& org = organisations[i];
        add(org, i < municipalityCount ? NodeKind::Municipality : NodeKind::County);
        for (const char* s : kServices) {
            if (rng.below(10) < 3) continue;  // about seven in ten services are taken in use
            const std::string agreement = org + "/" + s;
            add(agreement, NodeKind::Agreement);
            c.addEdge(org, agreement, EdgeKind::Uses);
            c.addEdge(agreement, s, EdgeKind::Uses);
        }
        for (int k = 0; k < kSystemsPerMunicipality; ++k) {
            const int v = static_cast<int>(rng.below(kVendors));
            const int s = static_cast<int>(rng.below(kSystemsPerVendor));
            const std::string instance = org + "/system-" + std::to_string(v) + "-" + std::to_string(s) + "-" + std::to_string(k);
            add(instance, NodeKind::VendorSystem);
            c.addEdge(org, instance, EdgeKind::Uses);
            c.addEdge("vendor-" + std::to_string(v), instance, EdgeKind::Supplies);
            c.addEdge("system-" + std::to_string(v) + "-" + std::to_string(s), instance, EdgeKind::Supplies);
            for (auto pick : distinct(rng, std::size(kServices), 3)) c.addEdge(instance, kServices[pick], EdgeKind::Integrates);
        }
    }
    c.finish();
    return c;
}

std::vector<Rule> shippedRules() {
    std::vector<Rule> rules;
    for (const auto& e : fs::directory_iterator(kData / "risk" / "rules"))
        if (e.path().extension() == ".yaml")
            if (auto r = parseRule(slurp(e.path()), e.path().string())) rules.push_back(std::move(*r));
    return rules;
}

// A threat model for every service: the demo models, repeated under each service's name.
std::vector<Model> serviceModels() {
    std::vector<Model> demo;
    for (const auto& e : fs::directory_iterator(kData / "demo" / "risk"))
        if (e.path().extension() == ".yaml")
            if (auto m = parseModel(slurp(e.path()), e.path().string())) demo.push_back(std::move(*m));
    std::vector<Model> out;
    for (std::size_t i = 0; i < std::size(kServices) + std::size(kComponents) && !demo.empty(); ++i) {
        Model m = demo[i % demo.size()];
        m.id = i < std::size(kServices) ? kServices[i] : kComponents[i - std::size(kServices)];
        out.push_back(std::move(m));
    }
    return out;
}

const ValueChain& chain() {
    static const ValueChain c = nationalChain();
    return c;
}

std::vector<NodeId> vendors() {
    std::vector<NodeId> out;
    for (int v = 0; v < kVendors; ++v) out.push_back(*chain().find("vendor-" + std::to_string(v)));
    return out;
}

// Everything the risk module does when the officer presses "analyse all": rules over every
// service's model with their attack paths, and the value chain's graph with its weak points.
void BM_FullAnalysis(benchmark::State& state) {
    const auto rules = shippedRules();
    const auto models = serviceModels();
    std::size_t threats = 0;
    for (auto _ : state) {
        threats = 0;
        const ValueChain c = nationalChain();
        benchmark::DoNotOptimize(c.singlePointsOfFailure());
        for (const auto& m : models) {
            const Analysis a(m, rules);
            threats += a.threats().size();
            benchmark::DoNotOptimize(attackSurface(a));
        }
    }
    state.counters["nodes"] = static_cast<double>(chain().size());
    state.counters["edges"] = static_cast<double>(chain().edgeCount());
    state.counters["models"] = static_cast<double>(models.size());
    state.counters["threats"] = static_cast<double>(threats);
}
BENCHMARK(BM_FullAnalysis)->Unit(benchmark::kMillisecond);

void BM_Impact(benchmark::State& state) {
    const NodeId at = *chain().find("dokumentlager");
    std::size_t affected = 0;
    for (auto _ : state) affected = chain().impact(at, Event::Vulnerability).affected.size();
    state.counters["affected"] = static_cast<double>(affected);
}
BENCHMARK(BM_Impact)->Unit(benchmark::kMillisecond);

// The three analyses NetworkX is compared on, on the graphs as written by --write-graph.
// Reachability is the impact query's own: who a vulnerability in Dokumentlager reaches.
void BM_Reachability(benchmark::State& state) {
    const NodeId from[] = {*chain().find("dokumentlager")};
    const Digraph& impact = chain().impactGraph(Event::Vulnerability);
    std::size_t reached = 0;
    for (auto _ : state) {
        const auto r = impact.reach(from);
        reached = static_cast<std::size_t>(std::count_if(r.depth.begin(), r.depth.end(), [](int d) { return d >= 0; }));
    }
    state.counters["reached"] = static_cast<double>(reached);
}
BENCHMARK(BM_Reachability)->Unit(benchmark::kMillisecond);

void BM_ArticulationPoints(benchmark::State& state) {
    std::size_t points = 0;
    for (auto _ : state) points = chain().singlePointsOfFailure().size();
    state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(BM_ArticulationPoints)->Unit(benchmark::kMillisecond);

void BM_MinimumCut(benchmark::State& state) {
    const auto sources = vendors();
    const NodeId target[] = {*chain().find("dokumentlager")};
    std::size_t size = 0;
    for (auto _ : state) size = chain().graph().minimumEdgeCut(sources, target).size;
    state.counters["cut"] = static_cast<double>(size);
}
BENCHMARK(BM_MinimumCut)->Unit(benchmark::kMillisecond);

// The department's loss curve: Poisson events and log-normal losses per estimated risk, as the
// Risk page simulates it (20,000 years); the demo has a dozen estimates, a large register a thousand.
void BM_LossCurve(benchmark::State& state) {
    std::vector<LossEstimate> estimates;
    for (int i = 0; i < state.range(0); ++i) estimates.push_back({0.1 + 0.15 * (i % 5), 40'000.0 * (1 + i % 4), 900'000.0 * (1 + i % 3)});
    double p99 = 0;
    for (auto _ : state) p99 = simulateLosses(estimates, 20000, 2026)->p99;
    state.counters["p99_kr"] = p99;
}
BENCHMARK(BM_LossCurve)->Arg(12)->Arg(1000)->Unit(benchmark::kMillisecond);

// A register of 10,000 risks and 21 columns as XLSX, beside the same table as CSV (the anchor:
// the simplest format the same rows can take).
const xlsx::Workbook& registerBook() {
    static const xlsx::Workbook book = [] {
        xlsx::Workbook b;
        xlsx::Sheet sheet{"Risikoer", {}};
        std::vector<std::string> header;
        for (int c = 0; c < 21; ++c) header.push_back("column_" + std::to_string(c));
        sheet.rows.push_back(header);
        for (int r = 0; r < 10000; ++r) {
            std::vector<std::string> row;
            for (int c = 0; c < 21; ++c)
                row.push_back(c % 3 == 0 ? std::to_string(r % 5 + 1) : "svarut:VAKT-S-00" + std::to_string(c % 10) + "/element-" + std::to_string(r) + " æøå");
            sheet.rows.push_back(std::move(row));
        }
        b.sheets.push_back(std::move(sheet));
        return b;
    }();
    return book;
}

std::string registerCsv() {
    std::string out;
    for (const auto& row : registerBook().sheets[0].rows) out += csv::formatRecord(row);
    return out;
}

void BM_RegisterWriteXlsx(benchmark::State& state) {
    std::size_t bytes = 0;
    for (auto _ : state) bytes = xlsx::write(registerBook()).size();
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RegisterWriteXlsx)->Unit(benchmark::kMillisecond);

void BM_RegisterReadXlsx(benchmark::State& state) {
    const std::string bytes = xlsx::write(registerBook());
    std::size_t rows = 0;
    for (auto _ : state) rows = xlsx::read(bytes)->sheets[0].rows.size();
    state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_RegisterReadXlsx)->Unit(benchmark::kMillisecond);

void BM_RegisterWriteCsv(benchmark::State& state) {
    std::size_t bytes = 0;
    for (auto _ : state) bytes = registerCsv().size();
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RegisterWriteCsv)->Unit(benchmark::kMillisecond);

void BM_RegisterReadCsv(benchmark::State& state) {
    const std::string text = registerCsv();
    std::size_t rows = 0;
    for (auto _ : state) rows = csv::parse(text)->size();
    state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_RegisterReadCsv)->Unit(benchmark::kMillisecond);

// nodes.txt (one id per line, index = line), edges.txt ("u v" per line), impact.txt (the
// edges a vulnerability travels on), query.txt (reach source, cut sources, cut target).
int writeGraph(const fs::path& dir) {
    fs::create_directories(dir);
    const ValueChain& c = chain();
    std::ofstream nodes(dir / "nodes.txt"), edges(dir / "edges.txt"), impact(dir / "impact.txt"), query(dir / "query.txt");
    for (NodeId i = 0; i < c.size(); ++i) nodes << c.node(i).id << "\n";
    for (const auto& [u, v] : c.graph().edges()) edges << u << " " << v << "\n";
    for (const auto& [u, v] : c.impactGraph(Event::Vulnerability).edges()) impact << u << " " << v << "\n";
    query << "reach " << *c.find("dokumentlager") << "\n";
    query << "sources";
    for (NodeId v : vendors()) query << " " << v;
    query << "\ntarget " << *c.find("dokumentlager") << "\n";
    std::printf("%zu nodes, %zu edges in %s\n", c.size(), c.edgeCount(), dir.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--write-graph") == 0) return writeGraph(argv[2]);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
