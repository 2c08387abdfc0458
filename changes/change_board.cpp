// Change requests, decisions, the calendar with its freezes and conflicts, and standing items.
#include "changes/change_board.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlRecord>
#include <algorithm>

#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/field_checks.h"
#include "core/incidents.h"
#include "core/stored_time.h"
#include "riskmodel/register.h"

namespace vakt::changes {

namespace {
using stored::iso;
using stored::isoOrNull;
using stored::fromIso;

constexpr qsizetype kMaxTitle = 300, kMaxText = 20000, kMaxNote = 2000;
constexpr qint64 kMaxWindowSecs = 30LL * 24 * 3600;  // a change window longer than a month is a project, not a change
const QString kStride = QStringLiteral("STRIDE");

const QString kSelect = QStringLiteral(
    "SELECT id, ref, title, description, origin, category, template_key, state, window_start, window_end, rollback_plan, freeze_reason,"
    " assessed, stride, likelihood, consequence, security_relevant, assessment_note, requested_by, created_at, updated_at, decided_by,"
    " decided_at, decision_note, conditions, security_approved_by, implemented_at, outcome, review_note, reviewed_at, review_tasks"
    " FROM change_requests");

ChangeRequest fromRow(const QSqlRecord& r) {
    ChangeRequest c;
    c.id = r.value(0).toLongLong();
    c.ref = r.value(1).toString();
    c.title = r.value(2).toString();
    c.description = r.value(3).toString();
    c.origin = r.value(4).toString();
    c.category = r.value(5).toString();
    c.templateKey = r.value(6).toString();
    c.state = r.value(7).toString();
    c.windowStart = fromIso(r.value(8));
    c.windowEnd = fromIso(r.value(9));
    c.rollbackPlan = r.value(10).toString();
    c.freezeReason = r.value(11).toString();
    c.assessed = r.value(12).toInt() != 0;
    c.assessment.stride = r.value(13).toString();
    c.assessment.likelihood = r.value(14).toInt();
    c.assessment.consequence = r.value(15).toInt();
    c.assessment.securityRelevant = r.value(16).toInt() != 0;
    c.assessment.note = r.value(17).toString();
    c.requestedBy = r.value(18).toString();
    c.createdAt = fromIso(r.value(19));
    c.updatedAt = fromIso(r.value(20));
    c.decidedBy = r.value(21).toString();
    c.decidedAt = fromIso(r.value(22));
    c.decisionNote = r.value(23).toString();
    c.conditions = r.value(24).toString();
    c.securityApprovedBy = r.value(25).toString();
    c.implementedAt = fromIso(r.value(26));
    c.outcome = r.value(27).toString();
    c.reviewNote = r.value(28).toString();
    c.reviewedAt = fromIso(r.value(29));
    c.reviewTasks = r.value(30).toInt();
    return c;
}

QJsonObject stateJson(const ChangeRequest& c) {
    return QJsonObject{{"state", c.state}, {"window_start", c.windowStart.isValid() ? iso(c.windowStart) : QString()},
                       {"window_end", c.windowEnd.isValid() ? iso(c.windowEnd) : QString()}};
}

QString conflictKind(Conflict::Kind k) {
    switch (k) {
        case Conflict::Kind::SameTarget: return QStringLiteral("same_target");
        case Conflict::Kind::DependentTargets: return QStringLiteral("dependent_targets");
        case Conflict::Kind::InFreeze: return QStringLiteral("in_freeze");
        case Conflict::Kind::EmergencyInFreeze: return QStringLiteral("emergency_in_freeze");
        case Conflict::Kind::TooManyInDay: return QStringLiteral("too_many_in_day");
    }
    return {};
}
}  // namespace

Result<ChangeRequest> ChangeBoard::get(const Session& who, const QString& ref) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(kSelect + QStringLiteral(" WHERE ref = ?"), {ref});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("change " + ref.left(40).toStdString() + ": no such change", ErrorKind::NotFound);
    ChangeRequest c = fromRow(rows->front());
    auto targets = store_.db().query(QStringLiteral("SELECT target FROM change_targets WHERE change_id = ? ORDER BY target"), {c.id});
    if (!targets) return targets.error();
    for (const auto& r : *targets) c.targets << r.value(0).toString();
    auto caused = store_.db().query(QStringLiteral("SELECT incident_id FROM change_incidents WHERE change_id = ? ORDER BY incident_id"), {c.id});
    if (!caused) return caused.error();
    for (const auto& r : *caused) c.causedIncidents << r.value(0).toLongLong();
    return c;
}

Result<QList<ChangeRequest>> ChangeBoard::list(const Session& who, const ChangeFilter& f) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    QStringList where;
    QVariantList binds;
    if (!f.states.isEmpty()) {
        QStringList marks;
        for (const auto& s : f.states) marks << QStringLiteral("?"), binds << s;
        where << QStringLiteral("state IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (!f.target.isEmpty()) {
        where << QStringLiteral("id IN (SELECT change_id FROM change_targets WHERE target = ?)");
        binds << f.target;
    }
    if (f.from.isValid()) {
        where << QStringLiteral("window_end > ?");
        binds << iso(f.from);
    }
    if (f.until.isValid()) {
        where << QStringLiteral("window_start < ?");
        binds << iso(f.until);
    }
    const QString sql = kSelect + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))) +
                        QStringLiteral(" ORDER BY COALESCE(window_start, created_at), id LIMIT 20000");
    auto rows = store_.db().query(sql, binds);
    if (!rows) return rows.error();
    QList<ChangeRequest> out;
    QHash<qint64, int> at;
    for (const auto& r : *rows) {
        at.insert(r.value(0).toLongLong(), int(out.size()));
        out << fromRow(r);
    }
    // Targets in one query, not one per change.
    auto targets = store_.db().query(QStringLiteral("SELECT change_id, target FROM change_targets ORDER BY target"));
    if (!targets) return targets.error();
    for (const auto& r : *targets)
        if (auto it = at.find(r.value(0).toLongLong()); it != at.end()) out[*it].targets << r.value(1).toString();
    return out;
}

Result<QString> ChangeBoard::add(const Session& who, const NewChange& n) {
    if (!who.allows(permission::ChangeRequest)) return denied(who, permission::ChangeRequest).error();
    const QString title = n.title.simplified();
    if (title.isEmpty()) return fail("field 'title': required");
    for (auto [text, max, field] : {std::tuple{&title, kMaxTitle, "title"}, {&n.description, kMaxText, "description"},
                                    {&n.rollbackPlan, kMaxText, "rollback_plan"}, {&n.freezeReason, kMaxNote, "freeze_reason"}})
        if (auto s = checkLength(*text, max, field); !s) return s.error();
    if (auto s = checkCode(n.origin, ChangeOrigin::all(), "origin"); !s) return s.error();
    if (auto s = checkCode(n.category, ChangeCategory::all(), "category"); !s) return s.error();
    NewChange c = n;
    std::optional<StandardTemplate> from;
    if (c.category == ChangeCategory::Standard) {
        auto all = templates(who);
        if (!all) return all.error();
        for (const auto& t : *all)
            if (t.key == c.templateKey) from = t;
        if (!from) return fail("field 'template': a standard change comes from a pre-approved template; '" + c.templateKey.left(40).toStdString() + "' is none");
        // Pre-approved means this template on what it names: a standard change touches nothing else.
        if (c.targets.isEmpty()) c.targets = from->targets;
        for (const auto& t : c.targets)
            if (!from->targets.contains(t))
                return fail("field 'targets': the template '" + from->key.toStdString() + "' is approved for " + from->targets.join(QStringLiteral(", ")).toStdString() +
                            ", not " + t.left(80).toStdString() + "; propose a normal change");
        if (c.rollbackPlan.isEmpty()) c.rollbackPlan = from->rollbackPlan;
        if (c.description.isEmpty()) c.description = from->description;
    } else if (!c.templateKey.isEmpty()) {
        return fail("field 'template': only a standard change has one");
    }
    if (c.targets.isEmpty()) return fail("field 'targets': name the services or components the change touches");
    if (c.targets.size() > 50) return fail("field 'targets': at most 50");
    CatalogService catalog(store_);
    for (const auto& key : c.targets) {
        auto entry = catalog.get(who, key);
        if (!entry) return entry.error();
        if (!*entry) return fail("field 'targets': '" + key.left(80).toStdString() + "' is not in the catalogue", ErrorKind::NotFound);
    }
    if (c.windowStart.isValid() != c.windowEnd.isValid()) return fail("field 'window': give both start and end, or neither");
    if (c.windowStart.isValid()) {
        if (c.windowEnd <= c.windowStart) return fail("field 'window': ends " + iso(c.windowEnd).toStdString() + " before it starts " + iso(c.windowStart).toStdString());
        if (c.windowStart.secsTo(c.windowEnd) > kMaxWindowSecs) return fail("field 'window': longer than 30 days");
    }
    if (!c.freezeReason.trimmed().isEmpty() && c.category != ChangeCategory::Emergency)
        return fail("field 'freeze_reason': only an emergency change may go ahead in a freeze");

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    const QDateTime now = store_.clock().now();
    const QString prefix = QStringLiteral("CR-%1-").arg(now.toTimeZone(platformZone()).date().year());
    auto last = store_.db().query(QStringLiteral("SELECT ref FROM change_requests WHERE ref LIKE ? ORDER BY length(ref) DESC, ref DESC LIMIT 1"), {prefix + QLatin1Char('%')});
    if (!last) return last.error();
    const int next = last->empty() ? 1 : last->front().value(0).toString().mid(prefix.size()).toInt() + 1;
    const QString ref = prefix + QStringLiteral("%1").arg(next, 4, 10, QLatin1Char('0'));
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO change_requests (ref, title, description, origin, category, template_key, state, window_start, window_end,"
                       " rollback_plan, freeze_reason, requested_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?, ?)"
                       " RETURNING id"),
        {ref, title, c.description, c.origin, c.category, c.templateKey, isoOrNull(c.windowStart), isoOrNull(c.windowEnd), c.rollbackPlan,
         c.freezeReason.trimmed(), who.username, iso(now), iso(now)});
    if (!id) return id.error();
    QStringList targets = c.targets;
    targets.removeDuplicates();
    for (const auto& t : targets)
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO change_targets (change_id, target) VALUES (?, ?)"), {*id, t}); !s) return s.error();
    if (auto s = store_.record(who, QStringLiteral("change.add"), QStringLiteral("change"), ref, {},
                               QJsonObject{{"title", title}, {"category", c.category}, {"origin", c.origin}, {"targets", QJsonArray::fromStringList(targets)},
                                           {"window_start", c.windowStart.isValid() ? iso(c.windowStart) : QString()},
                                           {"window_end", c.windowEnd.isValid() ? iso(c.windowEnd) : QString()}});
        !s)
        return s.error();
    // A standard change is approved by its template, unless the calendar says otherwise: in a
    // freeze, or when the template no longer fits, it waits for the board like any other.
    if (from) {
        auto clashes = conflictsOf(who, ref);
        if (!clashes) return clashes.error();
        const bool frozen = std::any_of(clashes->begin(), clashes->end(), [](const CalendarConflict& k) { return k.kind == QLatin1String("in_freeze"); });
        if (!frozen) {
            if (auto s = store_.db().exec(QStringLiteral("UPDATE change_requests SET state = 'approved', decided_by = ?, decided_at = ?, decision_note = ?"
                                                         " WHERE id = ?"),
                                          {QStringLiteral("template:") + from->key, iso(now), QStringLiteral("Standardendring etter forhåndsgodkjent mal"), *id});
                !s)
                return s.error();
            if (auto s = store_.record(who, QStringLiteral("change.decide"), QStringLiteral("change"), ref, QJsonObject{{"state", "proposed"}},
                                       QJsonObject{{"state", "approved"}, {"by", QStringLiteral("template:") + from->key}});
                !s)
                return s.error();
        }
    }
    if (auto s = tx.commit(); !s) return s.error();
    return ref;
}

Status ChangeBoard::assess(const Session& who, const QString& ref, const SecurityAssessment& a) {
    if (!who.allows(permission::ChangeRequest)) return denied(who, permission::ChangeRequest);
    const QString stride = a.stride.toUpper();
    for (QChar ch : stride)
        if (!kStride.contains(ch)) return fail("field 'stride': '" + QString(ch).toStdString() + "' is not one of S T R I D E");
    if (a.likelihood < 1 || a.likelihood > 5) return fail("field 'likelihood': 1 to 5");
    if (a.consequence < 1 || a.consequence > 5) return fail("field 'consequence': 1 to 5");
    if (auto s = checkLength(a.note, kMaxNote, "note"); !s) return s;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto c = get(who, ref);
    if (!c) return c.error();
    if (!ChangeState::pending(c->state) && c->state != ChangeState::Approved)
        return fail("change " + ref.toStdString() + " is " + c->state.toStdString() + "; only a change not yet carried out is assessed", ErrorKind::Conflict);
    // Letters in STRIDE's order, each once.
    QString ordered;
    for (QChar ch : kStride)
        if (stride.contains(ch)) ordered += ch;
    // Once the change is called security-relevant, only the security officer says otherwise; any
    // new assessment asks for the officer's consent again.
    if (c->assessed && c->assessment.securityRelevant && !a.securityRelevant && who.role != Role::Sikkerhetsansvarlig)
        return fail("change " + ref.toStdString() + " is assessed as security-relevant; only the security officer may assess it otherwise", ErrorKind::Denied);
    if (c->state == ChangeState::Approved && c->assessment.securityRelevant != a.securityRelevant && who.role != Role::Sikkerhetsansvarlig)
        return fail("change " + ref.toStdString() + " is approved; only the security officer re-assesses it now", ErrorKind::Denied);
    const bool reopens = c->state == ChangeState::Approved && a.securityRelevant && c->securityApprovedBy.isEmpty();
    const QString state = reopens || c->state == ChangeState::Proposed ? ChangeState::Assessed : c->state;
    const QDateTime now = store_.clock().now();
    const bool pendingStill = ChangeState::pending(c->state);
    const QString consent = pendingStill && who.role != Role::Sikkerhetsansvarlig ? QString() : c->securityApprovedBy;
    if (auto s = store_.db().exec(QStringLiteral("UPDATE change_requests SET assessed = 1, stride = ?, likelihood = ?, consequence = ?, security_relevant = ?,"
                                                 " assessment_note = ?, state = ?, security_approved_by = ?, updated_at = ? WHERE id = ?"),
                                  {ordered, a.likelihood, a.consequence, a.securityRelevant ? 1 : 0, a.note.trimmed(), state, consent, iso(now), c->id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("change.assess"), QStringLiteral("change"), ref,
                               c->assessed ? QJsonObject{{"stride", c->assessment.stride}, {"likelihood", c->assessment.likelihood},
                                                         {"consequence", c->assessment.consequence}, {"security_relevant", c->assessment.securityRelevant}}
                                           : QJsonObject{},
                               QJsonObject{{"stride", ordered}, {"likelihood", a.likelihood}, {"consequence", a.consequence},
                                           {"security_relevant", a.securityRelevant}, {"state", state}});
        !s)
        return s;
    return tx.commit();
}

Status ChangeBoard::decide(const Session& who, const QString& ref, const QString& decision, const QString& note, const QString& conditions) {
    if (!who.allows(permission::ChangeDecide)) return denied(who, permission::ChangeDecide);
    if (auto s = checkCode(decision, Decision::all(), "decision"); !s) return s;
    if (auto s = checkLength(note, kMaxNote, "note"); !s) return s;
    if (auto s = checkLength(conditions, kMaxNote, "conditions"); !s) return s;
    if (decision != Decision::Approve && note.trimmed().isEmpty()) return fail("field 'note': say why the change is " + std::string(decision == Decision::Reject ? "rejected" : "deferred"));
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto c = get(who, ref);
    if (!c) return c.error();
    if (!ChangeState::pending(c->state))
        return fail("change " + ref.toStdString() + " is " + c->state.toStdString() + "; the board decides changes that wait for it", ErrorKind::Conflict);
    const QDateTime now = store_.clock().now();
    QString securityApprovedBy = c->securityApprovedBy;
    int tasks = c->reviewTasks;
    QString state = decision == Decision::Approve ? ChangeState::Approved : decision == Decision::Reject ? ChangeState::Rejected : ChangeState::Deferred;
    if (decision == Decision::Approve) {
        if (!c->assessed) return fail("change " + ref.toStdString() + ": assess its security first (vakt change assess)", ErrorKind::Conflict);
        if (c->rollbackPlan.trimmed().isEmpty()) return fail("change " + ref.toStdString() + ": no rollback plan", ErrorKind::Conflict);
        if (c->assessment.securityRelevant) {
            if (who.role == Role::Sikkerhetsansvarlig)
                securityApprovedBy = who.username;
            else if (securityApprovedBy.isEmpty())
                return fail("change " + ref.toStdString() + " is security-relevant: the security officer must approve it (or consent first)", ErrorKind::Denied);
        }
        auto clashes = conflictsOf(who, ref);
        if (!clashes) return clashes.error();
        for (const auto& k : *clashes)
            if (k.kind == QLatin1String("in_freeze"))
                return fail("change " + ref.toStdString() + " falls in the freeze '" + k.freeze.toStdString() +
                                "': only an emergency change with a reason may go ahead",
                            ErrorKind::Conflict);
        // What the approved change reaches along the value chain: the ROS documents to review.
        risk::RiskService risks(store_);
        for (const auto& target : c->targets) {
            auto impact = risks.impact(who, target, risk::Event::Change, true);
            if (!impact) {
                if (impact.error().kind == ErrorKind::NotFound) continue;  // not in the value chain (yet)
                return impact.error();
            }
            tasks += impact->tasksCreated;
        }
    }
    if (auto s = store_.db().exec(QStringLiteral("UPDATE change_requests SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?, conditions = ?,"
                                                 " security_approved_by = ?, review_tasks = ?, updated_at = ? WHERE id = ?"),
                                  {state, who.username, iso(now), note.trimmed(), conditions.trimmed(), securityApprovedBy, tasks, iso(now), c->id});
        !s)
        return s;
    QJsonObject after{{"state", state}, {"decision", decision}, {"note", note.trimmed()}};
    if (!conditions.trimmed().isEmpty()) after.insert("conditions", conditions.trimmed());
    if (securityApprovedBy != c->securityApprovedBy) after.insert("security_approved_by", securityApprovedBy);
    if (tasks != c->reviewTasks) after.insert("review_tasks", tasks - c->reviewTasks);
    if (auto s = store_.record(who, QStringLiteral("change.decide"), QStringLiteral("change"), ref, QJsonObject{{"state", c->state}}, after); !s) return s;
    return tx.commit();
}

Status ChangeBoard::consent(const Session& who, const QString& ref, const QString& note) {
    if (who.role != Role::Sikkerhetsansvarlig || !who.allows(permission::ChangeDecide))
        return fail("permission denied: only the security officer consents to a security-relevant change", ErrorKind::Denied);
    if (auto s = checkLength(note, kMaxNote, "note"); !s) return s;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto c = get(who, ref);
    if (!c) return c.error();
    if (!ChangeState::pending(c->state)) return fail("change " + ref.toStdString() + " is " + c->state.toStdString() + "; nothing to consent to", ErrorKind::Conflict);
    if (!c->assessed || !c->assessment.securityRelevant) return fail("change " + ref.toStdString() + " is not assessed as security-relevant", ErrorKind::Conflict);
    if (auto s = store_.db().exec(QStringLiteral("UPDATE change_requests SET security_approved_by = ?, updated_at = ? WHERE id = ?"),
                                  {who.username, iso(store_.clock().now()), c->id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("change.consent"), QStringLiteral("change"), ref, {}, QJsonObject{{"security_approved_by", who.username}, {"note", note.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

Status ChangeBoard::schedule(const Session& who, const QString& ref, const QDateTime& start, const QDateTime& end) {
    if (!who.allows(permission::ChangeRequest)) return denied(who, permission::ChangeRequest);
    if (!start.isValid() || !end.isValid() || end <= start) return fail("field 'window': the window must end after it starts");
    if (start.secsTo(end) > kMaxWindowSecs) return fail("field 'window': longer than 30 days");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto c = get(who, ref);
    if (!c) return c.error();
    if (c->state != ChangeState::Approved && c->state != ChangeState::Scheduled)
        return fail("change " + ref.toStdString() + " is " + c->state.toStdString() + "; only an approved change is scheduled", ErrorKind::Conflict);
    const QDateTime now = store_.clock().now();
    if (auto s = store_.db().exec(QStringLiteral("UPDATE change_requests SET state = 'scheduled', window_start = ?, window_end = ?, updated_at = ? WHERE id = ?"),
                                  {iso(start), iso(end), iso(now), c->id});
        !s)
        return s;
    // A new window must keep out of freezes like the one the board approved.
    auto clashes = conflictsOf(who, ref);
    if (!clashes) return clashes.error();
    for (const auto& k : *clashes)
        if (k.kind == QLatin1String("in_freeze"))
            return fail("change " + ref.toStdString() + ": the window falls in the freeze '" + k.freeze.toStdString() + "'", ErrorKind::Conflict);
    ChangeRequest after = *c;
    after.state = ChangeState::Scheduled, after.windowStart = start, after.windowEnd = end;
    if (auto s = store_.record(who, QStringLiteral("change.schedule"), QStringLiteral("change"), ref, stateJson(*c), stateJson(after)); !s) return s;
    return tx.commit();
}

Status ChangeBoard::implement(const Session& who, const QString& ref, const QDateTime& at) {
    if (!who.allows(permission::ChangeRequest)) return denied(who, permission::ChangeRequest);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto c = get(who, ref);
    if (!c) return c.error();
    if (c->state != ChangeState::Approved && c->state != ChangeState::Scheduled)
        return fail("change " + ref.toStdString() + " is " + c->state.toStdString() + "; only an approved change is carried out", ErrorKind::Conflict);
    const QDateTime now = store_.clock().now();
    const QDateTime when = at.isValid() ? at : now;
    if (when > now.addSecs(300)) return fail("field 'at': in the future");
    if (auto s = store_.db().exec(QStringLiteral("UPDATE change_requests SET state = 'implemented', implemented_at = ?, updated_at = ? WHERE id = ?"),
                                  {iso(when), iso(now), c->id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("change.implement"), QStringLiteral("change"), ref, QJsonObject{{"state", c->state}},
                               QJsonObject{{"state", "implemented"}, {"at", iso(when)}});
        !s)
        return s;
    return tx.commit();
}

Result<QList<qint64>> ChangeBoard::candidateIncidents(const Session& who, const QString& ref, int days) {
    auto c = get(who, ref);
    if (!c) return c.error();
    if (!c->implementedAt.isValid()) return QList<qint64>{};
    const QDateTime until = c->implementedAt.addDays(std::clamp(days, 1, 90));
    IncidentStore incidents(store_);
    QList<qint64> out;
    for (const auto& target : c->targets) {
        auto linked = incidents.linkedTo(who, IncidentLink::Service, target, c->implementedAt);
        if (!linked) return linked.error();
        for (const auto& i : *linked)
            if (i.openedAt <= until && !out.contains(i.id)) out << i.id;
    }
    std::sort(out.begin(), out.end());
    return out;
}

Result<QStringList> ChangeBoard::changesOfIncident(const Session& who, qint64 incidentId) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT c.ref FROM change_incidents i JOIN change_requests c ON c.id = i.change_id WHERE i.incident_id = ? ORDER BY c.ref"),
                                  {incidentId});
    if (!rows) return rows.error();
    QStringList out;
    for (const auto& r : *rows) out << r.value(0).toString();
    return out;
}

Status ChangeBoard::review(const Session& who, const QString& ref, const QString& outcome, const QString& note, const QList<qint64>& caused) {
    if (!who.allows(permission::ChangeRequest)) return denied(who, permission::ChangeRequest);
    if (auto s = checkCode(outcome, Outcome::all(), "outcome"); !s) return s;
    if (note.trimmed().isEmpty() && outcome != QLatin1String("success")) return fail("field 'note': say what went wrong or was rolled back");
    if (auto s = checkLength(note, kMaxNote, "note"); !s) return s;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto c = get(who, ref);
    if (!c) return c.error();
    if (c->state != ChangeState::Implemented) return fail("change " + ref.toStdString() + " is " + c->state.toStdString() + "; only a change carried out is reviewed", ErrorKind::Conflict);
    IncidentStore incidents(store_);
    for (qint64 id : caused) {
        auto i = incidents.get(who, id);
        if (!i) return i.error();
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO change_incidents (change_id, incident_id) VALUES (?, ?) ON CONFLICT DO NOTHING"), {c->id, id}); !s)
            return s;
    }
    const QDateTime now = store_.clock().now();
    if (auto s = store_.db().exec(QStringLiteral("UPDATE change_requests SET state = 'reviewed', outcome = ?, review_note = ?, reviewed_at = ?, updated_at = ? WHERE id = ?"),
                                  {outcome, note.trimmed(), iso(now), iso(now), c->id});
        !s)
        return s;
    QJsonArray ids;
    for (qint64 id : caused) ids.append(id);
    if (auto s = store_.record(who, QStringLiteral("change.review"), QStringLiteral("change"), ref, QJsonObject{{"state", c->state}},
                               QJsonObject{{"state", "reviewed"}, {"outcome", outcome}, {"caused_incidents", ids}});
        !s)
        return s;
    return tx.commit();
}

Result<qint64> ChangeBoard::addFreeze(const Session& who, const Freeze& f) {
    if (!who.allows(permission::ChangeFreeze)) return denied(who, permission::ChangeFreeze).error();
    if (f.name.trimmed().isEmpty() || f.name.size() > 200) return fail("field 'name': required, at most 200 characters");
    if (auto s = checkCode(f.scope, {QStringLiteral("all"), QStringLiteral("services"), QStringLiteral("components")}, "scope"); !s) return s.error();
    if (!f.start.isValid() || !f.end.isValid() || f.end <= f.start) return fail("field 'end': the freeze must end after it starts");
    if (f.start.secsTo(f.end) > 366LL * 24 * 3600) return fail("field 'end': a freeze is at most a year");
    if (f.scope == QLatin1String("all") && !f.keys.isEmpty()) return fail("field 'keys': a freeze of everything names no keys");
    if (f.scope != QLatin1String("all") && f.keys.isEmpty()) return fail("field 'keys': name the " + f.scope.toStdString() + " it freezes");
    CatalogService catalog(store_);
    for (const auto& key : f.keys) {
        auto entry = catalog.get(who, key);
        if (!entry) return entry.error();
        if (!*entry) return fail("field 'keys': '" + key.left(80).toStdString() + "' is not in the catalogue", ErrorKind::NotFound);
        const bool component = (*entry)->kind == EntryKind::Component;
        if ((f.scope == QLatin1String("services")) == component)
            return fail("field 'keys': '" + key.toStdString() + "' is a " + ((*entry)->kind.toStdString()) + ", not one of the " + f.scope.toStdString());
    }
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto id = store_.db().insertReturningId(QStringLiteral("INSERT INTO change_freezes (name, scope, target_keys, starts_at, ends_at, reason, created_by)"
                                                           " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                                            {f.name.trimmed(), f.scope, f.keys.join(QLatin1Char(',')), iso(f.start), iso(f.end), f.reason.trimmed(), who.username});
    if (!id) return id.error();
    if (auto s = store_.record(who, QStringLiteral("change.freeze"), QStringLiteral("change_freeze"), QString::number(*id), {},
                               QJsonObject{{"name", f.name.trimmed()}, {"scope", f.scope}, {"keys", QJsonArray::fromStringList(f.keys)},
                                           {"start", iso(f.start)}, {"end", iso(f.end)}});
        !s)
        return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return *id;
}

Status ChangeBoard::removeFreeze(const Session& who, qint64 id) {
    if (!who.allows(permission::ChangeFreeze)) return denied(who, permission::ChangeFreeze);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT name FROM change_freezes WHERE id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("freeze " + std::to_string(id) + ": no such freeze", ErrorKind::NotFound);
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM change_freezes WHERE id = ?"), {id}); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("change.unfreeze"), QStringLiteral("change_freeze"), QString::number(id),
                               QJsonObject{{"name", rows->front().value(0).toString()}}, {});
        !s)
        return s;
    return tx.commit();
}

Result<QList<Freeze>> ChangeBoard::freezes(const Session& who) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT id, name, scope, target_keys, starts_at, ends_at, reason, created_by FROM change_freezes ORDER BY starts_at, id"));
    if (!rows) return rows.error();
    QList<Freeze> out;
    for (const auto& r : *rows) {
        Freeze f;
        f.id = r.value(0).toLongLong();
        f.name = r.value(1).toString();
        f.scope = r.value(2).toString();
        f.keys = r.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        f.start = fromIso(r.value(4));
        f.end = fromIso(r.value(5));
        f.reason = r.value(6).toString();
        f.createdBy = r.value(7).toString();
        out << f;
    }
    return out;
}

namespace {
// The calendar in the conflict detector's terms: civil minutes, catalogue dependencies.
struct CalendarInput {
    std::vector<PlannedChange> changes;
    std::vector<FreezePeriod> freezes;
    Dependencies dependencies;
    QHash<qint64, QString> refOf;
    QHash<qint64, QString> freezeName;
};

Result<CalendarInput> calendarInput(Store& store, const Session& who, ChangeBoard& board, const QDateTime& from, const QDateTime& until) {
    CalendarInput in;
    ChangeFilter filter;
    filter.from = from;
    filter.until = until;
    auto changes = board.list(who, filter);
    if (!changes) return changes.error();
    for (const auto& c : *changes) {
        if (c.state == ChangeState::Rejected || !c.windowStart.isValid()) continue;
        PlannedChange p;
        p.id = c.id;
        p.start = toCivilMinutes(c.windowStart);
        p.end = toCivilMinutes(c.windowEnd);
        for (const auto& t : c.targets) p.services.push_back(t.toStdString());
        p.emergency = c.category == ChangeCategory::Emergency;
        p.freezeReason = c.freezeReason.toStdString();
        in.refOf.insert(c.id, c.ref);
        in.changes.push_back(std::move(p));
    }
    auto freezes = board.freezes(who);
    if (!freezes) return freezes.error();
    for (const auto& f : *freezes) {
        if (f.end <= from || f.start >= until) continue;
        FreezePeriod p;
        p.id = f.id;
        p.name = f.name.toStdString();
        p.start = toCivilMinutes(f.start);
        p.end = toCivilMinutes(f.end);
        p.scope = f.scope == QLatin1String("all") ? FreezePeriod::Scope::All
                  : f.scope == QLatin1String("services") ? FreezePeriod::Scope::Services
                                                         : FreezePeriod::Scope::Components;
        for (const auto& k : f.keys) p.keys.push_back(k.toStdString());
        in.freezeName.insert(f.id, f.name);
        in.freezes.push_back(std::move(p));
    }
    // The value chain's service graph: what each catalogue entry depends on.
    auto entries = CatalogService(store).all(who);
    if (!entries) return entries.error();
    std::vector<Dependencies::Edge> edges;
    for (const auto& e : *entries)
        for (const auto& d : e.dependsOn) edges.emplace_back(e.key.toStdString(), d.toStdString());
    in.dependencies = Dependencies(edges);
    return in;
}

QList<CalendarConflict> described(const std::vector<Conflict>& found, const CalendarInput& in) {
    QList<CalendarConflict> out;
    for (const auto& k : found) {
        CalendarConflict c;
        c.kind = conflictKind(k.kind);
        for (auto id : k.changes) c.refs << in.refOf.value(id);
        c.freeze = in.freezeName.value(k.freeze);
        c.key = QString::fromStdString(k.key);
        c.otherKey = QString::fromStdString(k.otherKey);
        if (k.kind == Conflict::Kind::TooManyInDay) {
            const std::chrono::year_month_day d{k.day};
            c.day = QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
        }
        out << c;
    }
    return out;
}
}  // namespace

Result<QList<CalendarConflict>> ChangeBoard::conflicts(const Session& who, const QDateTime& from, const QDateTime& until) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto in = calendarInput(store_, who, *this, from, until);
    if (!in) return in.error();
    return described(detectConflicts(in->changes, in->freezes, in->dependencies, ConflictRules{}), *in);
}

Result<QList<CalendarConflict>> ChangeBoard::conflictsOf(const Session& who, const QString& ref) {
    auto c = get(who, ref);
    if (!c) return c.error();
    if (!c->windowStart.isValid()) return QList<CalendarConflict>{};
    // The days around the window, so a crowded day is counted whole.
    auto in = calendarInput(store_, who, *this, c->windowStart.addDays(-1), c->windowEnd.addDays(1));
    if (!in) return in.error();
    const auto self = std::find_if(in->changes.begin(), in->changes.end(), [&](const PlannedChange& p) { return p.id == c->id; });
    if (self == in->changes.end()) return QList<CalendarConflict>{};
    const PlannedChange candidate = *self;
    return described(conflictsFor(candidate, in->changes, in->freezes, in->dependencies, ConflictRules{}), *in);
}

Result<QList<StandardTemplate>> ChangeBoard::templates(const Session& who) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT key, title, description, targets, rollback_plan FROM change_templates ORDER BY key"));
    if (!rows) return rows.error();
    QList<StandardTemplate> out;
    for (const auto& r : *rows)
        out << StandardTemplate{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(4).toString(),
                                r.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)};
    return out;
}

Status ChangeBoard::saveTemplate(const Session& who, const StandardTemplate& t) {
    if (!who.allows(permission::ChangeDecide)) return denied(who, permission::ChangeDecide);
    static const QRegularExpression slug(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    if (!slug.match(t.key).hasMatch()) return fail("field 'key': lower-case letters, digits and '-', as 'tls-sertifikat'");
    if (t.title.trimmed().isEmpty() || t.title.size() > kMaxTitle) return fail("field 'title': required, at most 300 characters");
    if (t.rollbackPlan.trimmed().isEmpty()) return fail("field 'rollback_plan': a pre-approved change says how it is undone");
    CatalogService catalog(store_);
    for (const auto& key : t.targets) {
        auto entry = catalog.get(who, key);
        if (!entry) return entry.error();
        if (!*entry) return fail("field 'targets': '" + key.left(80).toStdString() + "' is not in the catalogue", ErrorKind::NotFound);
    }
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO change_templates (key, title, description, targets, rollback_plan) VALUES (?, ?, ?, ?, ?)"
                                                 " ON CONFLICT (key) DO UPDATE SET title = excluded.title, description = excluded.description,"
                                                 " targets = excluded.targets, rollback_plan = excluded.rollback_plan"),
                                  {t.key, t.title.trimmed(), t.description, t.targets.join(QLatin1Char(',')), t.rollbackPlan});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("change.template"), QStringLiteral("change_template"), t.key, {},
                               QJsonObject{{"title", t.title.trimmed()}, {"targets", QJsonArray::fromStringList(t.targets)}});
        !s)
        return s;
    return tx.commit();
}

Result<qint64> ChangeBoard::raiseItem(const Session& who, const QString& kind, const QString& title) {
    if (!who.allows(permission::ChangeRequest) && !who.allows(permission::ChangeDecide)) return denied(who, permission::ChangeRequest).error();
    if (auto s = checkCode(kind, {QStringLiteral("security"), QStringLiteral("architecture")}, "kind"); !s) return s.error();
    if (title.trimmed().isEmpty() || title.size() > kMaxTitle) return fail("field 'title': required, at most 300 characters");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto id = store_.db().insertReturningId(QStringLiteral("INSERT INTO change_board_items (kind, title, state, raised_by, raised_at) VALUES (?, ?, 'open', ?, ?) RETURNING id"),
                                            {kind, title.trimmed(), who.username, iso(store_.clock().now())});
    if (!id) return id.error();
    if (auto s = store_.record(who, QStringLiteral("change.item"), QStringLiteral("change_item"), QString::number(*id), {}, QJsonObject{{"kind", kind}, {"title", title.trimmed()}});
        !s)
        return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return *id;
}

Status ChangeBoard::closeItem(const Session& who, qint64 id, const QString& note) {
    if (!who.allows(permission::ChangeDecide)) return denied(who, permission::ChangeDecide);
    if (note.trimmed().isEmpty()) return fail("field 'note': say how it was settled");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT state FROM change_board_items WHERE id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("item " + std::to_string(id) + ": no such item", ErrorKind::NotFound);
    if (rows->front().value(0).toString() != QLatin1String("open")) return fail("item " + std::to_string(id) + " is closed", ErrorKind::Conflict);
    if (auto s = store_.db().exec(QStringLiteral("UPDATE change_board_items SET state = 'closed', closed_note = ? WHERE id = ?"), {note.trimmed(), id}); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("change.item_closed"), QStringLiteral("change_item"), QString::number(id), QJsonObject{{"state", "open"}},
                               QJsonObject{{"state", "closed"}, {"note", note.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

Result<QList<BoardItem>> ChangeBoard::openItems(const Session& who) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT id, kind, title, state, raised_by, raised_at FROM change_board_items WHERE state = 'open' ORDER BY id"));
    if (!rows) return rows.error();
    QList<BoardItem> out;
    for (const auto& r : *rows)
        out << BoardItem{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString(), fromIso(r.value(5))};
    return out;
}

}  // namespace vakt::changes
