#include "servicedesk/desk_service.h"

#include <QJsonObject>
#include <QTimeZone>

#include "core/civil_time.h"
#include "core/organisation_service.h"
#include "core/stored_time.h"

namespace vakt::desk {

namespace {
using stored::iso;
using stored::fromIso;
QString hhmm(int minutes) { return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0')); }

std::chrono::year_month_day ymd(const QDate& d) {
    return std::chrono::year_month_day{std::chrono::year{d.year()}, std::chrono::month{unsigned(d.month())}, std::chrono::day{unsigned(d.day())}};
}
constexpr qsizetype kMaxName = 200;
}  // namespace

QTimeZone deskZone() { return platformZone(); }
CivilMinutes toCivil(const QDateTime& utc) { return toCivilMinutes(utc); }
QDateTime fromCivil(CivilMinutes civil) { return fromCivilMinutes(civil); }

std::optional<BreachClock> breachClock(const Incident& incident, const QDateTime& now) {
    if (incident.kind != IncidentKind::Breach) return std::nullopt;
    BreachClock c;
    c.knownAt = incident.knownAt.isValid() ? incident.knownAt : incident.openedAt;
    const auto deadline = breachNotificationDeadline(std::chrono::sys_seconds{std::chrono::seconds{c.knownAt.toSecsSinceEpoch()}});
    c.deadline = QDateTime::fromSecsSinceEpoch(deadline.time_since_epoch().count(), QTimeZone::utc());
    c.notifiedAt = incident.authorityNotifiedAt;
    c.secondsLeft = (c.notified() ? c.notifiedAt : now).secsTo(c.deadline);
    return c;
}

Result<DeskCalendar> DeskService::calendar(const Session& who) {
    (void)who;  // every role may read the desk's opening hours
    DeskCalendar c;
    auto hours = store_.db().query(QStringLiteral("SELECT weekday, opens, closes FROM desk_hours ORDER BY weekday"));
    if (!hours) return hours.error();
    c.hours.week.fill(std::nullopt);
    for (const auto& r : *hours) {
        const int day = r.value(0).toInt();
        if (day < 1 || day > 7 || r.value(1).isNull()) continue;
        c.hours.week[std::size_t(day - 1)] = DayHours{r.value(1).toInt(), r.value(2).toInt()};
    }
    auto closed = store_.db().query(QStringLiteral("SELECT day, name FROM desk_closed_days ORDER BY day"));
    if (!closed) return closed.error();
    for (const auto& r : *closed) {
        const QDate d = QDate::fromString(r.value(0).toString(), Qt::ISODate);
        if (!d.isValid()) continue;
        c.closedDays.emplace_back(d, r.value(1).toString());
        c.hours.extraClosedDays.push_back(ymd(d));
    }
    auto targets = store_.db().query(QStringLiteral("SELECT priority, respond_minutes, resolve_minutes, basis FROM desk_targets"));
    if (!targets) return targets.error();
    for (const auto& r : *targets) {
        const auto priority = priorityFromCode(r.value(0).toString().toStdString());
        const auto basis = targetBasisFromCode(r.value(3).toString().toStdString());
        if (!priority || !basis) continue;
        c.targets.of(*priority) = Target{r.value(1).toLongLong(), r.value(2).toLongLong(), *basis};
    }
    return c;
}

Result<std::pair<QDateTime, QDateTime>> DeskService::deadlines(const QString& priorityCode, const QDateTime& openedAt) {
    const auto priority = priorityFromCode(priorityCode.toStdString());
    if (!priority) return fail("field 'priority': '" + priorityCode.left(10).toStdString() + "' is not P1-P4");
    auto c = calendar(Session{});
    if (!c) return c.error();
    const Target& target = c->targets.of(*priority);
    // Around-the-clock targets count real time, so a night across a clock change is exact.
    if (target.basis == TargetBasis::Calendar)
        return std::pair{openedAt.addSecs(target.responseMinutes * 60), openedAt.addSecs(target.resolveMinutes * 60)};
    const BusinessCalendar business(c->hours);
    auto due = deadlinesFor(c->targets, business, *priority, toCivil(openedAt));
    if (!due) return due.error();
    return std::pair{fromCivil(due->respondBy), fromCivil(due->resolveBy)};
}

Status DeskService::setHours(const Session& who, int isoWeekday, std::optional<DayHours> hours) {
    if (!who.allows(permission::DeskConfigure)) return denied(who, permission::DeskConfigure);
    if (isoWeekday < 1 || isoWeekday > 7) return fail("field 'weekday': 1 (Monday) to 7 (Sunday)");
    auto current = calendar(who);
    if (!current) return current.error();
    BusinessHours next = current->hours;
    next.week[std::size_t(isoWeekday - 1)] = hours;
    if (auto s = validate(next); !s) return s;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    const auto& before = current->hours.week[std::size_t(isoWeekday - 1)];
    if (auto s = store_.db().exec(QStringLiteral("UPDATE desk_hours SET opens = ?, closes = ? WHERE weekday = ?"),
                                  {hours ? QVariant(hours->opens) : QVariant(),
                                   hours ? QVariant(hours->closes) : QVariant(), isoWeekday});
        !s)
        return s;
    auto text = [](const std::optional<DayHours>& h) { return h ? hhmm(h->opens) + QLatin1Char('-') + hhmm(h->closes) : QStringLiteral("closed"); };
    if (auto s = store_.record(who, QStringLiteral("desk.hours"), QStringLiteral("desk_hours"), QString::number(isoWeekday),
                               QJsonObject{{"hours", text(before)}}, QJsonObject{{"hours", text(hours)}});
        !s)
        return s;
    return tx.commit();
}

Status DeskService::addClosedDay(const Session& who, const QDate& day, const QString& name) {
    if (!who.allows(permission::DeskConfigure)) return denied(who, permission::DeskConfigure);
    if (!day.isValid()) return fail("field 'day': not a date");
    if (name.trimmed().isEmpty() || name.size() > kMaxName) return fail("field 'name': required, at most 200 characters");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    const QString key = day.toString(Qt::ISODate);
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO desk_closed_days (day, name) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET name = excluded.name"),
                                  {key, name.trimmed()});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("desk.closed_day"), QStringLiteral("desk_closed_day"), key, {}, QJsonObject{{"name", name.trimmed()}}); !s)
        return s;
    return tx.commit();
}

Status DeskService::removeClosedDay(const Session& who, const QDate& day) {
    if (!who.allows(permission::DeskConfigure)) return denied(who, permission::DeskConfigure);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    const QString key = day.toString(Qt::ISODate);
    auto rows = store_.db().query(QStringLiteral("SELECT name FROM desk_closed_days WHERE day = ?"), {key});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("field 'day': " + key.toStdString() + " is not a closed day", ErrorKind::NotFound);
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM desk_closed_days WHERE day = ?"), {key}); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("desk.open_day"), QStringLiteral("desk_closed_day"), key, QJsonObject{{"name", rows->front().value(0).toString()}}, {});
        !s)
        return s;
    return tx.commit();
}

Status DeskService::setTarget(const Session& who, const QString& priorityCode, const Target& target) {
    if (!who.allows(permission::DeskConfigure)) return denied(who, permission::DeskConfigure);
    const auto priority = priorityFromCode(priorityCode.toStdString());
    if (!priority) return fail("field 'priority': '" + priorityCode.left(10).toStdString() + "' is not P1-P4");
    auto current = calendar(who);
    if (!current) return current.error();
    ServiceTargets next = current->targets;
    const Target before = next.of(*priority);
    next.of(*priority) = target;
    if (auto s = validate(next); !s) return s;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    const QString code = QString::fromUtf8(desk::priorityCode(*priority));
    if (auto s = store_.db().exec(QStringLiteral("UPDATE desk_targets SET respond_minutes = ?, resolve_minutes = ?, basis = ? WHERE priority = ?"),
                                  {qint64(target.responseMinutes), qint64(target.resolveMinutes), QString::fromUtf8(targetBasisCode(target.basis)), code});
        !s)
        return s;
    auto json = [](const Target& t) {
        return QJsonObject{{"respond_minutes", qint64(t.responseMinutes)}, {"resolve_minutes", qint64(t.resolveMinutes)},
                           {"basis", QString::fromUtf8(targetBasisCode(t.basis))}};
    };
    if (auto s = store_.record(who, QStringLiteral("desk.target"), QStringLiteral("desk_target"), code, json(before), json(target)); !s) return s;
    return tx.commit();
}

Result<qint64> DeskService::addShift(const Session& who, const QString& username, const QDateTime& from, const QDateTime& until) {
    if (!who.allows(permission::DeskConfigure)) return denied(who, permission::DeskConfigure).error();
    if (!from.isValid() || !until.isValid() || until <= from) return fail("field 'until': the shift must end after it starts");
    if (from.secsTo(until) > 31LL * 24 * 3600) return fail("field 'until': a shift is at most 31 days");
    auto user = store_.db().query(QStringLiteral("SELECT 1 FROM users WHERE username = ?"), {username});
    if (!user) return user.error();
    if (user->empty()) return fail("field 'username': '" + username.left(80).toStdString() + "' is not a user", ErrorKind::NotFound);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    // One person holds the duty at a time: the roster says who the phone rings for.
    auto overlap = store_.db().query(QStringLiteral("SELECT id, username FROM desk_on_call WHERE starts_at < ? AND ends_at > ?"), {iso(until), iso(from)});
    if (!overlap) return overlap.error();
    if (!overlap->empty())
        return fail("field 'from': overlaps shift " + overlap->front().value(0).toString().toStdString() + " (" +
                        overlap->front().value(1).toString().toStdString() + ")",
                    ErrorKind::Conflict);
    auto id = store_.db().insertReturningId(QStringLiteral("INSERT INTO desk_on_call (username, starts_at, ends_at) VALUES (?, ?, ?) RETURNING id"),
                                            {username, iso(from), iso(until)});
    if (!id) return id.error();
    if (auto s = store_.record(who, QStringLiteral("desk.on_call"), QStringLiteral("desk_on_call"), QString::number(*id), {},
                               QJsonObject{{"username", username}, {"from", iso(from)}, {"until", iso(until)}});
        !s)
        return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return *id;
}

Status DeskService::removeShift(const Session& who, qint64 id) {
    if (!who.allows(permission::DeskConfigure)) return denied(who, permission::DeskConfigure);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT username, starts_at, ends_at FROM desk_on_call WHERE id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("shift " + std::to_string(id) + ": no such shift", ErrorKind::NotFound);
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM desk_on_call WHERE id = ?"), {id}); !s) return s;
    const auto& r = rows->front();
    if (auto s = store_.record(who, QStringLiteral("desk.on_call_removed"), QStringLiteral("desk_on_call"), QString::number(id),
                               QJsonObject{{"username", r.value(0).toString()}, {"from", r.value(1).toString()}, {"until", r.value(2).toString()}}, {});
        !s)
        return s;
    return tx.commit();
}

Result<QList<OnCallShift>> DeskService::shifts(const Session& who, const QDateTime& from, const QDateTime& until) {
    (void)who;
    auto rows = store_.db().query(QStringLiteral("SELECT id, username, starts_at, ends_at FROM desk_on_call WHERE starts_at < ? AND ends_at > ? ORDER BY starts_at"),
                                  {iso(until), iso(from)});
    if (!rows) return rows.error();
    QList<OnCallShift> out;
    for (const auto& r : *rows) out << OnCallShift{r.value(0).toLongLong(), r.value(1).toString(), fromIso(r.value(2)), fromIso(r.value(3))};
    return out;
}

Result<QString> DeskService::onCallAt(const QDateTime& at) {
    auto rows = store_.db().query(QStringLiteral("SELECT username FROM desk_on_call WHERE starts_at <= ? AND ends_at > ? ORDER BY starts_at DESC LIMIT 1"),
                                  {iso(at), iso(at)});
    if (!rows) return rows.error();
    return rows->empty() ? QString() : rows->front().value(0).toString();
}

Result<QList<AffectedParty>> DeskService::affectedParties(const Session& who, qint64 incidentId) {
    IncidentStore incidents(store_);
    auto links = incidents.links(who, incidentId);
    if (!links) return links.error();
    QSet<QString> services;
    for (const auto& [kind, target] : *links)
        if (kind == IncidentLink::Service) services.insert(target);
    if (services.isEmpty()) return QList<AffectedParty>{};
    OrganisationService organisations(store_);
    auto agreements = organisations.agreements(who);
    if (!agreements) return agreements.error();
    auto orgs = organisations.organisations(who);
    if (!orgs) return orgs.error();
    QHash<QString, const Organisation*> byOrgnr;
    for (const auto& o : *orgs) byOrgnr.insert(o.orgnr, &o);
    QMap<QString, AffectedParty> parties;  // by name, so the list reads alphabetically
    QHash<QString, QString> nameOf;
    for (const auto& a : *agreements) {
        if (!services.contains(a.serviceKey)) continue;
        const Organisation* o = byOrgnr.value(a.orgnr);
        const QString name = o ? o->name : a.orgnr;
        AffectedParty& p = parties[name + QLatin1Char('\x1f') + a.orgnr];
        p.orgnr = a.orgnr;
        p.name = name;
        p.kind = o ? o->kind : QString();
        if (!p.services.contains(a.serviceKey)) p.services << a.serviceKey;
    }
    auto sent = store_.db().query(QStringLiteral("SELECT orgnr, max(written_at) FROM desk_notices WHERE incident_id = ? GROUP BY orgnr"), {incidentId});
    if (!sent) return sent.error();
    QHash<QString, QDateTime> lastNotice;
    for (const auto& r : *sent) lastNotice.insert(r.value(0).toString(), fromIso(r.value(1)));
    QList<AffectedParty> out;
    for (auto& p : parties) {
        p.services.sort();
        p.notifiedAt = lastNotice.value(p.orgnr);
        out << p;
    }
    return out;
}

}  // namespace vakt::desk
