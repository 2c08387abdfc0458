#include "core/incidents.h"

#include <QJsonObject>

namespace vakt {

namespace {
QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODate); }
QDateTime fromIso(const QVariant& v) { return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODate); }
}  // namespace

Result<qint64> IncidentStore::raise(const Session& who, const Incident& i, const QDateTime& at) {
    if (!who.allows(permission::IncidentWrite)) return denied(who, permission::IncidentWrite).error();
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto existing = store_.db().query(QStringLiteral("SELECT id FROM incidents WHERE fingerprint = ? AND status = 'open'"), {i.fingerprint});
    if (!existing) return existing.error();
    if (!existing->empty()) {
        const qint64 id = existing->front().value(0).toLongLong();
        if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET updated_at = ?, value = ?, summary = ? WHERE id = ?"),
                                      {iso(at), i.value, i.summary, id});
            !s)
            return s.error();
        if (auto s = tx.commit(); !s) return s.error();
        return id;
    }
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO incidents (fingerprint, source, title, summary, severity, service_key, status, value,"
                       " opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id"),
        {i.fingerprint, i.source, i.title, i.summary, i.severity, i.service, i.value, iso(at), iso(at)});
    if (!id) return id.error();
    if (auto s = store_.record(who, QStringLiteral("incident.open"), QStringLiteral("incident"), i.fingerprint, {},
                               QJsonObject{{"source", i.source}, {"title", i.title}, {"summary", i.summary}, {"severity", i.severity},
                                           {"service", i.service}, {"status", "open"}});
        !s)
        return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return *id;
}

Status IncidentStore::attachEvidence(const Session& who, qint64 incidentId, qint64 ledgerSeq) {
    if (!who.allows(permission::IncidentWrite)) return denied(who, permission::IncidentWrite);
    return store_.db().exec(QStringLiteral("INSERT INTO incident_evidence (incident_id, seq) VALUES (?, ?) ON CONFLICT DO NOTHING"),
                            {incidentId, ledgerSeq});
}

Status IncidentStore::resolveExcept(const Session& who, const QString& source, const QSet<QString>& active, const QDateTime& at) {
    if (!who.allows(permission::IncidentWrite)) return denied(who, permission::IncidentWrite);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT id, fingerprint FROM incidents WHERE source = ? AND status = 'open'"), {source});
    if (!rows) return rows.error();
    for (const auto& r : *rows) {
        const QString fingerprint = r.value(1).toString();
        if (active.contains(fingerprint)) continue;
        if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE id = ?"),
                                      {iso(at), iso(at), r.value(0)});
            !s)
            return s;
        if (auto s = store_.record(who, QStringLiteral("incident.resolve"), QStringLiteral("incident"), fingerprint,
                                   QJsonObject{{"status", "open"}}, QJsonObject{{"status", "resolved"}});
            !s)
            return s;
    }
    return tx.commit();
}

Result<QList<Incident>> IncidentStore::open(const Session& who, const QString& source, const QString& service) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    QString sql = QStringLiteral("SELECT id, fingerprint, source, title, summary, severity, service_key, status, value, opened_at, updated_at,"
                                 " resolved_at, (SELECT count(*) FROM incident_evidence e WHERE e.incident_id = incidents.id)"
                                 " FROM incidents WHERE status = 'open'");
    QVariantList binds;
    if (!source.isEmpty()) {
        sql += QStringLiteral(" AND source = ?");
        binds << source;
    }
    if (!service.isEmpty()) {
        sql += QStringLiteral(" AND service_key = ?");
        binds << service;
    }
    sql += QStringLiteral(" ORDER BY opened_at DESC, id DESC");
    auto rows = store_.db().query(sql, binds);
    if (!rows) return rows.error();
    QList<Incident> out;
    for (const auto& r : *rows)
        out << Incident{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString(),
                        r.value(5).toString(), r.value(6).toString(), r.value(7).toString(), r.value(8).toDouble(), fromIso(r.value(9)),
                        fromIso(r.value(10)), fromIso(r.value(11)), r.value(12).toLongLong()};
    return out;
}

}  // namespace vakt
