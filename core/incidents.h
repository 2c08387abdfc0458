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
#include <QStringList>
#include <functional>
#include <optional>

#include "core/store.h"

namespace vakt {

// What a case is, where it stands and who waits: stable English codes in the database.
namespace IncidentKind {
inline const QString Question = QStringLiteral("question");
inline const QString Fault = QStringLiteral("fault");          // feilmelding
inline const QString Deviation = QStringLiteral("deviation");  // driftsavvik
inline const QString Security = QStringLiteral("security");    // sikkerhetshendelse
inline const QString Breach = QStringLiteral("breach");        // brudd på personopplysningssikkerheten
QStringList all();
// Security incidents and breaches belong to the security officer.
bool isSecurity(const QString& kind);
}  // namespace IncidentKind

namespace IncidentState {
inline const QString New = QStringLiteral("new");
inline const QString Acknowledged = QStringLiteral("acknowledged");
inline const QString InProgress = QStringLiteral("in_progress");
inline const QString Waiting = QStringLiteral("waiting");
inline const QString Resolved = QStringLiteral("resolved");
inline const QString Closed = QStringLiteral("closed");
QStringList all();
// The coarse status alerts and detections use: open until resolved or closed.
QString statusOf(const QString& state);
// new → acknowledged → in progress ⇄ waiting → resolved → closed; resolved may be reopened.
bool mayMove(const QString& from, const QString& to);
}  // namespace IncidentState

namespace WaitingOn {
inline const QString Reporter = QStringLiteral("reporter");
inline const QString Hosting = QStringLiteral("hosting");
inline const QString Vendor = QStringLiteral("vendor");
QStringList all();
}  // namespace WaitingOn

namespace IncidentQueue {
inline const QString Desk = QStringLiteral("desk");          // brukerstøtte
inline const QString Security = QStringLiteral("security");  // sikkerhetsansvarlig
inline const QString OnCall = QStringLiteral("oncall");      // beredskapsvakt
QStringList all();
// Security kinds go to the security officer, P1 to the on-call duty, the rest to the desk.
QString of(const QString& kind, const QString& priority);
}  // namespace IncidentQueue

QStringList incidentPriorities();  // P1 … P4

// What links a case to the rest of Vakt.
namespace IncidentLink {
inline const QString Service = QStringLiteral("service");
inline const QString Change = QStringLiteral("change");
inline const QString Organisation = QStringLiteral("organisation");
QStringList all();
}  // namespace IncidentLink

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
    // The service desk's case.
    QString kind = IncidentKind::Deviation, priority = QStringLiteral("P3"), state = IncidentState::New;
    QString waitingOn, queue = IncidentQueue::Desk, assignee;
    QString reporterOrgnr, reporter, description, externalRef;
    QDateTime knownAt;              // when it became known (a breach's 72 hours count from here)
    QDateTime respondBy, resolveBy; // from the service targets, when the desk's policy gives them
    QDateTime respondedAt;          // first taken out of "new"
    QDateTime authorityNotifiedAt;  // Datatilsynet notified (breaches)
    QString authorityRef;
};

// A case the service desk records by hand or imports.
struct NewCase {
    QString kind = IncidentKind::Question, priority = QStringLiteral("P3");
    QString title, description;
    QStringList services;  // catalogue keys; the first is the case's service
    QString reporterOrgnr, reporter;
    QString assignee;
    QDateTime openedAt;  // now when unset; imports keep the original time
    QDateTime knownAt;   // openedAt when unset
    QString externalRef; // e.g. "freshdesk:4711"; a case is imported once
    QString source = QStringLiteral("desk");
    // An imported case arrives where it stands in the old tool.
    QString state = IncidentState::New, waitingOn;
    QDateTime resolvedAt;
    QString note;  // what the timeline says of its arrival
};

// A change to a case; unset fields stay as they are. `note` goes to the timeline and is the
// reason a close, a resolution or a priority change requires.
struct CaseUpdate {
    std::optional<QString> state, waitingOn, priority, kind, assignee, title, description, reporterOrgnr;
    QString note;
};

struct TimelineEntry {
    QDateTime at;
    QString actor, action, text;
};

// Which cases a queue view shows.
struct IncidentFilter {
    QStringList states, priorities, kinds;
    QString queue, assignee, service, source;
    QString text;          // in title, summary, description or external ref
    bool openOnly = false; // not resolved or closed
    bool overdueOnly = false;
    QDateTime openedFrom;  // opened at or after
};

// Set by the service-desk module: the deadlines of a case of a priority opened at a time (from
// its calendar and targets), and who holds the on-call duty at a time. Without it cases have no
// deadlines and P1 cases wait in the on-call queue unassigned.
struct IncidentPolicy {
    std::function<Result<std::pair<QDateTime, QDateTime>>(Store&, const QString& priority, const QDateTime& openedAt)> deadlines;
    std::function<Result<QString>(Store&, const QDateTime& at)> onCall;
};
void setIncidentPolicy(IncidentPolicy policy);

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

    // The service desk's case work. Creating needs incident.write; changing a case needs
    // incident.handle, and a security incident or breach (or an audit detection) also
    // incident.handle_security: the desk escalates one to the security officer, who works it.
    Result<qint64> createCase(const Session& who, const NewCase& c);
    Status update(const Session& who, qint64 id, const CaseUpdate& change);
    Status addNote(const Session& who, qint64 id, const QString& text);
    Status link(const Session& who, qint64 id, const QString& kind, const QString& target);
    Status unlink(const Session& who, qint64 id, const QString& kind, const QString& target);
    // Datatilsynet was notified of a breach (reference: their case number or the form's receipt).
    Status recordAuthorityNotification(const Session& who, qint64 id, const QDateTime& at, const QString& reference);

    Result<QList<Incident>> query(const Session& who, const IncidentFilter& filter, int offset = 0, int limit = 500);
    Result<int> count(const Session& who, const IncidentFilter& filter);
    Result<Incident> byExternalRef(const Session& who, const QString& ref);
    Result<QList<TimelineEntry>> timeline(const Session& who, qint64 id);
    Result<QList<std::pair<QString, QString>>> links(const Session& who, qint64 id);  // (kind, target)
    // Cases linked to a target (for example the incidents on a service), newest first.
    Result<QList<Incident>> linkedTo(const Session& who, const QString& kind, const QString& target, const QDateTime& since = {});

private:
    Status mayChange(const Session& who, const Incident& incident);
    Status appendTimeline(qint64 id, const Session& who, const QDateTime& at, const QString& action, const QString& text);
    Result<Incident> openForHandling(const Session& who, qint64 id, const QString& text, const char* what);
    Store& store_;
};

}  // namespace vakt
