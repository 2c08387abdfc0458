// User meetings, the council's members and terms, its health, change requests with the product
// owner's responses, points rounds and the roadmap.
#include "councils/council_service.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSqlRecord>
#include <algorithm>
#include <vector>

#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/field_checks.h"
#include "core/incidents.h"
#include "core/organisation_service.h"
#include "core/stored_time.h"
#include "councils/council_rules.h"

namespace vakt::councils {

namespace {
using stored::fromIso;
using stored::iso;
using rules::AgreementSpan;
using rules::Day;
using rules::Problem;

constexpr qsizetype kMaxTitle = 300, kMaxText = 20000, kMaxMinutes = 200000, kMaxNote = 2000, kMaxPlace = 200, kMaxName = 200, kMaxEmail = 254;
constexpr int kMaxCandidates = 20;

std::string utf8(const QString& text) { return text.toStdString(); }

Day toDay(const QDate& d) {
    return Day{std::chrono::year{d.year()} / std::chrono::month{unsigned(d.month())} / std::chrono::day{unsigned(d.day())}};
}

QDate toDate(Day day) {
    const std::chrono::year_month_day ymd{day};
    return QDate(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())));
}

QDate localDate(const QDateTime& t) { return t.toTimeZone(platformZone()).date(); }
QDate dateOf(const QVariant& v) { return QDate::fromString(v.toString(), Qt::ISODate); }
QString dateText(const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }
QString normalEmail(const QString& email) { return email.trimmed().toLower(); }

// The rules' problems as one error naming each field, so a form shows them all at once.
QStringList problemLines(const std::vector<Problem>& problems) {
    QStringList out;
    for (const auto& p : problems) out << QStringLiteral("field '%1': %2").arg(QString::fromStdString(p.field), QString::fromStdString(p.message));
    return out;
}
Error problemsError(const std::vector<Problem>& problems) { return fail(utf8(problemLines(problems).join(QStringLiteral("; ")))); }

const QString kMeetingSelect = QStringLiteral(
    "SELECT id, service_key, kind, held_at, place, agenda, minutes, state, attendees, created_by, created_at, updated_at FROM council_meetings");
const QString kMemberSelect = QStringLiteral(
    "SELECT id, service_key, email, name, orgnr, elected_at, term_start, term_end, left_on, left_reason FROM council_members");
const QString kRequestSelect = QStringLiteral(
    "SELECT id, ref, service_key, title, description, from_orgnr, desk_case, submitted_by, submitted_at, status, quarter, response,"
    " responded_by, responded_at, updated_at FROM council_requests");
const QString kRoundSelect = QStringLiteral("SELECT id, service_key, title, budget, opened_by, opened_at, closed_by, closed_at FROM council_point_rounds");

using Names = QHash<QString, QString>;  // orgnr → organisation name

Meeting meetingFromRow(const QSqlRecord& r) {
    Meeting m;
    m.id = r.value(0).toLongLong();
    m.serviceKey = r.value(1).toString();
    m.kind = r.value(2).toString();
    m.heldAt = fromIso(r.value(3));
    m.place = r.value(4).toString();
    m.agenda = r.value(5).toString();
    m.minutes = r.value(6).toString();
    m.state = r.value(7).toString();
    m.attendees = r.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    m.createdBy = r.value(9).toString();
    m.createdAt = fromIso(r.value(10));
    m.updatedAt = fromIso(r.value(11));
    return m;
}

Member memberFromRow(const QSqlRecord& r, const Names& names) {
    Member m;
    m.id = r.value(0).toLongLong();
    m.serviceKey = r.value(1).toString();
    m.email = r.value(2).toString();
    m.name = r.value(3).toString();
    m.orgnr = r.value(4).toString();
    m.organisation = names.value(m.orgnr, m.orgnr);
    m.electedAt = r.value(5).toLongLong();
    m.termStart = dateOf(r.value(6));
    m.termEnd = dateOf(r.value(7));
    m.leftOn = dateOf(r.value(8));
    m.leftReason = r.value(9).toString();
    return m;
}

ChangeRequest requestFromRow(const QSqlRecord& r, const Names& names) {
    ChangeRequest c;
    c.id = r.value(0).toLongLong();
    c.ref = r.value(1).toString();
    c.serviceKey = r.value(2).toString();
    c.title = r.value(3).toString();
    c.description = r.value(4).toString();
    c.fromOrgnr = r.value(5).toString();
    c.fromOrganisation = c.fromOrgnr.isEmpty() ? QString() : names.value(c.fromOrgnr, c.fromOrgnr);
    c.deskCase = r.value(6).toLongLong();
    c.submittedBy = r.value(7).toString();
    c.submittedAt = fromIso(r.value(8));
    c.status = r.value(9).toString();
    c.quarter = r.value(10).toString();
    c.response = r.value(11).toString();
    c.respondedBy = r.value(12).toString();
    c.respondedAt = fromIso(r.value(13));
    c.updatedAt = fromIso(r.value(14));
    return c;
}

PointsRound roundFromRow(const QSqlRecord& r) {
    PointsRound p;
    p.id = r.value(0).toLongLong();
    p.serviceKey = r.value(1).toString();
    p.title = r.value(2).toString();
    p.budget = r.value(3).toInt();
    p.openedBy = r.value(4).toString();
    p.openedAt = fromIso(r.value(5));
    p.closedBy = r.value(6).toString();
    p.closedAt = fromIso(r.value(7));
    return p;
}

Result<Names> organisationNames(Store& store, const Session& who) {
    auto all = OrganisationService(store).organisations(who);
    if (!all) return all.error();
    Names names;
    for (const auto& o : *all) names.insert(o.orgnr, o.name);
    return names;
}

// The agreements in force for one service, as the rules read them.
Result<std::vector<AgreementSpan>> agreementsFor(Store& store, const Session& who, const QString& serviceKey) {
    auto all = OrganisationService(store).agreements(who);
    if (!all) return all.error();
    std::vector<AgreementSpan> out;
    for (const auto& a : *all) {
        if (a.serviceKey != serviceKey || !a.since.isValid()) continue;
        // Filled in place: copying a half-set optional makes GCC 12 at -O2 warn, wrongly.
        AgreementSpan& span = out.emplace_back();
        span.orgnr = utf8(a.orgnr);
        span.since = toDay(a.since);
        if (a.until.isValid()) span.until = toDay(a.until);
    }
    return out;
}

Result<Meeting> loadMeeting(Store& store, qint64 id, const Names& names) {
    auto rows = store.db().query(kMeetingSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("meeting " + std::to_string(id) + ": no such meeting", ErrorKind::NotFound);
    Meeting m = meetingFromRow(rows->front());
    if (m.kind != MeetingKind::UserMeeting) return m;
    auto invited = store.db().query(QStringLiteral("SELECT orgnr, invited_by, invited_at FROM council_invitations WHERE meeting_id = ? ORDER BY orgnr"), {id});
    if (!invited) return invited.error();
    for (const auto& r : *invited) {
        const QString orgnr = r.value(0).toString();
        m.invitations << Invitation{orgnr, names.value(orgnr, orgnr), r.value(1).toString(), fromIso(r.value(2))};
    }
    auto present = store.db().query(QStringLiteral("SELECT orgnr, representatives FROM council_attendance WHERE meeting_id = ? ORDER BY orgnr"), {id});
    if (!present) return present.error();
    for (const auto& r : *present) {
        const QString orgnr = r.value(0).toString();
        m.attendance << Attendance{orgnr, names.value(orgnr, orgnr), r.value(1).toString()};
    }
    std::sort(m.attendance.begin(), m.attendance.end(), [](const Attendance& a, const Attendance& b) { return a.organisation < b.organisation; });
    auto elected = store.db().query(QStringLiteral("SELECT COUNT(*) FROM council_members WHERE elected_at = ?"), {id});
    if (!elected) return elected.error();
    m.elected = elected->front().value(0).toInt();
    return m;
}

Result<QList<Member>> loadMembers(Store& store, const QString& serviceKey, const Names& names) {
    auto rows = store.db().query(kMemberSelect + QStringLiteral(" WHERE service_key = ? ORDER BY term_start, name, id"), {serviceKey});
    if (!rows) return rows.error();
    QList<Member> out;
    for (const auto& r : *rows) out << memberFromRow(r, names);
    return out;
}

std::vector<rules::MemberTerm> termsOf(const QList<Member>& members) {
    std::vector<rules::MemberTerm> out;
    for (const auto& m : members) {
        rules::MemberTerm& t = out.emplace_back();  // in place, as above
        t.email = utf8(m.email);
        t.name = utf8(m.name);
        t.orgnr = utf8(m.orgnr);
        t.termStart = toDay(m.termStart);
        t.termEnd = toDay(m.termEnd);
        if (m.leftOn.isValid()) t.leftOn = toDay(m.leftOn);
    }
    return out;
}

QString warningKindCode(rules::WarningKind kind) {
    switch (kind) {
        case rules::WarningKind::BelowMinimum: return WarningKind::BelowMinimum;
        case rules::WarningKind::WillFallBelowMinimum: return WarningKind::WillFallBelowMinimum;
        case rules::WarningKind::TermEnding: return WarningKind::TermEnding;
        case rules::WarningKind::TermExpired: return WarningKind::TermExpired;
        case rules::WarningKind::NoRecentUserMeeting: return WarningKind::NoRecentUserMeeting;
    }
    return {};
}

// The last user meeting held (minutes, attendance or an election recorded), not after `now`.
Result<QDate> lastUserMeeting(Store& store, const QString& serviceKey, const QDateTime& now) {
    auto rows = store.db().query(QStringLiteral("SELECT max(held_at) FROM council_meetings WHERE service_key = ? AND kind = ? AND state = ? AND held_at <= ?"),
                                 {serviceKey, MeetingKind::UserMeeting, MeetingState::Held, iso(now)});
    if (!rows) return rows.error();
    if (rows->empty() || rows->front().value(0).isNull()) return QDate();
    return localDate(fromIso(rows->front().value(0)));
}

Result<QList<HealthWarning>> healthOf(Store& store, const QString& serviceKey, const QList<Member>& members, const QDate& today, const QDateTime& now,
                                      int warnDays) {
    rules::HealthInput in;
    in.today = toDay(today);
    in.members = termsOf(members);
    auto last = lastUserMeeting(store, serviceKey, now);
    if (!last) return last.error();
    if (last->isValid()) in.lastUserMeeting = toDay(*last);
    rules::CouncilRules limits;
    limits.warnDays = warnDays;
    QList<HealthWarning> out;
    for (const auto& w : rules::checkHealth(in, limits)) {
        HealthWarning h;
        h.kind = warningKindCode(w.kind);
        h.email = QString::fromStdString(w.email);
        h.name = QString::fromStdString(w.name);
        if (w.hasDay) h.day = toDate(w.day);
        h.count = w.count;
        h.days = w.days;
        h.text = QString::fromStdString(w.message);
        out << h;
    }
    return out;
}

// The service's latest points round, 0 when it has none.
Result<qint64> latestRound(Store& store, const QString& serviceKey) {
    auto rows = store.db().query(QStringLiteral("SELECT max(id) FROM council_point_rounds WHERE service_key = ?"), {serviceKey});
    if (!rows) return rows.error();
    if (rows->empty() || rows->front().value(0).isNull()) return qint64(0);
    return rows->front().value(0).toLongLong();
}

Result<QHash<qint64, int>> pointsOf(Store& store, qint64 roundId) {
    QHash<qint64, int> out;
    if (roundId == 0) return out;
    auto rows = store.db().query(QStringLiteral("SELECT request_id, SUM(points) FROM council_points WHERE round_id = ? GROUP BY request_id"), {roundId});
    if (!rows) return rows.error();
    for (const auto& r : *rows) out.insert(r.value(0).toLongLong(), r.value(1).toInt());
    return out;
}

QJsonObject requestState(const ChangeRequest& c) {
    return QJsonObject{{"status", c.status}, {"quarter", c.quarter}, {"response", c.response}};
}

QJsonObject pointsJson(const QMap<QString, int>& points) {
    QJsonObject o;
    for (auto it = points.begin(); it != points.end(); ++it) o.insert(it.key(), it.value());
    return o;
}
}  // namespace

QDate CouncilService::today() const { return store_.clock().today(); }

Result<QString> CouncilService::serviceName(const Session& who, const QString& key) {
    if (key.trimmed().isEmpty()) return fail("field 'service': required");
    auto entry = CatalogService(store_).get(who, key);
    if (!entry) return entry.error();
    if (!*entry) return fail("field 'service': '" + utf8(key.left(80)) + "' is not in the catalogue", ErrorKind::NotFound);
    if ((*entry)->kind != EntryKind::Service)
        return fail("field 'service': '" + utf8(key) + "' is a " + utf8((*entry)->kind) + "; user councils are per service");
    return (*entry)->name;
}

// ---- Overview

Result<QList<CouncilSummary>> CouncilService::overview(const Session& who) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    auto keys = store_.db().query(QStringLiteral("SELECT service_key FROM council_meetings UNION SELECT service_key FROM council_members"
                                                 " UNION SELECT service_key FROM council_requests"));
    if (!keys) return keys.error();
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    auto entries = CatalogService(store_).list(who);
    if (!entries) return entries.error();
    QHash<QString, QString> serviceNames;
    for (const auto& e : *entries) serviceNames.insert(e.key, e.name);
    const QDateTime now = store_.clock().now();
    const QDate day = today();
    QList<CouncilSummary> out;
    for (const auto& k : *keys) {
        CouncilSummary summary;
        summary.serviceKey = k.value(0).toString();
        summary.serviceName = serviceNames.value(summary.serviceKey, summary.serviceKey);
        auto seated = loadMembers(store_, summary.serviceKey, *names);
        if (!seated) return seated.error();
        summary.members = int(std::count_if(seated->begin(), seated->end(), [&](const Member& m) { return m.activeOn(day); }));
        auto warnings = healthOf(store_, summary.serviceKey, *seated, day, now, 60);
        if (!warnings) return warnings.error();
        summary.warnings = int(warnings->size());
        auto open = store_.db().query(QStringLiteral("SELECT COUNT(*) FROM council_requests WHERE service_key = ? AND status NOT IN (?, ?)"),
                                      {summary.serviceKey, RequestStatus::Delivered, RequestStatus::Rejected});
        if (!open) return open.error();
        summary.openRequests = open->front().value(0).toInt();
        auto last = store_.db().query(QStringLiteral("SELECT max(held_at) FROM council_meetings WHERE service_key = ? AND kind = ? AND state = ? AND held_at <= ?"),
                                      {summary.serviceKey, MeetingKind::UserMeeting, MeetingState::Held, iso(now)});
        if (!last) return last.error();
        summary.lastUserMeeting = fromIso(last->front().value(0));
        auto next = store_.db().query(QStringLiteral("SELECT min(held_at) FROM council_meetings WHERE service_key = ? AND state = ? AND held_at > ?"),
                                      {summary.serviceKey, MeetingState::Planned, iso(now)});
        if (!next) return next.error();
        summary.nextMeeting = fromIso(next->front().value(0));
        out << summary;
    }
    std::sort(out.begin(), out.end(), [](const CouncilSummary& a, const CouncilSummary& b) { return a.serviceName < b.serviceName; });
    return out;
}

// ---- Meetings

Result<qint64> CouncilService::planMeeting(const Session& who, const NewMeeting& n) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage).error();
    if (auto st = checkCode(n.kind, MeetingKind::all(), "kind"); !st) return st.error();
    if (!n.heldAt.isValid()) return fail("field 'held_at': required");
    if (auto st = checkLength(n.place, kMaxPlace, "place"); !st) return st.error();
    if (auto st = checkLength(n.agenda, kMaxText, "agenda"); !st) return st.error();
    auto name = serviceName(who, n.serviceKey);
    if (!name) return name.error();
    const QDateTime now = store_.clock().now();
    // Meetings are planned ahead or written down afterwards, not in another decade.
    if (n.heldAt > now.addYears(2)) return fail("field 'held_at': more than two years ahead");
    if (n.heldAt < now.addYears(-5)) return fail("field 'held_at': more than five years ago");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO council_meetings (service_key, kind, held_at, place, agenda, state, created_by, created_at, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {n.serviceKey, n.kind, iso(n.heldAt), n.place.trimmed(), n.agenda, MeetingState::Planned, who.username, iso(now), iso(now)});
    if (!id) return id.error();
    if (auto st = store_.record(who, QStringLiteral("council.meeting_plan"), QStringLiteral("council_meeting"), QString::number(*id), {},
                                QJsonObject{{"service", n.serviceKey}, {"kind", n.kind}, {"held_at", iso(n.heldAt)}, {"place", n.place.trimmed()}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return *id;
}

Result<Meeting> CouncilService::meeting(const Session& who, qint64 id) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    return loadMeeting(store_, id, *names);
}

Result<QList<Meeting>> CouncilService::meetings(const Session& who, const QString& serviceKey, const QString& kind) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    if (!kind.isEmpty())
        if (auto st = checkCode(kind, MeetingKind::all(), "kind"); !st) return st.error();
    auto name = serviceName(who, serviceKey);
    if (!name) return name.error();
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    QString sql = QStringLiteral("SELECT id FROM council_meetings WHERE service_key = ?");
    QVariantList binds{serviceKey};
    if (!kind.isEmpty()) {
        sql += QStringLiteral(" AND kind = ?");
        binds << kind;
    }
    auto rows = store_.db().query(sql + QStringLiteral(" ORDER BY held_at DESC, id DESC LIMIT 500"), binds);
    if (!rows) return rows.error();
    QList<Meeting> out;
    for (const auto& r : *rows) {
        auto m = loadMeeting(store_, r.value(0).toLongLong(), *names);
        if (!m) return m.error();
        out << *m;
    }
    return out;
}

Status CouncilService::recordNotes(const Session& who, qint64 id, const MeetingNotes& notes) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage);
    if (auto st = checkLength(notes.agenda, kMaxText, "agenda"); !st) return st;
    if (auto st = checkLength(notes.minutes, kMaxMinutes, "minutes"); !st) return st;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    auto m = loadMeeting(store_, id, *names);
    if (!m) return m.error();
    if (m->state == MeetingState::Cancelled) return fail("meeting " + std::to_string(id) + " is cancelled", ErrorKind::Conflict);
    const QDate day = localDate(m->heldAt);
    const QString minutes = notes.minutes.trimmed();
    if (!minutes.isEmpty() && day > today())
        return fail("field 'minutes': the meeting is on " + utf8(dateText(day)) + "; minutes are written once it is held");
    QStringList attendees;
    if (m->kind == MeetingKind::UserMeeting) {
        if (!notes.attendees.isEmpty()) return fail("field 'attendees': a user meeting records the organisations present (attendance)");
    } else {
        auto seated = loadMembers(store_, m->serviceKey, *names);
        if (!seated) return seated.error();
        for (const auto& a : notes.attendees) {
            const QString email = normalEmail(a);
            if (email.isEmpty() || attendees.contains(email)) continue;
            const bool sits = std::any_of(seated->begin(), seated->end(), [&](const Member& x) { return x.email == email && x.activeOn(day); });
            if (!sits) return fail("field 'attendees': " + utf8(email.left(80)) + " does not sit on the council on " + utf8(dateText(day)));
            attendees << email;
        }
    }
    const QString state = minutes.isEmpty() ? m->state : MeetingState::Held;
    const QDateTime now = store_.clock().now();
    if (auto st = store_.db().exec(QStringLiteral("UPDATE council_meetings SET agenda = ?, minutes = ?, attendees = ?, state = ?, updated_at = ? WHERE id = ?"),
                                   {notes.agenda, minutes, attendees.join(QLatin1Char(',')), state, iso(now), id});
        !st)
        return st;
    if (auto st = store_.record(who, QStringLiteral("council.meeting_notes"), QStringLiteral("council_meeting"), QString::number(id),
                                QJsonObject{{"state", m->state}, {"agenda", m->agenda}, {"minutes", m->minutes}, {"attendees", QJsonArray::fromStringList(m->attendees)}},
                                QJsonObject{{"state", state}, {"agenda", notes.agenda}, {"minutes", minutes}, {"attendees", QJsonArray::fromStringList(attendees)}});
        !st)
        return st;
    return tx.commit();
}

Status CouncilService::cancelMeeting(const Session& who, qint64 id, const QString& reason) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage);
    if (reason.trimmed().isEmpty()) return fail("field 'reason': say why the meeting is cancelled");
    if (auto st = checkLength(reason, kMaxNote, "reason"); !st) return st;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto m = loadMeeting(store_, id, {});
    if (!m) return m.error();
    if (m->state != MeetingState::Planned)
        return fail("meeting " + std::to_string(id) + " is " + utf8(m->state) + "; only a planned meeting is cancelled", ErrorKind::Conflict);
    // The minutes of a cancelled meeting say why it was cancelled.
    if (auto st = store_.db().exec(QStringLiteral("UPDATE council_meetings SET state = ?, minutes = ?, updated_at = ? WHERE id = ?"),
                                   {MeetingState::Cancelled, reason.trimmed(), iso(store_.clock().now()), id});
        !st)
        return st;
    if (auto st = store_.record(who, QStringLiteral("council.meeting_cancel"), QStringLiteral("council_meeting"), QString::number(id),
                                QJsonObject{{"state", m->state}}, QJsonObject{{"state", MeetingState::Cancelled}, {"reason", reason.trimmed()}});
        !st)
        return st;
    return tx.commit();
}

Result<int> CouncilService::inviteAll(const Session& who, qint64 meetingId) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage).error();
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto m = loadMeeting(store_, meetingId, {});
    if (!m) return m.error();
    if (m->kind != MeetingKind::UserMeeting)
        return fail("field 'meeting': everyone with an agreement is invited to a user meeting; a council meeting is for the council's members");
    if (m->state == MeetingState::Cancelled) return fail("meeting " + std::to_string(meetingId) + " is cancelled", ErrorKind::Conflict);
    auto agreements = agreementsFor(store_, who, m->serviceKey);
    if (!agreements) return agreements.error();
    QSet<QString> already;
    for (const auto& i : m->invitations) already.insert(i.orgnr);
    QStringList invited;
    const QDateTime now = store_.clock().now();
    for (const auto& a : *agreements) {
        const QString orgnr = QString::fromStdString(a.orgnr);
        if (already.contains(orgnr)) continue;
        already.insert(orgnr);
        if (auto st = store_.db().exec(QStringLiteral("INSERT INTO council_invitations (meeting_id, orgnr, invited_by, invited_at) VALUES (?, ?, ?, ?)"),
                                       {meetingId, orgnr, who.username, iso(now)});
            !st)
            return st.error();
        invited << orgnr;
    }
    if (!invited.isEmpty()) {
        if (auto st = store_.record(who, QStringLiteral("council.invite"), QStringLiteral("council_meeting"), QString::number(meetingId), {},
                                    QJsonObject{{"invited", int(invited.size())}, {"organisations", QJsonArray::fromStringList(invited)}});
            !st)
            return st.error();
    }
    if (auto st = tx.commit(); !st) return st.error();
    return int(invited.size());
}

Status CouncilService::setAttendance(const Session& who, qint64 meetingId, const QList<Attendance>& attendance) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage);
    if (attendance.size() > 2000) return fail("field 'attendance': at most 2000 organisations");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    auto m = loadMeeting(store_, meetingId, *names);
    if (!m) return m.error();
    if (m->kind != MeetingKind::UserMeeting) return fail("field 'meeting': attendance by organisation is kept for user meetings; a council meeting lists its members present");
    if (m->state == MeetingState::Cancelled) return fail("meeting " + std::to_string(meetingId) + " is cancelled", ErrorKind::Conflict);
    const QDate day = localDate(m->heldAt);
    if (day > today()) return fail("field 'attendance': the meeting is on " + utf8(dateText(day)) + "; attendance is recorded once it is held");
    if (m->elected > 0)
        return fail("meeting " + std::to_string(meetingId) + ": a council was elected here, so the attendance it was elected from is final", ErrorKind::Conflict);
    auto agreements = agreementsFor(store_, who, m->serviceKey);
    if (!agreements) return agreements.error();
    QList<Attendance> present;
    QStringList orgnrs;
    for (qsizetype i = 0; i < attendance.size(); ++i) {
        const std::string field = "field 'attendance[" + std::to_string(i) + "]";
        const QString orgnr = attendance[i].orgnr.trimmed();
        if (orgnr.isEmpty()) return fail(field + ".orgnr': required");
        if (orgnrs.contains(orgnr)) continue;
        if (!names->contains(orgnr)) return fail(field + ".orgnr': no organisation " + utf8(orgnr.left(20)), ErrorKind::NotFound);
        const std::string key = utf8(orgnr);
        const bool agreed = std::any_of(agreements->begin(), agreements->end(), [&](const AgreementSpan& a) { return a.orgnr == key && a.covers(toDay(day)); });
        if (!agreed)
            return fail(field + ".orgnr': " + utf8(names->value(orgnr)) + " (" + key + ") has no agreement for " + utf8(m->serviceKey) + " on " + utf8(dateText(day)) +
                        "; the user meeting is for those who have one");
        if (auto st = checkLength(attendance[i].representatives, kMaxNote, "representatives"); !st) return st;
        orgnrs << orgnr;
        present << Attendance{orgnr, names->value(orgnr), attendance[i].representatives.trimmed()};
    }
    QStringList before;
    for (const auto& a : m->attendance) before << a.orgnr;
    const QDateTime now = store_.clock().now();
    if (auto st = store_.db().exec(QStringLiteral("DELETE FROM council_attendance WHERE meeting_id = ?"), {meetingId}); !st) return st;
    for (const auto& a : present)
        if (auto st = store_.db().exec(QStringLiteral("INSERT INTO council_attendance (meeting_id, orgnr, representatives, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)"),
                                       {meetingId, a.orgnr, a.representatives, who.username, iso(now)});
            !st)
            return st;
    // Someone came: the meeting was held.
    const QString state = present.isEmpty() ? m->state : MeetingState::Held;
    if (auto st = store_.db().exec(QStringLiteral("UPDATE council_meetings SET state = ?, updated_at = ? WHERE id = ?"), {state, iso(now), meetingId}); !st) return st;
    if (auto st = store_.record(who, QStringLiteral("council.attendance"), QStringLiteral("council_meeting"), QString::number(meetingId),
                                QJsonObject{{"organisations", QJsonArray::fromStringList(before)}, {"state", m->state}},
                                QJsonObject{{"organisations", QJsonArray::fromStringList(orgnrs)}, {"state", state}});
        !st)
        return st;
    return tx.commit();
}

// ---- The council

Result<QList<Member>> CouncilService::members(const Session& who, const QString& serviceKey, bool former) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    auto name = serviceName(who, serviceKey);
    if (!name) return name.error();
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    auto all = loadMembers(store_, serviceKey, *names);
    if (!all) return all.error();
    if (former) return all;
    const QDate day = today();
    QList<Member> out;
    for (const auto& m : *all)
        if (m.activeOn(day)) out << m;
    return out;
}

namespace {
// An election as the rules check it, with what recording it changes.
struct PreparedElection {
    Meeting meeting;
    rules::Election election;
    QList<Candidate> candidates;  // trimmed, e-mail in lower case
    QList<Member> lapsed;         // terms run out without being closed
    QList<Member> reelected;      // continuing members named again
    std::vector<Problem> problems;
};

Result<PreparedElection> prepareElection(Store& store, const Session& who, qint64 meetingId, const QList<Candidate>& candidates, const QDate& today) {
    if (candidates.size() > kMaxCandidates) return fail("field 'candidates': at most " + std::to_string(kMaxCandidates));
    auto names = organisationNames(store, who);
    if (!names) return names.error();
    auto loaded = loadMeeting(store, meetingId, *names);
    if (!loaded) return loaded.error();
    PreparedElection p;
    p.meeting = *loaded;
    if (p.meeting.kind != MeetingKind::UserMeeting) return fail("field 'meeting': a council is elected at a user meeting");
    if (p.meeting.state == MeetingState::Cancelled) return fail("meeting " + std::to_string(meetingId) + " is cancelled", ErrorKind::Conflict);
    const QDate day = localDate(p.meeting.heldAt);
    if (day > today)
        return fail("meeting " + std::to_string(meetingId) + " is on " + utf8(dateText(day)) + ": a council is elected once the meeting is held", ErrorKind::Conflict);
    if (p.meeting.elected > 0) return fail("meeting " + std::to_string(meetingId) + ": a council was elected here already", ErrorKind::Conflict);
    auto later = store.db().query(QStringLiteral("SELECT max(m.held_at) FROM council_members c JOIN council_meetings m ON m.id = c.elected_at WHERE c.service_key = ?"),
                                  {p.meeting.serviceKey});
    if (!later) return later.error();
    if (!later->empty() && !later->front().value(0).isNull() && fromIso(later->front().value(0)) > p.meeting.heldAt)
        return fail("meeting " + std::to_string(meetingId) + ": a council was elected at a later user meeting (" +
                        utf8(dateText(localDate(fromIso(later->front().value(0))))) + ")",
                    ErrorKind::Conflict);

    const Day meetingDay = toDay(day);
    p.election.meetingDay = meetingDay;
    for (const auto& a : p.meeting.attendance) p.election.attending.push_back(utf8(a.orgnr));
    auto agreements = agreementsFor(store, who, p.meeting.serviceKey);
    if (!agreements) return agreements.error();
    p.election.agreements = std::move(*agreements);

    for (qsizetype i = 0; i < candidates.size(); ++i) {
        Candidate c = candidates[i];
        c.email = normalEmail(c.email);
        c.name = c.name.simplified();
        c.orgnr = c.orgnr.trimmed();
        const std::string at = "candidates[" + std::to_string(i) + "]";
        if (c.name.size() > kMaxName) p.problems.push_back({at + ".name", "at most " + std::to_string(kMaxName) + " characters"});
        if (c.email.size() > kMaxEmail) p.problems.push_back({at + ".email", "at most " + std::to_string(kMaxEmail) + " characters"});
        p.candidates << c;
    }
    // A representative who is in the catalogue's people is there with the organisation they speak for.
    auto people = CatalogService(store).people(who);
    if (!people) return people.error();
    QSet<QString> named;
    for (qsizetype i = 0; i < p.candidates.size(); ++i) {
        Candidate& c = p.candidates[i];
        named.insert(c.email);
        for (const auto& person : *people) {
            if (normalEmail(person.email) != c.email) continue;
            if (c.name.isEmpty()) c.name = person.name;
            if (!person.orgnr.isEmpty() && person.orgnr != c.orgnr)
                p.problems.push_back({"candidates[" + std::to_string(i) + "].orgnr",
                                      utf8(c.email) + " is registered with " + utf8(names->value(person.orgnr, person.orgnr)) + " in the catalogue"});
        }
        rules::Candidate rc;
        rc.email = utf8(c.email);
        rc.name = utf8(c.name);
        rc.orgnr = utf8(c.orgnr);
        rc.termMonths = c.termMonths;
        p.election.candidates.push_back(std::move(rc));
    }

    auto sitting = loadMembers(store, p.meeting.serviceKey, *names);
    if (!sitting) return sitting.error();
    for (const auto& m : *sitting) {
        if (m.activeOn(day)) {
            p.election.continuing.push_back(rules::SeatedMember{utf8(m.email), utf8(m.orgnr)});
            if (named.contains(m.email)) p.reelected << m;
        } else if (!m.leftOn.isValid() && m.termEnd <= day) {
            p.lapsed << m;
        }
    }
    const auto found = rules::checkElection(p.election);
    p.problems.insert(p.problems.end(), found.begin(), found.end());
    return p;
}
}  // namespace

Result<QStringList> CouncilService::checkElection(const Session& who, qint64 meetingId, const QList<Candidate>& candidates) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage).error();
    auto prepared = prepareElection(store_, who, meetingId, candidates, today());
    if (!prepared) return prepared.error();
    return problemLines(prepared->problems);
}

Status CouncilService::elect(const Session& who, qint64 meetingId, const QList<Candidate>& candidates) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto prepared = prepareElection(store_, who, meetingId, candidates, today());
    if (!prepared) return prepared.error();
    const PreparedElection& p = *prepared;
    if (!p.problems.empty()) return problemsError(p.problems);
    const QDate day = localDate(p.meeting.heldAt);
    const QDateTime now = store_.clock().now();
    QJsonArray closed, elected;
    for (const auto& m : p.lapsed) {
        if (auto st = store_.db().exec(QStringLiteral("UPDATE council_members SET left_on = term_end, left_reason = ? WHERE id = ?"),
                                       {QStringLiteral("Perioden var ute"), m.id});
            !st)
            return st;
        closed.append(m.email);
    }
    for (const auto& m : p.reelected) {
        if (auto st = store_.db().exec(QStringLiteral("UPDATE council_members SET left_on = ?, left_reason = ? WHERE id = ?"),
                                       {dateText(day), QStringLiteral("Gjenvalgt"), m.id});
            !st)
            return st;
    }
    for (const auto& c : p.candidates) {
        const QDate end = toDate(rules::termEnd(toDay(day), c.termMonths));
        if (auto st = store_.db().exec(QStringLiteral("INSERT INTO council_members (service_key, email, name, orgnr, elected_at, term_start, term_end)"
                                                      " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                       {p.meeting.serviceKey, c.email, c.name, c.orgnr, meetingId, dateText(day), dateText(end)});
            !st)
            return st;
        elected.append(QJsonObject{{"email", c.email}, {"name", c.name}, {"orgnr", c.orgnr}, {"term_start", dateText(day)}, {"term_end", dateText(end)}});
    }
    if (auto st = store_.db().exec(QStringLiteral("UPDATE council_meetings SET state = ?, updated_at = ? WHERE id = ?"), {MeetingState::Held, iso(now), meetingId}); !st)
        return st;
    QJsonArray continuing;
    for (const auto& m : p.election.continuing) continuing.append(QString::fromStdString(m.email));
    if (auto st = store_.record(who, QStringLiteral("council.elect"), QStringLiteral("council_meeting"), QString::number(meetingId),
                                QJsonObject{{"service", p.meeting.serviceKey}, {"sitting", continuing}},
                                QJsonObject{{"service", p.meeting.serviceKey}, {"elected", elected}, {"terms_closed", closed}});
        !st)
        return st;
    return tx.commit();
}

Status CouncilService::endMembership(const Session& who, qint64 memberId, const QDate& on, const QString& reason) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage);
    if (!on.isValid()) return fail("field 'on': required");
    if (reason.trimmed().isEmpty()) return fail("field 'reason': say why the member leaves");
    if (auto st = checkLength(reason, kMaxNote, "reason"); !st) return st;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(kMemberSelect + QStringLiteral(" WHERE id = ?"), {memberId});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("member " + std::to_string(memberId) + ": no such member", ErrorKind::NotFound);
    const Member m = memberFromRow(rows->front(), {});
    if (m.leftOn.isValid())
        return fail("member " + std::to_string(memberId) + " (" + utf8(m.email) + ") left on " + utf8(dateText(m.leftOn)), ErrorKind::Conflict);
    if (on < m.termStart) return fail("field 'on': before the term began (" + utf8(dateText(m.termStart)) + ")");
    if (on >= m.termEnd) return fail("field 'on': the term ends on " + utf8(dateText(m.termEnd)) + " by itself");
    if (auto st = store_.db().exec(QStringLiteral("UPDATE council_members SET left_on = ?, left_reason = ? WHERE id = ?"), {dateText(on), reason.trimmed(), memberId});
        !st)
        return st;
    if (auto st = store_.record(who, QStringLiteral("council.leave"), QStringLiteral("council_member"), QString::number(memberId),
                                QJsonObject{{"email", m.email}, {"service", m.serviceKey}, {"term_end", dateText(m.termEnd)}},
                                QJsonObject{{"email", m.email}, {"service", m.serviceKey}, {"left_on", dateText(on)}, {"reason", reason.trimmed()}});
        !st)
        return st;
    return tx.commit();
}

Result<QList<HealthWarning>> CouncilService::health(const Session& who, const QString& serviceKey, int warnDays) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    if (warnDays < 1 || warnDays > 365) return fail("field 'warn_days': 1 to 365");
    auto name = serviceName(who, serviceKey);
    if (!name) return name.error();
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    auto all = loadMembers(store_, serviceKey, *names);
    if (!all) return all.error();
    return healthOf(store_, serviceKey, *all, today(), store_.clock().now(), warnDays);
}

// ---- Change requests

Result<QString> CouncilService::submit(const Session& who, const NewRequest& n) {
    if (!who.allows(permission::CouncilRequest)) return denied(who, permission::CouncilRequest).error();
    const QString title = n.title.simplified();
    if (title.isEmpty()) return fail("field 'title': required");
    if (auto st = checkLength(title, kMaxTitle, "title"); !st) return st.error();
    if (auto st = checkLength(n.description, kMaxText, "description"); !st) return st.error();
    if (n.deskCase < 0) return fail("field 'desk_case': a case number, not " + std::to_string(n.deskCase));
    auto name = serviceName(who, n.serviceKey);
    if (!name) return name.error();
    QString from = n.fromOrgnr.trimmed();
    if (n.deskCase > 0) {
        auto c = IncidentStore(store_).get(who, n.deskCase);
        if (!c) {
            if (c.error().kind == ErrorKind::NotFound) return fail("field 'desk_case': no case " + std::to_string(n.deskCase), ErrorKind::NotFound);
            return c.error();
        }
        // The case's reporting organisation asks, unless another is named.
        if (from.isEmpty()) from = c->reporterOrgnr;
    }
    if (from.isEmpty() && n.deskCase == 0) return fail("field 'from': name the organisation asking or the service-desk case it came from");
    if (!from.isEmpty()) {
        auto names = organisationNames(store_, who);
        if (!names) return names.error();
        if (!names->contains(from)) return fail("field 'from': no organisation " + utf8(from.left(20)), ErrorKind::NotFound);
    }
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    const QDateTime now = store_.clock().now();
    const QString prefix = QStringLiteral("ER-%1-").arg(localDate(now).year());
    auto last = store_.db().query(QStringLiteral("SELECT ref FROM council_requests WHERE ref LIKE ? ORDER BY length(ref) DESC, ref DESC LIMIT 1"),
                                  {prefix + QLatin1Char('%')});
    if (!last) return last.error();
    const int next = last->empty() ? 1 : last->front().value(0).toString().mid(prefix.size()).toInt() + 1;
    const QString ref = prefix + QStringLiteral("%1").arg(next, 4, 10, QLatin1Char('0'));
    if (auto st = store_.db().exec(QStringLiteral("INSERT INTO council_requests (ref, service_key, title, description, from_orgnr, desk_case, submitted_by,"
                                                  " submitted_at, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                   {ref, n.serviceKey, title, n.description.trimmed(), from, n.deskCase, who.username, iso(now), RequestStatus::Received, iso(now)});
        !st)
        return st.error();
    if (auto st = store_.record(who, QStringLiteral("council.request"), QStringLiteral("council_request"), ref, {},
                                QJsonObject{{"service", n.serviceKey}, {"title", title}, {"from", from}, {"desk_case", n.deskCase}, {"status", RequestStatus::Received}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return ref;
}

Result<ChangeRequest> CouncilService::request(const Session& who, const QString& ref) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    auto rows = store_.db().query(kRequestSelect + QStringLiteral(" WHERE ref = ?"), {ref.trimmed().toUpper()});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("request " + utf8(ref.left(40)) + ": no such change request", ErrorKind::NotFound);
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    ChangeRequest c = requestFromRow(rows->front(), *names);
    auto round = latestRound(store_, c.serviceKey);
    if (!round) return round.error();
    auto points = pointsOf(store_, *round);
    if (!points) return points.error();
    c.points = points->value(c.id);
    return c;
}

Result<QList<ChangeRequest>> CouncilService::requests(const Session& who, const QString& serviceKey) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    auto name = serviceName(who, serviceKey);
    if (!name) return name.error();
    auto names = organisationNames(store_, who);
    if (!names) return names.error();
    auto rows = store_.db().query(kRequestSelect + QStringLiteral(" WHERE service_key = ? ORDER BY submitted_at DESC, id DESC LIMIT 5000"), {serviceKey});
    if (!rows) return rows.error();
    auto round = latestRound(store_, serviceKey);
    if (!round) return round.error();
    auto points = pointsOf(store_, *round);
    if (!points) return points.error();
    QList<ChangeRequest> out;
    for (const auto& r : *rows) {
        ChangeRequest c = requestFromRow(r, *names);
        c.points = points->value(c.id);
        out << c;
    }
    return out;
}

Status CouncilService::respond(const Session& who, const QString& ref, const Response& answer) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage);
    if (auto st = checkLength(answer.response, kMaxText, "response"); !st) return st;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto found = request(who, ref);
    if (!found) return found.error();
    const ChangeRequest& c = *found;
    const QString to = answer.status.trimmed().isEmpty() ? c.status : answer.status.trimmed();
    // A quarter left out keeps the one the request has.
    QString quarter = answer.quarter.trimmed().isEmpty() ? c.quarter : answer.quarter.trimmed().toUpper();
    if (const auto parsed = rules::parseQuarter(utf8(quarter))) quarter = QString::fromStdString(rules::formatQuarter(*parsed));
    const QString response = answer.response.trimmed().isEmpty() ? c.response : answer.response.trimmed();
    const auto problems = rules::checkResponse(utf8(c.status), utf8(to), utf8(c.quarter), utf8(quarter), utf8(response), toDay(today()));
    if (!problems.empty()) {
        const bool moveRefused = std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.field == "status"; }) && rules::isStatus(utf8(to));
        Error e = problemsError(problems);
        if (moveRefused) e.kind = ErrorKind::Conflict;
        return e;
    }
    // Off the roadmap, a request has no quarter.
    if (!rules::onRoadmap(utf8(to))) quarter.clear();
    const QDateTime now = store_.clock().now();
    const bool answered = to != c.status || response != c.response;
    if (to == c.status && quarter == c.quarter && response == c.response) return tx.commit();
    if (auto st = store_.db().exec(QStringLiteral("UPDATE council_requests SET status = ?, quarter = ?, response = ?, responded_by = ?, responded_at = ?, updated_at = ?"
                                                  " WHERE id = ?"),
                                   {to, quarter, response, answered ? who.username : c.respondedBy, answered ? QVariant(iso(now)) : stored::isoOrNull(c.respondedAt),
                                    iso(now), c.id});
        !st)
        return st;
    ChangeRequest after = c;
    after.status = to, after.quarter = quarter, after.response = response;
    if (auto st = store_.record(who, QStringLiteral("council.respond"), QStringLiteral("council_request"), c.ref, requestState(c), requestState(after)); !st) return st;
    return tx.commit();
}

// ---- Points

Result<qint64> CouncilService::openRound(const Session& who, const QString& serviceKey, const QString& title, int budget) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage).error();
    const QString name = title.simplified();
    if (name.isEmpty()) return fail("field 'title': required, such as 'Prioritering våren 2027'");
    if (auto st = checkLength(name, kMaxPlace, "title"); !st) return st.error();
    if (budget < 1 || budget > 100) return fail("field 'budget': 1 to 100 points per member, not " + std::to_string(budget));
    auto service = serviceName(who, serviceKey);
    if (!service) return service.error();
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto open = store_.db().query(QStringLiteral("SELECT id, title FROM council_point_rounds WHERE service_key = ? AND closed_at IS NULL"), {serviceKey});
    if (!open) return open.error();
    if (!open->empty())
        return fail("round " + utf8(open->front().value(0).toString()) + " ('" + utf8(open->front().value(1).toString()) + "') is still open: close it first",
                    ErrorKind::Conflict);
    const QDateTime now = store_.clock().now();
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO council_point_rounds (service_key, title, budget, opened_by, opened_at) VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {serviceKey, name, budget, who.username, iso(now)});
    if (!id) return id.error();
    if (auto st = store_.record(who, QStringLiteral("council.round_open"), QStringLiteral("council_round"), QString::number(*id), {},
                                QJsonObject{{"service", serviceKey}, {"title", name}, {"budget", budget}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return *id;
}

Status CouncilService::closeRound(const Session& who, qint64 roundId) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(kRoundSelect + QStringLiteral(" WHERE id = ?"), {roundId});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("round " + std::to_string(roundId) + ": no such round", ErrorKind::NotFound);
    const PointsRound r = roundFromRow(rows->front());
    if (!r.open()) return fail("round " + std::to_string(roundId) + " is closed", ErrorKind::Conflict);
    const QDateTime now = store_.clock().now();
    if (auto st = store_.db().exec(QStringLiteral("UPDATE council_point_rounds SET closed_by = ?, closed_at = ? WHERE id = ?"), {who.username, iso(now), roundId}); !st)
        return st;
    if (auto st = store_.record(who, QStringLiteral("council.round_close"), QStringLiteral("council_round"), QString::number(roundId), QJsonObject{{"open", true}},
                                QJsonObject{{"open", false}, {"closed_at", iso(now)}});
        !st)
        return st;
    return tx.commit();
}

Result<QList<PointsRound>> CouncilService::rounds(const Session& who, const QString& serviceKey) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    auto service = serviceName(who, serviceKey);
    if (!service) return service.error();
    auto rows = store_.db().query(kRoundSelect + QStringLiteral(" WHERE service_key = ? ORDER BY id DESC"), {serviceKey});
    if (!rows) return rows.error();
    QList<PointsRound> out;
    for (const auto& r : *rows) out << roundFromRow(r);
    return out;
}

Status CouncilService::givePoints(const Session& who, qint64 roundId, const QString& memberEmail, const QMap<QString, int>& points) {
    if (!who.allows(permission::CouncilManage)) return denied(who, permission::CouncilManage);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(kRoundSelect + QStringLiteral(" WHERE id = ?"), {roundId});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("round " + std::to_string(roundId) + ": no such round", ErrorKind::NotFound);
    const PointsRound round = roundFromRow(rows->front());
    if (!round.open()) return fail("round " + std::to_string(roundId) + " ('" + utf8(round.title) + "') is closed", ErrorKind::Conflict);
    const QString email = normalEmail(memberEmail);
    auto all = loadMembers(store_, round.serviceKey, {});
    if (!all) return all.error();
    const QDate day = today();
    std::vector<std::string> current;
    qint64 memberId = 0;
    for (const auto& m : *all) {
        if (!m.activeOn(day)) continue;
        current.push_back(utf8(m.email));
        if (m.email == email) memberId = m.id;
    }
    auto open = store_.db().query(QStringLiteral("SELECT id, ref, status FROM council_requests WHERE service_key = ?"), {round.serviceKey});
    if (!open) return open.error();
    QHash<QString, qint64> requestId;
    std::vector<std::string> openRefs;
    for (const auto& r : *open) {
        if (!RequestStatus::open(r.value(2).toString())) continue;
        requestId.insert(r.value(1).toString(), r.value(0).toLongLong());
        openRefs.push_back(utf8(r.value(1).toString()));
    }
    std::vector<std::pair<std::string, int>> given;
    for (auto it = points.begin(); it != points.end(); ++it) given.emplace_back(utf8(it.key().trimmed().toUpper()), it.value());
    if (const auto problems = rules::checkPoints(utf8(email), given, current, openRefs, round.budget); !problems.empty()) {
        return problemsError(problems);
    }
    auto previous = store_.db().query(QStringLiteral("SELECT r.ref, p.points FROM council_points p JOIN council_requests r ON r.id = p.request_id"
                                                     " WHERE p.round_id = ? AND p.member_id = ?"),
                                      {roundId, memberId});
    if (!previous) return previous.error();
    QMap<QString, int> before, after;
    for (const auto& r : *previous) before.insert(r.value(0).toString(), r.value(1).toInt());
    if (auto st = store_.db().exec(QStringLiteral("DELETE FROM council_points WHERE round_id = ? AND member_id = ?"), {roundId, memberId}); !st) return st;
    const QDateTime now = store_.clock().now();
    for (const auto& [ref, n] : given) {
        if (n == 0) continue;
        const QString key = QString::fromStdString(ref);
        if (auto st = store_.db().exec(QStringLiteral("INSERT INTO council_points (round_id, member_id, request_id, points, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                       {roundId, memberId, requestId.value(key), n, who.username, iso(now)});
            !st)
            return st;
        after.insert(key, n);
    }
    if (auto st = store_.record(who, QStringLiteral("council.points"), QStringLiteral("council_round"), QString::number(roundId),
                                QJsonObject{{"member", email}, {"points", pointsJson(before)}}, QJsonObject{{"member", email}, {"points", pointsJson(after)}});
        !st)
        return st;
    return tx.commit();
}

Result<QList<Allocation>> CouncilService::allocations(const Session& who, qint64 roundId) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    auto exists = store_.db().query(QStringLiteral("SELECT 1 FROM council_point_rounds WHERE id = ?"), {roundId});
    if (!exists) return exists.error();
    if (exists->empty()) return fail("round " + std::to_string(roundId) + ": no such round", ErrorKind::NotFound);
    auto rows = store_.db().query(QStringLiteral("SELECT m.email, m.name, r.ref, p.points FROM council_points p JOIN council_members m ON m.id = p.member_id"
                                                 " JOIN council_requests r ON r.id = p.request_id WHERE p.round_id = ? ORDER BY m.name, m.email, r.ref"),
                                  {roundId});
    if (!rows) return rows.error();
    QList<Allocation> out;
    for (const auto& r : *rows) {
        const QString email = r.value(0).toString();
        if (out.isEmpty() || out.back().email != email) out << Allocation{email, r.value(1).toString(), {}};
        out.back().points.insert(r.value(2).toString(), r.value(3).toInt());
    }
    return out;
}

// ---- The roadmap

Result<QList<RoadmapQuarter>> CouncilService::roadmap(const Session& who, const QString& serviceKey) {
    auto all = requests(who, serviceKey);
    if (!all) return all.error();
    std::vector<rules::RoadmapItem> items;
    QHash<QString, ChangeRequest> byRef;
    for (const auto& c : *all) {
        items.push_back(rules::RoadmapItem{utf8(c.ref), utf8(c.status), utf8(c.quarter), c.points});
        byRef.insert(c.ref, c);
    }
    QList<RoadmapQuarter> out;
    for (const auto& q : rules::buildRoadmap(items)) {
        RoadmapQuarter quarter;
        quarter.quarter = QString::fromStdString(rules::formatQuarter(q.quarter));
        for (const auto& item : q.items) quarter.requests << byRef.value(QString::fromStdString(item.ref));
        out << quarter;
    }
    return out;
}

}  // namespace vakt::councils
