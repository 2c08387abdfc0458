// The change advisory board's conflict check on a generated year: N changes of one to three
// services or components out of 150 with dependencies, mostly on weekday evenings, and the
// year's freezes. The sweep beside the pairwise reference (the anchor: what the same answer costs
// when every pair is compared).
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

#include "changes/change_calendar.h"

using namespace vakt::changes;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;

namespace {

// A small deterministic generator, so every run sees the same year.
struct Lcg {
    std::uint64_t state = 0x5eed;
    std::uint32_t below(std::uint32_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>((state >> 33) % n);
    }
};

constexpr const char* kServices[] = {"svarut", "minside", "digisos", "bekymringsmelding", "kjoretoyoppslag", "smittesporing",
                                     "del-dokument", "fiks-folkeregister", "fiks-arkiv", "digiorden", "ks-laering", "fiks-io",
                                     "fiks-protokoll", "fiks-plan", "fiks-matrikkel", "fiks-innsyn", "fiks-saksfaser",
                                     "fiks-helse", "fiks-skole", "fiks-politisk"};
constexpr int kComponents = 130;  // komponent-0..9 are the platform's base: databases, storage, the cluster

struct Year {
    Dependencies dependencies;
    std::vector<PlannedChange> changes;
    std::vector<FreezePeriod> freezes;
};

std::string component(std::uint32_t i) { return "komponent-" + std::to_string(i); }

Year generate(int n) {
    Lcg rng;
    Year y;
    std::vector<Dependencies::Edge> edges;
    // A forest of components standing on the base, and services on two or three components.
    for (std::uint32_t c = 10; c < kComponents; ++c) edges.push_back({component(c), component(rng.below(c))});
    for (const char* s : kServices)
        for (int k = 2 + static_cast<int>(rng.below(2)); k > 0; --k) edges.push_back({s, component(rng.below(kComponents))});
    y.dependencies = Dependencies(edges);

    const sys_days newYear{std::chrono::year{2026} / 1 / 1};
    for (int i = 0; i < n; ++i) {
        PlannedChange c;
        c.id = i + 1;
        sys_days day = newYear + days{rng.below(365)};
        int minute;
        if (rng.below(5) != 0) {
            // Weekday evening, 16:00 to 22:45.
            while (std::chrono::weekday{day}.iso_encoding() > 5) day = newYear + days{rng.below(365)};
            minute = 16 * 60 + 15 * static_cast<int>(rng.below(28));
        } else {
            minute = 15 * static_cast<int>(rng.below(96));
        }
        c.start = CivilMinutes{day} + minutes{minute};
        c.end = c.start + minutes{30 + 15 * rng.below(15)};  // 30 min to 4 h
        for (int k = 1 + static_cast<int>(rng.below(3)); k > 0; --k) {
            if (rng.below(10) < 3)
                c.services.push_back(kServices[rng.below(std::size(kServices))]);
            else
                c.components.push_back(component(rng.below(kComponents)));
        }
        c.emergency = rng.below(50) == 0;
        if (c.emergency && rng.below(2) == 0) c.freezeReason = "Kritisk sikkerhetsoppdatering";
        y.changes.push_back(std::move(c));
    }

    auto freeze = [&](std::int64_t id, const char* name, sys_days from, sys_days to, FreezePeriod::Scope scope,
                      std::vector<std::string> keys) {
        y.freezes.push_back({id, name, CivilMinutes{from}, CivilMinutes{to}, scope, std::move(keys)});
    };
    using S = FreezePeriod::Scope;
    using std::chrono::year;
    freeze(1, "Årsskifte (januar)", newYear, sys_days{year{2026} / 1 / 5}, S::All, {});
    freeze(2, "Skattesesong", sys_days{year{2026} / 3 / 16}, sys_days{year{2026} / 5 / 1}, S::Services, {"fiks-folkeregister", "minside"});
    freeze(3, "Påske", sys_days{year{2026} / 3 / 28}, sys_days{year{2026} / 4 / 7}, S::All, {});
    freeze(4, "Skolestart", sys_days{year{2026} / 8 / 10}, sys_days{year{2026} / 8 / 24}, S::Services, {"fiks-skole", "digiorden"});
    freeze(5, "Fellesferie", sys_days{year{2026} / 7 / 6}, sys_days{year{2026} / 8 / 3}, S::Components, {component(0), component(1)});
    freeze(6, "Valgperiode", sys_days{year{2026} / 9 / 7}, sys_days{year{2026} / 9 / 16}, S::Services, {"fiks-politisk", "svarut"});
    freeze(7, "Databasemigrering", sys_days{year{2026} / 10 / 5}, sys_days{year{2026} / 10 / 12}, S::Components, {component(2)});
    freeze(8, "Lagringsbytte", sys_days{year{2026} / 11 / 2}, sys_days{year{2026} / 11 / 6}, S::Components, {component(3), component(4)});
    freeze(9, "Budsjettbehandling", sys_days{year{2026} / 12 / 1}, sys_days{year{2026} / 12 / 11}, S::Services, {"fiks-arkiv", "fiks-politisk"});
    freeze(10, "Årsskifte (desember)", sys_days{year{2026} / 12 / 18}, sys_days{year{2027} / 1 / 1}, S::All, {});
    return y;
}

const Year& yearOf(int n) {
    static std::map<int, Year> years;
    auto at = years.find(n);
    if (at == years.end()) at = years.emplace(n, generate(n)).first;
    return at->second;
}

void report(benchmark::State& state, const std::vector<Conflict>& found) {
    std::size_t pairs = 0, frozen = 0, crowded = 0;
    for (const auto& c : found) {
        if (c.kind == Conflict::Kind::SameTarget || c.kind == Conflict::Kind::DependentTargets) ++pairs;
        else if (c.kind == Conflict::Kind::TooManyInDay) ++crowded;
        else ++frozen;
    }
    state.counters["conflicts"] = static_cast<double>(found.size());
    state.counters["pairs"] = static_cast<double>(pairs);
    state.counters["in_freeze"] = static_cast<double>(frozen);
    state.counters["crowded_days"] = static_cast<double>(crowded);
}

void BM_DetectConflicts(benchmark::State& state) {
    const Year& y = yearOf(static_cast<int>(state.range(0)));
    std::vector<Conflict> found;
    for (auto _ : state) {
        found = detectConflicts(y.changes, y.freezes, y.dependencies);
        benchmark::DoNotOptimize(found.data());
    }
    report(state, found);
}
BENCHMARK(BM_DetectConflicts)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

void BM_DetectConflictsPairwise(benchmark::State& state) {
    const Year& y = yearOf(static_cast<int>(state.range(0)));
    std::vector<Conflict> found;
    for (auto _ : state) {
        found = detectConflictsPairwise(y.changes, y.freezes, y.dependencies);
        benchmark::DoNotOptimize(found.data());
    }
    if (found != detectConflicts(y.changes, y.freezes, y.dependencies)) state.SkipWithError("the sweep and the reference disagree");
    report(state, found);
}
BENCHMARK(BM_DetectConflictsPairwise)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

// One change being edited against the year, as the form checks it on every edit.
void BM_ConflictsForCandidate(benchmark::State& state) {
    const Year& y = yearOf(static_cast<int>(state.range(0)));
    PlannedChange candidate = y.changes[y.changes.size() / 2];
    candidate.id = 0;
    std::vector<Conflict> found;
    for (auto _ : state) {
        found = conflictsFor(candidate, y.changes, y.freezes, y.dependencies);
        benchmark::DoNotOptimize(found.data());
    }
    state.counters["conflicts"] = static_cast<double>(found.size());
}
BENCHMARK(BM_ConflictsForCandidate)->Arg(5000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
