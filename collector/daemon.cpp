#include "collector/daemon.h"

#include <openssl/crypto.h>

#include <QBuffer>
#include <QRegularExpression>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cmath>
#include <cstdio>
#include <set>

namespace vakt::collector {

namespace {

Result<std::string> readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return fail(path.toStdString() + ": cannot read: " + f.errorString().toStdString());
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}
}  // namespace

Daemon::Daemon(DaemonOptions options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      clock_(options_.clock ? options_.clock : std::make_shared<SystemClock>()),
      scraper_(*clock_, this),
      scrapes_(metrics_.counter("vakt_collector_scrapes", "Scrapes attempted, by job.")),
      scrapeFailures_(metrics_.counter("vakt_collector_scrape_failures", "Scrapes that failed, by job.")),
      up_(metrics_.gauge("up", "1 when the last scrape of the target succeeded, else 0.")),
      scrapeDuration_(metrics_.gauge("scrape_duration_seconds", "How long the last scrape of the target took.", "seconds")),
      samplesScraped_(metrics_.gauge("scrape_samples_scraped", "Samples in the last successful scrape of the target.")),
      targetCount_(metrics_.gauge("vakt_collector_targets", "Configured scrape targets, by job.")),
      configReloadOk_(metrics_.gauge("vakt_collector_config_last_reload_successful", "1 when the last configuration load worked.")),
      storeErrors_(metrics_.counter("vakt_collector_store_errors", "Writes to the Store that failed.")),
      alertsFiring_(metrics_.gauge("vakt_collector_alerts_firing", "Alerts firing now, by rule.")),
      auditEvents_(metrics_.counter("vakt_audit_events_ingested", "Audit events appended to the ledger.")),
      auditQuarantined_(metrics_.counter("vakt_audit_lines_quarantined", "Audit log lines refused and quarantined.")),
      auditErrors_(metrics_.counter("vakt_audit_source_errors", "Audit log files that could not be read in a pass.")),
      auditTreeSize_(metrics_.gauge("vakt_audit_tree_size", "Events in the ledger at the last signed tree head.")),
      sdReadErrors_(metrics_.counter("vakt_collector_sd_file_read_errors",
                                     "file_sd files that could not be read or parsed (their targets are kept), as Prometheus's "
                                     "prometheus_sd_file_read_errors_total.")),
      scrapesInFlight_(metrics_.gauge("vakt_collector_scrapes_in_flight", "Scrapes started and not yet finished.")),
      auditLastPoll_(metrics_.gauge("vakt_audit_last_poll_timestamp_seconds", "When the audit log files were last read.", "seconds")),
      httpOpen_(metrics_.gauge("vakt_collector_http_open_connections", "Connections open on the web address.")),
      httpOverLimit_(metrics_.counter("vakt_collector_http_connections_over_limit",
                                      "Connections answered 503 and closed because --web.max-connections were open.")),
      httpAcceptErrors_(metrics_.counter("vakt_collector_http_accept_errors", "Connections that could not be accepted (out of file descriptors).")),
      httpTimeouts_(metrics_.counter("vakt_collector_http_timeouts", "Connections cut off at a deadline: reading the request, or writing the answer.")),
      httpTlsFailures_(metrics_.counter("vakt_collector_http_tls_handshake_failures", "TLS handshakes on the web address that failed.")) {
    metrics_.info("vakt_collector_build", "Build information.").add({{"version", VAKT_COLLECTOR_VERSION}});
    connect(&flushTimer_, &QTimer::timeout, this, [this] { flushMinutes(false); });
    connect(&discoveryTimer_, &QTimer::timeout, this, &Daemon::refreshDiscovery);
    connect(&evaluationTimer_, &QTimer::timeout, this, &Daemon::evaluateAlerts);
    connect(&auditPollTimer_, &QTimer::timeout, this, &Daemon::pollAudit);
    connect(&auditSignTimer_, &QTimer::timeout, this, &Daemon::signAuditHead);
}

Daemon::~Daemon() = default;

Result<CollectorConfig> Daemon::loadConfig() {
    auto text = readFile(options_.configFile);
    if (!text) return text.error();
    auto config = parseConfig(*text, options_.configFile.toStdString());
    if (!config) return config.error();
    resolvePaths(*config, QFileInfo(options_.configFile).absolutePath().toStdString());
    return config;
}

Result<DiscoveredTargets> Daemon::discover(const CollectorConfig& config) {
    DiscoveredTargets found;
    for (const auto& job : config.scrapeConfigs)
        for (const auto& sd : job.fileSdConfigs)
            for (const auto& pattern : sd.files) {
                const QFileInfo info(QString::fromStdString(pattern));
                QDir dir = info.dir();
                const QStringList files = dir.entryList({info.fileName()}, QDir::Files, QDir::Name);
                for (const auto& name : files) {
                    const QString path = dir.filePath(name);
                    const std::string key = job.jobName + '\x1f' + path.toStdString();
                    auto text = readFile(path);
                    auto groups = text ? parseFileSd(*text, path.toStdString()) : Result<std::vector<StaticConfig>>(text.error());
                    if (!groups) {
                        // Keep what the file said before, as Prometheus does, and say why.
                        logLine("file_sd: " + groups.message());
                        sdReadErrors_.add({}).inc();
                        if (discovered_.count(key)) found[key] = discovered_.at(key);
                        continue;
                    }
                    found[key] = *groups;
                }
            }
    return found;
}

Status Daemon::start() {
    auto store = Store::open(options_.database, Store::OpenMode::MustExist, clock_);
    if (!store) return store.error();
    store_ = std::move(*store);
    monitoring_ = std::make_unique<MonitoringStore>(*store_);
    incidents_ = std::make_unique<IncidentStore>(*store_);
    auto config = loadConfig();
    if (!config) return config.error();
    auto rules = loadRuleFiles(config->ruleFiles);
    if (!rules) return rules.error();
    alerts_ = std::make_unique<AlertEvaluator>(std::move(*rules));
    auto audit = prepareAudit(config->audit);
    if (!audit) return audit.error();
    applyAudit(config->audit, std::move(*audit));
    auto discovered = discover(*config);
    if (!discovered) return discovered.error();
    if (auto s = applyConfig(std::move(*config), std::move(*discovered)); !s) return s;
    configReloadOk_.add({}).set(1);

    if (options_.once) {
        pollAudit();
        signAuditHead();
        oncePending_ = static_cast<int>(targets_.size());
        for (auto& [key, state] : targets_) scrapeTarget(key);
        maybeFinishOnce();
        return {};
    }
    http_ = std::make_unique<HttpServer>([this](const std::string& path, const auto& headers) { return serve(path, headers); }, this,
                                         options_.web);
    http_->acceptPost(
        [this](const std::string& path, const auto& headers) -> std::optional<HttpResponse> {
            auto admission = admitPush(path, headers);
            if (auto* refusal = std::get_if<HttpResponse>(&admission)) return *refusal;
            return std::nullopt;
        },
        [this](const std::string& path, const auto& headers, const std::string& body) { return receiveAudit(path, headers, body); },
                      config_.audit ? static_cast<qint64>(config_.audit->pushMaxBody) : qint64{1} << 20);
    QString error;
    if (!options_.tlsCertFile.isEmpty() && !http_->useTls(options_.tlsCertFile, options_.tlsKeyFile, &error))
        return fail("--web.tls-cert-file: " + error.toStdString());
    if (!http_->listen(options_.listenAddress, &error)) return fail(error.toStdString());
    flushTimer_.start(15000);
    evaluationTimer_.start(timerMilliseconds(config_.global.evaluationInterval, 1000));
    ready_ = true;
    logLine("listening on " + options_.listenAddress.toStdString() + ", " + std::to_string(targets_.size()) + " targets");
    return {};
}

Status Daemon::applyConfig(CollectorConfig config, DiscoveredTargets discovered) {
    config_ = std::move(config);
    discovered_ = std::move(discovered);
    const auto wanted = expandTargets(config_, discovered_);
    std::set<std::string> keys;
    QList<std::pair<QString, QString>> current;
    std::map<std::string, double> perJob;
    for (const auto& job : config_.scrapeConfigs) perJob[job.jobName] = 0;  // a job whose targets all went away shows 0
    for (const auto& t : wanted) {
        keys.insert(t.key());
        current.append({QString::fromStdString(t.jobName), QString::fromStdString(t.instance)});
        ++perJob[t.jobName];
    }
    for (auto it = targets_.begin(); it != targets_.end();) {
        if (keys.count(it->first)) {
            ++it;
            continue;
        }
        delete it->second.timer;
        reducer_.forget(it->first);
        up_.remove({{"job", it->second.target.jobName}, {"instance", it->second.target.instance}});
        it = targets_.erase(it);
    }
    for (const auto& t : wanted) {
        if (auto s = monitoring_->registerTarget(MonitoringStore::collectorSession(), QString::fromStdString(t.jobName), QString::fromStdString(t.instance),
                                                 QString::fromStdString(t.url), QString::fromStdString(t.service),
                                                 timerMilliseconds(config_.scrapeConfigs[t.job].scrapeInterval));
            !s)
            return s;
        auto& state = targets_[t.key()];
        const bool changed = state.target.url != t.url || state.target.job != t.job || !state.timer;
        state.target = t;
        if (!changed || options_.once) continue;
        delete state.timer;
        state.timer = new QTimer(this);
        const auto interval = config_.scrapeConfigs[t.job].scrapeInterval;
        const std::string key = t.key();
        connect(state.timer, &QTimer::timeout, this, [this, key] {
            auto it = targets_.find(key);
            if (it == targets_.end()) return;
            it->second.timer->setInterval(timerMilliseconds(config_.scrapeConfigs[it->second.target.job].scrapeInterval));
            scrapeTarget(key);
        });
        state.timer->start(timerMilliseconds(scrapeOffset(t, interval), 0));
    }
    if (auto s = monitoring_->retireTargetsExcept(MonitoringStore::collectorSession(), current); !s) return s;
    for (const auto& [job, n] : perJob) targetCount_.add({{"job", job}}).set(n);
    // The shortest file_sd refresh interval drives re-reading.
    std::chrono::milliseconds refresh{0};
    for (const auto& job : config_.scrapeConfigs)
        for (const auto& sd : job.fileSdConfigs)
            if (refresh.count() == 0 || sd.refreshInterval < refresh) refresh = sd.refreshInterval;
    if (refresh.count() > 0 && !options_.once) discoveryTimer_.start(timerMilliseconds(refresh));
    else discoveryTimer_.stop();
    return {};
}

void Daemon::refreshDiscovery() {
    auto discovered = discover(config_);
    if (!discovered || *discovered == discovered_) return;
    if (auto s = applyConfig(config_, std::move(*discovered)); !s) logLine("file_sd: " + s.message());
}

Status Daemon::reload() {
    // Everything is loaded and checked before anything running is touched: a bad file keeps the
    // running configuration, scraping, tailing and head signing included.
    auto refuse = [this](const Error& e) -> Status {
        configReloadOk_.add({}).set(0);
        logLine("reload failed, keeping the running configuration: " + e.message);
        return e;
    };
    auto config = loadConfig();
    if (!config) return refuse(config.error());
    auto rules = loadRuleFiles(config->ruleFiles);
    if (!rules) return refuse(rules.error());
    auto audit = prepareAudit(config->audit);
    if (!audit) return refuse(audit.error());
    auto discovered = discover(*config);
    if (!discovered) return refuse(discovered.error());
    applyAudit(config->audit, std::move(*audit));
    if (auto s = applyConfig(std::move(*config), std::move(*discovered)); !s) return refuse(s.error());
    // Conditions start pending again under the new rules; open incidents stay until they clear.
    alerts_ = std::make_unique<AlertEvaluator>(std::move(*rules));
    configReloadOk_.add({}).set(1);
    logLine("configuration reloaded: " + std::to_string(targets_.size()) + " targets");
    return {};
}

void Daemon::scrapeTarget(const std::string& key) {
    auto it = targets_.find(key);
    if (it == targets_.end() || stopping_) return;
    if (it->second.scraping) return;  // the previous scrape is still running: skip this turn
    it->second.scraping = true;
    const Target& t = it->second.target;
    scraper_.scrape(t, config_.scrapeConfigs[t.job], [this, key](std::shared_ptr<ScrapeOutcome> outcome) { onScraped(key, outcome); });
}

void Daemon::onScraped(const std::string& key, const std::shared_ptr<ScrapeOutcome>& outcome) {
    auto it = targets_.find(key);
    if (it != targets_.end()) {
        it->second.scraping = false;
        const Target& t = it->second.target;
        const expo::LabelSet target{{"job", t.jobName}, {"instance", t.instance}};
        scrapes_.add({{"job", t.jobName}}).inc();
        if (!outcome->up) scrapeFailures_.add({{"job", t.jobName}}).inc();
        up_.add(target).set(outcome->up ? 1 : 0);
        scrapeDuration_.add(target).set(outcome->durationSeconds);
        samplesScraped_.add(target).set(static_cast<double>(outcome->result.samples.size()));
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(outcome->startedMs, Qt::UTC);
        if (auto s = monitoring_->recordScrape(MonitoringStore::collectorSession(), QString::fromStdString(t.jobName), QString::fromStdString(t.instance), at, outcome->up,
                                               QString::fromStdString(outcome->error), static_cast<qint64>(outcome->durationSeconds * 1000),
                                               static_cast<qint64>(outcome->result.samples.size()));
            !s) {
            storeErrors_.add({}).inc();
            logLine("store: " + s.message());
        }
        reducer_.add(key, t.service, outcome->startedMs, outcome->up, &outcome->result);
        if (alerts_) alerts_->observe(t.jobName, t.instance, t.service, outcome->startedMs, outcome->up, &outcome->result);
    }
    if (options_.once) {
        --oncePending_;
        maybeFinishOnce();
    } else if (stopping_ && scraper_.inFlight() == 0) {
        shutdown(exitCode_);
    }
}

void Daemon::maybeFinishOnce() {
    if (oncePending_ > 0) return;
    evaluateAlerts();
    flushMinutes(true);
    emit finished(0);
}

void Daemon::evaluateAlerts() {
    if (!alerts_ || !incidents_) return;
    const QDateTime now = clock_->now();
    const auto firing = alerts_->evaluate(now.toMSecsSinceEpoch());
    std::map<std::string, double> perRule;
    for (const auto& rule : alerts_->rules()) perRule[rule.name] = 0;
    for (const auto& a : firing) {
        ++perRule[a.rule];
        Incident i = incidentFrom(a, QStringLiteral("monitoring"));
        i.value = a.value;
        if (auto s = incidents_->raise(MonitoringStore::collectorSession(), i, now); !s) {
            storeErrors_.add({}).inc();
            logLine("store: " + s.message());
        }
    }
    for (const auto& [rule, n] : perRule) alertsFiring_.add({{"rule", rule}}).set(n);
    QSet<QString> active;
    for (const auto& f : alerts_->active()) active.insert(QString::fromStdString(f));
    if (auto s = incidents_->resolveExcept(MonitoringStore::collectorSession(), QStringLiteral("monitoring"), active, now); !s) {
        storeErrors_.add({}).inc();
        logLine("store: " + s.message());
    }
}

void Daemon::flushMinutes(bool all) {
    const auto rows = all ? reducer_.takeAll() : reducer_.takeFinished(clock_->now().toMSecsSinceEpoch());
    QList<ServiceMinute> minutes;
    for (const auto& r : rows) {
        ServiceMinute m;
        m.service = QString::fromStdString(r.service);
        m.minute = QDateTime::fromMSecsSinceEpoch(r.minuteStartMs, Qt::UTC);
        m.scrapes = r.scrapes;
        m.upScrapes = r.upScrapes;
        m.requests = r.requests;
        m.errors = r.errors;
        auto opt = [](double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); };
        m.p50 = opt(r.p50);
        m.p95 = opt(r.p95);
        m.p99 = opt(r.p99);
        minutes << m;
    }
    if (auto s = monitoring_->writeMinutes(MonitoringStore::collectorSession(), minutes); !s) {
        storeErrors_.add({}).inc();
        logLine("store: " + s.message());
    }
    if (auto s = monitoring_->compact(MonitoringStore::collectorSession(), clock_->now(), options_.minuteRetentionDays, options_.hourRetentionDays); !s) {
        storeErrors_.add({}).inc();
        logLine("store: " + s.message());
    }
}

void Daemon::shutdown(int exitCode) {
    exitCode_ = exitCode;
    if (!stopping_) {
        stopping_ = true;
        ready_ = false;
        for (auto& [key, state] : targets_)
            if (state.timer) state.timer->stop();
        flushTimer_.stop();
        discoveryTimer_.stop();
        evaluationTimer_.stop();
        auditPollTimer_.stop();
        auditSignTimer_.stop();
        pollAudit();  // what the services wrote up to now, then a head that covers it
        signAuditHead();
        logLine("stopping: waiting for " + std::to_string(scraper_.inFlight()) + " scrapes in flight");
    }
    if (scraper_.inFlight() > 0) return;  // onScraped comes back here when the last one ends
    flushMinutes(true);
    if (http_) http_->close();
    emit finished(exitCode_);
}

Result<Daemon::PreparedAudit> Daemon::prepareAudit(const std::optional<AuditConfig>& audit) {
    PreparedAudit prepared;
    if (!audit) return prepared;
    auto keys = audit::LedgerKeys::load(QString::fromStdString(audit->keysDir));
    if (!keys) return fail("audit.keys_dir: " + keys.message());
    // The collector ingests and signs: it needs the whole key directory.
    if (auto s = keys->canPseudonymise(); !s) return fail("audit.keys_dir: " + s.message());
    if (auto s = keys->canSign(); !s) return fail("audit.keys_dir: " + s.message());
    auto rules = audit::loadDetectionRules(audit->detectionRules);
    if (!rules) return rules.error();
    prepared.ledger = std::make_unique<audit::Ledger>(*store_, std::move(*keys));
    if (!rules->empty()) prepared.detector = std::make_unique<audit::Detector>(std::move(*rules), prepared.ledger->history());
    prepared.ledger->setDetector(prepared.detector.get());
    return prepared;
}

void Daemon::applyAudit(const std::optional<AuditConfig>& audit, PreparedAudit prepared) {
    auditPollTimer_.stop();
    auditSignTimer_.stop();
    tailer_.reset();
    ledger_ = std::move(prepared.ledger);
    detector_ = std::move(prepared.detector);
    if (!audit) return;
    tailer_ = std::make_unique<audit::AuditTailer>(*ledger_, *audit);
    if (http_) http_->setMaxBodyBytes(static_cast<qint64>(audit->pushMaxBody));
    if (!options_.once) {
        auditPollTimer_.start(timerMilliseconds(audit->pollInterval));
        auditSignTimer_.start(timerMilliseconds(audit->signInterval));
    }
}

void Daemon::pollAudit() {
    if (!tailer_) return;
    const auto pass = tailer_->poll(MonitoringStore::collectorSession());
    auditLastPoll_.add({}).set(static_cast<double>(clock_->now().toMSecsSinceEpoch()) / 1000.0);
    if (pass.accepted) auditEvents_.add({}).inc(static_cast<double>(pass.accepted));
    if (pass.quarantined) {
        auditQuarantined_.add({}).inc(static_cast<double>(pass.quarantined));
        logLine("audit: " + std::to_string(pass.quarantined) + " lines quarantined ('vakt audit quarantine' lists them)");
    }
    for (const auto& problem : pass.problems) {
        auditErrors_.add({}).inc();
        logLine("audit: " + problem);
    }
}

void Daemon::signAuditHead() {
    if (!ledger_) return;
    auto head = ledger_->signHead(MonitoringStore::collectorSession());
    if (!head) {
        auditErrors_.add({}).inc();
        logLine("audit: signing a tree head failed: " + head.message());
        return;
    }
    auditTreeSize_.add({}).set(static_cast<double>(head->treeSize));
}

std::variant<Daemon::AdmittedPush, HttpResponse> Daemon::admitPush(const std::string& path, const HttpServer::Headers& headers) {
    constexpr auto kText = "text/plain; charset=utf-8";
    if (path != "/api/v1/audit/events" || !ledger_ || !config_.audit || config_.audit->pushClients.empty())
        return HttpResponse{404, kText, "Not found. Audit events are pushed to /api/v1/audit/events when audit.push is configured.\n"};
    // Tokens are read at each request, so they can be rotated without a restart; never logged.
    // Every client's token is compared, in constant time, so the time taken does not tell which.
    const auto given = headers.count("authorization") ? headers.at("authorization") : std::string();
    AdmittedPush admitted;
    for (const auto& candidate : config_.audit->pushClients) {
        QFile tokenFile(QString::fromStdString(candidate.tokenFile));
        const QByteArray token = tokenFile.open(QIODevice::ReadOnly) ? tokenFile.readLine(4096).trimmed() : QByteArray();
        const std::string expected = "Bearer " + token.toStdString();
        const bool match = !token.isEmpty() && given.size() == expected.size() && CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
        if (match && !admitted.client) admitted.client = &candidate;
    }
    if (!admitted.client) return HttpResponse{401, kText, "a valid bearer token is required\n"};
    const auto header = [&](const char* name) { return headers.count(name) ? headers.at(name) : std::string(); };
    const std::string stream = header("vakt-stream"), offsetText = header("vakt-offset");
    if (stream.empty() && offsetText.empty()) return admitted;
    static const QRegularExpression streamName(QStringLiteral("^[A-Za-z0-9._-]{1,100}$"));
    bool ok = false;
    admitted.offset = QByteArray::fromStdString(offsetText).toLongLong(&ok);
    if (!streamName.match(QString::fromStdString(stream)).hasMatch() || !ok || admitted.offset < 0)
        return HttpResponse{400, kText, "Vakt-Stream (letters, digits, '.', '_', '-') and Vakt-Offset (bytes, 0 or more) go together\n"};
    const auto& streams = admitted.client->streams;
    const bool mayWrite = std::any_of(streams.begin(), streams.end(), [&](const std::string& pattern) {
        return QRegularExpression(QRegularExpression::wildcardToRegularExpression(QString::fromStdString(pattern)))
            .match(QString::fromStdString(stream))
            .hasMatch();
    });
    if (!mayWrite) return HttpResponse{403, kText, "this client may not write to that stream\n"};
    admitted.stream = stream;
    return admitted;
}

HttpResponse Daemon::receiveAudit(const std::string& path, const HttpServer::Headers& headers, const std::string& body) {
    constexpr auto kText = "text/plain; charset=utf-8";
    auto admission = admitPush(path, headers);
    if (auto* refusal = std::get_if<HttpResponse>(&admission)) return *refusal;
    const auto& [client, stream, offset] = std::get<AdmittedPush>(admission);
    // A client that names its stream and where the body starts in it gets exactly-once delivery:
    // the position is committed with the events, a batch sent again is recognised, a gap refused.
    audit::SourceSpec source{{}, QStringLiteral("push"), true};
    if (!stream.empty()) {
        source = audit::SourceSpec{QStringLiteral("push:") + QString::fromStdString(stream), QStringLiteral("push:") + QString::fromStdString(stream),
                                   false, offset};
        auto committed = ledger_->position(source.key);
        if (!committed) {
            auditErrors_.add({}).inc();
            logLine("audit push: " + committed.message());
            return {503, kText, "the ledger could not be read; send the events again\n"};
        }
        if (offset > committed->offset)
            return {409, "application/json", "{\"error\":\"the bytes before this body are missing\",\"offset\":" + std::to_string(committed->offset) + "}\n"};
        if (offset + static_cast<qint64>(body.size()) <= committed->offset)  // all of it arrived before
            return {200, "application/json", "{\"accepted\":0,\"quarantined\":0,\"offset\":" + std::to_string(committed->offset) + "}\n"};
    }
    if (std::find(client->services.begin(), client->services.end(), "*") == client->services.end()) source.allowedServices = client->services;
    QByteArray bytes = QByteArray::fromStdString(body);
    QBuffer input(&bytes);
    input.open(QIODevice::ReadOnly);
    audit::EventLimits limits;
    limits.maxLineBytes = config_.audit->maxLineBytes;
    auto stats = ledger_->ingest(MonitoringStore::collectorSession(), source, input, limits);
    if (!stats) {
        auditErrors_.add({}).inc();
        logLine("audit push: " + stats.message());
        return {503, kText, "the ledger could not store the events; send them again\n"};
    }
    auditEvents_.add({}).inc(static_cast<double>(stats->accepted));
    auditQuarantined_.add({}).inc(static_cast<double>(stats->quarantined));
    std::string answer = "{\"accepted\":" + std::to_string(stats->accepted) + ",\"quarantined\":" + std::to_string(stats->quarantined) +
                         ",\"blank\":" + std::to_string(stats->blank);
    if (!source.key.isEmpty()) answer += ",\"offset\":" + std::to_string(stats->endOffset);
    return {200, "application/json", answer + "}\n"};
}

HttpResponse Daemon::serve(const std::string& path, const std::map<std::string, std::string>& headers) {
    if (path == "/metrics") {
        scrapesInFlight_.add({}).set(static_cast<double>(scraper_.inFlight()));
        if (http_) {
            // The server keeps plain counts; the families only go up by what was added since.
            const HttpCounters& c = http_->counters();
            const auto catchUp = [](expo::Counter& counter, std::uint64_t now) { counter.inc(static_cast<double>(now) - counter.value()); };
            httpOpen_.add({}).set(c.open);
            catchUp(httpOverLimit_.add({}), c.overConnectionLimit);
            catchUp(httpAcceptErrors_.add({}), c.acceptErrors);
            catchUp(httpTimeouts_.add({{"phase", "read"}}), c.readTimeouts);
            catchUp(httpTimeouts_.add({{"phase", "write"}}), c.writeTimeouts);
            catchUp(httpTlsFailures_.add({}), c.tlsHandshakeFailures);
        }
        const auto accept = headers.count("accept") ? headers.at("accept") : std::string();
        const auto format = expo::negotiate(accept);
        return {200, std::string(expo::contentType(format)), metrics_.render(format)};
    }
    if (path == "/-/healthy") return {200, "text/plain; charset=utf-8", "Vakt collector is Healthy.\n"};
    if (path == "/-/ready") return ready_ ? HttpResponse{200, "text/plain; charset=utf-8", "Vakt collector is Ready.\n"}
                                          : HttpResponse{503, "text/plain; charset=utf-8", "Vakt collector is not ready.\n"};
    return {404, "text/plain; charset=utf-8", "Not found. Try /metrics, /-/healthy or /-/ready.\n"};
}

void Daemon::logLine(const std::string& text) const {
    std::fprintf(stderr, "%s vakt-collector: %s\n", clock_->now().toString(Qt::ISODate).toUtf8().constData(), text.c_str());
}

}  // namespace vakt::collector
