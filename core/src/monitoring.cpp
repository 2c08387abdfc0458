#include "core/monitoring.h"

#include <QHash>
#include <QJsonObject>
#include <cmath>

namespace vakt {

namespace {
QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODate); }
QDateTime fromIso(const QVariant& v) { return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODate); }
QVariant optionalReal(const std::optional<double>& v) { return v && std::isfinite(*v) ? QVariant(*v) : QVariant(); }
std::optional<double> optionalFrom(const QVariant& v) { return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble()); }
}  // namespace

Status MonitoringStore::registerTarget(const Session& who, const QString& job, const QString& instance, const QString& url, const QString& service,
                                       qint64 scrapeIntervalMs) {
    if (!who.allows(permission::MonitoringWrite)) return denied(who, permission::MonitoringWrite);
    return store_.db().exec(QStringLiteral("INSERT INTO scrape_targets (job, instance, url, service_key, active, scrape_interval_ms)"
                                           " VALUES (?, ?, ?, ?, 1, ?)"
                                           " ON CONFLICT (job, instance) DO UPDATE SET url = excluded.url,"
                                           " service_key = excluded.service_key, active = 1, scrape_interval_ms = excluded.scrape_interval_ms"),
                            {job, instance, url, service, std::max<qint64>(scrapeIntervalMs, 1000)});
}

Status MonitoringStore::retireTargetsExcept(const Session& who, const QList<std::pair<QString, QString>>& current) {
    if (!who.allows(permission::MonitoringWrite)) return denied(who, permission::MonitoringWrite);
    auto rows = store_.db().query(QStringLiteral("SELECT job, instance FROM scrape_targets WHERE active = 1"));
    if (!rows) return rows.error();
    for (const auto& r : *rows) {
        const std::pair<QString, QString> key{r.value(0).toString(), r.value(1).toString()};
        if (current.contains(key)) continue;
        if (auto s = store_.db().exec(QStringLiteral("UPDATE scrape_targets SET active = 0 WHERE job = ? AND instance = ?"),
                                      {key.first, key.second});
            !s)
            return s;
    }
    return {};
}

Status MonitoringStore::recordScrape(const Session& who, const QString& job, const QString& instance, const QDateTime& at, bool up,
                                     const QString& error, qint64 durationMs, qint64 samples) {
    if (!who.allows(permission::MonitoringWrite)) return denied(who, permission::MonitoringWrite);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT id, health FROM scrape_targets WHERE job = ? AND instance = ?"), {job, instance});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("unknown scrape target " + job.toStdString() + "/" + instance.toStdString(), ErrorKind::NotFound);
    const qint64 id = rows->front().value(0).toLongLong();
    const QString before = rows->front().value(1).toString();
    const QString health = up ? QStringLiteral("up") : QStringLiteral("down");
    const QString when = iso(at);
    if (health != before) {
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO target_health_events (target_id, at, health, reason) VALUES (?, ?, ?, ?)"),
                                      {QVariant::fromValue(id), when, health, error});
            !s)
            return s;
        if (auto s = store_.db().exec(QStringLiteral("UPDATE scrape_targets SET health = ?, health_since = ? WHERE id = ?"),
                                      {health, when, QVariant::fromValue(id)});
            !s)
            return s;
        QJsonObject after{{"health", health}};
        if (!error.isEmpty()) after["reason"] = error;
        if (auto s = store_.record(who, QStringLiteral("monitoring.target_health"), QStringLiteral("scrape_target"),
                                   job + QLatin1Char('/') + instance, QJsonObject{{"health", before}}, after);
            !s)
            return s;
    }
    if (auto s = store_.db().exec(QStringLiteral("UPDATE scrape_targets SET last_error = ?, last_scrape = ?, last_duration_ms = ?,"
                                                 " samples = ? WHERE id = ?"),
                                  {error, when, QVariant::fromValue(durationMs), QVariant::fromValue(samples), QVariant::fromValue(id)});
        !s)
        return s;
    return tx.commit();
}

Status MonitoringStore::writeMinutes(const Session& who, const QList<ServiceMinute>& minutes) {
    if (!who.allows(permission::MonitoringWrite)) return denied(who, permission::MonitoringWrite);
    if (minutes.isEmpty()) return {};
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    for (const auto& m : minutes) {
        if (auto s = store_.db().exec(
                QStringLiteral("INSERT INTO service_health_minutes (service_key, minute, scrapes, up_scrapes, requests, errors, p50, p95, p99)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_key, minute) DO UPDATE SET"
                               " scrapes = service_health_minutes.scrapes + excluded.scrapes,"
                               " up_scrapes = service_health_minutes.up_scrapes + excluded.up_scrapes,"
                               " requests = service_health_minutes.requests + excluded.requests,"
                               " errors = service_health_minutes.errors + excluded.errors,"
                               " p50 = COALESCE(excluded.p50, service_health_minutes.p50),"
                               " p95 = COALESCE(excluded.p95, service_health_minutes.p95),"
                               " p99 = COALESCE(excluded.p99, service_health_minutes.p99)"),
                {m.service, iso(m.minute), m.scrapes, m.upScrapes, m.requests, m.errors, optionalReal(m.p50), optionalReal(m.p95),
                 optionalReal(m.p99)});
            !s)
            return s;
    }
    return tx.commit();
}

Status MonitoringStore::compact(const Session& who, const QDateTime& now, int minuteRetentionDays, int hourRetentionDays) {
    if (!who.allows(permission::MonitoringWrite)) return denied(who, permission::MonitoringWrite);
    const QDateTime hourStart(now.toUTC().date(), QTime(now.toUTC().time().hour(), 0), Qt::UTC);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto until = store_.meta(QStringLiteral("monitoring.rollup_until"));
    if (!until) return until.error();
    const QString from = until->isEmpty() ? QStringLiteral("0000") : *until;
    // Hours are recomputed whole from their minutes, so a rerun gives the same rows.
    if (auto s = store_.db().exec(
            QStringLiteral("INSERT INTO service_health_hours (service_key, hour, scrapes, up_scrapes, requests, errors, p95_max)"
                           " SELECT service_key, substr(minute, 1, 13) || ':00:00Z', SUM(scrapes), SUM(up_scrapes), SUM(requests),"
                           " SUM(errors), MAX(p95) FROM service_health_minutes WHERE minute >= ? AND minute < ?"
                           " GROUP BY service_key, substr(minute, 1, 13)"
                           " ON CONFLICT (service_key, hour) DO UPDATE SET scrapes = excluded.scrapes, up_scrapes = excluded.up_scrapes,"
                           " requests = excluded.requests, errors = excluded.errors, p95_max = excluded.p95_max"),
            {from, iso(hourStart)});
        !s)
        return s;
    if (auto s = store_.setMeta(QStringLiteral("monitoring.rollup_until"), iso(hourStart)); !s) return s;
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM service_health_minutes WHERE minute < ?"), {iso(now.addDays(-minuteRetentionDays))}); !s)
        return s;
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM service_health_hours WHERE hour < ?"), {iso(now.addDays(-hourRetentionDays))}); !s)
        return s;
    return tx.commit();
}

Result<QList<TargetState>> MonitoringStore::targets(const Session& who) {
    if (!who.allows(permission::MonitoringRead)) return denied(who, permission::MonitoringRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT job, instance, url, service_key, health, health_since, last_error, last_scrape,"
                                                 " last_duration_ms, samples, scrape_interval_ms FROM scrape_targets WHERE active = 1"
                                                 " ORDER BY job, instance"));
    if (!rows) return rows.error();
    QList<TargetState> out;
    for (const auto& r : *rows)
        out << TargetState{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                           r.value(4).toString(), fromIso(r.value(5)), r.value(6).toString(), fromIso(r.value(7)),
                           r.value(8).toLongLong(), r.value(9).toLongLong(), r.value(10).toLongLong()};
    return out;
}

Result<QList<ServiceStatus>> MonitoringStore::serviceStatus(const Session& who, const QDateTime& now) {
    auto targetList = targets(who);
    if (!targetList) return targetList.error();
    QMap<QString, ServiceStatus> byService;
    QHash<QString, qint64> intervalOf;
    for (const auto& t : *targetList) {
        if (t.service.isEmpty()) continue;
        ServiceStatus& s = byService[t.service];
        s.service = t.service;
        ++s.targets;
        if (t.health == QLatin1String("up")) ++s.targetsUp;
        if (t.healthSince.isValid() && (!s.since.isValid() || t.healthSince > s.since)) s.since = t.healthSince;
        if (t.health == QLatin1String("down") && !t.lastError.isEmpty()) s.lastError = t.lastError;
        if (t.lastScrape.isValid() && (!s.lastScrape.isValid() || t.lastScrape > s.lastScrape)) s.lastScrape = t.lastScrape;
        intervalOf[t.service] = std::max(intervalOf.value(t.service), t.scrapeIntervalMs);
    }
    auto alerts = store_.db().query(QStringLiteral("SELECT service_key, count(*) FROM incidents WHERE status = 'open' AND source = 'monitoring'"
                                                   " GROUP BY service_key"));
    if (!alerts) return alerts.error();
    QHash<QString, int> alertsOf;
    for (const auto& r : *alerts) alertsOf.insert(r.value(0).toString(), r.value(1).toInt());
    auto oldest = store_.db().query(QStringLiteral("SELECT service_key, MIN(t) FROM (SELECT service_key, minute AS t FROM service_health_minutes"
                                                   " UNION ALL SELECT service_key, hour AS t FROM service_health_hours) AS kept GROUP BY service_key"));
    if (!oldest) return oldest.error();
    QHash<QString, QDateTime> oldestOf;
    for (const auto& r : *oldest) oldestOf.insert(r.value(0).toString(), fromIso(r.value(1)));
    auto names = store_.db().query(QStringLiteral("SELECT key, name FROM catalog_entries"));
    if (!names) return names.error();
    QHash<QString, QString> nameOf;
    for (const auto& r : *names) nameOf.insert(r.value(0).toString(), r.value(1).toString());

    auto ratio = [&](const QString& table, const QString& column, const QString& service, const QDateTime& from,
                     const char* numerator, const char* denominator) -> std::optional<double> {
        auto r = store_.db().query(QStringLiteral("SELECT SUM(%1), SUM(%2) FROM %3 WHERE service_key = ? AND %4 >= ?")
                                       .arg(QLatin1String(numerator), QLatin1String(denominator), table, column),
                                   {service, iso(from)});
        if (!r || r->empty() || r->front().value(1).isNull() || r->front().value(1).toDouble() <= 0) return std::nullopt;
        return r->front().value(0).toDouble() / r->front().value(1).toDouble();
    };
    QList<ServiceStatus> out;
    for (auto& s : byService) {
        s.name = nameOf.value(s.service, s.service);
        const int down = s.targets - s.targetsUp;
        s.state = s.targetsUp == s.targets ? QStringLiteral("up")
                  : s.targetsUp == 0        ? (down > 0 ? QStringLiteral("down") : QStringLiteral("unknown"))
                                            : QStringLiteral("degraded");
        s.openAlerts = alertsOf.value(s.service);
        if (s.state == QLatin1String("up") && s.openAlerts > 0) s.state = QStringLiteral("degraded");
        s.firstData = oldestOf.value(s.service);
        // What the targets said long ago is not their state now.
        s.stale = !s.lastScrape.isValid() || s.lastScrape.msecsTo(now) > kSilentAfterIntervals * intervalOf.value(s.service);
        if (s.stale) s.state = QStringLiteral("unknown");
        const QString minutes = QStringLiteral("service_health_minutes"), hours = QStringLiteral("service_health_hours");
        s.availability24h = ratio(minutes, QStringLiteral("minute"), s.service, now.addDays(-1), "up_scrapes", "scrapes");
        s.availability7d = ratio(hours, QStringLiteral("hour"), s.service, now.addDays(-7), "up_scrapes", "scrapes");
        s.availability30d = ratio(hours, QStringLiteral("hour"), s.service, now.addDays(-30), "up_scrapes", "scrapes");
        // Hours lag by up to an hour; before the first rollup the minutes answer.
        if (!s.availability7d) s.availability7d = s.availability24h;
        if (!s.availability30d) s.availability30d = s.availability7d;
        s.errorRatio24h = ratio(minutes, QStringLiteral("minute"), s.service, now.addDays(-1), "errors", "requests");
        auto p95 = store_.db().query(QStringLiteral("SELECT MAX(p95) FROM service_health_minutes WHERE service_key = ? AND minute >= ?"),
                                     {s.service, iso(now.addSecs(-3600))});
        if (p95 && !p95->empty()) s.p95LastHour = optionalFrom(p95->front().value(0));
        out << s;
    }
    return out;
}

Result<QList<ServiceMinute>> MonitoringStore::hours(const Session& who, const QString& service, const QDateTime& from, const QDateTime& to) {
    if (!who.allows(permission::MonitoringRead)) return denied(who, permission::MonitoringRead).error();
    auto rows = store_.db().query(
        QStringLiteral("SELECT hour, scrapes, up_scrapes, requests, errors, p95_max FROM service_health_hours"
                       " WHERE service_key = ? AND hour >= ? AND hour < ?"
                       " UNION ALL"
                       " SELECT substr(minute, 1, 13) || ':00:00Z', SUM(scrapes), SUM(up_scrapes), SUM(requests), SUM(errors), MAX(p95)"
                       " FROM service_health_minutes WHERE service_key = ? AND minute >= ? AND minute < ?"
                       " AND substr(minute, 1, 13) || ':00:00Z' NOT IN (SELECT hour FROM service_health_hours WHERE service_key = ?)"
                       " GROUP BY substr(minute, 1, 13) ORDER BY 1"),
        {service, iso(from), iso(to), service, iso(from), iso(to), service});
    if (!rows) return rows.error();
    QList<ServiceMinute> out;
    for (const auto& r : *rows)
        out << ServiceMinute{service, fromIso(r.value(0)), r.value(1).toInt(), r.value(2).toInt(), r.value(3).toDouble(), r.value(4).toDouble(),
                             std::nullopt, optionalFrom(r.value(5)), std::nullopt};
    return out;
}

Result<CollectorState> MonitoringStore::collectorState(const Session& who, const QDateTime& now) {
    if (!who.allows(permission::MonitoringRead)) return denied(who, permission::MonitoringRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT MAX(last_scrape), MIN(scrape_interval_ms), count(*) FROM scrape_targets WHERE active = 1"));
    if (!rows) return rows.error();
    CollectorState state;
    if (rows->empty() || rows->front().value(2).toLongLong() == 0) return state;  // nothing to scrape: nothing to be silent about
    state.lastReport = fromIso(rows->front().value(0));
    state.scrapeIntervalMs = rows->front().value(1).toLongLong();
    state.silent = !state.lastReport.isValid() || state.lastReport.msecsTo(now) > kSilentAfterIntervals * state.scrapeIntervalMs;
    return state;
}

Result<QList<ServiceMinute>> MonitoringStore::minutes(const Session& who, const QString& service, const QDateTime& from,
                                                      const QDateTime& to) {
    if (!who.allows(permission::MonitoringRead)) return denied(who, permission::MonitoringRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT minute, scrapes, up_scrapes, requests, errors, p50, p95, p99 FROM service_health_minutes"
                                                 " WHERE service_key = ? AND minute >= ? AND minute < ? ORDER BY minute"),
                                  {service, iso(from), iso(to)});
    if (!rows) return rows.error();
    QList<ServiceMinute> out;
    for (const auto& r : *rows)
        out << ServiceMinute{service, fromIso(r.value(0)), r.value(1).toInt(), r.value(2).toInt(), r.value(3).toDouble(),
                             r.value(4).toDouble(), optionalFrom(r.value(5)), optionalFrom(r.value(6)), optionalFrom(r.value(7))};
    return out;
}

}  // namespace vakt
