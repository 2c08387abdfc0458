#pragma once
// The desktop's modules. Each later capability (risk, incidents, changes, councils, access,
// reports) adds one entry here; the sidebar and --screenshot list only what is registered, so
// no empty pages are ever shown. The first entry is the page shown after sign-in.
#include <QIcon>
#include <QStyle>
#include <QString>
#include <functional>
#include <vector>

#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

namespace vakt::desktop {

struct ModuleInfo {
    QString id;  // the English name in lower case; also the --screenshot page name
    std::function<QString()> title;  // translated at call time
    QIcon icon;
    std::function<Page*(AppContext&, QWidget* parent)> create;
    // A short user guide (HTML), translated at call time: what F1 shows on this page.
    std::function<QString()> help;
};

std::vector<ModuleInfo> availableModules();

// The desktop theme's icon where it has one, else Qt's built-in one.
QIcon themeIcon(const QString& name, QStyle::StandardPixmap fallback);

}  // namespace vakt::desktop
