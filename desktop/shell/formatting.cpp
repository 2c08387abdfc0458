#include "desktop/shell/formatting.h"

#include <QLabel>

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

#include "desktop/shell/language.h"

namespace vakt::desktop {

QTimeZone displayZone() {
    const QByteArray id = QSettings().value(QStringLiteral("timezone"), QStringLiteral("Europe/Oslo")).toString().toUtf8();
    QTimeZone zone(id);
    return zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("Europe/Oslo"));
}

QString formatDateTime(const QDateTime& utc) {
    if (!utc.isValid()) return QStringLiteral("–");
    const QDateTime local = utc.toTimeZone(displayZone());
    return QLocale().toString(local, QLocale::ShortFormat) + QLatin1Char(' ') + local.timeZoneAbbreviation();
}

QString formatTime(const QDateTime& utc) {
    if (!utc.isValid()) return QStringLiteral("–");
    const QDateTime local = utc.toTimeZone(displayZone());
    return QLocale().toString(local.time(), QLocale::ShortFormat) + QLatin1Char(' ') + local.timeZoneAbbreviation();
}

QString formatDate(const QDate& date) { return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QStringLiteral("–"); }

QString formatPercent(const std::optional<double>& ratio, int decimals) {
    if (!ratio) return QStringLiteral("–");
    return QLocale().toString(*ratio * 100, 'f', decimals) + QStringLiteral("\u00a0%");
}

QString formatNumber(qint64 n) { return QLocale().toString(n); }

QString formatSpan(qint64 seconds) {
    seconds = std::max<qint64>(seconds, 0);
    // lupdate reads the count argument best as a plain variable.
    int n = 0;
    if (seconds < 90) {
        n = int(seconds);
        return QCoreApplication::translate("Formatting", "%n sekund(er)", nullptr, n);
    }
    if (seconds < 90 * 60) {
        n = int((seconds + 30) / 60);
        return QCoreApplication::translate("Formatting", "%n minutt(er)", nullptr, n);
    }
    if (seconds < 36 * 3600) {
        n = int((seconds + 1800) / 3600);
        return QCoreApplication::translate("Formatting", "%n time(r)", nullptr, n);
    }
    n = int((seconds + 43200) / 86400);
    return QCoreApplication::translate("Formatting", "%n dag(er)", nullptr, n);
}

QString formatAge(const QDateTime& then, const QDateTime& now) {
    if (!then.isValid()) return QCoreApplication::translate("Formatting", "aldri");
    return QCoreApplication::translate("Formatting", "for %1 siden").arg(formatSpan(then.secsTo(now)));
}

QString inUserLanguage(const QString& norwegian, const QString& english) {
    return currentLanguage() == QLatin1String("en") && !english.isEmpty() ? english : norwegian;
}

QString describeError(const Error& error) {
    // What the user is shown in words of their own goes to the log in full, for whoever runs Vakt.
    qWarning("vakt-desktop: %s", error.message.c_str());
    switch (error.kind) {
        case ErrorKind::Invalid: return QCoreApplication::translate("Formatting", "Verdien ble ikke godtatt.");
        case ErrorKind::Denied: return QCoreApplication::translate("Formatting", "Rollen din har ikke tilgang til dette.");
        case ErrorKind::NotFound: return QCoreApplication::translate("Formatting", "Fant ikke det du ba om. Det kan være fjernet av en annen.");
        case ErrorKind::Conflict: return QCoreApplication::translate("Formatting", "Det går ikke nå: dataene er endret eller i en tilstand som ikke tillater det.");
        case ErrorKind::Io: return QCoreApplication::translate("Formatting", "Kunne ikke lese eller skrive databasen eller en fil.");
        case ErrorKind::Internal: return QCoreApplication::translate("Formatting", "En intern feil oppsto. Meld fra til de som drifter Vakt.");
    }
    return {};
}

bool showOutcome(QLabel* message, const Status& s, const QString& done) {
    if (!s) {
        message->setText(describeError(s.error()) + QLatin1Char(' ') + errorDetail(s.error()));
        message->setToolTip(errorDetail(s.error()));
        message->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
        return false;
    }
    message->setText(done);
    message->setToolTip({});
    message->setStyleSheet({});
    return true;
}

QString errorDetail(const Error& error) { return QString::fromStdString(error.message); }

}  // namespace vakt::desktop
