#include "core/incidents.h"

#include <QJsonObject>
#include <QSqlRecord>

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
        if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET updated_at = ?, value = ?, summary = ?, summary_en = ? WHERE id = ?"),
                                      {iso(at), i.value, i.summary, i.summaryEn, id});
            !s)
            return s.error();
        if (auto s = tx.commit(); !s) return s.error();
        return id;
    }
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO incidents (fingerprint, source, title, summary, summary_en, severity, service_key, status, value,"
                       " opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id"),
        {i.fingerprint, i.source, i.title, i.summary, i.summaryEn, i.severity, i.service, i.value, iso(at), iso(at)});
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

namespace {
const QString kSelect = QStringLiteral(
    "SELECT id, fingerprint, source, title, summary, severity, service_key, status, value, opened_at, updated_at, resolved_at,"
    " (SELECT count(*) FROM incident_evidence e WHERE e.incident_id = incidents.id),"
    " acknowledged_at, acknowledged_by, acknowledge_note, closed_by, close_reason, summary_en FROM incidents");

Incident incidentFromRow(const QSqlRecord& r) {
    Incident i;
    i.id = r.value(0).toLongLong();
    i.fingerprint = r.value(1).toString();
    i.source = r.value(2).toString();
    i.title = r.value(3).toString();
    i.summary = r.value(4).toString();
    i.severity = r.value(5).toString();
    i.service = r.value(6).toString();
    i.status = r.value(7).toString();
    i.value = r.value(8).toDouble();
    i.openedAt = fromIso(r.value(9));
    i.updatedAt = fromIso(r.value(10));
    i.resolvedAt = fromIso(r.value(11));
    i.evidence = r.value(12).toLongLong();
    i.acknowledgedAt = fromIso(r.value(13));
    i.acknowledgedBy = r.value(14).toString();
    i.acknowledgeNote = r.value(15).toString();
    i.closedBy = r.value(16).toString();
    i.closeReason = r.value(17).toString();
    i.summaryEn = r.value(18).toString();
    return i;
}

// A reason is for people to read later: one line or a short paragraph, never a pasted file.
constexpr qsizetype kMaxReason = 2000;
}  // namespace

Result<QList<Incident>> IncidentStore::open(const Session& who, const QString& source, const QString& service) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    QString sql = kSelect + QStringLiteral(" WHERE status = 'open'");
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
    for (const auto& r : *rows) out << incidentFromRow(r);
    return out;
}

Result<Incident> IncidentStore::get(const Session& who, qint64 id) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    auto rows = store_.db().query(kSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("incident " + std::to_string(id) + ": no such incident", ErrorKind::NotFound);
    return incidentFromRow(rows->front());
}

Result<QMap<QString, SeverityCounts>> IncidentStore::openCounts(const Session& who) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT source, severity, count(*) FROM incidents WHERE status = 'open' GROUP BY source, severity"));
    if (!rows) return rows.error();
    QMap<QString, SeverityCounts> out;
    for (const auto& r : *rows) {
        SeverityCounts& c = out[r.value(0).toString()];
        const QString severity = r.value(1).toString();
        const int n = r.value(2).toInt();
        (severity == QLatin1String("critical") ? c.critical : severity == QLatin1String("warning") ? c.warning : c.info) += n;
    }
    return out;
}

Result<QList<qint64>> IncidentStore::evidenceOf(const Session& who, qint64 id) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT seq FROM incident_evidence WHERE incident_id = ? ORDER BY seq"), {id});
    if (!rows) return rows.error();
    QList<qint64> out;
    for (const auto& r : *rows) out << r.value(0).toLongLong();
    return out;
}

Result<Incident> IncidentStore::openForHandling(const Session& who, qint64 id, const QString& text, const char* what) {
    if (!who.allows(permission::IncidentHandle)) return denied(who, permission::IncidentHandle).error();
    if (text.trimmed().isEmpty()) return fail(std::string(what) + ": required");
    if (text.size() > kMaxReason) return fail(std::string(what) + ": at most " + std::to_string(kMaxReason) + " characters");
    auto incident = get(who, id);
    if (!incident) return incident.error();
    if (incident->source == QLatin1String("audit") && !who.allows(permission::IncidentHandleSecurity))
        return denied(who, permission::IncidentHandleSecurity).error();
    if (incident->status != QLatin1String("open"))
        return fail("incident " + std::to_string(id) + " is " + incident->status.toStdString() + ", not open", ErrorKind::Conflict);
    return incident;
}

Status IncidentStore::acknowledge(const Session& who, qint64 id, const QString& note) {
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto incident = openForHandling(who, id, note, "note");
    if (!incident) return incident.error();
    const QDateTime at = store_.clock().now();
    if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET acknowledged_at = ?, acknowledged_by = ?, acknowledge_note = ?, updated_at = ?"
                                                 " WHERE id = ?"),
                                  {iso(at), who.username, note.trimmed(), iso(at), id});
        !s)
        return s;
    QJsonObject before{{"status", "open"}};
    if (incident->acknowledgedAt.isValid()) before.insert("acknowledged_by", incident->acknowledgedBy);
    if (auto s = store_.record(who, QStringLiteral("incident.acknowledge"), QStringLiteral("incident"), incident->fingerprint, before,
                               QJsonObject{{"status", "open"}, {"acknowledged_by", who.username}, {"note", note.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

Status IncidentStore::close(const Session& who, qint64 id, const QString& reason) {
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto incident = openForHandling(who, id, reason, "reason");
    if (!incident) return incident.error();
    const QDateTime at = store_.clock().now();
    if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET status = 'closed', resolved_at = ?, updated_at = ?, closed_by = ?,"
                                                 " close_reason = ? WHERE id = ?"),
                                  {iso(at), iso(at), who.username, reason.trimmed(), id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("incident.close"), QStringLiteral("incident"), incident->fingerprint, QJsonObject{{"status", "open"}},
                               QJsonObject{{"status", "closed"}, {"reason", reason.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

}  // namespace vakt
