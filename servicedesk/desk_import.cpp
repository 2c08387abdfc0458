// Freshdesk's ticket export into the service desk: every row mapped and checked first, then all
// imported in one transaction, or nothing.
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include "core/catalog_service.h"
#include "core/organisation_service.h"
#include "core/user_service.h"
#include "servicedesk/desk_service.h"
#include "servicedesk/freshdesk.h"

namespace vakt::desk {

namespace {
constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;

QDateTime toUtc(const freshdesk::LocalTime& t) {
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute, t.second), deskZone()).toUTC();
}
QString q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

Result<ImportReport> DeskService::importFreshdesk(const Session& who, const QString& path, bool dryRun) {
    if (!who.allows(vakt::permission::IncidentWrite)) return denied(who, vakt::permission::IncidentWrite).error();
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return fail(path.toStdString() + ": " + file.errorString().toStdString(), ErrorKind::NotFound);
    if (file.size() > kMaxFileBytes) return fail(path.toStdString() + ": larger than 64 MiB; export a shorter period");
    const QByteArray bytes = file.readAll();
    auto parsed = freshdesk::parse(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (!parsed) return fail(name.toStdString() + ": " + parsed.message());

    ImportReport report;
    for (const auto& c : parsed->ignoredColumns) report.ignoredColumns << q(c);
    auto problem = [&](int line, const QString& column, const QString& message) {
        report.errors << (column.isEmpty() ? QStringLiteral("%1:%2: %3").arg(name).arg(line).arg(message)
                                           : QStringLiteral("%1:%2: column '%3': %4").arg(name).arg(line).arg(column, message));
    };
    for (const auto& p : parsed->problems) problem(p.line, q(p.column), q(p.message));

    // What the old tool's names mean here: agents are users (by username, name or the
    // catalogue person's e-mail), companies organisations (by name or number), tags services.
    auto users = UserService(store_).list(who);
    if (!users) return users.error();
    QHash<QString, QString> userByName;
    for (const auto& u : *users) {
        userByName.insert(u.username.toLower(), u.username);
        if (!u.displayName.isEmpty()) userByName.insert(u.displayName.toLower(), u.username);
        if (!u.personEmail.isEmpty()) userByName.insert(u.personEmail.toLower(), u.username);
    }
    auto orgs = OrganisationService(store_).organisations(who);
    if (!orgs) return orgs.error();
    QHash<QString, QString> orgByName;
    for (const auto& o : *orgs) orgByName.insert(o.name.toLower(), o.orgnr), orgByName.insert(o.orgnr, o.orgnr);
    auto catalog = CatalogService(store_).list(who);
    if (!catalog) return catalog.error();
    QHash<QString, QString> serviceByName;
    for (const auto& e : *catalog) serviceByName.insert(e.key.toLower(), e.key), serviceByName.insert(e.name.toLower(), e.key);

    IncidentStore incidents(store_);
    const QDateTime now = store_.clock().now();
    QList<NewCase> cases;
    for (const auto& t : parsed->tickets) {
        NewCase c;
        c.externalRef = QStringLiteral("freshdesk:") + q(t.id);
        c.source = QStringLiteral("freshdesk");
        c.title = q(t.subject);
        c.description = q(t.description);
        c.kind = q(t.kind);
        c.priority = q(t.priority);
        c.state = q(t.state);
        c.waitingOn = q(t.waitingOn);
        c.openedAt = toUtc(t.created);
        if (c.openedAt > now) problem(t.line, QStringLiteral("Created time"), QStringLiteral("in the future"));
        if (t.closed) c.resolvedAt = toUtc(*t.closed);
        if (t.resolved) c.resolvedAt = toUtc(*t.resolved);
        if (c.resolvedAt.isValid() && c.resolvedAt < c.openedAt)
            problem(t.line, t.resolved ? QStringLiteral("Resolved time") : QStringLiteral("Closed time"), QStringLiteral("before the ticket was created"));
        if (!t.agent.empty()) {
            c.assignee = userByName.value(q(t.agent).toLower());
            if (c.assignee.isEmpty())
                problem(t.line, QStringLiteral("Agent"), QStringLiteral("'%1' is not a Vakt user (username, name or e-mail)").arg(q(t.agent).left(60)));
        }
        if (!t.company.empty()) {
            c.reporterOrgnr = orgByName.value(q(t.company).toLower());
            if (c.reporterOrgnr.isEmpty())
                problem(t.line, QStringLiteral("Company"), QStringLiteral("'%1' is not an organisation in the catalogue").arg(q(t.company).left(60)));
        }
        c.reporter = t.requesterEmail.empty() ? q(t.requesterName) : q(t.requesterName) + QStringLiteral(" <") + q(t.requesterEmail) + QLatin1Char('>');
        c.reporter = c.reporter.trimmed();
        // Tags are free text: those naming a service link it, the rest stay in the description.
        QStringList otherTags;
        for (const auto& tag : t.tags) {
            const QString key = serviceByName.value(q(tag).toLower());
            if (key.isEmpty())
                otherTags << q(tag);
            else if (!c.services.contains(key))
                c.services << key;
        }
        if (!otherTags.isEmpty() || !t.group.empty()) {
            QString extra;
            if (!t.group.empty()) extra += QStringLiteral("Freshdesk-gruppe: ") + q(t.group) + QLatin1Char('\n');
            if (!otherTags.isEmpty()) extra += QStringLiteral("Freshdesk-stikkord: ") + otherTags.join(QStringLiteral(", ")) + QLatin1Char('\n');
            c.description = c.description.isEmpty() ? extra.trimmed() : c.description + QStringLiteral("\n\n") + extra.trimmed();
        }
        c.note = QStringLiteral("Importert fra Freshdesk (%1, sak %2)").arg(name, q(t.id));
        auto existing = incidents.byExternalRef(who, c.externalRef);
        if (existing) {
            ++report.alreadyImported;
            continue;
        }
        if (existing.error().kind != ErrorKind::NotFound) return existing.error();
        cases << c;
    }
    if (!report.errors.isEmpty() || dryRun) {
        if (report.errors.isEmpty()) report.imported = int(cases.size());
        return report;
    }
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    for (const auto& c : cases) {
        auto id = incidents.createCase(who, c);
        if (!id) {
            // A check only the Store makes (a description too long once tags were added, …):
            // the row is named and nothing is kept.
            const QString ref = c.externalRef.mid(10);
            const auto ticket = std::find_if(parsed->tickets.begin(), parsed->tickets.end(), [&](const auto& t) { return q(t.id) == ref; });
            problem(ticket == parsed->tickets.end() ? 0 : ticket->line, {}, QString::fromStdString(id.message()));
            return report;
        }
    }
    if (auto s = tx.commit(); !s) return s.error();
    report.imported = int(cases.size());
    return report;
}

}  // namespace vakt::desk
