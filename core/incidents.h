#pragma once
// Incidents in the Store. Monitoring alerts and audit detections open them; the service desk
// adds its own later. Other modules go through this service, never through its tables. One open incident per fingerprint: a condition that keeps
// firing updates it, and it is resolved when the condition clears. Opening and resolving are
// recorded in the trail.
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include "core/store.h"

namespace vakt {

struct Incident {
    qint64 id = 0;
    QString fingerprint, source, title, summary, severity, service;
    QString summaryEn;  // the summary in English, for people who use Vakt in English (may be empty)
    QString status;  // open, resolved (the condition cleared), closed (by a person, with a reason)
    double value = 0;
    QDateTime openedAt, updatedAt, resolvedAt;
    qint64 evidence = 0;  // events attached as evidence (detections)
    // Someone has taken it: it stays open, and still updates while its condition holds.
    QDateTime acknowledgedAt;
    QString acknowledgedBy, acknowledgeNote;
    QString closedBy, closeReason;
};

// Open incidents of one source, by severity.
struct SeverityCounts {
    int critical = 0, warning = 0, info = 0;
    int total() const { return critical + warning + info; }
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
    i.summaryEn = QString::fromStdString(f.summaryEn);
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
    Result<Incident> get(const Session& who, qint64 id);
    // Open incidents per source ("monitoring", "audit", …), counted by severity.
    Result<QMap<QString, SeverityCounts>> openCounts(const Session& who);
    // The ledger events (leaf indexes) attached to an incident, in order.
    Result<QList<qint64>> evidenceOf(const Session& who, qint64 id);

    // A person takes an open incident (incident.handle): it stays open, and the note says what
    // is being done. Closing ends it with a reason. Detections from the audit ledger concern
    // people's data, so only a role with incident.handle_security may handle those. Both are
    // recorded in the trail; a reason is required, and only an open incident can be handled.
    Status acknowledge(const Session& who, qint64 id, const QString& note);
    Status close(const Session& who, qint64 id, const QString& reason);

private:
    Result<Incident> openForHandling(const Session& who, qint64 id, const QString& text, const char* what);
    Store& store_;
};

}  // namespace vakt
