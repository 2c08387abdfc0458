// vakt council: the user councils (brukerråd) per service for scripts and the product owner's
// files: which services have one, a council's members, terms and warnings, its change requests
// with points and responses, the roadmap, and exports as JSON, CSV or HTML.
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <cstdio>

#include "cli/command.h"
#include "cli/risk_common.h"
#include "core/civil_time.h"
#include "councils/council_service.h"

namespace vakt::cli {
namespace {

constexpr const char* kCouncilHelp = R"(Usage: vakt [--db URL] [--user NAME] council SUBCOMMAND

User meetings (brukermøter) and user councils (brukerråd) per service: the council of 5 to 8
representatives elected at a user meeting from the organisations present, their terms, the change
requests (endringsønsker) with the council's points and the product owner's responses, and the
roadmap (veikart) by quarter. SERVICE is a catalogue key (svarut). Request statuses: received,
under_review, accepted, planned, delivered, rejected.

  list [--json]     the services with a council, meetings or requests: members sitting,
                    warnings, open requests, the last user meeting and the next meeting
  show SERVICE [--warn-days N] [--json]
                    the council at a glance and its warnings: fewer than 5 members, terms
                    ending within N days (default 60) or ended, no user meeting for a year
  members SERVICE [--all] [--json]
                    the members sitting today (--all: everyone who has sat) with their terms
  requests SERVICE [--status S,..] [--json]
                    the change requests, newest first, with points from the latest round
  roadmap SERVICE [--json]
                    accepted, planned and delivered requests by quarter, most points first
  export SERVICE --format json|csv|html --out FILE
                    the council for the files: JSON with everything, the requests as CSV, or
                    one HTML document (members, terms, warnings, requests, roadmap, meetings);
                    --out - writes to standard output

Exit codes: 0 ok, 1 failure (denied, invalid, not found), 2 usage.
)";

QString iso(const QDateTime& t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }
QString local(const QDateTime& t) { return t.isValid() ? t.toTimeZone(platformZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-"); }
QString day(const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("-"); }

QJsonObject warningJson(const councils::HealthWarning& w) {
    return QJsonObject{{"kind", w.kind}, {"text", w.text}, {"email", w.email}, {"name", w.name}, {"day", w.day.isValid() ? day(w.day) : QString()},
                       {"count", w.count}, {"days", w.days}};
}

QJsonObject memberJson(const councils::Member& m, const QDate& today) {
    return QJsonObject{{"id", m.id},
                       {"email", m.email},
                       {"name", m.name},
                       {"orgnr", m.orgnr},
                       {"organisation", m.organisation},
                       {"term_start", day(m.termStart)},
                       {"term_end", day(m.termEnd)},
                       {"left_on", m.leftOn.isValid() ? day(m.leftOn) : QString()},
                       {"left_reason", m.leftReason},
                       {"active", m.activeOn(today)}};
}

QJsonObject requestJson(const councils::ChangeRequest& c) {
    return QJsonObject{{"ref", c.ref},
                       {"service", c.serviceKey},
                       {"title", c.title},
                       {"description", c.description},
                       {"status", c.status},
                       {"quarter", c.quarter},
                       {"points", c.points},
                       {"from_orgnr", c.fromOrgnr},
                       {"from", c.fromOrganisation},
                       {"desk_case", c.deskCase},
                       {"submitted_by", c.submittedBy},
                       {"submitted_at", iso(c.submittedAt)},
                       {"response", c.response},
                       {"responded_by", c.respondedBy},
                       {"responded_at", iso(c.respondedAt)}};
}

QString memberStatus(const councils::Member& m, const QDate& today) {
    if (m.activeOn(today)) return QStringLiteral("sitting");
    if (m.leftOn.isValid()) return QStringLiteral("left ") + day(m.leftOn);
    if (m.termStart > today) return QStringLiteral("not begun");
    return QStringLiteral("term ended");
}

QDate platformToday(Context& ctx) { return ctx.store().clock().now().toTimeZone(platformZone()).date(); }

int list(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto all = councils::CouncilService(ctx.store()).overview(ctx.session());
    if (!all) return failWith(all.message());
    if (json) {
        QJsonArray arr;
        for (const auto& c : *all)
            arr.append(QJsonObject{{"service", c.serviceKey},
                                   {"name", c.serviceName},
                                   {"members", c.members},
                                   {"warnings", c.warnings},
                                   {"open_requests", c.openRequests},
                                   {"last_user_meeting", iso(c.lastUserMeeting)},
                                   {"next_meeting", iso(c.nextMeeting)}});
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("SERVICE"), 22) << padded(QStringLiteral("MEMBERS"), 9) << padded(QStringLiteral("WARNINGS"), 10)
          << padded(QStringLiteral("OPEN"), 6) << padded(QStringLiteral("LAST USER MEETING"), 19) << padded(QStringLiteral("NEXT MEETING"), 18) << "NAME\n";
    for (const auto& c : *all)
        out() << padded(c.serviceKey, 22) << padded(QString::number(c.members), 9) << padded(QString::number(c.warnings), 10)
              << padded(QString::number(c.openRequests), 6) << padded(local(c.lastUserMeeting), 19) << padded(local(c.nextMeeting), 18) << c.serviceName << "\n";
    out().flush();
    return kOk;
}

int show(Context& ctx, Args& a) {
    const QString service = a.requiredPositional("SERVICE");
    const int warnDays = intOption(a, QStringLiteral("--warn-days"), 60, 1, 365);
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    councils::CouncilService council(ctx.store());
    auto sitting = council.members(ctx.session(), service);
    if (!sitting) return failWith(sitting.message());
    auto warnings = council.health(ctx.session(), service, warnDays);
    if (!warnings) return failWith(warnings.message());
    auto held = council.meetings(ctx.session(), service);
    if (!held) return failWith(held.message());
    auto requested = council.requests(ctx.session(), service);
    if (!requested) return failWith(requested.message());
    auto pointRounds = council.rounds(ctx.session(), service);
    if (!pointRounds) return failWith(pointRounds.message());
    const QDate today = platformToday(ctx);
    const QDateTime now = ctx.store().clock().now();
    int open = 0;
    for (const auto& c : *requested) open += councils::RequestStatus::open(c.status) ? 1 : 0;
    const councils::Meeting* lastUser = nullptr;
    const councils::Meeting* next = nullptr;
    for (const auto& m : *held) {
        if (m.kind == councils::MeetingKind::UserMeeting && m.state == councils::MeetingState::Held && m.heldAt <= now && (!lastUser || m.heldAt > lastUser->heldAt))
            lastUser = &m;
        if (m.state == councils::MeetingState::Planned && m.heldAt > now && (!next || m.heldAt < next->heldAt)) next = &m;
    }
    if (json) {
        QJsonArray memberList, warningList;
        for (const auto& m : *sitting) memberList.append(memberJson(m, today));
        for (const auto& w : *warnings) warningList.append(warningJson(w));
        QJsonObject o{{"service", service},
                      {"members", memberList},
                      {"warnings", warningList},
                      {"requests", int(requested->size())},
                      {"open_requests", open},
                      {"last_user_meeting", lastUser ? iso(lastUser->heldAt) : QString()},
                      {"next_meeting", next ? iso(next->heldAt) : QString()},
                      {"next_meeting_kind", next ? next->kind : QString()}};
        if (!pointRounds->isEmpty())
            o.insert("round", QJsonObject{{"id", pointRounds->front().id}, {"title", pointRounds->front().title}, {"budget", pointRounds->front().budget},
                                          {"open", pointRounds->front().open()}});
        printJson(o);
        return kOk;
    }
    out() << "Council for " << service << ": " << counted(sitting->size(), "member", "members") << " sitting (5 to 8); "
          << counted(open, "open request", "open requests") << " of " << requested->size() << "\n";
    out() << "  last user meeting: " << (lastUser ? local(lastUser->heldAt) : QStringLiteral("none held")) << "\n";
    out() << "  next meeting: " << (next ? local(next->heldAt) + QStringLiteral(" (") + next->kind + QLatin1Char(')') : QStringLiteral("none planned")) << "\n";
    if (!pointRounds->isEmpty())
        out() << "  points round: " << pointRounds->front().title << ", " << pointRounds->front().budget << " points per member, "
              << (pointRounds->front().open() ? "open" : "closed") << "\n";
    for (const auto& m : *sitting) out() << "  " << padded(m.name, 22) << padded(m.organisation, 28) << "term " << day(m.termStart) << " to " << day(m.termEnd) << "\n";
    if (warnings->isEmpty()) out() << "No warnings.\n";
    for (const auto& w : *warnings) out() << "WARNING: " << w.text << "\n";
    out().flush();
    return kOk;
}

int members(Context& ctx, Args& a) {
    const QString service = a.requiredPositional("SERVICE");
    const bool everyone = a.flag(QStringLiteral("--all"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto found = councils::CouncilService(ctx.store()).members(ctx.session(), service, everyone);
    if (!found) return failWith(found.message());
    const QDate today = platformToday(ctx);
    if (json) {
        QJsonArray arr;
        for (const auto& m : *found) arr.append(memberJson(m, today));
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("NAME"), 22) << padded(QStringLiteral("ORGANISATION"), 28) << padded(QStringLiteral("EMAIL"), 40)
          << padded(QStringLiteral("TERM START"), 12) << padded(QStringLiteral("TERM END"), 12) << "STATUS\n";
    for (const auto& m : *found)
        out() << padded(m.name, 22) << padded(m.organisation, 28) << padded(m.email, 40) << padded(day(m.termStart), 12) << padded(day(m.termEnd), 12)
              << memberStatus(m, today) << "\n";
    out().flush();
    return kOk;
}

int requests(Context& ctx, Args& a) {
    const QString service = a.requiredPositional("SERVICE");
    QStringList statuses;
    if (auto s = a.option(QStringLiteral("--status"))) {
        statuses = s->split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const auto& st : statuses)
            if (!councils::RequestStatus::all().contains(st))
                throw UsageError(("--status takes " + councils::RequestStatus::all().join(QStringLiteral(", ")) + ", not '" + st + "'").toStdString());
    }
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto found = councils::CouncilService(ctx.store()).requests(ctx.session(), service);
    if (!found) return failWith(found.message());
    QList<councils::ChangeRequest> shown;
    for (const auto& c : *found)
        if (statuses.isEmpty() || statuses.contains(c.status)) shown << c;
    if (json) {
        QJsonArray arr;
        for (const auto& c : shown) arr.append(requestJson(c));
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("REF"), 14) << padded(QStringLiteral("STATUS"), 14) << padded(QStringLiteral("QUARTER"), 9) << padded(QStringLiteral("POINTS"), 8)
          << padded(QStringLiteral("FROM"), 28) << "TITLE\n";
    for (const auto& c : shown) {
        QString from = c.fromOrganisation;
        if (c.deskCase > 0) from += (from.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("case %1").arg(c.deskCase);
        out() << padded(c.ref, 14) << padded(c.status, 14) << padded(c.quarter.isEmpty() ? QStringLiteral("-") : c.quarter, 9) << padded(QString::number(c.points), 8)
              << padded(from, 28) << c.title << "\n";
    }
    out().flush();
    return kOk;
}

int roadmap(Context& ctx, Args& a) {
    const QString service = a.requiredPositional("SERVICE");
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto plan = councils::CouncilService(ctx.store()).roadmap(ctx.session(), service);
    if (!plan) return failWith(plan.message());
    if (json) {
        QJsonArray arr;
        for (const auto& q : *plan) {
            QJsonArray items;
            for (const auto& c : q.requests) items.append(QJsonObject{{"ref", c.ref}, {"title", c.title}, {"status", c.status}, {"points", c.points}});
            arr.append(QJsonObject{{"quarter", q.quarter}, {"requests", items}});
        }
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("QUARTER"), 9) << padded(QStringLiteral("REF"), 14) << padded(QStringLiteral("STATUS"), 11) << padded(QStringLiteral("POINTS"), 8) << "TITLE\n";
    for (const auto& q : *plan)
        for (const auto& c : q.requests)
            out() << padded(q.quarter, 9) << padded(c.ref, 14) << padded(c.status, 11) << padded(QString::number(c.points), 8) << c.title << "\n";
    out().flush();
    return kOk;
}

int exportCouncil(Context& ctx, Args& a) {
    const QString service = a.requiredPositional("SERVICE");
    const QString format = requiredText(a, QStringLiteral("--format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv") && format != QLatin1String("html"))
        throw UsageError(("--format takes json, csv or html, not '" + format + "'").toStdString());
    const QString path = requiredText(a, QStringLiteral("--out"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto bytes = councils::CouncilService(ctx.store()).exportCouncil(ctx.session(), service, format);
    if (!bytes) return failWith(bytes.message());
    if (path == QLatin1String("-")) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(*bytes) != bytes->size()) return failWith("cannot write to standard output");
        return kOk;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(*bytes) != bytes->size() || !f.commit())
        return failWith("cannot write " + path.toStdString() + ": " + f.errorString().toStdString());
    return kOk;
}

int councilCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"list", list},       {"show", show},       {"members", members},
                                                           {"requests", requests}, {"roadmap", roadmap}, {"export", exportCouncil}};
    return runSubcommand(ctx, a, "council", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "council",
    .summary = "  council list|show|members|requests|roadmap|export\n"
               "                                     user councils per service: members, terms, warnings, requests, roadmap\n",
    .help = kCouncilHelp,
    .order = 68,
    .needsDatabase = true,
    .run = councilCommand,
}};

}  // namespace
}  // namespace vakt::cli
