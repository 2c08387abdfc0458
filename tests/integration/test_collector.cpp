// vakt-collector against real peers on 127.0.0.1: Prometheus's node_exporter as a target, a
// real Prometheus scraping the collector, and the platform simulator's hostile targets.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <csignal>
#include <map>
#include <optional>

#include "core/incidents.h"
#include "core/monitoring.h"
#include "core/store.h"
#include "tests/support/audit_events.h"
#include "tests/support/certificates.h"
#include "tests/support/net.h"
#include "tests/support/run_program.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::test;

namespace {

class Collector : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        db_ = database_.url();
    }
    void TearDown() override {
        for (QProcess* p : processes_) {
            p->terminate();
            if (!p->waitForFinished(5000)) p->kill();
            p->waitForFinished(2000);
            delete p;
        }
    }
    QProcess* spawn(const QString& program, const QStringList& args) {
        auto* p = new QProcess;
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(program, args);
        EXPECT_TRUE(p->waitForStarted(5000)) << program.toStdString();
        processes_.push_back(p);
        return p;
    }
    // The audit ledger's keys in dir_/keys, as `vakt keys init` makes them.
    void initKeys() {
        QProcess init;
        init.start(VAKT_CLI, {"--keys", dir_.filePath("keys"), "keys", "init"});
        ASSERT_TRUE(init.waitForFinished(30000));
        ASSERT_EQ(init.exitCode(), 0) << init.readAllStandardError().toStdString();
    }
    QString write(const QString& name, const QByteArray& text) {
        QFile f(dir_.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        return f.fileName();
    }
    // `count` simulated audit events, each a line without its newline.
    static QList<QByteArray> simulatedEvents(int count, int seed) {
        QProcess sim;
        sim.start(VAKT_SIM, {"--audit-events", QString::number(count), "--seed", QString::number(seed)});
        EXPECT_TRUE(sim.waitForFinished(30000));
        QList<QByteArray> lines = sim.readAllStandardOutput().split('\n');
        EXPECT_GE(lines.size(), count);
        return lines;
    }
    // Lines [from, to), each with its newline.
    static QByteArray joined(const QList<QByteArray>& lines, int from, int to) {
        QByteArray out;
        for (int i = from; i < to; ++i) out += lines[i] + '\n';
        return out;
    }
    int runOnce(const QString& config) {
        QProcess once;
        once.setProcessChannelMode(QProcess::ForwardedChannels);
        once.start(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--once"});
        EXPECT_TRUE(once.waitForFinished(60000));
        return once.exitCode();
    }
    QList<TargetState> targets() {
        auto store = Store::open(db_, Store::OpenMode::MustExist);
        EXPECT_TRUE(store) << store.message();
        auto t = MonitoringStore(**store).targets(Session{"test", Role::Revisor});
        EXPECT_TRUE(t) << t.message();
        return t ? *t : QList<TargetState>{};
    }

    // How many events the ledger holds, and how many different request ids among them.
    std::pair<int, int> storedEvents() {
        auto store = Store::open(db_, Store::OpenMode::MustExist);
        if (!store) return {-1, -1};
        const char* requestId = database_.postgres() ? "canonical::jsonb ->> 'request_id'" : "json_extract(canonical, '$.request_id')";
        auto rows = (*store)->db().query(QStringLiteral("SELECT count(*), count(DISTINCT %1) FROM audit_events").arg(QLatin1String(requestId)));
        return rows && !rows->empty() ? std::pair{rows->front().value(0).toInt(), rows->front().value(1).toInt()} : std::pair{-1, -1};
    }

    QTemporaryDir dir_;
    TestDatabase database_{TestDatabase::Content::Demo};
    QString db_;
    std::vector<QProcess*> processes_;
};

}  // namespace

TEST_F(Collector, ScrapesARealNodeExporterAndStoresItsHealth) {
    const int port = freePort();
    spawn("prometheus-node-exporter", {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
    ASSERT_TRUE(waitFor([&] { return !httpGet(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)).isEmpty(); }, 10000));
    const QString config = write("node.yml", QStringLiteral("scrape_configs:\n  - job_name: node\n    service: fiks-io\n"
                                                            "    static_configs:\n      - targets: ['127.0.0.1:%1']\n")
                                                 .arg(port)
                                                 .toUtf8());
    ASSERT_EQ(runOnce(config), 0);
    const auto t = targets();
    ASSERT_EQ(t.size(), 1);
    EXPECT_EQ(t[0].health, "up") << t[0].lastError.toStdString();
    EXPECT_GT(t[0].samples, 100);
    EXPECT_EQ(t[0].service, "fiks-io");
}

TEST_F(Collector, ARealPrometheusScrapesTheCollector) {
    const int nodePort = freePort(), collectorPort = freePort(), promPort = freePort();
    spawn("prometheus-node-exporter", {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(nodePort)});
    const QString config = write("c.yml", QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                                                         "  - job_name: node\n    static_configs:\n      - targets: ['127.0.0.1:%1']\n")
                                              .arg(nodePort)
                                              .toUtf8());
    QProcess* collector = spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address",
                                                 QStringLiteral("127.0.0.1:%1").arg(collectorPort)});
    int status = 0;
    ASSERT_TRUE(waitFor([&] { httpGet(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(collectorPort), &status); return status == 200; }, 10000));
    httpGet(QStringLiteral("http://127.0.0.1:%1/-/healthy").arg(collectorPort), &status);
    EXPECT_EQ(status, 200);
    httpGet(QStringLiteral("http://127.0.0.1:%1/nothing").arg(collectorPort), &status);
    EXPECT_EQ(status, 404);

    const QString promConfig = write("prometheus.yml", QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                                                                      "  - job_name: vakt\n    static_configs:\n      - targets: ['127.0.0.1:%1']\n")
                                                           .arg(collectorPort)
                                                           .toUtf8());
    spawn("prometheus", {"--config.file=" + promConfig, "--storage.tsdb.path=" + dir_.filePath("tsdb"),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort)});
    auto query = [&](const QString& q) {
        const QByteArray body = httpGet(QStringLiteral("http://127.0.0.1:%1/api/v1/query?query=%2").arg(promPort).arg(QString::fromLatin1(QUrl::toPercentEncoding(q))));
        const QJsonArray result = QJsonDocument::fromJson(body).object()["data"].toObject()["result"].toArray();
        return result.isEmpty() ? QString() : result[0].toObject()["value"].toArray()[1].toString();
    };
    ASSERT_TRUE(waitFor([&] { return query("up{job=\"vakt\"}") == "1"; }, 45000)) << "Prometheus never saw the collector up";
    // What Prometheus stored is the collector's own view of its target.
    EXPECT_TRUE(waitFor([&] { return query("up{job=\"vakt\",exported_job=\"node\"}") == "1"; }, 15000));
    EXPECT_FALSE(query("vakt_collector_scrapes_total{exported_job=\"node\"}").isEmpty());

    // SIGTERM: finish in-flight work and exit cleanly.
    collector->terminate();
    ASSERT_TRUE(collector->waitForFinished(10000));
    EXPECT_EQ(collector->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(collector->exitCode(), 0);
}

TEST_F(Collector, HostileTargetsOnlyMarkThemselvesDown) {
    const int base = freePortRange(12);
    ASSERT_NE(base, 0);
    const QString targetsFile = dir_.filePath("targets.json");
    spawn(VAKT_SIM, {"--base-port", QString::number(base), "--services", "4", "--pods-per-service", "3", "--targets-file", targetsFile,
                     "--fault", "svarut-0=down", "--fault", "svarut-1=hang", "--fault", "svarut-2=trickle", "--fault", "fiks-io-0=malformed",
                     "--fault", "fiks-io-1=huge", "--fault", "fiks-io-2=duplicate", "--fault", "fiks-folkeregister-0=million"});
    // The simulator builds its huge answers before it serves; under sanitizers that takes a while.
    ASSERT_TRUE(waitFor([&] { return QFile::exists(targetsFile) && !httpGet(QStringLiteral("http://127.0.0.1:%1/metrics").arg(base + 9)).isEmpty(); }, 90000));
    // 5 s, not 2: one simulator serves all twelve pods, and copying its 80 MiB answer under the
    // sanitizers can hold the healthy pods' answers past 2 s.
    const QString config = write("sim.yml", QStringLiteral("global:\n  scrape_interval: 10s\n  scrape_timeout: 5s\nscrape_configs:\n"
                                                           "  - job_name: platform\n    body_size_limit: 16MB\n    sample_limit: 200000\n"
                                                           "    file_sd_configs:\n      - files: ['%1']\n    service:\n      from_label: service\n")
                                                .arg(targetsFile)
                                                .toUtf8());
    ASSERT_EQ(runOnce(config), 0);
    const auto all = targets();
    ASSERT_EQ(all.size(), 12);
    auto reasonFor = [&](int offset) -> std::string {
        for (const auto& t : all)
            if (t.instance == QStringLiteral("127.0.0.1:%1").arg(base + offset)) return t.health == "up" ? "up" : t.lastError.toStdString();
        return "missing";
    };
    auto has = [](const std::string& text, const char* part) { return text.find(part) != std::string::npos; };
    EXPECT_TRUE(has(reasonFor(0), "Service Unavailable")) << reasonFor(0);
    EXPECT_TRUE(has(reasonFor(1), "timeout after 5s")) << reasonFor(1);
    EXPECT_TRUE(has(reasonFor(2), "timeout after 5s")) << reasonFor(2);
    EXPECT_TRUE(has(reasonFor(3), "invalid exposition: 1:")) << reasonFor(3);
    EXPECT_TRUE(has(reasonFor(4), "body size limit")) << reasonFor(4);
    EXPECT_TRUE(has(reasonFor(5), "duplicate series")) << reasonFor(5);
    // A million series is stopped by whichever limit it meets first.
    EXPECT_TRUE(has(reasonFor(6), "sample limit of 200000") || has(reasonFor(6), "body size limit")) << reasonFor(6);
    for (int healthy : {7, 8, 9, 10, 11}) EXPECT_EQ(reasonFor(healthy), "up") << healthy;
}

// A client that resends from its last acknowledged offset gets each event stored exactly once,
// even when the collector is killed (SIGKILL) while a push is being committed.
TEST_F(Collector, PushedEventsAreStoredOnceAcrossCrashes) {
    ASSERT_NO_FATAL_FAILURE(initKeys());
    write("push.token", "crash-token\n");
    const QString config = write("crash.yml", "audit:\n  keys_dir: keys\n  sign_interval: 1s\n  push:\n    bearer_token_file: push.token\n");
    const QList<QByteArray> lines = simulatedEvents(3000, 12);
    const QByteArray stream = joined(lines, 0, 3000);
    const int webPort = freePort();
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(webPort);
    QProcess* collector = nullptr;
    auto startCollector = [&] {
        collector = spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
        return waitFor([&] { return !httpGet(url + "/-/ready").isEmpty(); }, 15000);
    };
    ASSERT_TRUE(startCollector());
    QNetworkAccessManager nam;
    qint64 acked = 0;
    int interrupted = 0, answered = 0;  // pushes cut off by a kill, pushes acknowledged
    for (int round = 0; acked < stream.size() && round < 200; ++round) {
        const qint64 newline = stream.indexOf('\n', acked + 60000);
        const qint64 end = newline < 0 ? stream.size() : newline + 1;
        QNetworkRequest request{QUrl(url + "/api/v1/audit/events")};
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-ndjson");
        request.setRawHeader("Authorization", "Bearer crash-token");
        request.setRawHeader("Vakt-Stream", "svarut-crash");
        request.setRawHeader("Vakt-Offset", QByteArray::number(acked));
        QNetworkReply* reply = nam.post(request, stream.mid(acked, end - acked));
        // Every other push, the collector is killed a moment after the push was sent.
        const bool kill = round % 2 == 1;
        QProcess* running = collector;
        QTimer killer;
        killer.setSingleShot(true);
        QObject::connect(&killer, &QTimer::timeout, [running] { running->kill(); });
        if (kill) killer.start(static_cast<int>(QRandomGenerator::global()->bounded(40)));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            acked = QJsonDocument::fromJson(reply->readAll()).object()["offset"].toInteger(acked);
            ++answered;
        }
        reply->deleteLater();
        if (kill) {
            killer.stop();
            running->kill();  // when the answer came before the timer
            if (running->state() != QProcess::NotRunning) {
                ASSERT_TRUE(running->waitForFinished(5000));
            }
            if (status != 200) ++interrupted;
            ASSERT_TRUE(startCollector()) << "the collector did not come back after a kill";
        }
    }
    ASSERT_EQ(acked, stream.size()) << "the stream was not delivered";
    EXPECT_GE(interrupted, 3) << "too few pushes were cut off by a kill to show anything";
    EXPECT_GE(answered, 5);
    EXPECT_EQ(storedEvents(), (std::pair{3000, 3000}));
}

// SIGTERM lets a scrape in flight finish and stores its outcome before the collector exits.
TEST_F(Collector, SigtermFinishesTheScrapeInFlight) {
    const int base = freePortRange(1);
    ASSERT_NE(base, 0);
    spawn(VAKT_SIM, {"--base-port", QString::number(base), "--services", "1", "--pods-per-service", "1", "--fault", "svarut-0=trickle"});
    ASSERT_TRUE(waitFor([&] { return !httpGet(QStringLiteral("http://127.0.0.1:%1/targets").arg(base - 1)).isEmpty(); }, 30000));
    const QString config = write("term.yml", QStringLiteral("global:\n  scrape_interval: 5s\n  scrape_timeout: 3s\nscrape_configs:\n"
                                                            "  - job_name: slow\n    static_configs:\n      - targets: ['127.0.0.1:%1']\n"
                                                            "    service:\n      key: svarut\n")
                                                 .arg(base)
                                                 .toUtf8());
    const int webPort = freePort();
    auto* collector = new QProcess;
    processes_.push_back(collector);
    collector->start(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
    ASSERT_TRUE(collector->waitForStarted(5000));
    const QString metricsUrl = QStringLiteral("http://127.0.0.1:%1/metrics").arg(webPort);
    ASSERT_TRUE(waitFor([&] { return httpGet(metricsUrl).contains("vakt_collector_scrapes_in_flight 1"); }, 15000));
    ::kill(static_cast<pid_t>(collector->processId()), SIGTERM);
    ASSERT_TRUE(collector->waitForFinished(15000));
    EXPECT_EQ(collector->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(collector->exitCode(), 0);
    const QString said = QString::fromUtf8(collector->readAllStandardError());
    EXPECT_TRUE(said.contains("waiting for 1 scrapes in flight")) << said.toStdString();
    // The scrape it waited for was stored: the trickling target timed out.
    const auto all = targets();
    ASSERT_EQ(all.size(), 1);
    EXPECT_TRUE(all.front().lastError.contains("timeout after 3s")) << all.front().lastError.toStdString();
}

// Targets are scraped at the same time: eight that never answer cost one scrape timeout (2 s),
// where a scraper taking them one after another would need 16 s.
TEST_F(Collector, SlowTargetsAreScrapedAtTheSameTime) {
    const int base = freePortRange(8);
    ASSERT_NE(base, 0);
    const QString targetsFile = dir_.filePath("targets.json");
    QStringList args = {"--base-port", QString::number(base), "--services", "2", "--pods-per-service", "4", "--targets-file", targetsFile};
    for (const QString service : {"svarut", "fiks-io"})
        for (int pod = 0; pod < 4; ++pod) args << "--fault" << QStringLiteral("%1-%2=hang").arg(service).arg(pod);
    spawn(VAKT_SIM, args);
    ASSERT_TRUE(waitFor([&] { return QFile::exists(targetsFile); }, 30000));
    const QString config = write("slow.yml", QStringLiteral("global:\n  scrape_interval: 10s\n  scrape_timeout: 2s\nscrape_configs:\n"
                                                            "  - job_name: platform\n    file_sd_configs:\n      - files: ['%1']\n"
                                                            "    service:\n      from_label: service\n")
                                                 .arg(targetsFile)
                                                 .toUtf8());
    QElapsedTimer clock;
    clock.start();
    ASSERT_EQ(runOnce(config), 0);
    const qint64 took = clock.elapsed();
    const auto all = targets();
    ASSERT_EQ(all.size(), 8);
    for (const auto& t : all) EXPECT_TRUE(t.lastError.contains("timeout after 2s")) << t.lastError.toStdString();
    EXPECT_GE(took, 2000);  // each really waited out its timeout
    EXPECT_LT(took, 8000) << "the eight timeouts were not waited out at the same time";
}

// The simulator's help is what it does: every mode it lists is accepted, nothing else is, and
// the fault switch is where the help says.
TEST_F(Collector, TheSimulatorsHelpMatchesWhatItDoes) {
    Outcome help = run(VAKT_SIM, {"--help"});
    ASSERT_EQ(help.code, 0);
    const auto modesAt = help.out.indexOf("Modes:");
    const auto modesEnd = help.out.indexOf("\n\n", modesAt);
    ASSERT_GT(modesAt, 0);
    QStringList modes;
    static const QRegularExpression mode(R"((?:Modes: |, |\s)([a-z]+)(?: \([^)]*\))?(?=,|\.))");
    for (auto it = mode.globalMatch(help.out.mid(modesAt, modesEnd - modesAt)); it.hasNext();) modes << it.next().captured(1);
    EXPECT_EQ(modes.size(), 12) << modes.join(' ').toStdString();
    for (const QString& m : modes) EXPECT_EQ(run(VAKT_SIM, {"--fault", "svarut-0=" + m, "--audit-events", "0"}).code, 0) << m.toStdString();
    Outcome bogus = run(VAKT_SIM, {"--fault", "svarut-0=sideways", "--audit-events", "0"});
    EXPECT_EQ(bogus.code, 2);
    EXPECT_TRUE(bogus.err.contains("svarut-0=sideways")) << bogus.err.toStdString();
    EXPECT_TRUE(help.out.contains("Fault switch BASE-2: GET /POD/MODE"));
    const int base = freePortRange(1);
    ASSERT_NE(base, 0);
    const QString targetsFile = dir_.filePath("targets.json");
    spawn(VAKT_SIM, {"--base-port", QString::number(base), "--services", "1", "--pods-per-service", "1", "--targets-file", targetsFile});
    ASSERT_TRUE(waitFor([&] { return QFile::exists(targetsFile); }, 10000));
    int status = 0;
    EXPECT_EQ(httpGet(QStringLiteral("http://127.0.0.1:%1/svarut-0/down").arg(base - 2), &status), "svarut-0 is now down\n");
    httpGet(QStringLiteral("http://127.0.0.1:%1/metrics").arg(base), &status);
    EXPECT_EQ(status, 503);
    httpGet(QStringLiteral("http://127.0.0.1:%1/svarut-0/sideways").arg(base - 2), &status);
    EXPECT_EQ(status, 400);
}

TEST_F(Collector, AFiringRuleOpensOneIncidentAndResolvesItWhenItClears) {
    const int base = freePortRange(1);
    ASSERT_NE(base, 0);
    const QString targetsFile = dir_.filePath("targets.json");
    spawn(VAKT_SIM, {"--base-port", QString::number(base), "--services", "1", "--pods-per-service", "1", "--targets-file", targetsFile,
                     "--fault", "svarut-0=down"});
    ASSERT_TRUE(waitFor([&] { return QFile::exists(targetsFile); }, 10000));
    write("rules.yml", "groups:\n  - name: plattform\n    rules:\n      - alert: MålSvarerIkke\n        type: target_down\n"
                       "        severity: critical\n        summary: '{{instance}} for {{service}} svarer ikke'\n");
    const QString config = write("alerts.yml", QStringLiteral("rule_files: ['rules.yml']\nscrape_configs:\n  - job_name: platform\n"
                                                              "    file_sd_configs:\n      - files: ['%1']\n    service:\n      from_label: service\n")
                                                   .arg(targetsFile)
                                                   .toUtf8());
    auto openIncidents = [&] {
        auto store = Store::open(db_, Store::OpenMode::MustExist);
        // The alerts only: the demo's service desk has open cases of its own.
        auto open = IncidentStore(**store).open(Session{"test", Role::Revisor}, QStringLiteral("monitoring"));
        EXPECT_TRUE(open) << open.message();
        return open ? *open : QList<Incident>{};
    };
    ASSERT_EQ(runOnce(config), 0);
    ASSERT_EQ(runOnce(config), 0);  // still down after a restart: the same incident, not a second one
    auto open = openIncidents();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open[0].severity, "critical");
    EXPECT_EQ(open[0].service, "svarut");
    EXPECT_EQ(open[0].summary, QStringLiteral("127.0.0.1:%1 for svarut svarer ikke").arg(base));
    // The pod recovers: the next evaluation resolves the incident.
    int status = 0;
    httpGet(QStringLiteral("http://127.0.0.1:%1/svarut-0/ok").arg(base - 2), &status);
    ASSERT_EQ(status, 200);
    ASSERT_EQ(runOnce(config), 0);
    EXPECT_TRUE(openIncidents().isEmpty());
    auto store = Store::open(db_, Store::OpenMode::MustExist);
    // This incident's own entries (the demo platform has incidents of its own).
    auto trail = (*store)->trail(Session{"test", Role::Revisor}, "incident", open[0].fingerprint, 10);
    ASSERT_EQ(trail->size(), 2u);
    EXPECT_EQ(trail->front().action, "incident.resolve");
}

TEST_F(Collector, TlsTargetsAreVerifiedAndAWrongCertificateMarksOnlyThatTargetDown) {
    const QString d = dir_.path();
    makeCertificate(d, "platform-ca", "pod");
    makeCertificate(d, "other-ca", "unused");
    if (HasFatalFailure()) return;
    const int port = freePortRange(1);
    ASSERT_NE(port, 0);
    spawn(VAKT_SIM, {"--base-port", QString::number(port), "--services", "1", "--pods-per-service", "1", "--tls-cert", d + "/pod.crt",
                     "--tls-key", d + "/pod.key"});
    ASSERT_TRUE(waitFor([&] {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
        return s.waitForConnected(200);
    }, 10000));
    const QString job = QStringLiteral("  - job_name: %1\n    scheme: https\n    service: svarut\n%2"
                                       "    static_configs:\n      - targets: ['127.0.0.1:%3']\n");
    const QString p = QString::number(port);
    QString config = QStringLiteral("scrape_configs:\n");
    config += job.arg("trusted", "    tls_config:\n      ca_file: platform-ca.crt\n", p);
    config += job.arg("wrong-ca", "    tls_config:\n      ca_file: other-ca.crt\n", p);
    config += job.arg("wrong-name", "    tls_config:\n      ca_file: platform-ca.crt\n      server_name: svarut.example.no\n", p);
    config += job.arg("system-cas", "", p);
    config += job.arg("skip-verify", "    tls_config:\n      insecure_skip_verify: true\n", p);  // the operator's explicit choice
    ASSERT_EQ(runOnce(write("tls.yml", config.toUtf8())), 0);
    std::map<std::string, TargetState> byJob;
    for (const auto& t : targets()) byJob[t.job.toStdString()] = t;
    ASSERT_EQ(byJob.size(), 5u);
    EXPECT_EQ(byJob["trusted"].health, "up") << byJob["trusted"].lastError.toStdString();
    EXPECT_EQ(byJob["skip-verify"].health, "up") << byJob["skip-verify"].lastError.toStdString();
    for (const char* untrusted : {"wrong-ca", "wrong-name", "system-cas"}) {
        EXPECT_EQ(byJob[untrusted].health, "down") << untrusted;
        EXPECT_TRUE(byJob[untrusted].lastError.contains("certificate", Qt::CaseInsensitive) ||
                    byJob[untrusted].lastError.contains("host name", Qt::CaseInsensitive))
            << untrusted << ": " << byJob[untrusted].lastError.toStdString();
    }
}

TEST_F(Collector, FileSdChangesAreFollowedWithoutARestart) {
    const int base = freePortRange(2);
    ASSERT_NE(base, 0);
    const QString simTargets = dir_.filePath("sim-targets.json");
    spawn(VAKT_SIM, {"--base-port", QString::number(base), "--services", "1", "--pods-per-service", "2", "--targets-file", simTargets});
    ASSERT_TRUE(waitFor([&] { return QFile::exists(simTargets); }, 10000));
    auto targetsJson = [&](int pods) {
        QString list;
        for (int i = 0; i < pods; ++i) list += QStringLiteral("%1\"127.0.0.1:%2\"").arg(i ? ", " : "").arg(base + i);
        return QStringLiteral("[{\"targets\": [%1], \"labels\": {\"service\": \"svarut\"}}]\n").arg(list).toUtf8();
    };
    write("sd.json", targetsJson(1));
    const int webPort = freePort();
    const QString config = write("sd.yml", "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: platform\n"
                                           "    file_sd_configs:\n      - files: ['sd.json']\n        refresh_interval: 1s\n"
                                           "    service:\n      from_label: service\n");
    spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
    const QString metricsUrl = QStringLiteral("http://127.0.0.1:%1/metrics").arg(webPort);
    ASSERT_TRUE(waitFor([&] { return httpGet(metricsUrl).contains("vakt_collector_targets{job=\"platform\"} 1"); }, 15000));
    write("sd.json", targetsJson(2));
    ASSERT_TRUE(waitFor([&] { return httpGet(metricsUrl).contains("vakt_collector_targets{job=\"platform\"} 2"); }, 15000));
    ASSERT_TRUE(waitFor([&] {
        int up = 0;
        for (const auto& t : targets()) up += t.health == "up";
        return up == 2;
    }, 15000));
    // A broken file keeps the targets found before; it is logged and counted, not fatal.
    write("sd.json", "[{\"targets\": [\n");
    ASSERT_TRUE(waitFor([&] { return httpGet(metricsUrl).contains("vakt_collector_sd_file_read_errors_total 1"); }, 15000));
    EXPECT_TRUE(httpGet(metricsUrl).contains("vakt_collector_targets{job=\"platform\"} 2"));
    write("sd.json", "[]\n");
    ASSERT_TRUE(waitFor([&] { return httpGet(metricsUrl).contains("vakt_collector_targets{job=\"platform\"} 0"); }, 15000));
}

TEST_F(Collector, FollowsRotatedAndCompressedAuditLogsExactlyOnce) {
    const QString keys = dir_.filePath("keys");
    ASSERT_NO_FATAL_FAILURE(initKeys());
    const QList<QByteArray> lines = simulatedEvents(350, 9);
    ASSERT_GE(lines.size(), 350);
    auto join = [&](int from, int to) { return joined(lines, from, to); };
    QDir().mkpath(dir_.filePath("logs"));
    const QString log = dir_.filePath("logs/audit.jsonl");
    auto append = [](const QString& path, const QByteArray& bytes) {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::Append));
        f.write(bytes);
    };
    // 100 lines and half of the next one, as a service in the middle of writing it.
    append(log, join(0, 100) + lines[100].left(40));
    const QString config = write("audit.yml", QStringLiteral("audit:\n  keys_dir: keys\n  files: ['logs/audit.jsonl*']\n"
                                                             "  poll_interval: 200ms\n  sign_interval: 1s\n")
                                                  .toUtf8());
    const int webPort = freePort();
    QProcess* collector = spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
    auto count = [&] { return storedEvents(); };
    // Two more reads of the files after a moment, proven by the collector's own metric.
    const QString metricsUrl = QStringLiteral("http://127.0.0.1:%1/metrics").arg(webPort);
    auto lastPoll = [&] { return seriesValue(QString::fromUtf8(httpGet(metricsUrl)), QStringLiteral("vakt_audit_last_poll_timestamp_seconds")); };
    auto readAgain = [&] {
        const auto last = lastPoll();
        if (!last) return false;
        const double after = *last + 0.3;  // past the poll interval (200 ms), so the read started later
        return waitFor([&] {
            const auto now = lastPoll();
            return now && *now > after;
        }, 15000);
    };
    ASSERT_TRUE(waitFor([&] { return count().first == 100; }, 15000)) << count().first;
    ASSERT_TRUE(readAgain());
    EXPECT_EQ(count().first, 100);  // the half-written line waits for its end
    append(log, lines[100].mid(40) + '\n' + join(101, 150));
    ASSERT_TRUE(waitFor([&] { return count().first == 150; }, 15000)) << count().first;
    // Rotation: the log is renamed, the service writes its last lines to it, then starts a new one.
    ASSERT_TRUE(QFile::rename(log, log + ".1"));
    append(log + ".1", join(150, 180));
    append(log, join(180, 250));
    ASSERT_TRUE(waitFor([&] { return count().first == 250; }, 15000)) << count().first;
    // The rotated log is compressed: recognised by its first line, not read again.
    QProcess gzip;
    gzip.start("gzip", {log + ".1"});
    ASSERT_TRUE(gzip.waitForFinished(10000));
    ASSERT_TRUE(QFile::exists(log + ".1.gz"));
    append(log, join(250, 300));
    ASSERT_TRUE(waitFor([&] { return count().first == 300; }, 15000)) << count().first;
    // Rotation by copy and truncate: the copy is an older state of a log already read further
    // (lines written after the copy are read from the original), the truncated log a new source.
    ASSERT_TRUE(QFile::copy(log, log + ".2"));
    append(log, join(300, 320));
    ASSERT_TRUE(waitFor([&] { return count().first == 320; }, 15000)) << count().first;
    ASSERT_TRUE(QFile::resize(log, 0));
    append(log, join(320, 350));
    ASSERT_TRUE(waitFor([&] { return count().first == 350; }, 15000)) << count().first;
    // The copy compressed in its turn is still an older copy: read through, nothing new, no error.
    QProcess gzipCopy;
    gzipCopy.start("gzip", {log + ".2"});
    ASSERT_TRUE(gzipCopy.waitForFinished(10000));
    ASSERT_TRUE(QFile::exists(log + ".2.gz"));
    ASSERT_TRUE(readAgain());
    EXPECT_EQ(count(), (std::pair{350, 350}));
    const QString metrics = httpGet(metricsUrl);
    EXPECT_TRUE(metrics.contains("vakt_audit_events_ingested_total 350")) << metrics.toStdString();
    EXPECT_FALSE(metrics.contains(QRegularExpression("vakt_audit_source_errors_total [1-9]"))) << metrics.toStdString();
    collector->terminate();
    ASSERT_TRUE(collector->waitForFinished(10000));
    QProcess verify;
    verify.start(VAKT_CLI, {"--db", db_, "--keys", keys, "audit", "verify"});
    ASSERT_TRUE(verify.waitForFinished(30000));
    EXPECT_EQ(verify.exitCode(), 0) << verify.readAllStandardError().toStdString();
    EXPECT_TRUE(verify.readAllStandardOutput().contains("350 events"));
}

// Logs that begin with the same header line are still different files: each is read from its
// start. A log rewritten under its name (the line before its position changed) is refused with
// an error, never read on from the wrong place.
TEST_F(Collector, LogsWithAConstantHeaderAreToldApartAndARewrittenLogIsRefused) {
    ASSERT_NO_FATAL_FAILURE(initKeys());
    const QList<QByteArray> lines = simulatedEvents(120, 11);
    ASSERT_GE(lines.size(), 120);
    auto join = [&](int from, int to) { return joined(lines, from, to); };
    const QByteArray header = "# vakt audit log, format v1\n";  // quarantined, as it is no event
    QDir().mkpath(dir_.filePath("logs"));
    const QString log = dir_.filePath("logs/audit.jsonl");
    write("logs/audit.jsonl", header + join(0, 10));
    const QString config = write("audit.yml", "audit:\n  keys_dir: keys\n  files: ['logs/audit.jsonl*']\n  poll_interval: 200ms\n  sign_interval: 1s\n");
    const int webPort = freePort();
    spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
    const QString metricsUrl = QStringLiteral("http://127.0.0.1:%1/metrics").arg(webPort);
    auto count = [&] {
        auto store = Store::open(db_, Store::OpenMode::MustExist);
        auto rows = (*store)->db().query("SELECT count(*) FROM audit_events");
        return rows && !rows->empty() ? rows->front().value(0).toInt() : -1;
    };
    ASSERT_TRUE(waitFor([&] { return count() == 10; }, 15000)) << count();
    // Rotated away, and a new, longer log begins with the same header: all of it is new.
    ASSERT_TRUE(QFile::rename(log, log + ".1"));
    write("logs/audit.jsonl", header + join(10, 50));
    ASSERT_TRUE(waitFor([&] { return count() == 50; }, 15000)) << count();
    // The log is rewritten in place: the same start, another line before the position, more after.
    QByteArray rewritten = header + join(50, 75);  // a third log, read to its end
    write("logs/audit.jsonl.2", rewritten);
    ASSERT_TRUE(waitFor([&] { return count() == 75; }, 15000)) << count();
    rewritten = header + join(50, 74) + join(100, 101) + join(75, 90);
    write("logs/audit.jsonl.2", rewritten);
    ASSERT_TRUE(waitFor([&] { return QString::fromUtf8(httpGet(metricsUrl)).contains(QRegularExpression("vakt_audit_source_errors_total [1-9]")); }, 15000))
        << httpGet(metricsUrl).toStdString();
    EXPECT_EQ(count(), 75);  // nothing read from the rewritten file
    auto store = Store::open(db_, Store::OpenMode::MustExist);
    auto seen = (*store)->db().query("SELECT count(*) FROM audit_events WHERE canonical LIKE ?",
                                     {"%" + QString::fromUtf8(lines[100]).section("request_id\":\"", 1).section('"', 0, 0) + "%"});
    EXPECT_EQ(seen->front().value(0).toInt(), 0);
}

TEST_F(Collector, AuditEventsCanBePushedWithTheBearerToken) {
    const QString keys = dir_.filePath("keys");
    ASSERT_NO_FATAL_FAILURE(initKeys());
    write("push.token", "s3cret-token-for-tests\n");
    const QString config = write("push.yml", "audit:\n  keys_dir: keys\n  sign_interval: 1s\n  push:\n    bearer_token_file: push.token\n"
                                             "    max_body_size: 64KB\n");
    const int webPort = freePort();
    QProcess* collector =
        spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
    const QString url = QStringLiteral("http://127.0.0.1:%1/api/v1/audit/events").arg(webPort);
    ASSERT_TRUE(waitFor([&] { return !httpGet(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(webPort)).isEmpty(); }, 10000));
    QProcess sim;
    sim.start(VAKT_SIM, {"--audit-events", "40", "--seed", "4"});
    ASSERT_TRUE(sim.waitForFinished(30000));
    const QByteArray events = sim.readAllStandardOutput() + "{\"not\": \"an event\"}\n";
    auto post = [&](const QByteArray& body, const QByteArray& token, int* status, const QByteArray& stream = {}, qint64 offset = 0) {
        QNetworkAccessManager nam;
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-ndjson");
        if (!token.isEmpty()) request.setRawHeader("Authorization", "Bearer " + token);
        if (!stream.isEmpty()) {
            request.setRawHeader("Vakt-Stream", stream);
            request.setRawHeader("Vakt-Offset", QByteArray::number(offset));
        }
        QNetworkReply* reply = nam.post(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        return answer;
    };
    int status = 0;
    post(events, "", &status);
    EXPECT_EQ(status, 401);
    // The same length as the right one, so the constant-time comparison itself is what refuses it.
    const QByteArray sameLength = "s3cret-token-for-tesTS";
    ASSERT_EQ(sameLength.size(), QByteArray("s3cret-token-for-tests").size());
    post(events, sameLength, &status);
    EXPECT_EQ(status, 401);
    const QByteArray answer = post(events, "s3cret-token-for-tests", &status);
    EXPECT_EQ(status, 200);
    const QJsonObject counts = QJsonDocument::fromJson(answer).object();
    EXPECT_EQ(counts["accepted"].toInt(), 40) << answer.toStdString();
    EXPECT_EQ(counts["quarantined"].toInt(), 1);
    auto store = Store::open(db_, Store::OpenMode::MustExist);
    auto rows = (*store)->db().query("SELECT count(*) FROM audit_events");
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->front().value(0).toInt(), 40);
    // A body over the limit is refused before it is read (413, or the connection closed while
    // the client is still sending), and nothing of it is stored.
    post(events.repeated(200), "s3cret-token-for-tests", &status);
    EXPECT_NE(status, 200);
    rows = (*store)->db().query("SELECT count(*) FROM audit_events");
    EXPECT_EQ(rows->front().value(0).toInt(), 40);

    // A client that names its stream and offsets gets each event once, however it retries.
    QProcess more;
    more.start(VAKT_SIM, {"--audit-events", "30", "--seed", "5"});
    ASSERT_TRUE(more.waitForFinished(30000));
    const QByteArray stream = more.readAllStandardOutput();
    qint64 cut = 0;
    for (int i = 0; i < 20; ++i) cut = stream.indexOf('\n', cut) + 1;  // after line 20
    const qint64 line20 = stream.lastIndexOf('\n', cut - 2) + 1;  // where line 20 starts
    auto pushed = [&](const QByteArray& body, qint64 offset) {
        const QJsonObject o = QJsonDocument::fromJson(post(body, "s3cret-token-for-tests", &status, "svarut-1", offset)).object();
        return std::make_pair(o["accepted"].toInt(-1), o["offset"].toInteger(-1));
    };
    EXPECT_EQ(pushed(stream.left(cut), 0), std::make_pair(20, cut));
    EXPECT_EQ(status, 200);
    EXPECT_EQ(pushed(stream.left(cut), 0), std::make_pair(0, cut));  // the same batch again: nothing new
    // A retry that overlaps what was stored: lines 20 to 30, of which 21 to 30 are new.
    EXPECT_EQ(pushed(stream.mid(line20), line20), std::make_pair(10, static_cast<qint64>(stream.size())));
    // A body that starts past what was stored is refused with the offset to send from.
    const QByteArray gap = post(stream.left(100), "s3cret-token-for-tests", &status, "svarut-1", stream.size() + 500);
    EXPECT_EQ(status, 409);
    EXPECT_EQ(QJsonDocument::fromJson(gap).object()["offset"].toInteger(), stream.size());
    post(stream, "s3cret-token-for-tests", &status, "bad name!", 0);
    EXPECT_EQ(status, 400);
    rows = (*store)->db().query("SELECT count(*) FROM audit_events");
    EXPECT_EQ(rows->front().value(0).toInt(), 70);

    // A smaller body limit takes effect with a reload (retried until the reload has happened).
    const QByteArray one = stream.left(stream.indexOf('\n') + 1);
    ASSERT_LT(one.size(), 2048);
    ASSERT_GT(events.size(), 4096);
    write("push.yml", "audit:\n  keys_dir: keys\n  sign_interval: 1s\n  push:\n    bearer_token_file: push.token\n    max_body_size: 2KB\n");
    ::kill(static_cast<pid_t>(collector->processId()), SIGHUP);
    EXPECT_TRUE(waitFor([&] {
        post(events, "s3cret-token-for-tests", &status);
        return status != 200;
    }, 10000));
    post(one, "s3cret-token-for-tests", &status);
    EXPECT_EQ(status, 200);
}

TEST_F(Collector, AuditPushOverHttpsWithAVerifiedCertificate) {
    const QString d = dir_.path();
    makeCertificate(d, "collector-ca", "collector");
    if (HasFatalFailure()) return;
    ASSERT_NO_FATAL_FAILURE(initKeys());
    write("push.token", "token-over-tls\n");
    const QString config = write("tls-push.yml", "audit:\n  keys_dir: keys\n  push:\n    bearer_token_file: push.token\n");
    const int webPort = freePort();
    spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort),
                           "--web.tls-cert-file", d + "/collector.crt", "--web.tls-key-file", d + "/collector.key"});
    ASSERT_TRUE(waitFor([&] {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(webPort));
        return s.waitForConnected(200);
    }, 10000));
    QProcess sim;
    sim.start(VAKT_SIM, {"--audit-events", "5", "--seed", "2"});
    ASSERT_TRUE(sim.waitForFinished(30000));
    auto post = [&](bool trustCa) {
        QNetworkAccessManager nam;
        QNetworkRequest request{QUrl(QStringLiteral("https://127.0.0.1:%1/api/v1/audit/events").arg(webPort))};
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-ndjson");
        request.setRawHeader("Authorization", "Bearer token-over-tls");
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (trustCa) tls.setCaCertificates(QSslCertificate::fromPath(d + "/collector-ca.crt"));
        request.setSslConfiguration(tls);
        QNetworkReply* reply = nam.post(request, sim.readAllStandardOutput());
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    };
    EXPECT_EQ(post(false), 0);  // an unknown CA: the client refuses the connection
    sim.start(VAKT_SIM, {"--audit-events", "5", "--seed", "2"});
    ASSERT_TRUE(sim.waitForFinished(30000));
    EXPECT_EQ(post(true), 200);
}

// A SIGHUP with a broken detection-rule file must keep the running configuration for real:
// audit tailing and head signing go on, and the reload is reported as failed.
TEST_F(Collector, AReloadWithABadDetectionRuleFileKeepsTheAuditRunning) {
    ASSERT_NO_FATAL_FAILURE(initKeys());
    QProcess sim;
    sim.start(VAKT_SIM, {"--audit-events", "200", "--seed", "4"});
    ASSERT_TRUE(sim.waitForFinished(30000));
    const QList<QByteArray> lines = sim.readAllStandardOutput().split('\n');
    QDir().mkpath(dir_.filePath("logs"));
    const QString log = dir_.filePath("logs/audit.jsonl");
    auto append = [&](int from, int to) {
        QFile f(log);
        ASSERT_TRUE(f.open(QIODevice::Append));
        for (int i = from; i < to; ++i) f.write(lines[i] + '\n');
    };
    append(0, 100);
    const QString rules = write("detections.yml", "detections:\n  - name: OppslagUtenHjemmel\n    type: lookup_without_legal_basis\n");
    const QString config = write("audit.yml", QStringLiteral("audit:\n  keys_dir: keys\n  files: ['logs/audit.jsonl']\n"
                                                             "  detection_rules: ['%1']\n  poll_interval: 200ms\n  sign_interval: 500ms\n")
                                                  .arg(rules)
                                                  .toUtf8());
    const int webPort = freePort();
    QProcess* collector = spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
    auto metric = [&](const char* name) {
        return seriesValue(QString::fromUtf8(httpGet(QStringLiteral("http://127.0.0.1:%1/metrics").arg(webPort))), QLatin1String(name));
    };
    ASSERT_TRUE(waitFor([&] { return metric("vakt_audit_events_ingested_total") == 100 && metric("vakt_audit_tree_size") == 100; }, 15000));
    // The rule file is broken, then the collector is told to reload.
    write("detections.yml", "detections:\n  - name: Ødelagt\n    type: no_such_rule\n");
    ::kill(static_cast<pid_t>(collector->processId()), SIGHUP);
    ASSERT_TRUE(waitFor([&] { return metric("vakt_collector_config_last_reload_successful") == 0; }, 10000));
    // New lines are still read and covered by a newly signed head.
    append(100, 200);
    auto shown = [&](const char* name) {
        const auto v = metric(name);
        return v ? std::to_string(*v) : std::string("absent");
    };
    EXPECT_TRUE(waitFor([&] { return metric("vakt_audit_events_ingested_total") == 200; }, 15000)) << shown("vakt_audit_events_ingested_total");
    EXPECT_TRUE(waitFor([&] { return metric("vakt_audit_tree_size") == 200; }, 15000)) << shown("vakt_audit_tree_size");
}

// Scrape credentials never follow a redirect to another host; without credentials the redirect
// is followed as Prometheus does.
TEST_F(Collector, CredentialsDoNotFollowARedirectToAnotherHost) {
    const int base = freePortRange(2);
    ASSERT_NE(base, 0);
    const QString targetsFile = dir_.filePath("targets.json");
    spawn(VAKT_SIM, {"--base-port", QString::number(base), "--services", "1", "--pods-per-service", "2", "--targets-file", targetsFile,
                     "--fault", "svarut-0=redirect", "--fault", "svarut-1=redirect"});
    ASSERT_TRUE(waitFor([&] { return QFile::exists(targetsFile) && !httpGet(QStringLiteral("http://127.0.0.1:%1/targets").arg(base - 1)).isEmpty(); }, 30000));
    write("password", "hemmelig-passord\n");
    const QString config = write("redirect.yml", QStringLiteral("scrape_configs:\n"
                                                                "  - job_name: with-credentials\n    basic_auth:\n      username: vakt\n"
                                                                "      password_file: password\n    static_configs:\n      - targets: ['127.0.0.1:%1']\n"
                                                                "    service:\n      key: svarut\n"
                                                                "  - job_name: without\n    static_configs:\n      - targets: ['127.0.0.1:%2']\n"
                                                                "    service:\n      key: svarut\n")
                                                     .arg(base)
                                                     .arg(base + 1)
                                                     .toUtf8());
    ASSERT_EQ(runOnce(config), 0);
    const QString saw = QString::fromUtf8(httpGet(QStringLiteral("http://127.0.0.1:%1/redirected-saw").arg(base - 1))).trimmed();
    EXPECT_EQ(saw, "no credentials");  // only the scrape without them went on to the other host
    for (const auto& t : targets()) {
        if (t.job == "with-credentials") {
            EXPECT_EQ(t.health, "down");
            EXPECT_TRUE(t.lastError.contains("redirect to http://localhost:") && t.lastError.contains("refused")) << t.lastError.toStdString();
        } else {
            EXPECT_EQ(t.health, "up") << t.lastError.toStdString();
        }
    }
}

// One token per sending system, bound to its streams and services: a client cannot advance
// another's stream or write events for another service with its own token.
TEST_F(Collector, PushTokensAreBoundToTheirClientsStreamsAndServices) {
    ASSERT_NO_FATAL_FAILURE(initKeys());
    write("svarut.token", "svarut-token-0123456789\n");
    write("digisos.token", "digisos-token-012345678\n");
    const QString config = write("clients.yml", "audit:\n  keys_dir: keys\n  push:\n    clients:\n"
                                                "      - name: svarut\n        bearer_token_file: svarut.token\n"
                                                "        streams: ['svarut-*']\n        services: [svarut]\n"
                                                "      - name: digisos\n        bearer_token_file: digisos.token\n"
                                                "        streams: ['digisos-*']\n        services: [digisos]\n");
    const int webPort = freePort();
    spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
    ASSERT_TRUE(waitFor([&] { return !httpGet(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(webPort)).isEmpty(); }, 10000));
    auto post = [&](const QByteArray& body, const QByteArray& token, const QByteArray& stream, int* status) {
        QNetworkAccessManager nam;
        QNetworkRequest request{QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/audit/events").arg(webPort))};
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-ndjson");
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setRawHeader("Vakt-Stream", stream);
        request.setRawHeader("Vakt-Offset", "0");
        QNetworkReply* reply = nam.post(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    };
    const QByteArray svarut = auditEvent().service("svarut").action("forsendelse.send").set("request_id", "a").line();
    const QByteArray digisos = auditEvent().service("digisos").action("soknad.send").set("request_id", "b").line();
    int status = 0;
    // The svarut sender may not advance digisos's stream.
    post(svarut, "svarut-token-0123456789", "digisos-1", &status);
    EXPECT_EQ(status, 403);
    // On its own stream, an event for another service is quarantined, not stored; a blank line
    // is counted in the position and reported.
    QJsonObject answer = post(svarut + "\n" + digisos, "svarut-token-0123456789", "svarut-1", &status);
    EXPECT_EQ(status, 200);
    EXPECT_EQ(answer["accepted"].toInt(), 1);
    EXPECT_EQ(answer["quarantined"].toInt(), 1);
    EXPECT_EQ(answer["blank"].toInt(), 1);
    EXPECT_EQ(answer["offset"].toInteger(), svarut.size() + 1 + digisos.size());
    answer = post(digisos, "digisos-token-012345678", "digisos-1", &status);
    EXPECT_EQ(status, 200);
    EXPECT_EQ(answer["accepted"].toInt(), 1);
    post(digisos, "no-such-token-01234567", "digisos-1", &status);
    EXPECT_EQ(status, 401);
    auto store = Store::open(db_, Store::OpenMode::MustExist);
    auto rows = (*store)->db().query("SELECT service FROM audit_events ORDER BY seq");
    ASSERT_TRUE(rows);
    QStringList services;
    for (const auto& r : *rows) services << r.value(0).toString();
    EXPECT_EQ(services, (QStringList{"svarut", "digisos"}));
    auto reasons = (*store)->db().query("SELECT reason FROM audit_quarantine");
    ASSERT_TRUE(reasons && reasons->size() == 1);
    EXPECT_TRUE(reasons->front().value(0).toString().contains("may not write events for this service"));
}


// A compressed log that is still being written is not read as if it had ended: its cut-off last
// line is never taken for an event, and once it is whole every event is there exactly once.
TEST_F(Collector, ACompressedLogStillBeingWrittenIsNotReadAsEnded) {
    ASSERT_NO_FATAL_FAILURE(initKeys());
    QProcess sim;
    sim.start(VAKT_SIM, {"--audit-events", "400", "--seed", "12"});
    ASSERT_TRUE(sim.waitForFinished(30000));
    const QByteArray plain = sim.readAllStandardOutput();
    QProcess gzip;
    gzip.start("gzip", {"-c", "-1"});
    gzip.write(plain);
    gzip.closeWriteChannel();
    ASSERT_TRUE(gzip.waitForFinished(10000));
    const QByteArray whole = gzip.readAllStandardOutput();
    ASSERT_GT(whole.size(), 2000);
    QDir().mkpath(dir_.filePath("logs"));
    const QString gz = dir_.filePath("logs/audit.jsonl.1.gz");
    auto put = [&](const QByteArray& bytes) {
        QFile f(gz);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    };
    put(whole.left(whole.size() * 6 / 10));  // gzip is still writing it
    const QString config = write("gz.yml", "audit:\n  keys_dir: keys\n  files: ['logs/audit.jsonl*']\n  poll_interval: 200ms\n  sign_interval: 1s\n");
    const int webPort = freePort();
    spawn(VAKT_COLLECTOR, {"--config", config, "--db", db_, "--web.listen-address", QStringLiteral("127.0.0.1:%1").arg(webPort)});
    auto metrics = [&] { return QString::fromUtf8(httpGet(QStringLiteral("http://127.0.0.1:%1/metrics").arg(webPort))); };
    auto counts = [&] {
        const auto [events, requests] = storedEvents();
        auto store = Store::open(db_, Store::OpenMode::MustExist);
        auto q = (*store)->db().query("SELECT count(*) FROM audit_quarantine");
        return std::tuple{events, requests, q ? q->front().value(0).toInt() : -1};
    };
    // Proof that the partial file was looked at: it was reported as unreadable so far.
    ASSERT_TRUE(waitFor([&] { return metrics().contains(QRegularExpression("vakt_audit_source_errors_total [1-9]")); }, 15000)) << metrics().toStdString();
    EXPECT_EQ(std::get<2>(counts()), 0);  // nothing of it quarantined
    put(whole);  // gzip has finished
    ASSERT_TRUE(waitFor([&] { return std::get<0>(counts()) == 400; }, 15000)) << std::get<0>(counts());
    EXPECT_EQ(counts(), (std::tuple{400, 400, 0}));
}
