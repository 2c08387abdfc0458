// Audit ledger hot paths (Google Benchmark). tests/bench/audit_ingest_vs_import.sh runs it after
// building a ledger, with its anchor (sqlite3's .import) in the same run.
//
//   bench_audit [benchmark flags]
//     BM_EventPipeline: ingest's work per event without the database: parse, validate,
//       pseudonymise, canonicalise, hash and append to the tree
//   VAKT_BENCH_LEDGER=DB VAKT_BENCH_KEYS=DIR VAKT_BENCH_SUBJECT=FNR VAKT_BENCH_ACTOR=ID bench_audit
//     also BM_SearchBy{Person,Actor}: one search, the first 1,000 events, on that ledger;
//     BM_InclusionProof: one event's proof; BM_EvidenceForPerson: the person's evidence bundle
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <cstdlib>
#include <memory>
#include <random>

#include "collector/audit/event.h"
#include "collector/audit/ledger.h"
#include "collector/audit/ledger_module.h"
#include "collector/audit/merkle.h"
#include "core/store.h"

namespace {

std::string eventLine(std::mt19937_64& rng, int i) {
    static const char* services[] = {"fiks-folkeregister", "digisos", "svarut"};
    return "{\"time\":\"2026-11-26T09:" + std::to_string(10 + i % 50) + ":00.123+01:00\",\"service\":\"" + services[rng() % 3] +
           "\",\"action\":\"person.lookup\",\"actor\":{\"type\":\"person\",\"id\":\"07076640615\",\"org\":\"974760673\"},"
           "\"on_behalf_of\":\"974760673\",\"subject\":{\"type\":\"person\",\"id\":\"02026140180\"},\"legal_basis\":\"Folkeregisterloven § 10-2\","
           "\"service_area\":\"folkeregister\",\"confidential\":false,\"address_protection\":\"none\",\"result\":\"ok\",\"source_ip\":\"10.4." +
           std::to_string(rng() % 256) + "." + std::to_string(rng() % 256) + "\",\"request_id\":\"req-" + std::to_string(i) + "\"}";
}

void BM_EventPipeline(benchmark::State& state) {
    std::mt19937_64 rng(7);
    std::vector<std::string> lines;
    for (int i = 0; i < 1000; ++i) lines.push_back(eventLine(rng, i));
    const std::string key(32, 'k');
    vakt::audit::TreeBuilder tree;
    std::size_t n = 0, bytes = 0;
    for (auto _ : state) {
        const std::string& line = lines[n++ % lines.size()];
        auto event = vakt::audit::parseEvent(line);
        if (!event) {
            state.SkipWithError(event.message().c_str());
            return;
        }
        const auto parties = vakt::audit::partyKeys(*event, key);
        tree.append(vakt::audit::leafHash(vakt::audit::canonicalEvent(*event, parties)));
        bytes += line.size();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventPipeline);

struct LedgerFixture {
    std::unique_ptr<vakt::Store> store;
    std::unique_ptr<vakt::audit::Ledger> ledger;
    vakt::Session investigator{QStringLiteral("bench"), vakt::Role::Sikkerhetsansvarlig};
};

LedgerFixture* ledgerFixture() {
    static LedgerFixture* fixture = [] {
        const char* db = std::getenv("VAKT_BENCH_LEDGER");
        const char* keysDir = std::getenv("VAKT_BENCH_KEYS");
        if (!db || !keysDir) return static_cast<LedgerFixture*>(nullptr);
        auto store = vakt::Store::open(QString::fromLocal8Bit(db), vakt::Store::OpenMode::MustExist);
        auto keys = vakt::audit::LedgerKeys::load(QString::fromLocal8Bit(keysDir));
        if (!store || !keys) return static_cast<LedgerFixture*>(nullptr);
        auto* f = new LedgerFixture;
        f->store = std::move(*store);
        f->ledger = std::make_unique<vakt::audit::Ledger>(*f->store, std::move(*keys));
        return f;
    }();
    return fixture;
}

void search(benchmark::State& state, const char* variable, bool bySubject) {
    LedgerFixture* f = ledgerFixture();
    const char* id = std::getenv(variable);
    if (!f || !id) {
        state.SkipWithError("set VAKT_BENCH_LEDGER, VAKT_BENCH_KEYS, VAKT_BENCH_SUBJECT and VAKT_BENCH_ACTOR");
        return;
    }
    vakt::audit::Ledger::Query query;
    (bySubject ? query.subject : query.actor) = id;
    std::size_t found = 0;
    for (auto _ : state) {
        auto events = f->ledger->search(f->investigator, query, 1000);
        if (!events) {
            state.SkipWithError(events.message().c_str());
            return;
        }
        found = events->size();
    }
    state.counters["events_found"] = static_cast<double>(found);
}
// An inclusion proof for an event spread over the ledger, against the newest signed head.
void BM_InclusionProof(benchmark::State& state) {
    LedgerFixture* f = ledgerFixture();
    if (!f) {
        state.SkipWithError("set VAKT_BENCH_LEDGER and VAKT_BENCH_KEYS");
        return;
    }
    auto size = f->ledger->size();
    if (!size || *size == 0) {
        state.SkipWithError("the ledger is empty");
        return;
    }
    std::uint64_t n = 0;
    for (auto _ : state) {
        const std::uint64_t event = (n++ * 7919 + 12345) % *size;
        auto proof = f->ledger->inclusionProof(f->investigator, event);
        if (!proof) {
            state.SkipWithError(proof.message().c_str());
            return;
        }
        benchmark::DoNotOptimize(proof->size());
    }
}
BENCHMARK(BM_InclusionProof)->Unit(benchmark::kMillisecond);

// An evidence bundle for the person: every event with its proof.
void BM_EvidenceForPerson(benchmark::State& state) {
    LedgerFixture* f = ledgerFixture();
    const char* subject = std::getenv("VAKT_BENCH_SUBJECT");
    if (!f || !subject) {
        state.SkipWithError("set VAKT_BENCH_LEDGER, VAKT_BENCH_KEYS and VAKT_BENCH_SUBJECT");
        return;
    }
    vakt::audit::Ledger::Query query;
    query.subject = subject;
    std::size_t events = 0;
    for (auto _ : state) {
        auto bundle = f->ledger->evidence(f->investigator, query);
        if (!bundle) {
            state.SkipWithError(bundle.message().c_str());
            return;
        }
        events = static_cast<std::size_t>((*bundle)[QStringLiteral("events")].toArray().size());
    }
    state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_EvidenceForPerson)->Unit(benchmark::kMillisecond);

void BM_SearchByPerson(benchmark::State& state) { search(state, "VAKT_BENCH_SUBJECT", true); }
void BM_SearchByActor(benchmark::State& state) { search(state, "VAKT_BENCH_ACTOR", false); }
BENCHMARK(BM_SearchByPerson)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchByActor)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // The ledger's schema and permissions, without which its database is refused as unknown.
    vakt::audit::registerLedgerModule();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
