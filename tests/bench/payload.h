#pragma once
// A platform-sized exposition, generated deterministically: per service and pod, request
// counters by method and code, a latency histogram with 12 buckets, in-flight and memory
// gauges, in the shape Spring Boot or Go services expose. Roughly 33 series per pod.
#include <cstdint>
#include <string>

#include "collector/exposition/number.h"

namespace vakt::bench {

inline std::string platformPayload(std::size_t minSeries, bool openMetrics) {
    static const char* services[] = {"svarut", "fiks-io", "fiks-folkeregister", "digisos", "minside", "dokumentlager",
                                     "innsyn", "print", "fiks-arkiv", "del-dokument"};
    static const double bounds[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    std::uint64_t state = 42;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return state >> 33;
    };
    std::string out;
    std::size_t series = 0;
    auto header = [&](const std::string& name, const char* type, const char* help) {
        out += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    };
    for (int pod = 0; series < minSeries; ++pod) {
        const std::string service = services[pod % 10];
        const std::string labels = "service=\"" + service + "\",pod=\"" + service + "-7d9f8b6c4-" + std::to_string(10000 + pod) +
                                   "\",namespace=\"fiks-prod\"";
        const std::string suffix = "_p" + std::to_string(pod);  // one family per pod keeps families contiguous
        const std::string req = "http_server_requests" + suffix;
        header(openMetrics ? req : req + "_total", "counter", "HTTP requests handled, by method and status code.");
        for (const char* method : {"GET", "POST"})
            for (const char* code : {"200", "201", "400", "404", "500"}) {
                out += req + "_total{" + labels + ",method=\"" + method + "\",code=\"" + code + "\"} ";
                expo::appendValue(out, static_cast<double>(next() % 1000000));
                out += '\n';
                ++series;
            }
        const std::string lat = "http_server_request_duration_seconds" + suffix;
        header(lat, "histogram", "HTTP request latency.");
        for (const char* method : {"GET", "POST"}) {
            std::uint64_t cumulative = 0;
            for (double b : bounds) {
                cumulative += next() % 5000;
                out += lat + "_bucket{" + labels + ",method=\"" + method + "\",le=\"";
                expo::appendValue(out, b);
                out += "\"} ";
                expo::appendValue(out, static_cast<double>(cumulative));
                out += '\n';
            }
            out += lat + "_bucket{" + labels + ",method=\"" + method + "\",le=\"+Inf\"} " + std::to_string(cumulative) + "\n";
            out += lat + "_count{" + labels + ",method=\"" + method + "\"} " + std::to_string(cumulative) + "\n";
            out += lat + "_sum{" + labels + ",method=\"" + method + "\"} ";
            expo::appendValue(out, static_cast<double>(cumulative) * 0.0173);
            out += '\n';
            series += 14;
        }
        const std::string mem = "process_resident_memory_bytes" + suffix;
        header(mem, "gauge", "Resident memory size in bytes.");
        out += mem + "{" + labels + "} ";
        expo::appendValue(out, static_cast<double>(200000000 + next() % 100000000));
        out += '\n';
        ++series;
    }
    if (openMetrics) out += "# EOF\n";
    return out;
}

}  // namespace vakt::bench
