// Parser throughput on real and platform-sized expositions (Google Benchmark). The anchor,
// Prometheus's Go expfmt parser, runs on the same files in tests/bench/parse_vs_expfmt.sh.
//
//   bench_exposition [benchmark flags]
//   bench_exposition --write-platform FILE MIN_SERIES   writes the generated payload (0.0.4)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "collector/exposition/parser.h"
#include "tests/bench/payload.h"

namespace {

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

void parseLoop(benchmark::State& state, const std::string& body, vakt::expo::Format format) {
    vakt::expo::ParseResult result;
    vakt::expo::ParseError error;
    std::size_t samples = 0;
    for (auto _ : state) {
        if (!vakt::expo::parse(body, format, result, error)) {
            state.SkipWithError(error.message().c_str());
            return;
        }
        samples = result.samples.size();
        benchmark::DoNotOptimize(result.samples.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
    state.counters["samples"] = static_cast<double>(samples);
    state.counters["samples_per_second"] = benchmark::Counter(static_cast<double>(state.iterations() * samples), benchmark::Counter::kIsRate);
}

void BM_NodeExporter(benchmark::State& state) {
    // The bench script passes a live capture; the checked-in one is the default.
    const char* live = std::getenv("VAKT_BENCH_NODE");
    static const std::string body = readFile(live ? live : VAKT_BENCH_DATA "/node_exporter-1.5.prom");
    parseLoop(state, body, vakt::expo::Format::Prometheus004);
}
BENCHMARK(BM_NodeExporter);

void BM_Platform10k_Prometheus(benchmark::State& state) {
    static const std::string body = vakt::bench::platformPayload(10000, false);
    parseLoop(state, body, vakt::expo::Format::Prometheus004);
}
BENCHMARK(BM_Platform10k_Prometheus);

void BM_Platform10k_OpenMetrics(benchmark::State& state) {
    static const std::string body = vakt::bench::platformPayload(10000, true);
    parseLoop(state, body, vakt::expo::Format::OpenMetrics100);
}
BENCHMARK(BM_Platform10k_OpenMetrics);

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--write-platform") == 0) {
        std::ofstream(argv[2], std::ios::binary) << vakt::bench::platformPayload(std::stoul(argv[3]), false);
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
