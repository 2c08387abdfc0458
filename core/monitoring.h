#pragma once
// Monitoring data in the Store: scrape targets and their health transitions (trailed, as they
// are events people act on), and per-service health per minute, rolled up to hours (measured
// data, not trailed). The collector writes (monitoring.write); every role may read (monitoring.read).
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

#include "core/store.h"

namespace vakt {

struct ServiceMinute {
    QString service;
    QDateTime minute;  // UTC, start of the minute
    int scrapes = 0;
    int upScrapes = 0;
    double requests = 0;
    double errors = 0;
    std::optional<double> p50, p95, p99;
};

struct TargetState {
    QString job, instance, url, service;
    QString health;  // up, down, unknown
    QDateTime healthSince;
    QString lastError;
    QDateTime lastScrape;
    qint64 lastDurationMs = 0;
    qint64 samples = 0;
    qint64 scrapeIntervalMs = 60000;
};

// After this many scrape intervals without a scrape, what is shown of a target is no longer news.
inline constexpr int kSilentAfterIntervals = 3;

// Whether the collector is reporting: its newest scrape of any active target, and whether that is
// older than kSilentAfterIntervals of the shortest interval.
struct CollectorState {
    QDateTime lastReport;  // invalid: never
    qint64 scrapeIntervalMs = 0;
    bool silent = false;
};

struct ServiceStatus {
    QString service;
    QString name;
    QString state;  // up, degraded, down, unknown (also when its data is stale)
    bool stale = false;  // no scrape for kSilentAfterIntervals of its targets' intervals
    QDateTime since;
    int targets = 0, targetsUp = 0;
    std::optional<double> availability24h, availability7d, availability30d;
    std::optional<double> errorRatio24h;
    std::optional<double> p95LastHour;
    QString lastError;
    // The open monitoring alerts for the service: a service that answers but breaks its SLOs
    // (error budget, latency) is degraded, not up.
    int openAlerts = 0;
    QDateTime lastScrape;  // the newest scrape of any of its targets
    QDateTime firstData;   // the oldest measurement kept: figures over a longer span rest on less
};

class MonitoringStore {
public:
    explicit MonitoringStore(Store& store) : store_(store) {}

    // The collector's own identity in the trail.
    static Session collectorSession() { return Session{QStringLiteral("system:collector"), Role::Admin}; }

    Status registerTarget(const Session& who, const QString& job, const QString& instance, const QString& url, const QString& service,
                          qint64 scrapeIntervalMs = 60000);
    // Marks targets no longer in the configuration inactive (they keep their history).
    Status retireTargetsExcept(const Session& who, const QList<std::pair<QString, QString>>& current);
    // One scrape's outcome. A change of health is recorded as an event and in the trail.
    Status recordScrape(const Session& who, const QString& job, const QString& instance, const QDateTime& at, bool up, const QString& error,
                        qint64 durationMs, qint64 samples);
    // Adds to existing rows for the same service and minute (several collectors may share a store).
    Status writeMinutes(const Session& who, const QList<ServiceMinute>& minutes);
    // Rolls finished hours up and deletes what is older than the retention.
    Status compact(const Session& who, const QDateTime& now, int minuteRetentionDays, int hourRetentionDays);

    Result<QList<TargetState>> targets(const Session& who);
    Result<QList<ServiceStatus>> serviceStatus(const Session& who, const QDateTime& now);
    Result<CollectorState> collectorState(const Session& who, const QDateTime& now);
    Result<QList<ServiceMinute>> minutes(const Session& who, const QString& service, const QDateTime& from, const QDateTime& to);
    // Per hour, for charts over days and weeks: the rolled-up hours, and the minutes of hours not
    // rolled up yet summed into theirs. p95 is the hour's highest.
    Result<QList<ServiceMinute>> hours(const Session& who, const QString& service, const QDateTime& from, const QDateTime& to);

private:
    Store& store_;
};

}  // namespace vakt
