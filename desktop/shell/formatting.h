#pragma once
// Dates, times, numbers and errors as the signed-in person reads them: in the chosen language's
// locale, times in the configured zone (Norwegian time unless changed) with the zone shown.
#include <QDateTime>
#include <QString>
#include <QTimeZone>

class QLabel;
#include <optional>

#include "core/base/result.h"

namespace vakt::desktop {

// The zone times are shown in: the setting "timezone" (an IANA name), else Europe/Oslo.
QTimeZone displayZone();
// "01.12.2026 14:05 CET" (Norwegian) or "12/1/26 2:05 PM CET" (English); "–" for no time.
QString formatDateTime(const QDateTime& utc);
QString formatTime(const QDateTime& utc);
QString formatDate(const QDate& date);
// "99,50 %" with the locale's decimal separator; "–" when there is no value.
QString formatPercent(const std::optional<double>& ratio, int decimals = 2);
QString formatNumber(qint64 n);
// How long ago, in words: "for 3 minutter siden", "for 2 timer siden".
QString formatAge(const QDateTime& then, const QDateTime& now);
// A span of time in words: "5 minutter", "3 timer", "12 dager".
QString formatSpan(qint64 seconds);

// Texts stored in both languages (alert and finding summaries): the chosen one, else the Norwegian.
QString inUserLanguage(const QString& norwegian, const QString& english);

// An error from core in the user's language: what kind of failure it was, in a sentence. The
// English detail (field names, file positions) goes in `detail` for a "Vis detaljer" section.
QString describeError(const Error& error);
QString errorDetail(const Error& error);
// The red of warnings and refusals, the same on every page.
inline constexpr const char kWarningRed[] = "#b00020";
// Shows the outcome of an action in a page's message line: the refusal in the user's words (red,
// the service's own message as tooltip), or `done`. Gives whether it succeeded.
bool showOutcome(QLabel* message, const Status& s, const QString& done = {});

}  // namespace vakt::desktop
