#pragma once
// vakt-collector's daemon: loads the configuration, scrapes every target on its own jittered
// schedule, keeps health per target and per service in the Store, and serves its own metrics.
// Follows audit log files into the ledger and signs tree heads. SIGHUP reloads the
// configuration; SIGTERM lets in-flight scrapes finish, signs a last head and exits.
#include <QObject>
#include <QTimer>
#include <map>
#include <memory>
#include <variant>

#include "core/clock.h"
#include "collector/alerts/rules.h"
#include "collector/audit/detection_rules.h"
#include "collector/audit/ledger.h"
#include "collector/audit/tailer.h"
#include "collector/config/scrape_config.h"
#include "collector/exposition/writer.h"
#include "collector/health/reducer.h"
#include "core/incidents.h"
#include "collector/http/http_server.h"
#include "core/monitoring.h"
#include "collector/scrape/scraper.h"
#include "collector/scrape/targets.h"
#include "core/store.h"

namespace vakt::collector {

struct DaemonOptions {
    QString configFile;
    QString database;
    QString listenAddress = QStringLiteral("127.0.0.1:9464");
    bool once = false;
    QString tlsCertFile, tlsKeyFile;  // HTTPS on the web address when both are set
    HttpLimits web;                   // connection cap and deadlines on the web address
    int minuteRetentionDays = 8;
    int hourRetentionDays = 400;
    // Every time the daemon uses (scrapes, incidents, retention, log lines); the system clock when unset.
    std::shared_ptr<const Clock> clock;
};

class Daemon : public QObject {
    Q_OBJECT
public:
    explicit Daemon(DaemonOptions options, QObject* parent = nullptr);
    ~Daemon() override;

    // Loads config and store and starts scraping. Errors name the file and line.
    Status start();
    // Re-reads the configuration; on error keeps the old one running.
    Status reload();
    // Stops scheduling, waits for in-flight scrapes (bounded by their timeouts), flushes, quits.
    void shutdown(int exitCode = 0);
    quint16 httpPort() const { return http_ ? http_->port() : 0; }

signals:
    void finished(int exitCode);

private:
    struct TargetState {
        Target target;
        QTimer* timer = nullptr;
        bool scraping = false;
    };
    Result<CollectorConfig> loadConfig();
    Result<DiscoveredTargets> discover(const CollectorConfig& config);
    Status applyConfig(CollectorConfig config, DiscoveredTargets discovered);
    void scrapeTarget(const std::string& key);
    void onScraped(const std::string& key, const std::shared_ptr<ScrapeOutcome>& outcome);
    void flushMinutes(bool all);
    void refreshDiscovery();
    HttpResponse serve(const std::string& path, const std::map<std::string, std::string>& headers);
    void maybeFinishOnce();
    void evaluateAlerts();
    // Audit logs: (re)creates the ledger and tailer from the configuration's audit section.
    // The audit ledger and detector for a configuration: made first, applied once all is loaded.
    struct PreparedAudit {
        std::unique_ptr<audit::Ledger> ledger;
        std::unique_ptr<audit::Detector> detector;
    };
    Result<PreparedAudit> prepareAudit(const std::optional<AuditConfig>& audit);
    void applyAudit(const std::optional<AuditConfig>& audit, PreparedAudit prepared);
    void pollAudit();
    // A push's client and stream from its headers (token, stream name and offset), or the answer
    // refusing it; checked before any of the body is read.
    struct AdmittedPush {
        const PushClient* client = nullptr;
        std::string stream;  // empty: an unnamed push
        qint64 offset = 0;
    };
    std::variant<AdmittedPush, HttpResponse> admitPush(const std::string& path, const HttpServer::Headers& headers);
    HttpResponse receiveAudit(const std::string& path, const HttpServer::Headers& headers, const std::string& body);
    void signAuditHead();

    void logLine(const std::string& text) const;
    DaemonOptions options_;
    std::shared_ptr<const Clock> clock_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<MonitoringStore> monitoring_;
    CollectorConfig config_;
    DiscoveredTargets discovered_;
    std::map<std::string, TargetState> targets_;
    Scraper scraper_;
    HealthReducer reducer_;
    std::unique_ptr<AlertEvaluator> alerts_;
    std::unique_ptr<IncidentStore> incidents_;
    QTimer evaluationTimer_;
    std::unique_ptr<HttpServer> http_;
    QTimer flushTimer_, discoveryTimer_;
    std::unique_ptr<audit::Ledger> ledger_;
    std::unique_ptr<audit::Detector> detector_;
    std::unique_ptr<audit::AuditTailer> tailer_;
    QTimer auditPollTimer_, auditSignTimer_;
    bool ready_ = false;
    bool stopping_ = false;
    int exitCode_ = 0;
    int oncePending_ = 0;

    // The collector's own metrics, in prometheus-cpp's shape.
    expo::Registry metrics_;
    expo::MetricFamily<expo::Counter>& scrapes_;
    expo::MetricFamily<expo::Counter>& scrapeFailures_;
    expo::MetricFamily<expo::Gauge>& up_;
    expo::MetricFamily<expo::Gauge>& scrapeDuration_;
    expo::MetricFamily<expo::Gauge>& samplesScraped_;
    expo::MetricFamily<expo::Gauge>& targetCount_;
    expo::MetricFamily<expo::Gauge>& configReloadOk_;
    expo::MetricFamily<expo::Counter>& storeErrors_;
    expo::MetricFamily<expo::Gauge>& alertsFiring_;
    expo::MetricFamily<expo::Counter>& auditEvents_;
    expo::MetricFamily<expo::Counter>& auditQuarantined_;
    expo::MetricFamily<expo::Counter>& auditErrors_;
    expo::MetricFamily<expo::Gauge>& auditTreeSize_;
    expo::MetricFamily<expo::Counter>& sdReadErrors_;
    expo::MetricFamily<expo::Gauge>& scrapesInFlight_;
    expo::MetricFamily<expo::Gauge>& auditLastPoll_;
    expo::MetricFamily<expo::Gauge>& httpOpen_;
    expo::MetricFamily<expo::Counter>& httpOverLimit_;
    expo::MetricFamily<expo::Counter>& httpAcceptErrors_;
    expo::MetricFamily<expo::Counter>& httpTimeouts_;
    expo::MetricFamily<expo::Counter>& httpTlsFailures_;
};

}  // namespace vakt::collector
