// A privilege review at national scale: every municipality's administrators and service roles
// (about 50,000 grants held by 21,000 people and 700 integrations) on a store whose audit ledger
// holds 10 million events. Measured: creating the campaign (snapshot, every flag including last
// use from the ledger, reviewers, stored), and listing it per reviewer; beside the anchor,
// finding last use by scanning the ledger's events, which the derived activity table replaces.
//
// The store is built once (about five minutes: the events go through the real ingest) in
// $VAKT_BENCH_DIR (default /var/tmp/vakt-bench-access) and reused by later runs.
#include <benchmark/benchmark.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cstdio>

#include "access/access_service.h"
#include "app/demo.h"
#include "app/modules.h"
#include "collector/audit/keys.h"
#include "collector/audit/ledger.h"
#include "core/base/norway.h"
#include "core/civil_time.h"
#include "core/data_dir.h"
#include "core/organisation_service.h"
#include "core/store.h"

using namespace vakt;
using namespace vakt::access;

namespace {

constexpr int kStaffPerKommune = 58;
constexpr qint64 kEvents = 10'000'000;
const Session kOfficer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
const Session kSystem{QStringLiteral("system:bench"), Role::Admin};

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_access: %s\n", what.c_str());
    std::exit(1);
}
template <typename T>
T need(Result<T> r, const char* what) {
    if (!r) die(std::string(what) + ": " + r.message());
    return std::move(*r);
}
void need(const Status& s, const char* what) {
    if (!s) die(std::string(what) + ": " + s.message());
}

// A valid fødselsnummer for person n: a birth date from n, the first individual number whose
// control digits both come out.
std::string personId(int n) {
    const QDate born = QDate(1960, 1, 1).addDays(n % 14000);
    const std::string date = born.toString(QStringLiteral("ddMMyy")).toStdString();
    for (int individual = (n / 14000) * 50; individual < 1000; ++individual)
        for (int k = 0; k < 100; ++k) {
            const std::string id = date + std::to_string(1000 + individual).substr(1) + std::to_string(100 + k).substr(1);
            if (norway::isValidPersonId(id)) return id;
        }
    die("no person id for " + std::to_string(n));
}

struct Holder {
    std::string id, email, orgnr, leader;
    std::vector<std::string> services;
    bool idle = false;  // no use in the last 90 days
};

struct World {
    QString dir;
    std::unique_ptr<Store> store;
    std::vector<Holder> holders;
};

QString csvLine(const QStringList& fields) { return fields.join(QLatin1Char(',')) + QLatin1Char('\n'); }

World build(const QString& dir) {
    QDir().mkpath(dir);
    const QString db = dir + QStringLiteral("/vakt.db"), keysDir = dir + QStringLiteral("/keys");
    const bool fresh = !QFileInfo::exists(db);
    World w;
    w.dir = dir;
    if (fresh) {
        w.store = need(Store::open(db, Store::OpenMode::Create), "create");
        need(loadDemo(*w.store, dataDir()), "demo");
        need(audit::LedgerKeys::init(keysDir), "keys");
    } else {
        w.store = need(Store::open(db, Store::OpenMode::MustExist), "open");
    }
    auto keys = need(audit::LedgerKeys::load(keysDir), "keys");
    OrganisationService orgs(*w.store);
    auto kommuner = need(orgs.organisations(kSystem, OrgKind::Kommune), "kommuner");
    QString csv = QStringLiteral(
        "holder_type,holder_id,holder_email,holder_name,orgnr,service,privilege,detail,service_area,holder_area,legal_basis,confidential,scopes,role,"
        "leader_email,granted_by,granted_at\n");
    Transaction tx(w.store->db());
    int n = 0;
    for (const auto& k : kommuner) {
        const QString domain = QStringLiteral("@k%1.kommune.example").arg(k.kommunenummer);
        const QString leader = QStringLiteral("kommunalsjef") + domain;
        for (int i = 0; i < kStaffPerKommune; ++i, ++n) {
            Holder h;
            h.id = personId(n);
            h.email = (i == 0 ? leader : QStringLiteral("ansatt%1").arg(i) + domain).toStdString();
            h.orgnr = k.orgnr.toStdString();
            h.leader = leader.toStdString();
            h.idle = n % 10 == 0;
            const QString role = i == 0 ? QStringLiteral("Kommunalsjef") : i < 3 ? QStringLiteral("IT-ansvarlig") : QStringLiteral("Saksbehandler");
            if (fresh) {
                Person p;
                p.name = QString::fromStdString(h.email).section(QLatin1Char('@'), 0, 0);
                p.email = QString::fromStdString(h.email);
                p.orgnr = k.orgnr;
                p.title = role;
                p.employment = n % 97 == 0 ? Employment::Left : Employment::Active;
                need(orgs.savePerson(kSystem, p), "person");
            }
            auto grant = [&](const QString& service, const QString& privilege, const QString& detail, bool confidential = false) {
                const bool reg = privilege == QLatin1String("folkeregister_role");
                csv += csvLine({QStringLiteral("person"), QString::fromStdString(h.id), QString::fromStdString(h.email), {}, k.orgnr, service, privilege, detail,
                                reg ? QStringLiteral("barnevern") : QString(), reg ? (i % 13 == 0 ? QStringLiteral("skole") : QStringLiteral("barnevern")) : QString(),
                                reg && i % 17 ? QStringLiteral("Barnevernsloven § 13-4") : QString(), confidential ? QStringLiteral("true") : QStringLiteral("false"), {},
                                role, i == 0 ? QString() : leader, leader, QStringLiteral("2024-03-01")});
                if (!service.isEmpty()) h.services.push_back(service.toStdString());
            };
            if (i < 3) {
                grant({}, QStringLiteral("admin"), {});
                if (i > 0)
                    for (const char* s : {"svarut", "fiks-io", "digisos"}) grant(QString::fromLatin1(s), QStringLiteral("service_admin"), {});
                continue;
            }
            grant(QStringLiteral("svarut"), QStringLiteral("privilege"), QStringLiteral("send:avdeling-%1").arg(i % 6));
            if (i % 2) grant(QStringLiteral("fiks-folkeregister"), QStringLiteral("folkeregister_role"), QStringLiteral("Barnevern"), true);
            if (i % 3 == 0) grant(QStringLiteral("digisos"), QStringLiteral("privilege"), QStringLiteral("saksbehandling"));
            if (i % 3 == 1) grant(QStringLiteral("fiks-arkiv"), QStringLiteral("privilege"), QStringLiteral("arkiv:les"));
            if (i % 7 == 0) grant(QStringLiteral("minside"), QStringLiteral("privilege"), QStringLiteral("publiser"));
            w.holders.push_back(std::move(h));
        }
        for (int j = 0; j < 2; ++j) {
            Holder h;
            h.id = QStringLiteral("fagsystem-%1-%2").arg(k.kommunenummer).arg(j).toStdString();
            h.orgnr = k.orgnr.toStdString();
            h.services = {"svarut"};
            csv += csvLine({QStringLiteral("integration"), QString::fromStdString(h.id), {}, QStringLiteral("Sak- og arkivsystem"), k.orgnr, QStringLiteral("svarut"),
                            QStringLiteral("privilege"), QStringLiteral("send:*"), {}, {}, {}, QStringLiteral("false"),
                            j ? QStringLiteral("svarut.send;svarut.receive;fiks-io.send;fiks-io.receive;fiks-arkiv.write") : QStringLiteral("svarut.send"), {},
                            {}, leader, QStringLiteral("2023-05-01")});
            w.holders.push_back(std::move(h));
        }
    }
    if (!fresh) {
        need(tx.commit(), "commit");
        return w;
    }
    std::fprintf(stderr, "bench_access: importing the grants\n");
    auto report = need(AccessService(*w.store).importGrants(kOfficer, QStringLiteral("bench.csv"), csv.toUtf8(), &keys), "import");
    need(tx.commit(), "commit");
    std::fprintf(stderr, "bench_access: %d grants; ingesting %lld events (once)\n", report.import.grants, static_cast<long long>(kEvents));
    // Events from the holders over the last 180 days; a tenth of them nothing in the last 90.
    audit::Ledger ledger(*w.store, keys);
    const qint64 nowMs = w.store->clock().now().toMSecsSinceEpoch();
    constexpr qint64 kChunk = 500'000;
    std::uint64_t x = 88172645463325252ull;
    auto next = [&x] {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        return x;
    };
    for (qint64 done = 0; done < kEvents; done += kChunk) {
        QByteArray lines;
        lines.reserve(kChunk * 260);
        for (qint64 e = 0; e < kChunk; ++e) {
            const Holder& h = w.holders[next() % w.holders.size()];
            const qint64 ageDays = h.idle ? 91 + qint64(next() % 89) : qint64(next() % 180);
            const qint64 at = nowMs - ageDays * 86'400'000 - qint64(next() % 86'400'000);
            const std::string& service = h.services.empty() ? std::string("svarut") : h.services[next() % h.services.size()];
            const bool person = h.id.size() == 11 && h.id.find_first_not_of("0123456789") == std::string::npos;
            lines += QByteArrayLiteral("{\"time\":\"") + QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1() +
                     QByteArrayLiteral("\",\"service\":\"") + QByteArray::fromStdString(service) + QByteArrayLiteral("\",\"action\":\"") +
                     (person ? QByteArrayLiteral("person.lookup") : QByteArrayLiteral("forsendelse.send")) + QByteArrayLiteral("\",\"actor\":{\"type\":\"") +
                     (person ? QByteArrayLiteral("person") : QByteArrayLiteral("integration")) + QByteArrayLiteral("\",\"id\":\"") + QByteArray::fromStdString(h.id) +
                     QByteArrayLiteral("\",\"org\":\"") + QByteArray::fromStdString(h.orgnr) + QByteArrayLiteral("\"},\"result\":\"") +
                     (next() % 50 == 0 ? QByteArrayLiteral("denied") : QByteArrayLiteral("ok")) + QByteArrayLiteral("\"}\n");
        }
        QBuffer input(&lines);
        input.open(QIODevice::ReadOnly);
        audit::SourceSpec source;
        source.key = QStringLiteral("bench-%1").arg(done / kChunk);
        source.name = source.key;
        need(ledger.ingest(kOfficer, source, input), "ingest");
        std::fprintf(stderr, "bench_access: %lld events\n", static_cast<long long>(done + kChunk));
    }
    return w;
}

World& world() {
    static World w = [] {
        const QString dir = qEnvironmentVariable("VAKT_BENCH_DIR", QStringLiteral("/var/tmp/vakt-bench-access"));
        return build(dir);
    }();
    return w;
}

CampaignSpec spec() {
    CampaignSpec s;
    s.name = QStringLiteral("Nasjonal gjennomgang");
    s.reviewers = {ReviewerRule{ReviewerRule::Kind::Leader, {}}, ReviewerRule{ReviewerRule::Kind::ServiceOwner, {}}};
    s.due = QDate::currentDate().addDays(30);
    return s;
}

qint64 lastCampaign = 0;

void BM_CreateCampaignWithFlags(benchmark::State& state) {
    World& w = world();
    AccessService access(*w.store);
    for (auto _ : state) {
        lastCampaign = need(access.createCampaign(kOfficer, spec()), "campaign");
        benchmark::DoNotOptimize(lastCampaign);
    }
    auto c = need(access.campaign(kOfficer, lastCampaign), "campaign");
    state.counters["items"] = c.items;
    state.counters["flagged"] = c.flagged;
}
BENCHMARK(BM_CreateCampaignWithFlags)->Unit(benchmark::kMillisecond)->Iterations(3);

// What the officer's progress tab and one reviewer's list cost on that campaign.
void BM_ListPerReviewer(benchmark::State& state) {
    World& w = world();
    AccessService access(*w.store);
    if (!lastCampaign) lastCampaign = need(access.createCampaign(kOfficer, spec()), "campaign");
    const QString reviewer = QString::fromStdString(w.holders.front().leader);
    for (auto _ : state) {
        auto progress = need(access.progress(kOfficer, lastCampaign), "progress");
        ItemFilter f;
        f.reviewer = reviewer;
        auto items = need(access.items(kOfficer, lastCampaign, f), "items");
        state.counters["reviewers"] = double(progress.size());
        state.counters["their_items"] = double(items.size());
    }
}
BENCHMARK(BM_ListPerReviewer)->Unit(benchmark::kMillisecond)->Iterations(3);

// The anchor: last use read from the events themselves, one scan of the ledger.
void BM_LastUseByScanningTheLedger(benchmark::State& state) {
    World& w = world();
    for (auto _ : state) {
        auto rows = need(w.store->db().query(QStringLiteral("SELECT actor_key, actor_org, service, MAX(time_ms) FROM audit_events WHERE result = 'ok'"
                                                            " GROUP BY actor_key, actor_org, service")),
                         "scan");
        state.counters["actors"] = double(rows.size());
    }
}
BENCHMARK(BM_LastUseByScanningTheLedger)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    app::registerModules();
    benchmark::Initialize(&argc, argv);
    world();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
