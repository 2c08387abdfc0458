// vakt-platform-sim: a stand-in for the platform's services, for the demo, tests and load
// runs. Each simulated pod listens on its own port and serves realistic metrics: request
// counters by method and status (they reset when the pod "restarts"), a latency histogram and
// memory gauges. Faults can be switched on per pod at start or at run time:
//   ok, down, slow, errors, malformed, huge, trickle, hang, duplicate, million, restart, redirect
// Control (BASE-1): GET /targets, /redirected, /redirected-saw. Fault switch (BASE-2): GET /POD/MODE.
#include <QCoreApplication>
#include <algorithm>
#include <QDateTime>
#include <QFile>
#include <QTimeZone>
#include <QUrlQuery>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <memory>
#include <string>
#include <vector>

#include "collector/exposition/number.h"
#include "core/base/norway.h"
#include "core/catalog_demo.h"
#include "core/data_dir.h"
#include "collector/http/http_server.h"

using vakt::collector::HttpResponse;
using vakt::collector::HttpServer;

namespace {

struct Pod {
    std::string cachedBody;  // for the huge and million faults, built once
    std::string service;
    std::string name;
    int port = 0;
    double weight = 1;  // share of the platform's traffic
    std::string fault = "ok";
    std::string redirectTo;  // the "redirect" fault's target: another host name and port
    std::int64_t startedMs = 0;
    std::unique_ptr<HttpServer> server;
};

const char* kServices[] = {"svarut", "fiks-io", "fiks-folkeregister", "digisos", "minside", "dokumentlager", "innsyn",
                           "print", "fiks-arkiv", "del-dokument", "bekymringsmelding", "fiks-konfigurasjon"};
const char* kModes[] = {"ok", "down", "slow", "errors", "malformed", "huge", "trickle", "hang", "duplicate", "million", "restart", "redirect"};
bool knownMode(const std::string& mode) {
    return std::any_of(std::begin(kModes), std::end(kModes), [&](const char* m) { return mode == m; });
}
const double kBounds[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

std::string metrics(const Pod& pod, int paddingSeries, bool openMetrics) {
    const double now = static_cast<double>(QDateTime::currentMSecsSinceEpoch());
    const double up = std::max(0.0, (now - static_cast<double>(pod.startedMs)) / 1000.0);
    const bool errors = pod.fault == "errors";
    const bool slow = pod.fault == "slow";
    const double rate = 40.0 * pod.weight;  // requests a second
    std::string out;
    const std::string base = "service=\"" + pod.service + "\",pod=\"" + pod.name + "\"";
    auto line = [&](const std::string& name, const std::string& labels, double v) {
        out += name;
        if (!labels.empty()) out += "{" + labels + "}";
        out += ' ';
        vakt::expo::appendValue(out, v);
        out += '\n';
    };
    // OpenMetrics names the counter family without _total; the text format names it after the sample.
    const std::string counterFamily = openMetrics ? "http_server_requests" : "http_server_requests_total";
    out += "# HELP " + counterFamily + " HTTP requests handled.\n# TYPE " + counterFamily + " counter\n";
    const double share5xx = errors ? 0.25 : 0.004;
    const struct {
        const char* method;
        const char* code;
        double share;
    } splits[] = {{"GET", "200", 0.70}, {"POST", "201", 0.18}, {"GET", "404", 0.05}, {"POST", "400", 0.03}, {"GET", "500", 0}, {"POST", "503", 0}};
    for (const auto& s : splits) {
        double share = s.share;
        if (std::string(s.code) == "500") share = share5xx * 0.6;
        if (std::string(s.code) == "503") share = share5xx * 0.4;
        line("http_server_requests_total", base + ",method=\"" + s.method + "\",code=\"" + s.code + "\"", std::floor(rate * up * share));
    }
    out += "# HELP http_server_request_duration_seconds HTTP request latency.\n# TYPE http_server_request_duration_seconds histogram\n";
    const double median = slow ? 2.0 : 0.04 * (1 + 0.2 * static_cast<double>(pod.name.size() % 3));
    const double total = std::floor(rate * up);
    for (double b : kBounds) {
        // A log-normal-ish latency: the share below b rises smoothly around the median.
        const double share = 1.0 / (1.0 + std::pow(median / b, 2.5));
        std::string le;
        vakt::expo::appendValue(le, b);
        line("http_server_request_duration_seconds_bucket", base + ",le=\"" + le + "\"", std::floor(total * share));
    }
    line("http_server_request_duration_seconds_bucket", base + ",le=\"+Inf\"", total);
    line("http_server_request_duration_seconds_count", base, total);
    line("http_server_request_duration_seconds_sum", base, total * median * 1.1);
    out += "# HELP process_resident_memory_bytes Resident memory.\n# TYPE process_resident_memory_bytes gauge\n";
    line("process_resident_memory_bytes", base, 2.5e8 + 1e6 * std::fmod(up, 60));
    out += "# HELP process_start_time_seconds Start time of the process.\n# TYPE process_start_time_seconds gauge\n";
    line("process_start_time_seconds", base, static_cast<double>(pod.startedMs) / 1000.0);
    if (paddingSeries > 0) {
        out += "# HELP app_cache_entries Entries per cache region.\n# TYPE app_cache_entries gauge\n";
        for (int i = 0; i < paddingSeries; ++i)
            // Values drift every 15 s, so a time-series database sees changing samples.
            line("app_cache_entries", base + ",region=\"r" + std::to_string(i) + "\"",
                 static_cast<double>((static_cast<long long>(i) * 7919 + static_cast<long long>(up / 15)) % 1000));
    }
    if (openMetrics) out += "# EOF\n";
    return out;
}

HttpResponse serve(Pod& pod, int padding, const std::map<std::string, std::string>& headers) {
    const bool om = headers.count("accept") && headers.at("accept").find("application/openmetrics-text") != std::string::npos;
    const std::string type = om ? "application/openmetrics-text; version=1.0.0; charset=utf-8" : "text/plain; version=0.0.4; charset=utf-8";
    if (pod.fault == "down") return {503, "text/plain", "service unavailable\n"};
    if (pod.fault == "hang") {
        HttpResponse r(200, type);
        r.hang = true;
        return r;
    }
    if (pod.fault == "redirect") {
        HttpResponse r(302, "text/plain", "moved\n");
        r.location = pod.redirectTo;
        return r;
    }
    if (pod.fault == "malformed") return {200, type, "http_server_requests_total{code=\"200\" 17\nthis is not metrics\n"};
    if (pod.fault == "huge") {
        if (pod.cachedBody.empty()) {
            pod.cachedBody.reserve(80u << 20);
            while (pod.cachedBody.size() < (80u << 20))
                pod.cachedBody += "padding_series_total{i=\"" + std::to_string(pod.cachedBody.size()) + "\"} 1\n";
        }
        return HttpResponse(200, type, pod.cachedBody);
    }
    if (pod.fault == "duplicate") {
        std::string body = metrics(pod, padding, false);
        body += "process_resident_memory_bytes{service=\"" + pod.service + "\",pod=\"" + pod.name + "\"} 1\n";
        return HttpResponse(200, "text/plain; version=0.0.4; charset=utf-8", body);
    }
    if (pod.fault == "million") {
        if (pod.cachedBody.empty()) pod.cachedBody = metrics(pod, 1000000, false);
        return HttpResponse(200, "text/plain; version=0.0.4; charset=utf-8", pod.cachedBody);
    }
    HttpResponse r(200, type, metrics(pod, padding, om));
    if (pod.fault == "slow") r.delayMs = 3000;
    if (pod.fault == "trickle") r.trickleBytesPerSecond = 200;
    return r;
}

}  // namespace

// A valid synthetic person id: a date, a personal number and both control digits.
std::string personId(std::mt19937_64& rng, bool dNummer) {
    for (;;) {
        const int day = static_cast<int>(rng() % 28) + 1 + (dNummer ? 40 : 0), month = static_cast<int>(rng() % 12) + 1;
        const int year = static_cast<int>(rng() % 100), individual = static_cast<int>(rng() % 500);
        char digits[12];
        std::snprintf(digits, sizeof digits, "%02d%02d%02d%03d", day, month, year, individual);
        static constexpr int k1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        static constexpr int k2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * k1[i];
        const int c1 = (11 - sum % 11) % 11;
        if (c1 == 10) continue;
        digits[9] = static_cast<char>('0' + c1);
        sum = 0;
        for (int i = 0; i < 10; ++i) sum += (digits[i] - '0') * k2[i];
        const int c2 = (11 - sum % 11) % 11;
        if (c2 == 10) continue;
        digits[10] = static_cast<char>('0' + c2);
        digits[11] = '\0';
        return digits;
    }
}

// Audit events as the platform's services write them (docs/audit-event-v1.md), for the demo,
// the tests and the ingest benchmark. Deterministic for a seed.
int writeAuditEvents(long long count, unsigned seed, long long startMs) {
    std::mt19937_64 rng(seed);
    // The demo's kommuner, by the organisation numbers the demo database gives them, so the
    // desktop can name the organisation behind each event.
    std::vector<std::string> orgs;
    auto kommuner = vakt::readJsonFile(vakt::dataDir() + QStringLiteral("/norway/kommuner-2025.json"));
    if (!kommuner) {
        std::fprintf(stderr, "vakt-platform-sim: %s\n", kommuner.message().c_str());
        return 1;
    }
    for (const auto& k : kommuner->items) {
        if (orgs.size() == 40) break;
        if (const vakt::json::Value* id = k.find("k_id"); id && id->isString())
            orgs.push_back(vakt::demoOrgnr(QStringLiteral("kommune:") + QString::fromStdString(id->text)).toStdString());
    }
    std::vector<std::string> employees, citizens;
    for (int i = 0; i < 300; ++i) employees.push_back(personId(rng, false));
    for (int i = 0; i < 20000; ++i) citizens.push_back(personId(rng, i % 10 == 0));
    struct Kind {
        const char *service, *action, *subjectType, *legalBasis, *area;
    };
    static const Kind kinds[] = {
        {"fiks-folkeregister", "person.lookup", "person", "Folkeregisterloven § 10-2", "folkeregister"},
        {"digisos", "document.download", "person", "Sosialtjenesteloven § 43", "sosialtjenester"},
        {"svarut", "forsendelse.send", "organisation", "Forvaltningsloven § 13", "post"},
        {"fiks-io", "message.send", "organisation", "", "integrasjon"},
        {"fiks-folkeregister", "person.lookup", "person", "", "barnevern"},
        {"minside", "login", "", "", ""},
    };
    std::string line;
    for (long long i = 0; i < count; ++i) {
        const Kind& k = kinds[rng() % (sizeof kinds / sizeof kinds[0])];
        const bool integration = k.action == std::string("message.send") || rng() % 5 == 0;
        const long long ms = startMs + i * 37 + static_cast<long long>(rng() % 30);
        const QString time = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(3600)).toString(Qt::ISODateWithMs);
        // An integration always works for the same organisation from the same network; people vary.
        const std::size_t client = rng() % 50;
        const std::string& org = integration ? orgs[client % orgs.size()] : orgs[rng() % orgs.size()];
        const std::string ip = integration ? "10.20." + std::to_string(client) + "." + std::to_string(rng() % 256)
                                           : "10." + std::to_string(rng() % 256) + "." + std::to_string(rng() % 256) + "." + std::to_string(rng() % 256);
        line = "{\"time\":\"" + time.toStdString() + "\",\"service\":\"" + k.service + "\",\"action\":\"" + k.action + "\",\"actor\":{\"type\":\"" +
               (integration ? std::string("integration\",\"id\":\"fagsystem-") + std::to_string(client)
                            : std::string("person\",\"id\":\"") + employees[rng() % employees.size()]) +
               "\",\"org\":\"" + org + "\"},\"on_behalf_of\":\"" + org + "\"";
        if (*k.subjectType) {
            const std::string subject = k.subjectType == std::string("person") ? citizens[rng() % citizens.size()] : orgs[rng() % orgs.size()];
            line += std::string(",\"subject\":{\"type\":\"") + k.subjectType + "\",\"id\":\"" + subject + "\"}";
        }
        // Barnevern lookups name their legal basis, except now and then: what detection should find.
        const char* basis = *k.legalBasis || std::string(k.area) != "barnevern" || rng() % 100 < 3 ? k.legalBasis : "Barnevernsloven § 13-1";
        if (*basis) line += std::string(",\"legal_basis\":\"") + basis + "\"";
        if (*k.area) line += std::string(",\"service_area\":\"") + k.area + "\"";
        const unsigned r = static_cast<unsigned>(rng() % 100);
        line += std::string(",\"confidential\":") + (r < 30 ? "true" : "false") + ",\"address_protection\":\"" +
                (r < 2 ? "strengt_fortrolig" : r < 5 ? "fortrolig" : "none") + "\",\"result\":\"" + (r < 96 ? "ok" : r < 99 ? "denied" : "error") +
                "\",\"source_ip\":\"" + ip +
                "\",\"request_id\":\"req-" + std::to_string(seed) + "-" + std::to_string(i) + "\"}\n";
        std::fwrite(line.data(), 1, line.size(), stdout);
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int basePort = 19200, podsPerService = 2, padding = 0, services = 12;
    std::string targetsFile, host = "127.0.0.1";
    QString tlsCert, tlsKey;
    std::map<std::string, std::string> faults;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        auto next = [&] { return i + 1 < args.size() ? args[++i] : QString(); };
        if (a == "--base-port") basePort = next().toInt();
        else if (a == "--pods-per-service") podsPerService = next().toInt();
        else if (a == "--services") services = std::clamp(next().toInt(), 1, 12);
        else if (a == "--extra-series") padding = next().toInt();
        else if (a == "--targets-file") targetsFile = next().toStdString();
        else if (a == "--audit-events") {
            const long long count = next().toLongLong();
            const unsigned seed = static_cast<unsigned>(args.indexOf(QStringLiteral("--seed")) > 0 ? args.value(args.indexOf(QStringLiteral("--seed")) + 1).toUInt() : 1);
            return writeAuditEvents(count, seed, 1795680000000LL);  // 2026-11-26 09:00 in Oslo, a working day
        } else if (a == "--tls-cert") tlsCert = next();
        else if (a == "--tls-key") tlsKey = next();
        else if (a == "--fault") {
            const QString spec = next();
            const std::string mode = spec.section('=', 1).toStdString();
            if (!spec.contains('=') || !knownMode(mode)) {
                std::fprintf(stderr, "vakt-platform-sim: --fault %s: give POD=MODE with a mode from --help\n", spec.toLocal8Bit().constData());
                return 2;
            }
            faults[spec.section('=', 0, 0).toStdString()] = mode;
        } else if (a == "--seed") {
            next();  // read with --audit-events
        } else if (a == "--help") {
            std::puts(
                "Usage: vakt-platform-sim [OPTIONS]                  serve a simulated platform's metrics\n"
                "       vakt-platform-sim --audit-events N [--seed S]\n"
                "                                                    write N audit events as JSON lines and exit\n"
                "\n"
                "A stand-in for the platform for Vakt's demo and tests: each service runs PODS pods, and each pod\n"
                "serves Prometheus metrics (request counters, a latency histogram, memory) on its own port on\n"
                "127.0.0.1, from BASE upwards. Runs until stopped.\n"
                "\n"
                "Options:\n"
                "  --base-port BASE        the first pod's port (default 19200)\n"
                "  --services N            how many of the 12 services to run, 1 to 12 (default 12)\n"
                "  --pods-per-service N    pods per service (default 2)\n"
                "  --extra-series N        extra gauge series per pod, for load runs (default 0)\n"
                "  --targets-file FILE     write the pods as a Prometheus file_sd list (JSON)\n"
                "  --fault POD=MODE        start POD (for example svarut-1) in MODE; may be repeated\n"
                "  --tls-cert CHAIN.pem --tls-key KEY.pem\n"
                "                          the pods serve HTTPS with this certificate\n"
                "  --audit-events N        write N audit events (docs/audit-event-v1.md) to standard output\n"
                "  --seed S                which sequence of audit events (default 1)\n"
                "\n"
                "Modes: ok, down (503), slow (its latency histogram shows slow requests), errors (a quarter of\n"
                "  the requests fail with 5xx), malformed, huge (80 MiB), trickle (200 bytes a second), hang,\n"
                "  duplicate (a series twice), million (a million series),\n"
                "  restart (counters start from zero, then ok), redirect (302 to another host name).\n"
                "\n"
                "Control port BASE-1: GET /targets (the file_sd list), /redirected (where redirect points),\n"
                "  /redirected-saw (whether credentials were sent there).\n"
                "Fault switch BASE-2: GET /POD/MODE sets a pod's mode while running.");
            return 0;
        } else {
            std::fprintf(stderr, "vakt-platform-sim: unknown argument %s\n", a.toLocal8Bit().constData());
            return 2;
        }
    }
    std::vector<std::unique_ptr<Pod>> pods;
    int port = basePort;
    for (int s = 0; s < services; ++s)
        for (int p = 0; p < podsPerService; ++p) {
            auto pod = std::make_unique<Pod>();
            pod->service = kServices[s];
            pod->name = pod->service + "-" + std::to_string(p);
            pod->port = port++;
            pod->weight = 1.0 / (1 + s);
            pod->startedMs = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
            if (faults.count(pod->name)) pod->fault = faults[pod->name];
            // "localhost", not the address the targets are listed with: another host to a scraper.
            pod->redirectTo = "http://localhost:" + std::to_string(basePort - 1) + "/redirected";
            // Big answers are built before serving starts, so building them never stalls other pods.
            if (pod->fault == "huge" || pod->fault == "million") (void)serve(*pod, padding, {});
            Pod* raw = pod.get();
            pod->server = std::make_unique<HttpServer>([raw, padding](const std::string&, const auto& headers) { return serve(*raw, padding, headers); });
            QString error;
            if ((!tlsCert.isEmpty() && !pod->server->useTls(tlsCert, tlsKey, &error)) ||
                !pod->server->listen(QString::fromStdString(host + ":" + std::to_string(pod->port)), &error)) {
                std::fprintf(stderr, "vakt-platform-sim: %s\n", error.toLocal8Bit().constData());
                return 1;
            }
            pods.push_back(std::move(pod));
        }
    auto targetsJson = [&] {
        std::string json = "[\n";
        for (std::size_t i = 0; i < pods.size(); ++i)
            json += std::string("  {\"targets\": [\"") + host + ":" + std::to_string(pods[i]->port) + "\"], \"labels\": {\"service\": \"" +
                    pods[i]->service + "\", \"pod\": \"" + pods[i]->name + "\"}}" + (i + 1 < pods.size() ? ",\n" : "\n");
        return json + "]\n";
    };
    if (!targetsFile.empty()) {
        QFile f(QString::fromStdString(targetsFile));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 1;
        f.write(QByteArray::fromStdString(targetsJson()));
    }
    // Where the "redirect" fault sends scrapers, and what it saw of their credentials.
    std::string redirectedAuthorization = "never asked";
    HttpServer control([&](const std::string& path, const auto& headers) -> HttpResponse {
        if (path == "/targets") return {200, "application/json", targetsJson()};
        if (path == "/redirected") {
            // Once any scraper sent credentials here, that is what is reported.
            if (headers.count("authorization")) redirectedAuthorization = "credentials received";
            else if (redirectedAuthorization != "credentials received") redirectedAuthorization = "no credentials";
            return {200, "text/plain; version=0.0.4; charset=utf-8", "redirected_target_up 1\n"};
        }
        if (path == "/redirected-saw") return {200, "text/plain", redirectedAuthorization + "\n"};
        return {404, "text/plain", "GET /targets or /fault?target=POD&mode=MODE\n"};
    });
    // The fault switch needs the query string, which the small server strips: a tiny wrapper.
    HttpServer faultControl([&](const std::string& path, const auto&) -> HttpResponse {
        // path is /POD/MODE
        const auto parts = QString::fromStdString(path).split('/', Qt::SkipEmptyParts);
        if (parts.size() != 2) return {400, "text/plain", "use /POD/MODE\n"};
        if (!knownMode(parts[1].toStdString())) return {400, "text/plain", "unknown mode; see vakt-platform-sim --help\n"};
        for (auto& pod : pods)
            if (pod->name == parts[0].toStdString()) {
                pod->fault = parts[1].toStdString();
                if (pod->fault == "restart") {
                    pod->startedMs = QDateTime::currentMSecsSinceEpoch();  // counters start again from zero
                    pod->fault = "ok";
                }
                return {200, "text/plain", pod->name + " is now " + pod->fault + "\n"};
            }
        return {404, "text/plain", "no such pod\n"};
    });
    QString error;
    if (!control.listen(QString::fromStdString(host + ":" + std::to_string(basePort - 1)), &error) ||
        !faultControl.listen(QString::fromStdString(host + ":" + std::to_string(basePort - 2)), &error)) {
        std::fprintf(stderr, "vakt-platform-sim: %s\n", error.toLocal8Bit().constData());
        return 1;
    }
    std::fprintf(stderr, "vakt-platform-sim: %zu pods on ports %d-%d; targets at http://%s:%d/targets; faults via http://%s:%d/POD/MODE\n",
                 pods.size(), basePort, port - 1, host.c_str(), basePort - 1, host.c_str(), basePort - 2);
    return QCoreApplication::exec();
}
