#pragma once
// What the change board's codes, windows and conflicts say in the user's language, and one
// change as the list's detail and the meeting's agenda show it.
#include <QChar>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "changes/change_board.h"
#include "core/roles.h"

namespace vakt::desktop {

// "Foreslått", "Vurdert", "Godkjent", "Avvist", "Utsatt", "Planlagt", "Gjennomført", "Evaluert".
QString changeStateTitle(const QString& state);
// "Standard", "Normal", "Hastendring".
QString changeCategoryTitle(const QString& category);
// "Drift", "Vedlikehold", "Brukerstøtte", "Prosjekt".
QString changeOriginTitle(const QString& origin);
// "Vellykket", "Delvis vellykket", "Mislyktes", "Rullet tilbake".
QString outcomeTitle(const QString& outcome);
// What the board decided: "Godkjent", "Avvist", "Utsatt", "Tatt til orientering" (for "noted").
QString decisionTitle(const QString& decision);
// The agenda's groups: "Endringer som venter", "Hastendringer siden sist", "Hendelser siden sist", "Faste saker".
QString agendaKindTitle(const QString& kind);
// "Alt", "Tjenester", "Komponenter".
QString freezeScopeTitle(const QString& scope);
// One STRIDE letter: "Forfalskning av identitet" for S, … "Rettighetseskalering" for E.
QString strideLetterTitle(QChar letter);
// The six letters in order.
QString strideLetters();

// "12.03.2026 20:00–22:00 CET", or both times in full when the window crosses midnight; "–"
// without a window.
QString windowText(const QDateTime& start, const QDateTime& end);
// The days (in the display zone) a window touches; one ending at 00:00 does not touch the next
// day. At most `maxDays` days.
QList<QDate> windowDays(const QDateTime& start, const QDateTime& end, int maxDays = 62);
// Catalogue names for keys, joined by commas; "–" for none.
QString targetsText(const QStringList& targets, const QHash<QString, QString>& names);
// The Sikkerhet column: "T I · sikkerhetsrelevant", or "ikke vurdert".
QString securityText(const changes::ChangeRequest& change);

// A conflict in plain words. Read for `ref` (the change shown) it names the other change ("Overlapper
// CR-2026-0003 på SvarUt"); with `ref` empty, as the calendar lists it, it names them all.
// `freezeReasons`: change ref → the reason it may go ahead in a freeze.
QString conflictText(const changes::CalendarConflict& conflict, const QString& ref, const QHash<QString, QString>& names,
                     const QHash<QString, QString>& freezeReasons);

// Why the signed-in person cannot approve this change yet: it is security-relevant and the
// security officer has not consented, and they are not the security officer. Empty otherwise.
QString securityApprovalHint(const changes::ChangeRequest& change, const Session& who);

// The whole change as HTML: its fields, the security assessment, the decision and the security
// officer's consent, the outcome, the ROS review tasks, the incidents it caused (id → title) and
// its conflicts as warnings.
QString changeDetailHtml(const changes::ChangeRequest& change, const QList<changes::CalendarConflict>& conflicts,
                         const QHash<QString, QString>& names, const QHash<qint64, QString>& incidentTitles);

}  // namespace vakt::desktop
