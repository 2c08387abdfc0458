#include "desktop/councils/council_names.h"

#include <QCoreApplication>

#include "desktop/shell/formatting.h"

namespace vakt::desktop {

QString requestStatusTitle(const QString& status) {
    using namespace councils;
    if (status == RequestStatus::Received) return QCoreApplication::translate("Councils", "Mottatt");
    if (status == RequestStatus::UnderReview) return QCoreApplication::translate("Councils", "Under vurdering");
    if (status == RequestStatus::Accepted) return QCoreApplication::translate("Councils", "Akseptert");
    if (status == RequestStatus::Planned) return QCoreApplication::translate("Councils", "Planlagt");
    if (status == RequestStatus::Delivered) return QCoreApplication::translate("Councils", "Levert");
    if (status == RequestStatus::Rejected) return QCoreApplication::translate("Councils", "Avvist");
    return status;
}

QString meetingKindTitle(const QString& kind) {
    if (kind == councils::MeetingKind::UserMeeting) return QCoreApplication::translate("Councils", "Brukermøte");
    if (kind == councils::MeetingKind::CouncilMeeting) return QCoreApplication::translate("Councils", "Brukerrådsmøte");
    return kind;
}

QString meetingStateTitle(const QString& state) {
    if (state == councils::MeetingState::Planned) return QCoreApplication::translate("Councils", "Planlagt");
    if (state == councils::MeetingState::Held) return QCoreApplication::translate("Councils", "Holdt");
    if (state == councils::MeetingState::Cancelled) return QCoreApplication::translate("Councils", "Avlyst");
    return state;
}

QString councilWarningText(const councils::HealthWarning& w, const QString& organisation) {
    using namespace councils;
    const QString who = organisation.isEmpty() ? w.name : QStringLiteral("%1 (%2)").arg(w.name, organisation);
    if (w.kind == WarningKind::BelowMinimum)
        return QCoreApplication::translate("Councils", "Brukerrådet har bare %1 medlemmer; det skal ha minst 5. Velg nye medlemmer på et brukermøte.").arg(w.count);
    if (w.kind == WarningKind::WillFallBelowMinimum)
        return QCoreApplication::translate("Councils", "Fra %1 har brukerrådet bare %2 medlemmer fordi perioder går ut; det skal ha minst 5.")
            .arg(formatDate(w.day))
            .arg(w.count);
    if (w.kind == WarningKind::TermEnding)
        return QCoreApplication::translate("Councils", "Perioden til %1 går ut %2, om %3 dager.").arg(who, formatDate(w.day)).arg(w.days);
    if (w.kind == WarningKind::TermExpired)
        return QCoreApplication::translate("Councils", "Perioden til %1 gikk ut %2: velg en etterfølger eller registrer at medlemmet har gått ut.")
            .arg(who, formatDate(w.day));
    if (w.kind == WarningKind::NoRecentUserMeeting)
        return w.day.isValid() ? QCoreApplication::translate("Councils", "Det er ikke holdt brukermøte siden %1; det skal holdes minst én gang i året.")
                                     .arg(formatDate(w.day))
                               : QCoreApplication::translate("Councils", "Det er ikke holdt noe brukermøte for tjenesten ennå.");
    return w.text;
}

QString memberStatusText(const councils::Member& m, const QDate& today) {
    if (m.activeOn(today)) return QCoreApplication::translate("Councils", "Sitter");
    if (m.leftOn.isValid())
        return m.leftReason.isEmpty() ? QCoreApplication::translate("Councils", "Gått ut %1").arg(formatDate(m.leftOn))
                                      : QCoreApplication::translate("Councils", "Gått ut %1 (%2)").arg(formatDate(m.leftOn), m.leftReason);
    if (m.termStart > today) return QCoreApplication::translate("Councils", "Ikke begynt");
    return QCoreApplication::translate("Councils", "Perioden er ute");
}

}  // namespace vakt::desktop
