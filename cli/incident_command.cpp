// vakt incident: the service desk's cases (hendelser og henvendelser) for scripts: list, show,
// add, update, escalate, notices to affected organisations, the Freshdesk import, the desk's
// calendar and the on-call roster.
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/risk_common.h"
#include "core/incidents.h"
#include "servicedesk/desk_service.h"

namespace vakt::cli {
namespace {

constexpr const char* kIncidentHelp = R"(Usage: vakt [--db URL] [--user NAME] incident SUBCOMMAND

Cases: question, fault, deviation (driftsavvik), security, breach (personal data); priority
P1-P4; state new, acknowledged, in_progress, waiting, resolved, closed; queue desk, security
(the security officer: security incidents and breaches) or oncall (P1, the on-call duty).
Times are ISO 8601 (2026-12-02T14:30, Norwegian time unless a zone is given).

  list [--queue Q] [--state S,..] [--priority P,..] [--kind K,..] [--assignee USER | --mine]
       [--service KEY] [--search TEXT] [--open] [--overdue] [--limit N] [--json]
                    the queue: open first, most urgent, nearest deadline
  show ID [--json]  the case: deadlines, the 72-hour clock of a breach, links, the
                    organisations it affects and the notices written, the timeline
  add --title TEXT [--kind K] [--priority P] [--description TEXT] [--service KEY]...
      [--org ORGNR] [--reporter NAME] [--assign USER] [--known-at TIME]
                    records a case; prints its id. P1 goes to whoever is on call
  update ID [--state S [--waiting-on reporter|hosting|vendor]] [--priority P] [--kind K]
      [--assign USER | --unassign] [--title TEXT] [--description TEXT] [--note TEXT]
      [--link KIND:TARGET]... [--unlink KIND:TARGET]...
      [--authority-notified TIME --reference REF]
                    changes a case; resolving, closing and a new priority need --note.
                    Links: service:KEY, organisation:ORGNR, change:ID. The Datatilsynet
                    notification is recorded for breaches (security officer)
  escalate ID --note TEXT
                    hands a case to the security officer as a security incident
  notify ID --out DIR [--org ORGNR]...
                    writes a notice (.eml) to each affected organisation (or those given)
  import FILE [--dry-run]
                    Freshdesk's ticket export (CSV). Every row is checked first; any
                    problem is listed as FILE:LINE: column 'X': reason and nothing is imported.
                    Tickets imported before are left as they are
  calendar [--json] opening hours, closed days and the service targets
  calendar hours DAY HH:MM-HH:MM|closed         DAY 1 (Monday) to 7 (Sunday)
  calendar close DATE NAME | calendar open DATE an extra closed day, or no longer
  calendar target P --respond MINUTES --resolve MINUTES --basis business|calendar
  oncall [--days N] [--json]                     the roster from today
  oncall add USER --from TIME --until TIME | oncall remove ID

Exit codes: 0 ok, 1 failure (denied, invalid, not found; an import with problems), 2 usage.
)";

QStringList listOption(Args& a, const QString& name, const QStringList& allowed) {
    const auto text = a.option(name);
    if (!text) return {};
    QStringList values = text->split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (auto& v : values) {
        v = v.trimmed();
        if (!allowed.contains(v)) throw UsageError((name + " takes " + allowed.join(QStringLiteral(", ")) + ", not '" + v + "'").toStdString());
    }
    return values;
}

QString codeOption(Args& a, const QString& name, const QStringList& allowed) {
    auto values = listOption(a, name, allowed);
    if (values.size() > 1) throw UsageError((name + " takes one value").toStdString());
    return values.value(0);
}

QDateTime timeOf(const QString& name, const QString& text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) throw UsageError((name + " takes a time as 2026-12-02T14:30, not '" + text + "'").toStdString());
    // Without a zone it is Norwegian wall-clock time, as the desk reads its clock.
    if (t.timeSpec() == Qt::LocalTime) t = QDateTime(t.date(), t.time(), desk::deskZone());
    return t.toUTC();
}

QDateTime timeOption(Args& a, const QString& name) {
    const auto text = a.option(name);
    return text ? timeOf(name, *text) : QDateTime();
}

qint64 idArgument(Args& a) {
    const QString text = a.requiredPositional("case id");
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) throw UsageError(("a case id is a number, not '" + text + "'").toStdString());
    return id;
}

QString iso(const QDateTime& t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }
QJsonValue isoOrNull(const QDateTime& t) { return t.isValid() ? QJsonValue(iso(t)) : QJsonValue(); }

// Time left to the next deadline the case has not met: response while nobody has taken it,
// then resolution. Negative when overdue.
std::optional<qint64> minutesLeft(const Incident& i, const QDateTime& now) {
    if (i.status != QLatin1String("open")) return std::nullopt;
    const QDateTime due = !i.respondedAt.isValid() && i.respondBy.isValid() ? i.respondBy : i.resolveBy;
    if (!due.isValid()) return std::nullopt;
    return now.secsTo(due) / 60;
}

QString durationText(qint64 minutes) {
    const qint64 m = std::abs(minutes);
    const QString text = m >= 24 * 60 ? QStringLiteral("%1d%2h").arg(m / (24 * 60)).arg((m / 60) % 24)
                         : m >= 60    ? QStringLiteral("%1h%2m").arg(m / 60).arg(m % 60, 2, 10, QLatin1Char('0'))
                                      : QStringLiteral("%1m").arg(m);
    return minutes < 0 ? QStringLiteral("-") + text : text;
}

QJsonObject caseJson(const Incident& i, const QDateTime& now) {
    QJsonObject o{{"id", i.id},
                  {"kind", i.kind},
                  {"priority", i.priority},
                  {"state", i.state},
                  {"status", i.status},
                  {"waiting_on", i.waitingOn},
                  {"queue", i.queue},
                  {"assignee", i.assignee},
                  {"title", i.title},
                  {"description", i.description},
                  {"summary", i.summary},
                  {"service", i.service},
                  {"source", i.source},
                  {"reporter_orgnr", i.reporterOrgnr},
                  {"reporter", i.reporter},
                  {"external_ref", i.externalRef},
                  {"opened_at", iso(i.openedAt)},
                  {"known_at", isoOrNull(i.knownAt)},
                  {"respond_by", isoOrNull(i.respondBy)},
                  {"resolve_by", isoOrNull(i.resolveBy)},
                  {"responded_at", isoOrNull(i.respondedAt)},
                  {"resolved_at", isoOrNull(i.resolvedAt)}};
    if (auto left = minutesLeft(i, now)) o.insert("minutes_left", *left);
    if (auto clock = desk::breachClock(i, now))
        o.insert("breach", QJsonObject{{"known_at", iso(clock->knownAt)}, {"deadline", iso(clock->deadline)},
                                       {"notified_at", isoOrNull(clock->notifiedAt)}, {"reference", i.authorityRef},
                                       {"seconds_left", clock->secondsLeft}});
    return o;
}

int list(Context& ctx, Args& a) {
    IncidentFilter f;
    f.queue = codeOption(a, QStringLiteral("--queue"), IncidentQueue::all());
    f.states = listOption(a, QStringLiteral("--state"), IncidentState::all());
    f.priorities = listOption(a, QStringLiteral("--priority"), incidentPriorities());
    f.kinds = listOption(a, QStringLiteral("--kind"), IncidentKind::all());
    f.assignee = a.option(QStringLiteral("--assignee")).value_or(QString());
    const bool mine = a.flag(QStringLiteral("--mine"));
    f.service = a.option(QStringLiteral("--service")).value_or(QString());
    f.text = a.option(QStringLiteral("--search")).value_or(QString());
    f.openOnly = a.flag(QStringLiteral("--open"));
    f.overdueOnly = a.flag(QStringLiteral("--overdue"));
    const int limit = intOption(a, QStringLiteral("--limit"), 200, 1, 10000);
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (mine && !f.assignee.isEmpty()) throw UsageError("give --assignee or --mine, not both");
    if (int rc = connected(ctx); rc != kOk) return rc;
    if (mine) f.assignee = ctx.session().username;
    IncidentStore incidents(ctx.store());
    auto total = incidents.count(ctx.session(), f);
    if (!total) return failWith(total.message());
    auto rows = incidents.query(ctx.session(), f, 0, limit);
    if (!rows) return failWith(rows.message());
    const QDateTime now = ctx.store().clock().now();
    if (json) {
        QJsonArray arr;
        for (const auto& i : *rows) arr.append(caseJson(i, now));
        printJson(QJsonObject{{"total", *total}, {"cases", arr}});
        return kOk;
    }
    out() << padded(QStringLiteral("ID"), 7) << padded(QStringLiteral("PRI"), 4) << padded(QStringLiteral("KIND"), 10) << padded(QStringLiteral("STATE"), 17)
          << padded(QStringLiteral("QUEUE"), 9) << padded(QStringLiteral("ASSIGNEE"), 20) << padded(QStringLiteral("DUE IN"), 9)
          << padded(QStringLiteral("SERVICE"), 20) << "TITLE\n";
    for (const auto& i : *rows) {
        const auto left = minutesLeft(i, now);
        const QString state = i.state == IncidentState::Waiting ? i.state + QLatin1Char(':') + i.waitingOn : i.state;
        out() << padded(QString::number(i.id), 7) << padded(i.priority, 4) << padded(i.kind, 10) << padded(state, 17) << padded(i.queue, 9)
              << padded(i.assignee.isEmpty() ? QStringLiteral("-") : i.assignee, 20) << padded(left ? durationText(*left) : QStringLiteral("-"), 9)
              << padded(i.service.isEmpty() ? QStringLiteral("-") : i.service, 20) << i.title << '\n';
    }
    if (*total > rows->size()) out() << "(" << rows->size() << " of " << *total << "; --limit shows more)\n";
    out().flush();
    return kOk;
}

int show(Context& ctx, Args& a) {
    const qint64 id = idArgument(a);
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    IncidentStore incidents(ctx.store());
    desk::DeskService desk(ctx.store());
    auto i = incidents.get(ctx.session(), id);
    if (!i) return failWith(i.message());
    auto links = incidents.links(ctx.session(), id);
    auto timeline = incidents.timeline(ctx.session(), id);
    auto parties = desk.affectedParties(ctx.session(), id);
    auto notices = desk.notices(ctx.session(), id);
    for (const auto* failed : {links ? nullptr : &links.error(), timeline ? nullptr : &timeline.error(), parties ? nullptr : &parties.error(),
                               notices ? nullptr : &notices.error()})
        if (failed) return failWith(failed->message);
    const QDateTime now = ctx.store().clock().now();
    if (json) {
        QJsonObject o = caseJson(*i, now);
        QJsonArray l, t, p, n;
        for (const auto& [kind, target] : *links) l.append(QJsonObject{{"kind", kind}, {"target", target}});
        for (const auto& e : *timeline) t.append(QJsonObject{{"at", iso(e.at)}, {"actor", e.actor}, {"action", e.action}, {"text", e.text}});
        for (const auto& x : *parties)
            p.append(QJsonObject{{"orgnr", x.orgnr}, {"name", x.name}, {"services", QJsonArray::fromStringList(x.services)}, {"notified_at", isoOrNull(x.notifiedAt)}});
        for (const auto& x : *notices) n.append(QJsonObject{{"orgnr", x.orgnr}, {"file", x.file}, {"sha256", x.sha256}, {"written_at", iso(x.writtenAt)}});
        o.insert("links", l), o.insert("timeline", t), o.insert("affected", p), o.insert("notices", n);
        printJson(o);
        return kOk;
    }
    out() << "Case " << i->id << ": " << i->title << "\n";
    out() << "  " << i->kind << ", " << i->priority << ", " << i->state << (i->waitingOn.isEmpty() ? QString() : QStringLiteral(" on ") + i->waitingOn)
          << ", queue " << i->queue << ", assigned to " << (i->assignee.isEmpty() ? QStringLiteral("nobody") : i->assignee) << "\n";
    out() << "  opened " << iso(i->openedAt) << (i->externalRef.isEmpty() ? QString() : QStringLiteral(" (") + i->externalRef + QLatin1Char(')')) << "\n";
    if (i->respondBy.isValid())
        out() << "  respond by " << iso(i->respondBy) << (i->respondedAt.isValid() ? QStringLiteral(" (responded ") + iso(i->respondedAt) + QLatin1Char(')') : QString())
              << ", resolve by " << iso(i->resolveBy) << "\n";
    if (auto clock = desk::breachClock(*i, now)) {
        out() << "  breach known " << iso(clock->knownAt) << "; Datatilsynet by " << iso(clock->deadline);
        if (clock->notified())
            out() << ": notified " << iso(clock->notifiedAt) << " (" << i->authorityRef << ")\n";
        else
            out() << (clock->secondsLeft < 0 ? ": OVERDUE by " : ": ") << durationText(std::abs(clock->secondsLeft) / 60)
                  << (clock->secondsLeft < 0 ? "" : " left") << "\n";
    }
    if (!i->description.isEmpty()) out() << "\n" << i->description << "\n";
    if (!links->isEmpty()) {
        out() << "\nLINKS\n";
        for (const auto& [kind, target] : *links) out() << "  " << kind << ":" << target << "\n";
    }
    if (!parties->isEmpty()) {
        out() << "\nAFFECTED (" << parties->size() << ")\n";
        for (const auto& x : *parties)
            out() << "  " << padded(x.orgnr, 10) << padded(x.name, 36) << padded(x.services.join(QLatin1Char(',')), 24)
                  << (x.notifiedAt.isValid() ? QStringLiteral("notified ") + iso(x.notifiedAt) : QStringLiteral("-")) << "\n";
    }
    out() << "\nTIMELINE\n";
    for (const auto& e : *timeline) out() << "  " << iso(e.at) << "  " << padded(e.actor, 20) << padded(e.action, 18) << e.text << "\n";
    out().flush();
    return kOk;
}

int add(Context& ctx, Args& a) {
    NewCase c;
    c.title = requiredText(a, QStringLiteral("--title"));
    if (auto kind = codeOption(a, QStringLiteral("--kind"), IncidentKind::all()); !kind.isEmpty()) c.kind = kind;
    if (auto priority = codeOption(a, QStringLiteral("--priority"), incidentPriorities()); !priority.isEmpty()) c.priority = priority;
    c.description = a.option(QStringLiteral("--description")).value_or(QString());
    while (auto service = a.option(QStringLiteral("--service"))) c.services << *service;
    c.reporterOrgnr = a.option(QStringLiteral("--org")).value_or(QString());
    c.reporter = a.option(QStringLiteral("--reporter")).value_or(QString());
    c.assignee = a.option(QStringLiteral("--assign")).value_or(QString());
    c.knownAt = timeOption(a, QStringLiteral("--known-at"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto id = IncidentStore(ctx.store()).createCase(ctx.session(), c);
    if (!id) return failWith(id.message());
    out() << *id << "\n";
    out().flush();
    return kOk;
}

std::pair<QString, QString> linkArgument(const QString& text) {
    const auto colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || !IncidentLink::all().contains(text.left(colon)))
        throw UsageError(("a link is KIND:TARGET with KIND one of " + IncidentLink::all().join(QStringLiteral(", ")) + ", not '" + text + "'").toStdString());
    return {text.left(colon), text.mid(colon + 1)};
}

int update(Context& ctx, Args& a) {
    const qint64 id = idArgument(a);
    CaseUpdate u;
    if (auto v = codeOption(a, QStringLiteral("--state"), IncidentState::all()); !v.isEmpty()) u.state = v;
    if (auto v = codeOption(a, QStringLiteral("--waiting-on"), WaitingOn::all()); !v.isEmpty()) u.waitingOn = v;
    if (auto v = codeOption(a, QStringLiteral("--priority"), incidentPriorities()); !v.isEmpty()) u.priority = v;
    if (auto v = codeOption(a, QStringLiteral("--kind"), IncidentKind::all()); !v.isEmpty()) u.kind = v;
    if (auto v = a.option(QStringLiteral("--assign"))) u.assignee = *v;
    if (a.flag(QStringLiteral("--unassign"))) {
        if (u.assignee) throw UsageError("give --assign or --unassign, not both");
        u.assignee = QString();
    }
    if (auto v = a.option(QStringLiteral("--title"))) u.title = *v;
    if (auto v = a.option(QStringLiteral("--description"))) u.description = *v;
    u.note = a.option(QStringLiteral("--note")).value_or(QString());
    QList<std::pair<QString, QString>> links, unlinks;
    while (auto v = a.option(QStringLiteral("--link"))) links << linkArgument(*v);
    while (auto v = a.option(QStringLiteral("--unlink"))) unlinks << linkArgument(*v);
    const QDateTime notified = timeOption(a, QStringLiteral("--authority-notified"));
    const auto reference = a.option(QStringLiteral("--reference"));
    a.expectEnd();
    if (notified.isValid() != reference.has_value()) throw UsageError("--authority-notified and --reference go together");
    const bool fields = u.state || u.waitingOn || u.priority || u.kind || u.assignee || u.title || u.description || !u.note.isEmpty();
    if (!fields && links.isEmpty() && unlinks.isEmpty() && !notified.isValid()) throw UsageError("nothing to update: give a field, a link or --note");
    if (int rc = connected(ctx); rc != kOk) return rc;
    IncidentStore incidents(ctx.store());
    // Each part is its own step: what went through before a failure stays, and the message says which part failed.
    if (fields)
        if (auto s = incidents.update(ctx.session(), id, u); !s) return failWith(s.message());
    for (const auto& [kind, target] : links)
        if (auto s = incidents.link(ctx.session(), id, kind, target); !s) return failWith(s.message());
    for (const auto& [kind, target] : unlinks)
        if (auto s = incidents.unlink(ctx.session(), id, kind, target); !s) return failWith(s.message());
    if (notified.isValid())
        if (auto s = incidents.recordAuthorityNotification(ctx.session(), id, notified, *reference); !s) return failWith(s.message());
    return kOk;
}

int escalate(Context& ctx, Args& a) {
    const qint64 id = idArgument(a);
    CaseUpdate u;
    u.kind = IncidentKind::Security;
    u.note = requiredText(a, QStringLiteral("--note"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    if (auto s = IncidentStore(ctx.store()).update(ctx.session(), id, u); !s) return failWith(s.message());
    out() << "Case " << id << " is with the security officer.\n";
    out().flush();
    return kOk;
}

int notify(Context& ctx, Args& a) {
    const qint64 id = idArgument(a);
    const QString dir = requiredText(a, QStringLiteral("--out"));
    QStringList orgs;
    while (auto v = a.option(QStringLiteral("--org"))) orgs << *v;
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto files = desk::DeskService(ctx.store()).writeNotices(ctx.session(), id, dir, orgs);
    if (!files) return failWith(files.message());
    for (const auto& f : *files) out() << f << "\n";
    out() << counted(files->size(), "notice", "notices") << " written; send them from the desk's mailbox.\n";
    out().flush();
    return kOk;
}

int import(Context& ctx, Args& a) {
    const QString path = a.requiredPositional("FILE (Freshdesk's ticket export)");
    const bool dryRun = a.flag(QStringLiteral("--dry-run"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto report = desk::DeskService(ctx.store()).importFreshdesk(ctx.session(), path, dryRun);
    if (!report) return failWith(report.message());
    if (!report->ignoredColumns.isEmpty()) out() << "Columns Vakt does not use: " << report->ignoredColumns.join(QStringLiteral(", ")) << "\n";
    if (!report->errors.isEmpty()) {
        for (const auto& e : report->errors) err() << e << "\n";
        err() << counted(report->errors.size(), "problem", "problems") << "; nothing was imported.\n";
        err().flush();
        out().flush();
        return kFailure;
    }
    out() << (dryRun ? "Would import " : "Imported ") << counted(report->imported, "ticket", "tickets");
    if (report->alreadyImported) out() << "; " << report->alreadyImported << " imported before, left as they are";
    out() << ".\n";
    out().flush();
    return kOk;
}

QString hhmm(int minutes) { return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0')); }

int minuteOfDay(const QString& text) {
    const QTime t = QTime::fromString(text, QStringLiteral("HH:mm"));
    if (text == QLatin1String("24:00")) return 24 * 60;
    if (!t.isValid()) throw UsageError(("'" + text + "' is not a time of day like 08:00").toStdString());
    return t.hour() * 60 + t.minute();
}

int calendar(Context& ctx, Args& a) {
    const auto word = a.positional();
    if (word == QLatin1String("hours")) {
        bool ok = false;
        const int day = a.requiredPositional("DAY (1 Monday … 7 Sunday)").toInt(&ok);
        const QString span = a.requiredPositional("HH:MM-HH:MM or closed");
        a.expectEnd();
        if (!ok) throw UsageError("DAY is 1 (Monday) to 7 (Sunday)");
        std::optional<desk::DayHours> hours;
        if (span != QLatin1String("closed")) {
            const auto parts = span.split(QLatin1Char('-'));
            if (parts.size() != 2) throw UsageError("hours are HH:MM-HH:MM, as 08:00-16:00, or closed");
            hours = desk::DayHours{minuteOfDay(parts[0]), minuteOfDay(parts[1])};
        }
        if (int rc = connected(ctx); rc != kOk) return rc;
        desk::DeskService desk(ctx.store());
        if (auto s = desk.setHours(ctx.session(), day, hours); !s) return failWith(s.message());
        return kOk;
    }
    if (word == QLatin1String("close") || word == QLatin1String("open")) {
        const QString text = a.requiredPositional("DATE");
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid()) throw UsageError(("DATE is like 2026-12-24, not '" + text + "'").toStdString());
        const QString name = word == QLatin1String("close") ? a.requiredPositional("NAME (what the day is)") : QString();
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        desk::DeskService desk(ctx.store());
        const Status s = word == QLatin1String("close") ? desk.addClosedDay(ctx.session(), day, name) : desk.removeClosedDay(ctx.session(), day);
        return s ? kOk : failWith(s.message());
    }
    if (word == QLatin1String("target")) {
        const QString priority = a.requiredPositional("P1-P4");
        desk::Target t;
        t.responseMinutes = intOption(a, QStringLiteral("--respond"), 0, 1, 5'000'000);
        t.resolveMinutes = intOption(a, QStringLiteral("--resolve"), 0, 1, 5'000'000);
        const QString basis = requiredText(a, QStringLiteral("--basis"));
        a.expectEnd();
        const auto b = desk::targetBasisFromCode(basis.toStdString());
        if (!b) throw UsageError("--basis is business or calendar");
        if (t.responseMinutes == 0 || t.resolveMinutes == 0) throw UsageError("--respond and --resolve are required");
        t.basis = *b;
        if (int rc = connected(ctx); rc != kOk) return rc;
        desk::DeskService desk(ctx.store());
        if (auto s = desk.setTarget(ctx.session(), priority, t); !s) return failWith(s.message());
        return kOk;
    }
    if (word) throw UsageError(("unknown calendar subcommand '" + *word + "' (hours, close, open, target)").toStdString());
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    desk::DeskService desk(ctx.store());
    auto c = desk.calendar(ctx.session());
    if (!c) return failWith(c.message());
    static const char* days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    QJsonObject hours, targets;
    QJsonArray closed;
    for (std::size_t d = 0; d < 7; ++d) {
        const auto& h = c->hours.week[d];
        hours.insert(QLatin1String(days[d]), h ? QJsonValue(hhmm(h->opens) + QLatin1Char('-') + hhmm(h->closes)) : QJsonValue(QStringLiteral("closed")));
    }
    for (const auto& [day, name] : c->closedDays) closed.append(QJsonObject{{"day", day.toString(Qt::ISODate)}, {"name", name}});
    for (auto p : {desk::Priority::P1, desk::Priority::P2, desk::Priority::P3, desk::Priority::P4}) {
        const auto& t = c->targets.of(p);
        targets.insert(QString::fromUtf8(desk::priorityCode(p)), QJsonObject{{"respond_minutes", qint64(t.responseMinutes)}, {"resolve_minutes", qint64(t.resolveMinutes)},
                                                                             {"basis", QString::fromUtf8(desk::targetBasisCode(t.basis))}});
    }
    if (json) {
        printJson(QJsonObject{{"hours", hours}, {"closed_days", closed}, {"targets", targets}, {"time_zone", QStringLiteral("Europe/Oslo")}});
        return kOk;
    }
    out() << "OPENING HOURS (Europe/Oslo; Norwegian public holidays closed)\n";
    for (std::size_t d = 0; d < 7; ++d) out() << "  " << padded(QLatin1String(days[d]), 11) << hours.value(QLatin1String(days[d])).toString() << "\n";
    out() << "\nCLOSED DAYS\n";
    for (const auto& [day, name] : c->closedDays) out() << "  " << day.toString(Qt::ISODate) << "  " << name << "\n";
    out() << "\nTARGETS           RESPOND   RESOLVE   BASIS\n";
    for (auto it = targets.begin(); it != targets.end(); ++it) {
        const auto o = it.value().toObject();
        out() << "  " << padded(it.key(), 16) << padded(durationText(o.value("respond_minutes").toInteger()), 10)
              << padded(durationText(o.value("resolve_minutes").toInteger()), 10) << o.value("basis").toString() << "\n";
    }
    out().flush();
    return kOk;
}

int oncall(Context& ctx, Args& a) {
    const auto word = a.positional();
    if (word == QLatin1String("add")) {
        const QString user = a.requiredPositional("USER");
        const QDateTime from = timeOf(QStringLiteral("--from"), requiredText(a, QStringLiteral("--from")));
        const QDateTime until = timeOf(QStringLiteral("--until"), requiredText(a, QStringLiteral("--until")));
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        desk::DeskService desk(ctx.store());
        auto id = desk.addShift(ctx.session(), user, from, until);
        if (!id) return failWith(id.message());
        out() << *id << "\n";
        out().flush();
        return kOk;
    }
    if (word == QLatin1String("remove")) {
        const qint64 id = idArgument(a);
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        desk::DeskService desk(ctx.store());
        if (auto s = desk.removeShift(ctx.session(), id); !s) return failWith(s.message());
        return kOk;
    }
    if (word) throw UsageError(("unknown oncall subcommand '" + *word + "' (add, remove)").toStdString());
    const int days = intOption(a, QStringLiteral("--days"), 14, 1, 366);
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    desk::DeskService desk(ctx.store());
    const QDateTime now = ctx.store().clock().now();
    auto shifts = desk.shifts(ctx.session(), now, now.addDays(days));
    if (!shifts) return failWith(shifts.message());
    QJsonArray arr;
    if (!json) out() << padded(QStringLiteral("ID"), 6) << padded(QStringLiteral("USER"), 20) << padded(QStringLiteral("FROM"), 22) << "UNTIL\n";
    for (const auto& s : *shifts) {
        if (json)
            arr.append(QJsonObject{{"id", s.id}, {"username", s.username}, {"from", iso(s.from)}, {"until", iso(s.until)}});
        else
            out() << padded(QString::number(s.id), 6) << padded(s.username, 20) << padded(iso(s.from), 22) << iso(s.until) << "\n";
    }
    if (json) printJson(arr);
    out().flush();
    return kOk;
}

int incidentCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"list", list},       {"show", show},     {"add", add},       {"update", update},
                                                           {"escalate", escalate}, {"notify", notify}, {"import", import}, {"calendar", calendar},
                                                           {"oncall", oncall}};
    return runSubcommand(ctx, a, "incident", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "incident",
    .summary = "  incident list|show|add|update|escalate|notify|import\n"
               "                                     the service desk's cases, deadlines, notices, Freshdesk import\n"
               "  incident calendar|oncall           opening hours, targets, closed days; the on-call roster\n",
    .help = kIncidentHelp,
    .order = 65,
    .needsDatabase = true,
    .run = incidentCommand,
}};

}  // namespace
}  // namespace vakt::cli
