// The service desk's queue with 100,000 cases (a few years of a national platform's desk, a
// third still open): what the Incidents page does when it opens and when a filter changes —
// count the matches and read the first page of 200 — beside the anchor, reading every match
// the way a view without paging would. Runs the desktop's own model on a real SQLite store.
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QTemporaryDir>
#include <cstdio>

#include "app/modules.h"
#include "core/incidents.h"
#include "core/store.h"
#include "desktop/incidents/incident_model.h"
#include "desktop/shell/app_context.h"

using namespace vakt;
using namespace vakt::desktop;

namespace {

constexpr int kCases = 100'000;
const Session kDesk{QStringLiteral("brukerstotte"), Role::Brukerstotte};

// One store for every benchmark: 100,000 cases written once with plain SQL (the service's
// checks are not what is measured here).
AppContext& context() {
    static QTemporaryDir dir;
    static AppContext ctx = [] {
        AppContext c;
        auto store = Store::open(dir.filePath(QStringLiteral("queue.db")), Store::OpenMode::Create);
        if (!store) {
            std::fprintf(stderr, "%s\n", store.message().c_str());
            std::exit(1);
        }
        c.store = std::move(*store);
        c.session = kDesk;
        Database& db = c.store->db();
        Transaction tx(db);
        const QDateTime now = c.store->clock().now();
        const char* kinds[] = {"question", "question", "fault", "fault", "deviation", "security", "breach"};
        const char* services[] = {"svarut", "fiks-io", "digisos", "minside", "fiks-folkeregister", "ks-laering"};
        for (int i = 0; i < kCases; ++i) {
            const bool open = i % 3 == 0;
            const QString state = open ? (i % 4 == 0 ? QStringLiteral("new") : QStringLiteral("in_progress")) : QStringLiteral("closed");
            const QDateTime opened = now.addSecs(-qint64(kCases - i) * 900);
            const QString priority = QStringLiteral("P%1").arg(1 + (i % 97 == 0 ? 0 : 1 + i % 3));
            auto s = db.exec(QStringLiteral("INSERT INTO incidents (fingerprint, source, title, summary, severity, service_key, status, opened_at,"
                                            " updated_at, kind, priority, state, queue, respond_by, resolve_by, description)"
                                            " VALUES (?, 'desk', ?, '', 'warning', ?, ?, ?, ?, ?, ?, ?, 'desk', ?, ?, ?)"),
                             {QStringLiteral("bench:%1").arg(i), QStringLiteral("Sak %1: forsendelse stopper hos kommune %2").arg(i).arg(i % 357),
                              QString::fromLatin1(services[i % 6]), open ? QStringLiteral("open") : QStringLiteral("closed"),
                              opened.toString(Qt::ISODate), opened.toString(Qt::ISODate), QString::fromLatin1(kinds[i % 7]), priority, state,
                              opened.addSecs(7200).toString(Qt::ISODate), opened.addSecs(86400).toString(Qt::ISODate),
                              QStringLiteral("Beskrivelse av sak %1").arg(i)});
            if (!s) {
                std::fprintf(stderr, "%s\n", s.message().c_str());
                std::exit(1);
            }
        }
        (void)db.exec(QStringLiteral("INSERT INTO incident_links (incident_id, kind, target) SELECT id, 'service', service_key FROM incidents"));
        if (auto s = tx.commit(); !s) std::exit(1);
        return c;
    }();
    return ctx;
}

IncidentFilter filterNamed(int which) {
    IncidentFilter f;
    switch (which) {
        case 0: f.openOnly = true; break;                           // the page as it opens
        case 1: break;                                               // every state
        case 2: f.openOnly = true, f.priorities = {"P1"}; break;     // one priority
        case 3: f.text = QStringLiteral("kommune 42"); break;        // a search in every case
        case 4: f.overdueOnly = true; break;                         // overdue only
        case 5: f.service = QStringLiteral("digisos"); break;        // one service
    }
    return f;
}
const char* kFilterNames[] = {"open", "all", "P1", "search", "overdue", "service"};

// What the page does: count, and read the first page.
void BM_QueueFirstPage(benchmark::State& state) {
    AppContext& ctx = context();
    IncidentModel model(ctx);
    const IncidentFilter f = filterNamed(int(state.range(0)));
    for (auto _ : state) {
        if (!model.setFilter(f)) state.SkipWithError(model.lastError().toUtf8().constData());
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.SetLabel(kFilterNames[state.range(0)]);
    state.counters["matches"] = model.total();
    state.counters["rows_read"] = model.loaded();
}
BENCHMARK(BM_QueueFirstPage)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

// The anchor: every match read, as a view that loads the whole queue would.
void BM_QueueEveryRow(benchmark::State& state) {
    AppContext& ctx = context();
    IncidentStore incidents(*ctx.store);
    const IncidentFilter f = filterNamed(int(state.range(0)));
    qint64 rows = 0;
    for (auto _ : state) {
        rows = 0;
        for (int offset = 0;; offset += 10000) {
            auto page = incidents.query(kDesk, f, offset, 10000);
            if (!page) {
                state.SkipWithError(page.message().c_str());
                break;
            }
            rows += page->size();
            if (page->size() < 10000) break;
        }
    }
    state.SetLabel(kFilterNames[state.range(0)]);
    state.counters["rows_read"] = double(rows);
}
BENCHMARK(BM_QueueEveryRow)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    vakt::app::registerModules();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
