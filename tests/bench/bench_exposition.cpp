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

// Hostile bodies beside benign ones of the same size (state.range(0) bytes): the parser must take
// linear time on every input, so each pair's times stay within a small factor of each other.
// A label value with one escape at its end, or made of escapes only, against a plain value:
std::string labelValueBody(std::size_t bytes, int kind) {
    std::string value(bytes, 'v');
    if (kind == 1) value.replace(bytes - 2, 2, "\\\\");
    if (kind == 2)
        for (std::size_t i = 0; i + 1 < bytes; i += 2) value.replace(i, 2, "\\\"");
    return "m{x=\"" + value + "\"} 1\n";
}
void BM_LabelValue_Plain(benchmark::State& state) {
    parseLoop(state, labelValueBody(static_cast<std::size_t>(state.range(0)), 0), vakt::expo::Format::Prometheus004);
}
void BM_LabelValue_EscapeAtEnd(benchmark::State& state) {
    parseLoop(state, labelValueBody(static_cast<std::size_t>(state.range(0)), 1), vakt::expo::Format::Prometheus004);
}
void BM_LabelValue_AllEscapes(benchmark::State& state) {
    parseLoop(state, labelValueBody(static_cast<std::size_t>(state.range(0)), 2), vakt::expo::Format::Prometheus004);
}
BENCHMARK(BM_LabelValue_Plain)->Arg(100 << 10)->Arg(1 << 20);
BENCHMARK(BM_LabelValue_EscapeAtEnd)->Arg(100 << 10)->Arg(1 << 20);
BENCHMARK(BM_LabelValue_AllEscapes)->Arg(100 << 10)->Arg(1 << 20);

// One sample with thousands of labels against many samples of ten labels, about the same size.
std::string labelsBody(int labels, int perSample) {
    std::string body;
    for (int done = 0; done < labels;) {
        body += "m{";
        for (int i = 0; i < perSample && done < labels; ++i, ++done) body += "l" + std::to_string(done) + "=\"v\",";
        body += "} 1\n";
    }
    return body;
}
void parseLabels(benchmark::State& state, int perSample) {
    const std::string body = labelsBody(static_cast<int>(state.range(0)), perSample);
    parseLoop(state, body, vakt::expo::Format::Prometheus004);
}
void BM_Labels_TenPerSample(benchmark::State& state) { parseLabels(state, 10); }
void BM_Labels_AllInOneSample(benchmark::State& state) { parseLabels(state, static_cast<int>(state.range(0))); }
BENCHMARK(BM_Labels_TenPerSample)->Arg(40000);
BENCHMARK(BM_Labels_AllInOneSample)->Arg(40000);

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
