#include "core/incidents.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlRecord>
#include <QUuid>
#include <mutex>

#include "core/base/norway.h"
#include "core/catalog_service.h"
#include "core/field_checks.h"
#include "core/stored_time.h"

namespace vakt {

namespace {
using stored::iso;
using stored::fromIso;
using stored::isoOrNull;

std::mutex policyMutex;
IncidentPolicy& policy() {
    static IncidentPolicy p;
    return p;
}

struct Routing {
    QString queue, assignee;
    QDateTime respondBy, resolveBy;
};

// Where a case goes and when it is due: P1 to whoever holds the on-call duty, unless someone
// already has it.
Result<Routing> route(Store& store, const QString& kind, const QString& priority, const QDateTime& openedAt, const QString& assignee) {
    IncidentPolicy p;
    {
        std::lock_guard lock(policyMutex);
        p = policy();
    }
    Routing r{IncidentQueue::of(kind, priority), assignee, {}, {}};
    if (p.deadlines) {
        auto due = p.deadlines(store, priority, openedAt);
        if (!due) return due.error();
        r.respondBy = due->first;
        r.resolveBy = due->second;
    }
    if (priority == QLatin1String("P1") && r.assignee.isEmpty() && p.onCall) {
        auto duty = p.onCall(store, openedAt);
        if (!duty) return duty.error();
        r.assignee = *duty;
    }
    return r;
}
}  // namespace

void setIncidentPolicy(IncidentPolicy p) {
    std::lock_guard lock(policyMutex);
    policy() = std::move(p);
}

namespace IncidentKind {
QStringList all() { return {Question, Fault, Deviation, Security, Breach}; }
bool isSecurity(const QString& kind) { return kind == Security || kind == Breach; }
}  // namespace IncidentKind

namespace IncidentState {
QStringList all() { return {New, Acknowledged, InProgress, Waiting, Resolved, Closed}; }
QString statusOf(const QString& state) {
    if (state == Closed) return QStringLiteral("closed");
    if (state == Resolved) return QStringLiteral("resolved");
    return QStringLiteral("open");
}
bool mayMove(const QString& from, const QString& to) {
    if (from == to || from == Closed || to == New) return false;
    if (from == Resolved) return to == Closed || to == InProgress;
    if (from == New) return to != Waiting;  // someone takes it before it can wait on anyone
    return true;
}
}  // namespace IncidentState

namespace WaitingOn {
QStringList all() { return {Reporter, Hosting, Vendor}; }
}  // namespace WaitingOn

namespace IncidentQueue {
QStringList all() { return {Desk, Security, OnCall}; }
QString of(const QString& kind, const QString& priority) {
    if (IncidentKind::isSecurity(kind)) return Security;
    if (priority == QLatin1String("P1")) return OnCall;
    return Desk;
}
}  // namespace IncidentQueue

QStringList incidentPriorities() { return {QStringLiteral("P1"), QStringLiteral("P2"), QStringLiteral("P3"), QStringLiteral("P4")}; }

namespace IncidentLink {
QStringList all() { return {Service, Change, Organisation}; }
}  // namespace IncidentLink

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
    // An alert is an operational deviation, a detection a security incident; severity gives the
    // priority until a person sets it.
    const QString kind = i.source == QLatin1String("audit") ? IncidentKind::Security : IncidentKind::Deviation;
    const QString priority = i.severity == QLatin1String("critical") ? QStringLiteral("P2")
                             : i.severity == QLatin1String("warning") ? QStringLiteral("P3")
                                                                      : QStringLiteral("P4");
    auto routed = route(store_, kind, priority, at, {});
    if (!routed) return routed.error();
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO incidents (fingerprint, source, title, summary, summary_en, severity, service_key, status, value,"
                       " opened_at, updated_at, kind, priority, state, queue, assignee, known_at, respond_by, resolve_by)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?) RETURNING id"),
        {i.fingerprint, i.source, i.title, i.summary, i.summaryEn, i.severity, i.service, i.value, iso(at), iso(at), kind, priority,
         routed->queue, routed->assignee, iso(at), isoOrNull(routed->respondBy), isoOrNull(routed->resolveBy)});
    if (!id) return id.error();
    if (!i.service.isEmpty()) {
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO incident_links (incident_id, kind, target) VALUES (?, 'service', ?)"), {*id, i.service}); !s)
            return s.error();
    }
    if (auto s = appendTimeline(*id, who, at, QStringLiteral("opened"), i.summary); !s) return s.error();
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
        if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET status = 'resolved', state = 'resolved', resolved_at = ?, updated_at = ?"
                                                     " WHERE id = ?"),
                                      {iso(at), iso(at), r.value(0)});
            !s)
            return s;
        if (auto s = appendTimeline(r.value(0).toLongLong(), who, at, QStringLiteral("cleared"), {}); !s) return s;
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
    " acknowledged_at, acknowledged_by, acknowledge_note, closed_by, close_reason, summary_en,"
    " kind, priority, state, waiting_on, queue, assignee, reporter_orgnr, reporter, description, external_ref, known_at, respond_by,"
    " resolve_by, responded_at, authority_notified_at, authority_ref FROM incidents");

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
    i.kind = r.value(19).toString();
    i.priority = r.value(20).toString();
    i.state = r.value(21).toString();
    i.waitingOn = r.value(22).toString();
    i.queue = r.value(23).toString();
    i.assignee = r.value(24).toString();
    i.reporterOrgnr = r.value(25).toString();
    i.reporter = r.value(26).toString();
    i.description = r.value(27).toString();
    i.externalRef = r.value(28).toString();
    i.knownAt = fromIso(r.value(29));
    i.respondBy = fromIso(r.value(30));
    i.resolveBy = fromIso(r.value(31));
    i.respondedAt = fromIso(r.value(32));
    i.authorityNotifiedAt = fromIso(r.value(33));
    i.authorityRef = r.value(34).toString();
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
    if (auto may = mayChange(who, *incident); !may) return may.error();
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
    if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET acknowledged_at = ?, acknowledged_by = ?, acknowledge_note = ?, updated_at = ?,"
                                                 " state = CASE WHEN state = 'new' THEN 'acknowledged' ELSE state END,"
                                                 " responded_at = COALESCE(responded_at, ?) WHERE id = ?"),
                                  {iso(at), who.username, note.trimmed(), iso(at), iso(at), id});
        !s)
        return s;
    if (auto s = appendTimeline(id, who, at, QStringLiteral("acknowledged"), note.trimmed()); !s) return s;
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
    if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET status = 'closed', state = 'closed', resolved_at = ?, updated_at = ?,"
                                                 " closed_by = ?, close_reason = ? WHERE id = ?"),
                                  {iso(at), iso(at), who.username, reason.trimmed(), id});
        !s)
        return s;
    if (auto s = appendTimeline(id, who, at, QStringLiteral("closed"), reason.trimmed()); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("incident.close"), QStringLiteral("incident"), incident->fingerprint, QJsonObject{{"status", "open"}},
                               QJsonObject{{"status", "closed"}, {"reason", reason.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

namespace {
constexpr qsizetype kMaxTitle = 300;
constexpr qsizetype kMaxDescription = 20000;
constexpr qsizetype kMaxName = 200;

QString caseFingerprint(const NewCase& c) {
    // External cases keep their reference, so an import run twice finds them.
    return c.externalRef.isEmpty() ? QStringLiteral("desk:") + QUuid::createUuid().toString(QUuid::WithoutBraces) : c.externalRef;
}

QJsonObject caseJson(const Incident& i) {
    return QJsonObject{{"kind", i.kind},         {"priority", i.priority}, {"state", i.state},       {"waiting_on", i.waitingOn},
                       {"queue", i.queue},       {"assignee", i.assignee}, {"title", i.title},       {"reporter_orgnr", i.reporterOrgnr},
                       {"status", i.status}};
}
}  // namespace

Status IncidentStore::mayChange(const Session& who, const Incident& incident) {
    if (!who.allows(permission::IncidentHandle)) return denied(who, permission::IncidentHandle);
    if ((IncidentKind::isSecurity(incident.kind) || incident.source == QLatin1String("audit")) && !who.allows(permission::IncidentHandleSecurity))
        return denied(who, permission::IncidentHandleSecurity);
    return {};
}

Status IncidentStore::appendTimeline(qint64 id, const Session& who, const QDateTime& at, const QString& action, const QString& text) {
    return store_.db().exec(QStringLiteral("INSERT INTO incident_timeline (incident_id, at, actor, action, text) VALUES (?, ?, ?, ?, ?)"),
                            {id, iso(at), who.username, action, text});
}

Result<qint64> IncidentStore::createCase(const Session& who, const NewCase& c) {
    if (!who.allows(permission::IncidentWrite)) return denied(who, permission::IncidentWrite).error();
    if (auto s = checkCode(c.kind, IncidentKind::all(), "kind"); !s) return s.error();
    if (auto s = checkCode(c.priority, incidentPriorities(), "priority"); !s) return s.error();
    const QString title = c.title.simplified();
    if (title.isEmpty()) return fail("field 'title': required");
    for (auto [text, max, field] : {std::tuple{&title, kMaxTitle, "title"}, {&c.description, kMaxDescription, "description"},
                                    {&c.reporter, kMaxName, "reporter"}, {&c.externalRef, kMaxName, "external_ref"}})
        if (auto s = checkLength(*text, max, field); !s) return s.error();
    CatalogService catalog(store_);
    for (const auto& key : c.services) {
        auto entry = catalog.get(who, key);
        if (!entry) return entry.error();
        if (!*entry) return fail("field 'services': '" + key.left(80).toStdString() + "' is not in the catalogue", ErrorKind::NotFound);
    }
    if (!c.reporterOrgnr.isEmpty()) {
        if (!norway::isValidOrgnr(c.reporterOrgnr.toStdString()))
            return fail("field 'reporter_orgnr': '" + c.reporterOrgnr.left(20).toStdString() + "' is not an organisation number");
        auto known = store_.db().query(QStringLiteral("SELECT 1 FROM organisations WHERE orgnr = ?"), {c.reporterOrgnr});
        if (!known) return known.error();
        if (known->empty()) return fail("field 'reporter_orgnr': " + c.reporterOrgnr.toStdString() + " is not a known organisation", ErrorKind::NotFound);
    }
    const QDateTime now = store_.clock().now();
    const QDateTime openedAt = c.openedAt.isValid() ? c.openedAt : now;
    if (openedAt > now.addSecs(300)) return fail("field 'opened_at': " + iso(openedAt).toStdString() + " is in the future");
    const QDateTime knownAt = c.knownAt.isValid() ? c.knownAt : openedAt;
    if (auto s = checkCode(c.state, IncidentState::all(), "state"); !s) return s.error();
    if ((c.state == IncidentState::Waiting) != !c.waitingOn.isEmpty())
        return fail("field 'waiting_on': a waiting case says whom it waits on (" + WaitingOn::all().join(QStringLiteral(", ")).toStdString() + "), no other does");
    if (!c.waitingOn.isEmpty())
        if (auto s = checkCode(c.waitingOn, WaitingOn::all(), "waiting_on"); !s) return s.error();
    // A security incident or breach reaches the security officer as new: nobody else decides it is
    // handled (an import of closed ones is the officer's to run).
    if (IncidentKind::isSecurity(c.kind) && c.state != IncidentState::New && !who.allows(permission::IncidentHandleSecurity))
        return fail("field 'state': a security incident or breach arrives new for the security officer; " + who.username.toStdString() +
                        " may not record one as " + c.state.toStdString(),
                    ErrorKind::Denied);
    if (auto s = checkLength(c.note, kMaxReason, "note"); !s) return s.error();
    if (!c.assignee.isEmpty()) {
        auto user = store_.db().query(QStringLiteral("SELECT 1 FROM users WHERE username = ?"), {c.assignee});
        if (!user) return user.error();
        if (user->empty()) return fail("field 'assignee': '" + c.assignee.left(80).toStdString() + "' is not a user", ErrorKind::NotFound);
    }
    const QString status = IncidentState::statusOf(c.state);
    const QDateTime resolvedAt = status == QLatin1String("open") ? QDateTime() : c.resolvedAt.isValid() ? c.resolvedAt : openedAt;
    if (resolvedAt.isValid() && resolvedAt < openedAt) return fail("field 'resolved_at': before the case was opened");
    if (knownAt > now.addSecs(300)) return fail("field 'known_at': " + iso(knownAt).toStdString() + " is in the future");

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    if (!c.externalRef.isEmpty()) {
        auto exists = store_.db().query(QStringLiteral("SELECT id FROM incidents WHERE external_ref = ?"), {c.externalRef});
        if (!exists) return exists.error();
        if (!exists->empty())
            return fail("field 'external_ref': " + c.externalRef.toStdString() + " is already case " + exists->front().value(0).toString().toStdString(),
                        ErrorKind::Conflict);
    }
    auto routed = route(store_, c.kind, c.priority, openedAt, c.assignee);
    if (!routed) return routed.error();
    const QString fingerprint = caseFingerprint(c);
    const QString service = c.services.isEmpty() ? QString() : c.services.front();
    // A case the desk records is open until someone resolves it; severity follows the priority
    // so the overview counts it with alerts of the same weight.
    const QString severity = c.priority == QLatin1String("P1") || c.priority == QLatin1String("P2") ? QStringLiteral("critical")
                             : c.priority == QLatin1String("P3")                                  ? QStringLiteral("warning")
                                                                                                  : QStringLiteral("info");
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO incidents (fingerprint, source, title, summary, severity, service_key, status, opened_at, updated_at, kind,"
                       " priority, state, waiting_on, resolved_at, closed_by, close_reason, queue, assignee, reporter_orgnr, reporter, description,"
                       " external_ref, known_at, respond_by, resolve_by)"
                       " VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {fingerprint, c.source, title, severity, service, status, iso(openedAt), iso(now), c.kind, c.priority, c.state, c.waitingOn, isoOrNull(resolvedAt),
         c.state == IncidentState::Closed ? QVariant(who.username) : QVariant(),
         c.state == IncidentState::Closed ? QVariant(c.note) : QVariant(), routed->queue, routed->assignee,
         c.reporterOrgnr, c.reporter.simplified(), c.description, c.externalRef.isEmpty() ? QVariant() : QVariant(c.externalRef),
         iso(knownAt), isoOrNull(routed->respondBy), isoOrNull(routed->resolveBy)});
    if (!id) return id.error();
    // An imported case someone already worked on has been responded to; when is not known, so
    // it counts from its arrival here.
    if (c.state != IncidentState::New)
        if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET responded_at = ? WHERE id = ?"), {iso(now), *id}); !s) return s.error();
    for (const auto& key : c.services)
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO incident_links (incident_id, kind, target) VALUES (?, 'service', ?) ON CONFLICT DO NOTHING"),
                                      {*id, key});
            !s)
            return s.error();
    if (!c.reporterOrgnr.isEmpty())
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO incident_links (incident_id, kind, target) VALUES (?, 'organisation', ?)"),
                                      {*id, c.reporterOrgnr});
            !s)
            return s.error();
    if (auto s = appendTimeline(*id, who, now, QStringLiteral("created"), c.note.isEmpty() ? c.externalRef : c.note); !s) return s.error();
    if (!routed->assignee.isEmpty() && c.assignee.isEmpty())
        if (auto s = appendTimeline(*id, who, now, QStringLiteral("on_call"), routed->assignee); !s) return s.error();
    Incident created;
    created.kind = c.kind, created.priority = c.priority, created.state = c.state, created.waitingOn = c.waitingOn, created.queue = routed->queue;
    created.assignee = routed->assignee, created.title = title, created.reporterOrgnr = c.reporterOrgnr, created.status = status;
    QJsonObject after = caseJson(created);
    after.insert("services", QJsonArray::fromStringList(c.services));
    if (!c.externalRef.isEmpty()) after.insert("external_ref", c.externalRef);
    if (auto s = store_.record(who, QStringLiteral("incident.create"), QStringLiteral("incident"), fingerprint, {}, after); !s) return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return *id;
}

Status IncidentStore::update(const Session& who, qint64 id, const CaseUpdate& u) {
    if (!who.allows(permission::IncidentHandle)) return denied(who, permission::IncidentHandle);
    if (auto s = checkLength(u.note, kMaxReason, "note"); !s) return s;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto current = get(who, id);
    if (!current) return current.error();
    if (auto may = mayChange(who, *current); !may) return may;
    if (current->state == IncidentState::Closed) return fail("incident " + std::to_string(id) + " is closed", ErrorKind::Conflict);
    Incident next = *current;
    const QString note = u.note.trimmed();
    const QDateTime now = store_.clock().now();
    QStringList actions;

    if (u.kind && *u.kind != current->kind) {
        if (auto s = checkCode(*u.kind, IncidentKind::all(), "kind"); !s) return s;
        next.kind = *u.kind;
        actions << QStringLiteral("kind");
    }
    if (u.priority && *u.priority != current->priority) {
        if (auto s = checkCode(*u.priority, incidentPriorities(), "priority"); !s) return s;
        if (note.isEmpty()) return fail("field 'note': a priority change needs a reason");
        next.priority = *u.priority;
        actions << QStringLiteral("priority");
    }
    if (u.title) {
        next.title = u.title->simplified();
        if (next.title.isEmpty()) return fail("field 'title': required");
        if (auto s = checkLength(next.title, kMaxTitle, "title"); !s) return s;
        if (next.title != current->title) actions << QStringLiteral("title");
    }
    if (u.description && *u.description != current->description) {
        if (auto s = checkLength(*u.description, kMaxDescription, "description"); !s) return s;
        next.description = *u.description;
        actions << QStringLiteral("description");
    }
    if (u.assignee && *u.assignee != current->assignee) {
        if (!u.assignee->isEmpty()) {
            auto user = store_.db().query(QStringLiteral("SELECT 1 FROM users WHERE username = ?"), {*u.assignee});
            if (!user) return user.error();
            if (user->empty()) return fail("field 'assignee': '" + u.assignee->left(80).toStdString() + "' is not a user", ErrorKind::NotFound);
        }
        next.assignee = *u.assignee;
        actions << QStringLiteral("assigned");
    }
    if (u.reporterOrgnr && *u.reporterOrgnr != current->reporterOrgnr) {
        if (!u.reporterOrgnr->isEmpty() && !norway::isValidOrgnr(u.reporterOrgnr->toStdString()))
            return fail("field 'reporter_orgnr': '" + u.reporterOrgnr->left(20).toStdString() + "' is not an organisation number");
        next.reporterOrgnr = *u.reporterOrgnr;
        actions << QStringLiteral("reporter");
    }
    if (u.state && *u.state != current->state) {
        if (auto s = checkCode(*u.state, IncidentState::all(), "state"); !s) return s;
        if (!IncidentState::mayMove(current->state, *u.state))
            return fail("field 'state': a case that is " + current->state.toStdString() + " cannot become " + u.state->toStdString(), ErrorKind::Conflict);
        if ((*u.state == IncidentState::Resolved || *u.state == IncidentState::Closed) && note.isEmpty())
            return fail("field 'note': say how it was " + std::string(*u.state == IncidentState::Resolved ? "resolved" : "closed"));
        next.state = *u.state;
        actions << QStringLiteral("state");
    }
    if (next.state == IncidentState::Waiting) {
        next.waitingOn = u.waitingOn.value_or(current->state == IncidentState::Waiting ? current->waitingOn : QString());
        if (auto s = checkCode(next.waitingOn, WaitingOn::all(), "waiting_on"); !s) return s;
        if (next.waitingOn != current->waitingOn && !actions.contains(QStringLiteral("state"))) actions << QStringLiteral("waiting_on");
    } else {
        if (u.waitingOn && !u.waitingOn->isEmpty()) return fail("field 'waiting_on': only a waiting case waits on someone");
        next.waitingOn.clear();
    }
    if (actions.isEmpty() && note.isEmpty()) return tx.commit();
    // Escalating hands the case over: whoever may not handle security cases changes its kind
    // (with a note) and nothing else, so an escalation never also closes or reassigns it.
    if (IncidentKind::isSecurity(next.kind) && !who.allows(permission::IncidentHandleSecurity)) {
        for (const auto& a : actions)
            if (a != QLatin1String("kind")) return denied(who, permission::IncidentHandleSecurity);
        next.assignee.clear();
    }

    // Kind and priority decide the queue; a new priority moves the deadlines (counted from when
    // the case was opened) and a new P1 goes to the on-call duty.
    next.queue = IncidentQueue::of(next.kind, next.priority);
    next.status = IncidentState::statusOf(next.state);
    if (next.priority != current->priority || next.queue != current->queue) {
        auto routed = route(store_, next.kind, next.priority, current->openedAt, next.assignee);
        if (!routed) return routed.error();
        next.assignee = routed->assignee;
        if (next.priority != current->priority) next.respondBy = routed->respondBy, next.resolveBy = routed->resolveBy;
    }
    if (next.state != IncidentState::New && !current->respondedAt.isValid()) next.respondedAt = now;
    const bool ends = next.status != QLatin1String("open") && current->status == QLatin1String("open");
    const bool reopens = next.status == QLatin1String("open") && current->status != QLatin1String("open");
    if (reopens) {
        // The open fingerprint is unique: an alert that fired again meanwhile has its own case.
        auto clash = store_.db().query(QStringLiteral("SELECT id FROM incidents WHERE fingerprint = ? AND status = 'open'"), {current->fingerprint});
        if (!clash) return clash.error();
        if (!clash->empty())
            return fail("incident " + std::to_string(id) + ": its condition is open again as incident " + clash->front().value(0).toString().toStdString(),
                        ErrorKind::Conflict);
    }
    if (auto s = store_.db().exec(
            QStringLiteral("UPDATE incidents SET kind = ?, priority = ?, state = ?, status = ?, waiting_on = ?, queue = ?, assignee = ?, title = ?,"
                           " description = ?, reporter_orgnr = ?, respond_by = ?, resolve_by = ?, responded_at = ?, updated_at = ?,"
                           " resolved_at = CASE WHEN ? THEN ? WHEN ? THEN NULL ELSE resolved_at END,"
                           " closed_by = CASE WHEN ? = 'closed' THEN ? ELSE closed_by END,"
                           " close_reason = CASE WHEN ? = 'closed' THEN ? ELSE close_reason END WHERE id = ?"),
            {next.kind, next.priority, next.state, next.status, next.waitingOn, next.queue, next.assignee, next.title, next.description,
             next.reporterOrgnr, isoOrNull(next.respondBy), isoOrNull(next.resolveBy), isoOrNull(next.respondedAt), iso(now), ends, iso(now), reopens,
             next.state, who.username, next.state, note, id});
        !s)
        return s;
    const QString summary = actions.isEmpty() ? QStringLiteral("note") : actions.join(QLatin1Char(','));
    QString detail = note;
    if (actions.contains(QStringLiteral("state")))
        detail = next.state + (next.waitingOn.isEmpty() ? QString() : QLatin1Char(':') + next.waitingOn) + (note.isEmpty() ? QString() : QStringLiteral(" — ") + note);
    if (auto s = appendTimeline(id, who, now, summary, detail); !s) return s;
    if (next.assignee != current->assignee && !u.assignee && !next.assignee.isEmpty())
        if (auto s = appendTimeline(id, who, now, QStringLiteral("on_call"), next.assignee); !s) return s;
    QJsonObject after = caseJson(next);
    if (!note.isEmpty()) after.insert("note", note);
    if (auto s = store_.record(who, QStringLiteral("incident.update"), QStringLiteral("incident"), current->fingerprint, caseJson(*current), after); !s)
        return s;
    return tx.commit();
}

Status IncidentStore::addNote(const Session& who, qint64 id, const QString& text) {
    if (text.trimmed().isEmpty()) return fail("field 'note': required");
    CaseUpdate u;
    u.note = text;
    return update(who, id, u);
}

Status IncidentStore::link(const Session& who, qint64 id, const QString& kind, const QString& target) {
    if (auto s = checkCode(kind, IncidentLink::all(), "link"); !s) return s;
    if (target.trimmed().isEmpty() || target.size() > kMaxName) return fail("field 'target': required, at most 200 characters");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto current = get(who, id);
    if (!current) return current.error();
    if (auto may = mayChange(who, *current); !may) return may;
    if (kind == IncidentLink::Service) {
        auto entry = CatalogService(store_).get(who, target);
        if (!entry) return entry.error();
        if (!*entry) return fail("field 'target': '" + target.left(80).toStdString() + "' is not in the catalogue", ErrorKind::NotFound);
    } else if (kind == IncidentLink::Organisation && !norway::isValidOrgnr(target.toStdString())) {
        return fail("field 'target': '" + target.left(20).toStdString() + "' is not an organisation number");
    }
    auto exists = store_.db().query(QStringLiteral("SELECT 1 FROM incident_links WHERE incident_id = ? AND kind = ? AND target = ?"), {id, kind, target});
    if (!exists) return exists.error();
    if (!exists->empty()) return tx.commit();
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO incident_links (incident_id, kind, target) VALUES (?, ?, ?)"), {id, kind, target}); !s) return s;
    const QDateTime now = store_.clock().now();
    if (auto s = appendTimeline(id, who, now, QStringLiteral("linked"), kind + QLatin1Char(':') + target); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("incident.link"), QStringLiteral("incident"), current->fingerprint, {},
                               QJsonObject{{"kind", kind}, {"target", target}});
        !s)
        return s;
    return tx.commit();
}

Status IncidentStore::unlink(const Session& who, qint64 id, const QString& kind, const QString& target) {
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto current = get(who, id);
    if (!current) return current.error();
    if (auto may = mayChange(who, *current); !may) return may;
    auto exists = store_.db().query(QStringLiteral("SELECT 1 FROM incident_links WHERE incident_id = ? AND kind = ? AND target = ?"), {id, kind, target});
    if (!exists) return exists.error();
    if (exists->empty()) return fail("incident " + std::to_string(id) + " is not linked to " + kind.toStdString() + " " + target.left(80).toStdString(),
                                     ErrorKind::NotFound);
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM incident_links WHERE incident_id = ? AND kind = ? AND target = ?"), {id, kind, target}); !s)
        return s;
    if (auto s = appendTimeline(id, who, store_.clock().now(), QStringLiteral("unlinked"), kind + QLatin1Char(':') + target); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("incident.unlink"), QStringLiteral("incident"), current->fingerprint,
                               QJsonObject{{"kind", kind}, {"target", target}}, {});
        !s)
        return s;
    return tx.commit();
}

Status IncidentStore::recordAuthorityNotification(const Session& who, qint64 id, const QDateTime& at, const QString& reference) {
    if (!who.allows(permission::IncidentHandleSecurity)) return denied(who, permission::IncidentHandleSecurity);
    if (reference.trimmed().isEmpty()) return fail("field 'reference': required (Datatilsynet's case number or the receipt)");
    if (auto s = checkLength(reference, kMaxName, "reference"); !s) return s;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto current = get(who, id);
    if (!current) return current.error();
    if (current->kind != IncidentKind::Breach) return fail("incident " + std::to_string(id) + " is not a personal-data breach", ErrorKind::Conflict);
    const QDateTime now = store_.clock().now();
    const QDateTime when = at.isValid() ? at : now;
    if (when > now.addSecs(300)) return fail("field 'at': " + iso(when).toStdString() + " is in the future");
    if (current->knownAt.isValid() && when < current->knownAt) return fail("field 'at': before the breach became known");
    if (auto s = store_.db().exec(QStringLiteral("UPDATE incidents SET authority_notified_at = ?, authority_ref = ?, updated_at = ? WHERE id = ?"),
                                  {iso(when), reference.trimmed(), iso(now), id});
        !s)
        return s;
    if (auto s = appendTimeline(id, who, now, QStringLiteral("authority_notified"), reference.trimmed()); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("incident.notify_authority"), QStringLiteral("incident"), current->fingerprint,
                               current->authorityNotifiedAt.isValid() ? QJsonObject{{"notified_at", iso(current->authorityNotifiedAt)}} : QJsonObject{},
                               QJsonObject{{"notified_at", iso(when)}, {"reference", reference.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

namespace {
// The WHERE clause of a queue view; every value is bound.
QString whereOf(const IncidentFilter& f, const QDateTime& now, QVariantList& binds) {
    QStringList parts;
    auto anyOf = [&](const char* column, const QStringList& values) {
        if (values.isEmpty()) return;
        QStringList marks;
        for (const auto& v : values) marks << QStringLiteral("?"), binds << v;
        parts << QString::fromLatin1(column) + QStringLiteral(" IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    };
    anyOf("state", f.states);
    anyOf("priority", f.priorities);
    anyOf("kind", f.kinds);
    auto equals = [&](const char* column, const QString& value) {
        if (value.isEmpty()) return;
        parts << QString::fromLatin1(column) + QStringLiteral(" = ?");
        binds << value;
    };
    equals("queue", f.queue);
    equals("assignee", f.assignee);
    equals("source", f.source);
    if (!f.service.isEmpty()) {
        parts << QStringLiteral("id IN (SELECT incident_id FROM incident_links WHERE kind = 'service' AND target = ?)");
        binds << f.service;
    }
    if (f.openOnly) parts << QStringLiteral("status = 'open'");
    if (f.openedFrom.isValid()) {
        parts << QStringLiteral("opened_at >= ?");
        binds << iso(f.openedFrom);
    }
    if (f.overdueOnly) {
        parts << QStringLiteral("status = 'open' AND ((responded_at IS NULL AND respond_by < ?) OR resolve_by < ?)");
        binds << iso(now) << iso(now);
    }
    if (!f.text.trimmed().isEmpty()) {
        QString needle = f.text.trimmed().left(200);
        needle.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
        needle = QLatin1Char('%') + needle.toLower() + QLatin1Char('%');
        parts << QStringLiteral("(lower(title) LIKE ? ESCAPE '\\' OR lower(summary) LIKE ? ESCAPE '\\' OR lower(description) LIKE ? ESCAPE '\\'"
                                " OR lower(COALESCE(external_ref, '')) LIKE ? ESCAPE '\\')");
        binds << needle << needle << needle << needle;
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}
}  // namespace

Result<QList<Incident>> IncidentStore::query(const Session& who, const IncidentFilter& filter, int offset, int limit) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    QVariantList binds;
    // The queue's order: open first, the most urgent priority, the nearest deadline, the oldest.
    QString sql = kSelect + whereOf(filter, store_.clock().now(), binds) +
                  QStringLiteral(" ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, priority, COALESCE(resolve_by, '9999'), opened_at, id"
                                 " LIMIT ? OFFSET ?");
    binds << std::clamp(limit, 1, 10000) << std::max(offset, 0);
    auto rows = store_.db().query(sql, binds);
    if (!rows) return rows.error();
    QList<Incident> out;
    out.reserve(int(rows->size()));
    for (const auto& r : *rows) out << incidentFromRow(r);
    return out;
}

Result<int> IncidentStore::count(const Session& who, const IncidentFilter& filter) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    QVariantList binds;
    auto rows = store_.db().query(QStringLiteral("SELECT count(*) FROM incidents") + whereOf(filter, store_.clock().now(), binds), binds);
    if (!rows) return rows.error();
    return rows->front().value(0).toInt();
}

Result<Incident> IncidentStore::byExternalRef(const Session& who, const QString& ref) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    auto rows = store_.db().query(kSelect + QStringLiteral(" WHERE external_ref = ?"), {ref});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("incident " + ref.left(80).toStdString() + ": no such case", ErrorKind::NotFound);
    return incidentFromRow(rows->front());
}

Result<QList<TimelineEntry>> IncidentStore::timeline(const Session& who, qint64 id) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT at, actor, action, text FROM incident_timeline WHERE incident_id = ? ORDER BY id"), {id});
    if (!rows) return rows.error();
    QList<TimelineEntry> out;
    for (const auto& r : *rows) out << TimelineEntry{fromIso(r.value(0)), r.value(1).toString(), r.value(2).toString(), r.value(3).toString()};
    return out;
}

Result<QList<std::pair<QString, QString>>> IncidentStore::links(const Session& who, qint64 id) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT kind, target FROM incident_links WHERE incident_id = ? ORDER BY kind, target"), {id});
    if (!rows) return rows.error();
    QList<std::pair<QString, QString>> out;
    for (const auto& r : *rows) out.append({r.value(0).toString(), r.value(1).toString()});
    return out;
}

Result<QList<Incident>> IncidentStore::linkedTo(const Session& who, const QString& kind, const QString& target, const QDateTime& since) {
    if (!who.allows(permission::IncidentRead)) return denied(who, permission::IncidentRead).error();
    QString sql = kSelect + QStringLiteral(" WHERE id IN (SELECT incident_id FROM incident_links WHERE kind = ? AND target = ?)");
    QVariantList binds{kind, target};
    if (since.isValid()) {
        sql += QStringLiteral(" AND opened_at >= ?");
        binds << iso(since);
    }
    auto rows = store_.db().query(sql + QStringLiteral(" ORDER BY opened_at DESC, id DESC LIMIT 1000"), binds);
    if (!rows) return rows.error();
    QList<Incident> out;
    for (const auto& r : *rows) out << incidentFromRow(r);
    return out;
}

}  // namespace vakt
