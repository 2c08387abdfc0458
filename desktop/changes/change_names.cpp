#include "desktop/changes/change_names.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTime>

#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
constexpr const char kAmber[] = "#8a5a00";
}  // namespace

QString changeStateTitle(const QString& state) {
    if (state == changes::ChangeState::Proposed) return QCoreApplication::translate("Changes", "Foreslått");
    if (state == changes::ChangeState::Assessed) return QCoreApplication::translate("Changes", "Vurdert");
    if (state == changes::ChangeState::Approved) return QCoreApplication::translate("Changes", "Godkjent");
    if (state == changes::ChangeState::Rejected) return QCoreApplication::translate("Changes", "Avvist");
    if (state == changes::ChangeState::Deferred) return QCoreApplication::translate("Changes", "Utsatt");
    if (state == changes::ChangeState::Scheduled) return QCoreApplication::translate("Changes", "Planlagt");
    if (state == changes::ChangeState::Implemented) return QCoreApplication::translate("Changes", "Gjennomført");
    if (state == changes::ChangeState::Reviewed) return QCoreApplication::translate("Changes", "Evaluert");
    return state;
}

QString changeCategoryTitle(const QString& category) {
    if (category == changes::ChangeCategory::Standard) return QCoreApplication::translate("Changes", "Standard");
    if (category == changes::ChangeCategory::Normal) return QCoreApplication::translate("Changes", "Normal");
    if (category == changes::ChangeCategory::Emergency) return QCoreApplication::translate("Changes", "Hastendring");
    return category;
}

QString changeOriginTitle(const QString& origin) {
    if (origin == QLatin1String("operations")) return QCoreApplication::translate("Changes", "Drift");
    if (origin == QLatin1String("maintenance")) return QCoreApplication::translate("Changes", "Vedlikehold");
    if (origin == QLatin1String("service_desk")) return QCoreApplication::translate("Changes", "Brukerstøtte");
    if (origin == QLatin1String("project")) return QCoreApplication::translate("Changes", "Prosjekt");
    return origin;
}

QString outcomeTitle(const QString& outcome) {
    if (outcome == QLatin1String("success")) return QCoreApplication::translate("Changes", "Vellykket");
    if (outcome == QLatin1String("partial")) return QCoreApplication::translate("Changes", "Delvis vellykket");
    if (outcome == QLatin1String("failed")) return QCoreApplication::translate("Changes", "Mislyktes");
    if (outcome == QLatin1String("rolled_back")) return QCoreApplication::translate("Changes", "Rullet tilbake");
    return outcome;
}

QString decisionTitle(const QString& decision) {
    if (decision == changes::Decision::Approve) return QCoreApplication::translate("Changes", "Godkjent");
    if (decision == changes::Decision::Reject) return QCoreApplication::translate("Changes", "Avvist");
    if (decision == changes::Decision::Defer) return QCoreApplication::translate("Changes", "Utsatt");
    if (decision == QLatin1String("noted")) return QCoreApplication::translate("Changes", "Tatt til orientering");
    return decision;
}

QString agendaKindTitle(const QString& kind) {
    if (kind == QLatin1String("change")) return QCoreApplication::translate("Changes", "Endringer som venter");
    if (kind == QLatin1String("emergency")) return QCoreApplication::translate("Changes", "Hastendringer siden sist");
    if (kind == QLatin1String("incident")) return QCoreApplication::translate("Changes", "Hendelser siden sist");
    if (kind == QLatin1String("item")) return QCoreApplication::translate("Changes", "Faste saker");
    return kind;
}

QString freezeScopeTitle(const QString& scope) {
    if (scope == QLatin1String("all")) return QCoreApplication::translate("Changes", "Alt");
    if (scope == QLatin1String("services")) return QCoreApplication::translate("Changes", "Tjenester");
    if (scope == QLatin1String("components")) return QCoreApplication::translate("Changes", "Komponenter");
    return scope;
}

QString strideLetters() { return QStringLiteral("STRIDE"); }

QString strideLetterTitle(QChar letter) {
    switch (letter.toUpper().unicode()) {
        case u'S': return QCoreApplication::translate("Changes", "Forfalskning av identitet");
        case u'T': return QCoreApplication::translate("Changes", "Manipulering");
        case u'R': return QCoreApplication::translate("Changes", "Fornekting");
        case u'I': return QCoreApplication::translate("Changes", "Informasjonslekkasje");
        case u'D': return QCoreApplication::translate("Changes", "Tjenestenekt");
        case u'E': return QCoreApplication::translate("Changes", "Rettighetseskalering");
        default: break;
    }
    return QString(letter);
}

QString windowText(const QDateTime& start, const QDateTime& end) {
    if (!start.isValid() && !end.isValid()) return QStringLiteral("–");
    if (!start.isValid() || !end.isValid()) return formatDateTime(start) + QStringLiteral(" – ") + formatDateTime(end);
    const QTimeZone zone = displayZone();
    const QDateTime a = start.toTimeZone(zone), b = end.toTimeZone(zone);
    if (a.date() == b.date())
        return QStringLiteral("%1 %2–%3 %4")
            .arg(formatDate(a.date()), QLocale().toString(a.time(), QLocale::ShortFormat), QLocale().toString(b.time(), QLocale::ShortFormat),
                 b.timeZoneAbbreviation());
    return formatDateTime(start) + QStringLiteral(" – ") + formatDateTime(end);
}

QList<QDate> windowDays(const QDateTime& start, const QDateTime& end, int maxDays) {
    QList<QDate> days;
    if (!start.isValid()) return days;
    const QTimeZone zone = displayZone();
    const QDate first = start.toTimeZone(zone).date();
    QDate last = first;
    if (end.isValid() && end > start) {
        const QDateTime b = end.toTimeZone(zone);
        last = b.date();
        if (b.time() == QTime(0, 0) && last > first) last = last.addDays(-1);
    }
    for (QDate d = first; d <= last && days.size() < maxDays; d = d.addDays(1)) days << d;
    return days;
}

QString targetsText(const QStringList& targets, const QHash<QString, QString>& names) {
    if (targets.isEmpty()) return QStringLiteral("–");
    QStringList shown;
    for (const QString& key : targets) shown << names.value(key, key);
    return shown.join(QStringLiteral(", "));
}

QString securityText(const changes::ChangeRequest& change) {
    if (!change.assessed) return QCoreApplication::translate("Changes", "ikke vurdert");
    QStringList letters;
    for (const QChar c : change.assessment.stride) letters << QString(c.toUpper());
    QString text = letters.isEmpty() ? QStringLiteral("–") : letters.join(QLatin1Char(' '));
    if (change.assessment.securityRelevant) text += QStringLiteral(" · ") + QCoreApplication::translate("Changes", "sikkerhetsrelevant");
    return text;
}

QString conflictText(const changes::CalendarConflict& conflict, const QString& ref, const QHash<QString, QString>& names,
                     const QHash<QString, QString>& freezeReasons) {
    const auto name = [&names](const QString& key) { return names.value(key, key); };
    QStringList others;
    for (const QString& r : conflict.refs)
        if (r != ref) others << r;
    const QString otherRefs = others.join(QStringLiteral(", "));
    const QString allRefs = conflict.refs.join(QStringLiteral(", "));
    const bool forOne = !ref.isEmpty();
    // In a freeze or a day: the change it is read for is not named again.
    const QString prefix = forOne ? QString() : allRefs + QStringLiteral(": ");

    if (conflict.kind == QLatin1String("same_target")) {
        if (forOne) return QCoreApplication::translate("Changes", "Overlapper %1 på %2").arg(otherRefs, name(conflict.key));
        return QCoreApplication::translate("Changes", "%1 overlapper på %2").arg(conflict.refs.join(QStringLiteral(" og ")), name(conflict.key));
    }
    if (conflict.kind == QLatin1String("dependent_targets")) {
        // key: one of the first change's targets; otherKey: a related target of the second.
        const QString firstRef = conflict.refs.value(0), secondRef = conflict.refs.value(1);
        if (forOne) {
            const bool first = firstRef == ref;
            const QString mine = first ? conflict.key : conflict.otherKey;
            const QString theirs = first ? conflict.otherKey : conflict.key;
            return QCoreApplication::translate("Changes", "%1 henger sammen med %2, som endres samtidig i %3").arg(name(mine), name(theirs), otherRefs);
        }
        return QCoreApplication::translate("Changes", "%1 (%2) og %3 (%4) endres samtidig, og det ene henger sammen med det andre")
            .arg(firstRef, name(conflict.key), secondRef, name(conflict.otherKey));
    }
    if (conflict.kind == QLatin1String("in_freeze")) {
        QString text = QCoreApplication::translate("Changes", "I frysperioden «%1»").arg(conflict.freeze);
        if (!conflict.key.isEmpty()) {
            if (conflict.otherKey.isEmpty())
                text += QStringLiteral(" ") + QCoreApplication::translate("Changes", "(%1 er fryst)").arg(name(conflict.key));
            else
                text += QStringLiteral(" ") + QCoreApplication::translate("Changes", "(%1 er fryst fordi %2 avhenger av den)").arg(name(conflict.key), name(conflict.otherKey));
        }
        return prefix + text;
    }
    if (conflict.kind == QLatin1String("emergency_in_freeze")) {
        const QString reason = freezeReasons.value(forOne ? ref : conflict.refs.value(0)).trimmed();
        return prefix + QCoreApplication::translate("Changes", "Hastendring i frysperioden «%1»: begrunnelse %2")
                             .arg(conflict.freeze, reason.isEmpty() ? QCoreApplication::translate("Changes", "(ingen)") : reason);
    }
    if (conflict.kind == QLatin1String("too_many_in_day")) {
        return QCoreApplication::translate("Changes", "For mange endringer %1 (%2)").arg(formatDate(conflict.day), allRefs);
    }
    return prefix + conflict.kind;
}

QString securityApprovalHint(const changes::ChangeRequest& change, const Session& who) {
    if (!change.assessed || !change.assessment.securityRelevant || !change.securityApprovedBy.isEmpty()) return {};
    if (who.role == Role::Sikkerhetsansvarlig) return {};
    return QCoreApplication::translate("Changes", "Endringen er sikkerhetsrelevant: sikkerhetsansvarlig må godkjenne den før rådet kan godkjenne den.");
}

QString changeDetailHtml(const changes::ChangeRequest& c, const QList<changes::CalendarConflict>& conflicts,
                         const QHash<QString, QString>& names, const QHash<qint64, QString>& incidentTitles) {
    const auto esc = [](const QString& text) { return text.toHtmlEscaped(); };
    const auto colored = [](const char* color, const QString& html) {
        return QStringLiteral("<span style='color:%1'><b>%2</b></span>").arg(QLatin1String(color), html);
    };
    QString rows;
    const auto addRow = [&rows](const QString& label, const QString& valueHtml) {
        rows += QStringLiteral("<tr><td style='padding-right:12px' valign='top'><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), valueHtml);
    };
    addRow(QCoreApplication::translate("Changes", "Kategori"), esc(changeCategoryTitle(c.category)));
    addRow(QCoreApplication::translate("Changes", "Status"), esc(changeStateTitle(c.state)));
    addRow(QCoreApplication::translate("Changes", "Opprinnelse"), esc(changeOriginTitle(c.origin)));
    if (!c.templateKey.isEmpty()) addRow(QCoreApplication::translate("Changes", "Mal"), esc(c.templateKey));
    addRow(QCoreApplication::translate("Changes", "Vindu"), esc(windowText(c.windowStart, c.windowEnd)));
    addRow(QCoreApplication::translate("Changes", "Berører"), esc(targetsText(c.targets, names)));
    addRow(QCoreApplication::translate("Changes", "Tilbakerulling"), c.rollbackPlan.trimmed().isEmpty() ? colored(kAmber, esc(QCoreApplication::translate("Changes", "ingen plan er beskrevet")))
                                                                     : QStringLiteral("<span style='white-space:pre-wrap'>%1</span>").arg(esc(c.rollbackPlan)));
    if (!c.freezeReason.isEmpty()) addRow(QCoreApplication::translate("Changes", "Begrunnelse i frysperiode"), esc(c.freezeReason));
    addRow(QCoreApplication::translate("Changes", "Meldt av"), esc(QStringLiteral("%1, %2").arg(c.requestedBy, formatDateTime(c.createdAt))));
    addRow(QCoreApplication::translate("Changes", "Sist endret"), esc(formatDateTime(c.updatedAt)));

    // The security assessment.
    QString security;
    if (!c.assessed) {
        security = colored(kAmber, esc(QCoreApplication::translate("Changes", "Ikke vurdert ennå.")));
    } else {
        const changes::SecurityAssessment& a = c.assessment;
        QStringList stride;
        for (const QChar letter : a.stride) stride << QStringLiteral("%1 (%2)").arg(QString(letter.toUpper()), strideLetterTitle(letter));
        security = esc(QCoreApplication::translate("Changes", "STRIDE: %1").arg(stride.isEmpty() ? QCoreApplication::translate("Changes", "ingen") : stride.join(QStringLiteral(", ")))) + QStringLiteral("<br>");
        security += esc(QCoreApplication::translate("Changes", "Sannsynlighet %1 av 5, konsekvens %2 av 5 (risiko %3)").arg(a.likelihood).arg(a.consequence).arg(a.likelihood * a.consequence)) +
                    QStringLiteral("<br>");
        security += a.securityRelevant ? colored(kAmber, esc(QCoreApplication::translate("Changes", "Sikkerhetsrelevant"))) : esc(QCoreApplication::translate("Changes", "Ikke sikkerhetsrelevant"));
        if (!a.note.trimmed().isEmpty()) security += QStringLiteral("<br><i>%1</i>").arg(esc(a.note));
    }
    addRow(QCoreApplication::translate("Changes", "Sikkerhetsvurdering"), security);
    if (c.assessed && c.assessment.securityRelevant)
        addRow(QCoreApplication::translate("Changes", "Sikkerhetsansvarlig"), c.securityApprovedBy.isEmpty() ? colored(kWarningRed, esc(QCoreApplication::translate("Changes", "har ikke samtykket ennå")))
                                                                         : esc(QCoreApplication::translate("Changes", "samtykket (%1)").arg(c.securityApprovedBy)));

    // The board's decision.
    if (c.decidedAt.isValid() || !c.decidedBy.isEmpty()) {
        const QString decided = c.state == changes::ChangeState::Rejected   ? decisionTitle(changes::Decision::Reject)
                                : c.state == changes::ChangeState::Deferred ? decisionTitle(changes::Decision::Defer)
                                                                            : decisionTitle(changes::Decision::Approve);
        QString html = QStringLiteral("<b>%1</b> ").arg(esc(decided)) + esc(QCoreApplication::translate("Changes", "av %1, %2").arg(c.decidedBy, formatDateTime(c.decidedAt)));
        if (!c.conditions.trimmed().isEmpty()) html += QStringLiteral("<br>%1 %2").arg(esc(QCoreApplication::translate("Changes", "Vilkår:")), esc(c.conditions));
        if (!c.decisionNote.trimmed().isEmpty()) html += QStringLiteral("<br><i>%1</i>").arg(esc(c.decisionNote));
        addRow(QCoreApplication::translate("Changes", "Beslutning"), html);
    } else {
        addRow(QCoreApplication::translate("Changes", "Beslutning"), esc(QCoreApplication::translate("Changes", "ikke besluttet")));
    }
    if (c.implementedAt.isValid()) addRow(QCoreApplication::translate("Changes", "Gjennomført"), esc(formatDateTime(c.implementedAt)));
    if (!c.outcome.isEmpty() || c.reviewedAt.isValid()) {
        QString html = esc(outcomeTitle(c.outcome));
        if (c.reviewedAt.isValid()) html += esc(QStringLiteral(" (%1)").arg(formatDateTime(c.reviewedAt)));
        if (!c.reviewNote.trimmed().isEmpty()) html += QStringLiteral("<br><i>%1</i>").arg(esc(c.reviewNote));
        addRow(QCoreApplication::translate("Changes", "Evaluering"), html);
    }
    addRow(QCoreApplication::translate("Changes", "ROS-gjennomganger"), c.reviewTasks > 0 ? esc(QCoreApplication::translate("Changes", "%1 oppgaver opprettet for ROS-ene langs verdikjeden").arg(c.reviewTasks))
                                                     : esc(QCoreApplication::translate("Changes", "ingen oppgaver opprettet")));
    if (!c.causedIncidents.isEmpty()) {
        QStringList lines;
        for (const qint64 id : c.causedIncidents) {
            const QString title = incidentTitles.value(id);
            lines << esc(title.isEmpty() ? QCoreApplication::translate("Changes", "Hendelse %1").arg(id) : QCoreApplication::translate("Changes", "Hendelse %1: %2").arg(id).arg(title));
        }
        addRow(QCoreApplication::translate("Changes", "Forårsaket"), colored(kWarningRed, lines.join(QStringLiteral("<br>"))));
    }

    // The conflicts, as warnings.
    QHash<QString, QString> reasons;
    reasons.insert(c.ref, c.freezeReason);
    QString warnings;
    if (conflicts.isEmpty()) {
        warnings = QStringLiteral("<p>%1</p>").arg(esc(c.windowStart.isValid() ? QCoreApplication::translate("Changes", "Ingen konflikter i kalenderen.") : QCoreApplication::translate("Changes", "Ingen vindu er satt ennå.")));
    } else {
        warnings = QStringLiteral("<ul>");
        for (const changes::CalendarConflict& conflict : conflicts)
            warnings += QStringLiteral("<li>%1</li>").arg(colored(kWarningRed, esc(QStringLiteral("⚠ ") + conflictText(conflict, c.ref, names, reasons))));
        warnings += QStringLiteral("</ul>");
    }

    const QString description = c.description.trimmed().isEmpty()
                                    ? QString()
                                    : QStringLiteral("<h4>%1</h4><p style='white-space:pre-wrap'>%2</p>").arg(esc(QCoreApplication::translate("Changes", "Beskrivelse")), esc(c.description));
    return QStringLiteral("<h3>%1</h3><table>%2</table><h4>%3</h4>%4%5")
        .arg(esc(QStringLiteral("%1: %2").arg(c.ref, c.title)), rows, esc(QCoreApplication::translate("Changes", "Konflikter")), warnings, description);
}

}  // namespace vakt::desktop
