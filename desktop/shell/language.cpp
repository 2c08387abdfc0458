#include "desktop/shell/language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>
#include <memory>
#include <vector>

namespace vakt::desktop {

namespace {
QString current;
std::vector<std::unique_ptr<QTranslator>>& installed() {
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

void install(const QString& resource) {
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(resource)) {
        qWarning("vakt-desktop: cannot load the translation %s", qPrintable(resource));
        return;
    }
    QCoreApplication::installTranslator(translator.get());
    installed().push_back(std::move(translator));
}
}  // namespace

QStringList uiLanguages() { return {QStringLiteral("nb"), QStringLiteral("en")}; }

bool applyLanguage(const QString& code) {
    if (!uiLanguages().contains(code)) return false;
    for (auto& t : installed()) QCoreApplication::removeTranslator(t.get());
    installed().clear();
    if (code == QLatin1String("nb")) {
        // Vakt's texts are written in bokmål; this file holds only their plural forms. Debian
        // ships Qt's own texts in nynorsk only, so Vakt bundles bokmål for the ones people see.
        install(QStringLiteral(":/i18n/vakt_nb.qm"));
        install(QStringLiteral(":/i18n/qtbase_nb.qm"));
        QLocale::setDefault(QLocale(QLocale::NorwegianBokmal, QLocale::Norway));
    } else {
        install(QStringLiteral(":/i18n/vakt_en.qm"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
    current = code;
    return true;
}

QString currentLanguage() { return current; }

}  // namespace vakt::desktop
