#pragma once
// The user interface language: Vakt's own texts, Qt's (buttons, dialogs, context menus) and the
// locale that dates, times and numbers follow. Switching takes effect for windows built after it.
#include <QString>
#include <QStringList>

namespace vakt::desktop {

// "nb" (Norwegian bokmål, the source language) and "en".
QStringList uiLanguages();
// Installs the translators and the default locale for `code`; false for an unknown code.
bool applyLanguage(const QString& code);
QString currentLanguage();

}  // namespace vakt::desktop
