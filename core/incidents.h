#pragma once
// Incidents in the Store. Monitoring alerts and audit detections open them; the service desk
// adds its own later. Other modules go through this service, never through its tables. One open incident per fingerprint: a condition that keeps
// firing updates it, and it is resolved when the condition clears. Opening and resolving are
// recorded in the trail.
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include "core/store.h"

namespace vakt {

struct Incident {
    qint64 id = 0;
    QString fingerprint, source, title, summary, severity, service, status;
    double value = 0;
    QDateTime openedAt, updatedAt, resolvedAt;
    qint64 evidence = 0;  // events attached as evidence (detections)
};

// The incident a rule's finding opens: an alert of the collector or a detection in the audit
// ledger, anything with fingerprint, rule, summary, severity and service as std::string.
template <typename Finding>
Incident incidentFrom(const Finding& f, const QString& source) {
    Incident i;
    i.fingerprint = QString::fromStdString(f.fingerprint);
    i.source = source;
    i.title = QString::fromStdString(f.rule);
    i.summary = QString::fromStdString(f.summary);
    i.severity = QString::fromStdString(f.severity);
    i.service = QString::fromStdString(f.service);
    return i;
}

class IncidentStore {
public:
    explicit IncidentStore(Store& store) : store_(store) {}

    // Opens an incident, or updates the open one with the same fingerprint; gives its id. Joins
    // the caller's transaction when there is one, so an incident commits with what raised it.
    Result<qint64> raise(const Session& who, const Incident& incident, const QDateTime& at);
    // Attaches an audit-ledger event (its leaf index) to an incident as evidence; once per event.
    Status attachEvidence(const Session& who, qint64 incidentId, qint64 ledgerSeq);
    // Resolves the open incidents of `source` whose fingerprint is not in `active`.
    Status resolveExcept(const Session& who, const QString& source, const QSet<QString>& active, const QDateTime& at);
    // Open incidents, newest first; `source` (monitoring, audit, …) and `service` narrow them.
    Result<QList<Incident>> open(const Session& who, const QString& source = {}, const QString& service = {});

private:
    Store& store_;
};

}  // namespace vakt
